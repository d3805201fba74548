// Analyzer: the syntax stage as one call, for the extractor and `dipgraph
// parse`: tags a sentence's words (tagger.hpp), lemmatizes them
// (lemmatizer.hpp) and parses them (parser.hpp) into one Analysis.
//
// Models come from one folder (data/syntax/): tagger.bin, parser.bin,
// lemmas.tsv and lemmas-extra.tsv. Loaded once; analyze() is const and
// thread-safe with one Scratch per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"
#include "ingest/syntax/lemmatizer.hpp"
#include "ingest/syntax/parser.hpp"
#include "ingest/syntax/tagger.hpp"

namespace dipgraph::syntax {

class Analyzer {
 public:
  // Per-thread working memory; after the longest sentence, analyze()
  // allocates only for lemmas longer than any seen before.
  struct Scratch {
    TaggerScratch tag;
    ParserScratch parse;
    std::vector<int> fixed;   // classes known before tagging (hints)
    std::vector<bool> named;  // words the hints name
  };

  // Loads the models of `data_dir` (the folder holding tagger.bin, ...).
  // Throws dipgraph::Error naming the file that is missing or damaged.
  // Without `with_parser`, parser.bin is not read and analyze() leaves every
  // head -1 and relation 0 ("root").
  static std::unique_ptr<Analyzer> load(const std::string& data_dir, bool with_parser = true);

  // Fills `out` for `words` (one sentence, UD tokenization: "'s", "n't" and
  // punctuation as words of their own): upos, xpos, lemma, head, rel, each
  // with words.size() entries. Any input is accepted.
  void analyze(const std::vector<std::string_view>& words, Analysis& out, Scratch& s) const;

  // What the caller already knows of a word's class (a name the recognizer
  // found): the tagger's choice is replaced when it disagrees, before
  // lemmatizing and parsing.
  enum class Hint : std::uint8_t { none, proper_noun, adjective };
  // analyze() with one hint per word (`hints` may be shorter than `words`).
  void analyze(const std::vector<std::string_view>& words, const std::vector<Hint>& hints,
               Analysis& out, Scratch& s) const;

  const Tagger& tagger() const { return *tagger_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }
  const Parser* parser() const { return parser_.get(); }  // null without a parser

 private:
  std::unique_ptr<Tagger> tagger_;
  int adjective_class_ = -1;    // the tagger's (ADJ, JJ) class
  int preposition_class_ = -1;  // the tagger's (ADP, IN) class
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<Parser> parser_;
};

}  // namespace dipgraph::syntax
