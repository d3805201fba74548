// Parser: features, greedy decoding and the model file (see parser.hpp).
//
// Decoding scores each configuration once: the transition row sums of its
// feature keys give SHIFT/LEFT/RIGHT, and for each possible arc the label
// rows of the head/dependent pair give the best relation. Word, lemma and
// tag values are hashed once per sentence into the scratch, so a feature
// key is a few multiplications; weights are int16 rows found by open
// addressing, and scores add up in int32. Sums that cannot have changed are
// not redone: the buffer front's templates once per b, the stack's
// templates and the label of the arc s1 -> s0 once per word on top of the
// stack (until it gets a child). Integer sums in another order are the
// same sums, so the parses are those of scoring everything every time.
#include "ingest/syntax/parser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include "graph/error.hpp"
#include "ingest/syntax/parser_detail.hpp"
#include "ingest/syntax/row_sums.hpp"

namespace dipgraph::syntax {
namespace detail {

std::uint64_t hash_text(std::string_view s, bool fold) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    if (fold) {
      if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
      else if (c >= '0' && c <= '9') c = '9';  // "1987" and "2025" share features
    }
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return mix(h);
}

void WeightTable::build_index(const std::vector<Key>& row_keys) {
  std::size_t cap = 16;
  while (cap < row_keys.size() * 2) cap <<= 1;
  mask = static_cast<std::uint32_t>(cap - 1);
  slots.assign(cap, Slot{0, 0});
  for (std::size_t r = 0; r < row_keys.size(); ++r) {
    std::uint32_t i = row_keys[r] & mask;
    while (slots[i].key != 0) i = (i + 1) & mask;
    slots[i] = Slot{row_keys[r], static_cast<std::uint32_t>(r)};
  }
}

void WeightTable::score(const Key* keys, int n, std::int32_t* scores) const {
  if (slots.empty()) return;
  for (int f = 0; f < n; ++f) __builtin_prefetch(&slots[keys[f] & mask]);
  const std::int16_t* rows[kMaxTransitionFeatures];
  int m = 0;
  for (int f = 0; f < n; ++f) {
    const std::int16_t* row = find(keys[f]);
    if (!row) continue;
    __builtin_prefetch(row);
    if (cols > 32) __builtin_prefetch(row + 32);
    rows[m++] = row;
  }
  sum_rows(rows, m, cols, scores);
}

void ActionTable::reserve(std::size_t rows) {
  std::size_t cap = 16;
  while (cap < rows + rows / 2) cap <<= 1;
  mask = static_cast<std::uint32_t>(cap - 1);
  size = 0;
  slots.assign(cap, Slot{0, {0, 0, 0}});
}

void ActionTable::insert(Key key, const std::int16_t* w) {
  std::uint32_t i = key & mask;
  while (slots[i].key != 0 && slots[i].key != key) i = (i + 1) & mask;
  size += slots[i].key == 0;
  slots[i].key = key;
  for (int c = 0; c < kActions; ++c) slots[i].w[c] = w[c];
}

void ActionTable::score(const Key* keys, int n, std::int32_t* scores) const {
  if (slots.empty()) return;
  for (int f = 0; f < n; ++f) __builtin_prefetch(&slots[keys[f] & mask]);
  std::int32_t s0 = 0, s1 = 0, s2 = 0;
  for (int f = 0; f < n; ++f) {
    const Key key = keys[f];
    std::uint32_t i = key & mask;
    for (;;) {
      const Slot& sl = slots[i];
      if (sl.key == key) {
        s0 += sl.w[0];
        s1 += sl.w[1];
        s2 += sl.w[2];
        break;
      }
      if (sl.key == 0) break;
      i = (i + 1) & mask;
    }
  }
  scores[0] += s0;
  scores[1] += s1;
  scores[2] += s2;
}

namespace {
constexpr std::uint64_t kNone = 0x5bd1e9955bd1e995ULL;  // value of a missing position
constexpr std::uint64_t kRootWord = 0x27d4eb2f165667c5ULL;
constexpr std::uint64_t kRootTag = 0x165667b19e3779f9ULL;
constexpr std::uint64_t kUnknown = 0x85ebca77c2b2ae63ULL;

[[gnu::always_inline]] inline Key fold(std::uint64_t h) { return static_cast<Key>(h >> 32) | 0x80000000u; }
[[gnu::always_inline]] inline Key key(std::uint64_t t, std::uint64_t a) {
  return fold(mix(a ^ (t * 0x9E3779B97F4A7C15ULL)));
}
[[gnu::always_inline]] inline Key key(std::uint64_t t, std::uint64_t a, std::uint64_t b) {
  return fold(mix(mix(a ^ (t * 0x9E3779B97F4A7C15ULL)) + b * 0xC2B2AE3D27D4EB4FULL));
}
[[gnu::always_inline]] inline Key key(std::uint64_t t, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return fold(mix(mix(mix(a ^ (t * 0x9E3779B97F4A7C15ULL)) + b * 0xC2B2AE3D27D4EB4FULL) +
                  c * 0x165667B19E3779F9ULL));
}
inline int bucket(int i, int j) {
  if (i < 0 || j < 0) return 0;
  int d = i > j ? i - j : j - i;
  return d <= 5 ? d : d <= 9 ? 6 : d <= 15 ? 7 : 8;
}
}  // namespace

void reset_state(ParserScratch& s, const std::vector<std::string_view>& words, const Analysis& a,
                 const std::vector<std::uint64_t>& xpos_hash) {
  const std::size_t n = words.size();
  s.word.resize(n + 1);
  s.lemma.resize(n + 1);
  s.tag.resize(n + 1);
  s.upos.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    s.word[i] = hash_text(words[i], true);
    s.lemma[i] = i < a.lemma.size() ? hash_text(a.lemma[i], false) : kUnknown;
    s.tag[i] = i < a.xpos.size() && a.xpos[i] < xpos_hash.size() ? xpos_hash[a.xpos[i]] : kUnknown;
    s.upos[i] = i < a.upos.size() ? mix(0x1234 + static_cast<std::uint64_t>(a.upos[i])) : kUnknown;
  }
  s.word[n] = s.lemma[n] = kRootWord;
  s.tag[n] = s.upos[n] = kRootTag;
  s.stack.clear();
  s.stack.reserve(n + 1);
  s.head.assign(n + 1, -1);
  s.label.assign(n + 1, -1);
  s.l1.assign(n + 1, -1);
  s.l2.assign(n + 1, -1);
  s.r1.assign(n + 1, -1);
  s.r2.assign(n + 1, -1);
  s.nl.assign(n + 1, 0);
  s.nr.assign(n + 1, 0);
  s.lset.assign(n + 1, 0);
  s.rset.assign(n + 1, 0);
  s.keys.resize(2 * kMaxTransitionFeatures + 2 * kMaxLabelFeatures);
  s.top.assign(n + 2, ParserScratch::StackTop{});
}

