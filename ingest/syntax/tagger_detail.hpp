// Tagger internals shared by tagging and loading (tagger.cpp) and by
// training (tagger_train.cpp): the model file's constants, the word hashes,
// the feature templates, the training rows (Learner) and the frozen rows
// tagging reads (Frozen). Not for use outside ingest/syntax/tagger*.cpp.
#pragma once

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/syntax/huge_pages.hpp"
#include "ingest/syntax/mix.hpp"
#include "ingest/syntax/tagger.hpp"

namespace dipgraph::syntax {
namespace tagger_detail {

// Version 2 is written; version 1 (fixed-width rows) is still read.
constexpr char kMagic1[] = "dipgraph-tagger 1\n";
constexpr char kMagic[] = "dipgraph-tagger 2\n";
constexpr int kMaxClasses = 250;
constexpr int kPadTag = 251;    // tag before the sentence start
constexpr int kEndTag = 252;    // tag after the sentence end
constexpr int kMaxKeys = 48;
// A first-pass decision this far ahead of the runner-up (in int16 weight
// units, largest weight 8000) is kept without the second pass. Chosen on
// EWT dev (UPOS 95.01 -> 95.04, and a third of the second pass's work).
constexpr std::int32_t kSure = 5000;

inline std::uint64_t mix(std::uint64_t x) { return mix64(x); }
inline std::uint64_t hash_bytes(const char* p, std::size_t n) {
  std::uint64_t h = 1469598103934665603ULL;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 1099511628211ULL;
  return mix(h ^ n);
}
inline std::uint64_t key(int templ, std::uint64_t v) {
  return mix(v + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(templ + 1)) | 1;
}
inline std::uint64_t pair(std::uint64_t a, std::uint64_t b) { return mix(a * 0x100000001b3ULL) ^ b; }

// Hashes of every word of a sentence, plus sentence-boundary pads.
inline void hash_words(const std::vector<std::string_view>& words, TaggerScratch& s) {
  const std::size_t n = words.size();
  for (auto* v : {&s.form, &s.lower, &s.shape, &s.flags, &s.pre1, &s.pre2, &s.pre3, &s.suf1,
                  &s.suf2, &s.suf3, &s.suf4})
    v->resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view w = words[i];
    s.buf.assign(w.data(), w.size());
    std::uint64_t fl = (i == 0) ? 1 : 0;
    bool upper0 = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    bool all_upper = true, alpha = false;
    char shape[8];
    std::size_t sn = 0;
    char last = 0;
    int run = 0;
    for (char& c : s.buf) {
      char k;
      if (c >= 'A' && c <= 'Z') {
        alpha = true;
        k = 'X';
        c = static_cast<char>(c - 'A' + 'a');
      } else if (c >= 'a' && c <= 'z') {
        alpha = true;
        all_upper = false;
        k = 'x';
      } else if (c >= '0' && c <= '9') {
        fl |= 8;
        k = 'd';
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        alpha = true;
        k = 'u';
      } else {
        if (c == '-') fl |= 16;
        k = c;
      }
      run = (k == last) ? run + 1 : 1;
      last = k;
      if (run <= 2 && sn < sizeof shape) shape[sn++] = k;
    }
    if (upper0) fl |= 2;
    if (upper0 && all_upper && w.size() > 1) fl |= 4;
    if (alpha) fl |= 32;
    fl |= static_cast<std::uint64_t>(std::min<std::size_t>(w.size(), 6)) << 6;
    const char* l = s.buf.data();
    std::size_t m = s.buf.size();
    s.form[i] = hash_bytes(w.data(), w.size());
    s.lower[i] = hash_bytes(l, m);
    s.shape[i] = hash_bytes(shape, sn);
    s.flags[i] = fl;
    s.pre1[i] = hash_bytes(l, std::min<std::size_t>(m, 1));
    s.pre2[i] = hash_bytes(l, std::min<std::size_t>(m, 2));
    s.pre3[i] = hash_bytes(l, std::min<std::size_t>(m, 3));
    s.suf1[i] = hash_bytes(l + m - std::min<std::size_t>(m, 1), std::min<std::size_t>(m, 1));
    s.suf2[i] = hash_bytes(l + m - std::min<std::size_t>(m, 2), std::min<std::size_t>(m, 2));
    s.suf3[i] = hash_bytes(l + m - std::min<std::size_t>(m, 3), std::min<std::size_t>(m, 3));
    s.suf4[i] = hash_bytes(l + m - std::min<std::size_t>(m, 4), std::min<std::size_t>(m, 4));
  }
}

constexpr std::uint64_t kPadWord[4] = {0x1111, 0x2222, 0x3333, 0x4444};  // -2, -1, +1, +2 outside

// Feature keys of word i. `left` holds this pass's tags of words < i;
// `right` (second pass only) the first pass's tags of all words.
inline int features(const TaggerScratch& s, int i, int n, const int* left, const int* right,
                    std::uint64_t* out) {
  auto W = [&](int j) -> std::uint64_t {
    if (j < 0) return kPadWord[j == -1 ? 1 : 0];
    if (j >= n) return kPadWord[j == n ? 2 : 3];
    return s.lower[j];
  };
  auto SH = [&](int j) -> std::uint64_t {
    if (j < 0 || j >= n) return 7;
    return s.shape[j];
  };
  auto S3 = [&](int j) -> std::uint64_t {
    if (j < 0 || j >= n) return 9;
    return s.suf3[j];
  };
  std::uint64_t t1 = i >= 1 ? left[i - 1] : kPadTag;
  std::uint64_t t2 = i >= 2 ? left[i - 2] : kPadTag;
  std::uint64_t w0 = s.lower[i], wm1 = W(i - 1), wp1 = W(i + 1);
  int k = 0;
  out[k++] = key(0, 0);
  out[k++] = key(1, w0);
  out[k++] = key(2, s.form[i]);
  out[k++] = key(3, wm1);
  out[k++] = key(4, wp1);
  out[k++] = key(5, W(i - 2));
  out[k++] = key(6, W(i + 2));
  out[k++] = key(7, s.suf1[i]);
  out[k++] = key(8, s.suf2[i]);
  out[k++] = key(9, s.suf3[i]);
  out[k++] = key(10, s.suf4[i]);
  out[k++] = key(11, s.pre1[i]);
  out[k++] = key(12, s.pre2[i]);
  out[k++] = key(13, s.pre3[i]);
  out[k++] = key(14, s.shape[i]);
  out[k++] = key(15, SH(i - 1));
  out[k++] = key(16, SH(i + 1));
  out[k++] = key(17, S3(i - 1));
  out[k++] = key(18, S3(i + 1));
  out[k++] = key(19, t1);
  out[k++] = key(20, t2);
  out[k++] = key(21, pair(t1, t2));
  out[k++] = key(22, pair(t1, w0));
  out[k++] = key(23, pair(wm1, w0));
  out[k++] = key(24, pair(w0, wp1));
  out[k++] = key(25, s.flags[i]);
  out[k++] = key(26, pair(t1, s.suf3[i]));
  out[k++] = key(27, pair(s.flags[i], s.suf2[i]));
  if (right) {
    std::uint64_t p1 = i + 1 < n ? right[i + 1] : kEndTag;
    std::uint64_t p2 = i + 2 < n ? right[i + 2] : kEndTag;
    out[k++] = key(30, p1);
    out[k++] = key(31, p2);
    out[k++] = key(32, pair(p1, p2));
    out[k++] = key(33, pair(t1, p1));
    out[k++] = key(34, pair(w0, p1));
    out[k++] = key(35, pair(s.suf3[i], p1));
    std::uint64_t pm = i >= 1 ? right[i - 1] : kPadTag;
    out[k++] = key(36, pair(pm, p1));
  }
  return k;
}

// A frozen linear model: feature key -> sparse row of (class, int16 weight).
// Rows with many classes are also kept dense (int16 per class) at load, so
// that the frequent features cost a few vector adds instead of scattered ones.
struct Frozen {
  static constexpr std::uint32_t kDenseFrom = 12;  // entries in a row kept dense
  std::vector<std::uint64_t> keys;    // sorted
  std::vector<std::uint32_t> begin;   // keys.size() + 1 offsets into entries
  HugeVector<std::uint32_t> entries;  // class | weight << 16 (int16)
  // open-addressing index over keys: slot = (key check << 32) | (ref + 1),
  // ref = kDense | dense row number, or for a sparse row its first entry
  // << kLenBits | its entry count (below kDenseFrom), so that scoring finds
  // a sparse row's entries without reading `begin`.
  static constexpr std::uint32_t kDense = 1u << 30;
  static constexpr int kLenBits = 4;
  static_assert(kDenseFrom <= (1u << kLenBits));
  HugeVector<std::uint64_t> slots;
  HugeVector<std::int16_t> dense;  // ndense x width
  std::uint64_t mask = 0;
  int width = 0;

