// Word clusters by the exchange algorithm (see word_clusters.hpp).
//
// Words are numbered by falling frequency (ties by hash), the rare ones
// share one extra word id kept in a class of its own, and sentence
// boundaries are a word of their own too. Self-bigrams (w w) are left out
// of a word's move gain, which keeps the update exact for the rest.
#include "ingest/syntax/word_clusters.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace dipgraph::syntax {
namespace {
double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }
}  // namespace

WordClusters exchange_clusters(const std::vector<std::vector<std::uint64_t>>& sentences, int classes,
                               int min_count, int passes) {
  classes = std::clamp(classes, 2, 255);
  std::unordered_map<std::uint64_t, int> count;
  for (const auto& s : sentences)
    for (std::uint64_t h : s) ++count[h];
  std::vector<std::pair<int, std::uint64_t>> by_freq;
  for (const auto& [h, c] : count)
    if (c >= min_count) by_freq.emplace_back(-c, h);
  std::sort(by_freq.begin(), by_freq.end());
  const int V = static_cast<int>(by_freq.size());
  const int kRare = V, kEdge = V + 1, W = V + 2;  // rare words, sentence boundary
  std::unordered_map<std::uint64_t, int> id;
  for (int i = 0; i < V; ++i) id[by_freq[i].second] = i;
  // Bigram counts per word: right neighbours and left neighbours.
  std::vector<std::map<int, int>> right(W), left(W);
  std::vector<int> freq(W, 0);
  for (const auto& s : sentences) {
    int prev = kEdge;
    ++freq[kEdge];
    for (std::size_t i = 0; i <= s.size(); ++i) {
      int cur = kEdge;
      if (i < s.size()) {
        auto it = id.find(s[i]);
        cur = it == id.end() ? kRare : it->second;
        ++freq[cur];
      }
      ++right[prev][cur];
      ++left[cur][prev];
      prev = cur;
    }
  }
  // Classes: the C-1 most frequent words one class each, the others class
  // C-1 (Martin et al.); the rare word and the boundary get classes C and
  // C+1 and never move.
  const int C = classes, K = C + 2;
  std::vector<int> cls(W);
  for (int i = 0; i < V; ++i) cls[i] = std::min(i, C - 1);
  cls[kRare] = C;
  cls[kEdge] = C + 1;
  std::vector<double> M(static_cast<std::size_t>(K) * K, 0.0), NL(K, 0.0), NR(K, 0.0);
  for (int w = 0; w < W; ++w)
    for (const auto& [v, c] : right[w]) {
      M[std::size_t(cls[w]) * K + cls[v]] += c;
      NL[cls[w]] += c;
      NR[cls[v]] += c;
    }
  std::vector<double> r(K), l(K);
  std::vector<int> rc, lc;  // classes with r / l nonzero
  for (int pass = 0; pass < passes; ++pass) {
    int moved = 0;
    for (int w = 0; w < V; ++w) {
      // w's bigram counts by the class of the other word (self-bigrams apart).
      rc.clear();
      lc.clear();
      double self = 0, out_w = 0, in_w = 0;
      for (const auto& [v, c] : right[w]) {
        out_w += c;
        if (v == w) {
          self += c;
          continue;
        }
        if (r[cls[v]] == 0) rc.push_back(cls[v]);
        r[cls[v]] += c;
      }
      for (const auto& [u, c] : left[w]) {
        in_w += c;
        if (u == w) continue;
        if (l[cls[u]] == 0) lc.push_back(cls[u]);
        l[cls[u]] += c;
      }
      // Take w out of its class.
      const int a = cls[w];
      for (int c : rc) M[std::size_t(a) * K + c] -= r[c];
      for (int c : lc) M[std::size_t(c) * K + a] -= l[c];
      M[std::size_t(a) * K + a] -= self;
      NL[a] -= out_w;
      NR[a] -= in_w;
      // Gain of putting w into class b, up to a constant.
      auto gain = [&](int b) {
        double g = 0;
        for (int c : rc) {
          const double m = M[std::size_t(b) * K + c];
          g += xlogx(m + r[c]) - xlogx(m);
        }
        for (int c : lc) {
          const double m = M[std::size_t(c) * K + b];
          // the cell (b, b) may get both r[b] and l[b]: count it once, exactly
          if (c == b) {
            const double rb = r[b];
            g += xlogx(m + rb + l[c] + self) - xlogx(m + rb);
            continue;
          }
          g += xlogx(m + l[c]) - xlogx(m);
        }
        if (l[b] == 0 && self > 0) {
          const double m = M[std::size_t(b) * K + b] + r[b];
          g += xlogx(m + self) - xlogx(m);
        }
        g -= xlogx(NL[b] + out_w) - xlogx(NL[b]) + xlogx(NR[b] + in_w) - xlogx(NR[b]);
        return g;
      };
      int best = a;
      double best_g = gain(a);
      for (int b = 0; b < C; ++b) {
        if (b == a) continue;
        const double g = gain(b);
        if (g > best_g + 1e-9) best_g = g, best = b;
      }
      cls[w] = best;
      moved += best != a;
      for (int c : rc) M[std::size_t(best) * K + c] += r[c];
      for (int c : lc) M[std::size_t(c) * K + best] += l[c];
      M[std::size_t(best) * K + best] += self;
      NL[best] += out_w;
      NR[best] += in_w;
      for (int c : rc) r[c] = 0;
      for (int c : lc) l[c] = 0;
    }
    if (moved * 1000 < V) break;
  }
  WordClusters out;
  for (int i = 0; i < V; ++i) out[by_freq[i].second] = static_cast<std::uint8_t>(cls[i]);
  return out;
}

ClusterIndex::ClusterIndex(const WordClusters& clusters) : size_(clusters.size()) {
  std::size_t cap = 16;
  while (cap < 2 * size_) cap *= 2;
  slots_.resize(cap);
  mask_ = cap - 1;
  for (const auto& [h, c] : clusters) {
    std::size_t i = h & mask_;
    while (slots_[i].cls >= 0) i = (i + 1) & mask_;
    slots_[i] = Slot{h, c};
  }
}

}  // namespace dipgraph::syntax
