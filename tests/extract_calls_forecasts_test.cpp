// Appeals told by "call" as a noun (and ignored or disregarded: rejected),
// and acts forecast as likely or unlikely (speculation: no fact). Every
// sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("a call to act or for something is an appeal; a call with someone is a conversation") {
  auto fs = test::facts("Sudan ignored a Kenyan call to reopen the border crossings.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "KEN", "SDN") != nullptr);
  CHECK(test::find(fs, "12", "SDN", "KEN") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);

  auto plea = test::facts("Serbia disregarded the Hungarian call for restraint on Monday.");
  CAPTURE(test::summary(plea));
  CHECK(test::find(plea, "02", "HUN", "SRB") != nullptr);

  auto phone = test::facts("The Chilean president had a call with his Peruvian counterpart on Monday.");
  CAPTURE(test::summary(phone));
  CHECK(test::find_sym(phone, "04", "CHL,PER") != nullptr);
  CHECK(test::with_root(phone, "02") == nullptr);
}

TEST_CASE("an act forecast as likely or unlikely is speculation, no fact") {
  for (const char* text : {"Chile is unlikely to recognize the new government in Caracas, officials said.",
                           "Egypt is likely to expel the Turkish ambassador, analysts in Cairo said."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    CHECK(fs.empty());
  }
}

TEST_CASE("insisting that another party act (a bare verb) is a demand of it") {
  auto fs = test::facts("Cuba insisted that the United States lift the embargo before any talks.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "CUB", "USA") != nullptr);
  // an assertion is no demand
  auto said = test::facts("Cuba insisted that the United States had lifted the embargo on medicine.");
  CAPTURE(test::summary(said));
  CHECK(test::find(said, "10", "CUB", "USA") == nullptr);
}

TEST_CASE("a title glued to 'elect' is a title: the president-elect travels") {
  auto fs = test::facts(
      "Ghana's President-elect John Mensah, who arrived in Abuja on Monday for a two-day visit, met the Nigerian "
      "president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "GHA", "NGA") != nullptr);
}

TEST_CASE("ordering another state to act is a demand of it; ordering one's own people is acting") {
  auto fs = test::facts("The African Union ordered Sudan to stop bombing the border villages.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "", "SDN") != nullptr);
  // (the act asked for is no act done)
  CHECK(test::with_root(fs, "19") == nullptr);
  CHECK(test::with_root(fs, "18") == nullptr);

  auto own = test::facts("Moscow ordered its embassy staff to suspend all visa services for Latvians.");
  CAPTURE(test::summary(own));
  CHECK(test::with_root(own, "10") == nullptr);
}

TEST_CASE("a body in lower case after a state's possessive is that state's, not a name") {
  auto fs = test::facts("Burkina Faso's junta ordered the French envoy to leave within two days.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "BFA", "FRA") != nullptr);
}

TEST_CASE("what a deal is signed to do is planned, however the parser hung the infinitive") {
  auto fs = test::facts("Uganda and Tanzania signed a deal on Monday to build an oil pipeline.");
  CAPTURE(test::summary(fs));
  const Fact* deal = test::find_sym(fs, "05", "UGA,TZA");
  REQUIRE(deal != nullptr);
  CHECK(deal->status == Status::occurred);
  const Fact* project = test::find_sym(fs, "06", "UGA,TZA");
  REQUIRE(project != nullptr);
  CHECK(project->status == Status::planned);
  for (const Fact& f : fs) CHECK(!(f.root == "06" && f.status == Status::occurred));
}

TEST_CASE("water cannon, tear gas and rubber bullets used on a party are coercion, no artillery") {
  const test::RoleCase cases[] = {
      {"Hanoi protested after a Chinese ship fired water cannon at a Vietnamese trawler.", "17", "CHN", "VNM"},
      {"Moroccan police used tear gas against Algerian fans at the border.", "17", "MAR", "DZA"},
  };
  for (const auto& c : cases) {
    test::check_found(c);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "19") == nullptr);
  }
}
