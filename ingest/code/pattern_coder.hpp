// PatternCoder: events from word order and dictionary patterns, the
// coder dipgraph used before it parsed (data/events.tsv, data/cues.tsv).
//
// Per sentence: clauses cut at punctuation and subordinators, triggers
// matched as phrases, source from the subject side, target from the object
// side or a pattern's preposition, status from cue words nearby. It is kept
// beside the parse-based Coder (coder.hpp) as a second reader: the
// Extractor takes its facts only when they name two parties, so it adds the
// events the parse-based classes do not cover yet without its one-sided
// guesses (docs/extraction.md, "Two coders"). Const and thread-safe.
#pragma once

#include <memory>
#include <vector>

#include "ingest/code/draft.hpp"
#include "ingest/read/document.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/recognizer.hpp"

namespace dipgraph::ingest {

namespace pattern {
struct Words;  // pattern_detail.hpp
}

class PatternCoder {
 public:
  explicit PatternCoder(std::shared_ptr<const Dictionary> dict);
  // Appends the drafts of `doc` (recognized as `a`) to `drafts`, in
  // reading order; stops after about 2 * max_facts.
  void code(const Document& doc, const Analysis& a, std::vector<Draft>& drafts,
            std::size_t max_facts) const;

 private:
  std::shared_ptr<const Dictionary> dict_;
  std::shared_ptr<const pattern::Words> words_;
  bool trace_ = false;
};

}  // namespace dipgraph::ingest
