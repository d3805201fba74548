// Parser: the arc-hybrid transition system and greedy decoding (see
// parser.hpp).
//
// Decoding scores each configuration once: the transition row sums of its
// feature keys (parser_features.cpp) give SHIFT/LEFT/RIGHT, and for each
// possible arc the label rows of the head/dependent pair give the best
// relation. Scores add up in int32. Sums that cannot have changed are not
// redone: the buffer front's templates once per b, the stack's templates
// and the label of the arc s1 -> s0 once per word on top of the stack
// (until it gets a child). Integer sums in another order are the same sums,
// so the parses are those of scoring everything every time. The lookups are
// random reads of tables of tens of MB, so a configuration's keys (and a
// joint model's label keys of both arcs) are all made before the first
// lookup and their slots loaded at once: the cache misses overlap instead
// of coming one batch after another.
#include "ingest/syntax/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "ingest/syntax/parser_detail.hpp"
#include "ingest/syntax/row_sums.hpp"

namespace dipgraph::syntax {
namespace detail {

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

}  // namespace detail

using namespace detail;

namespace {
// The best non-root relation by the label scores `ls` (m.label_w.cols of
// them): its model label index into `label` (unchanged if there is none);
// returns its score. Ties go to the first.
std::int32_t best_of(const Parser::Model& m, const std::int32_t* ls, int& label) {
  return best_column(ls, static_cast<int>(m.labels.size()), m.root_label, label);
}

// The best non-root relation of the arc h -> d in the current state, as
// best_of. `ls` holds m.label_w.cols scores (overwritten).
std::int32_t best_label(const Parser::Model& m, ParserScratch& s, int h, int d, std::int32_t* ls,
                        int& label) {
  std::fill(ls, ls + m.label_w.cols, 0);
  Key* lk = s.keys.data() + kLabelKeys;
  m.label_w.score(lk, label_features(s, h, d, m.templates, lk), ls);
  return best_of(m, ls, label);
}

// The best relation of an arc whose label rows are `rows`, as best_of.
std::int32_t best_label(const Parser::Model& m, const std::int16_t* const* rows, int n,
                        std::int32_t* ls, int& label) {
  std::fill(ls, ls + m.label_w.cols, 0);
  sum_rows(rows, n, m.label_w.cols, ls);
  return best_of(m, ls, label);
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
  reset_state(s, words, a, m.xpos_hash, m.cluster_index);
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
    Key* bkeys = keys + kBufferKeys;
    Key* skeys = keys + kStackKeys;
    const bool fresh_b = b != cached_b;  // the buffer front's templates: summed once per b
    const int nk = transition_features<TransitionPart::pair>(s, n, b, m.templates, keys);
    const int nb = fresh_b ? transition_features<TransitionPart::buffer>(s, n, b, m.templates, bkeys) : 0;
    const int nsk = top.summed ? 0 : transition_features<TransitionPart::stack>(s, n, b, m.templates, skeys);
    // A joint model scores the label of each possible arc too. All the
    // configuration's lookups are started at once, so that their cache
    // misses overlap: the label rows' slots, the transition rows' slots,
    // then the label rows while the transition rows are summed.
    Key* left_keys = keys + kLeftKeys;
    Key* right_keys = keys + kRightKeys;
    int nleft = 0, nright = 0;
    if (!m.split && can[kLeft]) nleft = label_features(s, b, s0, m.templates, left_keys);
    if (!m.split && can[kRight] && top.right_label < 0)
      nright = label_features(s, s.stack[s.stack.size() - 2], s0, m.templates, right_keys);
    m.label_w.prefetch(left_keys, nleft);
    m.label_w.prefetch(right_keys, nright);
    m.actions.prefetch(keys, nk);
    m.actions.prefetch(bkeys, nb);
    m.actions.prefetch(skeys, nsk);
    const std::int16_t* left_rows[kMaxLabelFeatures];
    const std::int16_t* right_rows[kMaxLabelFeatures];
    const int mleft = m.label_w.find_rows(left_keys, nleft, left_rows);
    const int mright = m.label_w.find_rows(right_keys, nright, right_rows);
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
    if (nright > 0) {  // right_label() then reads it
      top.right_label = m.root_label;
      top.right_score = best_label(m, right_rows, mright, lscore[0], top.right_label);
    }
    std::int64_t best = std::numeric_limits<std::int64_t>::min();
    Action best_a = kShift;
    int best_l = m.root_label;
    for (int act = 0; act < kActions; ++act) {
      if (!can[act]) continue;
      std::int64_t sc = ts[act];
      int lab = m.root_label;
      if (!m.split && act == kLeft) sc += best_label(m, left_rows, mleft, lscore[1], lab);
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

}  // namespace dipgraph::syntax
