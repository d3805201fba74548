// Tree repairs of session 15 (tree_repair_clauses.cpp,
// tree_repair_arguments.cpp): each tree below is a wrong parse one of our
// parsers gave for a sentence written for these tests, and each case checks
// that the repair gives the reading English allows. The end-to-end cases
// run the shipped model.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/tree.hpp"

using namespace dipgraph;
using syntax::Upos;

TEST_CASE(
    "tree repair: a clause after the object with no subordinator and no object is its relative "
    "clause") {
  // "Uganda praised the deal Kenya signed with Ethiopia", with "signed" a
  // complement clause of "praised"
  syntax::Analysis a = test::analysis({{"Uganda", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"praise", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 3, "det"},
                                       {"deal", Upos::NOUN, "NN", 1, "obj"},
                                       {"Kenya", Upos::PROPN, "NNP", 5, "nsubj"},
                                       {"sign", Upos::VERB, "VBD", 1, "ccomp"},
                                       {"with", Upos::ADP, "IN", 7, "case"},
                                       {"Ethiopia", Upos::PROPN, "NNP", 5, "obl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 3);
  CHECK(t.rel(5) == "acl:relcl");
  // a verb that tells someone something takes an object and a clause
  a.lemma[1] = "tell";
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "ccomp");
}

TEST_CASE(
    "tree repair: a participle of asking after a verb's addressee is the verb's subject's act") {
  // "Kenya wrote to the embassy asking for talks", with "asking" on "embassy"
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"write", Upos::VERB, "VBD", -1, "root"},
                                       {"to", Upos::ADP, "IN", 4, "case"},
                                       {"the", Upos::DET, "DT", 4, "det"},
                                       {"embassy", Upos::NOUN, "NN", 1, "obl"},
                                       {"ask", Upos::VERB, "VBG", 4, "acl"},
                                       {"for", Upos::ADP, "IN", 7, "case"},
                                       {"talk", Upos::NOUN, "NNS", 5, "obl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "advcl");
  // people living somewhere do their own living
  a.lemma[5] = "live";
  t.reset(a);
  CHECK(t.head(5) == 4);
}

TEST_CASE(
    "tree repair: 'a day after X struck', with X on the time noun, is a clause with subject X") {
  syntax::Analysis a = test::analysis({{"Pakistan", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"protest", Upos::VERB, "VBD", -1, "root"},
                                       {",", Upos::PUNCT, ",", 4, "punct"},
                                       {"a", Upos::DET, "DT", 4, "det"},
                                       {"day", Upos::NOUN, "NN", 7, "obl:unmarked"},
                                       {"after", Upos::ADP, "IN", 6, "case"},
                                       {"India", Upos::PROPN, "NNP", 4, "nmod"},
                                       {"strike", Upos::VERB, "VBD", 1, "advcl"},
                                       {"camp", Upos::NOUN, "NNS", 7, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == 7);
  CHECK(t.rel(6) == "nsubj");
  CHECK(t.rel(5) == "mark");
}

TEST_CASE("tree repair: neither an auxiliary nor a copula takes dependents") {
  // "the aid it had earlier pledged", with "had" the relative clause's verb
  // and "pledged" under "earlier"
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"withhold", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 3, "det"},
                                       {"aid", Upos::NOUN, "NN", 1, "obj"},
                                       {"it", Upos::PRON, "PRP", 5, "nsubj"},
                                       {"have", Upos::AUX, "VBD", 3, "acl:relcl"},
                                       {"earlier", Upos::ADV, "RBR", 5, "obj"},
                                       {"pledge", Upos::VERB, "VBN", 6, "acl"},
                                       {"to", Upos::ADP, "IN", 9, "case"},
                                       {"Uganda", Upos::PROPN, "NNP", 7, "obl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == 3);
  CHECK(t.rel(7) == "acl:relcl");
  CHECK(t.head(4) == 7);
  CHECK(t.rel(5) == "aux");
  CHECK(t.rel(6) == "advmod");
  // "the president is due to visit X", with "due" an adjective of "is"
  a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                      {"president", Upos::NOUN, "NN", -1, "root"},
                      {"be", Upos::AUX, "VBZ", 1, "cop"},
                      {"due", Upos::ADJ, "JJ", 2, "amod"},
                      {"to", Upos::PART, "TO", 5, "mark"},
                      {"visit", Upos::VERB, "VB", 3, "advcl"},
                      {"Uganda", Upos::PROPN, "NNP", 5, "obj"},
                      {".", Upos::PUNCT, ".", 1, "punct"}});
  t.reset(a);
  CHECK(t.head(3) == -1);
  CHECK(t.head(1) == 3);
  CHECK(t.rel(1) == "nsubj");
  CHECK(t.head(2) == 3);
  CHECK(t.head(7) == 3);
}

TEST_CASE(
    "tree repair: a participle with a 'by' agent before a finite verb is a reduced relative "
    "clause") {
  // "The tariffs imposed by Canada on cars took effect", with "imposed" the
  // root and "on cars" the subject of "took"
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"tariff", Upos::NOUN, "NNS", 2, "nsubj"},
                                       {"impose", Upos::VERB, "VBN", -1, "root"},
                                       {"by", Upos::ADP, "IN", 4, "case"},
                                       {"Canada", Upos::PROPN, "NNP", 2, "obl:agent"},
                                       {"on", Upos::ADP, "IN", 6, "case"},
                                       {"car", Upos::NOUN, "NNS", 7, "nsubj"},
                                       {"take", Upos::VERB, "VBD", 2, "conj"},
                                       {"effect", Upos::NOUN, "NN", 7, "obj"},
                                       {".", Upos::PUNCT, ".", 2, "punct"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.head(1) == 7);
  CHECK(t.rel(1) == "nsubj");
  CHECK(t.head(2) == 1);
  CHECK(t.rel(2) == "acl");
  CHECK(t.head(6) == 2);
  CHECK(t.rel(6) == "obl");
  CHECK(t.head(9) == 7);
  // without the agent the participle may be the verb: nothing changes
  REQUIRE(syntax::parse_deprel("obl", a.rel[4]));
  t.reset(a);
  CHECK(t.head(2) == -1);
}

TEST_CASE(
    "tree repair: a conjunct with no 'and': with a preposition a phrase, after a comma and a "
    "determiner an apposition") {
  // "the call placed last July to President X", with X a conjunct of "July"
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"call", Upos::NOUN, "NN", -1, "root"},
                                       {"place", Upos::VERB, "VBN", 1, "acl"},
                                       {"last", Upos::ADJ, "JJ", 4, "amod"},
                                       {"July", Upos::PROPN, "NNP", 2, "obl"},
                                       {"to", Upos::ADP, "IN", 6, "case"},
                                       {"President", Upos::PROPN, "NNP", 7, "nmod:desc"},
                                       {"Museveni", Upos::PROPN, "NNP", 4, "conj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(7) == "nmod");
  // "Penny Wong, the foreign minister, called", with the title a conjunct
  a = test::analysis({{"Wong", Upos::PROPN, "NNP", 5, "nsubj"},
                      {",", Upos::PUNCT, ",", 3, "punct"},
                      {"the", Upos::DET, "DT", 3, "det"},
                      {"minister", Upos::NOUN, "NN", 0, "conj"},
                      {",", Upos::PUNCT, ",", 0, "punct"},
                      {"call", Upos::VERB, "VBD", -1, "root"}});
  t.reset(a);
  CHECK(t.rel(3) == "appos");
  // ... but in a series with "and" it stays a conjunct
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 8, "nsubj"},
                      {",", Upos::PUNCT, ",", 3, "punct"},
                      {"the", Upos::DET, "DT", 3, "det"},
                      {"AU", Upos::PROPN, "NNP", 0, "conj"},
                      {"and", Upos::CCONJ, "CC", 6, "cc"},
                      {"the", Upos::DET, "DT", 6, "det"},
                      {"UN", Upos::PROPN, "NNP", 0, "conj"},
                      {",", Upos::PUNCT, ",", 8, "punct"},
                      {"call", Upos::VERB, "VBD", -1, "root"}});
  t.reset(a);
  CHECK(t.rel(3) == "conj");
}

