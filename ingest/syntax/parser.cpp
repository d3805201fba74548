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
// of coming one batch after another. Decoding is cut into steps at those
// loads (Decoder), so that parse_batch() can run several sentences' steps
// in turn and one sentence's misses are waited for during another's work.
#include "ingest/syntax/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
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

// The best relation of an arc whose label rows are `rows`, as best_of.
std::int32_t best_label(const Parser::Model& m, const std::int16_t* const* rows, int n,
                        std::int32_t* ls, int& label) {
  std::fill(ls, ls + m.label_w.cols, 0);
  sum_rows(rows, n, m.label_w.cols, ls);
  return best_of(m, ls, label);
}

// Greedy decoding of one sentence, cut into steps that each end by
// starting lookups (prefetches) and begin by using those of the step
// before: a configuration's transition slots (and a joint model's label
// slots of both possible arcs), then the label rows (a split model finds
// the new arc's label slots first). parse_batch() runs the steps of several
// sentences in turn, so the cache misses of one sentence's step are waited
// for while the others' run. Each sentence's decisions do not depend on
// the order of the steps: the trees are those of parse(), which runs one
// Decoder to the end. Sums that cannot have changed are kept (the file's
// first paragraph); ties go to the first transition and label.
class Decoder {
 public:
  Decoder(const Parser::Model& m, const std::vector<std::string_view>& words, Analysis& a,
          ParserScratch& s)
      : m_(m), a_(a), s_(s), n_(static_cast<int>(words.size())) {
    a.head.assign(n_, -1);
    a.rel.assign(n_, m.to_deprel[m.root_label]);
    if (n_ == 0) return;
    reset_state(s, words, a, m.xpos_hash, m.cluster_index);
    s.scores.resize(2 * m.label_w.cols);
    next();
  }

  bool done() const { return phase_ == kDone; }

  // Runs the next step: uses the lookups started by the step before and
  // starts the next ones. Once done() the tree is in the Analysis.
  void step() {
    switch (phase_) {
      case kSlots:
        return slots();
      case kRows:
        return rows();
      case kDone:
        return;
    }
  }

 private:
  enum Phase { kSlots, kRows, kDone };

  Key* keys(int area) { return s_.keys.data() + area; }

  // Applies the transitions that need no lookup, then starts the lookups
  // of the next configuration (or finishes the tree).
  void next() {
    ParserScratch& s = s_;
    for (;;) {
      if (b_ == n_ && s.stack.empty()) return finish();
      can_[kShift] = valid(s, n_, b_, kShift);
      can_[kLeft] = valid(s, n_, b_, kLeft);
      can_[kRight] = valid(s, n_, b_, kRight);
      if (!can_[kLeft] && !can_[kRight]) {  // empty stack: SHIFT is forced
        b_ = apply(s, b_, kShift, m_.root_label);
        continue;
      }
      if (b_ == n_ && s.stack.size() == 1) {  // the last word goes to ROOT
        b_ = apply(s, b_, kLeft, m_.root_label);
        continue;
      }
      // What was computed for the word s0 on top at this depth holds while
      // s0 has no new child (nothing below it changes while it is there).
      const int s0 = s.stack.back();
      top_ = &s.top[s.stack.size()];
      if (top_->s0 != s0 || top_->children != s.nl[s0] + s.nr[s0]) {
        top_->s0 = s0;
        top_->children = s.nl[s0] + s.nr[s0];
        top_->summed = false;
        top_->right_label = -1;
      }
      nleft_ = nright_ = nk_ = nb_ = nsk_ = 0;
      labelling_ = false;
      if (b_ == n_) {  // RIGHT is the only valid transition: only its label is chosen
        if (start_label(kRight)) return;
        continue;
      }
      fresh_b_ = b_ != cached_b_;  // the buffer front's templates: summed once per b
      nk_ = transition_features(s, n_, b_, m_.templates, keys(0), keys(kBufferKeys),
                                fresh_b_ ? &nb_ : nullptr, keys(kStackKeys),
                                top_->summed ? nullptr : &nsk_);
      // A joint model scores the label of each possible arc too.
      if (!m_.split && can_[kLeft])
        nleft_ = label_features(s, b_, s0, m_.templates, keys(kLeftKeys));
      if (!m_.split && can_[kRight] && top_->right_label < 0)
        nright_ =
            label_features(s, s.stack[s.stack.size() - 2], s0, m_.templates, keys(kRightKeys));
      m_.label_w.prefetch(keys(kLeftKeys), nleft_);
      m_.label_w.prefetch(keys(kRightKeys), nright_);
      m_.actions.prefetch(keys(0), nk_);
      m_.actions.prefetch(keys(kBufferKeys), nb_);
      m_.actions.prefetch(keys(kStackKeys), nsk_);
      phase_ = kSlots;
      return;
    }
  }

