// Parser features: the per-sentence values and the feature keys of a
// configuration (see parser_detail.hpp).
//
// Word, lemma and tag values are hashed once per sentence into the scratch
// (reset_state), so a feature key is a few multiplications of those hashes
// with its template id. transition_features gives the keys that score
// SHIFT/LEFT/RIGHT (Zhang & Nivre 2011-style templates adapted to
// arc-hybrid), split into those of the buffer front alone, of the stack
// alone and of both, so the decoder can keep the sums of the first two
// (parser.cpp); label_features gives the keys that score the relation of an
// arc from the head/dependent pair.
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/syntax/parser_detail.hpp"

namespace dipgraph::syntax::detail {

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
// The hash of a word's last three bytes (letters folded, digits as '9').
std::uint64_t suffix_hash(std::string_view w) {
  return hash_text(w.size() > 3 ? w.substr(w.size() - 3) : w, true) ^ 0x2545f4914f6cdd1dULL;
}
// The hash of a word's shape: each byte as its class (X upper, x lower, d
// digit, u non-ASCII, other bytes as they are), runs of one class cut to
// two, at most 8 classes ("Xxx", "dd.dd", "Xx-Xx", "XX").
std::uint64_t shape_hash(std::string_view w) {
  char buf[8];
  int k = 0, run = 0;
  for (unsigned char c : w) {
    const char cls = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd'
                     : c >= 0x80 ? 'u' : static_cast<char>(c);
    run = k > 0 && buf[k - 1] == cls ? run + 1 : 1;
    if (run > 2) continue;
    if (k == 8) break;
    buf[k++] = cls;
  }
  return hash_text(std::string_view(buf, k), false) ^ 0x9fb21c651e98df25ULL;
}
inline int bucket(int i, int j) {
  if (i < 0 || j < 0) return 0;
  int d = i > j ? i - j : j - i;
  return d <= 5 ? d : d <= 9 ? 6 : d <= 15 ? 7 : 8;
}
}  // namespace