bool valid(const ParserScratch& s, int n, int b, Action a) {
  const std::size_t ns = s.stack.size();
  switch (a) {
    case kShift: return b < n;
    case kLeft: return ns >= 1 && (b < n || ns == 1);
    case kRight: return ns >= 2;
  }
  return false;
}

int apply(ParserScratch& s, int b, Action a, int label) {
  if (a == kShift) {
    s.stack.push_back(b);
    return b + 1;
  }
  const int d = s.stack.back();
  s.stack.pop_back();
  const int h = a == kLeft ? b : s.stack.back();
  s.head[d] = h;
  s.label[d] = label;
  const std::uint64_t bit = 1ULL << (label & 63);
  if (d < h) {
    s.l2[h] = s.l1[h];
    s.l1[h] = d;
    ++s.nl[h];
    s.lset[h] |= bit;
  } else {
    s.r2[h] = s.r1[h];
    s.r1[h] = d;
    ++s.nr[h];
    s.rset[h] |= bit;
  }
  return b;
}

int transition_features(const ParserScratch& s, int n, int b, bool extended, Key* out, Key* bout,
                        int* nb, Key* sout, int* nsk) {
  const int ns = static_cast<int>(s.stack.size());
  const int s0 = ns > 0 ? s.stack[ns - 1] : -1;
  const int s1 = ns > 1 ? s.stack[ns - 2] : -1;
  const int s2 = ns > 2 ? s.stack[ns - 3] : -1;
  const int b0 = b;
  const int b1 = b + 1 <= n ? b + 1 : -1;
  const int b2 = b + 2 <= n ? b + 2 : -1;
  auto W = [&](int i) { return i < 0 ? kNone : s.word[i]; };
  auto T = [&](int i) { return i < 0 ? kNone : s.tag[i]; };
  auto L = [&](int i) { return i < 0 ? kNone : s.lemma[i]; };
  auto LB = [&](int i) { return i < 0 ? kNone : static_cast<std::uint64_t>(s.label[i] + 1000); };
  auto ch = [&](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0l1 = ch(s.l1, s0), s0l2 = ch(s.l2, s0), s0r1 = ch(s.r1, s0), s0r2 = ch(s.r2, s0);
  const int s1l1 = ch(s.l1, s1), s1r1 = ch(s.r1, s1), s1r2 = ch(s.r2, s1);
  const int b0l1 = ch(s.l1, b0), b0l2 = ch(s.l2, b0);
  const std::uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
  const std::uint64_t b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  const std::uint64_t s0wt = s0w ^ (s0t * 31), s1wt = s1w ^ (s1t * 31), b0wt = b0w ^ (b0t * 31);
  const std::uint64_t b1wt = b1w ^ (b1t * 31);
  const std::uint64_t d01 = bucket(s0, b0), d10 = bucket(s1, s0);
  auto val = [&](const std::vector<int>& v, int i) -> std::uint64_t { return i < 0 ? 99 : v[i]; };
  auto set = [&](const std::vector<std::uint64_t>& v, int i) -> std::uint64_t { return i < 0 ? 1 : v[i] + 2; };
  const std::uint64_t s0vl = val(s.nl, s0), s0vr = val(s.nr, s0), s1vl = val(s.nl, s1);
  const std::uint64_t s1vr = val(s.nr, s1), b0vl = val(s.nl, b0);
  int k = 0, kb = 0;
  std::uint64_t t = 0;
  // Templates of the buffer front alone go to `bout` when it is given.
  // With `bout` but no `nb`, they are not computed at all (the caller
  // still holds their sums for this b).
  auto emit_b = [&](auto make) {
    ++t;
    if (!bout) out[k++] = make();
    else if (nb) bout[kb++] = make();
  };
  // Templates of the stack alone (s0, s1, s2 and their children) go to
  // `sout` likewise: they are the same while s0 stays on top unchanged.
  int ks = 0;
  auto emit_s = [&](auto make) {
    ++t;
    if (!sout) out[k++] = make();
    else if (nsk) sout[ks++] = make();
  };
  // single words
  emit_s([&] { return key(t, s0w); });
  emit_s([&] { return key(t, s0t); });
  emit_s([&] { return key(t, s0wt); });
  emit_s([&] { return key(t, L(s0)); });
  emit_b([&] { return key(t, b0w); });
  emit_b([&] { return key(t, b0t); });
  emit_b([&] { return key(t, b0wt); });
  emit_b([&] { return key(t, L(b0)); });
  emit_b([&] { return key(t, b1w); });
  emit_b([&] { return key(t, b1t); });
  emit_b([&] { return key(t, b1wt); });
  emit_b([&] { return key(t, W(b2)); });
  emit_b([&] { return key(t, b2t); });
  emit_s([&] { return key(t, s1w); });
  emit_s([&] { return key(t, s1t); });
  emit_s([&] { return key(t, s1wt); });
  emit_s([&] { return key(t, L(s1)); });
  emit_s([&] { return key(t, s2t); });
  emit_s([&] { return key(t, W(s2)); });
  // pairs
  out[k++] = key(++t, s0wt, b0wt);
  out[k++] = key(++t, s0wt, b0w);
  out[k++] = key(++t, s0w, b0wt);
  out[k++] = key(++t, s0wt, b0t);
  out[k++] = key(++t, s0t, b0wt);
  out[k++] = key(++t, s0w, b0w);
  out[k++] = key(++t, s0t, b0t);
  out[k++] = key(++t, L(s0), L(b0));
  emit_b([&] { return key(t, b0t, b1t); });
  emit_b([&] { return key(t, b0w, b1w); });
  emit_s([&] { return key(t, s1wt, s0wt); });
  emit_s([&] { return key(t, s1w, s0w); });
  emit_s([&] { return key(t, s1t, s0t); });
  emit_s([&] { return key(t, s1t, s0wt); });
  emit_s([&] { return key(t, s1wt, s0t); });
  emit_s([&] { return key(t, L(s1), L(s0)); });
  out[k++] = key(++t, s1t, b0t);
  out[k++] = key(++t, s1w, b0w);
  // triples
  emit_b([&] { return key(t, b0t, b1t, b2t); });
  out[k++] = key(++t, s0t, b0t, b1t);
  out[k++] = key(++t, s1t, s0t, b0t);
  emit_s([&] { return key(t, s2t, s1t, s0t); });
  out[k++] = key(++t, s1t, s0t, b1t);
  out[k++] = key(++t, s0w, b0t, b1t);
  out[k++] = key(++t, s1t, s0w, b0t);
  // distance
  out[k++] = key(++t, s0w, d01);
  out[k++] = key(++t, s0t, d01);
  out[k++] = key(++t, b0w, d01);
  out[k++] = key(++t, b0t, d01);
  out[k++] = key(++t, s0t, b0t, d01);
  out[k++] = key(++t, s0w, b0w, d01);
  emit_s([&] { return key(t, s1t, s0t, d10); });
  emit_s([&] { return key(t, s1w, s0w, d10); });
  emit_s([&] { return key(t, s1w, d10); });
  emit_s([&] { return key(t, s0w, d10); });
  // valency
  emit_s([&] { return key(t, s0w, s0vr); });
  emit_s([&] { return key(t, s0t, s0vr); });
  emit_s([&] { return key(t, s0w, s0vl); });
  emit_s([&] { return key(t, s0t, s0vl); });
  out[k++] = key(++t, b0w, b0vl);
  out[k++] = key(++t, b0t, b0vl);
  emit_s([&] { return key(t, s1w, s1vr); });
  emit_s([&] { return key(t, s1t, s1vr); });
  emit_s([&] { return key(t, s1w, s1vl); });
  emit_s([&] { return key(t, s1t, s1vl); });
  // children
  emit_s([&] { return key(t, W(s0l1)); });
  emit_s([&] { return key(t, T(s0l1)); });
  emit_s([&] { return key(t, LB(s0l1)); });
  emit_s([&] { return key(t, W(s0r1)); });
  emit_s([&] { return key(t, T(s0r1)); });
  emit_s([&] { return key(t, LB(s0r1)); });
  out[k++] = key(++t, W(b0l1));
  out[k++] = key(++t, T(b0l1));
  out[k++] = key(++t, LB(b0l1));
  emit_s([&] { return key(t, W(s1r1)); });
  emit_s([&] { return key(t, T(s1r1)); });
  emit_s([&] { return key(t, LB(s1r1)); });
  emit_s([&] { return key(t, T(s1l1), LB(s1l1)); });
  emit_s([&] { return key(t, T(s0l2), LB(s0l2)); });
  emit_s([&] { return key(t, T(s0r2), LB(s0r2)); });
  out[k++] = key(++t, T(b0l2), LB(b0l2));
  emit_s([&] { return key(t, T(s1r2), LB(s1r2)); });
  // second order
  emit_s([&] { return key(t, s0t, T(s0l1), T(s0l2)); });
  emit_s([&] { return key(t, s0t, T(s0r1), T(s0r2)); });
  out[k++] = key(++t, b0t, T(b0l1), T(b0l2));
  emit_s([&] { return key(t, s1t, T(s1r1), T(s1r2)); });
  out[k++] = key(++t, s0t, T(s0l1), b0t);
  out[k++] = key(++t, s0t, T(s0r1), b0t);
  out[k++] = key(++t, s0t, b0t, T(b0l1));
  emit_s([&] { return key(t, s1t, s0t, T(s0l1)); });
  emit_s([&] { return key(t, s1t, T(s1r1), s0t); });
  // label sets
  emit_s([&] { return key(t, s0w, set(s.lset, s0)); });
  emit_s([&] { return key(t, s0t, set(s.lset, s0)); });
  emit_s([&] { return key(t, s0w, set(s.rset, s0)); });
  emit_s([&] { return key(t, s0t, set(s.rset, s0)); });
  out[k++] = key(++t, b0w, set(s.lset, b0));
  out[k++] = key(++t, b0t, set(s.lset, b0));
  emit_s([&] { return key(t, s1w, set(s.rset, s1)); });
  emit_s([&] { return key(t, s1t, set(s.rset, s1)); });
  if (extended) {  // coarse tags beside the Penn tags, so a wrong XPOS weighs less
    auto U = [&](int i) { return i < 0 ? kNone : s.upos[i]; };
    out[k++] = key(++t, U(s0), U(b0));
    emit_s([&] { return key(t, U(s1), U(s0)); });
    out[k++] = key(++t, U(s0), U(b0), U(b1));
    out[k++] = key(++t, U(s1), U(s0), U(b0));
  }
  emit_b([&] { return key(t, 0x77); });  // bias
  if (nb) *nb = kb;
  if (nsk) *nsk = ks;
  return k;
}

int label_features(const ParserScratch& s, int h, int d, bool extended, Key* out) {
  auto W = [&](int i) { return i < 0 ? kNone : s.word[i]; };
  auto T = [&](int i) { return i < 0 ? kNone : s.tag[i]; };
  auto L = [&](int i) { return i < 0 ? kNone : s.lemma[i]; };
  auto LB = [&](int i) { return i < 0 ? kNone : static_cast<std::uint64_t>(s.label[i] + 1000); };
  const std::uint64_t dir = d < h ? 0x100 : 0x200;
  const std::uint64_t dw = W(d), dt = T(d), dl = L(d), hw = W(h), ht = T(h), hl = L(h);
  const int dl1 = s.l1[d], dr1 = s.r1[d], hl1 = s.l1[h], hr1 = s.r1[h];
  const std::uint64_t dist = bucket(h, d);
  int k = 0;
  std::uint64_t t = 0x4000;
  out[k++] = key(++t, dw, dir);
  out[k++] = key(++t, dt, dir);
  out[k++] = key(++t, dl, dir);
  out[k++] = key(++t, hw, dir);
  out[k++] = key(++t, ht, dir);
  out[k++] = key(++t, hl, dir);
  out[k++] = key(++t, dt, ht, dir);
  out[k++] = key(++t, dw, ht, dir);
  out[k++] = key(++t, dt, hw, dir);
  out[k++] = key(++t, dl, hl, dir);
  out[k++] = key(++t, dt, ht, dist + dir);
  out[k++] = key(++t, W(dl1), dir);
  out[k++] = key(++t, W(dl1), ht, dir);
  out[k++] = key(++t, W(dl1), hl, dir);
  out[k++] = key(++t, dt, s.lset[d], dir);
  out[k++] = key(++t, dt, s.rset[d], dir);
  out[k++] = key(++t, ht, s.lset[h], dir);
  out[k++] = key(++t, ht, s.rset[h], dir);
  out[k++] = key(++t, s.upos[d], s.upos[h], dir);
  out[k++] = key(++t, dt, ht, T(dl1) + dir);
  out[k++] = key(++t, dt, T(dr1), dir);
  out[k++] = key(++t, LB(dl1), LB(dr1), dir);
  out[k++] = key(++t, dt, LB(hl1), LB(hr1) + dir);
  out[k++] = key(++t, dl, T(d + 1 < static_cast<int>(s.tag.size()) ? d + 1 : -1), dir);
  out[k++] = key(++t, dt, T(d - 1), dir);
  if (extended) {  // word pair, lemma by tag, coarse tags by distance, valency, previous word
    out[k++] = key(++t, dw, hw, dir);
    out[k++] = key(++t, dl, ht, dir);
    out[k++] = key(++t, s.upos[d], s.upos[h], dist + dir);
    out[k++] = key(++t, dt, static_cast<std::uint64_t>(s.nl[d] * 64 + s.nr[d]), dir);
    out[k++] = key(++t, W(d - 1), dt, dir);
  }
  out[k++] = key(++t, dir);
  return k;
}

}  // namespace detail

