// Parser training and evaluation (see parser.hpp).
//
// An averaged perceptron over the decoder's own features (parser_features.cpp), with
// the dynamic oracle of Goldberg & Nivre (2013) for the arc-hybrid system:
// the cost of a transition is the number of gold arcs it makes unreachable,
// computed from the stack, the buffer and the gold heads. Every update is
// towards the best-scoring transition of least cost; from epoch
// explore_from on, the parser follows its own prediction with probability
// explore_p, so it learns to recover from its mistakes. Training weights are
// float rows keyed exactly by feature key; the model written is averaged,
// quantized to int16 with one scale, and pruned of small rows. Everything
// is seeded, so the same data and options give the same bytes.
#include <algorithm>
#include <chrono>
#include <memory>
#include <cmath>
#include <ostream>
#include <unordered_map>

#include <fmt/core.h>
#include <fmt/ostream.h>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/lemmatizer.hpp"
#include "ingest/syntax/parser.hpp"
#include "ingest/syntax/parser_detail.hpp"
#include "ingest/syntax/tagger.hpp"

namespace dipgraph::syntax {
namespace {

using namespace detail;

constexpr const char* kAttribution =
    "Trained on Universal Dependencies English Web Treebank (UD_English-EWT).\n"
    "Universal Dependencies English Web Treebank annotations \u00a9 2013-2021 by The Board of "
    "Trustees of The Leland Stanford Junior University.\n"
    "Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),\n"
    "https://creativecommons.org/licenses/by-sa/4.0/ ; this model is derived from those\n"
    "annotations and is distributed under the same licence. Cite: Silveira et al., \"A Gold\n"
    "Standard Dependency Corpus for English\", LREC 2014.\n";

struct SplitMix {
  std::uint64_t x;
  std::uint64_t next() {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
};

// Training weights: exact feature key -> row of `cols` floats, with the
// running sums for averaging (Daume's trick: avg = w - u / c).
struct TrainTable {
  int cols = 0;
  std::uint64_t mask = 0;
  std::vector<Key> slot_key;
  std::vector<std::uint32_t> slot_row;
  std::vector<Key> row_key;
  std::vector<float> w;
  std::vector<double> u;
  std::vector<std::uint32_t> hits;  // updates per row

