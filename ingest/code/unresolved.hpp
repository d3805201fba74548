// What the dictionaries miss: names that act in an event-like clause but
// resolve to no known actor (`dipgraph extract --unresolved`,
// docs/usage.md).
//
// A clause is event-like when its verb is a trigger lemma of the trigger
// classes (data/frames.tsv). A name acts in it when it is the verb's
// subject, object or prepositional argument (nsubj, nsubj:pass, obj, iobj,
// obl, obl:agent), is a proper noun (with its compound and flat name words),
// and no mention of the recognizer covers it: no country, capital,
// organization, person or place of data/ names it, and it is no date. Counting these tells a
// user which people, groups and places to add to the dictionaries.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/code/extractor.hpp"
#include "ingest/code/frames.hpp"
#include "ingest/read/document.hpp"

namespace dipgraph::ingest {

struct UnresolvedName {
  std::string name;           // as written ("Marlowe Vantress")
  std::size_t count = 0;      // clauses it acted in
  std::string article;        // the article of its first clause
  std::string example;        // that clause's sentence
};

class UnresolvedNames {
 public:
  // Uses the recognizer and syntax models of `extractor` and the trigger
  // lemmas of `frames`; both must outlive this object.
  UnresolvedNames(const Extractor& extractor, const FrameTable& frames);
  // Counts the unresolved acting names of `doc`.
  void scan(const Document& doc);
  // Every name seen, most frequent first, then by name.
  std::vector<UnresolvedName> ranked() const;

 private:
  const Extractor& extractor_;
  const FrameTable& frames_;
  std::unordered_map<std::string, UnresolvedName> names_;
};

}  // namespace dipgraph::ingest
