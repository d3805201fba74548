// extract code: attitudes told by nouns and adjectives (disappointment,
// "critical of", "grateful to"), readiness ("open to talks", "was prepared
// to"), and acts asked for, announced or lent (session 14). Sentences are
// written for these tests.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("extract status: talks an adjective of readiness takes are an intent to meet, not held") {
  for (const std::string text : {"Kenya said it remained open to dialogue with Uganda.",
                                 "Kenya said it was open to talks with Uganda."}) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_cameo(fs, "036");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::intended);
    CHECK(test::countries(*f) == test::codes("KEN,UGA"));
    CHECK(test::with_root(fs, "04") == nullptr);
  }
}

TEST_CASE("extract code: displeasure told by a noun or a predicate adjective is criticism") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Kenya voiced anger at Uganda's decision to close the border.", "UGA"},
      {"Indian officials expressed frustration with Pakistan over the delays.", "PAK"},
      {"Japan was critical of the Chinese decision.", "CHN"},
      {"Officials in Nairobi remained unhappy with Uganda's response.", "UGA"},
      {"Thailand said it was concerned about Vietnam's military presence in Laos.", "VNM"},
      {"Canada took issue with the Mexican ruling.", "MEX"},
      {"Chile lashed out at Peru on Friday.", "PER"},
      {"Norway attacked Sweden's ban on fishing as unfair.", "SWE"},
      {"Kenya complained that Uganda was blocking its trucks.", "UGA"}};
  for (const auto& [words, target] : cases) {
    const std::string text = words;
    CAPTURE(text);
    // (the tree's reading: the pattern coder knows some of these phrases)
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_root(fs, "11");
    REQUIRE(f != nullptr);
    CHECK(test::countries(*f, "target") == std::set<std::string>{target});
    CHECK(test::with_root(fs, "19") == nullptr);
  }
  // An adjective that modifies a noun tells no attitude.
  auto fs = test::facts("A critical report on the Kenyan economy was published in Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("extract code: gratitude and support told by an adjective or a voiced noun are praise") {
  for (const std::string text :
       {"Egypt is grateful to Saudi Arabia for its support.",
        "Egypt expressed support for Saudi Arabia's candidate.",
        "Egypt's president paid tribute to Saudi Arabia for its role in the talks."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "05", "EGY", "SAU") != nullptr);
  }
}

TEST_CASE("extract code: what two states make together, and forces one state trains for another") {
  // (the tree's reading: the pattern coder guesses it from word order)
  auto fs = test::parse_only().extract(
      test::document("Kenya and Uganda will jointly develop a new oil refinery."));
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "06", "KEN,UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("Kenya will train Somali police officers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "06", "KEN", "SOM") != nullptr);
}