  explicit TrainTable(int c) : cols(c) { rehash(1 << 16); }
  void rehash(std::size_t cap) {
    mask = cap - 1;
    slot_key.assign(cap, 0);
    slot_row.assign(cap, 0);
    for (std::size_t r = 0; r < row_key.size(); ++r) {
      std::uint64_t i = row_key[r] & mask;
      while (slot_key[i]) i = (i + 1) & mask;
      slot_key[i] = row_key[r];
      slot_row[i] = static_cast<std::uint32_t>(r);
    }
  }
  long find(Key k) const {
    std::uint64_t i = k & mask;
    for (;;) {
      if (slot_key[i] == k) return slot_row[i];
      if (slot_key[i] == 0) return -1;
      i = (i + 1) & mask;
    }
  }
  std::size_t get(Key k) {
    long r = find(k);
    if (r >= 0) return static_cast<std::size_t>(r);
    if ((row_key.size() + 1) * 2 > slot_key.size()) rehash(slot_key.size() * 2);
    std::uint64_t i = k & mask;
    while (slot_key[i]) i = (i + 1) & mask;
    slot_key[i] = k;
    slot_row[i] = static_cast<std::uint32_t>(row_key.size());
    row_key.push_back(k);
    w.resize(w.size() + cols, 0.f);
    u.resize(u.size() + cols, 0.0);
    hits.push_back(0);
    return row_key.size() - 1;
  }
  void score(const Key* keys, int n, float* out) const {
    for (int f = 0; f < n; ++f) {
      long r = find(keys[f]);
      if (r < 0) continue;
      const float* row = &w[std::size_t(r) * cols];
      for (int c = 0; c < cols; ++c) out[c] += row[c];
    }
  }
  void update(const Key* keys, int n, int col, float delta, double time) {
    for (int f = 0; f < n; ++f) {
      const std::size_t row = get(keys[f]);
      ++hits[row];
      std::size_t r = row * cols + col;
      w[r] += delta;
      u[r] += time * delta;
    }
  }
  float average(std::size_t i, double time) const { return static_cast<float>(w[i] - u[i] / time); }
};

// A treebank sentence as the parser trains on it.
struct Sample {
  std::vector<std::string_view> words;
  Analysis a;
  std::vector<int> gold_head;   // 0..n-1, n = ROOT
  std::vector<int> gold_label;  // model label index
};

void fill_gold_tags(const ConlluSentence& s, Analysis& a) {
  static const std::unordered_map<std::string, std::uint8_t> xpos = [] {
    std::unordered_map<std::string, std::uint8_t> m;
    for (std::size_t i = 0; i < xpos_names().size(); ++i) m[xpos_names()[i]] = static_cast<std::uint8_t>(i);
    return m;
  }();
  a.clear();
  for (const ConlluWord& w : s.words) {
    Upos u = Upos::X;
    parse_upos(w.upos, u);
    a.upos.push_back(u);
    auto it = xpos.find(w.xpos);
    a.xpos.push_back(it == xpos.end() ? std::uint8_t(255) : it->second);
    std::string lemma = w.lemma;
    for (char& c : lemma)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    a.lemma.push_back(std::move(lemma));
  }
}

void fill_tags(const ConlluSentence& s, const std::vector<std::string_view>& words,
               const TagFiller& tags, Analysis& a) {
  if (tags) {
    a.clear();
    tags(words, a);
  } else {
    fill_gold_tags(s, a);
  }
}

std::vector<std::string_view> word_views(const ConlluSentence& s) {
  std::vector<std::string_view> v;
  for (const ConlluWord& w : s.words) v.emplace_back(w.form);
  return v;
}

// Unlabelled cost of each transition: gold arcs it makes unreachable.
void costs(const ParserScratch& s, int n, int b, const std::vector<int>& g, int* c) {
  const int ns = static_cast<int>(s.stack.size());
  const int s0 = ns > 0 ? s.stack[ns - 1] : -1, s1 = ns > 1 ? s.stack[ns - 2] : -1;
  c[0] = c[1] = c[2] = 0;
  if (b < n) {  // SHIFT: b loses heads and dependents in the stack (except s0 as head)
    for (int k : s.stack) {
      if (g[k] == b) ++c[kShift];
      if (k != s0 && g[b] == k) ++c[kShift];
    }
  }
  if (s0 >= 0) {
    int kids = 0;  // s0's dependents still in the buffer
    for (int d = b; d < n; ++d) kids += g[d] == s0;
    c[kLeft] = kids + (g[s0] != b && (g[s0] == s1 || g[s0] >= b));
    c[kRight] = kids + (g[s0] >= b);
  }
}

}  // namespace

std::unique_ptr<Parser> Parser::train(const std::vector<ConlluSentence>& train,
                                      const std::vector<ConlluSentence>& dev,
                                      const ParserTrainOptions& opt, std::ostream& log) {
  const std::vector<std::string>& labels = deprel_names();
  const int nlab = static_cast<int>(labels.size());
  if (nlab == 0 || nlab > 64) throw Error("parser training: need 1..64 relations");
  int root = 0;
  for (int i = 0; i < nlab; ++i)
    if (labels[i] == "root") root = i;

  // Samples: the tags the parser will see, gold heads and labels.
  std::vector<Sample> samples;
  samples.reserve(train.size());
  std::size_t skipped = 0;
  for (const ConlluSentence& cs : train) {
    Sample sm;
    sm.words = word_views(cs);
    const int n = static_cast<int>(sm.words.size());
    bool ok = n > 0;
    int roots = 0;
    for (const ConlluWord& w : cs.words) {
      Deprel d = 0;
      if (w.head < 0 || w.head > n || !parse_deprel(w.deprel, d)) {
        // subtype unknown to this build: fall back to the universal relation
        std::string base = w.deprel.substr(0, w.deprel.find(':'));
        if (w.head < 0 || w.head > n || !parse_deprel(base, d)) ok = false;
      }
      sm.gold_head.push_back(w.head == 0 ? n : w.head - 1);
      sm.gold_label.push_back(d);
      roots += w.head == 0;
    }
    if (!ok || roots != 1) {
      ++skipped;
      continue;
    }
    if (opt.train_tags.empty()) {
      fill_tags(cs, sm.words, opt.tags, sm.a);
    } else {
      const std::size_t i = static_cast<std::size_t>(&cs - train.data());
      if (opt.train_tags.size() != train.size())
        throw Error("parser training: train_tags has another size than the training set");
      sm.a = opt.train_tags[i];
    }
    samples.push_back(std::move(sm));
  }
  fmt::print(log, "parser: {} training sentences ({} skipped: no single root or bad relation)\n",
             samples.size(), skipped);

  const int lcols = (nlab + 7) / 8 * 8;
  const int templates = (opt.templates & (kExtended | kAffixes | kClusters)) | (opt.split_labels ? kExtended : 0);
  WordClusters clusters;
  if (templates & kClusters) {
    std::vector<std::vector<std::uint64_t>> text;
    for (const Sample& sm : samples) {
      text.emplace_back();
      for (std::string_view w : sm.words) text.back().push_back(hash_text(w, true));
    }
    clusters = exchange_clusters(text, opt.clusters, 3, 20);
    fmt::print(log, "parser: {} words in {} clusters\n", clusters.size(), opt.clusters);
  }
  const ClusterIndex cluster_index(clusters);
  TrainTable act(kActionCols), lab(lcols);
  SplitMix rng{opt.seed};
  std::vector<std::size_t> order(samples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  ParserScratch s;
  std::vector<std::uint64_t> xpos_hash;
  for (const std::string& x : xpos_names()) xpos_hash.push_back(hash_text(x, false));
  double time = 1;
  std::vector<float> lsc(2 * lcols);

  // The averaged, quantized, pruned model of the current weights.
  auto snapshot = [&](int epoch) {
    std::unique_ptr<Parser> p(new Parser());
    Model& m = *p->model_;
    m.labels = labels;
    m.split = opt.split_labels;
    m.templates = templates;
    m.clusters = clusters;
    m.header = std::string(kAttribution) + opt.header +
               fmt::format("Settings: arc-hybrid, {} labels, feature set {}{}, dynamic oracle, epochs {} (kept {}), explore from {} "
                           "p={}, seed {}, prune rows with < {} updates or |q| < {}.\n",
                           opt.split_labels ? "split" : "joint", templates,
                           templates & kClusters ? fmt::format(" ({} word clusters learned from the training words)", opt.clusters) : "",
                           opt.epochs, epoch + 1, opt.explore_from + 1, opt.explore_p, opt.seed,
                           opt.min_updates, opt.prune_q);
    float gmax = 1e-6f;
    for (std::size_t i = 0; i < act.w.size(); ++i) gmax = std::max(gmax, std::fabs(act.average(i, time)));
    for (std::size_t i = 0; i < lab.w.size(); ++i) gmax = std::max(gmax, std::fabs(lab.average(i, time)));
    m.scale = 32767.f / gmax;
    std::vector<std::int16_t> arow(kActionCols);
    std::size_t arows = 0;
    for (std::size_t r = 0; r < act.row_key.size(); ++r) arows += static_cast<int>(act.hits[r]) >= opt.min_updates;
    m.actions.reserve(arows);
    for (std::size_t r = 0; r < act.row_key.size(); ++r) {
      if (static_cast<int>(act.hits[r]) < opt.min_updates) continue;
      int big = 0;
      for (int c = 0; c < kActions; ++c) {
        arow[c] = static_cast<std::int16_t>(std::lround(act.average(r * act.cols + c, time) * m.scale));
        big = std::max(big, std::abs(static_cast<int>(arow[c])));
      }
      if (big >= opt.prune_q) m.actions.insert(act.row_key[r], arow.data());
    }
    auto quantize = [&](const TrainTable& t, WeightTable& out, int cols) {
      std::vector<Key> keys;
      std::vector<std::int16_t> row(cols);
      out.cols = cols;
      out.w.clear();
      for (std::size_t r = 0; r < t.row_key.size(); ++r) {
        if (static_cast<int>(t.hits[r]) < opt.min_updates) continue;
        int big = 0;
        for (int c = 0; c < cols; ++c) {
          const float v = c < t.cols ? t.average(r * t.cols + c, time) : 0.f;
          row[c] = static_cast<std::int16_t>(std::lround(v * m.scale));
          big = std::max(big, std::abs(static_cast<int>(row[c])));
        }
        if (big < opt.prune_q) continue;
        keys.push_back(t.row_key[r]);
        out.w.insert(out.w.end(), row.begin(), row.end());
      }
      out.build_index(keys);
    };
    quantize(lab, m.label_w, lcols);
    finish_model(m, "parser training");
    return p;
  };

  // One configuration of split training: the transition perceptron learns
  // SHIFT/LEFT/RIGHT against the least-cost transition; the label
  // perceptron learns the relation of every gold arc the parser makes.
  // With exploration, a wrong transition or label is followed with
  // probability explore_p. Returns the new buffer front.
  auto split_step = [&](ParserScratch& st, int n, int b, const bool* can, const float* ts,
                        const int* cost, const Sample& sm, const Key* keys, int nk, float* ls,
                        bool explore, std::size_t& errors) {
    int min_cost = 1 << 30, pred_a = -1, orac_a = -1;
    for (int a = 0; a < kActions; ++a)
      if (can[a]) min_cost = std::min(min_cost, cost[a]);
    for (int a = 0; a < kActions; ++a) {
      if (!can[a]) continue;
      if (pred_a < 0 || ts[a] > ts[pred_a]) pred_a = a;
      if (cost[a] == min_cost && (orac_a < 0 || ts[a] > ts[orac_a])) orac_a = a;
    }
    bool wrong = pred_a != orac_a;
    if (wrong) {
      act.update(keys, nk, pred_a, -1.f, time);
      act.update(keys, nk, orac_a, 1.f, time);
    }
    const bool follow = wrong && explore && rng.uniform() < opt.explore_p;
    const int a = follow ? pred_a : orac_a;
    int label = root;
    if (a != kShift && !(a == kLeft && b == n)) {
      const int ns = static_cast<int>(st.stack.size());
      const int d = st.stack[ns - 1], h = a == kLeft ? b : st.stack[ns - 2];
      Key* lk = st.keys.data() + kMaxTransitionFeatures;
      const int nl = label_features(st, h, d, templates, lk);
      std::fill(ls, ls + lcols, 0.f);
      lab.score(lk, nl, ls);
      float m = -1e30f;
      for (int l = 0; l < nlab; ++l)
        if (l != root && ls[l] > m) m = ls[l], label = l;
      if (sm.gold_head[d] == h && sm.gold_label[d] != label) {
        const int gl = sm.gold_label[d];
        lab.update(lk, nl, label, -1.f, time);
        lab.update(lk, nl, gl, 1.f, time);
        wrong = true;
        if (!(explore && rng.uniform() < opt.explore_p)) label = gl;
      }
    }
    errors += wrong;
    time += 1;
    return apply(st, b, static_cast<Action>(a), label);
  };

  std::unique_ptr<Parser> best;
  double best_las = -1;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.next() % i]);
    const bool explore = epoch >= opt.explore_from;
    std::size_t steps = 0, errors = 0;
    for (std::size_t idx : order) {
      const Sample& sm = samples[idx];
      const int n = static_cast<int>(sm.words.size());
      const std::vector<int>& g = sm.gold_head;
      reset_state(s, sm.words, sm.a, xpos_hash, cluster_index);
      Key* keys = s.keys.data();
      Key* lkeys[2] = {keys + kMaxTransitionFeatures,
                                 keys + kMaxTransitionFeatures + kMaxLabelFeatures};
      int nlk[2] = {0, 0};
      int b = 0;
      while (b < n || !s.stack.empty()) {
        const bool can[3] = {valid(s, n, b, kShift), valid(s, n, b, kLeft), valid(s, n, b, kRight)};
        if ((!can[kLeft] && !can[kRight]) || (b == n && s.stack.size() == 1)) {
          b = apply(s, b, can[kLeft] ? kLeft : kShift, root);
          continue;
        }
        const int nk = transition_features(s, n, b, templates, keys);
        float ts[kActionCols] = {0, 0, 0, 0};
        act.score(keys, nk, ts);
        int cost[3];
        costs(s, n, b, g, cost);
        const int ns = static_cast<int>(s.stack.size());
        const int s0 = s.stack[ns - 1];
        if (opt.split_labels) {
          b = split_step(s, n, b, can, ts, cost, sm, keys, nk, lsc.data(), explore, errors);
          ++steps;
          continue;
        }
        // For each action: best label, gold label (if its arc is gold), scores.
        float pred_sc = -1e30f, orac_sc = -1e30f;
        int pred_a = -1, pred_l = root, orac_a = -1, orac_l = root, min_cost = 1 << 30;
        for (int a = 0; a < kActions; ++a)
          if (can[a]) min_cost = std::min(min_cost, cost[a]);
        for (int a = 0; a < kActions; ++a) {
          if (!can[a]) continue;
          float sc = ts[a], gsc = ts[a];
          int bl = root, gl = root;
          bool gold_arc = false;
          if (a != kShift) {
            const int h = a == kLeft ? b : s.stack[ns - 2];
            float* ls = &lsc[(a - 1) * lcols];
            std::fill(ls, ls + lcols, 0.f);
            nlk[a - 1] = label_features(s, h, s0, templates, lkeys[a - 1]);
            lab.score(lkeys[a - 1], nlk[a - 1], ls);
            float m = -1e30f;
            for (int l = 0; l < nlab; ++l)
              if (l != root && ls[l] > m) m = ls[l], bl = l;
            sc += m;
            gold_arc = g[s0] == h;
            gl = gold_arc ? sm.gold_label[s0] : bl;
            gsc = ts[a] + ls[gl];
          }
          if (sc > pred_sc) pred_sc = sc, pred_a = a, pred_l = bl;
          if (cost[a] == min_cost && gsc > orac_sc) orac_sc = gsc, orac_a = a, orac_l = gl;
        }
        ++steps;
        const bool wrong = pred_a != orac_a || (pred_a != kShift && pred_l != orac_l);
        if (wrong) {
          ++errors;
          if (pred_a != orac_a) {
            act.update(keys, nk, pred_a, -1.f, time);
            act.update(keys, nk, orac_a, 1.f, time);
          }
          if (pred_a != kShift) lab.update(lkeys[pred_a - 1], nlk[pred_a - 1], pred_l, -1.f, time);
          if (orac_a != kShift) lab.update(lkeys[orac_a - 1], nlk[orac_a - 1], orac_l, 1.f, time);
        }
        time += 1;
        const bool follow = wrong && explore && rng.uniform() < opt.explore_p;
        if (follow) b = apply(s, b, static_cast<Action>(pred_a), pred_l);
        else b = apply(s, b, static_cast<Action>(orac_a), orac_l);
      }
    }
    auto p = snapshot(epoch);
    const ParserScores sc = p->evaluate(dev, opt.tags);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print(log,
               "parser: epoch {:2d}: train errors {:.2f}%  dev UAS {:.2f} LAS {:.2f} LA {:.2f}  "
               "rows {}+{}  {:.1f} s\n",
               epoch + 1, 100.0 * errors / std::max<std::size_t>(1, steps), sc.uas, sc.las,
               sc.label_acc, p->model_->actions.size, p->model_->label_w.rows(), secs);
    log.flush();
    if (sc.las > best_las || dev.empty()) {
      best_las = sc.las;
      best = std::move(p);
    }
  }
  if (!best) best = snapshot(0);
  return best;
}

