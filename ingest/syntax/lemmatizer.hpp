// Lemmatizer: the dictionary form of a tagged word ("met" -> "meet").
//
// WordNet 3.0's morphology compiled into data (data/syntax/lemmas.tsv, made
// by scripts/make-lemmas.py; data/syntax/lemmas-extra.tsv for clitics and
// pronouns): irregular forms from WordNet's exception lists, otherwise
// morphy's suffix rules whose result is a WordNet index word of the word's
// class, otherwise the lower-cased word. Loaded once into hash maps; a
// lookup allocates only the returned string (lemma_into: nothing once `out` has room).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"

namespace dipgraph::syntax {

inline constexpr std::uint8_t kNoXpos = 0xff;  // xpos unknown: inflected forms are tried

class Lemmatizer {
 public:
  ~Lemmatizer();

  // Reads the tables from the given files (the first required, the rest
  // optional extras). Throws dipgraph::Error "FILE:LINE: reason" on a bad
  // line, "FILE: cannot open" when the first file is missing.
  static std::unique_ptr<Lemmatizer> load(const std::vector<std::string>& paths);

  // The lower-case lemma of `word` tagged `upos` (and `xpos`, an index into
  // xpos_names(), or kNoXpos). Base forms (NN, VB, VBP, JJ, RB) are kept;
  // proper nouns, numbers and symbols are only lower-cased.
  std::string lemma(std::string_view word, Upos upos, std::uint8_t xpos = kNoXpos) const;

  // Writes the lemma into `out` (reusing its capacity).
  void lemma_into(std::string_view word, Upos upos, std::uint8_t xpos, std::string& out) const;

  // True if lower-case `form` is, in WordNet, an irregular inflection of a
  // verb ("struck", "fought") and no noun ("struck" is no noun; "shot",
  // "spoke", "left" are).
  bool verb_form_only(std::string_view form) const;

  // True if lower-case `form` is, in WordNet, an irregular inflection of a
  // verb, whatever else it may be ("shot", "left", "struck").
  bool irregular_verb_form(std::string_view form) const;

  // True if lower-case `lemma` is a WordNet noun.
  bool noun_index_word(std::string_view lemma) const;

  // True if lower-case `lemma` is a WordNet verb.
  bool verb_index_word(std::string_view lemma) const;

  // True if lower-case `word` is a WordNet adverb.
  bool adverb_index_word(std::string_view word) const;

  // True if lower-case `word` is a WordNet adjective ("armed", "renewed";
  // not "demanded", "urged").
  bool adjective_index_word(std::string_view word) const;

  // True if lower-case `form` is, in WordNet, a noun or a noun's plural and
  // no form of any verb or adjective ("tribute", "tributes"; not "ruling",
  // "talks", "recent").
  bool noun_form_only(std::string_view form) const;

  struct Tables;  // lemmatizer.cpp

 private:
  Lemmatizer();
  std::unique_ptr<Tables> t_;
};

}  // namespace dipgraph::syntax
