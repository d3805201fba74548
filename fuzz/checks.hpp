// The properties the fuzz targets check, one function per target, shared
// with tests/regression_test.cpp: a fuzz target aborts when its check
// returns a non-empty string, and every input the fuzzers found is replayed
// by the regression test through the same check (tests/data/regressions/
// <target>-*.bin). Each check takes arbitrary bytes and returns "" when all
// properties hold, else a one-line description of the first one broken.
// Header-only, so the fuzz targets and the test binary compile it alike.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "ingest/read/article.hpp"
#include "ingest/read/document.hpp"
#include "ingest/code/extractor.hpp"

namespace dipgraph::fuzz {

// True if `s` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF).
inline bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// A fresh, empty scratch directory per process (in /dev/shm when there is
// one: the store checks fsync), emptied on every call and removed at exit.
inline std::filesystem::path scratch_dir() {
  // Never destroyed, so that the exit handler can still use it.
  static const std::filesystem::path* const dir_ptr = [] {
    std::filesystem::path base = std::filesystem::exists("/dev/shm")
                                     ? std::filesystem::path("/dev/shm")
                                     : std::filesystem::temp_directory_path();
    auto* d = new std::filesystem::path(base / ("dipgraph-fuzz-" + std::to_string(::getpid())));
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*dir_ptr, ec);
    });
    return d;
  }();
  const std::filesystem::path& dir = *dir_ptr;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& p, std::string_view bytes) {
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// facts: a parsed fact has valid UTF-8 strings and serializes to a line
// that parses back and serializes to the same bytes; a refused line has a
// reason.
inline std::string check_facts(std::string_view line) {
  Fact fact;
  std::string error;
  if (!parse_fact(line, fact, error)) return error.empty() ? "refused without a reason" : "";
  std::string once;
  write_fact(fact, once);
  Fact again;
  if (!parse_fact(once, again, error)) return "write_fact output refused: " + error;
  std::string twice;
  write_fact(again, twice);
  if (once != twice) return "write_fact is not a fixed point";
  return "";
}

// document: bytes as an article's text -> Document. The text is valid
// UTF-8; tokens and sentences are in order and in bounds; sentences cover
// only the body and start and end on their tokens.
inline std::string check_document(std::string_view bytes) {
  Diagnostics diag(false);
  ingest::Article article;
  article.text.assign(bytes.data(), bytes.size());
  article.origin = "fuzz.txt";
  auto doc = ingest::make_document(std::move(article), "2025-07-11", diag);
  if (!valid_utf8(doc.text)) return "normalized text is not UTF-8";
  if (doc.body_start > doc.text.size()) return "body_start past the text";
  std::uint32_t last_end = 0;
  for (const auto& t : doc.tokens) {
    if (!(t.start < t.end && t.end <= doc.text.size())) return "token out of bounds";
    if (t.start < last_end) return "tokens overlap or out of order";
    last_end = t.end;
  }
  std::uint32_t last_sentence_end = doc.body_start;
  for (const auto& s : doc.sentences) {
    if (!(s.start <= s.end && s.end <= doc.text.size())) return "sentence out of bounds";
    if (s.start < last_sentence_end) return "sentences overlap, out of order or in the dateline";
    if (!(s.first_token <= s.end_token && s.end_token <= doc.tokens.size()))
      return "sentence token range out of bounds";
    if (s.first_token < s.end_token && (doc.tokens[s.first_token].start < s.start ||
                                        doc.tokens[s.end_token - 1].end > s.end))
      return "sentence does not contain its tokens";
    last_sentence_end = s.end;
  }
  return "";
}

// The facts of one extraction round-trip through write_fact / parse_fact and
// their evidence is the normalized text between its offsets.
inline std::string check_extracted_facts(const ingest::Document& doc,
                                         const std::vector<Fact>& facts) {
  for (const auto& f : facts) {
    std::string line;
    write_fact(f, line);
    if (auto e = check_facts(line); !e.empty()) return "extracted fact: " + e;
    Fact back;
    std::string error;
    if (!parse_fact(line, back, error)) return "extracted fact refused: " + error;
    if (back.id != f.id) return "extracted fact id changes on reading back";
    if (f.evidence.empty()) return "extracted fact without evidence";
    for (const auto& ev : f.evidence) {
      if (ev.start > ev.end || ev.end > doc.text.size()) return "evidence offsets out of bounds";
      if (ev.text != std::string_view(doc.text).substr(ev.start, ev.end - ev.start))
        return "evidence text is not the normalized text between its offsets";
      if (ev.article != doc.article.id) return "evidence names another article";
    }
  }
  return "";
}

// extract: bytes as an article's text -> Document -> facts.
inline std::string check_extract(std::string_view bytes, const ingest::Extractor& extractor,
                                 std::size_t max_facts = 10000) {
  Diagnostics diag(false);
  ingest::Article article;
  article.text.assign(bytes.data(), bytes.size());
  article.id = ingest::article_id(article.text);
  article.origin = "fuzz.txt";
  auto doc = ingest::make_document(std::move(article), "2025-07-11", diag);
  if (!valid_utf8(doc.text)) return "normalized text is not UTF-8";
  auto facts = extractor.extract(doc, max_facts);
  if (facts.size() > max_facts) return "more facts than max_facts";
  return check_extracted_facts(doc, facts);
}

// reader: bytes as a .jsonl batch, an .html page and a .txt file through
// read_articles. Every article has non-empty text within the size limit
// and an origin; every diagnostic names the input file.
inline std::string check_reader(std::string_view bytes) {
  auto dir = scratch_dir();
  for (const char* name : {"in.jsonl", "in.html", "in.txt"}) {
    auto path = dir / name;
    write_file(path, bytes);
    Diagnostics diag(false);
    ingest::ReadOptions options;
    options.default_date = "2025-07-11";
    options.max_article_bytes = 4096;  // fuzz inputs are small: exercise the limit
    std::string problem;
    std::size_t skipped = ingest::read_articles({path.string()}, options, diag,
                                                [&](ingest::Article&& a) {
      if (!problem.empty()) return;
      if (a.text.empty()) problem = std::string(name) + ": article with empty text";
      if (a.text.size() > options.max_article_bytes)
        problem = std::string(name) + ": article over max_article_bytes";
      if (a.origin.empty()) problem = std::string(name) + ": article without origin";
      if (a.id.empty()) problem = std::string(name) + ": article without id";
    });
    if (!problem.empty()) return problem;
    for (const auto& d : diag.all())
      if (d.place.file.find(name) == std::string::npos)
        return std::string(name) + ": diagnostic without the file name: " + format_diagnostic(d);
    if (skipped > 0 && diag.error_count() == 0)
      return std::string(name) + ": input skipped without an error";
  }
  return "";
}

// store: bytes as a store's log. Loading never throws and names file:line
// for every problem; check --repair leaves a log that loads without any
// diagnostic and with exactly the facts that loaded before.
inline std::string check_store(std::string_view bytes) {
  auto dir = scratch_dir() / "store";
  std::string before, after;
  {
    FactStore store(dir, true);
    write_file(store.log_path(), bytes);
    Diagnostics diag(false);
    std::vector<Fact> facts;
    try {
      facts = store.load(diag);
    } catch (const std::exception& e) {
      return std::string("load threw: ") + e.what();
    }
    for (const auto& d : diag.all())
      if (d.place.file != store.log_path().string() || d.place.line == 0)
        return "load diagnostic without file:line: " + format_diagnostic(d);
    for (const auto& f : facts) write_fact(f, before), before += '\n';
    Diagnostics check_diag(false);
    CheckStats stats;
    try {
      stats = store.check(check_diag, true);
    } catch (const std::exception& e) {
      return std::string("check --repair threw: ") + e.what();
    }
    bool damage = stats.damaged > 0 || stats.torn_tail;
    if (damage != (diag.error_count() + diag.warning_count() > 0))
      return "check and load disagree about damage";
  }
  FactStore store(dir, false);
  Diagnostics diag(false);
  auto facts = store.load(diag);
  if (diag.error_count() + diag.warning_count() > 0)
    return "load after repair reports: " + format_diagnostic(diag.all().front());
  for (const auto& f : facts) write_fact(f, after), after += '\n';
  if (before != after) return "repair changed the facts that load";
  Diagnostics again(false);
  auto stats = store.check(again, false);
  if (stats.damaged > 0 || stats.torn_tail) return "check after repair still finds damage";
  return "";
}

}  // namespace dipgraph::fuzz
