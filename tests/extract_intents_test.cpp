// Readings added in session 17: possessive pronouns bound by the tree
// ("its" in a phrase of reason, in a clause with its own subject, in an
// infinitive), what is offered or pledged as an intent of its own kind
// (039 mediation, 036 talks, 033 aid), mediation as a noun event, a noun
// event that names the kind of a plain noun of undertaking ("a mediation
// mission"), what appeals and demands ask for, and visits told as a stay
// or a stop. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("possessives: 'its' names the doer the tree binds it to") {
  const test::RoleCase cases[] = {
      // a phrase of reason: the one protested to, praised or blamed
      {"Seoul complained to Tokyo over its curbs on Korean chip exports.", "16", "JPN", "KOR"},
      {"Canada thanked Mexico for its mediation between Haiti and the Dominican Republic.", "04",
       "MEX", "HTI,DOM"},
  };
  for (const auto& c : cases) test::check_found(c);
  // ... not the subject, whom the recognizer would take
  auto fs = test::facts("Seoul complained to Tokyo over its curbs on Korean chip exports.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "KOR", "") == nullptr);
}

TEST_CASE("intents: what is offered or pledged is an intent of its own kind") {
  // an offer of mediation between two others: 039, aimed at both
  {
    auto fs = test::facts("Malaysia offered its mediation between Thailand and Cambodia.");
    CAPTURE(test::summary(fs));
    const Fact* f = test::find_code(fs, "039", "MYS", "THA,KHM");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::intended);
  }
  // an offer of talks: an intent to meet (036), not the generic 030
  {
    auto fs = test::facts("Kuwait offered talks with Iraq on the border dispute.");
    CAPTURE(test::summary(fs));
    CHECK(test::find_code(fs, "036", "KWT", "IRQ") != nullptr);
    CHECK(test::find_code(fs, "030", "", "") == nullptr);
  }
  // money pledged "in aid" is an intent to give aid, no aid given
  {
    auto fs = test::facts(
        "Berlin pledged 200 million euros in reconstruction aid to Ukraine at a donors' "
        "conference in London.");
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "03", "DEU", "UKR") != nullptr);
    CHECK(test::find(fs, "07", "", "") == nullptr);
  }
}