  // For the arc of LEFT (b -> s0) or RIGHT (s1 -> s0) chosen alone (a
  // split model's choice, or RIGHT at the end of the buffer): starts the
  // lookups of its label keys and returns true, or applies RIGHT with the
  // label kept for this stack top and returns false.
  bool start_label(Action a) {
    ParserScratch& s = s_;
    action_ = a;
    if (a == kRight && top_->right_label >= 0) {
      b_ = apply(s, b_, kRight, top_->right_label);
      return false;
    }
    const int s0 = s.stack.back();
    const int h = a == kLeft ? b_ : s.stack[s.stack.size() - 2];
    Key* lk = keys(a == kLeft ? kLeftKeys : kRightKeys);
    (a == kLeft ? nleft_ : nright_) = label_features(s, h, s0, m_.templates, lk);
    m_.label_w.prefetch(lk, a == kLeft ? nleft_ : nright_);
    nk_ = nb_ = nsk_ = 0;
    labelling_ = true;
    phase_ = kSlots;
    return true;
  }

  // The slots have arrived: starts loading the label rows, sums the
  // transition rows. A split model then applies SHIFT or starts its arc's
  // label lookups.
  void slots() {
    mleft_ = m_.label_w.find_rows(keys(kLeftKeys), nleft_, left_rows_);
    mright_ = m_.label_w.find_rows(keys(kRightKeys), nright_, right_rows_);
    if (labelling_) {
      phase_ = kRows;
      return;
    }
    if (fresh_b_) {
      bsum_[0] = bsum_[1] = bsum_[2] = bsum_[3] = 0;
      m_.actions.score(keys(kBufferKeys), nb_, bsum_);
      cached_b_ = b_;
    }
    ParserScratch::StackTop& top = *top_;
    if (!top.summed) {
      top.sum[0] = top.sum[1] = top.sum[2] = top.sum[3] = 0;
      m_.actions.score(keys(kStackKeys), nsk_, top.sum);
      top.summed = true;
    }
    ts_[0] = bsum_[0] + top.sum[0];
    ts_[1] = bsum_[1] + top.sum[1];
    ts_[2] = bsum_[2] + top.sum[2];
    ts_[3] = 0;
    m_.actions.score(keys(0), nk_, ts_);
    if (!m_.split) {
      phase_ = kRows;
      return;
    }
    std::int64_t best = std::numeric_limits<std::int64_t>::min();
    Action best_a = kShift;
    for (int act = 0; act < kActions; ++act)
      if (can_[act] && ts_[act] > best) best = ts_[act], best_a = static_cast<Action>(act);
    if (best_a != kShift && start_label(best_a)) return;
    if (best_a == kShift) b_ = apply(s_, b_, kShift, m_.root_label);
    next();
  }

