// syntax: the part-of-speech tagger (the committed model on clear cases of
// our own; training, saving and loading on a tiny treebank of our own; the
// loader's error paths).
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "ingest/syntax/conllu.hpp"
#include "ingest/syntax/tagger.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;

namespace {

const std::string kModel = std::string(DIPGRAPH_DATA_DIR) + "/syntax/tagger.bin";

const Tagger& model() {
  static auto t = Tagger::load(kModel);
  return *t;
}

std::vector<std::string_view> split(const std::string& s) {
  std::vector<std::string_view> out;
  std::string_view v(s);
  while (!v.empty()) {
    auto sp = v.find(' ');
    out.push_back(v.substr(0, sp));
    if (sp == std::string_view::npos) break;
    v.remove_prefix(sp + 1);
  }
  return out;
}

// "UPOS/XPOS UPOS/XPOS ..." of a sentence.
std::string tags(const Tagger& t, const std::string& sentence) {
  TaggerScratch s;
  Analysis a;
  auto words = split(sentence);
  t.tag(words, a, s);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out += std::string(upos_name(a.upos[i])) + "/" + xpos_names()[a.xpos[i]];
  }
  return out;
}

std::string load_error(const std::string& bytes) {
  const std::string path = "tagger_test_model.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string message;
  try {
    Tagger::load(path);
  } catch (const Error& e) {
    message = e.what();
  }
  std::remove(path.c_str());
  return message;
}

// A tiny treebank of our own.
const char* kTiny =
    "1\tKenya\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tsigned\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tpact\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tTalks\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tresumed\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\ttoday\t_\tNOUN\tNN\t_\t2\tobl\t_\t_\n"
    "4\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("tagger: clear cases get their UPOS and Penn tags") {
  struct Case {
    std::string sentence, tags;
  };
  const Case cases[] = {
      {"Kenya signed the agreement .", "PROPN/NNP VERB/VBD DET/DT NOUN/NN PUNCT/."},
      {"The talks were held in Nairobi .",
       "DET/DT NOUN/NNS AUX/VBD VERB/VBN ADP/IN PROPN/NNP PUNCT/."},
      {"She has visited two countries", "PRON/PRP AUX/VBZ VERB/VBN NUM/CD NOUN/NNS"},
      {"They did n't meet", "PRON/PRP AUX/VBD PART/RB VERB/VB"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    CHECK(tags(model(), c.sentence) == c.tags);
  }
}

TEST_CASE("tagger: empty and odd input") {
  TaggerScratch s;
  Analysis a;
  model().tag({}, a, s);
  CHECK(a.upos.empty());
  std::vector<std::string_view> junk = {"", "\xff\xfe", "----------", std::string_view("a\0b", 3)};
  model().tag(junk, a, s);
  CHECK(a.upos.size() == 4);
  CHECK(a.xpos.size() == 4);
}

TEST_CASE("tagger: the model header carries the treebank's attribution") {
  CHECK(model().header().find("CC BY-SA 4.0") != std::string::npos);
  CHECK(model().header().find("Leland Stanford Junior University") != std::string::npos);
}

TEST_CASE("tagger: training is deterministic and a saved model loads back") {
  std::istringstream in(kTiny);
  auto tiny = read_conllu(in, "tiny");
  TaggerTrainOptions opt;
  opt.epochs = 3;
  opt.dict_min_count = 1000;
  std::ostringstream log;
  auto a = Tagger::train(tiny, {}, opt, log);
  auto b = Tagger::train(tiny, {}, opt, log);
  REQUIRE(a->save("tagger_test_a.bin"));
  REQUIRE(b->save("tagger_test_b.bin"));
  CHECK(file_bytes("tagger_test_a.bin") == file_bytes("tagger_test_b.bin"));
  auto back = Tagger::load("tagger_test_a.bin");
  CHECK(tags(*back, "Kenya signed the pact .") == tags(*a, "Kenya signed the pact ."));
  CHECK(back->evaluate(tiny).upos == doctest::Approx(100.0));
  std::remove("tagger_test_a.bin");
  std::remove("tagger_test_b.bin");
}

TEST_CASE("tagger: a missing, foreign, truncated or damaged model throws naming the file") {
  CHECK_THROWS_WITH_AS(Tagger::load("no/such/tagger.bin"),
                       "no/such/tagger.bin: cannot open tagger model", Error);
  CHECK(load_error("hello\n") == "tagger_test_model.bin: not a dipgraph tagger model");
  std::string good = file_bytes(kModel);
  REQUIRE(good.size() > 4096);
  CHECK(load_error(good.substr(0, good.size() / 2)) == "tagger_test_model.bin: truncated tagger model");
  std::string bad = good;
  bad[bad.size() - 1] ^= 0x55;  // the end marker
  CHECK(load_error(bad) == "tagger_test_model.bin: damaged tagger model");
  CHECK(load_error("dipgraph-tagger 1\nnot a comment\n") == "tagger_test_model.bin: damaged header");
}
