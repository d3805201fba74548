// Acts that are not done as told: talked about at a meeting, held up by
// another party, or promised on a condition (a threat, made now); and the
// sanctions told by "freeze". Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

namespace {

// No fact of aid (root 07) is read from `text`.
void check_no_aid(const char* text) {
  auto fs = test::facts(text);
  CAPTURE(text);
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(f.cameo.rfind("07", 0) != 0);
}

}  // namespace

TEST_CASE("a cooperative act talks are held on is discussed, not done by the host") {
  check_no_aid("Sweden hosted a conference on reconstruction aid to Ukraine.");
  check_no_aid("Austria convened a meeting on humanitarian assistance to Yemen.");
}

TEST_CASE("an act a verb of hindering holds up is no act of its subject") {
  check_no_aid("Turkey blocked aid convoys bound for Armenia.");
  check_no_aid("Azerbaijan obstructed aid deliveries bound for Armenia.");
}

TEST_CASE("a hostile act promised on a condition is a threat, also when told by a noun") {
  const test::RoleCase cases[] = {
      // the verb's object tells the act
      {"Canada will impose tariffs on Chinese steel if Beijing does not lift its curbs, Ottawa said.",
       "13", "CAN", "CHN"},
      // force answered with force; the condition's verb first tagged as a noun
      {"If Azerbaijan attacks, Armenia will respond with force, its defence minister said.", "13", "ARM",
       "AZE"},
  };
  for (const auto& c : cases) test::check_found(c);
  // no planned tariffs beside the threat
  auto fs = test::facts(cases[0].text);
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "163") == nullptr);
  for (const Fact& f : fs) CHECK(f.status == Status::occurred);
}

TEST_CASE("an asset freeze is a sanction on the owners' state") {
  const test::RoleCase cases[] = {
      {"Australia imposed asset freezes on three Myanmar generals.", "16", "AUS", "MMR"},
      {"New Zealand ordered a freeze on Belarusian assets.", "16", "NZL", "BLR"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("the act a reprisal answers is another party's, not the clause subject's") {
  const char* text =
      "Prague expelled two Russian diplomats in retaliation for the expulsion of a Czech envoy from Moscow.";
  auto fs = test::facts(text);
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "CZE", "RUS") != nullptr);
  CHECK(test::find(fs, "16", "RUS", "CZE") != nullptr);
  // with no maker named, no one's
  fs = test::facts("Oslo expelled a Russian diplomat in response to the expulsion of a Norwegian attache.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "NOR", "RUS") != nullptr);
  for (const Fact& f : fs) CHECK(test::countries(f, "target").count("NOR") == 0);
}

TEST_CASE("an act a party is due to do is planned, however the parser read 'due to'") {
  auto fs = test::facts("Laos and Thailand are due to sign a power deal on Friday.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "05", "LAO,THA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("an act not weighed or not planned is denied: 'is not weighing a break in ties'") {
  auto fs = test::facts("Ecuador's foreign minister said Quito was not considering cutting its ties with Lima.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "16", "ECU", "PER");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::negated);
  // weighed, it is no fact yet
  fs = test::facts("Ecuador's foreign minister said Quito was considering cutting its ties with Lima.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "ECU", "PER") == nullptr);
}

TEST_CASE("a warning of the warner's own act, on a condition, is a threat to whom that act would hit") {
  auto fs = test::facts(
      "KAMPALA, May 3 (Wire) - Uganda's trade minister warned that Kampala would halt its imports of Kenyan sugar "
      "if the new duties went ahead.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "UGA", "KEN") != nullptr);
}

TEST_CASE("a response announced in kind is a threat, made now, at the maker of the act it answers") {
  auto fs = test::facts(
      "OSLO, May 3 (Wire) - Norway expelled a Russian diplomat on Monday.\n\n"
      "Moscow would respond in kind, a foreign ministry spokeswoman said.");
  CAPTURE(test::summary(fs));
  const Fact* t = test::find(fs, "13", "RUS", "NOR");
  REQUIRE(t != nullptr);
  CHECK(t->status == Status::occurred);
  // a response to a proposal is no threat
  fs = test::facts("Iran said it would respond to the European proposal next week.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") == nullptr);
}

TEST_CASE("status: an act anywhere inside what an accusation alleges is alleged; a rejection set beside the charge is not") {
  auto fs = test::facts(
      "Chad shut its border with Sudan on Monday and expelled a Sudanese envoy, accusing Khartoum of hiding the men "
      "behind a bomb attack in the Chadian capital last week.",
      "2026-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "TCD", "SDN") != nullptr);
  CHECK(test::with_root(fs, "19") == nullptr);
  CHECK(test::with_root(fs, "18") == nullptr);
  // ("shut" after a singular subject is a past, not a present of what is
  // scheduled: the closure happened on the Monday before)
  for (const Fact& f : fs) CHECK(f.status == Status::occurred);
  fs = test::facts(
      "A Malian army spokesman accused Niamey of letting armed men cross into Mali to buy fuel, a charge the "
      "Nigerien government has repeatedly rejected.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "NER", "MLI") != nullptr);
}

TEST_CASE("status: what one hopes another state will do is no act of that state; the hope asks it") {
  auto fs = test::facts("Chile hopes that Peru will lift its ban on salmon imports.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "CHL", "PER") != nullptr);
  CHECK(test::with_root(fs, "08") == nullptr);
  // (one's own hope to act is an intent)
  fs = test::facts("Chile hopes to visit Peru next year.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "CHL", "PER") != nullptr);
}
