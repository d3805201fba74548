// Facts <-> JSON lines (docs/facts.md). RapidJSON stays inside the
// fact_json*.cpp files: reading in fact_json.cpp (the fast path) and
// fact_json_dom.cpp (the strict reader), writing in fact_json_write.cpp.
#pragma once

#include <string>
#include <string_view>

#include "graph/fact.hpp"

namespace dipgraph {

// Parses one JSON object into `fact`. On failure returns false and sets
// `error` to a one-line reason ("missing \"type\"", "\"date\" is not EDTF",
// "not JSON: ... at column 12", "not JSON: nested deeper than 64 levels at
// column N", "duplicate key \"id\"", "empty \"article\" in
// \"evidence\"[0]", "\"end\" ... is out of range"); `fact` is then
// unspecified. Never recurses deeper than kMaxJsonDepth. Fills id
// (compute_fact_id) when absent, root / quad_class / goldstein from cameo
// when absent, and mentions from evidence.
bool parse_fact(std::string_view line, Fact& fact, std::string& error);

// Appends `fact` as one JSON object on one line (no trailing newline).
// Output is UTF-8 with non-ASCII kept; control characters escaped.
void write_fact(const Fact& fact, std::string& out);

// What one JSONL record looks like, for telling facts files from article
// batches: a JSON object with "text" is an article (a fact keeps its text
// inside "evidence"); else one with "type" and an actor field ("source",
// "target" or "participants") is a fact; anything else (not JSON, not an
// object, neither) is unknown.
enum class RecordKind { fact, article, unknown };
RecordKind sniff_record(std::string_view line);

// True if `date` is an EDTF date dipgraph understands: YYYY, YYYY-MM,
// YYYY-MM-DD, or a decade/century with X digits (197X, 19XX).
bool is_edtf_date(std::string_view date);

namespace detail {
// The two halves of parse_fact, for tests: the fast pull parser (true only
// if it could read the line entirely; never an error message) and the
// RapidJSON DOM parser that reports errors. Where the fast one succeeds both
// give the same Fact.
bool parse_fact_fast(std::string_view line, Fact& fact);
bool parse_fact_dom(std::string_view line, Fact& fact, std::string& error);
}  // namespace detail

}  // namespace dipgraph
