// The words the parser reads of a sentence (ingest/code/parser_input.hpp)
// and the tree repairs of conjunctions and conjuncts the parser hung
// across a clause boundary (tree_repair_conjuncts.cpp, tree_repair_speech.cpp). Sentences
// written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/parser_input.hpp"
#include "ingest/code/tree.hpp"
#include "ingest/syntax/lemmatizer.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;
using syntax::Upos;

namespace {

const syntax::Lemmatizer& lemmatizer() {
  static auto lz = syntax::Lemmatizer::load({std::string(DIPGRAPH_DATA_DIR) + "/syntax/lemmas.tsv",
                                             std::string(DIPGRAPH_DATA_DIR) + "/syntax/lemmas-extra.tsv"});
  return *lz;
}

// The words the parser reads of `text`, joined by spaces.
std::string parser_words(const std::string& text) {
  const Dictionary& dict = test::extractor().dictionary();
  std::vector<Tok> toks;
  lex(text, 0, static_cast<std::uint32_t>(text.size()), dict.vocab(), dict.word_classes(), toks);
  const auto n = static_cast<std::uint32_t>(toks.size());
  std::vector<char> skip;
  std::string scratch;
  left_out_toks(text, toks, 0, n, lemmatizer(), skip, scratch);
  std::vector<std::string_view> words;
  std::vector<std::uint32_t> tok_of_word;
  words_of_sentence(text, toks, 0, n, words, tok_of_word, &skip);
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : " ") + std::string(w);
  return out;
}

}  // namespace

TEST_CASE("parser input: a possessive is a word of its own; plain words are all read") {
  CHECK(parser_words("Chile's envoy met the minister.") == "Chile 's envoy met the minister .");
}

TEST_CASE("parser input: scare quotes after a verb or before an adverb of manner are left out") {
  CHECK(parser_words("Lima said Quito \"sharply regrets\" the move.") == "Lima said Quito sharply regrets the move .");
  CHECK(parser_words("The envoy voiced \"total support\" for the plan.") ==
        "The envoy voiced total support for the plan .");
  // a complement set off after a determiner's noun, and a quote after a
  // name, keep their marks
  CHECK(parser_words("Oslo called the expulsion \"unjustified\" on Monday.") ==
        "Oslo called the expulsion \" unjustified \" on Monday .");
  CHECK(parser_words("Peru said \"we will answer\" soon.") == "Peru said \" we will answer \" soon .");
}

TEST_CASE("parser input: a prefix glued to a past form ('test-fired', 'co-hosted') is left out; others stay") {
  CHECK(parser_words("Iran test-fired two rockets.") == "Iran fired two rockets .");
  CHECK(parser_words("Ghana co-hosted the meeting.") == "Ghana hosted the meeting .");
  CHECK(parser_words("Iran announced a test-launch.") == "Iran announced a test launch .");
  CHECK(parser_words("They imposed anti-dumping duties.") == "They imposed anti dumping duties .");
}

TEST_CASE("parser input: a common word glued to a participle before a name ('quake-stricken', 'war-torn') is left out") {
  CHECK(parser_words("Norway flew tents to quake-stricken Nepal.") == "Norway flew tents to Nepal .");
  CHECK(parser_words("Egypt sent medicine to war-torn Sudan.") == "Egypt sent medicine to Sudan .");
  CHECK(parser_words("They quoted state-run media.") == "They quoted state run media .");
  // (a name so glued tells who; a prefix is no word; a compound before a common noun or none stays)
  CHECK(parser_words("A Saudi-led coalition struck.") == "A Saudi led coalition struck .");
  CHECK(parser_words("Ghana co-chaired talks.") == "Ghana chaired talks .");
  CHECK(parser_words("The region is war-torn.") == "The region is war torn .");
}

