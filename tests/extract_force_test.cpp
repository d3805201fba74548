// extract code: acts of force, who did them and to whom (session 11).
// Sentences are written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/tree.hpp"

using namespace dipgraph;
using syntax::Upos;

TEST_CASE(
    "extract force: an attack that people were killed in hit them, never made them attackers") {
  // The attack's maker is named by its national adjective: Syria on Italy,
  // from the attack noun or from the passive verb it set.
  auto fs = test::facts("Four Italian workers were killed in a Syrian rocket attack on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "SYR", "ITA") != nullptr);
  CHECK(test::find(fs, "19", "ITA", "SYR") == nullptr);
  fs = test::facts("Two Kenyan soldiers died in an Ethiopian attack near the border.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "ETH", "KEN") != nullptr);
  // Without a named maker, the victims' country is no attacker of the
  // country named later in the sentence.
  fs = test::facts(
      "Officials think nine Dutch surveyors were killed in a car bomb attack staged as Belgian "
      "revenge for a "
      "broken contract.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "18", "NLD", "BEL") == nullptr);
  CHECK(test::find(fs, "19", "NLD", "BEL") == nullptr);
  CHECK(test::find(fs, "13", "NLD", "BEL") == nullptr);
}

TEST_CASE(
    "extract code: a country told two clauses inside an act's content is not the act's target") {
  // Vietnam sells fertilizer in the plan the rallies are against; the
  // cabinet refused the rallies, not Vietnam.
  auto fs = test::facts(
      "The Thai cabinet has refused to permit new rallies against its plan to let farmers buy "
      "fertilizer from "
      "Vietnam.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "THA", "VNM") == nullptr);
  // The one other country of a sentence, outside the content, still is.
  fs =
      test::facts("The Thai cabinet has refused to sign the accord, a minister from Vietnam said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "THA", "VNM") != nullptr);
}

TEST_CASE(
    "extract code: a phrase right after an event noun is the noun's, wherever the parser hung it") {
  // "from Argentina" follows "objections": whoever objected is Argentina,
  // even when the phrase hangs on "signed" or on a noun above.
  auto fs = test::parse_only().extract(
      test::document("Brazil ratified the treaty over objections from the Argentine government."));
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "ARG", "BRA") != nullptr);
}

TEST_CASE(
    "extract force: jets that struck positions in a country struck that country; a struck deal is "
    "no strike") {
  auto fs = test::facts(
      "Turkish jets struck Kurdish militant positions in northern Iraq overnight, the Iraqi "
      "foreign ministry "
      "said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "TUR", "IRQ") != nullptr);
  fs = test::facts("Kenyan jets struck rebel bases inside Somalia on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "KEN", "SOM") != nullptr);
  fs = test::facts("Kenya struck a trade deal with Somalia on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE(
    "extract code: summoning a foreign envoy is a complaint; joint naval drills tie two navies") {
  auto fs =
      test::facts("Ottawa summoned the Indian high commissioner on Tuesday over the arrests.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CAN", "IND") != nullptr);
  fs = test::facts(
      "Ghana and Nigeria will hold joint naval exercises in the Gulf of Guinea next year.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "06", "GHA,NGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE(
    "extract code: an adjective after a named thing is what it was called; 'agreed on Monday to "
    "act' is one plan") {
  // "unacceptable" hung on "statement" is the complement of "called": a
  // criticism of the statement's owner, no phone call.
  auto fs =
      test::facts("The Danish foreign minister called the Russian statement \"unacceptable\".");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "DNK", "RUS") != nullptr);
  CHECK(test::find_sym(fs, "04", "DNK,RUS") == nullptr);
  // A date between "agreed" and its infinitive: the infinitive is what
  // was agreed, not a purpose of agreeing.
  fs = test::facts("Nepal and India agreed on Tuesday to build a cross-border railway.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "IND,NPL") != nullptr);
}

TEST_CASE("extract force: a thing that harms no body is no attacker; weapons and warcraft are") {
  // Economic harm: shipments hurt an industry, no assault.
  auto fs = test::facts(
      "Australian shipments of coal to China were injuring the Indonesian industry, Jakarta said.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "18") == nullptr);
  CHECK(test::with_root(fs, "19") == nullptr);
  // Gunships are warcraft (a plural WordNet lacks, lemmatized all the same).
  fs = test::facts("Syrian helicopter gunships killed eleven Turkish soldiers near the border.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "SYR", "TUR") != nullptr);
}

TEST_CASE("extract code: demands that a state will not accept are those of who made them") {
  auto fs = test::facts(
      "Burundi's cabinet secretary said Burundi would never accept the demands made by Egypt.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "EGY", "BDI") != nullptr);
  CHECK(test::find(fs, "10", "BDI", "EGY") == nullptr);
}

TEST_CASE(
    "extract force: a state that struck targets in another struck that state, also in a clause "
    "after 'after'") {
  // "struck" tagged as a noun by the tagger alone: WordNet knows it only
  // as a form of "strike" (and an adjective), so it is the verb.
  auto fs = test::facts(
      "Pakistan said its air defences downed three drones, a day after India struck what it called "
      "militant camps in Pakistani Kashmir.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "IND", "PAK") != nullptr);
  fs = test::facts("India struck camps in Pakistan on Wednesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "IND", "PAK") != nullptr);
  // An earthquake strikes no one's enemy.
  fs = test::facts("An earthquake struck Turkey on Monday, Syrian officials said.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE(
    "extract force: armed craft entering, or a state violating, another state's airspace or "
    "territory") {
  auto fs =
      test::facts("Taiwan scrambled jets after 30 Chinese aircraft entered its air defence zone.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "CHN", "TWN") != nullptr);
  fs = test::facts("Russian warplanes violated Estonian airspace on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "RUS", "EST") != nullptr);
  // Troops along a border "with" another state face that state.
  fs = test::facts("Uganda deployed troops along its border with South Sudan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "UGA", "SSD") != nullptr);
  // A ceasefire violated is no incursion.
  fs = test::facts("Armenia said Azerbaijan violated the ceasefire agreement.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "150") == nullptr);
}

TEST_CASE(
    "extract code: frozen assets are a sanction on their owner's state; a veto lifted is given "
    "up") {
  auto fs = test::facts("The Netherlands froze the assets of a Russian bank.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "NLD", "RUS") != nullptr);
  fs = test::facts("Turkey lifted its veto on Sweden's NATO membership.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "08", "TUR", "SWE") != nullptr);
}

TEST_CASE("extract force: a war or attacks 'between A and B' tie both, each way") {
  auto fs = test::facts("The war between Russia and Ukraine entered its fourth year.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "19", "RUS,UKR") != nullptr);
  fs = test::facts(
      "The summit soon turned into verbal attacks between the Chilean and Peruvian presidents.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "11", "CHL,PER") != nullptr);
}

TEST_CASE("extract force: a noun of force with no target hits the state it is inside") {
  // the phrase on the noun, and on the verb whose object the noun is
  for (const char* text : {"Pakistan carried out air strikes inside Afghanistan on Tuesday.",
                           "Jordanian jets carried out airstrikes in southern Syria overnight."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "19") != nullptr);
  }
  auto fs = test::facts("Pakistan carried out air strikes inside Afghanistan on Tuesday.");
  CHECK(test::find(fs, "19", "PAK", "AFG") != nullptr);
  // a war "in" a place says where it is fought, not at whom
  fs = test::facts("The Saudi general directs the war in Yemen.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("extract force: a weapon's maker strikes; the harm it does is no second attack") {
  auto fs = test::facts(
      "A Russian missile struck a hotel in Kharkiv on Saturday, wounding 30 people, Ukrainian "
      "officials said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "RUS", "UKR") != nullptr);
  CHECK(test::with_root(fs, "18") == nullptr);
}

TEST_CASE("extract force: drills around another's land; a possessor names its own maker") {
  auto fs = test::facts(
      "China staged military drills around Taiwan after the president's visit to the U.S.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "CHN", "TWN") != nullptr);
  // "the president's visit" is not China's visit
  CHECK(test::find(fs, "04", "CHN", "USA") == nullptr);
  fs = test::facts("Russia held naval exercises off the coast of Japan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "RUS", "JPN") != nullptr);
}

TEST_CASE("extract force: visas suspended and a corridor closed to a state's people") {
  for (const test::RoleCase& c :
       {test::RoleCase{"India suspended visas for Canadian citizens.", "16", "IND", "CAN"},
        test::RoleCase{"Azerbaijan closed the Lachin corridor to Armenian traffic.", "16", "AZE",
                       "ARM"}})
    test::check_found(c);
}

TEST_CASE("extract force: 'the launch' condemned is the launch told before") {
  auto fs = test::facts(
      "North Korea fired a ballistic missile into the sea off its east coast on Friday. Japan "
      "condemned the launch as a threat to regional peace.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "JPN", "PRK") != nullptr);
}

TEST_CASE("force: aircraft dropping bombs, units crossing the border, armed craft circling a platform") {
  auto fs = test::facts("A Sudanese army spokesman said two Chadian aircraft dropped bombs near a border town on Wednesday.",
                        "2026-03-05");
  CAPTURE(test::summary(fs));
  // told by a state with no target named: aimed at the state that tells it,
  // and the telling is its accusation
  CHECK(test::find(fs, "19", "TCD", "SDN") != nullptr);
  CHECK(test::find_code(fs, "112", "SDN", "TCD") != nullptr);
  fs = test::facts("The Congolese foreign minister told reporters that Rwandan troops had crossed the frontier in large numbers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "150", "RWA", "COD") != nullptr);
  CHECK(test::find_code(fs, "112", "COD", "RWA") != nullptr);
  fs = test::facts("Guyana's navy said a Venezuelan patrol boat circled the drilling platform for an hour on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "150", "VEN", "GUY") != nullptr);
  // aid dropped is aid, not force
  fs = test::facts("Jordanian aircraft dropped food parcels over Gaza on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("tree repair: 'said two aircraft dropped bombs', read with 'two' the object of 'said' and a relative clause on it") {
  syntax::Analysis a = test::analysis({{"Sudan", Upos::PROPN, "NNP", 1, "nsubj"},
                                       {"say", Upos::VERB, "VBD", -1, "root"},
                                       {"two", Upos::NUM, "CD", 1, "obj"},
                                       {"aircraft", Upos::NOUN, "NNS", 4, "nsubj"},
                                       {"drop", Upos::VERB, "VBD", 2, "acl:relcl"},
                                       {"bomb", Upos::NOUN, "NNS", 4, "obj"}});
  ingest::Tree t;
  t.reset(a);
  CHECK(t.head(4) == 1);
  CHECK(t.rel(4) == "ccomp");
  CHECK(t.head(2) == 3);
  CHECK(t.rel(2) == "nummod");
}

TEST_CASE("fighting two sides do to each other ('exchanged fire') is one fact with participants, as the coding rules code a clash with no direction") {
  auto fs = test::facts("Eritrean and Ethiopian troops exchanged heavy fire near Badme on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "19", "ERI,ETH") != nullptr);
  int directed = 0;
  for (const Fact& f : fs) directed += f.root == "19" && !f.source.empty();
  CHECK(directed == 0);
}

TEST_CASE("force: the harm a noun of force is the subject of is its outcome; the noun tells the fight") {
  auto fs = test::facts(
      "TASHKENT, May 5 (Wire) - Armenia and Azerbaijan held border talks on Monday.\n\n"
      "Clashes near the border in April killed 40 soldiers.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "19", "ARM,AZE");
  REQUIRE(f != nullptr);
  CHECK(f->evidence.front().text.find("Clashes") != std::string::npos);
  // force set in a named place is no fight of the story's pair
  fs = test::facts(
      "TASHKENT, May 5 (Wire) - Armenia and Azerbaijan held border talks on Monday.\n\n"
      "Clashes in Sudan killed 40 people in April.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}
