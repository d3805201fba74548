// Document: an article's cleaned text split into sentences and tokens.
//
// normalize_text() checks UTF-8 (bad bytes are reported and replaced by
// U+FFFD), maps smart quotes and dashes to ASCII, joins hard-wrapped lines,
// undoes hyphenation at line ends and drops markup debris; make_document()
// then finds the dateline, resolves the date, tokenizes and splits.
// All offsets are byte offsets into Document::text (the normalized text).
//
// The normalized text has one paragraph a line: paragraphs are separated by
// a single '\n', words by single spaces, no line starts or ends with a
// space. Quotes are ASCII ' and ", dashes between words " - ", ellipses "...".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "ingest/read/article.hpp"

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
  std::uint32_t body_start = 0;     // first byte after the dateline ("July 11, Pakistan - ")
  std::string dateline_place;       // as written: "Pakistan", "NAIROBI", "KYIV, Ukraine"; empty if none
  std::vector<Token> tokens;        // all tokens, the dateline's included
  std::vector<Sentence> sentences;  // cover the body: they start at or after body_start
  std::string dateline_agency;      // "Reuters" from "(Reuters)"; empty if none

  std::string_view token_text(std::uint32_t i) const {
    return std::string_view(text).substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  std::string_view sentence_text(std::uint32_t i) const {
    return std::string_view(text).substr(sentences[i].start, sentences[i].end - sentences[i].start);
  }
};

// Builds the Document for `article`: normalizes, resolves the date (a date
// from metadata, else the dateline's, else the article's default date, else
// `default_date`; `default_date` also supplies a year the dateline lacks),
// splits tokens and sentences. Problems (bad UTF-8) are reported to `diag`
// as warnings with the article's origin and byte offset. Never throws on
// bad text.
Document make_document(Article article, const std::string& default_date, Diagnostics& diag);

// The stages of make_document, exposed for tests and benchmarks.

// Raw text -> normalized text (see the top of this file). Bad UTF-8 is
// replaced by U+FFFD and reported once, as a warning at `origin` with the
// byte offset (in `raw`) of the first bad sequence.
std::string normalize_text(std::string_view raw, const std::string& origin, Diagnostics& diag);

// Words, numbers and punctuation with byte offsets into `text`; spaces and
// '\n' separate tokens and belong to none.
std::vector<Token> tokenize(std::string_view text);

// True for a title abbreviation written with a period ("Mr", "Gen", "Sen"):
// the period belongs to the word and never ends a sentence.
bool is_title_abbreviation(std::string_view word);

// Sentences over `tokens` of `text`, in order, each inside one paragraph.
// Tokens that start before `body_start` (the dateline) belong to no
// sentence; paragraphs are still counted from the start of the text.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      std::uint32_t body_start = 0);

}  // namespace dipgraph::ingest
