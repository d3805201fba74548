// Reading article batches: .txt (with or without a dateline), .jsonl (one
// article a line), .html, directories (recursively) and "-" for stdin.
//
// Readers only find articles and their metadata; cleaning the text is the
// normalizer's job (document.hpp). A bad input or record is reported to the
// Diagnostics with its place and skipped; the rest of the batch goes on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/error.hpp"

namespace dipgraph::ingest {

// Where Article::date came from.
enum class DateSource : std::uint8_t { none, metadata, dateline, default_date };

struct Article {
  std::string id;       // given id, else "a" + 16 hex of fnv1a64 of `text`
  std::string date;     // YYYY-MM-DD when known (metadata, dateline, --date), else ""
  std::string source, title, url;
  std::string text;     // raw text as read (HTML already reduced to text)
  std::string origin;   // "file.txt" or "batch.jsonl:17", for diagnostics
  std::vector<std::pair<std::string, std::string>> metadata;  // other JSONL fields
  DateSource date_source = DateSource::none;                  // where `date` came from
};

struct ReadOptions {
  std::string default_date;                      // --date YYYY-MM-DD
  std::size_t max_article_bytes = 64u << 20;     // larger articles are skipped with an error
};

// Calls `sink` for every article found in `inputs`, in input order (a
// directory in sorted path order). Returns the number of inputs (files or
// records) skipped because of errors, each reported to `diag`.
//
// Inputs: "-" is stdin (JSONL if its first non-space byte is '{', else one
// text article); a directory is read recursively (files ending .txt, .text,
// .jsonl, .ndjson, .html, .htm, any case); a named file is read by its
// extension (.jsonl/.ndjson: batch, .html/.htm: page), else sniffed like
// stdin (JSONL, an HTML page, or text).
// JSONL records: "text" (required), "id", "title", "date", "source" (or
// "outlet": the publisher), "url";
// other fields go to metadata (strings as they are, other values as JSON).
// Errors, each skipping one input or record: missing or unreadable file,
// a named input or directory entry that is not a regular file (a FIFO or a
// device: refused without being opened), a dangling or looping symbolic link
// or an unreadable subdirectory in a directory, empty file, binary file,
// article or JSONL line over max_article_bytes (read in bounded memory;
// stdin no further than the limit + 1 byte), a line that is not JSON
// (nested deeper than kMaxJsonDepth, a raw NUL byte, ...) or not an object
// or has a key twice, a record without a string "text" or with an empty
// one. The first 20 bad lines of a JSONL file are reported one by one, the
// rest as one count; all are counted in the result. A bad "date" is a
// warning; the article is kept without it.
// Dates: metadata, else the dateline's (year from default_date when it
// lacks one), else default_date; date_source says which.
std::size_t read_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                          Diagnostics& diag, const std::function<void(Article&&)>& sink);

// The id an article without one gets: "a" + 16 hex digits of fnv1a64(text).
std::string article_id(std::string_view text);

}  // namespace dipgraph::ingest
