// extract code: trigger classes, argument frames, status and role rules
// added in session 13 (reactions "from X", claims an accusation makes,
// deployments, visits, the two readers). Sentences are written for these
// tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("extract code: a reaction 'from X' that an act drew is X's objection to the actor") {
  auto fs = test::facts(
      "Turkish jets bombed villages in northern Iraq, prompting a protest from Baghdad.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "IRQ", "TUR") != nullptr);
  CHECK(test::find(fs, "14", "TUR", "IRQ") == nullptr);
  fs = test::facts("The Swedish decision drew sharp criticism from Ankara.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TUR", "SWE") != nullptr);
}

TEST_CASE("extract code: a go-between of talks or a truce between others") {
  // The parties between, told on the verb's object (by the tree; the
  // pattern coder guesses it from word order).
  auto fs = test::parse_only().extract(
      test::document("Qatar brokered a ceasefire between Sudan and Chad."));
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "04", "QAT", "SDN");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "045");
  // A hyphenated go-between is no party of the talks.
  fs = test::facts("Serbia and Kosovo restored ties after Norwegian-mediated talks in Oslo.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "SRB,XKX") != nullptr);
  for (const auto& x : fs) CHECK(test::countries(x).count("NOR") == 0);
}

TEST_CASE("extract code: a crackdown, and what is condemned counts as done") {
  auto fs = test::facts("Syria cracked down on Lebanese workers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "SYR", "LBN") != nullptr);
  // The condemned crackdown happened, though the condemnation was blocked.
  fs = test::facts("Greece vetoed an EU resolution condemning Russia's crackdown in Georgia.");
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "17", "RUS", "GEO");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("extract code: a past tense after 'after' and its subject, with an object") {
  auto fs = test::facts(
      "Ghana closed its embassy after Togolese officials accused Accra of meddling in the vote.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TGO", "GHA") != nullptr);
}

TEST_CASE(
    "extract code: what an accusation alleges is no fact; a gerund after the object is its act") {
  // The alleged backing is a claim: only the accusation is coded.
  auto fs = test::facts("The talks came a week after Malta accused Iraq of backing armed groups.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "MLT", "IRQ") != nullptr);
  CHECK(test::with_root(fs, "05") == nullptr);
  // "thanked Qatar for hosting": Qatar hosts.
  fs = test::facts("Egypt thanked Qatar for hosting talks with Israel.");
  CAPTURE(test::summary(fs));
  const auto* f = test::with_cameo(fs, "043");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "source") == test::codes("QAT"));
}

TEST_CASE("extract code: weapons and warships sent to a state; a phrase hung on the object") {
  auto fs = test::facts("Canada will send three frigates to Estonia amid tensions with Russia.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "CAN", "EST") != nullptr);
  // "to X" hung on the noun of the object's "of" phrase
  fs = test::facts("Belarus sent thousands of shells to Russia.");
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "07", "BLR", "RUS");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "072");
}

