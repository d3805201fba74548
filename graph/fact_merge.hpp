// Folding facts of one id: merge_fact joins a later report of a fact into
// the first one (evidence, actors, topics, blanks filled).
//
// Folding n reports of one fact one by one with merge_fact costs O(n²):
// each call looks for the new evidence among all the evidence so far. A
// MergeIndex kept beside the fact being merged into remembers its evidence
// places and articles across calls, so n reports cost O(n) in all. The
// store keeps one for every fact that gathers many reports (docs/facts.md,
// "Merging").
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "graph/fact.hpp"

namespace dipgraph {

// Folds `from` into `into` (same id): joins evidence (deduplicated by
// article, sentence and offsets), source, target and participant actors (by
// id) and topics; fills fields that are empty in `into` (cameo with its root,
// quad class and Goldstein value; date, location, name, quote; an actor's
// country, role and a name that was only its id) from `from`; keeps the
// higher confidence; recomputes mentions and sources. Type and status stay those of
// `into`. Returns true if `into` changed. Idempotent: folding the same fact
// (or any fact already folded in) again returns false. Costs O(evidence of
// both); use a MergeIndex to fold many facts into one.
bool merge_fact(Fact& into, const Fact& from);

// Why two facts of one id are not one event, or empty when they may merge:
// a different type, two different dates, or two parties or more each and
// none in common. Content ids
// (compute_fact_id) never clash; explicit ids of another extractor may. A
// clash is reported with both records and never merged (docs/facts.md).
std::string fact_clash(const Fact& known, const Fact& incoming);

// The evidence places and articles of one fact, for merging many facts into
// it in time linear in their evidence. Pass the same `into` every time (the
// index catches up if evidence was appended to it elsewhere, and starts
// over if it shrank); clear() before using it for another fact.
class MergeIndex {
 public:
  // merge_fact(into, from), same result, without rescanning `into`.
  bool merge(Fact& into, const Fact& from);
  // Forgets everything (for reuse with another fact).
  void clear();

 private:
  void sync(const Fact& into);
  // Indexes into.evidence[i]; false if the same place is indexed already.
  bool index(const Fact& into, std::uint32_t i);
  // hash of (article, sentence, start, end) -> index into `into.evidence`
  std::unordered_multimap<std::uint64_t, std::uint32_t> places_;
  // hash of article -> index of its first evidence
  std::unordered_multimap<std::uint64_t, std::uint32_t> articles_;
  // Syndicated copies (count_mentions): the article number of each indexed
  // evidence, the union-find parent of each article number, and hash of a
  // sentence text -> index of its first evidence.
  std::vector<std::uint32_t> article_of_;
  std::vector<std::uint32_t> parent_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> texts_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> outlets_;  // hash -> evidence index
  std::size_t indexed_ = 0;  // evidence entries of `into` in the maps
  int mentions_ = 0;
  int sources_ = 0;
};

// The size from which a fact's evidence gets a MergeIndex in the store's
// fold (below it a linear scan is as fast and costs no memory).
inline constexpr std::size_t kMergeIndexFrom = 32;

}  // namespace dipgraph
