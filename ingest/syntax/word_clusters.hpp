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

}  // namespace dipgraph::syntax
