// Tree repairs of session 22 (tree_repair_relatives.cpp,
// tree_repair_infinitives.cpp) and the visit a "visiting" official is on.
// Each tree below is a wrong parse our parser gave for a sentence written
// for these tests; each case checks the reading English allows. The
// end-to-end cases run the shipped model.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/tree.hpp"

using namespace dipgraph;
using syntax::Upos;

TEST_CASE("tree repair: 'X, whose country stayed out, telephoned Y' read with the whose-clause as the main one") {
  syntax::Analysis a = test::analysis({{"Qatar", Upos::PROPN, "NNP", 2, "nmod:poss"},
                                       {"'s", Upos::PART, "POS", 0, "case"},
                                       {"minister", Upos::NOUN, "NN", 6, "obl"},
                                       {",", Upos::PUNCT, ",", 2, "punct"},
                                       {"whose", Upos::PRON, "WP$", 5, "nmod:poss"},
                                       {"country", Upos::NOUN, "NN", 6, "nsubj"},
                                       {"stay", Upos::VERB, "VBD", -1, "root"},
                                       {"neutral", Upos::ADJ, "JJ", 6, "xcomp"},
                                       {",", Upos::PUNCT, ",", 9, "punct"},
                                       {"telephone", Upos::VERB, "VBD", 6, "conj"},
                                       {"his", Upos::PRON, "PRP$", 11, "nmod:poss"},
                                       {"counterpart", Upos::NOUN, "NN", 9, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(9) == -1);
  CHECK(t.head(2) == 9);
  CHECK(t.rel(2) == "nsubj");
  CHECK(t.rel(6) == "acl:relcl");
  CHECK(t.head(6) == 2);
  auto fs = test::facts(
      "Qatar's foreign minister, whose country has stayed out of the quarrel, telephoned his Omani "
      "counterpart on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "QAT,OMN") != nullptr);
}

TEST_CASE("tree repair: ', who arrived in X' read as a second main clause is the relative clause of the noun before") {
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"pact", Upos::NOUN, "NN", 3, "nsubj:pass"},
                                       {"be", Upos::AUX, "VBD", 3, "aux:pass"},
                                       {"sign", Upos::VERB, "VBN", -1, "root"},
                                       {"by", Upos::ADP, "IN", 5, "case"},
                                       {"counterpart", Upos::NOUN, "NN", 3, "obl:agent"},
                                       {",", Upos::PUNCT, ",", 8, "punct"},
                                       {"who", Upos::PRON, "WP", 8, "nsubj"},
                                       {"arrive", Upos::VERB, "VBD", 3, "conj"},
                                       {"in", Upos::ADP, "IN", 10, "case"},
                                       {"Suva", Upos::PROPN, "NNP", 8, "obl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(8) == 5);
  CHECK(t.rel(8) == "acl:relcl");
  auto fs = test::facts(
      "The pact was signed by Fiji's president and his Tongan counterpart, who arrived in Suva on "
      "Monday for a state visit.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "TON", "FJI") != nullptr);
}

TEST_CASE("tree repair: an infinitive right after 'scheduled', 'due', 'ready' is its complement, not the later verb's") {
  syntax::Analysis a = test::analysis({{"minister", Upos::NOUN, "NNS", 2, "nsubj:pass"},
                                       {"be", Upos::AUX, "VBP", 2, "aux:pass"},
                                       {"schedule", Upos::VERB, "VBN", 7, "ccomp"},
                                       {"to", Upos::PART, "TO", 4, "mark"},
                                       {"meet", Upos::VERB, "VB", 7, "advcl"},
                                       {",", Upos::PUNCT, ",", 6, "punct"},
                                       {"Peru", Upos::PROPN, "NNP", 7, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(4) == 2);
  CHECK(t.rel(4) == "xcomp");
  // an infinitive opening the sentence stays a purpose of the verb after it
  syntax::Analysis b = test::analysis({{"to", Upos::PART, "TO", 1, "mark"},
                                       {"win", Upos::VERB, "VB", 4, "advcl"},
                                       {"votes", Upos::NOUN, "NNS", 1, "obj"},
                                       {"Peru", Upos::PROPN, "NNP", 4, "nsubj"},
                                       {"spend", Upos::VERB, "VBD", -1, "root"}});
  t.reset(b);
  CHECK(t.head(1) == 4);
  auto fs = test::facts(
      "The transport ministers of the two countries are scheduled to meet in Lima on June 4, Peru and "
      "Bolivia said.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "04", "PER,BOL");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("a visiting official or delegation of another country is on a visit to the dateline's country") {
  auto fs = test::facts(
      "LUSAKA, May 3 - The visiting Angolan minister of defence, Joao Baptista, signed the pact with his "
      "Zambian counterpart.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "AGO", "ZMB") != nullptr);
  // one of the home country is no visitor
  fs = test::facts("LUSAKA, May 3 - The visiting Zambian trade minister returned from Luanda.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "ZMB", "ZMB") == nullptr);
  CHECK(test::find(fs, "04", "ZMB", "ZMB") == nullptr);
}

TEST_CASE("tree repair: 'prompting X to demand' is X's demand, the infinitive the complement of 'prompting'") {
  auto fs = test::facts(
      "The dispute flared in 2019 after Ghana allowed drilling near the border, prompting Ivory Coast to "
      "demand that all drilling stop.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "CIV", "GHA") != nullptr);
  CHECK(test::find(fs, "10", "GHA", "") == nullptr);
}

TEST_CASE("people held and let go: 'detained six Kenyan fishermen ... and released them'") {
  auto fs = test::facts(
      "Kenyan officials said Ugandan police detained six Kenyan fishermen this month and released them after "
      "they paid fines.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "UGA", "KEN") != nullptr);
  CHECK(test::find(fs, "08", "UGA", "KEN") != nullptr);
  CHECK(test::find(fs, "08", "KEN", "UGA") == nullptr);
  // a detention officials report is the detention, no accusation of it
  CHECK(test::find(fs, "11", "KEN", "UGA") == nullptr);
}

TEST_CASE("an envoy recalled 'for consultations' is a recall, no meeting; 'X, whose ..., recalled' read as the main clause") {
  auto fs = test::facts(
      "Chad, whose own army guards the northern border, recalled its ambassador from Khartoum for "
      "consultations in March.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "TCD", "SDN") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("a complaint to a body that another did something is aimed at the other") {
  auto fs = test::facts(
      "Qatar complained to the U.N. Security Council that Emirati military aircraft had violated its airspace.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "QAT", "ARE") != nullptr);
  fs = test::facts("Chile complained to Peru about the new fishing rules.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHL", "PER") != nullptr);
  // the 'U.N.' form of a body listed as 'UN ...'
  fs = test::facts("In April, Kenya and the U.N. refugee agency signed a memorandum on returns.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "05");
  REQUIRE(f != nullptr);
  bool unhcr = false;
  for (const Actor& a : f->participants) unhcr |= a.id == "org:UNHCR";
  CHECK(unhcr);
}

TEST_CASE("tree repair: 'said in Nairobi that X ...' read with the that-clause on the place is what is said") {
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"in", Upos::ADP, "IN", 3, "case"},
                                       {"Nairobi", Upos::PROPN, "NNP", 1, "obl"},
                                       {"that", Upos::SCONJ, "IN", 7, "mark"},
                                       {"the", Upos::DET, "DT", 6, "det"},
                                       {"tariff", Upos::NOUN, "NNS", 7, "nsubj"},
                                       {"begin", Upos::VERB, "VB", 3, "acl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == 1);
  CHECK(t.rel(7) == "ccomp");
  // a relative clause of the place stays one ("in Nairobi, which hosts ...")
  syntax::Analysis b = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"in", Upos::ADP, "IN", 3, "case"},
                                       {"Nairobi", Upos::PROPN, "NNP", 1, "obl"},
                                       {"that", Upos::PRON, "WDT", 5, "nsubj"},
                                       {"host", Upos::VERB, "VBZ", 3, "acl:relcl"},
                                       {"talks", Upos::NOUN, "NNS", 5, "obj"}});
  t.reset(b);
  CHECK(t.head(5) == 3);
}

TEST_CASE("tree repair: a verb with an object hung as a conjunct on a noun joins the verb above it") {
  // "Peru recalled its envoy for consultations and accused Chile", read
  // with "accused" (tagged a participle) as a conjunct of "consultations"
  syntax::Analysis a = test::analysis({{"Peru", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"recall", Upos::VERB, "VBD", -1, "root"},
                                       {"envoy", Upos::NOUN, "NN", 1, "obj"},
                                       {"for", Upos::ADP, "IN", 4, "case"},
                                       {"consultation", Upos::NOUN, "NNS", 1, "obl"},
                                       {"and", Upos::CCONJ, "CC", 6, "cc"},
                                       {"accuse", Upos::VERB, "VBN", 4, "conj"},
                                       {"Chile", Upos::PROPN, "NNP", 6, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(6) == 1);
  // a participle with no object of its own modifies the noun ("talks and
  // agreements signed"): it stays
  syntax::Analysis b = test::analysis({{"Peru", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"recall", Upos::VERB, "VBD", -1, "root"},
                                       {"envoy", Upos::NOUN, "NN", 1, "obj"},
                                       {"for", Upos::ADP, "IN", 4, "case"},
                                       {"consultation", Upos::NOUN, "NNS", 1, "obl"},
                                       {"and", Upos::CCONJ, "CC", 6, "cc"},
                                       {"expect", Upos::VERB, "VBN", 4, "conj"}});
  t.reset(b);
  CHECK(t.head(6) == 4);
}

TEST_CASE("tree repair: a quotation right after the object of 'called' is what it is called") {
  // 'X called the tariffs "unfair and illegal" and said ...', read
  // with the quote's adjective as a clause of "said"
  syntax::Analysis a = test::analysis({{"Canada", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"call", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 3, "det"},
                                       {"tariff", Upos::NOUN, "NNS", 1, "obj"},
                                       {"\"", Upos::PUNCT, "``", 3, "punct"},
                                       {"unfair", Upos::ADJ, "JJ", 10, "ccomp"},
                                       {"and", Upos::CCONJ, "CC", 7, "cc"},
                                       {"illegal", Upos::ADJ, "JJ", 5, "conj"},
                                       {"\"", Upos::PUNCT, "''", 5, "punct"},
                                       {"and", Upos::CCONJ, "CC", 10, "cc"},
                                       {"say", Upos::VERB, "VBD", 1, "conj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "xcomp");
  // end to end: the criticism is aimed at the maker of the duties
  auto fs = test::facts(
      "The United States imposed tariffs on Mexican steel on Monday.\n\n"
      "Mexican Economy Minister Luis Ortega called the tariffs \"unfair, illegal and deeply damaging\" "
      "and said Mexico would protect its mills.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "MEX", "USA") != nullptr);
  // the tone is what the object is called, not a clause beside it
  fs = test::facts(
      "Belarus expelled two Latvian diplomats on Friday.\n\n"
      "Latvia called the expulsions \"a crude provocation\" meant to please Minsk's partners.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "LVA", "BLR") != nullptr);
}

TEST_CASE("tree repair: two common nouns side by side read as a noun and a clause, or as two subjects, are a compound") {
  // "Beninese border guards seized X." read as "border" with a
  // relative clause
  syntax::Analysis a = test::analysis({{"Beninese", Upos::ADJ, "JJ", 1, "amod"},
                                       {"border", Upos::NOUN, "NN", -1, "root"},
                                       {"guard", Upos::NOUN, "NNS", 3, "nsubj"},
                                       {"seize", Upos::VERB, "VBD", 1, "acl:relcl"},
                                       {"truck", Upos::NOUN, "NNS", 3, "obj"},
                                       {".", Upos::PUNCT, ".", 1, "punct"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(3) == -1);
  CHECK(t.head(2) == 3);
  CHECK(t.rel(1) == "compound");
  CHECK(t.head(0) == 2);
  // "when Beninese border guards seized X" read with two subjects
  syntax::Analysis b = test::analysis({{"when", Upos::SCONJ, "WRB", 4, "advmod"},
                                       {"Beninese", Upos::ADJ, "JJ", 2, "amod"},
                                       {"border", Upos::NOUN, "NN", 4, "nsubj"},
                                       {"guard", Upos::NOUN, "NNS", 4, "nsubj"},
                                       {"seize", Upos::VERB, "VBD", -1, "root"},
                                       {"truck", Upos::NOUN, "NNS", 4, "obj"}});
  t.reset(b);
  CHECK(t.head(2) == 3);
  CHECK(t.rel(2) == "compound");
  CHECK(t.head(1) == 3);
  // end to end
  auto fs = test::facts("Tension rose in March, when Beninese customs officers seized two Togolese trucks at "
                        "the frontier.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "BEN", "TGO") != nullptr);
}

TEST_CASE("tree repair: 'Name, who arrived ..., held talks' with the closing comma on the relative verb") {
  // (the parser made the name a vocative of "arrived" and hung the comma
  // before "held" on "arrived" too)
  syntax::Analysis a = test::analysis({{"Boateng", Upos::PROPN, "NNP", 3, "vocative"},
                                       {",", Upos::PUNCT, ",", 0, "punct"},
                                       {"who", Upos::PRON, "WP", 3, "nsubj"},
                                       {"arrive", Upos::VERB, "VBD", -1, "root"},
                                       {"on", Upos::ADP, "IN", 5, "case"},
                                       {"Sunday", Upos::PROPN, "NNP", 3, "obl"},
                                       {",", Upos::PUNCT, ",", 3, "punct"},
                                       {"hold", Upos::VERB, "VBD", 3, "conj"},
                                       {"talk", Upos::NOUN, "NNS", 7, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.head(0) == 7);
  CHECK(t.rel(0) == "nsubj");
  CHECK(t.rel(3) == "acl:relcl");
  CHECK(t.head(3) == 0);
  auto fs = test::facts(
      "Ghana's foreign minister Kwame Boateng flew to Kenya on Monday. Boateng, who arrived on Sunday, held "
      "talks with Kenyan President Daniel Mwangi on Tuesday morning.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "GHA,KEN") != nullptr);
}

TEST_CASE("tree repair: '\"...,\" the secretary told reporters' read with 'told' a clause of the noun is the root") {
  syntax::Analysis a = test::analysis({{"\"", Upos::PUNCT, "``", 2, "punct"},
                                       {"we", Upos::PRON, "PRP", 2, "nsubj"},
                                       {"protest", Upos::VERB, "VBD", -1, "root"},
                                       {",", Upos::PUNCT, ",", 2, "punct"},
                                       {"\"", Upos::PUNCT, "''", 2, "punct"},
                                       {"the", Upos::DET, "DT", 6, "det"},
                                       {"secretary", Upos::NOUN, "NN", 4, "nsubj"},
                                       {"tell", Upos::VERB, "VBD", 6, "acl"},
                                       {"reporter", Upos::NOUN, "NNS", 7, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.head(6) == 7);
  CHECK(t.rel(6) == "nsubj");
  CHECK(t.head(2) == 7);
  CHECK(t.rel(2) == "ccomp");
  // the quote's "we" is the speaker's country
  auto fs = test::facts(
      "NAIROBI, May 10 - Kenya summoned the Ugandan envoy on Wednesday over a raid on a border "
      "village.\n\n\"We have sent a formal complaint and urged Uganda to halt the incursions at "
      "once,\" the foreign secretary told parliament after seeing the envoy.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "KEN", "UGA") != nullptr);
}

TEST_CASE("tree repair: 'In X, the ministry called ...' read with the subject an apposition of the place") {
  syntax::Analysis a = test::analysis({{"in", Upos::ADP, "IN", 1, "case"},
                                       {"Ottawa", Upos::PROPN, "NNP", 6, "obl"},
                                       {",", Upos::PUNCT, ",", 5, "punct"},
                                       {"the", Upos::DET, "DT", 5, "det"},
                                       {"foreign", Upos::ADJ, "JJ", 5, "amod"},
                                       {"ministry", Upos::NOUN, "NN", 1, "appos"},
                                       {"call", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 8, "det"},
                                       {"expulsion", Upos::NOUN, "NNS", 6, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 6);
  CHECK(t.rel(5) == "nsubj");
}

TEST_CASE("tree repair: 'told reporters in Nairobi that X ...' read with the clause said hung on the place") {
  // "that" as the place's object, the clause on "that"
  syntax::Analysis a = test::analysis({{"Mwangi", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"tell", Upos::VERB, "VBD", -1, "root"},
                                       {"reporter", Upos::NOUN, "NNS", 1, "obj"},
                                       {"in", Upos::ADP, "IN", 4, "case"},
                                       {"Nairobi", Upos::PROPN, "NNP", 1, "obl"},
                                       {"that", Upos::SCONJ, "IN", 4, "obj"},
                                       {"Ugandan", Upos::ADJ, "JJ", 7, "amod"},
                                       {"producer", Upos::NOUN, "NNS", 9, "nsubj"},
                                       {"be", Upos::AUX, "VBD", 9, "aux"},
                                       {"dump", Upos::VERB, "VBG", 5, "acl:relcl"},
                                       {"sugar", Upos::NOUN, "NN", 9, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(9) == 1);
  CHECK(t.rel(9) == "ccomp");
  CHECK(t.head(5) == 9);
  CHECK(t.rel(5) == "mark");
  // ... and "that" the mark of a relative clause of the place
  a = test::analysis({{"Mwangi", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"tell", Upos::VERB, "VBD", -1, "root"},
                      {"reporter", Upos::NOUN, "NNS", 1, "obj"},
                      {"in", Upos::ADP, "IN", 4, "case"},
                      {"Nairobi", Upos::PROPN, "NNP", 1, "obl"},
                      {"that", Upos::SCONJ, "IN", 8, "mark"},
                      {"Uganda", Upos::PROPN, "NNP", 8, "nsubj"},
                      {"have", Upos::AUX, "VBD", 8, "aux"},
                      {"ignore", Upos::VERB, "VBN", 4, "acl:relcl"},
                      {"complaint", Upos::NOUN, "NNS", 8, "obj"}});
  t.reset(a);
  CHECK(t.head(8) == 1);
  CHECK(t.rel(8) == "ccomp");
  // a relative clause of a common noun stays ("the report that X wrote" is no clause said)
  a = test::analysis({{"Mwangi", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"cite", Upos::VERB, "VBD", -1, "root"},
                      {"the", Upos::DET, "DT", 3, "det"},
                      {"report", Upos::NOUN, "NN", 1, "obj"},
                      {"that", Upos::SCONJ, "IN", 6, "mark"},
                      {"Uganda", Upos::PROPN, "NNP", 6, "nsubj"},
                      {"publish", Upos::VERB, "VBD", 3, "acl:relcl"}});
  t.reset(a);
  CHECK(t.head(6) == 3);
  // end to end
  auto fs = test::facts(
      "NAIROBI, May 3 (Wire) - Kenya's trade minister, Joseph Mwangi, told reporters in Nairobi that Ugandan "
      "producers were dumping subsidised sugar on the Kenyan market.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KEN", "UGA") != nullptr);
}

TEST_CASE("tree repair: 'In X, spokeswoman A B said' read with the name a conjunct of the place") {
  syntax::Analysis a = test::analysis({{"in", Upos::ADP, "IN", 1, "case"},
                                       {"Lusaka", Upos::PROPN, "NNP", 7, "obl"},
                                       {",", Upos::PUNCT, ",", 5, "punct"},
                                       {"ministry", Upos::NOUN, "NN", 4, "compound"},
                                       {"spokeswoman", Upos::NOUN, "NN", 5, "nmod:desc"},
                                       {"Mutale", Upos::PROPN, "NNP", 1, "conj"},
                                       {"Banda", Upos::PROPN, "NNP", 5, "flat"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 9, "det"},
                                       {"talks", Upos::NOUN, "NNS", 10, "nsubj"},
                                       {"fail", Upos::VERB, "VBD", 7, "ccomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 7);
  CHECK(t.rel(5) == "nsubj");
}

TEST_CASE("tree repair: 'handed over 12 prisoners' read as 'over 12': the verb's particle") {
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"hand", Upos::VERB, "VBD", -1, "root"},
                                       {"over", Upos::ADV, "RB", 3, "advmod"},
                                       {"12", Upos::NUM, "CD", 4, "nummod"},
                                       {"prisoner", Upos::NOUN, "NNS", 1, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(2) == 1);
  CHECK(t.rel(2) == "compound:prt");
  // "over" after another verb stays ("counted over 12 ships")
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"count", Upos::VERB, "VBD", -1, "root"},
                      {"over", Upos::ADV, "RB", 3, "advmod"},
                      {"12", Upos::NUM, "CD", 4, "nummod"},
                      {"ship", Upos::NOUN, "NNS", 1, "obj"}});
  t.reset(a);
  CHECK(t.head(2) == 3);
}

TEST_CASE("tree repair: 'A spokesman in X said', read with 'in' a subordinator and X a second subject") {
  syntax::Analysis a = test::analysis({{"a", Upos::DET, "DT", 1, "det"},
                                       {"spokesman", Upos::NOUN, "NN", 4, "nsubj"},
                                       {"in", Upos::ADP, "IN", 4, "mark"},
                                       {"Lagos", Upos::PROPN, "NNP", 4, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 6, "det"},
                                       {"talk", Upos::NOUN, "NNS", 7, "nsubj"},
                                       {"fail", Upos::VERB, "VBD", 4, "ccomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(3) == 1);
  CHECK(t.rel(3) == "nmod");
  CHECK(t.head(2) == 3);
  CHECK(t.rel(2) == "case");
  CHECK(t.rel(1) == "nsubj");
}

TEST_CASE("tree repair: 'kept X from crossing Y, accusing them of ...': the participle is the main verb's") {
  syntax::Analysis a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"bar", Upos::VERB, "VBD", -1, "root"},
                                       {"citizen", Upos::NOUN, "NNS", 1, "obj"},
                                       {"from", Upos::SCONJ, "IN", 4, "mark"},
                                       {"enter", Upos::VERB, "VBG", 1, "advcl"},
                                       {"the", Upos::DET, "DT", 6, "det"},
                                       {"country", Upos::NOUN, "NN", 4, "obj"},
                                       {",", Upos::PUNCT, ",", 8, "punct"},
                                       {"accuse", Upos::VERB, "VBG", 4, "advcl"},
                                       {"they", Upos::PRON, "PRP", 8, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(8) == 1);
  CHECK(t.rel(8) == "advcl");
  // without the comma it stays
  a = test::analysis({{"Chile", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"bar", Upos::VERB, "VBD", -1, "root"},
                      {"citizen", Upos::NOUN, "NNS", 1, "obj"},
                      {"from", Upos::SCONJ, "IN", 4, "mark"},
                      {"enter", Upos::VERB, "VBG", 1, "advcl"},
                      {"the", Upos::DET, "DT", 6, "det"},
                      {"country", Upos::NOUN, "NN", 4, "obj"},
                      {"accuse", Upos::VERB, "VBG", 4, "advcl"},
                      {"they", Upos::PRON, "PRP", 7, "obj"}});
  t.reset(a);
  CHECK(t.head(7) == 4);
}

TEST_CASE("tree repair: 'a claim the Gambia government denied', read with the name the noun's subject: a compound") {
  syntax::Analysis a = test::analysis({{"a", Upos::DET, "DT", 1, "det"},
                                       {"claim", Upos::NOUN, "NN", -1, "root"},
                                       {"the", Upos::DET, "DT", 3, "det"},
                                       {"Gambia", Upos::PROPN, "NNP", 4, "nsubj"},
                                       {"government", Upos::NOUN, "NN", 5, "nsubj"},
                                       {"deny", Upos::VERB, "VBD", 1, "acl:relcl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(3) == 4);
  CHECK(t.rel(3) == "compound");
  CHECK(t.rel(4) == "nsubj");
  // a noun with a copula takes a subject ("asked whether was Gambia host", inverted)
  a = test::analysis({{"ask", Upos::VERB, "VBD", -1, "root"},
                      {"whether", Upos::SCONJ, "IN", 4, "mark"},
                      {"be", Upos::AUX, "VBD", 4, "cop"},
                      {"Gambia", Upos::PROPN, "NNP", 4, "nsubj"},
                      {"host", Upos::NOUN, "NN", 0, "ccomp"}});
  t.reset(a);
  CHECK(t.rel(3) == "nsubj");
}

TEST_CASE("tree repair: 'handed the envoy a note', read with the note the envoy's object: the verb's two objects") {
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"hand", Upos::VERB, "VBD", -1, "root"},
                                       {"the", Upos::DET, "DT", 3, "det"},
                                       {"envoy", Upos::NOUN, "NN", 1, "obj"},
                                       {"a", Upos::DET, "DT", 5, "det"},
                                       {"note", Upos::NOUN, "NN", 3, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "obj");
  CHECK(t.rel(3) == "iobj");
}

TEST_CASE("tree repair: 'was received in Lusaka by X', read with 'by X' a phrase of the place: the agent") {
  syntax::Analysis a = test::analysis({{"the", Upos::DET, "DT", 1, "det"},
                                       {"envoy", Upos::NOUN, "NN", 3, "nsubj:pass"},
                                       {"be", Upos::AUX, "VBD", 3, "aux:pass"},
                                       {"receive", Upos::VERB, "VBN", -1, "root"},
                                       {"in", Upos::ADP, "IN", 5, "case"},
                                       {"Lusaka", Upos::PROPN, "NNP", 3, "obl"},
                                       {"by", Upos::ADP, "IN", 8, "case"},
                                       {"the", Upos::DET, "DT", 8, "det"},
                                       {"president", Upos::NOUN, "NN", 5, "nmod"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(8) == 3);
  CHECK(t.rel(8) == "obl:agent");
  // an active verb keeps it ("met in the house by the river")
  a = test::analysis({{"they", Upos::PRON, "PRP", 1, "nsubj"},
                      {"meet", Upos::VERB, "VBD", -1, "root"},
                      {"in", Upos::ADP, "IN", 3, "case"},
                      {"house", Upos::NOUN, "NN", 1, "obl"},
                      {"by", Upos::ADP, "IN", 5, "case"},
                      {"river", Upos::NOUN, "NN", 3, "nmod"}});
  t.reset(a);
  CHECK(t.head(5) == 3);
}

TEST_CASE("tree repair: 'X, who hosted Y over dinner, praised Z': the verb after the relative clause is the main verb") {
  // read with the noun the root and "praised" a conjunct of "hosted"
  syntax::Analysis a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nmod:poss"},
                                       {"president", Upos::NOUN, "NN", -1, "root"},
                                       {",", Upos::PUNCT, ",", 4, "punct"},
                                       {"who", Upos::PRON, "WP", 4, "nsubj"},
                                       {"host", Upos::VERB, "VBD", 1, "acl:relcl"},
                                       {"envoy", Upos::NOUN, "NN", 4, "obj"},
                                       {",", Upos::PUNCT, ",", 7, "punct"},
                                       {"praise", Upos::VERB, "VBN", 4, "conj"},
                                       {"Uganda", Upos::PROPN, "NNP", 7, "obj"},
                                       {".", Upos::PUNCT, ".", 1, "punct"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.head(1) == 7);
  CHECK(t.rel(1) == "nsubj");
  CHECK(t.head(4) == 1);
  CHECK(t.head(9) == 7);
  // ... or with "hosted" the root and the noun hung on it
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nmod:poss"},
                      {"president", Upos::NOUN, "NN", 4, "obl"},
                      {",", Upos::PUNCT, ",", 1, "punct"},
                      {"who", Upos::PRON, "WP", 4, "nsubj"},
                      {"host", Upos::VERB, "VBD", -1, "root"},
                      {"envoy", Upos::NOUN, "NN", 4, "obj"},
                      {",", Upos::PUNCT, ",", 7, "punct"},
                      {"praise", Upos::VERB, "VBN", 5, "acl"},
                      {"Uganda", Upos::PROPN, "NNP", 7, "obj"},
                      {".", Upos::PUNCT, ".", 4, "punct"}});
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.rel(1) == "nsubj");
  CHECK(t.rel(4) == "acl:relcl");
  // "and praised" is the relative clause's own conjunct
  a = test::analysis({{"Kenya", Upos::PROPN, "NNP", 1, "nmod:poss"},
                      {"president", Upos::NOUN, "NN", -1, "root"},
                      {",", Upos::PUNCT, ",", 4, "punct"},
                      {"who", Upos::PRON, "WP", 4, "nsubj"},
                      {"host", Upos::VERB, "VBD", 1, "acl:relcl"},
                      {"envoy", Upos::NOUN, "NN", 4, "obj"},
                      {",", Upos::PUNCT, ",", 8, "punct"},
                      {"and", Upos::CCONJ, "CC", 8, "cc"},
                      {"praise", Upos::VERB, "VBD", 4, "conj"}});
  t.reset(a);
  CHECK(t.head(1) == -1);
}

TEST_CASE("tree repair: 'ordered soldiers to leave', read with the soldiers the infinitive's subject: the verb's object") {
  syntax::Analysis a = test::analysis({{"Chad", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"order", Upos::VERB, "VBD", -1, "root"},
                                       {"soldier", Upos::NOUN, "NNS", 4, "nsubj"},
                                       {"to", Upos::PART, "TO", 4, "mark"},
                                       {"leave", Upos::VERB, "VB", 1, "ccomp"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(2) == 1);
  CHECK(t.rel(2) == "obj");
  CHECK(t.rel(4) == "xcomp");
  // "for X to leave" keeps its subject
  a = test::analysis({{"Chad", Upos::PROPN, "NNP", 1, "nsubj"},
                      {"ask", Upos::VERB, "VBD", -1, "root"},
                      {"for", Upos::SCONJ, "IN", 5, "mark"},
                      {"soldier", Upos::NOUN, "NNS", 5, "nsubj"},
                      {"to", Upos::PART, "TO", 5, "mark"},
                      {"leave", Upos::VERB, "VB", 1, "ccomp"}});
  t.reset(a);
  CHECK(t.rel(3) == "nsubj");
}

TEST_CASE("tree repair: 'talks between the heads of A and B ended', read with B a second subject: a conjunct of A") {
  syntax::Analysis a = test::analysis({{"talk", Upos::NOUN, "NNS", 6, "nsubj"},
                                       {"between", Upos::ADP, "IN", 2, "case"},
                                       {"Ghana", Upos::PROPN, "NNP", 0, "nmod"},
                                       {"and", Upos::CCONJ, "CC", 5, "cc"},
                                       {"Ivory", Upos::PROPN, "NNP", 5, "compound"},
                                       {"Coast", Upos::PROPN, "NNP", 6, "nsubj"},
                                       {"end", Upos::VERB, "VBD", -1, "root"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 2);
  CHECK(t.rel(5) == "conj");
  CHECK(t.head(3) == 5);
}

TEST_CASE("tree repair: 'X's refusal to talk angered Y', read with 'angered' inside the infinitive: the main verb") {
  syntax::Analysis a = test::analysis({{"Chad", Upos::PROPN, "NNP", 2, "nmod:poss"},
                                       {"'s", Upos::PART, "POS", 0, "case"},
                                       {"refusal", Upos::NOUN, "NN", -1, "root"},
                                       {"to", Upos::PART, "TO", 4, "mark"},
                                       {"talk", Upos::VERB, "VB", 2, "acl"},
                                       {"anger", Upos::VERB, "VBD", 4, "xcomp"},
                                       {"Niger", Upos::PROPN, "NNP", 5, "obj"},
                                       {".", Upos::PUNCT, ".", 2, "punct"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == -1);
  CHECK(t.head(2) == 5);
  CHECK(t.rel(2) == "nsubj");
  CHECK(t.head(4) == 2);
  CHECK(t.head(7) == 5);
}

TEST_CASE("tree repair: '\"...,\" X said', read with 'said' a clausal subject of the quote's root: the root") {
  syntax::Analysis a = test::analysis({{"\"", Upos::PUNCT, "``", 2, "punct"},
                                       {"Norway", Upos::PROPN, "NNP", 2, "nsubj"},
                                       {"remain", Upos::VERB, "VBZ", -1, "root"},
                                       {"partner", Upos::NOUN, "NN", 2, "xcomp"},
                                       {",", Upos::PUNCT, ",", 3, "punct"},
                                       {"\"", Upos::PUNCT, "''", 3, "punct"},
                                       {"Mahama", Upos::PROPN, "NNP", 7, "nsubj"},
                                       {"say", Upos::VERB, "VBD", 2, "csubj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.head(2) == 7);
  CHECK(t.rel(2) == "ccomp");
}

TEST_CASE("tree repair: '..., a move Accra described as X', read with two subjects: a noun beside the clause and its relative clause") {
  syntax::Analysis a = test::analysis({{"Togo", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"expel", Upos::VERB, "VBD", -1, "root"},
                                       {"trader", Upos::NOUN, "NNS", 1, "obj"},
                                       {",", Upos::PUNCT, ",", 5, "punct"},
                                       {"a", Upos::DET, "DT", 5, "det"},
                                       {"step", Upos::NOUN, "NN", 7, "nsubj:pass"},
                                       {"Accra", Upos::PROPN, "NNP", 7, "nsubj:pass"},
                                       {"describe", Upos::VERB, "VBD", 1, "conj"},
                                       {"as", Upos::ADP, "IN", 9, "case"},
                                       {"hostile", Upos::ADJ, "JJ", 7, "obl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.head(7) == 5);
  CHECK(t.rel(7) == "acl:relcl");
  CHECK(t.rel(6) == "nsubj");
}

TEST_CASE("what a reaction noun answers is its own phrase, not a second one of the verb") {
  // the act protested is another's: the state that suspends visits did not detain anyone
  auto fs = test::facts("Canada froze its aid to Zimbabwe in protest at the arrest of two opposition leaders.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "CAN", "ZWE") != nullptr);
  CHECK(test::with_root(fs, "17") == nullptr);
  fs = test::facts("Norway recalled its envoy from Iran in retaliation for the expulsion of two diplomats.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "NOR", "IRN") != nullptr);
  CHECK(test::with_root(fs, "17") == nullptr);
}

TEST_CASE("tree repair: 'between X and newly elected President Y' joins the name, the participle its modifier") {
  auto fs = test::facts("Reporters asked about a call between Macron and newly elected President Bolsonaro in January.",
                        "2019-02-10");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "FRA,BRA") != nullptr);
}

TEST_CASE("tree repair: 'X are due to meet ..., an official said', with X and 'due' hung on 'said', is the clause said") {
  auto fs = test::facts(
      "TORKHAM, Nov 6 (Wire) - Pakistani and Afghan guards traded fire at the crossing on Tuesday. Border "
      "officers of both sides are due to meet on Friday to calm the area, an Afghan official said.",
      "2019-11-06");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "04", "PAK,AFG");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}
