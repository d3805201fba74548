// Tagger: see tagger.hpp. Training keeps sparse float rows with lazy
// averaging; the saved model keeps, per feature key, the int16 weights of the
// classes that survived pruning. Tagging computes each word's hashes once,
// then one open-addressing probe per feature key.
#include "ingest/syntax/tagger.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/huge_pages.hpp"

namespace dipgraph::syntax {

const char* const kEwtAttribution =
    "Trained on Universal Dependencies English Web Treebank (UD_English-EWT).\n"
    "Universal Dependencies English Web Treebank annotations (c) 2013-2021 by The Board of\n"
    "Trustees of The Leland Stanford Junior University. Licensed under Creative Commons\n"
    "Attribution-ShareAlike 4.0 International (CC BY-SA 4.0); this model is derived from them\n"
    "and is distributed under the same licence. Cite: Silveira et al., \"A Gold Standard\n"
    "Dependency Corpus for English\", LREC 2014.\n";

namespace {

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

inline std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
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
void hash_words(const std::vector<std::string_view>& words, TaggerScratch& s) {
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
int features(const TaggerScratch& s, int i, int n, const int* left, const int* right,
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
  std::vector<std::uint32_t> entries;  // class | weight << 16 (int16)
  // open-addressing index over keys: slot = (key check << 32) | (ref + 1),
  // ref = row index, or kDense | dense row number
  static constexpr std::uint32_t kDense = 1u << 30;
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
      std::uint32_t ref = static_cast<std::uint32_t>(i);
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
  // Three rounds, so that the cache misses of all keys overlap instead of
  // coming one after another: find the slots (prefetched), then the rows'
  // offsets and dense rows (prefetched), then the sparse entries
  // (prefetched), and only then add. Integer sums: the order of the adds
  // does not change the scores.
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
            __builtin_prefetch(&begin[ref]);
          }
          refs[m++] = ref;
          break;
        }
        p = (p + 1) & mask;
      }
    }
    std::uint32_t from[kMaxKeys], to[kMaxKeys];
    for (int f = 0; f < m; ++f) {
      if (refs[f] & kDense) continue;
      from[f] = begin[refs[f]];
      to[f] = begin[refs[f] + 1];
      __builtin_prefetch(&entries[from[f]]);
    }
    for (int f = 0; f < m; ++f) {
      const std::uint32_t ref = refs[f];
      if (ref & kDense) {
        const std::int16_t* __restrict row = &dense[(ref & ~kDense) * static_cast<std::size_t>(w)];
        for (int c = 0; c < w; ++c) scores[c] += row[c];
      } else {
        for (std::uint32_t e = from[f]; e < to[f]; ++e) {
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

}  // namespace

struct Tagger::Model {
  std::string header;
  std::vector<Class> classes;
  std::vector<std::pair<std::uint64_t, std::uint8_t>> dict;  // sorted by form hash
  std::unordered_map<std::uint64_t, std::uint8_t> dict_index;
  Frozen pass[2];

  int lookup(std::uint64_t form) const {
    auto it = dict_index.find(form);
    return it == dict_index.end() ? -1 : it->second;
  }
};

Tagger::Tagger() : model_(std::make_unique<Model>()) {}
Tagger::~Tagger() = default;
const std::string& Tagger::header() const { return model_->header; }

void Tagger::tag(const std::vector<std::string_view>& words, Analysis& a, TaggerScratch& s) const {
  const Model& m = *model_;
  const int n = static_cast<int>(words.size());
  a.upos.resize(n);
  a.xpos.resize(n);
  if (n == 0) return;
  hash_words(words, s);
  s.pass1.resize(n);
  s.pass2.resize(n);
  s.keys.resize(kMaxKeys);
  s.scores.resize(m.pass[0].width);
  const int nc = static_cast<int>(m.classes.size());
  static_assert(kMaxClasses <= 256);
  s.margin.resize(n);
  auto run = [&](int p, std::vector<int>& out, const int* right) {
    for (int i = 0; i < n; ++i) {
      int d = m.lookup(s.form[i]);
      if (d >= 0) {
        out[i] = d;
        continue;
      }
      if (p == 1 && s.margin[i] >= kSure) {
        out[i] = s.pass1[i];
        continue;
      }
      int nk = features(s, i, n, out.data(), right, s.keys.data());
      std::fill(s.scores.begin(), s.scores.end(), 0);
      m.pass[p].score(s.keys.data(), nk, s.scores.data());
      int best = 0;
      std::int32_t second = INT32_MIN;
      for (int c = 1; c < nc; ++c) {
        if (s.scores[c] > s.scores[best]) {
          second = s.scores[best];
          best = c;
        } else if (s.scores[c] > second) {
          second = s.scores[c];
        }
      }
      out[i] = best;
      if (p == 0) s.margin[i] = s.scores[best] - second;
    }
  };
  run(0, s.pass1, nullptr);
  run(1, s.pass2, s.pass1.data());
  for (int i = 0; i < n; ++i) {
    a.upos[i] = m.classes[s.pass2[i]].upos;
    a.xpos[i] = m.classes[s.pass2[i]].xpos;
  }
}

TaggerScores Tagger::evaluate(const std::vector<ConlluSentence>& gold) const {
  TaggerScores sc;
  TaggerScratch s;
  Analysis a;
  std::vector<std::string_view> words;
  std::size_t up = 0, xp = 0;
  const auto& xn = xpos_names();
  for (const auto& sent : gold) {
    words.clear();
    for (const auto& w : sent.words) words.emplace_back(w.form);
    tag(words, a, s);
    for (std::size_t i = 0; i < words.size(); ++i) {
      ++sc.words;
      if (upos_name(a.upos[i]) == sent.words[i].upos) ++up;
      if (xn[a.xpos[i]] == sent.words[i].xpos) ++xp;
    }
  }
  if (sc.words) {
    sc.upos = 100.0 * up / sc.words;
    sc.xpos = 100.0 * xp / sc.words;
  }
  return sc;
}

namespace {

// A training sentence: word hashes and gold classes.
struct Example {
  TaggerScratch hashes;
  std::vector<std::uint64_t> form;
  std::vector<int> gold;
  std::vector<int> dict;  // dictionary class or -1
  std::vector<int> first;  // first-pass tags (jackknifed)
};

void shuffle(std::vector<std::size_t>& v, std::uint64_t& state) {
  for (std::size_t i = v.size(); i > 1; --i) {
    state = mix(state + 0x9E3779B97F4A7C15ULL);
    std::size_t j = state % i;
    std::swap(v[i - 1], v[j]);
  }
}

// Trains one pass over `ids` of `ex`; second pass when `use_first`.
Learner train_pass(std::vector<Example>& ex, std::vector<std::size_t> ids, bool use_first,
                   int epochs, std::uint64_t seed, int nc, std::ostream& log, const char* what) {
  Learner L;
  std::uint64_t rng = seed;
  std::vector<float> scores(nc);
  std::vector<int> left;
  std::uint64_t keys[kMaxKeys];
  for (int ep = 0; ep < epochs; ++ep) {
    shuffle(ids, rng);
    std::size_t right = 0, total = 0;
    for (std::size_t id : ids) {
      Example& e = ex[id];
      int n = static_cast<int>(e.gold.size());
      left.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        if (e.dict[i] >= 0) {
          left[i] = e.dict[i];
          continue;
        }
        int nk = features(e.hashes, i, n, left.data(), use_first ? e.first.data() : nullptr, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        L.score(keys, nk, scores.data());
        int best = 0;
        for (int c = 1; c < nc; ++c)
          if (scores[c] > scores[best]) best = c;
        ++L.now;
        if (best != e.gold[i]) L.update(keys, nk, e.gold[i], best);
        else ++right;
        ++total;
        left[i] = best;
      }
    }
    log << fmt::format("  {} epoch {}: {:.2f}% of non-dictionary words right\n", what, ep + 1,
                       100.0 * right / std::max<std::size_t>(total, 1));
  }
  return L;
}

// Tags an example with a learner (first pass), for jackknifing.
void predict_first(const Learner& L, Example& e, int nc) {
  int n = static_cast<int>(e.gold.size());
  e.first.assign(n, 0);
  std::vector<float> scores(nc);
  std::uint64_t keys[kMaxKeys];
  for (int i = 0; i < n; ++i) {
    if (e.dict[i] >= 0) {
      e.first[i] = e.dict[i];
      continue;
    }
    int nk = features(e.hashes, i, n, e.first.data(), nullptr, keys);
    std::fill(scores.begin(), scores.end(), 0.0f);
    L.score(keys, nk, scores.data());
    int best = 0;
    for (int c = 1; c < nc; ++c)
      if (scores[c] > scores[best]) best = c;
    e.first[i] = best;
  }
}

}  // namespace

std::unique_ptr<Tagger> Tagger::train(const std::vector<ConlluSentence>& train,
                                      const std::vector<ConlluSentence>& dev,
                                      const TaggerTrainOptions& opt, std::ostream& log) {
  std::unique_ptr<Tagger> t(new Tagger());
  Model& m = *t->model_;
  const auto& xn = xpos_names();
  auto xpos_id = [&](const std::string& x) -> int {
    for (std::size_t i = 0; i < xn.size(); ++i)
      if (xn[i] == x) return static_cast<int>(i);
    return static_cast<int>(xn.size()) - 1;  // XX
  };
  // Classes: (XPOS, UPOS) pairs seen at least 3 times, and each XPOS's most
  // frequent pair; a rarer pair counts as its XPOS's most frequent pair.
  std::map<std::pair<int, int>, int> pair_count;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      Upos u = Upos::X;
      parse_upos(w.upos, u);
      ++pair_count[{xpos_id(w.xpos), static_cast<int>(u)}];
    }
  std::vector<std::pair<int, std::pair<int, int>>> by_count;
  for (auto& [p, c] : pair_count) by_count.push_back({-c, p});
  std::sort(by_count.begin(), by_count.end());
  std::map<std::pair<int, int>, int> cls_of;
  std::map<int, int> best_of_xpos;
  for (auto& [negc, p] : by_count) {
    bool first_of_xpos = !best_of_xpos.count(p.first);
    if ((-negc < 3 && !first_of_xpos) || static_cast<int>(m.classes.size()) >= kMaxClasses)
      continue;
    int c = static_cast<int>(m.classes.size());
    m.classes.push_back({static_cast<std::uint8_t>(p.first), static_cast<Upos>(p.second)});
    cls_of[p] = c;
    best_of_xpos.try_emplace(p.first, c);
  }
  auto class_of = [&](const ConlluWord& w) {
    Upos u = Upos::X;
    parse_upos(w.upos, u);
    int x = xpos_id(w.xpos);
    auto it = cls_of.find({x, static_cast<int>(u)});
    if (it != cls_of.end()) return it->second;
    auto bx = best_of_xpos.find(x);
    return bx != best_of_xpos.end() ? bx->second : 0;
  };
  const int nc = static_cast<int>(m.classes.size());

  // Tag dictionary of frequent unambiguous forms.
  std::unordered_map<std::uint64_t, std::unordered_map<int, int>> seen;
  for (const auto& s : train)
    for (const auto& w : s.words) ++seen[hash_bytes(w.form.data(), w.form.size())][class_of(w)];
  for (auto& [form, counts] : seen) {
    int total = 0, top = 0, top_c = 0;
    for (auto [c, k] : counts) {
      total += k;
      if (k > top || (k == top && c < top_c)) top = k, top_c = c;
    }
    if (total >= opt.dict_min_count && top >= opt.dict_min_share * total)
      m.dict.push_back({form, static_cast<std::uint8_t>(top_c)});
  }
  std::sort(m.dict.begin(), m.dict.end());
  for (auto& [f, c] : m.dict) m.dict_index.emplace(f, c);

  std::vector<Example> ex(train.size());
  std::vector<std::string_view> words;
  for (std::size_t k = 0; k < train.size(); ++k) {
    words.clear();
    for (const auto& w : train[k].words) words.emplace_back(w.form);
    hash_words(words, ex[k].hashes);
    for (const auto& w : train[k].words) {
      ex[k].gold.push_back(class_of(w));
      ex[k].dict.push_back(m.lookup(hash_bytes(w.form.data(), w.form.size())));
    }
  }
  log << fmt::format("tagger: {} sentences, {} classes, {} dictionary words\n", train.size(), nc,
                     m.dict.size());

  // Jackknife: first-pass tags of each fold from a model trained on the others.
  const int folds = std::max(2, opt.folds);
  for (int f = 0; f < folds; ++f) {
    std::vector<std::size_t> ids;
    for (std::size_t k = 0; k < ex.size(); ++k)
      if (static_cast<int>(k % folds) != f) ids.push_back(k);
    Learner L = train_pass(ex, ids, false, opt.epochs, opt.seed + 100 + f, nc, log, "fold");
    // Average the fold's weights in place for prediction.
    for (auto& row : L.rows)
      for (auto& e : row)
        e.w = static_cast<float>((e.total + static_cast<double>(L.now - e.stamp) * e.w) /
                                 std::max<long>(L.now, 1));
    for (std::size_t k = f; k < ex.size(); k += folds) predict_first(L, ex[k], nc);
  }
  std::vector<std::size_t> all(ex.size());
  for (std::size_t k = 0; k < ex.size(); ++k) all[k] = k;
  for (int p = 0; p < 2; ++p) {
    Learner L = train_pass(ex, all, p == 1, opt.epochs, opt.seed + p, nc, log,
                           p == 0 ? "pass 1" : "pass 2");
    float mx = L.max_abs_avg();
    float scale = mx > 0 ? 8000.0f / mx : 1.0f;
    m.pass[p] = L.freeze(scale, opt.prune_q, nc);
    log << fmt::format("  pass {}: {} feature rows, {} weights\n", p + 1, m.pass[p].keys.size(),
                       m.pass[p].entries.size());
  }
  m.header = fmt::format("{}epochs={} folds={} seed={} dict={}/{} prune={}\n{}",
                         kEwtAttribution, opt.epochs, folds, opt.seed, opt.dict_min_count,
                         opt.dict_min_share, opt.prune_q, opt.header);
  if (!dev.empty()) {
    TaggerScores d = t->evaluate(dev);
    log << fmt::format("tagger dev: UPOS {:.2f}%  XPOS {:.2f}%  ({} words)\n", d.upos, d.xpos,
                       d.words);
  }
  return t;
}

namespace {

template <class T>
void put(std::ostream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_varint(std::ostream& out, std::uint64_t v) {
  char b[10];
  int n = 0;
  while (v >= 0x80) {
    b[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  b[n++] = static_cast<char>(v);
  out.write(b, n);
}
template <class T>
void put_vec(std::ostream& out, const std::vector<T>& v) {
  put(out, static_cast<std::uint64_t>(v.size()));
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

}  // namespace

bool Tagger::save(const std::string& path) const {
  const Model& m = *model_;
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  out << kMagic;
  std::istringstream hdr(m.header);
  std::string line;
  while (std::getline(hdr, line)) out << "# " << line << '\n';
  out << '\n';
  // Model file, version 2: the magic line, the header as "# " lines, an
  // empty line, then little-endian binary: u32 "TAG2", u32 class count,
  // per class u8 XPOS + u8 UPOS, the dictionary (u64 count + u64 word
  // hashes, u64 count + u8 classes), then per pass: varint row count, and
  // per row (keys increasing) varint key minus the previous key, varint
  // entry count, per entry u8 class + zigzag varint int16 weight; last the
  // u32 "END!". Varints are LEB128. Version 1 ("TAG1") stored each pass as
  // three arrays: u64 keys, u32 row starts, u32 entries (class | weight << 16).
  put(out, static_cast<std::uint32_t>(0x54414732));  // "TAG2"
  put(out, static_cast<std::uint32_t>(m.classes.size()));
  for (const Class& c : m.classes) {
    put(out, c.xpos);
    put(out, static_cast<std::uint8_t>(c.upos));
  }
  std::vector<std::uint64_t> dk;
  std::vector<std::uint8_t> dv;
  for (auto& [k, v] : m.dict) dk.push_back(k), dv.push_back(v);
  put_vec(out, dk);
  put_vec(out, dv);
  for (const Frozen& f : m.pass) {
    put_varint(out, f.keys.size());
    std::uint64_t prev = 0;
    for (std::size_t i = 0; i < f.keys.size(); ++i) {
      put_varint(out, f.keys[i] - prev);
      prev = f.keys[i];
      put_varint(out, f.begin[i + 1] - f.begin[i]);
      for (std::uint32_t e = f.begin[i]; e < f.begin[i + 1]; ++e) {
        const std::uint32_t x = f.entries[e];
        put(out, static_cast<std::uint8_t>(x & 0xff));
        const std::int32_t w = static_cast<std::int16_t>(x >> 16);
        put_varint(out, w >= 0 ? 2 * static_cast<std::uint32_t>(w) : 2 * static_cast<std::uint32_t>(-w) - 1);
      }
    }
  }
  put(out, static_cast<std::uint32_t>(0x454e4421));  // "END!"
  return static_cast<bool>(out.flush());
}

std::unique_ptr<Tagger> Tagger::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot open tagger model", path));
  auto bad = [&](const char* why) { return Error(fmt::format("{}: {}", path, why)); };
  std::string line;
  if (!std::getline(in, line) || (line + "\n" != kMagic && line + "\n" != kMagic1))
    throw bad("not a dipgraph tagger model");
  const bool v1 = line + "\n" == kMagic1;
  std::unique_ptr<Tagger> t(new Tagger());
  Model& m = *t->model_;
  while (std::getline(in, line) && !line.empty()) {
    if (line.rfind("# ", 0) != 0) throw bad("damaged header");
    m.header += line.substr(2) + '\n';
  }
  auto get = [&](auto& v) {
    if (!in.read(reinterpret_cast<char*>(&v), sizeof v)) throw bad("truncated tagger model");
  };
  auto get_vec = [&](auto& v) {
    std::uint64_t n = 0;
    get(n);
    if (n > (1u << 28)) throw bad("damaged tagger model");
    v.resize(n);
    if (!in.read(reinterpret_cast<char*>(v.data()),
                 static_cast<std::streamsize>(n * sizeof(v[0]))))
      throw bad("truncated tagger model");
  };
  std::uint32_t magic = 0, nc = 0;
  get(magic);
  if (magic != (v1 ? 0x54414731u : 0x54414732u)) throw bad("damaged tagger model");
  get(nc);
  if (nc == 0 || nc > kMaxClasses) throw bad("damaged tagger model");
  const auto nx = xpos_names().size();
  for (std::uint32_t c = 0; c < nc; ++c) {
    std::uint8_t x = 0, u = 0;
    get(x);
    get(u);
    if (x >= nx || u >= kUposCount) throw bad("damaged tagger model");
    m.classes.push_back({x, static_cast<Upos>(u)});
  }
  std::vector<std::uint64_t> dk;
  std::vector<std::uint8_t> dv;
  get_vec(dk);
  get_vec(dv);
  if (dk.size() != dv.size()) throw bad("damaged tagger model");
  for (std::size_t i = 0; i < dk.size(); ++i) {
    if (dv[i] >= nc) throw bad("damaged tagger model");
    m.dict.push_back({dk[i], dv[i]});
    m.dict_index.emplace(dk[i], dv[i]);
  }
  // Version 2: the rest of the file is read at once and decoded from memory.
  std::string rest;
  if (!v1) rest.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const char* rp = rest.data();
  const char* const rend = rest.data() + rest.size();
  auto get_varint = [&]() -> std::uint64_t {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rp == rend) throw bad("truncated tagger model");
      const auto b = static_cast<unsigned char>(*rp++);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    throw bad("damaged tagger model");
  };
  for (Frozen& f : m.pass) {
    if (v1) {
      get_vec(f.keys);
      get_vec(f.begin);
      get_vec(f.entries);
    } else {
      const std::uint64_t n = get_varint();
      if (n > (1u << 28)) throw bad("damaged tagger model");
      f.keys.resize(n);
      f.begin.assign(1, 0);
      f.entries.clear();
      std::uint64_t prev = 0;
      for (std::uint64_t i = 0; i < n; ++i) {
        const std::uint64_t d = get_varint();
        if (i > 0 && (d == 0 || prev + d < prev)) throw bad("damaged tagger model");
        f.keys[i] = prev += d;
        const std::uint64_t len = get_varint();
        if (len > kMaxClasses) throw bad("damaged tagger model");
        for (std::uint64_t j = 0; j < len; ++j) {
          if (rp == rend) throw bad("truncated tagger model");
          const int c = static_cast<unsigned char>(*rp++);
          const std::uint64_t z = get_varint();
          if (z > 0xffff) throw bad("damaged tagger model");
          const std::int32_t w = (z & 1) ? -static_cast<std::int32_t>((z + 1) / 2) : static_cast<std::int32_t>(z / 2);
          if (w < -32768 || w > 32767) throw bad("damaged tagger model");
          f.entries.push_back(static_cast<std::uint32_t>(c & 0xff) |
                              (static_cast<std::uint32_t>(static_cast<std::uint16_t>(w)) << 16));
        }
        f.begin.push_back(static_cast<std::uint32_t>(f.entries.size()));
      }
    }
    if (f.begin.size() != f.keys.size() + 1 || f.begin.front() != 0 ||
        f.begin.back() != f.entries.size())
      throw bad("damaged tagger model");
    for (std::size_t i = 0; i + 1 < f.begin.size(); ++i)
      if (f.begin[i] > f.begin[i + 1]) throw bad("damaged tagger model");
    for (std::uint32_t e : f.entries)
      if ((e & 0xff) >= nc) throw bad("damaged tagger model");
    f.index(static_cast<int>(nc));
  }
  if (v1) {
    get(magic);
  } else {
    if (rend - rp < 4) throw bad("truncated tagger model");
    std::memcpy(&magic, rp, 4);
    rp += 4;
    if (rp != rend) throw bad("damaged tagger model");
  }
  if (magic != 0x454e4421) throw bad("damaged tagger model");
  return t;
}

}  // namespace dipgraph::syntax
