// Single sentences in the style of a coding manual's examples: withdrawals,
// formal promises, lawsuits, deportations, talks halted, passives with a
// time word, and complements after "in principle". Every sentence is
// written for these tests.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("forces pulled out of a country or falling back from a place withdraw from it (087)") {
  auto fs = test::facts("Ghana pulled its last peacekeepers out of Liberia in March.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "087", "GHA", "LBR") != nullptr);
  fs = test::facts("Rwandan troops retreated from the Congolese town of Goma on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "087", "RWA", "COD") != nullptr);
}

TEST_CASE("a state that undertakes to act promises it (030, intended)") {
  auto fs = test::facts("Turkey undertook to return the seized trawler to Greece within a week.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "03", "TUR", "GRC");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::intended);
  // a task undertaken is no promise
  fs = test::facts("Turkey undertook a review of its visa rules for Greek visitors.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "03") == nullptr);
}

TEST_CASE("a suit filed against a state is a lawsuit (115)") {
  auto fs = test::facts("Iran filed suit against Washington at the World Court.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "115", "IRN", "USA") != nullptr);
}

TEST_CASE("people of another state driven out are deported (174); envoys are expelled (166)") {
  auto fs = test::facts("Nigeria expelled thousands of Ghanaians in a single month.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "174", "NGA", "GHA") != nullptr);
  fs = test::facts("Libya expelled 400 Tunisian workers last week.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "174", "LBY", "TUN") != nullptr);
  fs = test::facts("Libya expelled three Tunisian diplomats last week.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "166", "LBY", "TUN") != nullptr);
}

TEST_CASE("talks suspended, frozen or broken off are negotiations halted (164)") {
  auto fs = test::facts("Venezuela broke off talks with Colombia over the border incident.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "164", "VEN", "COL") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);  // no talks held
  fs = test::facts("The EU froze its talks with Turkey on Monday.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "16");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "164");
}

TEST_CASE("a time word after the agent of a passive does not hide it") {
  auto fs = test::facts("Two Afghan villages were hit by Pakistani aircraft overnight, officials said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "PAK", "AFG") != nullptr);
}

TEST_CASE("an infinitive after 'in principle' is the verb's complement, with its status") {
  auto fs = test::facts("The World Bank agreed in principle to lend Ghana 90 million dollars.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "07", "", "GHA");
  REQUIRE(f != nullptr);
  CHECK(f->status != Status::occurred);
  for (const auto& g : fs) CHECK(g.status != Status::occurred);
}

TEST_CASE("an inquiry into wrongs done by a state's forces is aimed at that state, and they are not the inquirer's") {
  auto fs = test::facts("The UN opened an investigation into atrocities by Ethiopian troops in the Ogaden.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "09", "", "ETH") != nullptr);
  for (const auto& f : fs) CHECK(f.root != "18");
}

TEST_CASE("intelligence passed or handed to another state is shared (064)") {
  auto fs = test::facts("Morocco passed intelligence to the Spanish police on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "064", "MAR", "ESP") != nullptr);
}

TEST_CASE("a capital that plays host to a delegation receives its visit (043)") {
  auto fs = test::facts("Dakar played host to a Gambian delegation for three days.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "043", "SEN", "GMB") != nullptr);
}

TEST_CASE("a protest is aimed at what its purpose clause criticizes") {
  auto fs = test::facts("Bolivian students held a noisy rally in La Paz to denounce the Chilean decision.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "BOL", "CHL") != nullptr);
  // a purpose that asks for something names no target
  fs = test::facts("Bolivian students held a noisy rally in La Paz to demand higher grants.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "14") == nullptr);
}

TEST_CASE("declining to act, snubbing and defying are rejections (120, 128)") {
  auto fs = test::facts("Burma declined to receive an envoy from ASEAN last month.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "MMR", "") != nullptr);
  fs = test::facts("Fiji snubbed an Australian offer of mediation.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "120", "FJI", "AUS") != nullptr);
  fs = test::facts("Syria kept its troops in the valley in defiance of the Arab League.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "SYR", "") != nullptr);
  // declining to comment is no act refused
  fs = test::facts("Burma declined to comment on the ASEAN report.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("a state that throws its weight behind another's bid backs it (051)") {
  auto fs = test::facts("Brazil threw its weight behind the Argentine bid for a seat.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "051", "BRA", "ARG") != nullptr);
}

TEST_CASE("an object moved after a phrase of its verb is still its object") {
  // property handed back: a return (084), the particle's "to" phrase the verb's
  auto fs = test::facts("Austria handed back to Slovenia a set of church bells taken during the war.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "084", "AUT", "SVN") != nullptr);
  // "stabbed to death X": X is the one assaulted
  fs = test::facts("Two Iraqi gunmen stabbed to death a Kuwaiti businessman in Athens.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "18", "IRQ", "KWT") != nullptr);
}

TEST_CASE("force between two states told by a third state's police accuses no one") {
  auto fs = test::facts("Libyan agents kidnapped a Chadian diplomat in Rome on Friday, Italian police said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "18", "LBY", "TCD") != nullptr);
  CHECK(test::find(fs, "11", "ITA", "") == nullptr);
  // the victim state's own account is an accusation
  fs = test::facts("Libyan troops shelled three villages near the border, the Chadian army said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TCD", "LBY") != nullptr);
}

TEST_CASE("a particle hung on the object is its verb's, with the phrase it opens") {
  auto fs = test::facts("Senegal pulled its last soldiers out of Gambia, ending a long mission there.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "087", "SEN", "GMB") != nullptr);
}

TEST_CASE("a recipient's 'to' phrase hung on the topic of what is passed is the verb's") {
  auto fs = test::facts("Oman passed intelligence on the gun runners to the Yemeni authorities.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "064", "OMN", "YEM") != nullptr);
}

TEST_CASE("nationals investigated stand for their state (09 is done to people)") {
  auto fs = test::facts("Swiss prosecutors began investigating four Nigerian businessmen.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "09", "CHE", "NGA") != nullptr);
}

TEST_CASE("demonstrators who condemn a state at a rally or an embassy protest against it (141)") {
  auto fs = test::facts("Angry Pakistani students threw stones at the Indian consulate in Karachi to condemn New Delhi.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "141", "PAK", "IND") != nullptr);
  // a state that condemns another complains (111)
  fs = test::facts("Pakistan condemned India on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "111", "PAK", "IND") != nullptr);
}

TEST_CASE("students who pelt an embassy to denounce its state protest against it") {
  // (read by the parser as a noun phrase: "hurled" a modifier of "eggs")
  auto fs = test::facts("South Korean students hurled eggs at the Chinese embassy to denounce Beijing.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "141", "KOR", "CHN") != nullptr);
}

TEST_CASE("a name that opens the sentence is the subject of the verb after it, adverbs between") {
  auto fs = test::facts("Chile sharply criticised Peru's decision to close the border, calling it a hostile act.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "111", "CHL", "PER") != nullptr);
  // the participle after the comma is the critic's, not the decision maker's
  CHECK(test::find(fs, "11", "PER", "CHL") == nullptr);
}

TEST_CASE("what a state is appealed to do is asked of it, not done by the one who appeals") {
  auto fs = test::facts("SADC appealed to Zimbabwe and Angola to withdraw their forces from Congo at once.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "", "ZWE") != nullptr);
  for (const auto& f : fs) CHECK(!(f.root == "08" && f.status == Status::occurred));
}

TEST_CASE("aid that a state cuts or suspends is no aid given") {
  auto fs = test::facts("Japan cut its loans to Burma.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "JPN", "MMR") != nullptr);
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("verbs of the coding manual's categories that had no frame") {
  const test::RoleCase cases[] = {
      {"Libya nationalized the Italian oil company in June.", "17", "LBY", "ITA"},
      {"Bosnian Serb forces besieged the Croatian town of Bihac.", "19", "", "HRV"},
      {"Iraq executed four Iranian prisoners of war on Sunday.", "18", "IRQ", "IRN"},
      {"Egypt reprimanded the Sudanese ambassador over the border incident.", "11", "EGY", "SDN"},
      {"Japan embargoed arms sales to Burma.", "16", "JPN", "MMR"},
  };
  for (const auto& c : cases) test::check_found(c);
  // a plan carried out is no killing
  auto fs = test::facts("Iran executed its plan to build a port with India.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "18") == nullptr);
}

TEST_CASE("a participle that opens the sentence does not take the subject after its comma") {
  auto fs = test::facts("Waving flags, hundreds of Greek farmers rallied outside the Turkish consulate.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "GRC", "TUR") != nullptr);
}

TEST_CASE("a name in a 'by' phrase of a gerund inside a passive's phrase is the passive's agent") {
  auto fs = test::facts("Kenya was promised aid for rebuilding its roads by Japan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "JPN", "KEN") != nullptr);
}

TEST_CASE("who backs another's demand is not whom the demand is aimed at") {
  auto fs = test::facts("Jordan voiced support for the Iraqi demand for talks.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "JOR", "IRQ") != nullptr);
  CHECK(test::find(fs, "10", "IRQ", "JOR") == nullptr);
  fs = test::facts("ASEAN has thrown its weight behind the Thai demand.");
  CAPTURE(test::summary(fs));
  for (const auto& f : fs) CHECK(f.root != "10");
}

TEST_CASE("troops massed on a state's border are a show of force against it (152)") {
  auto fs = test::facts("Libyan troops massed on the Egyptian border on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "LBY", "EGY") != nullptr);
}