  void index(int nclasses) {
    width = (nclasses + 15) / 16 * 16;
    std::size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    slots.assign(cap, 0);
    dense.clear();
    mask = cap - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (begin[i] >= (kDense >> kLenBits)) throw std::length_error("tagger model too large");
      std::uint32_t ref = begin[i] << kLenBits | (begin[i + 1] - begin[i]);
      if (begin[i + 1] - begin[i] >= kDenseFrom) {
        std::size_t row = dense.size() / width;
        dense.resize(dense.size() + width, 0);
        for (std::uint32_t e = begin[i]; e < begin[i + 1]; ++e)
          dense[row * width + (entries[e] & 0xff)] = static_cast<std::int16_t>(entries[e] >> 16);
        ref = kDense | static_cast<std::uint32_t>(row);
      }
      std::uint64_t p = (keys[i] >> 8) & mask;
      while (slots[p]) p = (p + 1) & mask;
      slots[p] = ((keys[i] >> 32) << 32) | (ref + 1);
    }
  }
  // Adds the weights of `ks` (at most kMaxKeys) to scores[0..width).
  // Two rounds, so that the cache misses of all keys overlap instead of
  // coming one after another: find the slots (prefetched), then load the
  // dense rows and sparse entries they name (prefetched), and only then
  // add. Integer sums: the order of the adds does not change the scores.
  void score(const std::uint64_t* ks, int nk, std::int32_t* __restrict scores) const {
    for (int f = 0; f < nk; ++f) __builtin_prefetch(&slots[(ks[f] >> 8) & mask]);
    const int w = width;
    std::uint32_t refs[kMaxKeys];
    int m = 0;
    for (int f = 0; f < nk; ++f) {
      std::uint64_t k = ks[f], p = (k >> 8) & mask, want = k >> 32;
      for (;;) {
        std::uint64_t sl = slots[p];
        if (!sl) break;
        if ((sl >> 32) == want) {
          std::uint32_t ref = static_cast<std::uint32_t>(sl) - 1;
          if (ref & kDense) {
            const char* row = reinterpret_cast<const char*>(&dense[(ref & ~kDense) * static_cast<std::size_t>(w)]);
            for (int b = 0; b < w * 2; b += 64) __builtin_prefetch(row + b);
          } else {
            __builtin_prefetch(&entries[ref >> kLenBits]);
          }
          refs[m++] = ref;
          break;
        }
        p = (p + 1) & mask;
      }
    }
    for (int f = 0; f < m; ++f) {
      const std::uint32_t ref = refs[f];
      if (ref & kDense) {
        const std::int16_t* __restrict row = &dense[(ref & ~kDense) * static_cast<std::size_t>(w)];
        for (int c = 0; c < w; ++c) scores[c] += row[c];
      } else {
        const std::uint32_t from = ref >> kLenBits, to = from + (ref & ((1u << kLenBits) - 1));
        for (std::uint32_t e = from; e < to; ++e) {
          std::uint32_t en = entries[e];
          scores[en & 0xff] += static_cast<std::int16_t>(en >> 16);
        }
      }
    }
  }
};