TEST_CASE("tree repair: a participle before a possessor after a comma is a verb with that object") {
  // "The president, who arrived in Moscow, condemned Uganda's attack", with
  // "condemned" an adjective of "attack" and "attack" on "arrived"
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"president", Upos::NOUN, "NN", -1, "root"},
                                       {",", Upos::PUNCT, ",", 4, "punct"},
                                       {"who", Upos::PRON, "WP", 4, "nsubj"},
                                       {"arrive", Upos::VERB, "VBD", 1, "acl:relcl"},
                                       {"in", Upos::ADP, "IN", 6, "case"},
                                       {"Moscow", Upos::PROPN, "NNP", 4, "obl"},
                                       {",", Upos::PUNCT, ",", 11, "punct"},
                                       {"condemn", Upos::VERB, "VBN", 11, "amod"},
                                       {"Uganda", Upos::PROPN, "NNP", 11, "nmod:poss"},
                                       {"'s", Upos::PART, "POS", 9, "case"},
                                       {"attack", Upos::NOUN, "NN", 4, "obl"},
                                       {".", Upos::PUNCT, ".", 1, "punct"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(8) == -1);  // then the sentence's verb, with its subject
  CHECK(t.head(1) == 8);
  CHECK(t.rel(1) == "nsubj");
  CHECK(t.head(11) == 8);
  CHECK(t.rel(11) == "obj");
}