using namespace detail;

namespace {
// The best non-root relation of the arc h -> d in the current state: its
// model label index into `label`; returns its score. `ls` holds
// m.label_w.cols scores (overwritten).
std::int32_t best_label(const Parser::Model& m, ParserScratch& s, int h, int d, std::int32_t* ls,
                        int& label) {
  std::fill(ls, ls + m.label_w.cols, 0);
  Key* lk = s.keys.data() + kMaxTransitionFeatures;
  m.label_w.score(lk, label_features(s, h, d, m.split, lk), ls);
  std::int32_t bl = std::numeric_limits<std::int32_t>::min();
  const int nlab = static_cast<int>(m.labels.size());
  for (int l = 0; l < nlab; ++l)
    if (l != m.root_label && ls[l] > bl) bl = ls[l], label = l;
  return bl;
}
}  // namespace

Parser::Parser() : model_(std::make_unique<Model>()) {}
Parser::~Parser() = default;

const std::string& Parser::header() const { return model_->header; }

void Parser::parse(const std::vector<std::string_view>& words, Analysis& a,
                   ParserScratch& s) const {
  const Model& m = *model_;
  const int n = static_cast<int>(words.size());
  a.head.assign(n, -1);
  a.rel.assign(n, m.to_deprel[m.root_label]);
  if (n == 0) return;
  reset_state(s, words, a, m.xpos_hash);
  const int cols = m.label_w.cols;
  s.scores.resize(2 * cols);
  Key* keys = s.keys.data();
  std::int32_t* lscore[2] = {s.scores.data(), s.scores.data() + cols};
  int b = 0, cached_b = -1;
  std::int32_t bsum[kActionCols] = {0, 0, 0, 0};
  while (b < n || !s.stack.empty()) {
    const bool can[3] = {valid(s, n, b, kShift), valid(s, n, b, kLeft), valid(s, n, b, kRight)};
    if (!can[kLeft] && !can[kRight]) {  // empty stack: SHIFT is forced
      b = apply(s, b, kShift, m.root_label);
      continue;
    }
    if (b == n && s.stack.size() == 1) {  // the last word goes to ROOT
      b = apply(s, b, kLeft, m.root_label);
      continue;
    }
    // What was computed for the word s0 on top at this depth holds while
    // s0 has no new child (nothing below it changes while it is there).
    const int s0 = s.stack.back();
    ParserScratch::StackTop& top = s.top[s.stack.size()];
    if (top.s0 != s0 || top.children != s.nl[s0] + s.nr[s0]) {
      top.s0 = s0;
      top.children = s.nl[s0] + s.nr[s0];
      top.summed = false;
      top.right_label = -1;
    }
    auto right_label = [&](int& lab) {  // best label of s1 -> s0, computed once per top
      if (top.right_label < 0) {
        top.right_label = m.root_label;
        top.right_score =
            best_label(m, s, s.stack[s.stack.size() - 2], s0, lscore[0], top.right_label);
      }
      lab = top.right_label;
      return top.right_score;
    };
    if (b == n) {  // RIGHT is the only valid transition: only its label is chosen
      int lab = m.root_label;
      right_label(lab);
      b = apply(s, b, kRight, lab);
      continue;
    }
    Key* bkeys = keys + kMaxTransitionFeatures + kMaxLabelFeatures;
    Key* skeys = keys + kMaxTransitionFeatures + 2 * kMaxLabelFeatures;
    int nb = 0, nsk = 0;
    const bool fresh_b = b != cached_b;  // the buffer front's templates: summed once per b
    const int nk = transition_features(s, n, b, m.split, keys, bkeys, fresh_b ? &nb : nullptr,
                                       skeys, top.summed ? nullptr : &nsk);
    if (fresh_b) {
      bsum[0] = bsum[1] = bsum[2] = bsum[3] = 0;
      m.actions.score(bkeys, nb, bsum);
      cached_b = b;
    }
    if (!top.summed) {
      top.sum[0] = top.sum[1] = top.sum[2] = top.sum[3] = 0;
      m.actions.score(skeys, nsk, top.sum);
      top.summed = true;
    }
    std::int32_t ts[kActionCols] = {bsum[0] + top.sum[0], bsum[1] + top.sum[1],
                                    bsum[2] + top.sum[2], 0};
    m.actions.score(keys, nk, ts);
    std::int64_t best = std::numeric_limits<std::int64_t>::min();
    Action best_a = kShift;
    int best_l = m.root_label;
    for (int act = 0; act < kActions; ++act) {
      if (!can[act]) continue;
      std::int64_t sc = ts[act];
      int lab = m.root_label;
      if (!m.split && act == kLeft) sc += best_label(m, s, b, s0, lscore[1], lab);
      if (!m.split && act == kRight) sc += right_label(lab);
      if (sc > best) best = sc, best_a = static_cast<Action>(act), best_l = lab;
    }
    if (m.split && best_a == kLeft) best_label(m, s, b, s0, lscore[0], best_l);
    if (m.split && best_a == kRight) right_label(best_l);
    b = apply(s, b, best_a, best_l);
  }
  for (int i = 0; i < n; ++i) {
    a.head[i] = s.head[i] == n ? -1 : s.head[i];
    a.rel[i] = m.to_deprel[s.label[i] < 0 ? m.root_label : s.label[i]];
  }
}