// Training weights: sparse rows with lazily averaged totals.
struct Learner {
  struct Entry {
    int cls;
    float w;
    double total;
    long stamp;
  };
  std::unordered_map<std::uint64_t, std::uint32_t> index;
  std::vector<std::vector<Entry>> rows;
  long now = 0;

  void score(const std::uint64_t* ks, int nk, float* scores) const {
    for (int f = 0; f < nk; ++f) {
      auto it = index.find(ks[f]);
      if (it == index.end()) continue;
      for (const Entry& e : rows[it->second]) scores[e.cls] += e.w;
    }
  }
  void bump(std::vector<Entry>& row, int cls, float d) {
    for (Entry& e : row) {
      if (e.cls == cls) {
        e.total += static_cast<double>(now - e.stamp) * e.w;
        e.stamp = now;
        e.w += d;
        return;
      }
    }
    row.push_back({cls, d, 0.0, now});
  }
  void update(const std::uint64_t* ks, int nk, int truth, int guess) {
    for (int f = 0; f < nk; ++f) {
      auto [it, fresh] = index.try_emplace(ks[f], static_cast<std::uint32_t>(rows.size()));
      if (fresh) rows.emplace_back();
      auto& row = rows[it->second];
      bump(row, truth, 1.0f);
      bump(row, guess, -1.0f);
    }
  }
  // Averaged, quantized, pruned.
  Frozen freeze(float scale, int prune_q, int nclasses) const {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(index.begin(), index.end());
    std::sort(order.begin(), order.end());
    Frozen fz;
    fz.begin.push_back(0);
    for (auto [k, r] : order) {
      std::size_t before = fz.entries.size();
      std::vector<Entry> row = rows[r];
      std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
      for (const Entry& e : row) {
        double avg = (e.total + static_cast<double>(now - e.stamp) * e.w) / std::max<long>(now, 1);
        long q = std::lround(avg * scale);
        q = std::clamp<long>(q, -32767, 32767);
        if (std::labs(q) < prune_q) continue;
        fz.entries.push_back(static_cast<std::uint32_t>(e.cls) |
                             (static_cast<std::uint32_t>(static_cast<std::uint16_t>(q)) << 16));
      }
      if (fz.entries.size() == before) continue;
      fz.keys.push_back(k);
      fz.begin.push_back(static_cast<std::uint32_t>(fz.entries.size()));
    }
    fz.index(nclasses);
    return fz;
  }
  float max_abs_avg() const {
    double m = 0;
    for (const auto& row : rows)
      for (const Entry& e : row)
        m = std::max(m, std::fabs((e.total + static_cast<double>(now - e.stamp) * e.w) /
                                  std::max<long>(now, 1)));
    return static_cast<float>(m);
  }
};

