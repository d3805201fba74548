// extract recognizer, actors read from context: a seat of an organization
// acting for it ("Brussels"), officials out of office ("former", "late"),
// officials introduced by nationality and title and named later by surname.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

namespace {

bool has_actor(const std::vector<Actor>& side, const std::string& id) {
  for (const Actor& a : side)
    if (a.id == id) return true;
  return false;
}

// Checks that each case's fact is (`found`) or is not extracted.
void expect_facts(const std::vector<test::RoleCase>& cases, bool found) {
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK((test::find(test::facts(c.text), c.root, c.source, c.target) != nullptr) == found);
  }
}

}  // namespace

TEST_CASE("extract recognizer: a seat of an organization that acts is the organization") {
  auto fs = test::facts("Brussels criticized Hungary over its new media law.");
  const Fact* f = test::find(fs, "11", "", "HUN");
  REQUIRE(f != nullptr);
  CHECK(has_actor(f->source, "org:EU"));
  CHECK(test::countries(*f, "source").count("BEL") == 0);
}

TEST_CASE("extract recognizer: an official out of office acts for no state") {
  expect_facts(
      {
          {"Former Chilean Foreign Minister Rosa Ibarra criticized Peru on Monday.", "11", "CHL",
           "PER"},
          {"The former Nigerian president criticized Ghana on Monday.", "11", "NGA", "GHA"},
          {"The late Nigerian leader had praised Benin.", "05", "NGA", "BEN"},
          {"Kenya's former foreign minister condemned Uganda on Monday.", "11", "KEN", "UGA"},
          {"Tomas Reyes, a former Chilean prime minister, criticized Peru on Monday.", "11", "CHL",
           "PER"},
      },
      false);
  // In office, the same officials act for their state.
  expect_facts(
      {
          {"Chilean Foreign Minister Rosa Ibarra criticized Peru on Monday.", "11", "CHL", "PER"},
          {"The Nigerian president criticized Ghana on Monday.", "11", "NGA", "GHA"},
          {"Kenya's foreign minister condemned Uganda on Monday.", "11", "KEN", "UGA"},
      },
      true);
}

TEST_CASE(
    "extract recognizer: an official introduced by nationality and title keeps the country by "
    "surname") {
  expect_facts(
      {
          {"Peruvian Foreign Minister Ana Quispe met her Chilean counterpart in Lima on Monday. "
           "Quispe criticized Bolivia over the border closure.",
           "11", "PER", "BOL"},
          {"Chilean Foreign Minister Rosa Ibarra met Peruvian Trade Minister Luis Salcedo on "
           "Monday. "
           "Salcedo praised Ecuador for its help.",
           "05", "PER", "ECU"},
          {"The Japanese envoy criticized China on Monday.", "11", "JPN", "CHN"},
          {"The Kenyan foreign minister praised Ethiopia on Monday.", "05", "KEN", "ETH"},
      },
      true);
}

TEST_CASE("extract recognizer: the two Koreas are both, bare 'Korean' the one the article named") {
  // "the (two) Koreas", "both Sudans": the two countries of that name.
  const Fact* f =
      test::find_sym(test::facts("The two Koreas agreed on Tuesday to reopen their border office."),
                     "05", "KOR,PRK");
  CHECK(f != nullptr);
  CHECK(test::find(test::facts("Chile urged the Koreas to resume talks."), "02", "CHL",
                   "KOR,PRK") != nullptr);
  CHECK(test::find(test::facts("Ethiopia praised both Sudans for the oil deal."), "05", "ETH",
                   "SDN,SSD") != nullptr);
  // "Korean" alone: the Korea read before, if only one was.
  expect_facts(
      {{"South Korea recalled its envoy on Monday. The Korean foreign ministry condemned Peru.",
        "11", "KOR", "PER"}},
      true);
  expect_facts({{"South Korea and North Korea met. The Korean foreign ministry condemned Peru.",
                 "11", "", "PER"},
                {"The Korean foreign ministry condemned Peru on Monday.", "11", "", "PER"}},
               false);
}