TEST_CASE("mediation: the noun, welcomed, and told as the kind of a mission") {
  const test::RoleCase cases[] = {
      // the noun event with its "between" parties
      {"Kenya's mediation between Ethiopia and Eritrea ended the standoff.", "04", "KEN",
       "ETH,ERI"},
      // a noun that names the kind of a plain noun of undertaking
      {"A Ghanaian envoy began a mediation mission between Mali and Niger.", "04", "GHA",
       "MLI,NER"},
      // welcoming an act is praise of its doer, no hosting
      {"Tunisia welcomed Algeria's mediation in the dispute with Libya.", "05", "TUN", "DZA"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts("Tunisia welcomed Algeria's mediation in the dispute with Libya.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "043") == nullptr);
}

TEST_CASE("appeals and demands: what they ask for is no act done") {
  // the infinitive the parser hung on the last of the ones asked
  auto fs = test::facts("Mexico urged the United States and Canada to respect the trade deal.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "MEX", "USA,CAN") != nullptr);
  CHECK(test::with_root(fs, "05") == nullptr);
  // a veto the one asked holds is not the asker's
  fs = test::facts("France pressed Poland to drop its veto on aid to Moldova.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
  // telling another party to act is a demand
  fs = test::facts("Beijing told Manila to stop provoking trouble near the reef.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "CHN", "PHL") != nullptr);
}

TEST_CASE("visits: a stay or a stop in a place abroad") {
  auto fs = test::facts(
      "During her three-day stay in Seoul, the Australian foreign minister met the South Korean "
      "president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "AUS", "KOR") != nullptr);
  CHECK(test::find_code(fs, "042", "AUS", "KOR") != nullptr);
  // a stay that is no place: no visit
  fs = test::facts("The Peruvian president extended his stay in office by decree.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "042") == nullptr);
}

TEST_CASE("intents: what is offered to someone told as an indirect object") {
  test::check_found({"Russia offered Turkey a discount on gas.", "03", "RUS", "TUR"});
}

TEST_CASE("visits: 'the visiting X delegation' is X's visit, whoever else the sentence names") {
  auto fs =
      test::facts("The visiting Vietnamese delegation was received by the Thai prime minister.");
  CAPTURE(test::summary(fs));
  // (received by the host, in the passive: the guest's visit, visitor -> host)
  CHECK(test::find_code(fs, "042", "VNM", "THA") != nullptr);
  CHECK(test::find_code(fs, "042", "THA", "VNM") == nullptr);
}

TEST_CASE("an intent names its kind by the act intended: offers to mediate, pledges to help, to invest") {
  struct Case {
    const char* text;
    const char* cameo;
    const char* source;
    const char* target;
  };
  const Case cases[] = {
      {"Turkey offered to mediate between Ethiopia and Sudan.", "039", "TUR", "ETH,SDN"},
      {"Qatar promised to invest $5 billion in Egypt.", "031", "QAT", "EGY"},
  };
  for (const auto& k : cases) {
    auto fs = test::facts(k.text);
    CAPTURE(std::string(k.text));
    CAPTURE(test::summary(fs));
    CHECK(test::find_code(fs, k.cameo, k.source, k.target) != nullptr);
    // one intent, of that kind
    for (const Fact& f : fs) CHECK((f.root != "03" || f.cameo == k.cameo));
  }
}

TEST_CASE("a meeting agreed on is a planned meeting, not an intent nor an agreement") {
  for (const char* text : {"The presidents of Peru and Chile agreed to meet again in the spring.",
                           "The presidents of Peru and Chile agreed that their foreign ministers should meet in Lima.",
                           "Peru and Chile agreed to hold talks on the border next month."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    const Fact* f = test::find_sym(fs, "04", "PER,CHL");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::planned);
    CHECK(test::with_root(fs, "03") == nullptr);
    CHECK(test::with_root(fs, "05") == nullptr);
  }
}

TEST_CASE("readiness to act is an intent: 'X is ready to', 'X was willing to'") {
  const test::RoleCase cases[] = {
      {"Peru is willing to send engineers to Bolivia, the foreign minister said.", "03", "PER", "BOL"},
      {"Ghana said it was ready to host talks with Togo on the border.", "03", "GHA", "TGO"},
  };
  for (const auto& c : cases) test::check_found(c);
  // talks with no one named: with the other party of the latest act
  auto fs = test::facts(
      "Peru accused Chile on Monday of moving troops to the border.\n\n"
      "The foreign minister said Lima was ready to go back to the negotiating table once the troops left.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "03", "PER", "CHL");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::intended);
}

TEST_CASE("an offer that names no one is made to the other party of the latest act") {
  // an offer to act: to the one the offerer dealt with last
  auto fs = test::facts(
      "Peru accused Bolivia on Monday of violating the border treaty.\n\n"
      "The Bolivian foreign minister said La Paz was willing to hold more prisoner swaps.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "BOL", "PER") != nullptr);
  // an offer to mediate: to both parties of the latest act of others
  fs = test::facts(
      "Peru and Bolivia traded accusations over the border on Monday.\n\n"
      "Chile said Santiago stood ready to mediate.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "CHL", "PER,BOL") != nullptr);
  // not a pledge of both sides, which has no one else to be made to
  fs = test::facts(
      "Peru accused Bolivia on Monday of violating the border treaty.\n\n"
      "Chile's president hosted Argentina's foreign minister and both sides pledged to expand trade.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs)
    if (f.root == "03") CHECK(test::countries(f, "target").count("PER") == 0);
  // nor an offer inside reports rejected
  fs = test::facts(
      "Peru accused Bolivia on Monday of violating the border treaty.\n\n"
      "The Bolivian president rejected reports saying his government had offered to sell them weapons.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "03") == nullptr);
}

TEST_CASE("intents: an offer that names no one is made to the parties of the story") {
  // a third party's readiness to act concerns both sides of the story's tie
  {
    auto fs = test::facts(
        "Ethiopia and Eritrea held talks in Nairobi on Monday on their border dispute. "
        "Djibouti is willing to host the next round.");
    CAPTURE(test::summary(fs));
    const Fact* f = test::find_code(fs, "036", "DJI", "ETH,ERI");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::intended);
  }
  // a side's readiness concerns the other side, also when the story's tie
  // was told more than a few sentences before
  {
    auto fs = test::facts(
        "Ethiopia accused Eritrea of massing troops on the border. The frontier has been closed "
        "since 2018. Traders say food prices in the region have doubled. Many families have moved "
        "away. The Ethiopian foreign minister said Addis Ababa was willing to return to negotiations.");
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "03", "ETH", "ERI") != nullptr);
  }
  // "offered no evidence" offers nothing
  {
    auto fs = test::facts(
        "Ethiopia accused Eritrea of massing troops on the border. "
        "The Eritrean president offered no evidence of an attack.");
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "03", "", "") == nullptr);
  }
  // a vow to act on non-state parties concerns no state of the story
  {
    auto fs = test::facts(
        "Ethiopia and Eritrea held talks in Nairobi on Monday on their border dispute. "
        "Djibouti pledged to drive armed militants from its territory.");
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "03") == nullptr);
  }
  // no tie told before: no one to guess
  {
    auto fs = test::facts("Djibouti is willing to host the next round of talks.");
    CAPTURE(test::summary(fs));
    CHECK(fs.empty());
  }
}

TEST_CASE("one party's consent to an act of its own is that act decided, no agreement") {
  // "agreed to lift its ban": the lifting, planned
  {
    auto fs = test::facts("Japan agreed to lift its ban on Chinese pork.");
    CAPTURE(test::summary(fs));
    const Fact* f = test::find(fs, "08", "JPN", "CHN");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::planned);
    CHECK(test::with_root(fs, "05") == nullptr);
  }
  // people held, to be freed (the freeing read as an infinitive)
  {
    auto fs = test::facts("Ghana agreed to free 12 Togolese traders who had been held at the border since June.");
    CAPTURE(test::summary(fs));
    const Fact* f = test::find(fs, "08", "GHA", "TGO");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::planned);
  }
  // two parties agreeing with each other stay an agreement
  {
    auto fs = test::facts("Japan and China agreed to lift their bans on each other's pork.");
    CAPTURE(test::summary(fs));
    CHECK(test::find_sym(fs, "05", "JPN,CHN") != nullptr);
  }
}

TEST_CASE("an invitation taken up: the invitee's visit, planned, and no intent read in 'accepted'") {
  auto fs = test::facts("Peru's president accepted an invitation from Ecuador to visit Quito in May.");
  CAPTURE(test::summary(fs));
  const Fact* v = test::find(fs, "04", "PER", "ECU");
  REQUIRE(v != nullptr);
  CHECK(v->status == Status::planned);
  CHECK(test::find(fs, "02", "ECU", "PER") != nullptr);
  fs = test::facts("The Peruvian president told reporters that Lima accepted an invitation to tour Quito later this year.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "PER", "ECU") != nullptr);
  CHECK(test::with_root(fs, "03") == nullptr);
  // declined: no visit
  fs = test::facts("Peru's president declined an invitation to visit Quito.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "PER", "ECU") == nullptr);
}

TEST_CASE("'intends to travel to X' is an intent to visit (036), not a planned visit") {
  auto fs = test::facts("Kenya's trade minister said on Monday that he intended to travel to Lusaka in the spring.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "036", "KEN", "ZMB") != nullptr);
  CHECK(test::find(fs, "04", "KEN", "ZMB") == nullptr);
}
