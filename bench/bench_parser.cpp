// bench_parser: trains, scores and times the dependency parser on UD files.
//
//   bench_parser [--ud DIR] [--train OUT.bin] [--epochs N] [--seed S] [--jackknife K]
//                [--model FILE] [--tagger FILE] [--gold-tags] [--seconds S]
//                [--prune N] [--step S] [--out FILE] [--tagger-out FILE]
//                [--tags-cache FILE] [--templates N] [--clusters C] [--joint] [--explore-p P]
//                [--explore-from E] [--average A.bin,B.bin,...]
//
// DIR (default /work/shared/ud) holds en_ewt-ud-{train,dev,test}.conllu[.xz]
// (read through `xz -dc` when compressed). Tags and lemmas are predicted by
// the tagger (--tagger, default data/syntax/tagger.bin, trained on train
// when that file is missing) and the lemmatizer (data/syntax/lemmas*.tsv),
// or taken from the treebank with --gold-tags. --train trains the parser on
// train (tags jackknifed over K folds, default 5; epoch chosen on dev) and
// writes OUT.bin; otherwise --model (default data/syntax/parser.bin) is
// loaded. It prints the load time and file size, UAS/LAS/label accuracy
// (punctuation excluded) on dev and test, and words/s on the test
// sentences (one thread, CPU time, best of three) for parsing alone and for
// tag + lemmatize + parse. --prune N / --step S shrink the loaded model
// without retraining (Parser::compact: weights rounded to multiples of S,
// rows whose largest |weight| is below N dropped) before scoring; --out
// FILE then saves it and scores the model reloaded from FILE. --tagger-out
// FILE rewrites the loaded tagger in the current file format (same weights).
// --tags-cache FILE reads the jackknifed training tags from FILE, or
// computes and writes them there when FILE is missing or does not match
// (keep FILE outside the repository: it is derived from the treebank).
// --templates N (feature set bits: 1, 3, 5 or 7), --clusters C, --joint,
// --explore-p P and --explore-from E set the training options of those
// names (ParserTrainOptions: feature set, word clusters, joint instead of
// split labels, exploration). --average A.bin,B.bin,... loads the models named, averages
// their weights (Parser::average; then --step S, default 8, and --out FILE
// as for a loaded model) and scores the result.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/lemmatizer.hpp"
#include "ingest/syntax/parser.hpp"
#include "ingest/syntax/tagger.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;
namespace fs = std::filesystem;

namespace {

std::vector<ConlluSentence> read_ud(const std::string& dir, const std::string& part) {
  const std::string base = dir + "/en_ewt-ud-" + part + ".conllu";
  if (fs::exists(base)) {
    std::ifstream f(base);
    return read_conllu(f, base);
  }
  const std::string xz = base + ".xz";
  if (!fs::exists(xz)) throw Error(base + "[.xz]: not found");
  std::FILE* p = popen(("xz -dc '" + xz + "'").c_str(), "r");
  if (!p) throw Error(xz + ": cannot run xz");
  std::string text;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  pclose(p);
  std::istringstream in(text);
  return read_conllu(in, xz);
}

// Jackknifed training tags are the slow part of a training run (a tagger
// per fold); --tags-cache keeps them in a file outside the repository
// (derived from the treebank): per word "UPOS-index XPOS-index lemma", a
// blank line after each sentence.
bool read_tags(const std::string& path, std::size_t sentences, std::vector<Analysis>& out) {
  std::ifstream f(path);
  if (!f) return false;
  out.assign(1, Analysis{});
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty()) {
      out.emplace_back();
      continue;
    }
    std::istringstream in(line);
    int u = 0, x = 0;
    std::string lemma;
    in >> u >> x;
    in.get();
    std::getline(in, lemma);
    out.back().upos.push_back(static_cast<Upos>(u));
    out.back().xpos.push_back(static_cast<std::uint8_t>(x));
    out.back().lemma.push_back(lemma);
  }
  out.pop_back();
  return out.size() == sentences;
}

