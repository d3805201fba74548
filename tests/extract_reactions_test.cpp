// Reactions to another party or its act: idioms of criticism ("hit out
// at", "took aim at"), tone words that call a claim false ("a smear"), and
// praise or criticism of a noun event aimed at the parties "between" whom
// it is. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("reactions: idioms, tone words, the parties of a noun event") {
  const test::RoleCase cases[] = {
      {"The Hungarian prime minister hit out at Kyiv over its language law.", "11", "HUN", "UKR"},
      {"Colombia's president took aim at Ecuador's new tariffs in a televised address.", "11",
       "COL", "ECU"},
      {"The Russian embassy in Oslo called the Norwegian newspaper report a smear.", "11", "RUS",
       "NOR"},
      {"Kenya hailed the ceasefire deal between Ethiopia and Eritrea.", "05", "KEN", "ETH,ERI"},
      {"Italy welcomed the talks between Libya and Tunisia on migration.", "05", "ITA", "LBY,TUN"},
  };
  for (const auto& c : cases) test::check_found(c);
  // welcoming talks between others is no hosting of them
  auto fs = test::facts("Italy welcomed the talks between Libya and Tunisia on migration.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "043") == nullptr);
}

TEST_CASE("a fronted phrase's last noun is no list with the clause's subject") {
  // "Despite objections from Egypt, Ethiopia ...": Ethiopia is the subject
  auto fs = test::facts("Despite objections from Egypt, Ethiopia began filling the reservoir.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "EGY", "ETH") != nullptr);
}

TEST_CASE("talks told in one clause are not joined by a party met in another") {
  auto fs = test::facts(
      "After visiting the King of Jordan in Amman, the Indian minister flew to Cairo for talks "
      "with the Egyptian president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "IND,EGY") != nullptr);
  CHECK(test::find_sym(fs, "04", "JOR,EGY") == nullptr);
}

TEST_CASE("an arrest told 'in' a place is that state's; concern over it is aimed there") {
  const test::RoleCase cases[] = {
      {"The Canadian government voiced concern over the detention of its citizens in Iran.", "11",
       "CAN", "IRN"},
      {"The Canadian government voiced concern over the detention of its citizens in Iran.", "17",
       "IRN", "CAN"},
      {"The arrest of a Dutch journalist in Moscow drew a protest from the Netherlands.", "17",
       "RUS", "NLD"},
      {"The arrest of a Dutch journalist in Moscow drew a protest from the Netherlands.", "11",
       "NLD", "RUS"},
      // opposition with its parties named
      {"Azerbaijan held the drills despite opposition from Armenia.", "12", "ARM", "AZE"},
  };
  for (const auto& c : cases) test::check_found(c);
  // "the opposition" alone is a party of a country's politics, no act
  auto fs = test::facts("Kenya's opposition rejected the election results.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "120") == nullptr);
}

TEST_CASE("a body met after a meeting is a meeting of its own, and its relative clause acts") {
  auto fs = test::facts(
      "The Kenyan president flew to Addis Ababa for talks with the Ethiopian prime minister. "
      "Later, he met the African Union Commission chairman, who thanked him for Kenya's support.");
  CAPTURE(test::summary(fs));
  auto has = [](const std::vector<Actor>& side, const std::string& id) {
    return std::any_of(side.begin(), side.end(), [&](const Actor& a) { return a.id == id; });
  };
  int with_au = 0, with_eth = 0;
  const Fact* thanks = nullptr;
  for (const Fact& f : fs) {
    if (f.root == "04" && has(f.participants, "org:AU"))
      ++with_au, with_eth += has(f.participants, "country:ETH");
    if (f.root == "05" && has(f.source, "org:AU")) thanks = &f;
  }
  // two meetings: the AU is no party of the talks with Ethiopia
  CHECK(with_au == 1);
  CHECK(with_eth == 0);
  // "who thanked him": the chairman's body thanked Kenya
  REQUIRE(thanks != nullptr);
  CHECK(test::countries(*thanks, "target").count("KEN") == 1);
}

TEST_CASE("'its' after a verb that answers another's act stays the recognizer's") {
  auto fs = test::facts(
      "Somalia criticized the visit, saying Nairobi had ignored its concerns over the maritime "
      "border.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "SOM", "KEN") != nullptr);
  CHECK(test::find(fs, "11", "KEN", "SOM") == nullptr);
}

TEST_CASE("speech: 'told reporters' after a quote, disease words, standing with a party") {
  const test::RoleCase cases[] = {
      // the parser reads "told" as an adjective of "reporters"
      {"\"China's behaviour in the strait is dangerous and destabilising,\" the Australian "
       "defence minister told reporters.",
       "11", "AUS", "CHN"},
      {"The Iranian president called Israel a cancerous tumour in the region.", "11", "IRN", "ISR"},
      {"\"We stand with Armenia,\" the French foreign minister said during a visit to Yerevan.",
       "05", "FRA", "ARM"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("an act borne or warded off is not its bearer's") {
  auto fs = test::facts("Ukrainian troops repelled a Russian assault near Kupiansk on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "RUS", "UKR") != nullptr);
  fs = test::facts("The Pentagon said it would not tolerate attacks on its troops in Syria.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("a present tense after 'before' or 'until' tells what is yet to come") {
  auto fs = test::facts(
      "Erdogan said Sweden must do more to fight terrorism before Turkey approves its bid.");
  CAPTURE(test::summary(fs));
  // (the approval is read, so the check below is not empty)
  REQUIRE(test::with_root(fs, "05") != nullptr);
  for (const Fact& f : fs)
    if (f.root == "05") CHECK(f.status != Status::occurred);
  CHECK(test::find(fs, "10", "TUR", "SWE") != nullptr);
}

TEST_CASE("a passive act of force told by the police is not the police's act") {
  for (const char* text :
       {"Thai police said a Cambodian activist was shot dead in Bangkok on Tuesday.",
        "Kenyan police said two Somali traders were abducted near the border."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "18") == nullptr);
    CHECK(test::with_root(fs, "19") == nullptr);
  }
}

TEST_CASE("an object pronoun is not its own clause's subject") {
  // the recognizer, without the tree, takes the subject for "him"
  auto fs = test::facts(
      "Australia's foreign minister Penny Wong arrived in Beijing on Wednesday. She met her "
      "Chinese counterpart Wang Yi and urged him to lift trade restrictions on Australian wine.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "AUS", "CHN") != nullptr);
}

TEST_CASE("a reprisal vowed is a threat") {
  test::check_found({"Iran vowed a harsh response against Israel.", "13", "IRN", "ISR"});
}

TEST_CASE("a deal a dispute is 'over' is no deal of the disputing sides") {
  auto fs =
      test::facts("Ethiopia and Somalia traded accusations over the port deal with Somaliland.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "ETH", "SOM") != nullptr);
  CHECK(test::with_root(fs, "06") == nullptr);
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("an accusation by another, faced or rejected, is aimed at the one who faces it") {
  const test::RoleCase cases[] = {
      {"Zambia rejected an accusation by a Malawian official that its army had planned to cross "
       "the border.",
       "11", "MWI", "ZMB"},
      {"Peru faces charges from Chile that it broke the fishing accord.", "11", "CHL", "PER"},
      {"Ghana dismissed Togo's allegation that it had armed the rebels.", "11", "TGO", "GHA"},
  };
  for (const auto& c : cases) test::check_found(c);
  // what the accused is said to have planned is no plan of the accusation
  auto fs = test::facts(
      "Zambia rejected an accusation by a Malawian official that its army had planned to cross "
      "the border.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "11", "MWI", "ZMB");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("what is asked and not accepted is rejected; standing behind a state backs it") {
  const test::RoleCase cases[] = {
      {"Peru said it would never accept Chile's demands.", "12", "PER", "CHL"},
      {"Vietnam lodged a protest with China on Monday. A Chinese spokesman said Beijing would not "
       "accept Hanoi's protest.",
       "12", "CHN", "VNM"},
      {"Poland said it stood firmly behind Lithuania.", "05", "POL", "LTU"},
  };
  for (const auto& c : cases) test::check_found(c);
  // the rejection is done, not negated
  auto fs = test::facts("Peru said it would never accept Chile's demands.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "12", "PER", "CHL");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
  // an accepted proposal is no rejection
  fs = test::facts("Peru accepted Chile's proposal for talks.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
  // troops standing by a border back no one
  fs = test::facts("Peruvian troops stood by the border with Chile.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("a threat that names its measure is aimed where the measure is, not at the latest foe") {
  auto fs = test::facts(
      "Peru said it would never accept the demands made by Chile. Heavy rain flooded the capital. "
      "Peru threatened to impose sanctions on Bolivia if the talks failed.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "PER", "BOL") != nullptr);
  CHECK(test::find(fs, "13", "PER", "CHL") == nullptr);
}

TEST_CASE("a charge brushed aside, shrugged off or waved away is rejected") {
  const test::RoleCase cases[] = {
      {"Bolivia criticised Chile over the gas deal on Monday. Chile brushed the criticism aside.", "12", "CHL",
       "BOL"},
      {"Bolivia accused Chile of bad faith. Chile shrugged off the charge.", "12", "CHL", "BOL"},
      {"Chile waved aside Bolivian demands for talks.", "12", "CHL", "BOL"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts("The Chilean president waved to the crowd in Lima.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("a charge called untrue is rejected, answering the latest accuser") {
  const test::RoleCase cases[] = {
      {"China accused Australia of meddling in the Pacific. Australia's foreign minister said the charge "
       "was \"plainly false\".",
       "12", "AUS", "CHN"},
      {"Serbia accused Croatia of meddling in its affairs. Croatia said the accusations were baseless and cynical.", "12",
       "HRV", "SRB"},
  };
  for (const auto& c : cases) test::check_found(c);
  // a report called wrong is no charge answered
  auto fs = test::facts("China accused Australia of meddling in the Pacific. Australia said the weather report was wrong.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("a capital that 'denies' a charge (no plural noun) rejects the accuser") {
  auto fs = test::facts("Nicaragua accused Honduras on Monday of sheltering armed rebels. Tegucigalpa denies arming the guerrillas.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "HND", "NIC") != nullptr);
}

TEST_CASE("a demand or call resisted is rejected; an offensive resisted is no rejection") {
  auto fs = test::facts("Bolivia has resisted Chile's demand to reopen the border.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "BOL", "CHL") != nullptr);
  fs = test::facts("Bolivia resisted the Chilean offensive near the border.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("a subject hung on a fronted place phrase acts; the act it answers is another's") {
  // Havana's expulsions, then Washington's word on them (the parser hangs
  // the subject on the place phrase before it)
  auto fs = test::facts(
      "HAVANA, March 10 - Cuba on Monday ordered two American diplomats to leave the island, a week "
      "after the United States expelled a Cuban attache.\n\nIn Washington, the US State Department "
      "called the Cuban expulsions \"baseless\" and said the two women had broken no rules.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "USA", "CUB") != nullptr);
}

TEST_CASE("what an appeal or demand asks for in a clause of what should happen is no act done") {
  for (const char* text : {"Kenya asked that Uganda lift its ban on Kenyan sugar.",
                           "The Kenyan government insisted that Uganda lift its ban on Kenyan sugar."}) {
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK((test::find(fs, "02", "KEN", "UGA") != nullptr || test::find(fs, "10", "KEN", "UGA") != nullptr));
    CHECK(test::with_root(fs, "08") == nullptr);
  }
}

TEST_CASE("'denounced what it termed a senseless assault': the free relative names the act told before") {
  auto fs = test::facts(
      "ACCRA, June 4 (Wire) - Togolese troops fired on a Ghanaian border post on Monday.\n\n"
      "The Dutch foreign ministry denounced what it termed a senseless assault and voiced support for Ghana.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "NLD", "TGO") != nullptr);
  CHECK(test::find(fs, "11", "NLD", "GHA") == nullptr);
}

TEST_CASE("a protest or complaint handed, delivered or sent to an envoy or a state is a complaint to it, not a demonstration") {
  const test::RoleCase cases[] = {
      {"Kenya summoned Uganda's envoy and handed the diplomat a sharply worded protest against Kampala's plan "
       "to shut the border.",
       "11", "KEN", "UGA"},
      {"Kenya delivered Tanzania a formal complaint about the tariffs.", "11", "KEN", "TZA"},
  };
  for (const auto& rc : cases) test::check_found(rc);
  auto fs = test::facts(cases[0].text);
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "14") == nullptr);
}

TEST_CASE("a quote judging another state with a verb that links like 'be' is praise or criticism, however the parser hung 'said'") {
  const test::RoleCase cases[] = {
      {"\"Norway remains a dependable friend of Ghana,\" the Ghanaian president said.", "05", "GHA", "NOR"},
      {"\"Norway remains Ghana's most valued partner,\" President Mahama said after meeting the Norwegian envoy.",
       "05", "GHA", "NOR"},
  };
  for (const auto& rc : cases) test::check_found(rc);
}

TEST_CASE("a firm response vowed to a wrong done by another state is a threat to that state") {
  const test::RoleCase cases[] = {
      {"\"We will respond firmly to any aggression by Eritrea,\" Ethiopia's army chief said.", "13", "ETH", "ERI"},
  };
  for (const auto& rc : cases) test::check_found(rc);
  // a place "by" whom a trip was made names no maker of a wrong
  auto fs = test::facts("Peru's trade minister flew to the capital, the first trip to Lima's rival by a Peruvian "
                        "envoy since 2019, and vowed to respond firmly.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") == nullptr);
}

TEST_CASE("states that clash over an issue quarrel; troops that clash fight; an appeal for an act in a state is aimed at it") {
  auto fs = test::facts("Hungary and Slovakia clashed over minority language rights.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
  CHECK(test::find_sym(fs, "11", "HUN,SVK") != nullptr);
  fs = test::facts("Armenian and Azerbaijani troops clashed over a disputed hilltop.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "19", "ARM,AZE") != nullptr);
  fs = test::facts("Italy and Spain called for an immediate truce in Libya.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "ITA,ESP", "LBY") != nullptr);
}

TEST_CASE("a warning of the warner's own hostile act, with 'that' or without, is a threat to whom the act would hit, and no act planned") {
  for (const char* text : {"Ghana warned it would cut ties with Togo if the junta did not free the hostages.",
                           "Ghana warned that it would cut ties with Togo if the junta did not free the hostages.",
                           "Ghana warned that it would cut ties with Niger if the junta did not free the president."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    const Fact* f = test::find(fs, "13", "GHA", "");
    REQUIRE(f != nullptr);
    CHECK(!f->target.empty());
    CHECK(f->cameo == "131");
    CHECK(test::with_root(fs, "16") == nullptr);
  }
}

TEST_CASE("'X did Y, a move Z described as hostile' is Z's criticism of X, however the parser read the two nouns") {
  auto fs = test::facts("Last year, Togo expelled 300 Ghanaian traders, a move Accra described as hostile.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "GHA", "TGO") != nullptr);
}

TEST_CASE("entry or visas denied are refused to whom they are denied, no answer to the last act told") {
  auto fs = test::facts("Niger revoked its defence agreements with France on Monday. Tunisia denied entry to a delegation "
                        "of European lawmakers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "TUN", "NER") == nullptr);
  CHECK(test::find(fs, "12", "TUN", "FRA") == nullptr);
}

TEST_CASE("an objection an act is done over or despite is aimed at whoever does it") {
  const test::RoleCase cases[] = {
      {"Kenya built the dam despite strong objections from Uganda.", "11", "UGA", "KEN"},
  };
  for (const auto& rc : cases) test::check_found(rc);
}

TEST_CASE("reactions: where a statement came from is no party to the reaction it voices") {
  auto fs = test::facts(
      "ACCRA, May 4 (Wire) - Ghana and Togo signed a customs pact on Thursday. The African Union hailed "
      "the pact in a letter from Addis Ababa, describing it as an example for the region.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "05", "", "GHA,TGO");
  REQUIRE(f != nullptr);
  for (const Fact& x : fs) CHECK(test::countries(x).count("ETH") == 0);
}

TEST_CASE("reactions: a speaker with a 'whose' clause ('whose state borders both') praises what was done") {
  for (const char* clause : {"president, whose state borders both, welcomed",
                             "leader, whose country borders the lake, hailed"}) {
    auto fs = test::facts(std::string("KAMPALA, Oct 7 (Wire) - Uganda and South Sudan reopened their main border "
                                      "crossing on Wednesday after a year.\n\nKenya's ") +
                              clause + " the reopening in a letter to his two counterparts.",
                          "2026-10-07");
    CAPTURE(clause);
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "05", "KEN", "UGA,SSD") != nullptr);
  }
}
