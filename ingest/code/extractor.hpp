// Extractor: Document -> Facts, the heart of dipgraph.
//
// Stages (docs/extraction.md): recognize mentions (recognizer.hpp); find
// event triggers with the pattern dictionary (data/events.tsv); for each
// trigger pick source and target from its clause (subject side = source,
// object side = target, passive voice swapped), its status from cue words
// around it (data/cues.tsv), its date and place from its clause, then its
// sentence, then the dateline; last, fold the facts of one article that
// tell the same event into one fact with all their evidence.
//
// An Extractor is built once (it owns the compiled dictionaries) and is
// const and thread-safe afterwards: extract() may run on many threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/read/document.hpp"
#include "ingest/recognize/recognizer.hpp"

namespace dipgraph::ingest {

class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const Dictionary> dict);
  // Loads the dictionaries of `data_dir` (throws Error if unusable).
  static std::unique_ptr<Extractor> load(const std::string& data_dir, Diagnostics& diag);

  // The facts of one article, in order of first evidence. Every fact has
  // type, CAMEO code, root, quad class, Goldstein value, status, evidence
  // and a content id (compute_fact_id). At most `max_facts` are returned.
  std::vector<Fact> extract(const Document& doc, std::size_t max_facts = 10000) const;

  const Recognizer& recognizer() const { return recognizer_; }
  const Dictionary& dictionary() const { return *dict_; }

 private:
  struct Ids;
  std::shared_ptr<const Dictionary> dict_;
  Recognizer recognizer_;
  std::shared_ptr<const Ids> ids_;
  bool trace_ = false;  // DIPGRAPH_TRACE set: each trigger and its roles on stderr
};

}  // namespace dipgraph::ingest