void write_tags(const std::string& path, const std::vector<Analysis>& tags) {
  std::ofstream f(path);
  for (const Analysis& a : tags) {
    for (std::size_t i = 0; i < a.size(); ++i)
      f << static_cast<int>(a.upos[i]) << ' ' << static_cast<int>(a.xpos[i]) << ' ' << a.lemma[i] << '\n';
    f << '\n';
  }
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  const std::string data = DIPGRAPH_DATA_DIR;
  std::string ud = "/work/shared/ud", train_out, model = data + "/syntax/parser.bin";
  std::string tagger_path = data + "/syntax/tagger.bin";
  int epochs = ParserTrainOptions{}.epochs, jackknife = 5;
  std::uint64_t seed = 1;
  double seconds = 2;
  bool gold_tags = false;
  int prune = 0, step = 1;
  std::string out, tagger_out, tags_cache;
  ParserTrainOptions topt;
  std::string average;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "bench_parser: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--ud") ud = next();
    else if (a == "--train") train_out = next();
    else if (a == "--epochs") epochs = std::stoi(next());
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--jackknife") jackknife = std::stoi(next());
    else if (a == "--model") model = next();
    else if (a == "--tagger") tagger_path = next();
    else if (a == "--gold-tags") gold_tags = true;
    else if (a == "--seconds") seconds = std::stod(next());
    else if (a == "--prune") prune = std::stoi(next());
    else if (a == "--step") step = std::stoi(next());
    else if (a == "--out") out = next();
    else if (a == "--tagger-out") tagger_out = next();
    else if (a == "--tags-cache") tags_cache = next();
    else if (a == "--templates") topt.templates = std::stoi(next());
    else if (a == "--joint") topt.split_labels = false;
    else if (a == "--clusters") topt.clusters = std::stoi(next());
    else if (a == "--explore-p") topt.explore_p = std::stod(next());
    else if (a == "--explore-from") topt.explore_from = std::stoi(next()) - 1;
    else if (a == "--average") average = next();
    else {
      fmt::print(stderr,
                 "usage: bench_parser [--ud DIR] [--train OUT] [--epochs N] [--seed S] [--jackknife K] "
                 "[--model FILE] [--tagger FILE] [--gold-tags] [--seconds S] [--prune N] [--step S] "
                 "[--out FILE] [--tagger-out FILE] [--tags-cache FILE] [--templates N] [--clusters C] [--joint] "
                 "[--explore-p P] [--explore-from E] [--average A.bin,B.bin,...]\n");
      return 2;
    }
  }
  try {
    const auto dev = read_ud(ud, "dev"), test = read_ud(ud, "test");
    std::vector<ConlluSentence> train;
    if (!train_out.empty()) train = read_ud(ud, "train");
    auto lemmatizer = Lemmatizer::load({data + "/syntax/lemmas.tsv", data + "/syntax/lemmas-extra.tsv"});
    std::unique_ptr<Tagger> tagger;
    if (fs::exists(tagger_path)) {
      tagger = Tagger::load(tagger_path);
    } else {
      fmt::print(stderr, "bench_parser: {} missing: training a tagger on train\n", tagger_path);
      if (train.empty()) train = read_ud(ud, "train");
      tagger = Tagger::train(train, dev, TaggerTrainOptions{}, std::cerr);
    }
    if (!tagger_out.empty()) {
      if (!tagger->save(tagger_out)) throw Error(tagger_out + ": cannot write tagger model");
      tagger = Tagger::load(tagger_out);
      fmt::print("tagger {} rewritten into {}: {:.1f} MB\n", tagger_path, tagger_out,
                 fs::file_size(tagger_out) / 1e6);
    }
    TagFiller tags;  // empty: gold tags
    if (!gold_tags) tags = tag_filler(*tagger, *lemmatizer);
    if (!train_out.empty()) {
      ParserTrainOptions opt = topt;
      opt.epochs = epochs;
      opt.seed = seed;
      opt.tags = tags;
      if (!gold_tags && jackknife > 1) {
        if (tags_cache.empty() || !read_tags(tags_cache, train.size(), opt.train_tags)) {
          opt.train_tags = jackknife_tags(train, jackknife, TaggerTrainOptions{}, *lemmatizer, std::cerr);
          if (!tags_cache.empty()) write_tags(tags_cache, opt.train_tags);
        } else {
          fmt::print(stderr, "bench_parser: jackknifed tags read from {}\n", tags_cache);
        }
      }
      opt.header = fmt::format(
          "Trained by bench_parser on en_ewt-ud-train ({} tags{}), epoch chosen on en_ewt-ud-dev.\n",
          gold_tags ? "gold" : "predicted",
          !gold_tags && jackknife > 1 ? fmt::format(", jackknifed over {} folds", jackknife) : "");
      train_parser(train, dev, opt, train_out, std::cerr);
      model = train_out;
    }
    if (!average.empty()) {
      std::vector<std::unique_ptr<Parser>> parts;
      std::vector<const Parser*> ptrs;
      for (std::size_t at = 0; at <= average.size();) {
        std::size_t comma = std::min(average.find(',', at), average.size());
        parts.push_back(Parser::load(average.substr(at, comma - at)));
        ptrs.push_back(parts.back().get());
        at = comma + 1;
      }
      auto p = Parser::average(ptrs);
      p->compact(prune, std::max(step, 8));
      if (out.empty()) out = "/tmp/bench_parser_average.bin";
      if (!p->save(out)) throw Error(out + ": cannot write parser model");
      fmt::print("averaged {} into {}\n", average, out);
      model = out;
    } else if (prune > 1 || step > 1 || !out.empty()) {
      auto p = Parser::load(model);
      p->compact(prune, step);
      if (out.empty()) out = "/tmp/bench_parser_compact.bin";
      if (!p->save(out)) throw Error(out + ": cannot write parser model");
      fmt::print("compacted {} (prune {}, step {}) into {}\n", model, prune, step, out);
      model = out;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto parser = Parser::load(model);
    const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print("model {}: {:.1f} MB, loaded in {:.3f} s\n", model, fs::file_size(model) / 1e6, load_s);
    for (auto [name, set] : {std::pair{"dev", &dev}, std::pair{"test", &test}}) {
      const ParserScores s = parser->evaluate(*set, tags);
      fmt::print("{:4s} ({} tags): UAS {:.2f}  LAS {:.2f}  label acc {:.2f}  ({} words, punct excluded)\n",
                 name, gold_tags ? "gold" : "predicted", s.uas, s.las, s.label_acc, s.words);
    }
    // Speed on the test sentences: parse alone (tags filled once), and
    // tag + lemmatize + parse.
    std::vector<std::vector<std::string_view>> sents;
    std::vector<Analysis> tagged(test.size());
    std::size_t words = 0;
    TagFiller fill = tag_filler(*tagger, *lemmatizer);
    for (std::size_t i = 0; i < test.size(); ++i) {
      std::vector<std::string_view> w;
      for (const auto& cw : test[i].words) w.emplace_back(cw.form);
      fill(w, tagged[i]);
      words += w.size();
      sents.push_back(std::move(w));
    }
    ParserScratch scratch;
    TaggerScratch tscratch;
    auto time_it = [&](auto&& body) {
      double best = 1e30;
      for (int run = 0; run < 3; ++run) {
        const double c0 = cpu_seconds();
        int reps = 0;
        do {
          body();
          ++reps;
        } while (cpu_seconds() - c0 < seconds / 3);
        best = std::min(best, (cpu_seconds() - c0) / reps);
      }
      return words / best;
    };
    const double parse_only = time_it([&] {
      for (std::size_t i = 0; i < sents.size(); ++i) parser->parse(sents[i], tagged[i], scratch);
    });
    Analysis a;
    const double tag_parse = time_it([&] {
      for (const auto& w : sents) {
        tagger->tag(w, a, tscratch);
        a.lemma.resize(w.size());
        for (std::size_t k = 0; k < w.size(); ++k) lemmatizer->lemma_into(w[k], a.upos[k], a.xpos[k], a.lemma[k]);
        parser->parse(w, a, scratch);
      }
    });
    fmt::print("speed ({} test words, one thread, CPU time): parse {:.0f} words/s, tag + lemma + parse {:.0f} words/s\n",
               words, parse_only, tag_parse);
    // Cost against length: the test words cut into inputs of L words.
    std::vector<std::string_view> all;
    std::vector<Analysis> one(1);
    for (std::size_t i = 0; i < sents.size(); ++i) all.insert(all.end(), sents[i].begin(), sents[i].end());
    for (std::size_t len : {5, 20, 50, 200, 1000}) {
      std::vector<std::vector<std::string_view>> cut;
      std::vector<Analysis> cut_tags;
      for (std::size_t i = 0; i + len <= all.size(); i += len) {
        cut.emplace_back(all.begin() + i, all.begin() + i + len);
        cut_tags.emplace_back();
        fill(cut.back(), cut_tags.back());
      }
      const std::size_t cut_words = cut.size() * len;
      double best = 1e30;
      for (int run = 0; run < 3; ++run) {
        const double c0 = cpu_seconds();
        int reps = 0;
        do {
          for (std::size_t i = 0; i < cut.size(); ++i) parser->parse(cut[i], cut_tags[i], scratch);
          ++reps;
        } while (cpu_seconds() - c0 < seconds / 6);
        best = std::min(best, (cpu_seconds() - c0) / reps);
      }
      fmt::print("  parse, inputs of {:4d} words: {:.0f} words/s\n", len, cut_words / best);
    }
  } catch (const Error& e) {
    fmt::print(stderr, "bench_parser: {}\n", e.what());
    return 1;
  }
  return 0;
}