TEST_CASE("extract recognizer: 'the Fund', 'the Bank' are the organization named before by a longer name") {
  auto fs = test::facts(
      "The International Monetary Fund approved a loan for Zambia on Monday.\n\n"
      "Zambia's finance minister thanked the Fund on Tuesday.");
  // the praise's target, by id
  auto thanked = [](const std::vector<Fact>& facts) {
    std::string ids;
    for (const Fact& f : facts)
      if (f.root == "05")
        for (const Actor& a : f.target) ids += a.id + " ";
    return ids;
  };
  CAPTURE(test::summary(fs));
  CHECK(thanked(fs) == "org:IMF ");
  // a name of its own ("the Bank of Ghana") is not the one named before
  fs = test::facts(
      "The World Bank approved a loan for Ghana on Monday.\n\n"
      "Togo's finance minister thanked the Bank of Ghana on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(thanked(fs).find("org:WORLDBANK") == std::string::npos);
}

TEST_CASE("extract recognizer: a counterpart named by a national adjective acts for that country") {
  auto fs = test::facts(
      "The U.S. envoy criticized Russia on Monday. Her British counterpart, who arrived in Kyiv "
      "on Sunday, said Moscow must withdraw its troops.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "GBR", "UKR") != nullptr);
  CHECK(test::find(fs, "10", "GBR", "RUS") != nullptr);
}

TEST_CASE("extract recognizer: 'both superpowers', 'the two neighbours' are the pair named, not a place") {
  auto fs = test::facts(
      "Peru recalled its envoy from Chile on Monday.\n\n"
      "The Bolivian foreign minister, who arrived in Quito on Tuesday, urged both neighbours to "
      "resume talks.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "BOL", "PER,CHL") != nullptr);
  fs = test::facts(
      "Kenya's president hosted Uganda's president in Paris and both sides pledged to deepen "
      "ties.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f).count("FRA") == 0);
}

TEST_CASE("extract recognizer: 'the visiting minister' is a guest from the country named most besides the dateline's") {
  auto fs = test::facts(
      "APIA, Aug 15 - Tonga and Samoa signed a fisheries agreement on Thursday. Samoa's prime "
      "minister, who met the visiting minister on Thursday morning, said the pact was fair.",
      "2024-08-15");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "TON,WSM") != nullptr);
}

TEST_CASE("extract recognizer: an under secretary is a title; a present tense with a day is scheduled") {
  auto fs = test::facts(
      "LIMA, July 15 - U.S. Treasury Under Secretary Frank Dorsey praised Peru's handling of its "
      "debt on Thursday. Dorsey flies to Quito on Friday for talks with Ecuadorean officials.",
      "1988-07-15");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "USA", "PER") != nullptr);
  const Fact* v = test::find(fs, "04", "USA", "ECU");
  REQUIRE(v != nullptr);
  CHECK(v->status == Status::planned);
  CHECK(v->date == "1988-07-22");
}

TEST_CASE("a body or treaty named after a city ('the Oslo Accords', 'the Kyoto Protocol') is not the city's state") {
  for (const char* text : {"Ukraine praised the Oslo Accords on Monday.", "Canada criticised the Kyoto Protocol."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    for (const Fact& f : fs) {
      CHECK(test::countries(f).count("NOR") == 0);
      CHECK(test::countries(f).count("JPN") == 0);
    }
  }
  // the city itself still stands for its government
  auto fs = test::facts("Ukraine criticised Oslo on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "UKR", "NOR") != nullptr);
}

TEST_CASE("'the council' in lower case is the council named before by a longer name") {
  auto fs = test::facts(
      "Chad complained to the U.N. Security Council about the raids on Monday. Information Minister Ali "
      "Mahamat said Ndjamena had asked the council to condemn the attacks.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "02");
  REQUIRE(f != nullptr);
  REQUIRE(!f->target.empty());
  CHECK(f->target[0].id == "org:UNSC");
}

TEST_CASE("recognizer: a hyphenated surname alone names the person read before with it") {
  auto fs = test::facts(
      "Peru's Finance Minister Rosa Vargas-Llosa met IMF officials on Monday.\n\n"
      "Vargas-Llosa thanked Chile and Bolivia for their support.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "PER", "CHL,BOL") != nullptr);
}
