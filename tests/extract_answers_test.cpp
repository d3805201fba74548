// Reactions that name no one and the acts they answer, counted objects,
// bans on entry and recognition switched between states. Every sentence is
// written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"
#include "ingest/code/tree.hpp"

using namespace dipgraph;
using syntax::Upos;

TEST_CASE("tree repair: the 'to' end of a 'from ... to' range hangs where the 'from' end does") {
  // "Fiji moved its embassy from Taipei to Beijing", with "to Beijing" on "Taipei"
  syntax::Analysis a = test::analysis({{"Fiji", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"move", Upos::VERB, "VBD", -1, "root"},
                                       {"its", Upos::PRON, "PRP$", 3, "nmod:poss"},
                                       {"embassy", Upos::NOUN, "NN", 1, "obj"},
                                       {"from", Upos::ADP, "IN", 5, "case"},
                                       {"Taipei", Upos::PROPN, "NNP", 1, "obl"},
                                       {"to", Upos::ADP, "IN", 7, "case"},
                                       {"Beijing", Upos::PROPN, "NNP", 5, "nmod"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == 1);
  CHECK(t.rel(7) == "obl");
  // a "to" phrase of a noun that no "from" phrase opens stays
  a.lemma[4] = "of";
  t.reset(a);
  CHECK(t.head(7) == 5);
}

TEST_CASE("tree repair: a number with an 'of' phrase as the object measures what the phrase names") {
  // "Latvia closed two of its crossings"
  syntax::Analysis a = test::analysis({{"Latvia", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"close", Upos::VERB, "VBD", -1, "root"},
                                       {"two", Upos::NUM, "CD", 1, "obj"},
                                       {"of", Upos::ADP, "IN", 5, "case"},
                                       {"its", Upos::PRON, "PRP$", 5, "nmod:poss"},
                                       {"crossing", Upos::NOUN, "NNS", 2, "nmod"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(5) == 1);
  CHECK(t.rel(5) == "obj");
  CHECK(t.head(2) == 5);
}

TEST_CASE("a number or a quantity with an 'of' phrase counts the object a frame asks for") {
  auto fs = test::facts("Latvia closed three of its five border crossings with Russia in May.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "163", "LVA", "RUS") != nullptr);
  // (what is counted must still be of the class: three of its embassies
  // are no border)
  fs = test::facts("Latvia closed three of its five consulates in Russia in May.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "163", "LVA", "RUS") == nullptr);
}

TEST_CASE("another state's ships or people forbidden to do something are a sanction on it (163)") {
  auto fs = test::facts("Hungary forbade two Serbian officials from entering its territory.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "163", "HUN", "SRB") != nullptr);
}

TEST_CASE("charges dismissed answer the accusation made against whoever dismisses them") {
  // a third state's criticism of its own navy, told in between, is not
  // what Moscow answers
  auto fs = test::facts(
      "Norway accused Russia of spying on its fishing fleet. Norway and Iceland signed a fisheries pact in "
      "2015. Iceland's president visited Oslo in May. Sweden's prime minister criticised the Swedish navy on "
      "Thursday. Moscow dismissed the charges on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "RUS", "NOR") != nullptr);
  CHECK(test::find(fs, "12", "RUS", "SWE") == nullptr);
}

TEST_CASE("concern voiced after another's hostile act, naming no one, disapproves of its maker (111)") {
  auto fs = test::facts(
      "China seized a Philippine fishing boat on Monday. New Zealand and Canada voiced their concern as well.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "NZL", "CHN") != nullptr);
  CHECK(test::find(fs, "11", "CAN", "CHN") != nullptr);
  // a worry about what may come is nobody's act
  fs = test::facts(
      "China seized a Philippine fishing boat on Monday. Japan's defence minister expressed concern that the "
      "navy was not ready for a long crisis.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "JPN", "") == nullptr);
}

TEST_CASE("a protest lodged with no one named answers the latest deed or threat of another (111)") {
  auto fs = test::facts("Burmese gunboats shelled a Thai outpost on the Moei river. Bangkok filed a protest.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "THA", "MMR") != nullptr);
  // (the channel it went by names no party)
  fs = test::facts("Burmese gunboats shelled a Thai outpost on Sunday. Laos lodged a protest via its embassy in Hanoi.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "LAO", "MMR") != nullptr);
  // another's words against the deed are not what the protest answers
  fs = test::facts(
      "Burmese gunboats shelled a Thai outpost on Sunday. Thailand's army chief condemned the shelling. Laos "
      "lodged a protest too.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "LAO", "MMR") != nullptr);
  CHECK(test::find(fs, "11", "LAO", "THA") == nullptr);
  // with nothing done before, a protest is aimed at no one
  fs = test::facts("Laos lodged a protest on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("an angry reaction disapproves of what it answers (111)") {
  auto fs = test::facts("Taiwan's president visited Paraguay on Monday. Beijing reacted angrily.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHN", "TWN") != nullptr);
  fs = test::facts("Tonga reacted angrily to the remarks of the Fijian minister.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TON", "FJI") != nullptr);
  // (a reaction in no manner of anger is none)
  fs = test::facts("Taiwan's president visited Paraguay on Monday. Beijing reacted on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("recognition switched from one state to another cuts ties with the first and recognizes the second") {
  auto fs = test::facts("In 2019 Kiribati switched its diplomatic recognition from Taiwan to China.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "161", "KIR", "TWN") != nullptr);
  CHECK(test::find_code(fs, "054", "KIR", "CHN") != nullptr);
  fs = test::facts("The Solomon Islands switched diplomatic ties from Taiwan to China in 2019.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "161", "SLB", "TWN") != nullptr);
  CHECK(test::find_code(fs, "054", "SLB", "CHN") != nullptr);
  // with no state it is switched from, only the recognition
  fs = test::facts("Panama shifted its recognition to Beijing in 2017.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "054", "PAN", "CHN") != nullptr);
  CHECK(test::with_root(fs, "16") == nullptr);
}

TEST_CASE("what another state does or asks, not accepted, is rejected (120)") {
  auto fs = test::facts("Cambodia said it would not accept any further cut in the water released by Laos.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "KHM", "LAO") != nullptr);
  // a noun that refers back to the clause it is set beside ("a project Y
  // never accepted") is that clause's act, aimed at its subject
  fs = test::facts("Thailand has been building a wall along the border since 1995, a project Cambodia has never accepted.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "KHM", "THA") != nullptr);
  // people refused entry are no rejection of their state
  fs = test::facts("Austria will not accept Afghan migrants.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("control of a place or power handed over or ceded to another state is given up to it (084)") {
  auto fs = test::facts("Chile agreed to hand over control of the port to Bolivian officials.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "08", "CHL", "BOL") != nullptr);
  fs = test::facts("Norway ceded the disputed strip to Sweden in 1905.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "084", "NOR", "SWE") != nullptr);
}

TEST_CASE("tree repair: 'A and B began X', read with A the root, has both for the verb's subject") {
  // "A Fijian cutter and a Samoan boat began joint patrols"
  syntax::Analysis a = test::analysis({{"a", Upos::DET, "DT", 2, "det"},
                                       {"Fijian", Upos::ADJ, "JJ", 2, "amod"},
                                       {"cutter", Upos::NOUN, "NN", -1, "root"},
                                       {"and", Upos::CCONJ, "CC", 7, "cc"},
                                       {"a", Upos::DET, "DT", 6, "det"},
                                       {"Samoan", Upos::ADJ, "JJ", 6, "amod"},
                                       {"boat", Upos::NOUN, "NN", 7, "nsubj"},
                                       {"begin", Upos::VERB, "VBD", 2, "conj"},
                                       {"joint", Upos::ADJ, "JJ", 9, "amod"},
                                       {"patrol", Upos::NOUN, "NNS", 7, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(7) == -1);
  CHECK(t.head(2) == 7);
  CHECK(t.rel(2) == "nsubj");
  CHECK(t.head(6) == 2);
  CHECK(t.rel(6) == "conj");
  // a root set off by a comma from the clause after it stays
  a = test::analysis({{"cutter", Upos::NOUN, "NN", -1, "root"},
                      {",", Upos::PUNCT, ",", 0, "punct"},
                      {"and", Upos::CCONJ, "CC", 4, "cc"},
                      {"boat", Upos::NOUN, "NN", 4, "nsubj"},
                      {"begin", Upos::VERB, "VBD", 0, "conj"},
                      {"patrol", Upos::NOUN, "NNS", 4, "obj"}});
  t.reset(a);
  CHECK(t.head(0) == -1);
}

TEST_CASE("tree repair: 'over' right after 'roll' is its particle, and a noun it was read to open its object") {
  // "Qatar rolled over a deposit", read as "over a deposit"
  syntax::Analysis a = test::analysis({{"Qatar", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"roll", Upos::VERB, "VBD", -1, "root"},
                                       {"over", Upos::ADP, "IN", 4, "case"},
                                       {"a", Upos::DET, "DT", 4, "det"},
                                       {"deposit", Upos::NOUN, "NN", 1, "obl"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(2) == 1);
  CHECK(t.rel(2) == "compound:prt");
  CHECK(t.rel(4) == "obj");
}

TEST_CASE("a deposit or loan rolled over for a state is credit given it again (071)") {
  // (whom for: the state the story is told from, its dateline's)
  auto fs = test::facts(
      "CAIRO, May 4 (Wire) - Egypt's reserves rose in April, the finance ministry said. Qatar rolled over a "
      "deposit of two billion dollars at Egypt's central bank in March.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "071", "QAT", "EGY") != nullptr);
}

TEST_CASE("two states' craft joined as the subject of joint patrols patrol together (06)") {
  auto fs = test::facts("A Fijian navy cutter and a Samoan patrol vessel began joint patrols near the reef.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "06", "", "") != nullptr);
  CHECK(test::summary(fs).find("FJI") != std::string::npos);
  CHECK(test::summary(fs).find("WSM") != std::string::npos);
}

TEST_CASE("an apology naming no one is made to whom the apologizer's own latest act was aimed at (055)") {
  // ("X soldiers crossed into Y and burned ...": the participle after the
  // noun is the clause's verb when a finite verb is joined to it by "and")
  auto fs = test::facts(
      "Burundian soldiers crossed into Rwanda on Sunday and set fire to a market. Burundi's foreign minister "
      "apologised on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "BDI", "RWA") != nullptr);
  CHECK(test::find_code(fs, "055", "BDI", "RWA") != nullptr);
  // with nothing done before, to no one
  fs = test::facts("Burundi's foreign minister apologised on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("'X, who hosted ..., praised the accord, a spokesman said': X praised it") {
  auto fs = test::facts(
      "Sudan and Chad signed a border agreement in Doha on Friday. Egypt's president, who hosted three rounds "
      "of the talks in Cairo, praised the accord, a spokesman said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "EGY", "SDN") != nullptr);
}

TEST_CASE("a rejection by an official of no named state, of an act aimed at a state, is that state's answer") {
  auto fs = test::facts(
      "PARIS, June 9 (Wire) - Togo urged Ghana on Monday to reopen the border. A ministry official "
      "rebuffed the Togolese request on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "GHA", "TGO") != nullptr);
  // (with no such act told before, the rejection has no maker)
  fs = test::facts("PARIS, June 9 (Wire) - A ministry official rebuffed the Togolese request on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}