struct Class {
  std::uint8_t xpos;
  Upos upos;
};

}  // namespace tagger_detail

struct Tagger::Model {
  std::string header;
  std::vector<tagger_detail::Class> classes;
  std::vector<std::pair<std::uint64_t, std::uint8_t>> dict;  // sorted by form hash
  // `dict` by open addressing (index_dict()): form hash and class + 1, 0
  // marking an empty slot. One cache line per lookup, two lookups a word.
  struct DictSlot {
    std::uint64_t form;
    std::uint32_t cls;
  };
  HugeVector<DictSlot> dict_index;
  std::uint64_t dict_mask = 0;
  tagger_detail::Frozen pass[2];

  // Builds dict_index from dict (the first class of a form repeated wins).
  void index_dict() {
    std::size_t cap = 16;
    while (cap < dict.size() * 2) cap <<= 1;
    dict_index.assign(cap, DictSlot{0, 0});
    dict_mask = cap - 1;
    for (const auto& [form, cls] : dict) {
      std::uint64_t p = mix64(form) & dict_mask;
      while (dict_index[p].cls && dict_index[p].form != form) p = (p + 1) & dict_mask;
      if (!dict_index[p].cls) dict_index[p] = DictSlot{form, cls + 1u};
    }
  }
  // The dictionary class of the word whose form hash is `form`, or -1.
  int lookup(std::uint64_t form) const {
    if (dict_index.empty()) return -1;
    for (std::uint64_t p = mix64(form) & dict_mask;; p = (p + 1) & dict_mask) {
      const DictSlot& sl = dict_index[p];
      if (!sl.cls) return -1;
      if (sl.form == form) return static_cast<int>(sl.cls) - 1;
    }
  }
};

}  // namespace dipgraph::syntax