ParserScores Parser::evaluate(const std::vector<ConlluSentence>& gold, const TagFiller& tags) const {
  ParserScores r;
  ParserScratch s;
  Analysis a;
  std::size_t uas = 0, las = 0, la = 0;
  for (const ConlluSentence& cs : gold) {
    const std::vector<std::string_view> words = word_views(cs);
    fill_tags(cs, words, tags, a);
    parse(words, a, s);
    for (std::size_t i = 0; i < cs.words.size(); ++i) {
      const ConlluWord& w = cs.words[i];
      if (w.deprel == "punct") continue;
      ++r.words;
      const bool h = a.head[i] == w.head - 1;
      const bool l = deprel_name(a.rel[i]) == w.deprel;
      uas += h;
      las += h && l;
      la += l;
    }
  }
  const double n = std::max<std::size_t>(1, r.words);
  r.uas = 100.0 * uas / n;
  r.las = 100.0 * las / n;
  r.label_acc = 100.0 * la / n;
  return r;
}

TagFiller tag_filler(const Tagger& tagger, const Lemmatizer& lemmatizer) {
  auto scratch = std::make_shared<TaggerScratch>();
  return [&tagger, &lemmatizer, scratch](const std::vector<std::string_view>& words, Analysis& a) {
    tagger.tag(words, a, *scratch);
    a.lemma.resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
      lemmatizer.lemma_into(words[i], a.upos[i], a.xpos[i], a.lemma[i]);
  };
}