TEST_CASE("aid flown to a state a hyphened participle describes ('quake-stricken Nepal') is aid to it") {
  auto fs = test::facts("Norway flew 30 tonnes of tents and blankets to quake-stricken Nepal on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "NOR", "NPL") != nullptr);
}

TEST_CASE("tree repair: ', and Japan called ...', the 'and' hung on the joined clause's subject: on its verb") {
  // Oslo condemned the raid, and Japan urged calm.
  syntax::Analysis a = test::analysis({{"Oslo", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"condemn", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 3, "det"},
                                       {"raid", Upos::NOUN, "NN", 1, "obj"},
                                       {",", Upos::PUNCT, ",", 7, "punct"},
                                       {"and", Upos::CCONJ, "CC", 6, "cc"},
                                       {"Japan", Upos::PROPN, "NNP", 7, "nsubj"},
                                       {"urge", Upos::VERB, "VBD", 1, "conj"},
                                       {"calm", Upos::NOUN, "NN", 7, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 7);
  CHECK(t.rel(5) == "cc");
  CHECK(t.child(7, "cc") == 5);
  // a conjunct's own "and" stays: "Oslo and Japan urged calm"
  a = test::analysis({{"Oslo", Upos::PROPN, "NNP", 3, "nsubj"},
                      {"and", Upos::CCONJ, "CC", 2, "cc"},
                      {"Japan", Upos::PROPN, "NNP", 0, "conj"},
                      {"urge", Upos::VERB, "VBD", -1, "root"},
                      {"calm", Upos::NOUN, "NN", 3, "obj"}});
  t.reset(a);
  CHECK(t.head(1) == 2);
}

TEST_CASE("tree repair: 'raised duties on steel from Asia and Quito threatened ...', the subject a conjunct of the object's noun") {
  // Lima raised duties on steel from Asia and Quito threatened to leave.
  syntax::Analysis a = test::analysis({{"Lima", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"raise", Upos::VERB, "VBD", -1, "root"},
                                       {"duty", Upos::NOUN, "NNS", 1, "obj"},
                                       {"on", Upos::ADP, "IN", 4, "case"},
                                       {"steel", Upos::NOUN, "NN", 2, "nmod"},
                                       {"from", Upos::ADP, "IN", 6, "case"},
                                       {"Asia", Upos::PROPN, "NNP", 4, "nmod"},
                                       {"and", Upos::CCONJ, "CC", 8, "cc"},
                                       {"Quito", Upos::PROPN, "NNP", 6, "conj"},
                                       {"threaten", Upos::VERB, "VBD", 1, "conj"},
                                       {"to", Upos::PART, "TO", 11, "mark"},
                                       {"leave", Upos::VERB, "VB", 9, "xcomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.child(9, "nsubj") == 8);
  CHECK(t.child(9, "cc") == 7);
  // a verb with a conjunction of its own keeps the first verb's subject:
  // "Lima raised duties on Asia and Quito and left"
  a = test::analysis({{"Lima", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"raise", Upos::VERB, "VBD", -1, "root"},
                      {"duty", Upos::NOUN, "NNS", 1, "obj"},
                      {"on", Upos::ADP, "IN", 4, "case"},
                      {"Asia", Upos::PROPN, "NNP", 2, "nmod"},
                      {"and", Upos::CCONJ, "CC", 6, "cc"},
                      {"Quito", Upos::PROPN, "NNP", 4, "conj"},
                      {"and", Upos::CCONJ, "CC", 8, "cc"},
                      {"leave", Upos::VERB, "VBD", 1, "conj"}});
  t.reset(a);
  CHECK(t.child(8, "nsubj") < 0);
  CHECK(t.head(6) == 4);
}

TEST_CASE("the subject of a clause whose 'and' the parser gave to a noun before it makes that clause's act") {
  const auto fs = test::facts("Ties worsened in 2019, when Lima raised duties on steel from mills in Asia and Quito threatened to expel the Peruvian ambassador.");
  CHECK(test::find(fs, "13", "ECU", "PER") != nullptr);
  CHECK(test::find(fs, "13", "PER", "") == nullptr);
}

TEST_CASE("tree repair: 'said X \"respects every choice Y makes\" and praised Y', the conjunct hung inside the quotation: on the verb outside") {
  // Chile said Santiago " respects every choice Lima makes " and praised Lima .
  syntax::Analysis a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"Santiago", Upos::PROPN, "NNP", 4, "nsubj"},
                                       {"\"", Upos::PUNCT, "``", 4, "punct"},
                                       {"respect", Upos::VERB, "VBZ", 1, "ccomp"},
                                       {"every", Upos::DET, "DT", 6, "det"},
                                       {"choice", Upos::NOUN, "NN", 4, "obj"},
                                       {"Lima", Upos::PROPN, "NNP", 8, "nsubj"},
                                       {"make", Upos::VERB, "VBZ", 6, "acl:relcl"},
                                       {"\"", Upos::PUNCT, "''", 4, "punct"},
                                       {"and", Upos::CCONJ, "CC", 11, "cc"},
                                       {"praise", Upos::VERB, "VBD", 8, "conj"},
                                       {"Lima", Upos::PROPN, "NNP", 11, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(11) == 1);
  // a conjunct inside the same quotation stays ('"we respect it and we
  // welcome it"')
  a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"say", Upos::VERB, "VBD", -1, "root"},
                      {"\"", Upos::PUNCT, "``", 3, "punct"},
                      {"respect", Upos::VERB, "VBP", 1, "ccomp"},
                      {"it", Upos::PRON, "PRP", 3, "obj"},
                      {"and", Upos::CCONJ, "CC", 6, "cc"},
                      {"welcome", Upos::VERB, "VBP", 3, "conj"},
                      {"it", Upos::PRON, "PRP", 6, "obj"},
                      {"\"", Upos::PUNCT, "''", 3, "punct"}});
  t.reset(a);
  CHECK(t.head(6) == 3);
}

TEST_CASE("tree repair: 'Its deputy prime minister will meet X', read with the title's first word a fronted object or a second subject") {
  for (const char* rel : {"obj", "nsubj"}) {
    syntax::Analysis a = test::analysis({{"its", Upos::PRON, "PRP$", 1, "nmod:poss"},
                                         {"deputy", Upos::NOUN, "NN", 5, rel},
                                         {"prime", Upos::ADJ, "JJ", 3, "amod"},
                                         {"minister", Upos::NOUN, "NN", 5, "nsubj"},
                                         {"will", Upos::AUX, "MD", 5, "aux"},
                                         {"meet", Upos::VERB, "VB", -1, "root"},
                                         {"Lima", Upos::PROPN, "NNP", 5, "obj"}});
    ingest::Tree t;
    t.reset(a);
    CAPTURE(rel);
    CHECK(t.head(1) == 3);
    CHECK(t.rel(1) == "compound");
    CHECK(t.head(0) == 3);
  }
  // a name after a noun of its kind is left to the apposition repair:
  // "the regional body ECOWAS eased ..."
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"bloc", Upos::NOUN, "NN", 3, "nsubj"},
                                       {"ECOWAS", Upos::PROPN, "NNP", 3, "nsubj"},
                                       {"ease", Upos::VERB, "VBD", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(1) != "compound");
}

TEST_CASE("'..., whereas X said it stood ready to fund ...': 'it' is X, not the sentence's first body") {
  auto fs = test::facts(
      "The AU chairman praised the accord between Chad and Niger on Friday, whereas the EU said it "
      "stood ready to fund new border posts.");
  CAPTURE(test::summary(fs));
  bool eu = false;
  for (const Fact& f : fs)
    if (f.root == "03" || f.root == "07")
      for (const Actor& a : f.source) {
        CHECK(a.id.find(":AU") == std::string::npos);
        eu |= a.id.find(":EU") != std::string::npos;
      }
  CHECK(eu);
}

TEST_CASE("tree repair: ', while China said ...', read with 'while' marking the noun and 'said' joined to the first verb") {
  // Kenya urged Togo to wait , while China said it would help .
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"urge", Upos::VERB, "VBD", -1, "root"},
                                       {"Togo", Upos::PROPN, "NNP", 1, "obj"},
                                       {"to", Upos::PART, "TO", 4, "mark"},
                                       {"wait", Upos::VERB, "VB", 1, "xcomp"},
                                       {",", Upos::PUNCT, ",", 7, "punct"},
                                       {"while", Upos::SCONJ, "IN", 7, "mark"},
                                       {"China", Upos::PROPN, "NNP", 4, "obl"},
                                       {"say", Upos::VERB, "VBD", 1, "conj"},
                                       {"it", Upos::PRON, "PRP", 11, "nsubj"},
                                       {"would", Upos::AUX, "MD", 11, "aux"},
                                       {"help", Upos::VERB, "VB", 8, "ccomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.child(8, "nsubj") == 7);
  CHECK(t.child(8, "mark") == 6);
  CHECK(t.rel(8) == "advcl");
}