  // The label rows have arrived: the labels, then the transition.
  void rows() {
    std::int32_t* ls = s_.scores.data();
    ParserScratch::StackTop& top = *top_;
    if (nright_ > 0) {  // the arc s1 -> s0, kept for this stack top
      top.right_label = m_.root_label;
      top.right_score = best_label(m_, right_rows_, mright_, ls, top.right_label);
    }
    if (labelling_) {  // the transition is chosen: only its label was looked up
      int lab = top.right_label;
      if (action_ == kLeft) {
        lab = m_.root_label;
        best_label(m_, left_rows_, mleft_, ls, lab);
      }
      b_ = apply(s_, b_, action_, lab);
      return next();
    }
    std::int64_t best = std::numeric_limits<std::int64_t>::min();
    Action best_a = kShift;
    int best_l = m_.root_label;
    for (int act = 0; act < kActions; ++act) {
      if (!can_[act]) continue;
      std::int64_t sc = ts_[act];
      int lab = m_.root_label;
      if (act == kLeft) sc += best_label(m_, left_rows_, mleft_, ls + m_.label_w.cols, lab);
      if (act == kRight) sc += top.right_score, lab = top.right_label;
      if (sc > best) best = sc, best_a = static_cast<Action>(act), best_l = lab;
    }
    b_ = apply(s_, b_, best_a, best_l);
    next();
  }

  void finish() {
    for (int i = 0; i < n_; ++i) {
      a_.head[i] = s_.head[i] == n_ ? -1 : s_.head[i];
      a_.rel[i] = m_.to_deprel[s_.label[i] < 0 ? m_.root_label : s_.label[i]];
    }
    phase_ = kDone;
  }

  const Parser::Model& m_;
  Analysis& a_;
  ParserScratch& s_;
  const int n_;
  Phase phase_ = kDone;
  int b_ = 0, cached_b_ = -1;
  bool can_[kActions] = {false, false, false};
  std::int32_t bsum_[kActionCols] = {0, 0, 0, 0};
  std::int32_t ts_[kActionCols] = {0, 0, 0, 0};
  ParserScratch::StackTop* top_ = nullptr;
  bool fresh_b_ = false;
  bool labelling_ = false;  // the lookups are those of the chosen transition's label
  Action action_ = kShift;  // ... that transition
  int nk_ = 0, nb_ = 0, nsk_ = 0, nleft_ = 0, nright_ = 0, mleft_ = 0, mright_ = 0;
  const std::int16_t* left_rows_[kMaxLabelFeatures];
  const std::int16_t* right_rows_[kMaxLabelFeatures];
};
}  // namespace

Parser::Parser() : model_(std::make_unique<Model>()) {}
Parser::~Parser() = default;

const std::string& Parser::header() const { return model_->header; }

void Parser::parse(const std::vector<std::string_view>& words, Analysis& a,
                   ParserScratch& s) const {
  Decoder d(*model_, words, a, s);
  while (!d.done()) d.step();
}

void Parser::parse_batch(const std::vector<ParseJob>& jobs,
                         std::vector<ParserScratch>& lanes) const {
  const Model& m = *model_;
  if (lanes.empty()) lanes.resize(1);
  if (lanes.size() == 1) {  // nothing to interleave
    for (const ParseJob& j : jobs) parse(*j.words, *j.out, lanes[0]);
    return;
  }
  // Each lane decodes one sentence; a finished lane takes the next job.
  // The lanes' steps run in turn, so each step's lookups have the other
  // lanes' steps to arrive in.
  std::vector<std::optional<Decoder>> run(lanes.size());
  std::size_t next = 0, active = 0;
  auto refill = [&](std::size_t l) {
    while (next < jobs.size()) {
      run[l].emplace(m, *jobs[next].words, *jobs[next].out, lanes[l]);
      ++next;
      if (!run[l]->done()) return true;
    }
    run[l].reset();
    return false;
  };
  for (std::size_t l = 0; l < run.size(); ++l) active += refill(l);
  while (active > 0) {
    for (std::size_t l = 0; l < run.size(); ++l) {
      if (!run[l]) continue;
      run[l]->step();
      if (run[l]->done() && !refill(l)) --active;
    }
  }
}

}  // namespace dipgraph::syntax