TEST_CASE("extract code: strikes a state condemns are the striker's, not the condemner's") {
  auto fs = test::facts("Egypt condemned the Israeli air strikes on Syria.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "EGY", "ISR") != nullptr);
  CHECK(test::find(fs, "19", "ISR", "SYR") != nullptr);
  CHECK(test::find(fs, "19", "EGY", "SYR") == nullptr);
}

TEST_CASE("extract code: a call for one party's act is aimed at that party, not at the place") {
  auto fs = test::facts("The UN called for the withdrawal of Ugandan troops from Kenya.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "02");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "target") == std::set<std::string>{"UGA"});
}

TEST_CASE("extract code: a release demanded is not done; one announced is the announcer's") {
  auto fs = test::facts("Kenya demanded the release of Ugandan prisoners.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "08") == nullptr);
  fs = test::parse_only().extract(
      test::document("Kenya announced the release of 40 Ugandan prisoners."));
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "08", "KEN", "UGA") != nullptr);
}

TEST_CASE("extract status: 'was prepared to' is an intent; a loan told with two objects") {
  auto fs = test::facts("Kenya said it was prepared to withdraw its troops from Somalia.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "03", "KEN", "SOM");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "034");
  CHECK(f->status == Status::intended);
  fs = test::facts("Kenya lent Uganda $20 million to pay its debts.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "KEN", "UGA") != nullptr);
}

TEST_CASE("extract code: protests drawn from X, a protest note, an envoy called to the ministry") {
  const std::vector<std::tuple<const char*, const char*, const char*>> cases = {
      {"The Kenyan decision drew strong protests from the Tanzanian government.", "TZA", "KEN"},
      {"The Kenyan envoy handed a protest note to the Ugandan foreign ministry.", "KEN", "UGA"},
      {"Kenya's ambassador was called to the Ugandan foreign ministry on Monday.", "UGA", "KEN"}};
  for (const auto& [words, source, target] : cases) {
    const std::string text = words;
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "11", source, target) != nullptr);
  }
}

TEST_CASE("extract code: curbs announced, a tanker hit by warplanes") {
  auto fs = test::facts("Kenya announced new curbs on sugar imports from Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "KEN", "UGA") != nullptr);
  fs = test::facts("Kenyan warplanes hit a Somali tanker off the coast.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "KEN", "SOM") != nullptr);
}

TEST_CASE(
    "extract status: a conjunct after 'but' or with its own auxiliary keeps its own negation") {
  auto fs =
      test::facts("Kenya said it would not negotiate with the rebels, but would talk to Uganda.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "04", "KEN,UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  // "and" with no auxiliary of its own shares the first verb's
  fs = test::facts("Kenya refused to sign the deal and meet Ugandan officials.");
  CAPTURE(test::summary(fs));
  f = test::find_sym(fs, "04", "KEN,UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::negated);
}

TEST_CASE("extract code: an envoy sent with no state of its own does the sender's errand") {
  auto fs = test::facts(
      "Kenya did not attend the summit but sent a minister to meet Uganda's president.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "04", "KEN,UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("extract code: an understanding reached; a treaty's makers told in its relative clause") {
  auto fs = test::parse_only().extract(
      test::document("Kenya and Uganda reached an understanding on grazing rights."));
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "KEN,UGA") != nullptr);
  for (const std::string text :
       {"The treaty that Kenya and Uganda signed in 2001 ended the dispute.",
        "The pact that Kenya signed with Uganda in 2010 expired last year."}) {
    CAPTURE(text);
    fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::find_sym(fs, "05", "KEN,UGA") != nullptr);
  }
}

TEST_CASE("extract code: what one state warns another against is the other's, and not done") {
  auto fs = test::facts("Kenya warned Uganda against selling arms to Somalia.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "KEN", "UGA") != nullptr);
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("extract code: a conjunct with its own auxiliary joins the main verb, not a gerund") {
  // (tree repair: "have threatened" was read as a conjunct of "breaking")
  auto fs = test::facts(
      "Kenyan officials have accused Kampala of breaking the trade pact and have threatened "
      "retaliatory tariffs.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KEN", "UGA") != nullptr);
  CHECK(test::find(fs, "13", "KEN", "UGA") != nullptr);
}

TEST_CASE("coercion or force told as done by another is the speaker's accusation of its maker") {
  auto fs = test::facts("Chad's army said Sudanese troops had shelled its border posts on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TCD", "SDN") != nullptr);
  // one's own act told is no accusation
  fs = test::facts("Chad's army said its troops had shelled Sudanese positions on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
  // nor is what another may do
  fs = test::facts("Chad's army said Sudanese troops could shell its border posts.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TCD", "SDN") == nullptr);
}

TEST_CASE("calling a definite act noun names of no party a wrong is aimed at the sentence's other party") {
  auto fs = test::facts(
      "Peruvian police have detained four Bolivian soldiers who crossed the border, Peru's "
      "interior minister said, calling the incident \"a deliberate provocation\".");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "PER", "BOL") != nullptr);
  // not what a pronoun calls: "over what it called ..."
  fs = test::facts(
      "Peru's ambassador was summoned by the Bolivian foreign ministry over what it called "
      "\"unfriendly statements\" by Peruvian officials.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "PER", "BOL") == nullptr);
}

TEST_CASE("a hope voiced that another state will act asks it to (020); a hope about things or about 'it' asks no one") {
  auto fs = test::facts("Ghana said it hoped both Togo and Benin would keep their borders open.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "02", "GHA", "TGO");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "target") == test::codes("TGO,BEN"));
  fs = test::facts("Ghana hoped the talks with Togo would succeed.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "02") == nullptr);
  fs = test::facts("Togo sent troops to the border. Ghana said it hoped that it would not happen again.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "02") == nullptr);
}

TEST_CASE("contacts with another state are meetings with it; readiness to keep them up is an intent to meet") {
  auto fs = test::facts("Ghana and Togo have had no contact since the border closed.");
  CAPTURE(test::summary(fs));
  const Fact* m = test::find_sym(fs, "04", "GHA,TGO");
  REQUIRE(m != nullptr);
  CHECK(m->status == Status::negated);
  fs = test::facts("ACCRA, June 9 (Wire) - Ghana's president said Ghana was prepared to keep up regular contacts with Lome.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "GHA", "TGO") != nullptr);
}