TEST_CASE("tree repair: no subject begins with 'and'") {
  // "As a result, Kenya and its ally Uganda sent troops", with "Kenya" an
  // apposition of "result"
  syntax::Analysis a = test::analysis({{"as", Upos::ADP, "IN", 2, "case"},
                                       {"a", Upos::DET, "DT", 2, "det"},
                                       {"result", Upos::NOUN, "NN", 9, "obl"},
                                       {",", Upos::PUNCT, ",", 4, "punct"},
                                       {"Kenya", Upos::PROPN, "NNP", 2, "appos"},
                                       {"and", Upos::CCONJ, "CC", 9, "cc"},
                                       {"its", Upos::PRON, "PRP$", 7, "nmod:poss"},
                                       {"ally", Upos::NOUN, "NN", 9, "nsubj"},
                                       {"Uganda", Upos::PROPN, "NNP", 7, "appos"},
                                       {"send", Upos::VERB, "VBD", -1, "root"},
                                       {"troop", Upos::NOUN, "NNS", 9, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(4) == 9);
  CHECK(t.rel(4) == "nsubj");
  CHECK(t.head(7) == 4);
  CHECK(t.rel(7) == "conj");
  CHECK(t.head(5) == 7);
}

TEST_CASE("tree repair: a noun after a semicolon is the subject of the verb after it") {
  // "police detained X; the reporters agreed to leave", with "reporters" an
  // apposition of X and "agreed" a conjunct of "detained"
  syntax::Analysis a = test::analysis({{"police", Upos::NOUN, "NNS", 1, "nsubj"},
                                       {"detain", Upos::VERB, "VBD", -1, "root"},
                                       {"journalist", Upos::NOUN, "NNS", 1, "obj"},
                                       {";", Upos::PUNCT, ":", 5, "punct"},
                                       {"the", Upos::DET, "DT", 5, "det"},
                                       {"reporter", Upos::NOUN, "NNS", 2, "appos"},
                                       {"agree", Upos::VERB, "VBD", 1, "conj"},
                                       {"to", Upos::PART, "TO", 8, "mark"},
                                       {"leave", Upos::VERB, "VB", 6, "xcomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 6);
  CHECK(t.rel(5) == "nsubj");
  CHECK(t.rel(6) == "parataxis");
  // with a comma instead, the apposition stays
  a.lemma[3] = ",";
  t.reset(a);
  CHECK(t.rel(5) == "appos");
}

TEST_CASE("tree repair: a noun with a preposition is no subject; the apposition after it is") {
  // "which, according to Reuters, Uganda and Tanzania have criticised"
  syntax::Analysis a = test::analysis({{"which", Upos::PRON, "WDT", 8, "obj"},
                                       {",", Upos::PUNCT, ",", 3, "punct"},
                                       {"accord", Upos::VERB, "VBG", 3, "case"},
                                       {"Reuters", Upos::PROPN, "NNP", 8, "nsubj"},
                                       {",", Upos::PUNCT, ",", 5, "punct"},
                                       {"Uganda", Upos::PROPN, "NNP", 3, "appos"},
                                       {"and", Upos::CCONJ, "CC", 7, "cc"},
                                       {"Tanzania", Upos::PROPN, "NNP", 5, "conj"},
                                       {"criticise", Upos::VERB, "VBN", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(3) == "obl");
  CHECK(t.head(5) == 8);
  CHECK(t.rel(5) == "nsubj");
  // "after" opens a clause, not an oblique: "after 30 aircraft entered"
  a = test::analysis({{"Taiwan", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"scramble", Upos::VERB, "VBD", -1, "root"},
                      {"jet", Upos::NOUN, "NNS", 1, "obj"},
                      {"after", Upos::SCONJ, "IN", 5, "case"},
                      {"30", Upos::NUM, "CD", 5, "nummod"},
                      {"aircraft", Upos::NOUN, "NNS", 6, "nsubj"},
                      {"enter", Upos::VERB, "VBD", 1, "conj"}});
  t.reset(a);
  CHECK(t.rel(5) == "nsubj");
}

TEST_CASE(
    "tree repair: clauses opened by 'where' after a noun; a participle after an object; objects in "
    "quotes") {
  // "His first stop is Italy, where he will meet X", with "meet" a conjunct
  syntax::Analysis a = test::analysis({{"stop", Upos::NOUN, "NN", 2, "nsubj"},
                                       {"be", Upos::AUX, "VBZ", 2, "cop"},
                                       {"Italy", Upos::PROPN, "NNP", -1, "root"},
                                       {",", Upos::PUNCT, ",", 7, "punct"},
                                       {"where", Upos::ADV, "WRB", 7, "advmod"},
                                       {"he", Upos::PRON, "PRP", 7, "nsubj"},
                                       {"will", Upos::AUX, "MD", 7, "aux"},
                                       {"meet", Upos::VERB, "VB", 2, "conj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(7) == "acl:relcl");
  // "delay the aid meant for X", with "meant" a complement of "delay"
  a = test::analysis({{"delay", Upos::VERB, "VB", -1, "root"},
                      {"the", Upos::DET, "DT", 2, "det"},
                      {"aid", Upos::NOUN, "NN", 0, "obj"},
                      {"mean", Upos::VERB, "VBN", 0, "xcomp"},
                      {"for", Upos::ADP, "IN", 5, "case"},
                      {"Uganda", Upos::PROPN, "NNP", 3, "obl"}});
  t.reset(a);
  CHECK(t.head(3) == 2);
  CHECK(t.rel(3) == "acl");
  // ... a verb of object complements keeps it ("found the aid wasted")
  a.lemma[0] = "find";
  t.reset(a);
  CHECK(t.rel(3) == "xcomp");
  // 'sends the people "warm greetings"': two objects, the quotation mark
  // joins nothing
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"send", Upos::VERB, "VBZ", -1, "root"},
                      {"people", Upos::NOUN, "NNS", 1, "obj"},
                      {"\"", Upos::PUNCT, "``", 1, "punct"},
                      {"greeting", Upos::NOUN, "NNS", 1, "obj"}});
  t.reset(a);
  CHECK(t.rel(2) == "iobj");
  CHECK(t.rel(4) == "obj");
  // "pledged money at a donors' conference" with the parser's cut after the
  // apostrophe: the noun after it is no second object
  a = test::analysis({{"Norway", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"pledge", Upos::VERB, "VBD", -1, "root"},
                      {"money", Upos::NOUN, "NN", 1, "obj"},
                      {"at", Upos::ADP, "IN", 5, "case"},
                      {"a", Upos::DET, "DT", 5, "det"},
                      {"donor", Upos::NOUN, "NNS", 2, "nmod"},
                      {"'", Upos::PUNCT, "POS", 5, "punct"},
                      {"conference", Upos::NOUN, "NN", 1, "obl"}});
  t.reset(a);
  CHECK(t.rel(2) == "obj");
  CHECK(t.rel(7) == "obl");
}

TEST_CASE("tree repair: a fronted phrase's last noun and the subject are no list") {
  // "Despite objections from Peru, Chile closed ..." read with "Peru, Chile"
  // as a list and "closed" without a subject
  ingest::Tree t;
  auto a = test::analysis({{"despite", Upos::ADP, "IN", 1, "case"},
                           {"objection", Upos::NOUN, "NNS", 6, "obl"},
                           {"from", Upos::ADP, "IN", 3, "case"},
                           {"Peru", Upos::PROPN, "NNP", 1, "nmod"},
                           {",", Upos::PUNCT, ",", 5, "punct"},
                           {"Chile", Upos::PROPN, "NNP", 3, "conj"},
                           {"close", Upos::VERB, "VBD", -1, "root"},
                           {"border", Upos::NOUN, "NN", 6, "obj"}});
  t.reset(a);
  CHECK(t.head(5) == 6);
  CHECK(t.rel(5) == "nsubj");
  // a list joined by "and" is left alone
  a = test::analysis({{"despite", Upos::ADP, "IN", 1, "case"},
                      {"objection", Upos::NOUN, "NNS", 7, "obl"},
                      {"from", Upos::ADP, "IN", 3, "case"},
                      {"Peru", Upos::PROPN, "NNP", 1, "nmod"},
                      {"and", Upos::CCONJ, "CC", 5, "cc"},
                      {"Chile", Upos::PROPN, "NNP", 3, "conj"},
                      {",", Upos::PUNCT, ",", 7, "punct"},
                      {"close", Upos::VERB, "VBD", -1, "root"}});
  t.reset(a);
  CHECK(t.head(5) == 3);
}

TEST_CASE("tree repairs end to end: sentences whose parses the repairs mend") {
  struct Case {
    const char* text;
    const char* root;
    const char* source;
    const char* target;
  };
  const Case cases[] = {
      {"Kenya's foreign minister, who landed in Kampala on Monday, praised Uganda's election.",
       "05", "KEN", "UGA"},
      {"The Kenyan president, who arrived in Moscow yesterday, condemned Uganda's attack.", "11",
       "KEN", "UGA"},
      {"As a result, Kenya and its ally Uganda had sent troops to the border and cut ties with "
       "Sudan.",
       "16", "KEN,UGA", "SDN"},
      {"Kenya has kept a policy of closing its border, which, according to Reuters, Uganda and "
       "Tanzania "
       "have both criticised.",
       "11", "TZA,UGA", "KEN"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, c.root, c.source, c.target) != nullptr);
  }
  // no agreement from reporters who agreed to leave, after a semicolon
  auto fs = test::facts(
      "Kenyan police detained four Ugandan journalists who covered the rally; the reporters, who "
      "had come in as tourists, agreed to go home.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE(
    "tree repair: a verb conjunct with its own auxiliary is no conjunct of a 'to' infinitive") {
  // "he will urge leaders to support talks and [will] consult them", with
  // "consult" a conjunct of "support"
  auto tree = [](bool own_aux) {
    const int c = own_aux ? 9 : 8;  // "consult"
    std::vector<std::tuple<std::string, Upos, std::string, int, std::string>> ws = {
        {"he", Upos::PRON, "PRP", 2, "nsubj"},    {"will", Upos::AUX, "MD", 2, "aux"},
        {"urge", Upos::VERB, "VB", -1, "root"},   {"leader", Upos::NOUN, "NNS", 2, "obj"},
        {"to", Upos::PART, "TO", 5, "mark"},      {"support", Upos::VERB, "VB", 2, "xcomp"},
        {"talk", Upos::NOUN, "NNS", 5, "obj"},    {"and", Upos::CCONJ, "CC", c, "cc"},
        {"consult", Upos::VERB, "VB", 5, "conj"}, {"they", Upos::PRON, "PRP", c, "obj"}};
    if (own_aux) ws.insert(ws.begin() + 8, {"will", Upos::AUX, "MD", c, "aux"});
    return test::analysis(ws);
  };
  syntax::Analysis a = tree(true);
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(9) == 2);
  // "to support talks and consult them": both under "to"
  a = tree(false);
  t.reset(a);
  CHECK(t.head(8) == 5);
}

TEST_CASE("tree repair: 'between A and B' keeps B as A's conjunct, not a second subject") {
  // "a call between Kenya and Uganda was reported", with "Uganda" a second
  // subject of "reported" and "and" on the verb
  syntax::Analysis a = test::analysis({{"a", Upos::DET, "DT", 1, "det"},
                                       {"call", Upos::NOUN, "NN", 6, "nsubj:pass"},
                                       {"between", Upos::ADP, "IN", 3, "case"},
                                       {"Kenya", Upos::PROPN, "NNP", 1, "nmod"},
                                       {"and", Upos::CCONJ, "CC", 6, "cc"},
                                       {"Uganda", Upos::PROPN, "NNP", 6, "nsubj:pass"},
                                       {"report", Upos::VERB, "VBN", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 3);
  CHECK(t.rel(5) == "conj");
  CHECK(t.head(4) == 5);
  // "between the two states": a plural needs no conjunct
  a.xpos[3] = syntax::xpos_index("NNS");
  t.reset(a);
  CHECK(t.head(5) == 6);
}

TEST_CASE("tree repair: the clause after an 'if' clause's comma, with 'will', is the main clause") {
  // "if Uganda attacks, we will respond", with "respond" a conjunct of "attack"
  syntax::Analysis a = test::analysis({{"if", Upos::SCONJ, "IN", 2, "mark"},
                                       {"Uganda", Upos::PROPN, "NNP", 2, "nsubj"},
                                       {"attack", Upos::VERB, "VBZ", -1, "root"},
                                       {",", Upos::PUNCT, ",", 6, "punct"},
                                       {"we", Upos::PRON, "PRP", 6, "nsubj"},
                                       {"will", Upos::AUX, "MD", 6, "aux"},
                                       {"respond", Upos::VERB, "VB", 2, "conj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == -1);
  CHECK(t.head(2) == 6);
  CHECK(t.rel(2) == "advcl");
  // without "will" it may be part of the condition ("if X attacks, and we lose")
  a.lemma[5] = "do";
  t.reset(a);
  CHECK(t.head(6) == 2);
}

TEST_CASE("tree repair: a verb with 'that' and a subject is no adjective of the noun after it") {
  // "Kenya alleged that the firm had bribed officials", with "bribed" on
  // "officials" and "officials" the object of "alleged"
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"allege", Upos::VERB, "VBD", -1, "root"},
                                       {"that", Upos::SCONJ, "IN", 6, "mark"},
                                       {"the", Upos::DET, "DT", 4, "det"},
                                       {"firm", Upos::NOUN, "NN", 6, "nsubj"},
                                       {"have", Upos::AUX, "VBD", 6, "aux"},
                                       {"bribe", Upos::VERB, "VBN", 7, "amod"},
                                       {"official", Upos::NOUN, "NNS", 1, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == 1);
  CHECK(t.rel(6) == "ccomp");
  CHECK(t.head(7) == 6);
}

TEST_CASE("tree repairs end to end: a call between two leaders named after 'between'") {
  auto fs = test::facts(
      "Notes of the phone call between the Japanese prime minister and the South Korean "
      "president were published.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "JPN,KOR") != nullptr);
}

TEST_CASE("tree repair: a past form read as a participle modifying the noun after it is a verb") {
  // "Kenya accused Uganda and threatened sanctions", with "threatened" an
  // adjective of "sanctions" and "sanctions" an object of "accused"
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"accuse", Upos::VERB, "VBD", -1, "root"},
                                       {"Uganda", Upos::PROPN, "NNP", 1, "obj"},
                                       {"and", Upos::CCONJ, "CC", 4, "cc"},
                                       {"threaten", Upos::VERB, "VBN", 5, "amod"},
                                       {"sanction", Upos::NOUN, "NNS", 1, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(4) == 1);
  CHECK(t.rel(4) == "conj");
  CHECK(t.head(5) == 4);
  CHECK(t.rel(5) == "obj");
  // "the feared and hated sanctions": with a determiner, adjectives
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"lift", Upos::VERB, "VBD", -1, "root"},
                      {"the", Upos::DET, "DT", 6, "det"},
                      {"fear", Upos::VERB, "VBN", 6, "amod"},
                      {"and", Upos::CCONJ, "CC", 5, "cc"},
                      {"hate", Upos::VERB, "VBN", 6, "amod"},
                      {"sanction", Upos::NOUN, "NNS", 1, "obj"}});
  t.reset(a);
  CHECK(t.head(5) == 6);
  // "said the new law violated interests", read as one noun phrase
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"say", Upos::VERB, "VBD", -1, "root"},
                      {"the", Upos::DET, "DT", 3, "det"},
                      {"law", Upos::NOUN, "NN", 5, "compound"},
                      {"violate", Upos::VERB, "VBN", 5, "amod"},
                      {"interest", Upos::NOUN, "NNS", 1, "ccomp"}});
  t.reset(a);
  CHECK(t.head(4) == 1);
  CHECK(t.rel(4) == "ccomp");
  CHECK(t.head(3) == 4);
  CHECK(t.rel(3) == "nsubj");
  CHECK(t.head(5) == 4);
  CHECK(t.rel(5) == "obj");
}

TEST_CASE("tree repairs end to end: a threat told after 'and', a clause read as a noun phrase") {
  auto fs = test::facts("Senior American officials accused Tokyo of failing to honour the accord "
                        "and threatened retaliation.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "USA", "JPN") != nullptr);
  fs = test::facts("Canberra said the new Chinese law violated Australian interests.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "AUS", "CHN") != nullptr);
}

TEST_CASE("tree repair: 'which' before another subject is the object, also of a clause hung on a verb") {
  // "a policy of closing ports which Kenya criticised", with the clause an
  // adverbial clause of "closing" and "which" its subject beside "Kenya"
  syntax::Analysis a = test::analysis({{"a", Upos::DET, "DT", 1, "det"},
                                       {"policy", Upos::NOUN, "NN", -1, "root"},
                                       {"of", Upos::SCONJ, "IN", 3, "mark"},
                                       {"close", Upos::VERB, "VBG", 1, "acl"},
                                       {"port", Upos::NOUN, "NNS", 3, "obj"},
                                       {"which", Upos::PRON, "WDT", 7, "nsubj"},
                                       {"Kenya", Upos::PROPN, "NNP", 7, "nsubj"},
                                       {"criticise", Upos::VERB, "VBD", 3, "advcl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(5) == "obj");
  CHECK(t.rel(6) == "nsubj");
}

TEST_CASE("a policy criticised in a relative clause is aimed at all who keep it") {
  auto fs = test::facts(
      "Laos and Cambodia have kept a policy of closing ports to fishing fleets which, according to "
      "Reuters, the United States has criticised.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "USA", "KHM,LAO") != nullptr);
}

TEST_CASE("tree repair: a subordinator read as a preposition before a clause read as a noun phrase") {
  // "Kenya protested after Ugandan jets violated its airspace", read as
  // "after Ugandan jets" + "violated airspace" (an adjective)
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"protest", Upos::VERB, "VBD", -1, "root"},
                                       {"after", Upos::ADP, "IN", 4, "case"},
                                       {"Ugandan", Upos::ADJ, "JJ", 4, "amod"},
                                       {"jet", Upos::NOUN, "NNS", 1, "obl"},
                                       {"violate", Upos::VERB, "VBN", 7, "amod"},
                                       {"its", Upos::PRON, "PRP$", 7, "nmod:poss"},
                                       {"airspace", Upos::NOUN, "NN", 1, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "advcl");
  CHECK(t.head(4) == 5);
  CHECK(t.rel(4) == "nsubj");
  CHECK(t.rel(2) == "mark");
  CHECK(t.head(7) == 5);
  CHECK(t.rel(7) == "obj");
}

TEST_CASE("tree repairs end to end: an act told after 'after' read as a noun phrase") {
  auto fs = test::facts(
      "Sweden summoned Russia's ambassador after Russian jets violated Swedish airspace.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "RUS", "SWE") != nullptr);
}

TEST_CASE("tree repair: an infinitive hung on the one asked is the asking verb's complement") {
  // "urged Peru and Chile to respect ...", with "respect" read as a
  // modifier of "Chile"
  ingest::Tree t;
  auto a = test::analysis({{"Brazil", Upos::PROPN, "NNP", 1, "nsubj"},
                           {"urge", Upos::VERB, "VBD", -1, "root"},
                           {"Peru", Upos::PROPN, "NNP", 1, "obj"},
                           {"and", Upos::CCONJ, "CC", 4, "cc"},
                           {"Chile", Upos::PROPN, "NNP", 2, "conj"},
                           {"to", Upos::PART, "TO", 6, "mark"},
                           {"respect", Upos::VERB, "VB", 4, "acl"},
                           {"treaty", Upos::NOUN, "NN", 6, "obj"}});
  t.reset(a);
  CHECK(t.head(6) == 1);
  CHECK(t.rel(6) == "xcomp");
  // a noun's own infinitive under a verb that asks nothing stays
  a = test::analysis({{"Brazil", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"defend", Upos::VERB, "VBD", -1, "root"},
                      {"right", Upos::NOUN, "NN", 1, "obj"},
                      {"to", Upos::PART, "TO", 4, "mark"},
                      {"fish", Upos::VERB, "VB", 2, "acl"}});
  t.reset(a);
  CHECK(t.head(4) == 2);
}

TEST_CASE("tree repair: a 'who' clause after a noun and its comma is the noun's, not the verb's") {
  // "met the chairman, who thanked him", read with "thanked" as a
  // parataxis of "met"
  ingest::Tree t;
  auto a = test::analysis({{"Ruto", Upos::PROPN, "NNP", 1, "nsubj"},
                           {"meet", Upos::VERB, "VBD", -1, "root"},
                           {"the", Upos::DET, "DT", 3, "det"},
                           {"chairman", Upos::NOUN, "NN", 1, "obj"},
                           {",", Upos::PUNCT, ",", 6, "punct"},
                           {"who", Upos::PRON, "WP", 6, "nsubj"},
                           {"thank", Upos::VERB, "VBD", 1, "parataxis"},
                           {"he", Upos::PRON, "PRP", 6, "obj"}});
  t.reset(a);
  CHECK(t.head(6) == 3);
  CHECK(t.rel(6) == "acl:relcl");
}

TEST_CASE("tree repair: a compound hung on a verb with no subject is its subject") {
  // "If Azerbaijan attacks, ...", with the name read as the noun's modifier
  syntax::Analysis a = test::analysis({{"if", Upos::SCONJ, "IN", 2, "mark"},
                                       {"Azerbaijan", Upos::PROPN, "NNP", 2, "compound"},
                                       {"attack", Upos::VERB, "VBZ", 6, "advcl"},
                                       {",", Upos::PUNCT, ",", 2, "punct"},
                                       {"Armenia", Upos::PROPN, "NNP", 6, "nsubj"},
                                       {"will", Upos::AUX, "MD", 6, "aux"},
                                       {"respond", Upos::VERB, "VB", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(1) == "nsubj");
  // a compound of a noun stays one
  a.upos[2] = Upos::NOUN;
  a.xpos[2] = syntax::xpos_index("NNS");
  t.reset(a);
  CHECK(t.rel(1) == "compound");
}

TEST_CASE("tree repair: an object put after a phrase of the verb is the verb's object") {
  // "Chile condemned in the strongest terms the attack on its embassy",
  // with the object hung on "terms" as a bare noun phrase
  syntax::Analysis a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"condemn", Upos::VERB, "VBD", -1, "root"},
                                       {"in", Upos::ADP, "IN", 5, "case"},
                                       {"the", Upos::DET, "DT", 5, "det"},
                                       {"strong", Upos::ADJ, "JJS", 5, "amod"},
                                       {"term", Upos::NOUN, "NNS", 1, "obl"},
                                       {"the", Upos::DET, "DT", 7, "det"},
                                       {"attack", Upos::NOUN, "NN", 5, "nmod:unmarked"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == 1);
  CHECK(t.rel(7) == "obj");
  // a verb with an object of its own keeps it
  a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"send", Upos::VERB, "VBD", -1, "root"},
                      {"aid", Upos::NOUN, "NN", 1, "obj"},
                      {"in", Upos::ADP, "IN", 5, "case"},
                      {"the", Upos::DET, "DT", 5, "det"},
                      {"spring", Upos::NOUN, "NN", 1, "obl"},
                      {"the", Upos::DET, "DT", 7, "det"},
                      {"year", Upos::NOUN, "NN", 5, "nmod:unmarked"}});
  t.reset(a);
  CHECK(t.head(7) == 5);
}

TEST_CASE("tree repair: a noun and a past verb after a verb of saying are the clause said") {
  // "Chile said the Peruvian navy seized a boat", with "navy" the object of
  // "said" and "seized" its reduced relative clause
  syntax::Analysis a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 4, "det"},
                                       {"Peruvian", Upos::ADJ, "JJ", 4, "amod"},
                                       {"navy", Upos::NOUN, "NN", 1, "obj"},
                                       {"seize", Upos::VERB, "VBN", 4, "acl"},
                                       {"a", Upos::DET, "DT", 7, "det"},
                                       {"boat", Upos::NOUN, "NN", 5, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "ccomp");
  CHECK(t.head(4) == 5);
  CHECK(t.rel(4) == "nsubj");
  // ... read as the object's complement: the same
  a.head[5] = 1;
  a.rel[5] = test::analysis({{"x", Upos::VERB, "VB", -1, "xcomp"}}).rel[0];
  a.xpos[5] = syntax::xpos_index("VBD");
  t.reset(a);
  CHECK(t.rel(5) == "ccomp");
  CHECK(t.head(4) == 5);
  // a participle without an object of its own is a reduced relative: kept
  a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"say", Upos::VERB, "VBD", -1, "root"},
                      {"the", Upos::DET, "DT", 3, "det"},
                      {"boat", Upos::NOUN, "NN", 1, "obj"},
                      {"seize", Upos::VERB, "VBN", 3, "acl"},
                      {"by", Upos::ADP, "IN", 6, "case"},
                      {"Peru", Upos::PROPN, "NNP", 4, "obl:agent"}});
  t.reset(a);
  CHECK(t.head(4) == 3);
}

TEST_CASE("a 'with' phrase hung on the means of speaking is the verb's") {
  using syntax::Upos;
  // "Peru spoke by video link with Chile": "with Chile" hung on "link"
  auto a = test::analysis({{"Peru", Upos::PROPN, "NNP", 1, "nsubj"},
                           {"speak", Upos::VERB, "VBD", -1, "root"},
                           {"by", Upos::ADP, "IN", 4, "case"},
                           {"video", Upos::NOUN, "NN", 4, "compound"},
                           {"link", Upos::NOUN, "NN", 1, "obl:agent"},
                           {"with", Upos::ADP, "IN", 6, "case"},
                           {"Chile", Upos::PROPN, "NNP", 4, "nmod"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == 1);
  CHECK(t.rel(6) == "obl");
  // end to end
  auto fs = test::facts("Oman's foreign minister spoke by telephone with his Yemeni counterpart.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "OMN,YEM") != nullptr);
  // a passive's "by" is its agent: nothing moves
  a = test::analysis({{"letter", Upos::NOUN, "NN", 2, "nsubj:pass"},
                      {"be", Upos::AUX, "VBD", 2, "aux:pass"},
                      {"send", Upos::VERB, "VBN", -1, "root"},
                      {"by", Upos::ADP, "IN", 4, "case"},
                      {"line", Upos::NOUN, "NN", 2, "obl"},
                      {"to", Upos::ADP, "IN", 6, "case"},
                      {"Chile", Upos::PROPN, "NNP", 4, "nmod"}});
  t.reset(a);
  CHECK(t.head(6) == 4);
}

TEST_CASE("a name after 'and' with a participle hung on it opens a clause of its own") {
  using syntax::Upos;
  // "Oslo expelled envoys, and Moscow responded by expelling ...": Moscow
  // read as a conjunct of "envoys", "responded" as a participle on it
  auto a = test::analysis({{"Oslo", Upos::PROPN, "NNP", 1, "nsubj"},
                           {"expel", Upos::VERB, "VBD", -1, "root"},
                           {"envoy", Upos::NOUN, "NNS", 1, "obj"},
                           {",", Upos::PUNCT, ",", 5, "punct"},
                           {"and", Upos::CCONJ, "CC", 5, "cc"},
                           {"Moscow", Upos::PROPN, "NNP", 2, "conj"},
                           {"respond", Upos::VERB, "VBN", 5, "acl"},
                           {"by", Upos::SCONJ, "IN", 8, "mark"},
                           {"expel", Upos::VERB, "VBG", 6, "advcl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == 1);
  CHECK(t.rel(6) == "conj");
  CHECK(t.head(5) == 6);
  CHECK(t.rel(5) == "nsubj");
  CHECK(t.head(4) == 6);
  // end to end: both expulsions
  auto fs = test::facts("In March, Riga expelled three Russian diplomats, and Moscow responded by expelling two Latvian diplomats.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "LVA", "RUS") != nullptr);
  CHECK(test::find(fs, "16", "RUS", "LVA") != nullptr);
}

TEST_CASE("'X is due to meet': 'due' heads the clause when the parser made X the root") {
  using syntax::Upos;
  auto a = test::analysis({{"envoy", Upos::NOUN, "NNS", -1, "root"},
                           {"be", Upos::AUX, "VBP", 0, "cop"},
                           {"due", Upos::ADJ, "JJ", 1, "xcomp"},
                           {"to", Upos::PART, "TO", 4, "mark"},
                           {"meet", Upos::VERB, "VB", 2, "xcomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(2) == -1);
  CHECK(t.head(0) == 2);
  CHECK(t.rel(0) == "nsubj");
  CHECK(t.head(1) == 2);
  CHECK(t.head(4) == 2);
  // end to end: a planned meeting of the pair
  auto fs = test::facts(
      "Greek and Turkish patrol boats collided near Kos on Monday.\n\n"
      "Coast guard chiefs from both sides are due to meet on Friday.");
  CAPTURE(test::summary(fs));
  bool planned = false;
  for (const Fact& f : fs)
    planned |= f.cameo.rfind("04", 0) == 0 && f.status == Status::planned && test::countries(f).count("GRC") &&
               test::countries(f).count("TUR");
  CHECK(planned);
}

TEST_CASE("tree repair: a passive subject of an active perfect or finite verb is its subject") {
  // "Moscow had killed the inquiry", with "Moscow" read as a passive subject
  syntax::Analysis a = test::analysis({{"Moscow", Upos::PROPN, "NNP", 2, "nsubj:pass"},
                                       {"have", Upos::AUX, "VBD", 2, "aux"},
                                       {"kill", Upos::VERB, "VBN", -1, "root"},
                                       {"the", Upos::DET, "DT", 4, "det"},
                                       {"inquiry", Upos::NOUN, "NN", 2, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.rel(0) == "nsubj");
  CHECK(!t.passive(2));
  // with a passive auxiliary it stays a passive subject
  a = test::analysis({{"Moscow", Upos::PROPN, "NNP", 3, "nsubj:pass"},
                      {"have", Upos::AUX, "VBD", 3, "aux"},
                      {"be", Upos::AUX, "VBN", 3, "aux:pass"},
                      {"warn", Upos::VERB, "VBN", -1, "root"}});
  t.reset(a);
  CHECK(t.rel(0) == "nsubj:pass");
}

TEST_CASE("tree repair: the phrase right before a subjectless verb's auxiliaries after 'after' is its subject") {
  // "after one of its ministers was turned back", with "one" the verb's
  // "after" oblique
  syntax::Analysis a = test::analysis({{"Peru", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"protest", Upos::VERB, "VBD", -1, "root"},
                                       {"after", Upos::ADP, "IN", 3, "case"},
                                       {"one", Upos::NUM, "CD", 8, "obl"},
                                       {"of", Upos::ADP, "IN", 6, "case"},
                                       {"its", Upos::PRON, "PRP$", 6, "nmod:poss"},
                                       {"minister", Upos::NOUN, "NNS", 3, "nmod"},
                                       {"be", Upos::AUX, "VBD", 8, "aux:pass"},
                                       {"stop", Upos::VERB, "VBN", 1, "advcl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(3) == 8);
  CHECK(t.rel(3) == "nsubj:pass");
  CHECK(t.head(2) == 8);
  CHECK(t.rel(2) == "mark");
}

TEST_CASE("a passive with no agent is done by no one the sentence names") {
  auto fs = test::facts(
      "Kenya sent a protest note to Uganda on Monday after one of its ministers was stopped at "
      "the airport and banned from entering the country.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KEN", "UGA") != nullptr);
  CHECK(test::find(fs, "16", "KEN", "UGA") == nullptr);
}

TEST_CASE("tree repair: 'X, who met Y, praised Z' read with 'who met' as the main clause") {
  syntax::Analysis a = test::analysis({{"Fiji", Upos::PROPN, "NNP", 2, "nmod:poss"},
                                       {"'s", Upos::PART, "POS", 0, "case"},
                                       {"minister", Upos::NOUN, "NN", 5, "obl"},
                                       {",", Upos::PUNCT, ",", 2, "punct"},
                                       {"who", Upos::PRON, "WP", 5, "nsubj"},
                                       {"meet", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 7, "det"},
                                       {"envoy", Upos::NOUN, "NN", 5, "obj"},
                                       {",", Upos::PUNCT, ",", 9, "punct"},
                                       {"praise", Upos::VERB, "VBD", 5, "conj"},
                                       {"the", Upos::DET, "DT", 11, "det"},
                                       {"pact", Upos::NOUN, "NN", 9, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(9) == -1);
  CHECK(t.head(2) == 9);
  CHECK(t.rel(2) == "nsubj");
  CHECK(t.head(5) == 2);
  CHECK(t.rel(5) == "acl:relcl");
}

TEST_CASE("tree repair: 'a policing and maritime security agreement' is one agreement") {
  auto fs = test::facts(
      "Japan's defence minister signed a policing and maritime security agreement with Palau on "
      "Thursday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "JPN,PLW") != nullptr);
  // two nouns with determiners of their own stay two
  syntax::Analysis a = test::analysis({{"sign", Upos::VERB, "VBD", -1, "root"},
                                       {"a", Upos::DET, "DT", 2, "det"},
                                       {"treaty", Upos::NOUN, "NN", 0, "obj"},
                                       {"and", Upos::CCONJ, "CC", 6, "cc"},
                                       {"a", Upos::DET, "DT", 6, "det"},
                                       {"trade", Upos::NOUN, "NN", 6, "compound"},
                                       {"pact", Upos::NOUN, "NN", 2, "conj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == 2);
}
