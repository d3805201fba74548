// Cooperation as the coding rules have it: root 06, its field picking the
// code (economic 061, military 062, judicial 063, intelligence 064), an
// agreement that an act is done "under" told as standing, not made, and the
// kind of aid given. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("cooperation: root 06, the field picks the code") {
  struct Case {
    const char* text;
    const char* cameo;
    const char* parties;
  };
  const Case cases[] = {
      {"Chile and Peru deepened their security cooperation along the shared border.", "062",
       "CHL,PER"},
      {"Ghana and Nigeria boosted their economic cooperation in the cocoa sector.", "061",
       "GHA,NGA"},
      {"Spain and Morocco have stepped up police cooperation against smuggling rings.", "063",
       "ESP,MAR"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_cameo(fs, c.cameo);
    REQUIRE(f != nullptr);
    for (const auto& code : test::codes(c.parties)) CHECK(test::countries(*f).count(code) > 0);
  }
  // no field named: cooperation, not the diplomatic 050
  auto fs = test::facts("Uruguay and Paraguay pledged closer cooperation at their border summit.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "050") == nullptr);
}

TEST_CASE("an agreement an act is done under stands; it is not made there") {
  auto fs = test::facts(
      "Thailand and Cambodia handed over smuggling suspects to each other under their treaty.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("aid: arms delivered are military aid, humanitarian money granted is relief") {
  auto fs = test::facts("The U.S. delivered Patriot missile systems to Ukraine.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "072", "USA", "UKR") != nullptr);
  fs = test::facts("Norway granted 5 million dollars in humanitarian aid to Sudan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "073", "NOR", "SDN") != nullptr);
}

TEST_CASE("a bridge, dam or port only mentioned is no joint project; one built together is") {
  for (const char* text : {"Chile accused Bolivian truckers of blocking the main bridge between the two countries.",
                           "Egypt and Sudan renewed their dispute with Ethiopia over the dam on Monday."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "06") == nullptr);
  }
  auto fs = test::facts("Laos and Thailand will build a bridge across the Mekong, their ministers said on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "06", "LAO,THA") != nullptr);
}

TEST_CASE("an agreement told in the background with no party of its own is between the pair at hand") {
  // the clause's subject names the pair
  auto fs = test::facts(
      "Peru and Ecuador opened a new border bridge on Monday.\n\n"
      "The two countries first joined their power grids under a treaty signed in 1998.");
  CAPTURE(test::summary(fs));
  int pacts = 0;
  for (const Fact& f : fs) pacts += f.root == "05" && test::countries(f) == std::set<std::string>{"PER", "ECU"};
  CHECK(pacts == 1);
  // else the parties of the latest act done together
  fs = test::facts(
      "TBILISI, May 4 (Wire) - Georgia and Russia held talks in Geneva on Monday.\n\n"
      "A truce agreed in August 2008 has largely held since.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "GEO,RUS") != nullptr);
  // told once, with the participle's date
  fs = test::facts(
      "LIMA, May 4 (Wire) - Peru and Ecuador held talks in Quito on Monday.\n\n"
      "A trade accord signed in May 1999 lapsed last year.");
  CAPTURE(test::summary(fs));
  int dated = 0, all = 0;
  for (const Fact& f : fs)
    if (f.root == "05") ++all, dated += f.date == "1999-05";
  CHECK(all == 1);
  CHECK(dated == 1);
}

TEST_CASE("a contract or arrangement between states is an agreement") {
  auto fs = test::facts("Ghana's five-year gas contract with Nigeria, signed in 2018, expires in June.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "GHA,NGA") != nullptr);
  auto ar = test::facts("A new water arrangement was agreed between Peru and Bolivia in May.");
  CAPTURE(test::summary(ar));
  CHECK(test::find_sym(ar, "05", "PER,BOL") != nullptr);
}

TEST_CASE("a deal 'with X' and no other party is the deal of the clause's subject") {
  auto fs = test::facts("Ghana has long argued that the tolls fixed in a 2015 pact with Togo are unfair.");
  CAPTURE(test::summary(fs));
  const auto* f = test::find_sym(fs, "05", "GHA,TGO");
  REQUIRE(f != nullptr);
  CHECK(f->date == "2015");  // (a year after "a" dates the noun)
  // a deal the subject's verb takes as its object may be another's
  auto obj = test::facts("Nigeria criticised the deal with Togo on Monday.");
  CAPTURE(test::summary(obj));
  CHECK(test::with_root(obj, "05") == nullptr);
}

TEST_CASE("aid: money a lender approves or releases to a state, and boats or arms handed over to one") {
  const test::RoleCase cases[] = {
      {"Under the accord, Kenya will hand over three patrol boats to the Tanzanian navy next year.", "07", "KEN",
       "TZA"},
      {"The Chinese embassy said Beijing had released $30 million in grants to Laos for new schools.", "07", "CHN",
       "LAO"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts("The IMF board approved a disbursement of $40 million to Zambia on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") != nullptr);
  CHECK(test::countries(*test::with_root(fs, "07"), "target") == test::codes("ZMB"));
  // a loan a state's parliament approves is one it takes, not aid it gives
  fs = test::facts("Zambia's parliament approved a $2 billion loan from China.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "ZMB", "") == nullptr);
}

TEST_CASE("aid: support of a purse or of arms given to a state is aid of that kind") {
  auto fs = test::facts("Sweden agreed on Tuesday to restore budget support to Zambia.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "071", "SWE", "ZMB") != nullptr);
  fs = test::facts("Poland will increase its military support to Moldova, the minister said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "072", "POL", "MDA") != nullptr);
  // support voiced for a state's cause is praise, no money
  fs = test::facts("Ghana voiced support for Togo's candidacy.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("aid: money pledged for a purpose that names states goes to them") {
  auto fs = test::facts("Korea pledged 30 million dollars for the reconstruction of Ghana's ports.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "KOR", "GHA") != nullptr);
  // (one pledge, to all the states it names: the tree's reading, not a
  // second one by word order to the first of them)
  fs = test::facts("Korea pledged one billion dollars toward new loans for farmers in Ghana and Togo.");
  CAPTURE(test::summary(fs));
  REQUIRE(test::with_root(fs, "03") != nullptr);
  CHECK(test::countries(*test::with_root(fs, "03"), "target") == test::codes("GHA,TGO"));
  CHECK(std::count_if(fs.begin(), fs.end(), [](const Fact& f) { return f.root == "03"; }) == 1);
}

TEST_CASE("aid: a grant or aid told by a noun goes to the state where the places its purpose names lie") {
  // (read from the tree alone: word order guesses these too)
  auto parsed = [](const std::string& text) { return test::parse_only().extract(test::document(text)); };
  // a grant is aid, to whom it is given
  auto fs = parsed("Norway's envoy handed a grant of 3 million dollars to Malawi on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "NOR", "MWI") != nullptr);
  // a capital deep in the purpose
  fs = parsed(
      "Norway's envoy handed a grant of 3 million dollars on Monday for a new ward at the main clinic in "
      "Lilongwe.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "NOR", "MWI") != nullptr);
  // a province, named in English ("North Kivu" for ISO's "Nord-Kivu")
  fs = test::facts(
      "Rwanda and Uganda agreed to reopen their border on Friday. Meanwhile the Netherlands announced new aid "
      "worth 12 million euros for families in North Kivu.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "NLD", "COD") != nullptr);
}

TEST_CASE("aid: two makers of aid to one state, told one after the other, are two facts") {
  auto fs = test::facts(
      "KAMPALA, May 6 (Wire) - On Tuesday the World Bank granted $300 million in loans to Uganda for road "
      "repairs.\n\nChina lent Uganda a further $500 million in credit, the finance minister said.");
  CAPTURE(test::summary(fs));
  const Fact* china = test::find(fs, "07", "CHN", "UGA");
  REQUIRE(china != nullptr);
  CHECK(china->source.size() == 1);
}

TEST_CASE("diplomatic cooperation: an embassy opened in a state, an envoy accredited to one") {
  const test::RoleCase cases[] = {
      {"Mongolia will open an embassy in Lima next year.", "05", "MNG", "PER"},
      {"Dorj, Mongolia's envoy to Peru, is to be accredited to Chile as well.", "05", "MNG", "CHL"},
  };
  for (const auto& c : cases) test::check_found(c);
  // fire opened is no embassy
  auto fs = test::facts("Peruvian troops opened fire on a Bolivian patrol.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("cooperation: ties raised or upgraded are ties set on a new footing together, no meeting") {
  auto fs = test::facts("Chile and Korea raised their ties to a strategic partnership in May 2023.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "CHL,KOR") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);
  CHECK(test::with_root(fs, "06") == nullptr);  // (the footing is no project)
  fs = test::facts("Chile and Korea upgraded their relations to ambassadorial level.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "CHL,KOR") != nullptr);
  // a matter raised with a state is still a meeting
  fs = test::facts("Chile raised the fishing dispute with Korea on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "CHL,KOR") != nullptr);
}

TEST_CASE("agreement: talks that end without agreement are the talks' parties' agreement not reached") {
  auto fs = test::facts("Talks between Peru and Bolivia on the water dispute ended on Friday without agreement.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "05", "PER,BOL");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::negated);
  CHECK(test::find_sym(fs, "04", "PER,BOL") != nullptr);
}
