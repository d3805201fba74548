// dipgraph train: the syntax models from Universal Dependencies files.
//
//   dipgraph train --ud-dir DIR [--out DIR] [--epochs N] [--skip-parser]
//
// DIR holds en_ewt-ud-{train,dev,test}.conllu (or .conllu.xz, read through
// `xz -dc`). Trains the tagger on train (settings fixed, chosen on dev),
// writes OUT/tagger.bin, prints its UPOS/XPOS accuracy on dev and test; then
// trains the parser (epoch chosen on dev) with the new tagger's tags and
// lemmas, writes OUT/parser.bin and prints UAS/LAS on dev and test,
// punctuation excluded. Deterministic: the same files give the same bytes.
// Progress on stderr, figures on stdout. A missing or malformed file exits 2.
#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/lemmatizer.hpp"
#include "ingest/syntax/parser.hpp"
#include "ingest/syntax/tagger.hpp"

namespace dipgraph::cli {

namespace {

namespace fs = std::filesystem;
using namespace dipgraph::syntax;

struct TrainFlags {
  std::string ud_dir;
  std::string out_dir = "data/syntax";
  int epochs = 8;
  bool skip_parser = false;
};

// Reads DIR/en_ewt-ud-PART.conllu, or its .xz through `xz -dc`.
std::vector<ConlluSentence> read_part(const std::string& dir, const std::string& part) {
  const std::string base = dir + "/en_ewt-ud-" + part + ".conllu";
  if (fs::exists(base)) {
    std::ifstream f(base);
    if (!f) throw Error(base + ": cannot open");
    return read_conllu(f, base);
  }
  const std::string xz = base + ".xz";
  if (!fs::exists(xz)) throw Error(fmt::format("{}: not found (nor {})", base, xz));
  std::FILE* p = popen(("xz -dc '" + xz + "'").c_str(), "r");
  if (!p) throw Error(xz + ": cannot run xz");
  std::string text;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  if (pclose(p) != 0) throw Error(xz + ": xz failed");
  std::istringstream in(text);
  return read_conllu(in, xz);
}

void run_train(const TrainFlags& flags, Globals& g) {
  auto train = read_part(flags.ud_dir, "train");
  auto dev = read_part(flags.ud_dir, "dev");
  auto test = read_part(flags.ud_dir, "test");
  fs::create_directories(flags.out_dir);
  std::ostringstream quiet_log;
  std::ostream& log = g.quiet ? static_cast<std::ostream&>(quiet_log) : std::cerr;

  TaggerTrainOptions topt;
  topt.epochs = flags.epochs;
  topt.header = "Training data: en_ewt-ud-train.conllu; settings chosen on en_ewt-ud-dev.conllu.\n";
  auto tagger = Tagger::train(train, dev, topt, log);
  const std::string tagger_path = flags.out_dir + "/tagger.bin";
  if (!tagger->save(tagger_path)) throw Error(tagger_path + ": cannot write");
  TaggerScores td = tagger->evaluate(dev), tt = tagger->evaluate(test);
  std::printf("tagger dev:  UPOS %.2f  XPOS %.2f  (%zu words)\n", td.upos, td.xpos, td.words);
  std::printf("tagger test: UPOS %.2f  XPOS %.2f  (%zu words)\n", tt.upos, tt.xpos, tt.words);
  std::fflush(stdout);
  if (flags.skip_parser) return;

  // The parser reads the tags and lemmas the Analyzer will give it. The
  // filler shares one scratch: call it from one thread at a time.
  auto lemmatizer = Lemmatizer::load({resolve_data_dir(g.data_dir) + "/syntax/lemmas.tsv",
                                      resolve_data_dir(g.data_dir) + "/syntax/lemmas-extra.tsv"});
  auto scratch = std::make_shared<TaggerScratch>();
  const Tagger* tg = tagger.get();
  const Lemmatizer* lz = lemmatizer.get();
  TagFiller tags = [tg, lz, scratch](const std::vector<std::string_view>& words, Analysis& a) {
    tg->tag(words, a, *scratch);
    a.lemma.resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
      lz->lemma_into(words[i], a.upos[i], a.xpos[i], a.lemma[i]);
  };
  ParserTrainOptions popt;
  popt.tags = tags;
  popt.train_tags = jackknife_tags(train, 5, topt, *lemmatizer, log);  // tags as wrong as at run time
  popt.header = "Training data: en_ewt-ud-train.conllu with predicted tags; epoch chosen on "
                "en_ewt-ud-dev.conllu.\n";
  const std::string parser_path = flags.out_dir + "/parser.bin";
  train_parser(train, dev, popt, parser_path, log);
  auto parser = Parser::load(parser_path);
  ParserScores pd = parser->evaluate(dev, tags), pt = parser->evaluate(test, tags);
  std::printf("parser dev:  UAS %.2f  LAS %.2f  (%zu words, punctuation excluded)\n", pd.uas,
              pd.las, pd.words);
  std::printf("parser test: UAS %.2f  LAS %.2f  (%zu words, punctuation excluded)\n", pt.uas,
              pt.las, pt.words);
}

}  // namespace

void add_train_command(CLI::App& app, Globals& g) {
  auto flags = std::make_shared<TrainFlags>();
  auto* cmd = app.add_subcommand("train", "train the tagger and parser on UD English EWT files");
  cmd->add_option("--ud-dir", flags->ud_dir, "folder of en_ewt-ud-{train,dev,test}.conllu[.xz]")
      ->required();
  cmd->add_option("--out", flags->out_dir, "where tagger.bin and parser.bin go (default data/syntax)");
  cmd->add_option("--epochs", flags->epochs, "tagger training passes (default 8)")
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--skip-parser", flags->skip_parser, "train and write the tagger only");
  cmd->callback([flags, &g] { run_train(*flags, g); });
}

}  // namespace dipgraph::cli
