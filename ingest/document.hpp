// Document: an article's cleaned text split into sentences and tokens.
//
// normalize() checks UTF-8 (bad bytes are reported and replaced by U+FFFD),
// maps smart quotes and dashes to ASCII, joins hard-wrapped lines, undoes
// hyphenation at line ends, drops markup debris, and finds the dateline.
// All offsets are byte offsets into Document::text (the normalized text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "ingest/article.hpp"

namespace dipgraph::ingest {

enum class TokenShape : std::uint8_t {
  word,         // letters (any script), may contain ' or - inside
  number,       // digits, with inner . or ,
  punct,        // one punctuation character
};

struct Token {
  std::uint32_t start = 0, end = 0;  // bytes in Document::text
  TokenShape shape = TokenShape::word;
  bool capitalized = false;          // first character is an upper-case letter
};

struct Sentence {
  std::uint32_t start = 0, end = 0;              // bytes in Document::text
  std::uint32_t first_token = 0, end_token = 0;  // token index range [first, end)
  std::uint32_t paragraph = 0;
};

struct Document {
  Article article;                  // metadata; article.text is the raw text
  std::string text;                 // normalized text
  std::uint32_t body_start = 0;     // first byte after the dateline ("July 11, Pakistan -- ")
  std::string dateline_place;       // "Pakistan", "NAIROBI"; empty if none
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view token_text(std::uint32_t i) const {
    return std::string_view(text).substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  std::string_view sentence_text(std::uint32_t i) const {
    return std::string_view(text).substr(sentences[i].start, sentences[i].end - sentences[i].start);
  }
};

// Builds the Document for `article`: normalizes, resolves the date (article
// date, else dateline, with `default_date` supplying a missing year or the
// whole date), splits sentences and tokens. Problems (bad UTF-8) are
// reported to `diag` as warnings with the article's origin and byte offset.
Document make_document(Article article, const std::string& default_date, Diagnostics& diag);

// The stages of make_document, exposed for tests.
std::string normalize_text(std::string_view raw, const std::string& origin, Diagnostics& diag);
std::vector<Token> tokenize(std::string_view text);
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace dipgraph::ingest