TEST_CASE("extract code: what a proposal asks is not done; its makers joined by 'and'") {
  auto fs = test::facts(
      "Georgia rejected a Russian and Belarusian proposal to restore ties with Abkhazia.");
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "12", "GEO", "RUS,BLR");
  CHECK(f != nullptr);
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("extract code: a ship rammed by another state's ship") {
  auto fs = test::facts("A Japanese patrol boat rammed a Taiwanese trawler near the islands.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "JPN", "TWN") != nullptr);
}

TEST_CASE("extract code: support pledged, the Pope, an annexation voted by a legislature") {
  auto fs =
      test::facts("Spain's foreign minister pledged support for Morocco during a visit to Rabat.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "ESP", "MAR") != nullptr);
  fs = test::facts("The Pope received the Lebanese president on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "VAT,LBN") != nullptr);
  fs = test::facts("Azerbaijan's National Assembly voted to annex a district of Armenia.");
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "19", "AZE", "ARM");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("extract code: an envoy summoned 'to' a ministry; what a call on others asks") {
  auto fs = test::facts("The Iranian envoy was summoned to the foreign ministry in Berlin.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "DEU", "IRN") != nullptr);
  // The support asked of others is no praise given.
  fs = test::facts("Kenya called on Uganda to support the Tanzanian bid.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "KEN", "UGA") != nullptr);
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("extract code: persona non grata, a protest lodged, sanctions 'imposed by X on Y'") {
  auto fs = test::facts("Latvia declared a Belarusian diplomat persona non grata on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "LVA", "BLR") != nullptr);
  // A protest a state lodges is a complaint (111), no demonstration (141);
  // (the tree's reading: the pattern coder reads both from word order)
  fs = test::parse_only().extract(
      test::document("Vietnam lodged a protest against China over the map."));
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "11", "VNM", "CHN");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "111");
  fs = test::parse_only().extract(
      test::document("The tariffs imposed by Canada on Chinese cars took effect, Beijing said."));
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "CAN", "CHN") != nullptr);
}

TEST_CASE(
    "extract code: a visit's own 'of' phrase before the clause's subject; a complaint 'over'") {
  auto fs = test::facts(
      "Laos and Thailand signed a deal during the visit of the Laotian prime minister to Bangkok.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "LAO", "THA") != nullptr);
  // "over X" hung on the noun of the complaint's "with" phrase
  fs =
      test::parse_only().extract(test::document("Cyprus filed a complaint with the European "
                                                "Commission over Turkish drilling in its waters."));
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CYP", "TUR") != nullptr);
}

TEST_CASE("extract code: an envoy recalled 'to' or 'in' a state; the clause's own recognizer") {
  auto fs = test::parse_only().extract(
      test::document("Algeria recalled its envoy in Madrid for consultations."));
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "DZA", "ESP") != nullptr);
  // The pattern coder's subject of the sentence gives way to the clause's.
  fs = test::facts(
      "Israel recalled its ambassador to Norway after Oslo recognized a Palestinian state.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "NOR", "PSE") != nullptr);
  CHECK(test::find(fs, "05", "ISR", "PSE") == nullptr);
}

TEST_CASE("extract code: troops deployed to a state, near a border; a joint appeal ties no one") {
  auto fs = test::facts("Burundi deployed 300 soldiers to Somalia to protect aid convoys.");
  CAPTURE(test::summary(fs));
  const auto* f = test::find(fs, "07", "BDI", "SOM");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "074");
  CHECK(test::with_root(fs, "15") == nullptr);
  fs = test::facts("Turkey deployed tanks near the border with Syria.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "TUR", "SYR") != nullptr);
  // Two makers of an appeal are no tie between them (the appeal for a
  // truce in a state is aimed at that state).
  fs = test::facts("The leaders of Italy and Spain called for a truce in Sudan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "ITA", "ESP") == nullptr);
  CHECK(test::find(fs, "02", "ESP", "ITA") == nullptr);
  for (const Fact& f : fs) CHECK(f.participants.empty());
}

TEST_CASE("extract code: what the accused is said to do, and an arrest the clause is 'over'") {
  // "of arming" hung on the accused: still what the accusation alleges
  auto fs =
      test::facts("Sudan's army chief accused the United Arab Emirates of arming the rebels.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "SDN", "ARE") != nullptr);
  CHECK(test::with_root(fs, "07") == nullptr);
  // The ministry that is concerned made no arrest.
  fs = test::facts(
      "The Chilean foreign ministry expressed concern over the arrest of a journalist in Peru.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "CHL", "") == nullptr);
}

TEST_CASE("extract code: a verb after a subject's relative clause; talks with no third party") {
  auto fs = test::facts(
      "The Qatari foreign minister, who is on a tour of Africa, met his Kenyan counterpart in "
      "Nairobi "
      "on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "QAT,KEN") != nullptr);
  // The state of another clause is no party of the talks.
  fs = test::facts(
      "Latvia and Estonia held talks in Riga on Friday, a day after Russian jets violated Estonian "
      "airspace.");
  CAPTURE(test::summary(fs));
  for (const auto& x : fs)
    if (x.root == "04") CHECK(test::countries(x).count("RUS") == 0);
}

TEST_CASE("extract code: recognition withdrawn, duties imposed, warplanes sold, a raid told as a noun") {
  const test::RoleCase cases[] = {
      // a state's recognition withdrawn or revoked: relations reduced (161)
      {"Panama withdrew its recognition of Western Sahara's exile government.", "16", "PAN", ""},
      {"Honduras revoked its recognition of Taiwan on Sunday.", "16", "HND", "TWN"},
      // duties are a trade sanction
      {"Brazil imposed duties on Argentine wheat.", "16", "BRA", "ARG"},
      // warplanes sold to a state: military aid as this table codes arms
      {"Sweden sold Thailand six Gripen fighters.", "07", "SWE", "THA"},
      // a raid named by its maker's adjective is that maker's
      {"Jordan condemned the Israeli raid on southern Lebanon.", "19", "ISR", "LBN"},
  };
  for (const auto& c : cases) test::check_found(c);
  // the condemnation's speaker is no raider
  auto fs = test::facts(cases[4].text);
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "JOR", "") == nullptr);
  // "withdrew" its recognition is no withdrawal of troops (087)
  fs = test::facts(cases[1].text);
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "087") == nullptr);
}

TEST_CASE("extract code: food, medical and emergency aid is humanitarian (073), also counted in tonnes") {
  for (const char* text : {"Ghana would send 20 tonnes of food aid to Malian refugees, its president said.",
                           "Korea sent emergency aid to Nepal after the floods."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_cameo(fs, "073") != nullptr);
  }
}

TEST_CASE("extract code: a vessel intercepted or boarded, money contributed or deposited, lending suspended") {
  const test::RoleCase cases[] = {
      {"Tunisia's navy intercepted an Italian fishing boat near Lampedusa.", "17", "TUN", "ITA"},
      {"Indian commandos boarded a Pakistani cargo vessel in the Arabian Sea.", "17", "IND", "PAK"},
      {"Qatar deposited $2 billion in Egypt's central bank.", "07", "QAT", "EGY"},
      {"Korea will contribute $30 million to the African Development Bank.", "07", "KOR", ""},
      {"The Asian Development Bank suspended new lending to Myanmar.", "16", "", "MMR"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("a treaty or deal with a state revoked, annulled or rescinded reduces relations; no agreement made") {
  for (const char* text : {"Burkina Faso revoked its defence agreement with France on Monday.",
                           "Chad annulled the military cooperation accord with Paris."}) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    const std::string own = text[0] == 'B' ? "BFA" : "TCD";
    CHECK(test::find(fs, "16", own, "FRA") != nullptr);
    for (const Fact& f : fs) CHECK(!(f.root == "05" && f.status == Status::occurred));
  }
}

TEST_CASE("arms bought from a state are its sale to the buyer; a plan to buy is planned") {
  const test::RoleCase cases[] = {
      {"Romania purchased tanks and howitzers from South Korea.", "07", "KOR", "ROU"},
      {"Algeria plans to buy Russian fighter jets, officials said.", "07", "RUS", "DZA"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts(cases[1].text);
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "07", "RUS", "DZA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("measures announced are imposed; measures that will be announced are planned") {
  auto fs = test::facts("Canada announced new sanctions on Iran on Friday.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "16", "CAN", "IRN");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
  // one fact, not also a planned one
  for (const Fact& g : fs) CHECK(g.status == Status::occurred);
  auto later = test::facts("Canada will announce new sanctions on Iran next week.");
  CAPTURE(test::summary(later));
  const Fact* p = test::find(later, "16", "CAN", "IRN");
  REQUIRE(p != nullptr);
  CHECK(p->status == Status::planned);
}

TEST_CASE("duties and levies on another's goods, raised or tightened, are measures against it") {
  const test::RoleCase cases[] = {
      {"Peru raised duties on Chilean wine last month.", "16", "PER", "CHL"},
      {"Senegal announced a levy on imports from Mali.", "16", "SEN", "MLI"},
      {"Canada tightened restrictions on exports to Iran.", "16", "CAN", "IRN"},
  };
  for (const auto& c : cases) test::check_found(c);
  // the meeting sense of "raise" stays ("raised the issue with X")
  auto fs = test::facts("Austria raised the matter with Hungary on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
  // a duty that is an obligation is no measure
  fs = test::facts("The envoy said it was the duty of Greece to protect Albania's minority.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
}

TEST_CASE("measures removed, scrapped or cut ease pressure (085), they impose none") {
  const test::RoleCase cases[] = {
      {"Brazil scrapped duties on Argentine wheat on Monday.", "08", "BRA", "ARG"},
      {"Japan removed tariffs on Vietnamese shrimp.", "08", "JPN", "VNM"},
      {"Canada suspended sanctions on Zimbabwean officials.", "08", "CAN", "ZWE"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts("Turkey cut tariffs on Georgian hazelnuts last year.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
  // cutting ties stays a reduction of relations
  fs = test::facts("Nicaragua cut ties with the Netherlands.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "NIC", "NLD") != nullptr);
}

TEST_CASE("a request in a bare phrase the parser hung on an answering verb is not the answerer's") {
  auto fs = test::facts("Hanoi has also asked Japan for discounted rice, a request Tokyo has neither accepted nor turned down, officials said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "VNM", "JPN") != nullptr);
  CHECK(test::find(fs, "02", "JPN", "VNM") == nullptr);
}

TEST_CASE("'reserved the right to respond' is a threat to whoever wronged the speaker") {
  auto fs = test::facts(
      "Armenia expelled two Azerbaijani diplomats on Friday.\n\n"
      "Baku denied the charges and said it reserved the right to respond.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "AZE", "ARM") != nullptr);
  // a right reserved with no wrong told before and no one named is no threat
  fs = test::facts("Kenya signed a rail deal with Uganda last year.\n\nKenya reserved the right to review the timetable.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") == nullptr);
}

TEST_CASE("a demand for an act with no maker of its own is aimed at whoever would do it") {
  // the owner of the forces to be withdrawn
  auto fs = test::facts("Syria's foreign ministry demanded the withdrawal of all Israeli troops from Syrian land.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "SYR", "ISR") != nullptr);
  // the release of people: whoever held them, told before
  fs = test::facts(
      "Eritrean forces detained four Ethiopian herders near the border.\n\n"
      "Ethiopia's foreign ministry demanded the immediate release of the four men.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "ETH", "ERI") != nullptr);
}

TEST_CASE("an appeal for people to be released is aimed at whoever held them") {
  auto fs = test::facts(
      "Gambian police detained three Senegalese fishermen on Sunday.\n\n"
      "Senegal's foreign ministry called for the fishermen to be released at once.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "SEN", "GMB") != nullptr);
}

TEST_CASE("setting off for a country is a visit; nationals counted are people, no state's visit") {
  const test::RoleCase cases[] = {
      {"The Greek foreign minister left for Ankara on Monday.", "04", "GRC", "TUR"},
      {"The Jordanian king headed to Muscat for talks.", "04", "JOR", "OMN"},
  };
  for (const auto& c : cases) test::check_found(c);
  for (const char* text : {"Thousands of Hondurans left for Mexico last year.", "About 3,000 Nepalis arrived in Qatar in May.",
                           "Many Zambians travelled to Mozambique for work."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "04") == nullptr);
  }
}

TEST_CASE("extract code: diplomats ordered to leave are expelled; ambassadors withdrawn reduce relations") {
  const test::RoleCase cases[] = {
      {"Poland on Friday ordered three Belarusian diplomats to leave the country.", "16", "POL", "BLR"},
      {"Kuwait and Oman withdrew their ambassadors from Yemen on Monday.", "16", "KWT", "YEM"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts("Kuwait and Oman withdrew their ambassadors from Yemen on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "08") == nullptr);  // no retreat yielded
  fs = test::facts("Poland on Friday ordered three Belarusian diplomats to leave the country.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "10") == nullptr);
}

TEST_CASE("extract code: a duty is a trade measure only on goods or of a trade kind or rate") {
  const test::RoleCase cases[] = {
      {"Peru imposed duties of 20 percent on Chilean wine.", "16", "PER", "CHL"},
      {"Peru announced new import duties on Chilean wine.", "16", "PER", "CHL"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts(
      "Chile expelled two Peruvian diplomats. Peru said the two diplomats had done nothing beyond "
      "their normal duties.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") != nullptr);  // the expulsion
  CHECK(test::find(fs, "16", "PER", "CHL") == nullptr);
}

TEST_CASE("extract code: a thing's author owns it before the forum it is put to") {
  const test::RoleCase cases[] = {
      {"China on Friday vetoed a French-drafted Security Council resolution on Mali.", "12", "CHN", "FRA"},
      {"China on Friday vetoed a Security Council resolution drafted by France.", "12", "CHN", "FRA"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("extract code: the subject of a verb is no maker of what an inquiry it names looks into") {
  auto fs = test::facts(
      "Chile blocked a Security Council resolution that would have renewed the mandate of an "
      "inquiry into air strikes in Yemen.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
  CHECK(test::with_root(fs, "18") == nullptr);
}

TEST_CASE("extract code: ties set up or forged with a state are diplomatic cooperation") {
  auto fs = test::facts("Bhutan set up diplomatic ties with Chile in 2021.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "BTN,CHL") != nullptr);
}

TEST_CASE("extract code: aid given to no one named, in a story from the country it is about, is that country's") {
  auto fs = test::facts(
      "LUSAKA, May 3 - Zambia is running short of fuel, Zambia's energy minister said on "
      "Thursday. Queues in Zambia stretch for miles. India has extended about $1 billion in "
      "credit lines since January.",
      "2024-05-03");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "IND", "ZMB") != nullptr);
  // good wishes sent are no aid
  fs = test::facts(
      "HAVANA, May 3 - Cuba's president is recovering, Cuban officials said. Cuba thanked its "
      "doctors. Venezuela's president sent his good wishes on Thursday.",
      "2024-05-03");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("extract code: a deal struck, clinched or hammered out is an agreement, no strike") {
  for (const char* text : {"Peru and Chile struck a deal on fishing rights on Monday.",
                           "Peru and Chile clinched an accord on fishing rights on Monday.",
                           "Peru and Chile hammered out a compromise on fishing rights on Monday."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::find_sym(fs, "05", "PER,CHL") != nullptr);
    CHECK(test::with_root(fs, "19") == nullptr);
  }
}

TEST_CASE("an act told in the 'of' phrase of a gathering noun takes that noun's clause") {
  // "a list of demands", "a new round of sanctions": the verb's subject
  // makes them, its object or "on" phrase is whom they are aimed at
  const test::RoleCase cases[] = {
      {"Saudi Arabia presented Qatar with a list of demands on Monday.", "10", "SAU", "QAT"},
      {"The foreign ministry of Peru sent Chile a list of demands.", "10", "PER", "CHL"},
      {"Canada imposed a new round of sanctions on Russia.", "16", "CAN", "RUS"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("a delegation sent or led to a country is a visit there; a state suspended is sanctioned") {
  const test::RoleCase cases[] = {
      {"France said it would send a high-level delegation to Dakar next month.", "04", "FRA", "SEN"},
      {"Canada's farm minister will lead a business mission to Seoul in May.", "04", "CAN", "KOR"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto by_org = [](const std::vector<Fact>& fs, const char* root, const char* org, const char* target) {
    for (const Fact& f : fs)
      if (f.root == root && test::countries(f, "target").count(target) > 0)
        for (const Actor& a : f.source)
          if (a.id == org) return true;
    return false;
  };
  {
    auto fs = test::facts("The African Union suspended Mali after the coup.");
    CAPTURE(test::summary(fs));
    CHECK(by_org(fs, "16", "org:AU", "MLI"));
  }
  // a team sent to a place of no country is no visit; talks suspended are
  // no sanction on the talks
  auto fs = test::facts("Peru sent a team of inspectors to the mine on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("tree repair: a name right after the subject's noun is its apposition ('the West African bloc ECOWAS')") {
  auto fs = test::facts("The West African bloc ECOWAS lifted its sanctions on Niger last year.");
  CAPTURE(test::summary(fs));
  bool ecowas = false;
  for (const Fact& f : fs)
    for (const Actor& a : f.source) ecowas |= f.root == "08" && a.id == "org:ECOWAS";
  CHECK(ecowas);
}

TEST_CASE("'X are scheduled to hold drills': the passive's subject does it; 'joint' on a compound") {
  // "joint" on the first word of a compound makes the drills joint work,
  // no show of force off the coast named
  auto fs =
      test::facts("Navies from Ghana and Togo are scheduled to hold joint search-and-rescue drills off Lome in May.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "06", "GHA,TGO") != nullptr);
  CHECK(test::with_root(fs, "15") == nullptr);
}

TEST_CASE("aid counted in an amount ('50 million euros in aid') is the amount's verb's: given, pledged or planned") {
  auto fs = test::facts("The European Union announced 40 million euros in aid for flood victims in Chad.");
  CAPTURE(test::summary(fs));
  const Fact* aid = test::find(fs, "07", "", "TCD");
  REQUIRE(aid != nullptr);
  REQUIRE(!aid->source.empty());
  CHECK(aid->source[0].id == "org:EU");
  // one fact for the verb of giving and its counted aid, planned as the verb is
  fs = test::facts("Portugal will provide 12 million dollars in humanitarian aid to Mozambique.");
  CAPTURE(test::summary(fs));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].status == Status::planned);
  // aid counted in a pledge is pledged only
  fs = test::facts("Canada pledged $30 million in loans to Haiti on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "CAN", "HTI") != nullptr);
  CHECK(test::find(fs, "07", "CAN", "HTI") == nullptr);
}

TEST_CASE("failing to agree is an agreement not reached, not a rejection") {
  for (const char* text : {"Croatia and Slovenia again failed to reach a deal over their sea border.",
                           "Talks between Peru and Chile ended after the two sides failed to agree on fishing quotas."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "12") == nullptr);
    const Fact* f = test::with_root(fs, "05");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::negated);
  }
}

TEST_CASE("an envoy summoned with no summoner named is summoned by its host; recognition of a thing in a state is of that state") {
  auto fs = test::facts("The Spanish ambassador to Morocco was summoned on Friday over the fishing dispute.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "MAR", "ESP") != nullptr);
  fs = test::facts("Panama's president said Panama would never recognise the vote count in Nicaragua.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "05", "PAN", "NIC");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::negated);
}

TEST_CASE("another state's troops ordered to leave are expelled, and their leaving is only ordered") {
  auto fs = test::facts("Burkina Faso's junta ordered Danish soldiers to quit its territory by June.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "BFA", "DNK") != nullptr);
  CHECK(test::find(fs, "08", "DNK", "BFA") == nullptr);
  // one's own troops are one's subordinates: no expulsion
  fs = test::facts("Burkina Faso's junta ordered its soldiers to quit the border town by June.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
}

TEST_CASE("an act noun's infinitive is its owner's act: decided is planned, refused is not done") {
  auto fs = test::facts("Ghana's decision to expel Nigerian traders drew sharp criticism from the African Union.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "11", "", "GHA");
  REQUIRE(f != nullptr);
  CHECK(f->source[0].id == "org:AU");
  CHECK(test::find(fs, "16", "GHA", "NGA") != nullptr);
  // a refusal: the reaction to it, and no act done
  fs = test::facts("Niger's refusal to reopen the border angered Benin.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "BEN", "NER") != nullptr);
  CHECK(test::with_root(fs, "08") == nullptr);
}

TEST_CASE("passive recalls and expulsions with no maker named; a subject denied denies the act") {
  auto fs = test::facts("Chile's ambassador was recalled from Lima for urgent consultations.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "CHL", "PER") != nullptr);
  fs = test::facts("Three Polish diplomats were expelled from Minsk on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "BLR", "POL") != nullptr);
  fs = test::facts("Neither Bolivia nor Paraguay attended the regional summit in Quito.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "04");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::negated);
}

TEST_CASE("a reaction to an act done to a state is not aimed at that state") {
  auto fs = test::facts("Kenya and Ethiopia condemned the attack on the Somali border post.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KEN", "SOM") == nullptr);
}

TEST_CASE("frames: time spent with another state's official ('spent two hours with X') is a meeting; money spent is not") {
  auto fs = test::facts("Norway's prime minister spent two hours with the Kenyan president on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "NOR,KEN") != nullptr);
  fs = test::facts("Norway spent two million dollars with Kenyan contractors last year.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("frames: what a state presses, pushes or lobbies for is asked of whom it names, not done") {
  for (const char* text : {"Lithuania pressed for a ban on Russian timber.", "Lithuania pushed for a ban on Russian timber.",
                           "Lithuania lobbied for a ban on Russian timber."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "02", "LTU", "RUS") != nullptr);
    CHECK(test::with_root(fs, "16") == nullptr);
  }
}

TEST_CASE("frames: verbs and nouns of CAMEO classes read in any text (lambast, shelling, seizure, deployment, recognition, ratify, skirmish)") {
  auto fs = test::facts("Turkey's foreign minister lambasted Greece on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TUR", "GRC") != nullptr);
  fs = test::facts("Hungary castigated Austria over the new border controls.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "HUN", "AUT") != nullptr);
  fs = test::facts("Iran's seizure of a British tanker in the Gulf drew sharp words.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "IRN", "GBR") != nullptr);
  fs = test::facts("The Russian deployment of troops along the Ukrainian border alarmed its neighbours.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "RUS", "UKR") != nullptr);
  fs = test::facts("The Vatican's recognition of Palestine drew praise in Ramallah.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "VAT", "PSE") != nullptr);
  fs = test::facts("Venezuelan and Colombian soldiers skirmished near the border on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "19", "VEN,COL") != nullptr);
  fs = test::facts("Indian shelling of Pakistani border posts went on through the night.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "IND", "PAK") != nullptr);
  // a seizure of what is no craft or person of a state is no coercion of it
  fs = test::facts("The seizure of Colombian cocaine by Spanish police made headlines.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "17") == nullptr);
}

TEST_CASE("frames: troops or warships sent into a state are force against it, not peacekeeping aid") {
  auto fs = test::facts("Rwanda sent troops into Congo last year, a UN report said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "RWA", "COD") != nullptr);
  CHECK(test::with_root(fs, "07") == nullptr);
  fs = test::facts("Turkey sent warships into Greek waters on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "TUR", "GRC") != nullptr);
  // troops sent to a state are still aid
  fs = test::facts("Kenya sent troops to Haiti to help the police.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "KEN", "HTI") != nullptr);
}

TEST_CASE("sense: a verb of an act used as an adjective of a noun ('a free trade deal') tells no act") {
  auto fs = test::facts("Uruguay said it would seek a free trade deal with China, a move Brazil criticised.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "08") == nullptr);
  CHECK(test::find(fs, "11", "BRA", "URY") != nullptr);
  // the verb itself still tells the act
  fs = test::facts("Uruguay said it would free two Brazilian sailors.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "08") != nullptr);
}

TEST_CASE("frames: a vow to answer an act in kind or firmly is a threat against its maker; a vow to answer questions is not") {
  auto fs = test::facts(
      "PRAGUE, Jan 12 (Wire) - The Czech government expelled two Russian diplomats on Thursday.\n\n"
      "Moscow vowed to respond in kind.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "RUS", "CZE") != nullptr);
  fs = test::facts(
      "PRAGUE, Jan 12 (Wire) - The Czech government expelled two Russian diplomats on Thursday.\n\n"
      "The Czech minister vowed to respond to every question from parliament.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") == nullptr);
}

TEST_CASE("frames: a warning against an act with no consequence told is disapproval; with one, a threat") {
  auto fs = test::facts("Beijing cautioned Seoul against joining the bloc.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHN", "KOR") != nullptr);
  CHECK(test::with_root(fs, "13") == nullptr);
  fs = test::facts("Ankara warned Athens against arming the islands.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TUR", "GRC") != nullptr);
  fs = test::facts("Moscow warned Tallinn against any provocation, saying it would retaliate.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "RUS", "EST") != nullptr);
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("frames: going to a state is a visit only with a 'to' phrase; a crowd gathered outside an embassy protests against its state") {
  auto fs = test::facts("Kazakhstan's foreign minister went to Tashkent on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "KAZ", "UZB") != nullptr);
  fs = test::facts("Kazakhstan said the plan would go ahead despite objections from Tashkent.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
  fs = test::facts("Hundreds of Serbs gathered outside the Croatian embassy in Belgrade on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "SRB", "HRV") != nullptr);
}

TEST_CASE("frames: an arrival with no place ('flew in late', 'landed') is in the dateline's state; troops that land make no visit") {
  auto fs = test::facts(
      "BISHKEK, Sept 13 (Wire) - Kyrgyzstan opened a regional summit on Friday.\n\n"
      "The Indian prime minister flew in on Friday evening.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "IND", "KGZ") != nullptr);
  fs = test::facts("Iraqi troops landed by helicopter in Kuwait on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("frames: a state that switches its recognition to another recognizes it") {
  auto fs = test::facts("In 2019 Kiribati switched its diplomatic recognition to Beijing.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "KIR", "CHN") != nullptr);
}

TEST_CASE("sense: a noun of force that names a craft's kind ('a patrol boat', 'attack helicopters') tells no act") {
  auto fs = test::facts("A Fijian patrol boat escorted the Chinese research vessel out of the zone.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "15") == nullptr);
  fs = test::facts("Egypt bought twelve Russian attack helicopters last year.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
  CHECK(test::with_root(fs, "18") == nullptr);
}

TEST_CASE("frames: ordering another state's mission closed cuts relations; the reason given after a comma blames that state") {
  auto fs = test::facts("In 1996 Ghana ordered Togo's consulate in Kumasi closed, accusing Lome of arming smugglers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "GHA", "TGO") != nullptr);
  CHECK(test::find(fs, "11", "GHA", "TGO") != nullptr);
  CHECK(test::with_root(fs, "10") == nullptr);
}

TEST_CASE("tone: what an act is called sets the tone by its own word first ('unjustified between partners' is blame)") {
  auto fs = test::facts(
      "MONTEVIDEO, May 2 (Wire) - Argentina raised duties on Uruguayan rice on Monday.\n\n"
      "Uruguay called the move unjustified among neighbours and partners.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "URY", "ARG") != nullptr);
}

TEST_CASE("frames: an answer in kind that was made is the act answered, done back; one threatened stays a threat") {
  auto fs = test::facts(
      "LIMA, Feb 2 (Wire) - Peru expelled a Bolivian envoy on Monday.\n\n"
      "Bolivia responded in kind on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "BOL", "PER") != nullptr);
  CHECK(test::find(fs, "13", "BOL", "PER") == nullptr);
  fs = test::facts(
      "LIMA, Feb 2 (Wire) - Peru expelled a Bolivian envoy on Monday.\n\n"
      "The Bolivian government vowed on Tuesday to answer in kind.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "BOL", "PER") != nullptr);
}
