// extract events: one table row per event family (CAMEO roots 01-20), then
// status, dates, places, direction (passive voice), topics and negative
// cases. Sentences are written for these tests about many countries.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

namespace {

struct EventCase {
  const char* text;
  const char* root;     // expected CAMEO root of some fact
  const char* source;   // countries that must be on the source side ("" = no check)
  const char* target;   // countries that must be on the target side
  const char* parties;  // countries that must be among all parties
  const char* status;   // "" = no check
  const char* date;     // "" = no check; "-" = empty
  const char* place;    // location name, "" = no check, "-" = none
};

void check_case(const EventCase& c, const std::string& article_date = "2025-03-14") {
  std::string text = c.text;
  CAPTURE(text);
  auto fs = test::facts(c.text, article_date);
  std::string got = test::summary(fs);
  CAPTURE(got);
  // The fact of that root that fits best: the first one with the right source.
  const Fact* f = nullptr;
  for (const Fact& x : fs) {
    if (x.root != c.root) continue;
    if (!f) f = &x;
    auto src = test::countries(x, "source");
    bool ok = true;
    for (const auto& s : test::codes(c.source)) ok &= src.count(s) > 0;
    if (ok) {
      f = &x;
      break;
    }
  }
  CHECK(f != nullptr);
  if (!f) return;
  for (const auto& s : test::codes(c.source)) CHECK(test::countries(*f, "source").count(s) == 1);
  for (const auto& s : test::codes(c.target)) CHECK(test::countries(*f, "target").count(s) == 1);
  for (const auto& s : test::codes(c.parties)) CHECK(test::countries(*f).count(s) == 1);
  if (*c.status) CHECK(std::string(to_string(f->status)) == c.status);
  if (std::string(c.date) == "-") CHECK(f->date.empty());
  else if (*c.date) CHECK(f->date == c.date);
  if (std::string(c.place) == "-") CHECK(!f->location.has_value());
  else if (*c.place) {
    REQUIRE(f->location.has_value());
    CHECK(f->location->name == c.place);
  }
  // Every fact is complete.
  for (const Fact& x : fs) {
    CHECK(!x.id.empty());
    CHECK(x.quad_class >= 1);
    CHECK(!x.evidence.empty());
    CHECK(x.confidence > 0.0);
    CHECK(x.confidence <= 1.0);
  }
}

}  // namespace

