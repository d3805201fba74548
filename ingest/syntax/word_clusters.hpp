// Word clusters: classes of words that occur in like contexts, learned from
// running text alone, for the parser's features (a rare training word's
// class carries what its frequent classmates taught the model).
//
// The exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
// each word is in one of `classes` classes; words are moved one at a time
// to the class that most raises the likelihood of a class bigram model of
// the text, sum N(c,d) log N(c,d) - sum N(c) log N(c) (left and right
// counts), until a pass moves few words or `passes` is reached. Words seen
// fewer than `min_count` times get no class. Deterministic: the same text
// gives the same classes.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace dipgraph::syntax {

// Word hash -> class (0..classes-1). Words are given as hashes (the
// parser's folded word hashes), one vector per sentence.
using WordClusters = std::unordered_map<std::uint64_t, std::uint8_t>;

// Learns classes (at most 255) from `sentences`; see above.
WordClusters exchange_clusters(const std::vector<std::vector<std::uint64_t>>& sentences, int classes,
                               int min_count, int passes);

// A frozen copy of a WordClusters for lookups while parsing: open
// addressing in one flat array (at most half full), so a lookup reads one
// slot, usually one cache line, where the unordered_map follows a bucket
// to a node. Keys are the parser's mixed word hashes, so their low bits
// index the slots as they are.
class ClusterIndex {
 public:
  ClusterIndex() = default;
  explicit ClusterIndex(const WordClusters& clusters);
  bool empty() const { return size_ == 0; }
  // The class of word hash `h`, or -1 when it has none.
  int find(std::uint64_t h) const {
    if (size_ == 0) return -1;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& sl = slots_[i];
      if (sl.cls < 0) return -1;
      if (sl.key == h) return sl.cls;
    }
  }
  // Starts loading the slot of word hash `h`.
  void prefetch(std::uint64_t h) const {
    if (size_) __builtin_prefetch(&slots_[h & mask_]);
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::int32_t cls = -1;  // -1: empty
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace dipgraph::syntax
