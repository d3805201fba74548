// Tagger::train (tagger.hpp): two averaged-perceptron passes over the
// training sentences, the second reading the first pass's tags of the words
// on both sides (jackknifed over folds), then pruned and frozen to int16 rows.
#include <algorithm>
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/tagger.hpp"
#include "ingest/syntax/tagger_detail.hpp"

namespace dipgraph::syntax {

using namespace tagger_detail;

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
  m.index_dict();

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

}  // namespace dipgraph::syntax
