// People held and talks hosted: a release of people a participle says are
// held ("the jailed reporter"), an exchange of them, event nouns that name
// a person's work ("aid workers"), and talks of others a third state hosts
// or offers to host. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("freeing people a participle says are held is a release, and no arrest by the one who frees") {
  const test::RoleCase cases[] = {
      {"Belarus released the imprisoned Polish journalist on Tuesday.", "08", "BLR", "POL"},
      {"Venezuela freed the detained American oil executives last week.", "08", "VEN", "USA"},
  };
  for (const auto& c : cases) {
    test::check_found(c);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "17") == nullptr);
  }
  // "released its annual report": no people, no release
  auto fs = test::facts("Mongolia released its annual trade report on Friday, officials in Beijing said.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "08") == nullptr);
}

TEST_CASE("an exchange of people held, counted or told by a participle, is a mutual release") {
  for (const char* text : {"Sudan and South Sudan exchanged hundreds of prisoners at the border crossing.",
                           "Ethiopia and Eritrea swapped 30 captured soldiers on Sunday."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    const Fact* f = test::find_sym(fs, "08", text[0] == 'S' ? "SDN,SSD" : "ETH,ERI");
    CHECK(f != nullptr);
    CHECK(test::with_root(fs, "17") == nullptr);
  }
}

TEST_CASE("an event noun naming a person's work tells no event") {
  // (two nationalities of one aid worker read as joint aid before)
  auto fs = test::facts("Tehran released the jailed French-Iranian aid worker after four years.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") == nullptr);
  CHECK(test::with_root(fs, "06") == nullptr);
  CHECK(test::find(fs, "08", "IRN", "FRA") != nullptr);
}

TEST_CASE("talks of others a state hosts are theirs; an offer to host them is an offer to mediate") {
  auto fs = test::facts("Austria hosted a summit between the leaders of Serbia and Kosovo in Vienna.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "SRB,XKX") != nullptr);
  const Fact* summit = test::with_cameo(fs, "044");
  REQUIRE(summit != nullptr);
  CHECK(test::countries(*summit).count("AUT") == 0);

  auto offer = test::facts("Turkey offered to host talks between Armenia and Azerbaijan, its foreign minister said.");
  CAPTURE(test::summary(offer));
  const Fact* f = test::find_code(offer, "039", "TUR", "ARM,AZE");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::intended);
  // their talks are not their intent, nor talks held
  for (const Fact& x : offer) CHECK(test::countries(x).count("TUR") == 1);
}

TEST_CASE("countries toured are visited; a reception hosted for a visitor is hosting") {
  auto fs = test::facts("The Japanese emperor toured Thailand and Malaysia in November.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "JPN", "THA") != nullptr);
  CHECK(test::find(fs, "04", "JPN", "MYS") != nullptr);

  auto dinner = test::facts("The Norwegian king hosted a state dinner for the visiting Kenyan president.");
  CAPTURE(test::summary(dinner));
  CHECK(test::find(dinner, "04", "NOR", "KEN") != nullptr);
}

TEST_CASE("doctors, medics and rescuers sent to a country are humanitarian aid") {
  const test::RoleCase cases[] = {
      {"China sent 150 doctors to Algeria to help fight the epidemic.", "07", "CHN", "DZA"},
      {"Israel dispatched rescuers and paramedics to Turkey after the earthquake.", "07", "ISR", "TUR"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("a guest received by a host in the passive visits the host and meets them; an active host hosts") {
  auto fs = test::facts("The Malian prime minister was received in Dakar on Monday by Senegal's president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "042", "MLI", "SEN") != nullptr);
  CHECK(test::find_sym(fs, "04", "MLI,SEN") != nullptr);
  CHECK(test::with_cameo(fs, "043") == nullptr);

  // received by a place, not a person: a visit, no meeting
  auto place = test::facts("The Chilean navy's training ship was welcomed by Peru with a gun salute.");
  CAPTURE(test::summary(place));
  CHECK(test::with_cameo(place, "040") == nullptr);

  // told from the host's side, hosting stays the host's act
  auto active = test::facts("Senegal's president received the Malian prime minister in Dakar on Monday.");
  CAPTURE(test::summary(active));
  CHECK(test::find_code(active, "043", "SEN", "MLI") != nullptr);
}

TEST_CASE("an arrival that names no place, in a story datelined in another state, is a visit there") {
  auto fs = test::facts(
      "COLOMBO, Oct 23 - Japan will lend Sri Lanka 500 million dollars for a new port, Japanese "
      "Foreign Minister Kenji Ota said on Thursday.\n\nOta, who arrived late on Tuesday, met "
      "President Nimal Perera at his office.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "JPN", "LKA") != nullptr);
  // no dateline: no place to guess
  fs = test::facts("Japanese Foreign Minister Kenji Ota arrived on Wednesday.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("captives handed over to their state are set free to it; 'handed over 12' is no count") {
  auto fs = test::facts("Kenya handed over 12 Somali prisoners to Somalia on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "08", "KEN", "SOM") != nullptr);
  CHECK(test::with_root(fs, "06") == nullptr);
  // a suspect handed over is still judicial cooperation
  fs = test::facts("Sudan handed over the suspect to Chad.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "06", "SDN", "TCD") != nullptr);
}

TEST_CASE("a state's suspension from a body lifted: the body yields to that state") {
  auto fs = test::facts("The African Union on Friday lifted Mali's two-year suspension.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "08");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "target") == test::codes("MLI"));
}

TEST_CASE("a thing received is no guest: 'received bribes from X' is no hosting") {
  auto fs = test::facts("Investigators believe the French minister received bribes from Pakistan in an arms sale.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
  // people received are
  fs = test::facts("Kenya's president received the Ugandan delegation on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "043", "KEN", "UGA") != nullptr);
}

TEST_CASE("a visitor received somewhere by a host visits the host ('was received in Lusaka by X')") {
  auto fs = test::facts("The Malawian envoy was received in Lusaka by Zambia's president on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "MWI", "ZMB") != nullptr);
}

TEST_CASE("a summit between the leaders of two states, however the parser split the second name, is theirs") {
  auto fs = test::facts("A summit between the leaders of Sudan and South Sudan ended without a deal.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "SDN,SSD") != nullptr);
}