// ---- model file ----------------------------------------------------------
// Version 3 (written for split models, Model::split) is version 2 with the
// magic "DIPGRAPH-PARSER 3\n"; version 2 (written for joint models):
// "DIPGRAPH-PARSER 2\n", "header-bytes N\n", N bytes of
// UTF-8 header text, then little-endian binary: u32 label count, labels (u8
// length + bytes), f32 scale, u32 step (every weight is a multiple of it and
// is stored divided by it; 1 = exact), the transition table (varint rows;
// per row, in increasing key order, varint key minus the previous key, then
// 3 zigzag varint weights), the label table (varint rows; per row varint key
// delta, u8 nonzero count, then (u8 column, zigzag varint weight) pairs), and
// a u64 FNV-1a checksum of everything before it. Varints are LEB128.
// Version 1 (still read): the same up to the scale, no step, then u64 rows
// and per row u32 key + 3 x i16 for transitions, u64 rows and per row u32
// key, u8 count, (u8 column, i16 weight) pairs for labels.

namespace {
constexpr std::string_view kMagic1 = "DIPGRAPH-PARSER 1\n";
constexpr std::string_view kMagic2 = "DIPGRAPH-PARSER 2\n";
constexpr std::string_view kMagic = "DIPGRAPH-PARSER 3\n";

std::uint64_t fnv(const char* p, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 0x100000001b3ULL;
  return h;
}
template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
void put_weight(std::string& out, std::int16_t w, int step) {
  const std::int32_t q = w / step;  // w is a multiple of step
  put_varint(out, q >= 0 ? 2 * static_cast<std::uint32_t>(q) : 2 * static_cast<std::uint32_t>(-q) - 1);
}

struct Reader {
  const std::string& path;
  const char* p;
  const char* end;
  template <class T>
  T get() {
    if (static_cast<std::size_t>(end - p) < sizeof(T))
      throw Error(path + ": parser model is truncated");
    T v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
  }
  std::uint64_t varint() {
    if (p != end && !(static_cast<unsigned char>(*p) & 0x80)) return static_cast<unsigned char>(*p++);
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p == end) throw Error(path + ": parser model is truncated");
      const auto b = static_cast<unsigned char>(*p++);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    throw Error(path + ": parser model is damaged (varint)");
  }
  std::int16_t weight(int step) {
    const std::uint64_t z = varint();
    const std::int64_t q = (z & 1) ? -static_cast<std::int64_t>((z + 1) / 2) : static_cast<std::int64_t>(z / 2);
    const std::int64_t w = q * step;
    if (w < -32768 || w > 32767) throw Error(path + ": parser model is damaged (weight)");
    return static_cast<std::int16_t>(w);
  }
};
}  // namespace

