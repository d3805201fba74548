// extract code: trigger classes and argument frames added in session 12.
// Sentences are written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("extract code: a vow of a hostile act is a threat, not an offer") {
  // The promised act is force: a threat of force, made now.
  auto fs = test::facts("Iran vowed to attack Israel.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "IRN", "ISR") != nullptr);
  CHECK(test::find(fs, "03", "IRN", "ISR") == nullptr);
  // A verb of reprisal that is no trigger of its own.
  fs = test::facts("Armenia vowed to punish Azerbaijan for the shelling.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "ARM", "AZE") != nullptr);
  CHECK(test::find(fs, "03", "ARM", "AZE") == nullptr);
  // The hostile act the vow answers is the other side's: still a promise.
  fs = test::facts("Russia pledged to respond to the British sanctions.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "RUS", "GBR") == nullptr);
  // ... and so is an act of force the promised act only follows.
  fs = test::facts("Peru offered to negotiate with Chile after the shelling of its border posts.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") == nullptr);
  // A vow of help stays an intent.
  fs = test::facts("Iran pledged to help Iraq.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "IRN", "IRQ") != nullptr);
}

TEST_CASE(
    "extract code: drills held together are military cooperation, drills alone a show of force") {
  auto fs = test::facts("Kenya and Uganda held joint military drills.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "06", "KEN,UGA") != nullptr);
  CHECK(test::with_root(fs, "15") == nullptr);
  fs = test::facts("The Indian navy held drills with the French navy.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "06", "IND,FRA") != nullptr);
  fs = test::facts("China held military drills near Taiwan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "CHN", "TWN") != nullptr);
  CHECK(test::with_root(fs, "06") == nullptr);
}

TEST_CASE("extract code: training another state's forces, faulting and suing a state") {
  auto fs = test::facts("German instructors trained Malian troops.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "06", "DEU", "MLI") != nullptr);
  fs = test::facts("Washington faulted Beijing for failing to curb exports of the chemicals.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "USA", "CHN") != nullptr);
  fs = test::facts("Mexico sued the United States over the wall.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "11", "MEX", "USA");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "115");
}

TEST_CASE(
    "extract code: 'turned down' an offer or a request is a rejection; down a road it is not") {
  auto fs = test::facts("Moscow turned down the American proposal.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "RUS", "USA") != nullptr);
  fs = test::facts("The Nigerian government turned down an offer of help from Britain.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "NGA", "GBR") != nullptr);
  fs = test::facts("Troops turned down the road toward the Syrian border.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("extract code: an event noun naming what was blocked did not happen") {
  auto fs = test::facts("Hungary blocked an aid package for Ukraine.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") == nullptr);
  // Blocking aid is reducing it (162).
  CHECK(test::find(fs, "16", "HUN", "UKR") != nullptr);
}

TEST_CASE("extract code: people 'from A and B' stand for both countries") {
  auto fs = test::facts("Diplomats from Chile and Bolivia met in Lima on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "CHL,BOL") != nullptr);
  fs = test::facts(
      "Officials from Laos and Thailand discussed the river at a meeting in Vientiane.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "LAO,THA") != nullptr);
}

TEST_CASE("extract actors: a government or ministry 'in' a capital is that state's") {
  auto fs =
      test::facts("A spokesman for the government in Kabul urged Islamabad to close the camps.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "AFG", "PAK") != nullptr);
}

TEST_CASE("extract code: a warning is aimed at the one its clause is about") {
  auto fs = test::facts(
      "Egyptian and Sudanese ministers warned that Ethiopia's dam threatened regional stability.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "EGY,SDN", "ETH") != nullptr);
  // Never a threat between the two who warn together.
  for (const Fact& f : fs) CHECK_FALSE((f.root == "13" && f.target.empty()));
}

TEST_CASE("extract code: seeking closer ties with a state is an intent to cooperate with it") {
  auto fs =
      test::facts("Peru's president said his government would seek closer ties with Beijing.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "03", "PER", "CHN") != nullptr);
}

TEST_CASE("extract status: an event noun after 'without' did not happen") {
  auto fs = test::facts("Serbia and Kosovo ended their talks without an agreement.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "05", "SRB,XKX");
  CHECK((f == nullptr || f->status == Status::negated));
  // ... and neither did the act of a clause after "without".
  fs = test::facts("The Japanese envoy left Beijing without meeting Chinese officials.");
  CAPTURE(test::summary(fs));
  f = test::find_sym(fs, "04", "JPN,CHN");
  CHECK((f == nullptr || f->status == Status::negated));
  // "without" of a manner is no denial of the act.
  fs = test::facts("France and Italy signed the accord without fanfare.");
  CAPTURE(test::summary(fs));
  f = test::find_sym(fs, "05", "FRA,ITA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("extract code: a protest told as the purpose of summoning an envoy is the summoner's") {
  auto fs = test::facts(
      "Poland summoned the Belarusian envoy to protest repeated incursions by Belarusian "
      "helicopters.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "POL", "BLR") != nullptr);
  CHECK(test::find(fs, "11", "BLR", "POL") == nullptr);
}

TEST_CASE("extract code: a state's ships act for it; its joint patrols are cooperation") {
  // (water cannon are repression, 175, since session 19; no artillery)
  auto fs = test::facts("Two Chinese ships fired water cannon at a Vietnamese fishing boat.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "CHN", "VNM") != nullptr);
  // Joint patrols: cooperation only, not also a show of force.
  fs = test::facts("Australia and Indonesia will hold joint patrols in the strait.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "06", "AUS,IDN") != nullptr);
  CHECK(test::with_root(fs, "15") == nullptr);
}

TEST_CASE("extract code: a treaty a state has is a standing tie, not an agreement made") {
  auto fs = test::facts(
      "The United States, which has a defence treaty with Japan, urged China to show restraint.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
  CHECK(test::find(fs, "02", "USA", "CHN") != nullptr);
}

TEST_CASE("extract code: aid pledged or offered is an intent to give it (033), not aid given") {
  auto fs = test::facts("Japan pledged 20 million dollars in aid to Haiti.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "03", "JPN", "HTI");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "033");
  CHECK(f->status == Status::intended);
  CHECK(test::with_root(fs, "07") == nullptr);
  // Aid given stays aid.
  fs = test::facts("Japan gave 20 million dollars in aid to Haiti.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "JPN", "HTI") != nullptr);
}

TEST_CASE("extract actors: the body that reports aid is not one more receiver of it") {
  auto fs = test::facts(
      "Chile will provide 25 million dollars in humanitarian aid to Bolivia, the UN Economic "
      "Commission for "
      "Latin America and the Caribbean said.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "07", "CHL", "BOL");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "073");
  CHECK(f->target.size() == 1);
}

TEST_CASE(
    "extract reference: 'he' is the main clause's subject, not a person named in an opening "
    "phrase") {
  auto fs = test::facts(
      "Speaking after talks with the Polish prime minister in Warsaw, Merz said Europe must be "
      "ready. He "
      "praised Poland for its support.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "DEU", "POL") != nullptr);
}

TEST_CASE("extract code: 'denied the charge' answers the accusation told before") {
  auto fs =
      test::facts("Sudan accused Chad of sheltering rebels. Chadian officials denied the charge.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "TCD", "SDN") != nullptr);
}

TEST_CASE("extract code: calling a state a pillar of one's security is praise") {
  auto fs = test::facts("Merz called Poland \"a pillar of European security\".");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "DEU", "POL") != nullptr);
}

TEST_CASE(
    "extract actors: a spokesman of a government seat ('Kremlin', 'State Department') is its "
    "state's") {
  auto fs = test::facts("A Kremlin spokesman criticized Germany for arming Ukraine.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "RUS", "DEU") != nullptr);
  fs =
      test::facts("State Department spokesman Ned Price criticized China for its trade practices.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "USA", "CHN") != nullptr);
}

TEST_CASE("extract code: a ship seized by a state's forces ('impounded') is coercion") {
  auto fs = test::facts("Iranian forces impounded a British tanker in the Gulf.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "17", "IRN", "GBR") != nullptr);
}

TEST_CASE(
    "extract code: an event noun as a passive's subject takes the passive's agent as its maker") {
  auto fs = test::facts(
      "Sanctions against Myanmar were extended by the European Union for another year.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "16");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "target").count("MMR") == 1);
  REQUIRE(!f->source.empty());
  CHECK(f->source[0].name == "European Union");
  // ... unless the verb is an act of its own: the attack is not Turkey's.
  fs = test::facts("Attacks on Turkish troops were condemned by Ankara.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "TUR", "") == nullptr);
  CHECK(test::find(fs, "18", "TUR", "") == nullptr);
}

TEST_CASE(
    "extract code: embassies closed or reopened in a state, condolences offered, a ban lifted") {
  // A date under the verb is no place: the embassy's "in Iran" names the state.
  auto fs = test::facts("Britain reopened its embassy in Tehran in 2015.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "GBR", "IRN") != nullptr);
  fs = test::facts("Seoul offered condolences to Tokyo over the earthquake.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "01", "KOR", "JPN") != nullptr);
  CHECK(test::with_root(fs, "03") == nullptr);
  // The ban lifted was imposed before: the lifting is the event.
  fs = test::facts("Beijing lifted its ban on Australian wine.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "08", "CHN", "AUS") != nullptr);
  CHECK(test::with_root(fs, "16") == nullptr);
}

TEST_CASE("extract code: a quote that calls another state's acts a threat is criticism of it") {
  auto fs = test::facts(
      "\"Pakistan's actions are a threat to regional peace,\" an Indian official said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "IND", "PAK") != nullptr);
  CHECK(test::with_root(fs, "13") == nullptr);
}

TEST_CASE("extract code: troops crossing into a state is an incursion") {
  auto fs = test::facts("Rwandan troops crossed into Congo on Tuesday, witnesses said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "RWA", "COD") != nullptr);
  // People who are no state's forces cross borders as they will.
  fs = test::facts("The refugees crossed into Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("extract reference: 'the two countries' are the two the sentence before named") {
  auto fs = test::facts(
      "China and Japan held talks on fisheries in March. Japan and the Philippines signed a "
      "defence pact on "
      "Monday. The two countries also agreed to hold joint coast guard exercises.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs)
    if (f.root == "05") CHECK(test::countries(f) == std::set<std::string>{"JPN", "PHL"});
  // A month is no march: no protest between China and Japan.
  CHECK(test::with_root(fs, "14") == nullptr);
}

TEST_CASE("extract fold: a follow-up's own target is no party of the event it tells again") {
  auto fs = test::facts(
      "Croatia and Lebanon signed an energy agreement in Zagreb. The two countries agreed to build "
      "a railway "
      "between Split and Banjul.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs)
    if (f.root == "05") CHECK(test::countries(f).count("GMB") == 0);
}

TEST_CASE("extract actors: a national modifier on a compound names the state of the craft") {
  auto fs = test::facts(
      "Chinese coast guard ships entered Japanese territorial waters near the islands.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "15", "CHN", "JPN") != nullptr);
}

TEST_CASE("extract status: 'is due to' visit is planned, in the tree") {
  auto fs = test::parse_only().extract(
      test::document("The Kenyan president is due to visit Uganda in April.", "2026-02-03"));
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "04", "KEN", "UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE(
    "extract code: a demonstration outside a state's embassy is a protest against that state") {
  auto fs = test::facts("Hundreds of Kenyans demonstrated outside the Ugandan embassy in Nairobi.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "14", "KEN", "UGA") != nullptr);
}

TEST_CASE(
    "extract code: a non-state agent named as the subject is no state's, not the place's either") {
  auto fs = test::facts("Militants kidnapped two Chinese workers in Nigeria.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "18", "NGA", "CHN") == nullptr);
  CHECK(test::find(fs, "17", "NGA", "CHN") == nullptr);
}

TEST_CASE(
    "extract code: a courtesy call paid on an official is a meeting; views exchanged are "
    "consultations") {
  auto fs =
      test::facts("The Indonesian ambassador paid a courtesy call on the Timorese prime minister.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "IDN,TLS") != nullptr);
  // The noun "call" read by the tree is no verb "call on" (an appeal).
  CHECK(test::with_root(fs, "02") == nullptr);
  fs = test::facts("Kazakhstan and Kyrgyzstan exchanged views on water sharing.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "KAZ,KGZ") != nullptr);
}

TEST_CASE("extract code: weapons sold or supplied and soldiers equipped are military aid (072)") {
  // "of" hung on the first word of "F-16 jets": the phrase is still the sale's.
  auto fs = test::facts("The United States approved the sale of F-16 jets to Turkey.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "07", "USA", "TUR");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "072");
  fs = test::facts("Turkey will supply Ukraine with armed drones.");
  CAPTURE(test::summary(fs));
  f = test::find(fs, "07", "TUR", "UKR");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "072");
  fs = test::facts("France will train and equip Ukrainian soldiers.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "FRA", "UKR") != nullptr);
}

TEST_CASE("extract code: a visit and the talks held during it are two facts") {
  auto fs = test::facts(
      "Kenya's President William Ruto, on his first visit to Washington since taking office, held "
      "talks with "
      "US President Joe Biden at the White House.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "KEN", "USA") != nullptr);
  bool meeting = false;
  for (const Fact& f : fs)
    meeting |= f.cameo == "040" && test::countries(f) == std::set<std::string>{"KEN", "USA"};
  CHECK(meeting);
}

TEST_CASE("extract code: 'called X Y' read as two objects still names X as Y") {
  auto fs = test::facts(
      "Ethiopia signed a port deal with Djibouti. Somalia had called the deal an act of aggression "
      "and expelled "
      "the Ethiopian ambassador in April.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "SOM", "ETH") != nullptr);
}

TEST_CASE("extract code: a letter received is no visit hosted; a vote to act plans the act") {
  auto fs = test::facts(
      "The Algerian president received a letter from the Moroccan king inviting him to the "
      "summit.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "043") == nullptr);
  fs = test::facts("Iraq's parliament voted to expel American troops from the country.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "16", "IRQ", "USA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("extract code: a call 'during' which something was said is a meeting of its speaker") {
  auto fs = test::facts(
      "Ukraine's president thanked Japan for its support during a call with the Japanese prime "
      "minister.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "UKR", "JPN") != nullptr);
  CHECK(test::find_sym(fs, "04", "UKR,JPN") != nullptr);
}

TEST_CASE("extract code: an act of force told only as what a noun is 'of' has no guessed maker") {
  auto fs = test::facts(
      "The Polish and Ukrainian presidents laid wreaths at a memorial to the victims of the "
      "massacre.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "20") == nullptr);
  // With its own maker it is still read.
  fs = test::facts("Survivors of the Serbian attack on Croatian villages testified.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "SRB", "HRV") != nullptr);
}

TEST_CASE("extract code: a congratulatory message sent is praise") {
  auto fs = test::facts(
      "The Chinese president sent a congratulatory message to the newly elected Indonesian "
      "president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "CHN", "IDN") != nullptr);
}

TEST_CASE("extract code: 'a day after the X president called Y a dictator' is X's criticism of Y") {
  auto fs = test::facts(
      "Venezuela recalled its envoys from Buenos Aires a day after the Argentine president called "
      "Venezuelan "
      "leader Nicolas Maduro \"a dictator\".");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "ARG", "VEN") != nullptr);
}

TEST_CASE("extract code: export controls imposed are sanctions; a bid approved is support") {
  auto fs = test::facts("Japan imposed export controls on South Korea.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "JPN", "KOR") != nullptr);
  fs = test::facts("The Turkish parliament approved Sweden's bid to join the bloc.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "TUR", "SWE") != nullptr);
}

TEST_CASE(
    "extract code: retaliation promised on a condition is a threat aimed at whom the condition is "
    "about") {
  auto fs = test::facts(
      "Mexico said it would retaliate if the United States raised tariffs on Mexican steel.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "MEX", "USA") != nullptr);
  // Retaliation done is an act of force.
  fs = test::facts("Israel retaliated against Hezbollah with air strikes in southern Lebanon.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "ISR", "") != nullptr);
}

TEST_CASE(
    "extract code: offering to host others' talks is an intent to mediate; 'relations with X' name "
    "X") {
  auto fs =
      test::facts("Cairo has offered to host a new round of talks between Israel and Jordan.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "03", "EGY", "ISR,JOR");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "039");
  // The talks of the two are no intent of theirs.
  for (const Fact& x : fs)
    if (x.root == "03") CHECK(x.participants.empty());
  fs =
      test::facts("The Nepalese foreign minister described relations with China as \"excellent\".");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "NPL", "CHN") != nullptr);
}

TEST_CASE("extract code: what another party 'must' do, said, is a demand on it") {
  auto fs = test::facts("Kenya said Somalia must withdraw its troops from the border.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "10", "KEN", "SOM");
  REQUIRE(f != nullptr);
  CHECK(test::with_root(fs, "01") == nullptr);
  fs = test::facts(
      "\"Canada must stop interfering in our internal affairs,\" a Chinese foreign ministry "
      "spokesman said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "CHN", "CAN") != nullptr);
  CHECK(test::with_root(fs, "01") == nullptr);
}

TEST_CASE("extract code: ', angering X' after a main act is X's anger at the main act's subject") {
  auto fs = test::facts(
      "Lithuania allowed Taiwan to open a representative office in Vilnius, angering Beijing.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHN", "LTU") != nullptr);
  CHECK(test::find(fs, "11", "CHN", "TWN") == nullptr);
}

TEST_CASE("extract code: likening a state to a pejorative is criticism of it") {
  auto fs = test::facts("The Venezuelan leader likened the American president to a dictator.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "VEN", "USA") != nullptr);
}

TEST_CASE("extract code: goods supplied to a state are aid") {
  auto fs = test::facts("Kazakhstan will supply wheat to Afghanistan under a new agreement.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "07", "KAZ", "AFG");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("extract code: a statement speaks for whom it names; one blocked was not made") {
  auto fs = test::facts("An EU statement criticizing China was issued on Monday.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "11", "", "CHN");
  REQUIRE(f != nullptr);
  REQUIRE(!f->source.empty());
  CHECK(f->source[0].name == "European Union");
  fs = test::facts(
      "The Hungarian prime minister blocked a European Union statement criticizing China.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "HUN", "CHN") == nullptr);
  for (const Fact& x : fs)
    if (x.root == "11") CHECK(x.status == Status::negated);
}

TEST_CASE("frames: envoys who must leave a state, or are told to, are expelled by it") {
  // told in a clause of what they had to do
  auto fs = test::facts(
      "VILNIUS, Oct 2 (Wire) - Minsk told Lithuania's charge d'affaires on Thursday that three "
      "Lithuanian diplomats had to leave Belarus within five days.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "BLR", "LTU") != nullptr);
  // said with "must": the expulsion, not a demand on the envoys' state
  fs = test::facts("Croatia said two Serbian consuls must leave Croatia by the end of the week.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "HRV", "SRB") != nullptr);
  CHECK(test::find(fs, "10", "HRV", "SRB") == nullptr);
  // told to leave, in the passive
  fs = test::facts("Peru's ambassador was told to leave Bolivia within 72 hours, the Bolivian foreign ministry said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "BOL", "PER") != nullptr);
  // neither troops who must leave, nor envoys who left by choice
  fs = test::facts("Croatia said Serbian troops must leave the border zone. Two Serbian consuls had to leave Zagreb "
                   "early because of a family illness.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "HRV", "SRB") == nullptr);
}

TEST_CASE("frames: a pact a relative clause says was signed is one agreement, signed, whatever became of it later") {
  auto fs = test::facts(
      "The defence pact that Manila signed with Tokyo in 2024 has yet to be ratified by the Philippine senate.",
      "2025-06-01");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "05", "PHL,JPN");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
  CHECK(test::with_root(fs, "05") == f);
  CHECK(std::count_if(fs.begin(), fs.end(), [](const Fact& x) { return x.cameo.starts_with("05"); }) == 1);
  // ... also with "that" read as the clause's object
  fs = test::facts("A maritime pact that Port Moresby signed with Canberra in 2023 is still not ratified.",
                   "2025-06-01");
  CAPTURE(test::summary(fs));
  f = test::find_sym(fs, "05", "PNG,AUS");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("frames: crossing points closed on another state's border are a sanction on it") {
  auto fs = test::facts("Uzbekistan closed two crossing points on the Afghan border on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "16", "UZB", "AFG") != nullptr);
}
