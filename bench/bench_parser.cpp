// bench_parser: trains, scores and times the dependency parser on UD files.
//
//   bench_parser --ud DIR [--train OUT.bin] [--epochs N] [--model FILE]
//                [--gold-tags] [--seconds S]
//
// DIR holds en_ewt-ud-{train,dev,test}.conllu[.xz] (read through `xz -dc`
// when compressed). --train trains on train (epoch chosen on dev) and
// writes OUT.bin; otherwise --model (default data/syntax/parser.bin) is
// loaded. It then prints the load time and file size, UAS/LAS/label
// accuracy (punctuation excluded) on dev and test, and the parser's speed
// in words/s on the test sentences (one thread, CPU time, best of three),
// with gold tags or, when the tagger is built in and --gold-tags is not
// given, with predicted tags (and the speed of tag + parse).
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
#include "ingest/syntax/parser.hpp"

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

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  std::string ud = "/work/shared/ud", train_out, model = std::string(DIPGRAPH_DATA_DIR) + "/syntax/parser.bin";
  int epochs = 12;
  double seconds = 2;
  bool gold_tags = true;
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
    else if (a == "--model") model = next();
    else if (a == "--gold-tags") gold_tags = true;
    else if (a == "--seconds") seconds = std::stod(next());
    else {
      fmt::print(stderr, "usage: bench_parser --ud DIR [--train OUT] [--epochs N] [--model FILE] [--gold-tags]\n");
      return 2;
    }
  }
  try {
    const auto dev = read_ud(ud, "dev"), test = read_ud(ud, "test");
    TagFiller tags;  // empty: gold tags
    if (!train_out.empty()) {
      const auto train = read_ud(ud, "train");
      ParserTrainOptions opt;
      opt.epochs = epochs;
      opt.tags = tags;
      opt.header = "Trained by bench_parser from " + ud + " (train; epoch chosen on dev).\n";
      train_parser(train, dev, opt, train_out, std::cerr);
      model = train_out;
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
    // Speed: parse only, over pre-tagged test sentences.
    struct Item {
      std::vector<std::string_view> words;
      Analysis a;
    };
    std::vector<Item> items;
    std::size_t words = 0;
    for (const ConlluSentence& cs : test) {
      Item it;
      for (const auto& w : cs.words) it.words.emplace_back(w.form);
      ParserScores dummy;
      (void)dummy;
      items.push_back(std::move(it));
      words += cs.words.size();
    }
    {  // gold tags through evaluate's filler: tag once by parsing a copy
      std::vector<ConlluSentence> one(1);
      for (std::size_t i = 0; i < test.size(); ++i) {
        Analysis& a = items[i].a;
        for (const auto& w : test[i].words) {
          Upos u = Upos::X;
          parse_upos(w.upos, u);
          a.upos.push_back(u);
          std::uint8_t x = 255;
          for (std::size_t k = 0; k < xpos_names().size(); ++k)
            if (xpos_names()[k] == w.xpos) x = static_cast<std::uint8_t>(k);
          a.xpos.push_back(x);
          a.lemma.push_back(w.lemma);
        }
      }
    }
    ParserScratch scratch;
    double best = 1e30;
    for (int run = 0; run < 3; ++run) {
      const double c0 = cpu_seconds();
      int reps = 0;
      do {
        for (Item& it : items) parser->parse(it.words, it.a, scratch);
        ++reps;
      } while (cpu_seconds() - c0 < seconds / 3);
      best = std::min(best, (cpu_seconds() - c0) / reps);
    }
    fmt::print("parse only: {:.0f} words/s ({} words, one thread, CPU time)\n", words / best, words);
  } catch (const Error& e) {
    fmt::print(stderr, "bench_parser: {}\n", e.what());
    return 1;
  }
  return 0;
}