bool Parser::save(const std::string& path) const {
  const Model& m = *model_;
  std::string out(m.split ? kMagic : kMagic2);
  out += "header-bytes " + std::to_string(m.header.size()) + "\n";
  out += m.header;
  put<std::uint32_t>(out, static_cast<std::uint32_t>(m.labels.size()));
  for (const std::string& l : m.labels) {
    put<std::uint8_t>(out, static_cast<std::uint8_t>(l.size()));
    out += l;
  }
  put<float>(out, m.scale);
  const int step = std::max(1, m.step);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(step));
  // Rows in key order, so the bytes do not depend on the table's history.
  std::vector<ActionTable::Slot> arows;
  for (const ActionTable::Slot& sl : m.actions.slots)
    if (sl.key) arows.push_back(sl);
  std::sort(arows.begin(), arows.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
  put_varint(out, arows.size());
  Key prev = 0;
  for (const ActionTable::Slot& sl : arows) {
    put_varint(out, sl.key - prev);
    prev = sl.key;
    for (int c = 0; c < kActions; ++c) put_weight(out, sl.w[c], step);
  }
  std::vector<std::pair<Key, std::uint32_t>> rows;
  for (const WeightTable::Slot& sl : m.label_w.slots)
    if (sl.key) rows.emplace_back(sl.key, sl.row);
  std::sort(rows.begin(), rows.end());
  put_varint(out, rows.size());
  const int cols = m.label_w.cols;
  prev = 0;
  for (auto [k, r] : rows) {
    put_varint(out, k - prev);
    prev = k;
    const std::int16_t* w = &m.label_w.w[std::size_t(r) * cols];
    put<std::uint8_t>(out, static_cast<std::uint8_t>(
                               std::count_if(w, w + m.labels.size(), [](std::int16_t x) { return x != 0; })));
    for (std::size_t c = 0; c < m.labels.size(); ++c)
      if (w[c]) {
        put<std::uint8_t>(out, static_cast<std::uint8_t>(c));
        put_weight(out, w[c], step);
      }
  }
  put<std::uint64_t>(out, fnv(out.data(), out.size()));
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return false;
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  return static_cast<bool>(f.flush());
}