std::vector<Analysis> jackknife_tags(const std::vector<ConlluSentence>& train, int folds,
                                     const TaggerTrainOptions& options,
                                     const Lemmatizer& lemmatizer, std::ostream& log) {
  folds = std::max(2, folds);
  std::vector<Analysis> out(train.size());
  std::size_t right = 0, words = 0;
  for (int f = 0; f < folds; ++f) {
    std::vector<ConlluSentence> rest;
    for (std::size_t i = 0; i < train.size(); ++i)
      if (static_cast<int>(i % folds) != f) rest.push_back(train[i]);
    std::unique_ptr<Tagger> tagger = Tagger::train(rest, {}, options, log);
    TagFiller fill = tag_filler(*tagger, lemmatizer);
    for (std::size_t i = f; i < train.size(); i += folds) {
      const std::vector<std::string_view> words_i = word_views(train[i]);
      out[i].clear();
      fill(words_i, out[i]);
      for (std::size_t k = 0; k < words_i.size(); ++k, ++words)
        right += upos_name(out[i].upos[k]) == train[i].words[k].upos;
    }
    fmt::print(log, "parser: jackknife fold {}/{} tagged\n", f + 1, folds);
  }
  fmt::print(log, "parser: jackknifed UPOS accuracy on train {:.2f}%\n",
             100.0 * right / std::max<std::size_t>(1, words));
  return out;
}

void train_parser(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                  const ParserTrainOptions& options, const std::string& out_path,
                  std::ostream& log) {
  std::unique_ptr<Parser> p = Parser::train(train, dev, options, log);
  if (options.weight_step > 1) p->compact(0, options.weight_step);
  if (!p->save(out_path)) throw Error(out_path + ": cannot write parser model");
  fmt::print(log, "parser: wrote {}\n", out_path);
}

}  // namespace dipgraph::syntax