void reset_state(ParserScratch& s, const std::vector<std::string_view>& words, const Analysis& a,
                 const std::vector<std::uint64_t>& xpos_hash, const ClusterIndex& clusters) {
  const std::size_t n = words.size();
  s.word.resize(n + 1);
  s.lemma.resize(n + 1);
  s.tag.resize(n + 1);
  s.upos.resize(n + 1);
  s.suffix.resize(n + 1);
  s.shape.resize(n + 1);
  s.cluster.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    s.word[i] = hash_text(words[i], true);
    clusters.prefetch(s.word[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    s.lemma[i] = i < a.lemma.size() ? hash_text(a.lemma[i], false) : kUnknown;
    s.tag[i] = i < a.xpos.size() && a.xpos[i] < xpos_hash.size() ? xpos_hash[a.xpos[i]] : kUnknown;
    s.upos[i] = i < a.upos.size() ? mix(0x1234 + static_cast<std::uint64_t>(a.upos[i])) : kUnknown;
    s.suffix[i] = suffix_hash(words[i]);
    s.shape[i] = shape_hash(words[i]);
    if (!clusters.empty()) {
      const int c = clusters.find(s.word[i]);
      s.cluster[i] = c < 0 ? kUnknown : mix(0x5a5a00 + static_cast<std::uint64_t>(c));
    }
  }
  s.word[n] = s.lemma[n] = kRootWord;
  s.tag[n] = s.upos[n] = kRootTag;
  s.suffix[n] = s.shape[n] = s.cluster[n] = kRootWord;
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
  s.keys.resize(kScratchKeys);
  s.top.assign(n + 2, ParserScratch::StackTop{});
}

// One function body for the four parts, so that the templates' ids (t,
// counted in this order) are the same whichever part is made. Flattened:
// each part's keys are hashed inline, and the templates of the other parts
// cost nothing but the count of t.
template <TransitionPart P>
[[gnu::flatten]] int transition_features(const ParserScratch& s, int n, int b, int templates, Key* out) {
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
  int k = 0;
  std::uint64_t t = 0;
  // Templates of the buffer front alone (b, b+1, b+2), of the stack alone
  // (s0, s1, s2 and their children), and of both: each made only for its part.
  auto emit_b = [&](auto make) {
    ++t;
    if constexpr (P == TransitionPart::all || P == TransitionPart::buffer) out[k++] = make();
  };
  auto emit_s = [&](auto make) {
    ++t;
    if constexpr (P == TransitionPart::all || P == TransitionPart::stack) out[k++] = make();
  };
  auto emit_p = [&](auto make) {
    ++t;
    if constexpr (P == TransitionPart::all || P == TransitionPart::pair) out[k++] = make();
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
  emit_p([&] { return key(t, s0wt, b0wt); });
  emit_p([&] { return key(t, s0wt, b0w); });
  emit_p([&] { return key(t, s0w, b0wt); });
  emit_p([&] { return key(t, s0wt, b0t); });
  emit_p([&] { return key(t, s0t, b0wt); });
  emit_p([&] { return key(t, s0w, b0w); });
  emit_p([&] { return key(t, s0t, b0t); });
  emit_p([&] { return key(t, L(s0), L(b0)); });
  emit_b([&] { return key(t, b0t, b1t); });
  emit_b([&] { return key(t, b0w, b1w); });
  emit_s([&] { return key(t, s1wt, s0wt); });
  emit_s([&] { return key(t, s1w, s0w); });
  emit_s([&] { return key(t, s1t, s0t); });
  emit_s([&] { return key(t, s1t, s0wt); });
  emit_s([&] { return key(t, s1wt, s0t); });
  emit_s([&] { return key(t, L(s1), L(s0)); });
  emit_p([&] { return key(t, s1t, b0t); });
  emit_p([&] { return key(t, s1w, b0w); });
  // triples
  emit_b([&] { return key(t, b0t, b1t, b2t); });
  emit_p([&] { return key(t, s0t, b0t, b1t); });
  emit_p([&] { return key(t, s1t, s0t, b0t); });
  emit_s([&] { return key(t, s2t, s1t, s0t); });
  emit_p([&] { return key(t, s1t, s0t, b1t); });
  emit_p([&] { return key(t, s0w, b0t, b1t); });
  emit_p([&] { return key(t, s1t, s0w, b0t); });
  // distance
  emit_p([&] { return key(t, s0w, d01); });
  emit_p([&] { return key(t, s0t, d01); });
  emit_p([&] { return key(t, b0w, d01); });
  emit_p([&] { return key(t, b0t, d01); });
  emit_p([&] { return key(t, s0t, b0t, d01); });
  emit_p([&] { return key(t, s0w, b0w, d01); });
  emit_s([&] { return key(t, s1t, s0t, d10); });
  emit_s([&] { return key(t, s1w, s0w, d10); });
  emit_s([&] { return key(t, s1w, d10); });
  emit_s([&] { return key(t, s0w, d10); });
  // valency
  emit_s([&] { return key(t, s0w, s0vr); });
  emit_s([&] { return key(t, s0t, s0vr); });
  emit_s([&] { return key(t, s0w, s0vl); });
  emit_s([&] { return key(t, s0t, s0vl); });
  emit_p([&] { return key(t, b0w, b0vl); });
  emit_p([&] { return key(t, b0t, b0vl); });
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
  emit_p([&] { return key(t, W(b0l1)); });
  emit_p([&] { return key(t, T(b0l1)); });
  emit_p([&] { return key(t, LB(b0l1)); });
  emit_s([&] { return key(t, W(s1r1)); });
  emit_s([&] { return key(t, T(s1r1)); });
  emit_s([&] { return key(t, LB(s1r1)); });
  emit_s([&] { return key(t, T(s1l1), LB(s1l1)); });
  emit_s([&] { return key(t, T(s0l2), LB(s0l2)); });
  emit_s([&] { return key(t, T(s0r2), LB(s0r2)); });
  emit_p([&] { return key(t, T(b0l2), LB(b0l2)); });
  emit_s([&] { return key(t, T(s1r2), LB(s1r2)); });
  // second order
  emit_s([&] { return key(t, s0t, T(s0l1), T(s0l2)); });
  emit_s([&] { return key(t, s0t, T(s0r1), T(s0r2)); });
  emit_p([&] { return key(t, b0t, T(b0l1), T(b0l2)); });
  emit_s([&] { return key(t, s1t, T(s1r1), T(s1r2)); });
  emit_p([&] { return key(t, s0t, T(s0l1), b0t); });
  emit_p([&] { return key(t, s0t, T(s0r1), b0t); });
  emit_p([&] { return key(t, s0t, b0t, T(b0l1)); });
  emit_s([&] { return key(t, s1t, s0t, T(s0l1)); });
  emit_s([&] { return key(t, s1t, T(s1r1), s0t); });
  // label sets
  emit_s([&] { return key(t, s0w, set(s.lset, s0)); });
  emit_s([&] { return key(t, s0t, set(s.lset, s0)); });
  emit_s([&] { return key(t, s0w, set(s.rset, s0)); });
  emit_s([&] { return key(t, s0t, set(s.rset, s0)); });
  emit_p([&] { return key(t, b0w, set(s.lset, b0)); });
  emit_p([&] { return key(t, b0t, set(s.lset, b0)); });
  emit_s([&] { return key(t, s1w, set(s.rset, s1)); });
  emit_s([&] { return key(t, s1t, set(s.rset, s1)); });
  if (templates & kExtended) {  // coarse tags beside the Penn tags, so a wrong XPOS weighs less
    auto U = [&](int i) { return i < 0 ? kNone : s.upos[i]; };
    emit_p([&] { return key(t, U(s0), U(b0)); });
    emit_s([&] { return key(t, U(s1), U(s0)); });
    emit_p([&] { return key(t, U(s0), U(b0), U(b1)); });
    emit_p([&] { return key(t, U(s1), U(s0), U(b0)); });
  }
  if (templates & kAffixes) {  // suffixes and shapes, for words unseen in training
    auto S = [&](int i) { return i < 0 ? kNone : s.suffix[i]; };
    auto H = [&](int i) { return i < 0 ? kNone : s.shape[i]; };
    emit_s([&] { return key(t, S(s0)); });
    emit_s([&] { return key(t, S(s0), s0t); });
    emit_s([&] { return key(t, H(s0)); });
    emit_s([&] { return key(t, S(s1), s1t); });
    emit_b([&] { return key(t, S(b0)); });
    emit_b([&] { return key(t, S(b0), b0t); });
    emit_b([&] { return key(t, H(b0)); });
    emit_b([&] { return key(t, S(b1), b1t); });
    emit_b([&] { return key(t, H(b1)); });
    emit_p([&] { return key(t, S(s0), b0t); });
    emit_p([&] { return key(t, s0t, S(b0)); });
  }
  if (templates & kClusters) {  // word clusters, alone, with tags and in pairs
    auto C = [&](int i) { return i < 0 ? kNone : s.cluster[i]; };
    emit_s([&] { return key(t, C(s0)); });
    emit_s([&] { return key(t, C(s0), s0t); });
    emit_s([&] { return key(t, C(s1), C(s0)); });
    emit_s([&] { return key(t, C(s1), s0t); });
    emit_b([&] { return key(t, C(b0)); });
    emit_b([&] { return key(t, C(b0), b0t); });
    emit_b([&] { return key(t, C(b1), b1t); });
    emit_b([&] { return key(t, C(b0), C(b1)); });
    emit_p([&] { return key(t, C(s0), C(b0)); });
    emit_p([&] { return key(t, C(s0), b0t); });
    emit_p([&] { return key(t, s0t, C(b0)); });
    emit_p([&] { return key(t, C(s0), C(b0), d01); });
  }
  emit_b([&] { return key(t, 0x77); });  // bias
  return k;
}

template int transition_features<TransitionPart::all>(const ParserScratch&, int, int, int, Key*);
template int transition_features<TransitionPart::pair>(const ParserScratch&, int, int, int, Key*);
template int transition_features<TransitionPart::buffer>(const ParserScratch&, int, int, int, Key*);
template int transition_features<TransitionPart::stack>(const ParserScratch&, int, int, int, Key*);

int label_features(const ParserScratch& s, int h, int d, int templates, Key* out) {
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
  if (templates & kExtended) {  // word pair, lemma by tag, coarse tags by distance, valency, previous word
    out[k++] = key(++t, dw, hw, dir);
    out[k++] = key(++t, dl, ht, dir);
    out[k++] = key(++t, s.upos[d], s.upos[h], dist + dir);
    out[k++] = key(++t, dt, static_cast<std::uint64_t>(s.nl[d] * 64 + s.nr[d]), dir);
    out[k++] = key(++t, W(d - 1), dt, dir);
  }
  if (templates & kAffixes) {  // suffixes and shapes of the pair
    out[k++] = key(++t, s.suffix[d], dir);
    out[k++] = key(++t, s.suffix[d], ht, dir);
    out[k++] = key(++t, s.shape[d], dir);
    out[k++] = key(++t, s.suffix[h], dt, dir);
  }
  if (templates & kClusters) {  // clusters of the pair
    out[k++] = key(++t, s.cluster[d], s.cluster[h], dir);
    out[k++] = key(++t, s.cluster[d], ht, dir);
    out[k++] = key(++t, dt, s.cluster[h], dir);
  }
  out[k++] = key(++t, dir);
  return k;
}

}  // namespace dipgraph::syntax::detail