TEST_CASE("extract events: every family, source on the subject side, target on the object side") {
  const EventCase cases[] = {
      // 01 statement, with what was said about another country (its subject)
      {"The Chilean foreign minister said on Monday that Peru remained a priority.",
       "01", "CHL", "PER", "", "occurred", "2025-03-10", ""},
      // 02 appeal
      {"Kenya urged Uganda on Tuesday to reopen the border crossing.", "02", "KEN", "UGA", "", "", "2025-03-11", ""},
      // 03 intent to cooperate
      {"Vietnam pledged to expand cooperation with Cambodia on flood control.", "03", "VNM", "", "", "", "", ""},
      // 04 meeting, symmetric
      {"Brazilian President Marta Quintela met Argentine President Hugo Barrios in Montevideo on Friday.",
       "04", "", "", "BRA,ARG", "occurred", "2025-03-14", "Montevideo"},
      // 04 a visit made
      {"Swedish Prime Minister Anna Lindqvist Berg visited Finland last week.", "04", "SWE", "FIN", "",
       "occurred", "2025-03", "Finland"},
      // 04 a visit hosted
      {"Egypt hosted Jordanian Foreign Minister Samir Haddad Qasem in Cairo on Sunday.", "04", "EGY",
       "JOR", "", "occurred", "2025-03-09", "Cairo"},
      // 05 praise (characterization with a positive tone)
      {"The Mongolian president called Japan \"a trusted friend and reliable partner\".", "05", "MNG",
       "JPN", "", "", "", ""},
      // 05 agreement signed
      {"Morocco and Senegal signed a fisheries agreement in Rabat.", "05", "", "", "MAR,SEN", "occurred", "",
       "Rabat"},
      // 06 project between countries
      {"A new gas pipeline between Azerbaijan and Georgia will open in May.", "06", "", "",
       "AZE,GEO", "planned", "2025-05", ""},
      // 07 aid
      {"Norway will provide 40 million dollars in humanitarian aid to Yemen.", "07", "NOR", "YEM", "",
       "", "", ""},
      // 07 historical aid: "built with <demonym> aid"
      {"The Aswan High Dam in Egypt, which was built in the 1960s with Soviet aid, still supplies power.",
       "07", "SUN", "EGY", "", "", "196X", ""},
      // 08 yield
      {"Myanmar released 12 Thai fishermen on Wednesday.", "08", "MMR", "THA", "", "occurred", "2025-03-12", ""},
      // 09 investigate
      {"Romanian prosecutors opened an investigation into Moldovan customs officials.", "09", "ROU", "MDA",
       "", "", "", ""},
      // 10 demand
      {"Ukraine demanded that Belarus close its airspace to military flights.", "10", "UKR", "BLR", "",
       "", "", ""},
      // 11 criticism, and 112 accusation
      {"Greece condemned Turkey on Thursday for the naval exercises.", "11", "GRC", "TUR", "", "", "2025-03-13", ""},
      {"Ethiopia accused Eritrea of arming rebels.", "11", "ETH", "ERI", "", "", "", ""},
      // 12 reject
      {"Iran rejected the proposal made by France.", "12", "IRN", "FRA", "", "", "", ""},
      // 13 threat
      {"Azerbaijan threatened Armenia with new sanctions.", "13", "AZE", "ARM", "", "", "", ""},
      // 14 protest
      {"Thousands of Colombians demonstrated against Venezuela outside the embassy.", "14", "COL", "VEN",
       "", "", "", ""},
      // 15 force posture
      {"China deployed warships near Taiwan on Saturday.", "15", "CHN", "", "", "", "2025-03-08", ""},
      // 16 sanctions and expulsions
      {"Canada imposed sanctions on Nicaragua.", "16", "CAN", "NIC", "", "", "", ""},
      {"Poland expelled three Belarusian diplomats.", "16", "POL", "BLR", "", "", "", ""},
      // 17 coercion
      {"Turkish police arrested 40 Syrian migrants in Izmir.", "17", "TUR", "SYR", "", "", "", "Izmir"},
      // 18 assault
      {"Somali militants kidnapped two Kenyan aid workers.", "18", "SOM", "KEN", "", "", "", ""},
      // 19 fight
      {"Indian troops fired on Pakistani positions across the border.", "19", "IND", "PAK", "", "", "", ""},
      // 20 mass violence
      {"The report said Serbian forces carried out a massacre of Croatian civilians.", "20", "SRB", "HRV",
       "", "", "", ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: status from cue words around the trigger") {
  const EventCase cases[] = {
      {"Peru did not sign the trade agreement with Bolivia.", "05", "", "", "PER", "negated", "", ""},
      {"Ecuador plans to sign a trade agreement with Bolivia next month.", "05", "", "", "ECU,BOL",
       "planned", "2025-04", ""},
      {"Chad and Niger are in talks to build a railway line.", "06", "", "", "TCD,NER", "negotiating",
       "", ""},
      {"The Estonian president said she was eager to meet her Latvian counterpart.", "03", "EST", "",
       "", "intended", "", ""},
      {"Mali refused to meet Burkina Faso's envoy.", "12", "MLI", "", "", "", "", ""},
      {"Rwanda will host the Burundian president in Kigali.", "04", "RWA", "BDI", "", "planned", "",
       "Kigali"},
      {"A border treaty between Chile and Argentina remained under negotiation.", "05", "", "",
       "CHL,ARG", "negotiating", "", ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: direction follows the voice, not the word order") {
  const EventCase cases[] = {
      {"Slovakia was criticized by Hungary for the new language law.", "11", "HUN", "SVK", "", "", "", ""},
      {"Hungary criticized Slovakia for the new language law.", "11", "HUN", "SVK", "", "", "", ""},
      {"Fiji was visited by the Tongan king last year.", "04", "TON", "FJI", "", "", "2024", ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: places are the event's own, not any place in the sentence") {
  const EventCase cases[] = {
      // the attribution names a capital; the meeting was elsewhere
      {"According to a statement issued by the ministry in Dhaka, Bangladeshi and Nepali officials met "
       "in Kathmandu on Monday.",
       "04", "", "", "BGD,NPL", "", "2025-03-10", "Kathmandu"},
      // a city named with its country
      {"Uruguay and Paraguay will hold a summit that will take place in Encarnación, Paraguay, later in "
       "June.",
       "04", "", "", "URY,PRY", "planned", "2025-06", ""},
      // no place named
      {"Qatar and Oman signed an energy accord.", "05", "", "", "QAT,OMN", "", "", "-"},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: topics are the countries talked about") {
  auto fs = test::facts(
      "Indian and Japanese officials discussed the situation in Sri Lanka and Myanmar during talks in "
      "Delhi.");
  CAPTURE(test::summary(fs));
  bool found = false;
  for (const Fact& f : fs) {
    if (f.root != "04") continue;
    for (const auto& t : f.topics) found |= t == "MMR";
    CHECK(test::countries(f).count("MMR") == 0);
  }
  CHECK(found);
}

TEST_CASE("extract events: no country that the text does not name") {
  const char* texts[] = {
      "Officials from Mercosur met in Asunción.",
      "The ministers met in Shanghai to discuss shipping.",
      "Delegations from Peru and Chile met in Geneva on Tuesday.",
  };
  const char* allowed[] = {"", "", "PER,CHL"};
  for (int k = 0; k < 3; ++k) {
    std::string text = texts[k];
    CAPTURE(text);
    auto fs = test::facts(texts[k]);
    CAPTURE(test::summary(fs));
    auto ok = test::codes(allowed[k]);
    for (const Fact& f : fs)
      for (const auto& c : test::countries(f)) CHECK(ok.count(c) == 1);
  }
}

TEST_CASE("extract events: the praise and criticism of a characterization follow its tone") {
  auto good = test::facts("Peru described Chile as a close friend and a strategic partner.");
  auto bad = test::facts("Peru described Chile as an aggressor and a threat to the region.");
  auto plain = test::facts("Peru described Chile as a neighbour with a long coast.");
  CAPTURE(test::summary(good));
  CAPTURE(test::summary(bad));
  CAPTURE(test::summary(plain));
  REQUIRE(test::with_root(good, "05"));
  CHECK(test::with_root(good, "05")->cameo == "051");
  REQUIRE(test::with_root(bad, "11"));
  CHECK(test::with_root(bad, "11")->cameo == "111");
  CHECK(!test::with_root(plain, "05"));
  CHECK(!test::with_root(plain, "11"));
}

TEST_CASE("extract events: a sentence without an event gives no fact") {
  const char* texts[] = {
      "The weather in Lima was mild on Tuesday.",
      "Green Valley Holdings reported higher profits.",
      "",
  };
  for (const char* t : texts) {
    std::string text = t;
    CAPTURE(text);
    CHECK(test::facts(t).empty());
  }
}

TEST_CASE("extract events: background, conditions and purposes are not events of their own") {
  struct Case {
    const char* text;
    const char* absent_root;  // no fact of this root
    const char* present_root; // but one of this root ("" = no check)
  };
  const Case cases[] = {
      // a condition
      {"Mali will meet Senegal in Dakar if Niger releases the detained officers.", "08", "04"},
      // a relative clause without a source of its own
      {"Poland hosted talks with Lithuania in Gdansk, where 12 people were killed in riots last year.", "19",
       "04"},
      // a participle describing a noun
      {"Chile returned the weapons seized last year by Bolivian customs to Peru.", "17", "08"},
      // a purpose after the event
      {"Kenyan teachers staged a protest against Uganda to demand higher pay.", "10", "14"},
      // a gerund after a preposition
      {"Peru was accused by Ecuador of violating the border accord.", "19", "11"},
      // an adjective made with a hyphen
      {"The Iranian-backed group met Iraqi officials in Baghdad.", "05", "04"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, c.absent_root) == nullptr);
    if (*c.present_root) CHECK(test::with_root(fs, c.present_root) != nullptr);
  }
}

TEST_CASE("extract events: future coercion is a threat, domestic acts stay at home") {
  const EventCase cases[] = {
      {"Tunisia announced it would withdraw its observers from Libya.", "13", "TUN", "LBY", "", "", "", ""},
      {"Thousands demonstrated in Tbilisi against Russia.", "14", "GEO", "RUS", "", "", "", "Tbilisi"},
  };
  for (const auto& c : cases) check_case(c);
  // A domestic act names one country only (the same on both sides, or no
  // target): no fact, and above all none aimed at another country.
  for (const char* text : {"Bolivia will impose a curfew in La Paz.", "Jordanian police arrested 30 protesters on Friday.",
                           "Egyptian police opened fire on a crowd on Monday.",
                           "Thousands demonstrated in Tbilisi against the new law."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(fs.empty());
  }
}

TEST_CASE("extract events: a time between the verb and its object keeps both") {
  const EventCase cases[] = {
      {"Hanoi again rejected Thursday a Chinese proposal for a joint fishing zone.", "12", "VNM", "CHN", "",
       "occurred", "2025-03-13", ""},
      {"Colombia rejected on Monday the Venezuelan offer of mediation.", "12", "COL", "VEN", "", "", "2025-03-10",
       ""},
      {"The Chilean government once more rejected last week an Argentine plan for the pass.", "12", "CHL", "ARG",
       "", "", "", ""},
      {"Quito turned down Tuesday a Peruvian request for extradition.", "12", "ECU", "PER", "", "", "2025-03-11",
       ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: a past verb or a speech verb reports what happened") {
  const EventCase cases[] = {
      // a cue of another phrase before a past verb
      {"The Turkish navy said its ships were on planned exercises and rejected the Greek protest.", "12",
       "TUR", "GRC", "", "occurred", "", ""},
      // a cue inside the object of a past verb
      {"Norway and Sweden discussed the planned tunnel between their northern towns.", "04", "", "",
       "NOR,SWE", "occurred", "", ""},
      // what a speaker says will happen is the content, not the status of the statement
      {"Uruguayan Foreign Minister Lucas Ferrero said Paraguay would respond soon.", "01", "URY", "PRY",
       "", "occurred", "", ""},
      // a negation before a past verb still counts
      {"Moldova never signed the customs accord with Belarus.", "05", "", "", "MDA", "negated", "", ""},
      // a participle after an auxiliary takes its cues as before
      {"The accord between Laos and Cambodia will be signed next month.", "05", "", "", "LAO,KHM",
       "planned", "", ""},
      // what an appeal asks for has not happened yet
      {"Mongolia invited Kazakhstan to Ulaanbaatar for the signing of a transit agreement with China.", "05",
       "", "", "", "planned", "", ""},
      // an "and" between two actors does not join a later event to an earlier one's status
      {"Ghana and Togo plan to build a coastal highway, the Ghanaian minister said after talks with Togo.",
       "04", "", "", "GHA,TGO", "occurred", "", ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: attending, also inside a relative clause with a subject of its own") {
  const EventCase cases[] = {
      // the object of "which" is the noun before it: its owner is the other party
      {"Buyers from many countries came to Germany's biggest book fair, which the Kenyan delegation is "
       "attending this week.",
       "04", "", "", "KEN,DEU", "occurred", "", ""},
      {"The Chilean delegation attended the Peruvian mining expo in Lima on Tuesday.", "04", "", "", "CHL,PER",
       "occurred", "2025-03-11", "Lima"},
      // the event's own object does not hide its place
      {"Ghanaian President Kofi Asante attended the African Union summit in Addis Ababa on Friday.", "04", "",
       "", "GHA", "", "2025-03-14", "Addis Ababa"},
  };
  for (const auto& c : cases) check_case(c);
  // A relative clause with a description as subject: "the delegation" is the
  // country of the delegation read before.
  auto fs = test::facts(
      "A Nepali delegation arrived in Delhi on Monday. Firms from 20 countries exhibit at India's largest "
      "textile fair, which the delegation is attending.");
  std::string got = test::summary(fs);
  CAPTURE(got);
  bool found = false;
  for (const Fact& f : fs)
    if (f.cameo == "044" && test::countries(f).count("NPL") && test::countries(f).count("IND")) found = true;
  CHECK(found);
  // A pronoun in a relative clause of past events tells background.
  auto bg = test::facts("Tunisia opened the trade fair, which it attended in 1998.");
  CAPTURE(test::summary(bg));
  CHECK(test::with_root(bg, "04") == nullptr);
}

TEST_CASE("extract events: targets named inside the trigger or in the condition of a threat") {
  const EventCase cases[] = {
      // a person described with a country, running past the matched words
      {"On Monday, Ghana's deputy foreign minister Kwame Boateng summoned Togo's ambassador Koffi Mensah "
       "to protest the border closure.",
       "11", "GHA", "TGO", "", "", "2025-03-10", ""},
      {"Hungary criticized the president of Romania on Monday.", "11", "HUN", "ROU", "", "", "", ""},
      // who must act for the threat not to be carried out
      {"Kenya threatened on Friday to block roads unless Uganda lifted its ban on milk imports.", "13", "KEN",
       "UGA", "", "", "2025-03-14", ""},
      {"Estonia warned it would expel diplomats if Russia did not release the officer.", "13", "EST", "RUS", "",
       "", "", ""},
      {"Bolivian miners said they would block roads unless the Chilean company raised wages.", "13", "BOL",
       "CHL", "", "", "", ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: unnamed rights groups and aid agencies act as non-governmental organizations") {
  struct Case {
    const char* text;
    const char* root;
    const char* org;     // the organization's id on the side below
    const char* side;    // "source" or "target"
    const char* other;   // a country on the other side ("" = none)
  };
  const Case cases[] = {
      {"A human rights group criticized Tunisia on Monday.", "11", "org:NGO_RIGHTS", "source", "TUN"},
      {"Aid agencies accused Sudan of blocking food convoys.", "11", "org:NGO_AID", "source", "SDN"},
      {"Ethiopia expelled two international aid groups on Friday.", "16", "org:NGO_AID", "target", "ETH"},
      // the verb closes the sentence after ", <actor>": said by the actor about the first clause
      {"Tunisian authorities are failing to protect migrants, an aid agency complained on Tuesday.", "11",
       "org:NGO_AID", "source", "TUN"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_root(fs, c.root);
    REQUIRE(f != nullptr);
    const auto& side = std::string(c.side) == "source" ? f->source : f->target;
    bool found = false;
    for (const Actor& x : side) found |= x.id == c.org && x.kind == ActorKind::organization && x.country.empty();
    CHECK(found);
    if (*c.other) {
      auto other = test::countries(*f, std::string(c.side) == "source" ? "target" : "source");
      CHECK(other.count(c.other) == 1);
    }
  }
  // A country in the description makes it that country's group.
  auto fs = test::facts("A Kenyan rights group condemned Uganda.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "11");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "source").count("KEN") == 1);
}

TEST_CASE("extract events: a part of a national group acts; unnamed attackers are of the place") {
  const EventCase cases[] = {
      {"A first batch of Nepali peacekeeping troops arrived in Lebanon on Tuesday.", "04", "NPL", "LBN", "", "",
       "2025-03-11", ""},
      {"A contingent of Fijian soldiers attacked a Tongan checkpoint.", "19", "FJI", "TON", "", "", "", ""},
      // foreign victims, no attacker named: the country where it happened
      {"A car bomb in Mogadishu killed three Kenyan peacekeepers.", "19", "SOM", "KEN", "", "", "", "Mogadishu"},
  };
  for (const auto& c : cases) check_case(c);
  // "the capital of Kenya" stays a place.
  auto fs = test::facts("Rwanda and Burundi held talks in the capital of Kenya.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "04");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f).count("KEN") == 0);
}

TEST_CASE("extract events: an intent aims at the target of what it intends, told once") {
  const EventCase cases[] = {
      // "March" of a date is no march; the intent takes the date
      {"On March 9, Putin offered to hold talks with the Georgian president.", "03", "RUS", "GEO", "", "",
       "2025-03-09", ""},
      // (a meeting agreed on is a planned meeting)
      {"Ecuador agreed to meet Colombian officials next week.", "04", "", "", "ECU,COL", "planned", "", ""},
  };
  for (const auto& c : cases) check_case(c);
  auto fs = test::facts("Chile offered to mediate between Peru and Bolivia.");
  CAPTURE(test::summary(fs));
  int intents = 0;
  for (const Fact& f : fs) intents += f.root == "03";
  CHECK(intents == 1);
  CHECK(test::with_root(fs, "14") == nullptr);
  auto march = test::facts("On March 2, Kenya and Uganda signed a border accord.");
  CAPTURE(test::summary(march));
  CHECK(test::with_root(march, "14") == nullptr);
}

TEST_CASE("extract events: opening a border, a bridge or an inquiry") {
  const EventCase cases[] = {
      {"Tajikistan opened the Unity Bridge to Afghanistan on Monday.", "08", "TJK", "AFG", "", "", "2025-03-10", ""},
      {"Peru reopened its border with Ecuador on Monday.", "08", "PER", "ECU", "", "", "2025-03-10", ""},
      {"Tajikistan opened an inquiry into the deaths of Afghan traders.", "09", "TJK", "", "", "", "", ""},
      {"Serbian police opened fire on Croatian fans in Novi Sad.", "19", "SRB", "HRV", "", "", "", ""},
  };
  for (const auto& c : cases) check_case(c);
}

TEST_CASE("extract events: strikes, and what a party is barred from doing") {
  const EventCase cases[] = {
      {"Some 20,000 Polish miners stopped work on Monday against the German owners of the mine.", "14", "POL",
       "DEU", "", "", "2025-03-10", ""},
      {"Teachers in Ghana downed tools on Tuesday against Togo.", "14", "GHA", "TGO", "", "", "2025-03-11", ""},
  };
  for (const auto& c : cases) check_case(c);
  // A strike against no one names one party: no fact.
  for (const char* text : {"Some 20,000 Polish miners stopped work on Monday over a new labour law.",
                           "Teachers in Ghana downed tools on Tuesday."}) {
    CAPTURE(text);
    auto none = test::facts(text);
    CAPTURE(test::summary(none));
    CHECK(none.empty());
  }
  auto fs = test::facts("Serbia threatened to recall its ambassador after Zagreb barred a Serbian minister from "
                        "attending a commemoration.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("extract events: people of a place, as the subject, act for its country") {
  const EventCase cases[] = {
      {"Farmers in Kenya threatened on Friday to block roads unless Uganda lifted its ban.", "13", "KEN", "UGA",
       "", "", "2025-03-14", ""},
      {"Thousands of villagers in northern Mali attacked a Nigerien police post.", "19", "MLI", "NER", "", "",
       "", ""},
      {"Up to 500 students in Dhaka demonstrated against India.", "14", "BGD", "IND", "", "", "", ""},
  };
  for (const auto& c : cases) check_case(c);
  // a place of the event itself is not a party
  auto fs = test::facts("Talks in Geneva between Iran and Iraq collapsed.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f).count("CHE") == 0);
}

TEST_CASE("extract events: 'on alert' is no passive; a participle between a preposition and its place") {
  const EventCase cases[] = {
      // "the occupied West Bank" is still a place after "across": force posture there hits it
      {"Israeli soldiers stayed on alert across the occupied West Bank on Sunday.", "15", "ISR", "PSE", "", "", "", ""},
  };
  for (const auto& c : cases) check_case(c);
  // Force posture aimed at no one names one party: no fact (and no passive
  // "alerted" turned around).
  auto fs = test::facts("Indian troops were on high alert along the border on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("extract events: groups by allegiance, vows to fight, intents with a target further on") {
  const EventCase cases[] = {
      {"About 15,000 staff affiliated to the Polish miners' union stopped work on Monday against the German "
       "owners of the mine.",
       "14", "POL", "DEU", "", "", "2025-03-10", ""},
      {"Militias loyal to Iran attacked a Saudi convoy.", "19", "IRN", "SAU", "", "", "", ""},
      {"Hezbollah vowed to retaliate against Israel.", "13", "LBN", "ISR", "", "", "", ""},
      {"Chile vowed to expand cooperation with Peru.", "03", "CHL", "PER", "", "", "", ""},
  };
  for (const auto& c : cases) check_case(c);
}

// Known limit: the tagger reads "<date> that <plural noun>" after a speech
// verb as a relative clause ("that ties" as pronoun + verb), so the remark's
// subject is lost and no statement is coded.
TEST_CASE("extract events: a remark after a date names what it is about" * doctest::may_fail()) {
  check_case({"The Chilean foreign minister said on Monday that relations with Peru remained a priority.", "01",
              "CHL", "PER", "", "occurred", "2025-03-10", ""});
}

TEST_CASE("a day's possessive names no maker of a noun event: 'At Monday's summit, the presidents of A, B and C ...'") {
  auto fs = test::facts(
      "At Monday's summit in Gaborone, the presidents of Zambia, Malawi and Mozambique agreed to open a joint "
      "rail corridor.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "ZMB,MWI,MOZ") != nullptr);
  // a state's possessive still is one
  fs = test::facts("Zambia's summit with Malawi was postponed.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "ZMB,MWI") != nullptr);
}

TEST_CASE("an international organization alone is one party: its meeting ties no two states (its summit, its members)") {
  for (const char* text : {"The Security Council met in Geneva on Friday and urged restraint.",
                           "Officials said loan negotiations with the IMF would resume in May."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "04") == nullptr);
  }
  // with a state beside it, a tie
  auto fs = test::facts("Kenya opened loan negotiations with the IMF in May.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") != nullptr);
  // a summit of the organization is one of its members
  fs = test::facts("Diplomats expect little from the Arab League's yearly summit in March.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") != nullptr);
}
