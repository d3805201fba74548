// bench_syntax: speed of the syntax stage on one core.
//
//   bench_syntax [--data DIR] [--seconds S] [FILE.conllu]
//
// Loads the models of DIR (default: the source tree's data/syntax), prints
// each load time and file size, then times on the sentences of FILE (its
// word forms) or, without one, on a corpus of sentences of our own: tagging
// alone, tagging + lemmas, and the whole Analyzer (tag + lemmas + parse)
// when parser.bin is there. Words/s in CPU time, best of three runs of at
// least S seconds (default 1).
#include <fmt/core.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "ingest/syntax/analyzer.hpp"
#include "ingest/syntax/conllu.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;
namespace fs = std::filesystem;

namespace {

const char* kOwnSentences[] = {
    "The foreign minister met his counterpart in Nairobi on Tuesday to discuss trade .",
    "Officials said the two countries had signed a pact on fishing rights last year .",
    "The government accused its neighbour of violating the ceasefire and threatened sanctions .",
    "Talks between the delegations are expected to resume next week in Geneva .",
    "He did n't say whether the president 's visit would go ahead .",
    "Protesters gathered outside the embassy , demanding the release of the detained journalists .",
    "The ministry announced that aid to the region would be doubled .",
    "Both leaders praised the agreement as a step towards lasting peace .",
};

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Best words/s of three runs of at least `seconds` each.
double words_per_second(const std::function<void()>& pass, std::size_t words, double seconds) {
  double best = 0;
  for (int run = 0; run < 3; ++run) {
    double t0 = cpu_seconds(), t = 0;
    std::size_t done = 0;
    do {
      pass();
      done += words;
      t = cpu_seconds() - t0;
    } while (t < seconds);
    best = std::max(best, static_cast<double>(done) / t);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string data = std::string(DIPGRAPH_DATA_DIR) + "/syntax", file;
  double seconds = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--seconds" && i + 1 < argc) seconds = std::stod(argv[++i]);
    else if (!a.empty() && a[0] != '-') file = a;
    else {
      fmt::print(stderr, "usage: bench_syntax [--data DIR] [--seconds S] [FILE.conllu]\n");
      return 2;
    }
  }
  std::vector<std::string> storage;
  std::vector<std::vector<std::string_view>> sents;
  std::vector<ConlluSentence> conllu;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) throw Error(file + ": cannot open");
    conllu = read_conllu(in, file);
    for (const auto& s : conllu) {
      sents.emplace_back();
      for (const auto& w : s.words) sents.back().emplace_back(w.form);
    }
  } else {
    for (const char* s : kOwnSentences) {
      sents.emplace_back();
      std::string_view v(s);
      while (!v.empty()) {
        auto sp = v.find(' ');
        sents.back().push_back(v.substr(0, sp));
        if (sp == std::string_view::npos) break;
        v.remove_prefix(sp + 1);
      }
    }
  }
  std::size_t words = 0;
  for (const auto& s : sents) words += s.size();
  fmt::print("corpus: {} sentences, {} words ({})\n", sents.size(), words,
             file.empty() ? "our own sentences" : file);

  auto wall = [] { return std::chrono::steady_clock::now(); };
  auto t0 = wall();
  auto tagger = Tagger::load(data + "/tagger.bin");
  auto t1 = wall();
  fmt::print("tagger.bin: {:.1f} MB, loaded in {:.3f} s\n",
             static_cast<double>(fs::file_size(data + "/tagger.bin")) / 1e6,
             std::chrono::duration<double>(t1 - t0).count());
  t0 = wall();
  auto lemmatizer = Lemmatizer::load({data + "/lemmas.tsv", data + "/lemmas-extra.tsv"});
  t1 = wall();
  fmt::print("lemmas.tsv: {:.1f} MB, loaded in {:.3f} s\n",
             static_cast<double>(fs::file_size(data + "/lemmas.tsv")) / 1e6,
             std::chrono::duration<double>(t1 - t0).count());

  TaggerScratch ts;
  Analysis a;
  double tag = words_per_second([&] { for (const auto& s : sents) tagger->tag(s, a, ts); },
                                words, seconds);
  fmt::print("tag:          {:>10.0f} words/s\n", tag);
  double lem = words_per_second(
      [&] {
        for (const auto& s : sents) {
          tagger->tag(s, a, ts);
          a.lemma.resize(s.size());
          for (std::size_t i = 0; i < s.size(); ++i)
            lemmatizer->lemma_into(s[i], a.upos[i], a.xpos[i], a.lemma[i]);
        }
      },
      words, seconds);
  fmt::print("tag + lemma:  {:>10.0f} words/s\n", lem);
  if (fs::exists(data + "/parser.bin")) {
    t0 = wall();
    auto analyzer = Analyzer::load(data);
    t1 = wall();
    fmt::print("Analyzer (tagger, lemmas, parser.bin {:.1f} MB) loaded in {:.3f} s\n",
               static_cast<double>(fs::file_size(data + "/parser.bin")) / 1e6,
               std::chrono::duration<double>(t1 - t0).count());
    Analyzer::Scratch as;
    double all = words_per_second([&] { for (const auto& s : sents) analyzer->analyze(s, a, as); },
                                  words, seconds);
    fmt::print("tag + lemma + parse: {:>10.0f} words/s\n", all);
  } else {
    fmt::print("no parser.bin in {}: parse not timed\n", data);
  }
  return 0;
} catch (const Error& e) {
  fmt::print(stderr, "bench_syntax: {}\n", e.what());
  return 2;
}
