// Reading article batches: .txt (with or without a dateline), .jsonl (one
// article a line), .html, directories (recursively) and "-" for stdin.
//
// Readers only find articles and their metadata; cleaning the text is the
// normalizer's job (document.hpp). A bad input or record is reported to the
// Diagnostics with its place and skipped; the rest of the batch goes on.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "graph/error.hpp"

namespace dipgraph::ingest {

struct Article {
  std::string id;       // given id, else "a" + 16 hex of a hash of the raw text
  std::string date;     // YYYY-MM-DD when known (metadata, dateline, --date), else ""
  std::string source, title, url;
  std::string text;     // raw text as read (HTML already reduced to text)
  std::string origin;   // "file.txt" or "batch.jsonl:17", for diagnostics
  std::vector<std::pair<std::string, std::string>> metadata;  // other JSONL fields
};

struct ReadOptions {
  std::string default_date;                      // --date YYYY-MM-DD
  std::size_t max_article_bytes = 64u << 20;     // larger articles are skipped with an error
};

// Calls `sink` for every article found in `inputs`, in input order (a
// directory in sorted path order). Returns the number of inputs (files or
// records) skipped because of errors, each reported to `diag`.
std::size_t read_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                          Diagnostics& diag, const std::function<void(Article&&)>& sink);

}  // namespace dipgraph::ingest