void Parser::compact(int min_abs, int step) {
  Model& m = *model_;
  step = std::max(1, std::min(step, 4096));
  auto round = [step](std::int16_t w) -> std::int16_t {
    if (step == 1) return w;
    long q = std::lround(static_cast<double>(w) / step) * step;
    while (q > 32767) q -= step;
    while (q < -32768) q += step;
    return static_cast<std::int16_t>(q);
  };
  auto keep = [min_abs](const std::int16_t* w, int n) {
    int mx = 0;
    for (int c = 0; c < n; ++c) mx = std::max(mx, std::abs(static_cast<int>(w[c])));
    return mx > 0 && mx >= min_abs;
  };
  const std::size_t a_before = m.actions.size, l_before = m.label_w.rows();
  std::vector<ActionTable::Slot> arows;
  for (ActionTable::Slot sl : m.actions.slots) {
    if (!sl.key) continue;
    for (int c = 0; c < kActions; ++c) sl.w[c] = round(sl.w[c]);
    if (keep(sl.w, kActions)) arows.push_back(sl);
  }
  std::sort(arows.begin(), arows.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
  m.actions.reserve(arows.size());
  for (const ActionTable::Slot& sl : arows) m.actions.insert(sl.key, sl.w);
  const int cols = m.label_w.cols;
  const int nlab = static_cast<int>(m.labels.size());
  std::vector<std::pair<Key, std::uint32_t>> lrows;
  for (const WeightTable::Slot& sl : m.label_w.slots)
    if (sl.key) lrows.emplace_back(sl.key, sl.row);
  std::sort(lrows.begin(), lrows.end());
  HugeVector<std::int16_t> w;
  std::vector<Key> keys;
  for (auto [k, r] : lrows) {
    std::int16_t row[64] = {};
    for (int c = 0; c < cols; ++c) row[c] = round(m.label_w.w[std::size_t(r) * cols + c]);
    if (!keep(row, nlab)) continue;
    keys.push_back(k);
    w.insert(w.end(), row, row + cols);
  }
  m.label_w.w = std::move(w);
  m.label_w.build_index(keys);
  if (step > 1) m.step = step;
  m.header += "Compacted after training: weights rounded to multiples of " + std::to_string(step) +
              ", rows with largest |weight| < " + std::to_string(std::max(min_abs, 1)) +
              " dropped: transition rows " + std::to_string(a_before) + " -> " +
              std::to_string(m.actions.size) + ", label rows " + std::to_string(l_before) + " -> " +
              std::to_string(m.label_w.rows()) + ".\n";
}

// Fills what a model derives from this build's tag and relation tables:
// Deprel of each model label, the root label, the hash of each XPOS name.
// Throws Error naming `path` for a relation this build does not know.
void finish_model(Parser::Model& m, const std::string& path) {
  m.to_deprel.clear();
  m.root_label = -1;
  for (std::size_t i = 0; i < m.labels.size(); ++i) {
    Deprel d = 0;
    if (!parse_deprel(m.labels[i], d))
      throw Error(path + ": parser model has an unknown relation '" + m.labels[i] + "'");
    m.to_deprel.push_back(d);
    if (m.labels[i] == "root") m.root_label = static_cast<int>(i);
  }
  if (m.root_label < 0) throw Error(path + ": parser model has no root relation");
  m.xpos_hash.clear();
  for (const std::string& x : xpos_names()) m.xpos_hash.push_back(hash_text(x, false));
}

std::unique_ptr<Parser> Parser::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error(path + ": cannot open parser model");
  f.seekg(0, std::ios::end);
  std::string data(static_cast<std::size_t>(std::max<std::streamoff>(0, f.tellg())), '\0');
  f.seekg(0);
  if (!f.read(data.data(), static_cast<std::streamsize>(data.size())))
    throw Error(path + ": cannot read parser model");
  int version = 0;
  if (data.compare(0, kMagic.size(), kMagic) == 0) version = 3;
  else if (data.compare(0, kMagic2.size(), kMagic2) == 0) version = 2;
  else if (data.compare(0, kMagic1.size(), kMagic1) == 0) version = 1;
  else throw Error(path + ": not a dipgraph parser model");
  if (data.size() < kMagic.size() + 8 ||
      fnv(data.data(), data.size() - 8) != [&] {
        std::uint64_t c;
        std::memcpy(&c, data.data() + data.size() - 8, 8);
        return c;
      }())
    throw Error(path + ": parser model is damaged (checksum mismatch)");
  std::unique_ptr<Parser> p(new Parser());
  Model& m = *p->model_;
  std::size_t pos = kMagic.size();
  std::size_t eol = data.find('\n', pos);
  std::size_t hbytes = 0;
  if (eol == std::string::npos || std::sscanf(data.c_str() + pos, "header-bytes %zu", &hbytes) != 1 ||
      eol + 1 + hbytes > data.size())
    throw Error(path + ": parser model has a bad header");
  m.header = data.substr(eol + 1, hbytes);
  Reader r{path, data.data() + eol + 1 + hbytes, data.data() + data.size() - 8};
  const std::uint32_t nlab = r.get<std::uint32_t>();
  if (nlab == 0 || nlab > 64) throw Error(path + ": parser model has a bad label count");
  for (std::uint32_t i = 0; i < nlab; ++i) {
    const std::uint8_t len = r.get<std::uint8_t>();
    if (static_cast<std::size_t>(r.end - r.p) < len) throw Error(path + ": parser model is truncated");
    m.labels.emplace_back(r.p, len);
    r.p += len;
  }
  m.scale = r.get<float>();
  const bool v1 = version == 1;
  m.split = version == 3;
  if (!v1) {
    const std::uint32_t step = r.get<std::uint32_t>();
    if (step == 0 || step > 32767) throw Error(path + ": parser model has a bad weight step");
    m.step = static_cast<int>(step);
  }
  const int step = m.step;
  // Keys of version 2 are deltas in increasing order: a delta of 0 after
  // the first row, or an overflow, is damage.
  auto next_key = [&](Key prev, bool first) -> Key {
    if (v1) return r.get<Key>();
    const std::uint64_t d = r.varint();
    if ((d == 0 && !first) || prev + d > 0xffffffffULL) throw Error(path + ": parser model is damaged (key order)");
    return static_cast<Key>(prev + d);
  };
  std::vector<Key> keys;
  std::uint64_t rows = v1 ? r.get<std::uint64_t>() : r.varint();
  if (rows > static_cast<std::uint64_t>(r.end - r.p) / (v1 ? 10 : 4)) throw Error(path + ": parser model is truncated");
  // Decode all rows first, then insert with the slots prefetched a few rows
  // ahead: the inserts are cache misses, and keeping them apart from the
  // branchy varint decoding lets several be in flight at once.
  std::vector<ActionTable::Slot> arows(rows);
  Key prev = 0;
  for (std::uint64_t i = 0; i < rows; ++i) {
    const Key k = next_key(prev, i == 0);
    prev = k;
    if (k == 0) throw Error(path + ": parser model is damaged (zero key)");
    arows[i].key = k;
    for (int c = 0; c < kActions; ++c) arows[i].w[c] = v1 ? r.get<std::int16_t>() : r.weight(step);
  }
  m.actions.reserve(rows);
  constexpr std::size_t kAhead = 16;
  for (std::size_t i = 0; i < arows.size(); ++i) {
    if (i + kAhead < arows.size()) __builtin_prefetch(&m.actions.slots[arows[i + kAhead].key & m.actions.mask], 1);
    m.actions.insert(arows[i].key, arows[i].w);
  }
  rows = v1 ? r.get<std::uint64_t>() : r.varint();
  if (rows > static_cast<std::uint64_t>(r.end - r.p) / (v1 ? 5 : 2)) throw Error(path + ": parser model is truncated");
  const int cols = (static_cast<int>(nlab) + 7) / 8 * 8;
  m.label_w.cols = cols;
  m.label_w.w.assign(rows * cols, 0);
  keys.resize(rows);
  prev = 0;
  for (std::uint64_t i = 0; i < rows; ++i) {
    keys[i] = next_key(prev, i == 0);
    prev = keys[i];
    if (keys[i] == 0) throw Error(path + ": parser model is damaged (zero key)");
    const std::uint8_t nz = r.get<std::uint8_t>();
    for (int j = 0; j < nz; ++j) {
      const std::uint8_t c = r.get<std::uint8_t>();
      const std::int16_t v = v1 ? r.get<std::int16_t>() : r.weight(step);
      if (c >= nlab) throw Error(path + ": parser model is damaged (label column)");
      m.label_w.w[i * cols + c] = v;
    }
  }
  m.label_w.build_index(keys);
  if (r.p != r.end) throw Error(path + ": parser model has trailing bytes");
  finish_model(m, path);
  return p;
}

}  // namespace dipgraph::syntax
