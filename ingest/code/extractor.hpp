// Extractor: Document -> Facts, the heart of dipgraph.
//
// Stages (docs/extraction.md), one folder of ingest/ each:
//   recognize  mentions of countries, capitals, organizations, people,
//              dates and places (recognize/recognizer.hpp);
//   syntax     each sentence that can hold a fact (a trigger lemma and an
//              actor mention) is tagged, lemmatized and parsed
//              (syntax/analyzer.hpp);
//   code       events from the parse by trigger classes (code/coder.hpp):
//              parties, status, then date and place from the tree;
//   patterns   the word-order pattern coder (code/pattern_coder.hpp) reads
//              the same sentences; its events count only when they name
//              two parties;
//   fold       the facts of one article that tell the same event become
//              one fact with all their evidence (code/draft.hpp).
//
// An Extractor is built once (it owns the dictionaries and the model) and
// is const and thread-safe afterwards: extract() may run on many threads.
// DIPGRAPH_TRACE=1 prints, for each fact, its trigger class and the tree
// paths that gave its parties and status.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "ingest/code/calibrate.hpp"
#include "ingest/code/coder.hpp"
#include "ingest/code/frames.hpp"
#include "ingest/code/pattern_coder.hpp"
#include "ingest/read/document.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/recognizer.hpp"

namespace dipgraph::syntax {
class Analyzer;
}

namespace dipgraph::ingest {

class Extractor {
 public:
  ~Extractor();
  // Loads the dictionaries, trigger classes and syntax model of `data_dir`
  // (throws Error naming the file if one is unusable).
  static std::unique_ptr<Extractor> load(const std::string& data_dir, Diagnostics& diag);
  // The facts of one article, in order of first evidence. Every fact has
  // type, CAMEO code, root, quad class, Goldstein value, status, evidence
  // and a content id (compute_fact_id). At most `max_facts` are returned.
  std::vector<Fact> extract(const Document& doc, std::size_t max_facts = 10000) const;
  const Recognizer& recognizer() const { return recognizer_; }
  const Dictionary& dictionary() const { return *dict_; }
  const syntax::Analyzer& analyzer() const { return *analyzer_; }
  // What the parse gate let through since load, over all threads (for
  // bench_extract): sentences read and parsed, and their lexer tokens.
  struct ParseCounts {
    std::uint64_t sentences = 0, tokens = 0, parsed = 0, parsed_tokens = 0;
  };
  ParseCounts parse_counts() const;

 private:
  Extractor(std::shared_ptr<const Dictionary> dict, FrameTable frames, StatusCues cues,
            std::vector<std::string> agents, std::unique_ptr<syntax::Analyzer> analyzer);
  std::shared_ptr<const Dictionary> dict_;
  Recognizer recognizer_;
  FrameTable frames_;
  StatusCues cues_;
  std::unique_ptr<Coder> coder_;
  PatternCoder patterns_;
  Calibration calibration_;  // data/calibration.tsv (calibrate.hpp)
  std::unique_ptr<syntax::Analyzer> analyzer_;
  bool trace_ = false;
  bool patterns_off_ = false;  // DIPGRAPH_PATTERN_CODER=0: the parse coder alone
  int rite_class_ = -1;        // frames.tsv @rite: nouns the parse gate lets in ("at the funeral of X")
  int nonstate_class_ = -1;    // frames.tsv @nonstate: an offer to act on them concerns no state of the story
  int infrastructure_class_ = -1;  // frames.tsv @infrastructure, @facility: works the parse gate lets in, so
  int facility_class_ = -1;        // that the tree can tell a work built from one only named (coder_vetoes.cpp)
  mutable std::atomic<std::uint64_t> sentences_{0}, tokens_{0}, parsed_{0}, parsed_tokens_{0};
};

// True if the fact names two different parties (countries, or actors
// without a country): a source and a target of different countries, or two
// such participants; an international organization counts as two (its
// members). Facts that name fewer add nothing to a graph of ties.
bool names_two_parties(const Fact& f);

}  // namespace dipgraph::ingest
