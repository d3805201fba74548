// Parties across the clauses of a sentence: a purpose infinitive after a
// title's "of" phrase, a verb joined to another with an object of its own,
// a participle that modifies its object, an act a hostile verb is "over";
// and apologies told by a noun. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("a purpose infinitive after a title's 'of' phrase is the caller's act") {
  auto fs = test::facts("The Omani foreign minister telephoned the King of Jordan to congratulate him on the agreement.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "OMN", "JOR") != nullptr);
  CHECK(test::find(fs, "05", "JOR", "OMN") == nullptr);
}

TEST_CASE("a verb with an object of its own that names no party is aimed at no joined verb's object") {
  auto fs = test::facts("The Hungarian premier praised Poland and blamed the bureaucrats for the delays.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "HUN", "POL") != nullptr);
  CHECK(test::with_root(fs, "11") == nullptr);
  // with no object at all the joined verb's object may still be the target
  auto both = test::facts("Bolivian officials condemned and rejected the Chilean proposal on Tuesday.");
  CAPTURE(test::summary(both));
  CHECK(test::find(both, "11", "BOL", "CHL") != nullptr);
}

TEST_CASE("a participle that modifies its object, with its 'by' agent, tells the act") {
  const test::RoleCase cases[] = {
      {"Troops sent by Burundi to Somalia will stay until June.", "07", "BDI", "SOM"},
      {"The troops deployed by India to the Maldives left the islands in May.", "07", "IND", "MDV"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("an act a hostile verb's object is sanctioned 'over' is another's, not the subject's") {
  auto fs = test::facts("Australia and Japan jointly sanctioned five Myanmar officers over the crackdown on protesters.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "AUS,JPN", "MMR") != nullptr);
  for (const Fact& f : fs) CHECK(f.root != "17");
}

TEST_CASE("an apology told by a noun, or offered, is an apology") {
  const test::RoleCase cases[] = {
      {"Germany's apology to Namibia for the colonial killings was accepted on Friday.", "05", "DEU", "NAM"},
      {"The Danish prime minister offered an apology to Greenland for the experiment.", "05", "DNK", "GRL"},
  };
  for (const auto& c : cases) {
    test::check_found(c);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_cameo(fs, "055") != nullptr);
    CHECK(test::with_root(fs, "03") == nullptr);
  }
}

TEST_CASE("an act two parties aim at each other is each one's act against the other") {
  for (const char* text : {"Sudan and Chad accused each other of arming rebels along the border.",
                           "The Serbian and Croatian presidents praised one another at the ceremony."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    const bool blame = text[0] == 'S' && text[1] == 'u';
    const std::string a = blame ? "SDN" : "SRB", b = blame ? "TCD" : "HRV", root = blame ? "11" : "05";
    CHECK(test::find(fs, root, a, b) != nullptr);
    CHECK(test::find(fs, root, b, a) != nullptr);
  }
}

TEST_CASE("a plain 'they' of two countries acts together, not against each other") {
  auto fs = test::facts("Russia cut oil supplies to Hungary and Slovakia after they refused to pay in roubles.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "RUS", "HUN,SVK") != nullptr);
  // no reply of Russia's read from the refusal
  for (const Fact& f : fs) CHECK(!(f.root == "12" && test::countries(f, "source").count("RUS")));
}

TEST_CASE("a verb form glued to a prefix of stance modifies the noun after it") {
  auto fs = test::facts("Mexico imposed anti-dumping duties on Brazilian steel pipes.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "MEX", "BRA") != nullptr);
}

TEST_CASE("whom a noun event is aimed at is the tree's, not the last name of the sentence") {
  auto fs = test::facts("The Iranian president's visit to Venezuela worried Washington.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "IRN", "VEN") != nullptr);
  CHECK(test::find(fs, "04", "IRN", "USA") == nullptr);
}

TEST_CASE("'Sino-' is China's in a compound of nationalities") {
  auto fs = test::facts("The Sino-Vietnamese border war of 1979 killed thousands of soldiers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "19", "CHN,VNM") != nullptr);
}

TEST_CASE("the subject of a clause joined after the act's is not whom the act is aimed at") {
  auto fs = test::facts(
      "The Fijian government warned that the talks would end unless the deadline was met, and "
      "the Samoan envoy told reporters the mood was calm.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "FJI", "WSM") == nullptr);
  // a clause before it may be what the act answers
  test::check_found({"Nigeria accused Benin of harbouring smugglers, a charge Benin has always "
                     "rejected.",
                     "12", "BEN", "NGA"});
}

TEST_CASE("a relative clause with a subject of its own and no object has its noun as the object") {
  test::check_found({"In June, Chile expelled a Bolivian diplomat whom it accused of helping to "
                     "plan protests by Bolivian migrants in Santiago, and La Paz responded by "
                     "expelling a Chilean diplomat.",
                     "11", "CHL", "BOL"});
}

TEST_CASE("a particle of a phrasal verb is no verb of its own") {
  auto fs = test::facts(
      "Hungary on Saturday ordered two Slovak diplomats to leave, hitting back a day after "
      "Slovakia expelled two Hungarian officials.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);  // "back" is no endorsement
  CHECK(test::find(fs, "16", "HUN", "SVK") != nullptr);
}

TEST_CASE("a second verb of one subject, naming no party, is aimed at the first verb's object") {
  // (the sentence names a third country, so no "one other country" guess)
  auto fs = test::facts(
      "Peru summoned the Chilean envoy over the arrest of two Bolivian truck drivers and demanded an apology.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "PER", "CHL") != nullptr);
  CHECK(test::find(fs, "10", "PER", "CHL") != nullptr);
  // an object naming people is whom the second verb addresses
  auto urged = test::facts(
      "Peru summoned the Chilean envoy over the arrest of two Bolivian drivers and urged the officials to act.");
  CAPTURE(test::summary(urged));
  CHECK(test::find(urged, "02", "PER", "CHL") == nullptr);
  // a noun before the second verb is its own subject, however the parser hung it
  auto own = test::facts("Ecuador hosted the Chilean envoy in Quito and both sides pledged to deepen ties with Bolivia.");
  CAPTURE(test::summary(own));
  CHECK(test::find(own, "03", "ECU", "CHL") == nullptr);
}

TEST_CASE("a past tagged as an adjective after 'and' is the second verb of the clause") {
  auto fs = test::facts("Fiji accused Tongan crews of poaching near the Lau Islands and demanded damages for the fishermen.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "FJI", "TON") != nullptr);
  CHECK(test::find(fs, "10", "FJI", "TON") != nullptr);
}

TEST_CASE("people released by each of a pair, to no one named, are released to the other") {
  auto fs = test::facts("Eritrea and Ethiopia each handed over 40 prisoners of war at the border on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "08", "ERI", "ETH") != nullptr);
  CHECK(test::find(fs, "08", "ETH", "ERI") != nullptr);
  // (money each of them pledges goes to no one of the pair)
  fs = test::facts("Eritrea and Ethiopia each pledged 5 million dollars on Friday.");
  CAPTURE(test::summary(fs));
  for (const char* root : {"03", "07", "08"}) CHECK(test::find(fs, root, "ERI", "ETH") == nullptr);
}
