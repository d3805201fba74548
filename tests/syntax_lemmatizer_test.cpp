// syntax: the WordNet lemmatizer (the committed tables; the loader's error
// paths on small files of our own).
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "graph/error.hpp"
#include "ingest/syntax/lemmatizer.hpp"

using namespace dipgraph;
using namespace dipgraph::syntax;

namespace {

const Lemmatizer& lemmatizer() {
  static auto lz = Lemmatizer::load({std::string(DIPGRAPH_DATA_DIR) + "/syntax/lemmas.tsv",
                                     std::string(DIPGRAPH_DATA_DIR) + "/syntax/lemmas-extra.tsv"});
  return *lz;
}

std::uint8_t xpos(std::string_view name) {
  const auto& n = xpos_names();
  for (std::size_t i = 0; i < n.size(); ++i)
    if (n[i] == name) return static_cast<std::uint8_t>(i);
  return kNoXpos;
}

std::string load_error(const std::string& text) {
  std::string path = "lemmatizer_test_table.tsv";
  {
    std::ofstream out(path);
    out << text;
  }
  std::string message;
  try {
    Lemmatizer::load({path});
  } catch (const Error& e) {
    message = e.what();
  }
  std::remove(path.c_str());
  return message;
}

}  // namespace

TEST_CASE("lemmatizer: irregular forms, suffix rules and word classes") {
  struct Case {
    const char* word;
    Upos upos;
    const char* xpos;
    const char* lemma;
  };
  const Case cases[] = {
      {"met", Upos::VERB, "VBD", "meet"},
      {"talks", Upos::NOUN, "NNS", "talk"},
      {"talks", Upos::VERB, "VBZ", "talk"},
      {"signed", Upos::VERB, "VBN", "sign"},
      {"accused", Upos::VERB, "VBD", "accuse"},
      {"sanctions", Upos::NOUN, "NNS", "sanction"},
      {"was", Upos::AUX, "VBD", "be"},
      {"better", Upos::ADJ, "JJR", "good"},
      {"countries", Upos::NOUN, "NNS", "country"},
      {"Countries", Upos::NOUN, "NNS", "country"},
      {"meeting", Upos::VERB, "VBG", "meet"},
      {"meeting", Upos::NOUN, "NN", "meeting"},
      {"data", Upos::NOUN, "NN", "data"},
      {"Kenya", Upos::PROPN, "NNP", "kenya"},
      {"n't", Upos::PART, "RB", "not"},
      {"'s", Upos::AUX, "VBZ", "be"},
      {"'s", Upos::PART, "POS", "'s"},
      {"them", Upos::PRON, "PRP", "they"},
      {"zorbled", Upos::VERB, "VBD", "zorbled"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    CAPTURE(c.xpos);
    CHECK(lemmatizer().lemma(c.word, c.upos, xpos(c.xpos)) == c.lemma);
  }
}

TEST_CASE("lemmatizer: without XPOS, inflected forms are still reduced") {
  CHECK(lemmatizer().lemma("better", Upos::ADJ) == "good");
  CHECK(lemmatizer().lemma("talks", Upos::NOUN) == "talk");
  CHECK(lemmatizer().lemma("signed", Upos::VERB) == "sign");
  CHECK(lemmatizer().lemma("sign", Upos::VERB) == "sign");
}

TEST_CASE("lemmatizer: bad tables throw with file and line") {
  CHECK_THROWS_WITH_AS(Lemmatizer::load({"no/such/lemmas.tsv"}), "no/such/lemmas.tsv: cannot open",
                       Error);
  const std::string p = "lemmatizer_test_table.tsv";
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"kind\tx\n", p + ":1: header must be 'kind<TAB>a<TAB>b<TAB>c'"},
      {"kind\ta\tb\tc\nexc\tq\tmet\tmeet\n", p + ":2: bad word class 'q'"},
      {"kind\ta\tb\tc\n# c\nexc\tv\tmet\n", p + ":3: 3 fields, expected 4"},
      {"kind\ta\tb\tc\nverb\tv\tmet\tmeet\n", p + ":2: unknown kind 'verb'"},
      {"kind\ta\tb\tc\nword\tmeet\tvz\t\n", p + ":2: bad word class 'z'"},
      {"kind\ta\tb\tc\nrule\tv\t\te\n", p + ":2: empty suffix"},
      {"# only comments\n", p + ": empty file"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(load_error(c.text) == c.message);
  }
}

TEST_CASE("lemmatizer: a typographic apostrophe reads as an ASCII one") {
  CHECK(lemmatizer().lemma("n\xE2\x80\x99t", Upos::PART) == "not");
  CHECK(lemmatizer().lemma("\xE2\x80\x99re", Upos::AUX) == "be");
}
