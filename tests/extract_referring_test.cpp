// Parties a sentence names only by reference: an object "it" that is not
// its clause's subject, a definite noun event ("the visit", "the deal")
// that is the act of its kind told before, and what a phrase of
// circumstance ("amid concern over X") does not make part of an
// agreement. Every sentence is written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;

TEST_CASE("an object 'it' is the state named before it, not the clause's subject") {
  auto fs = test::facts("Seoul accused Pyongyang of raising tensions and urged it to return to talks.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "KOR", "PRK") != nullptr);
  fs = test::facts("Canada recalled its envoy from Riyadh, accusing it of meddling.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CAN", "SAU") != nullptr);
}

TEST_CASE("a reaction to 'the visit' or 'the pact' told long before is aimed at its makers") {
  // four sentences after the visit, with no act between
  auto fs = test::facts(
      "The Indian prime minister arrived in Dhaka on Monday for a two-day visit.\n\n"
      "The trip is his first abroad since the election in June.\n\n"
      "He is accompanied by his wife and several business leaders.\n\n"
      "The weather in the city was hot and humid, local media reported.\n\n"
      "Pakistan's foreign office criticised the visit on Tuesday.",
      "2025-03-10");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "PAK", "IND") != nullptr);
  // an act done together is aimed at all its parties (and a sentence with
  // one party of its own is read when an act was told before)
  fs = test::facts(
      "Niger and Mali signed a defence pact on Friday in Bamako.\n\n"
      "The ceremony lasted about an hour.\n\n"
      "Both leaders wore traditional robes.\n\n"
      "The text of the document has not been published.\n\n"
      "Benin criticised the pact on Sunday.",
      "2025-03-10");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "BEN", "NER,MLI") != nullptr);
}

TEST_CASE("a phrase of circumstance is no part of what is agreed, nor its concern the subject's") {
  auto fs = test::facts(
      "Vietnam and Australia agreed to expand maritime cooperation, amid mounting concern over Chinese activity.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f).count("CHN") == 0);
  CHECK(test::find_sym(fs, "05", "VNM,AUS") != nullptr);
}

TEST_CASE("parties: a delegation led by an official, a series of names read as an apposition") {
  const test::RoleCase cases[] = {
      {"A delegation led by the Qatari foreign minister visited Kabul.", "04", "QAT", "AFG"},
  };
  for (const auto& c : cases) test::check_found(c);
  auto fs = test::facts("The presidents of Ghana, Togo and Benin met in Lome to discuss border security.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "GHA,TGO,BEN") != nullptr);
}

TEST_CASE("status: an infinitive of purpose shares the modal of the verb it is the purpose of") {
  auto fs = test::facts("The Chilean foreign minister will fly to Lima next week to meet Peru's president.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "04", "CHL,PER");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  for (const Fact& g : fs) CHECK(g.status != Status::occurred);
}

TEST_CASE("'its neighbour', 'its ally' is the other country read before") {
  const test::RoleCase cases[] = {
      {"Sudan closed its border with Chad in May. Khartoum accused its neighbour of arming the rebels.", "11",
       "SDN", "TCD"},
      {"Laos and Vietnam signed a rail deal in June. Vientiane later thanked its neighbour for the loan.", "05",
       "LAO", "VNM"},
  };
  for (const auto& c : cases) test::check_found(c);
  // "its ally" likewise, unless the ally is named after it
  auto ally = test::facts("Seoul hosted the Australian premier. South Korea said it stood with its ally.");
  CAPTURE(test::summary(ally));
  CHECK(test::find(ally, "05", "KOR", "AUS") != nullptr);
  auto named = test::facts("Kenya and its ally Uganda sent troops to Somalia.");
  CAPTURE(test::summary(named));
  CHECK(test::find(named, "07", "KEN,UGA", "SOM") != nullptr);
  // with no country read before, none
  auto fs = test::facts("Ghana accused its neighbour of harbouring gunmen.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("'the move', 'the decision' refer back to the latest act told by another") {
  // object of a reaction, and after "against"; the reacting party's own
  // acts are passed over
  auto fs = test::facts(
      "Latvia expelled three Belarusian diplomats on Monday.\n\n"
      "Minsk denounced the move and summoned the Latvian charge d'affaires.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "BLR", "LVA") != nullptr);
  fs = test::facts(
      "Mexico raised duties on Guatemalan sugar this week.\n\n"
      "Guatemala said it would retaliate against the measure.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "GTM", "MEX") != nullptr);
  // regret of another's act referred to is no apology to its maker
  fs = test::facts(
      "Chad withdrew its ambassador from Sudan on Friday.\n\n"
      "Khartoum said it regretted the decision.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("a feeling voiced at 'the decision', 'the move' is aimed at the maker of the act told before") {
  const char* texts[] = {
      "Zambia shut its border with Malawi on Tuesday.\n\n"
      "Malawi's foreign ministry expressed deep regret at the decision.",
      "Zambia shut its border with Malawi on Tuesday.\n\n"
      "Malawi's trade minister voiced dismay over the move.",
  };
  for (const char* text : texts) {
    auto fs = test::facts(text);
    CAPTURE(std::string(text));
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "11", "MWI", "ZMB") != nullptr);
  }
}

TEST_CASE("'the minister' with no name or country is the office of that title read before") {
  auto fs = test::facts(
      "Norway's trade minister landed in Lima on Sunday.\n\n"
      "The minister thanked Peru for its support on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "NOR", "PER") != nullptr);
  // the same role, not another one read later
  fs = test::facts(
      "Egypt's defence minister met Jordan's foreign minister in Amman.\n\n"
      "The defence minister later criticised Israel.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "EGY", "ISR") != nullptr);
}

TEST_CASE("'a move Y condemned' set beside a clause: Y reacts to that clause's act") {
  auto fs = test::facts("Serbia opened a consulate in Pristina, a step Croatia condemned.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "HRV", "SRB") != nullptr);
  // the gap is the object: "welcomed" a move is praise, no hosting
  fs = test::facts("Angola reopened its embassy in Kinshasa, a move Zambia welcomed.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "ZMB", "AGO") != nullptr);
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("'called the duty a violation': the duty is the measure told before") {
  auto fs = test::facts(
      "Uganda imposed a duty on Rwandan cement in May.\n\n"
      "Rwanda's trade minister called the duty a breach of the common market rules.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "RWA", "UGA") != nullptr);
}

TEST_CASE("a denial naming no accusation answers the latest one aimed at the denier") {
  auto fs = test::facts(
      "Eritrea accused Djibouti of moving troops to the border on Monday.\n\n"
      "Djibouti denied that any of its units had left their barracks.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "DJI", "ERI") != nullptr);
  fs = test::facts(
      "Norway accused Russia of jamming GPS signals near the border.\n\n"
      "Moscow denied any interference.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "12", "RUS", "NOR") != nullptr);
  // no accusation aimed at the denier told before: no target guessed
  fs = test::facts(
      "Ghana and Togo signed a border pact.\n\n"
      "Togo denied that its president was ill.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("a title with another country than the dateline's is not a person read without one") {
  auto fs = test::facts(
      "LISBON, May 3 (Iberia Wire) - Portugal will fund a water project in Mozambique, the ministry said.\n\n"
      "The development minister, Rui Almada, spoke with Mozambique's finance minister on Tuesday.\n\n"
      "\"Portugal has stood by us,\" the Mozambican minister said after the call.",
      "2024-05-03");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "PRT,MOZ") != nullptr);
}

TEST_CASE("'the foreign ministry', 'the foreign minister' in a story from a named country's capital are its") {
  auto fs = test::facts(
      "VILNIUS, March 4 - Lithuania accused Belarus of sending migrants across the border on Monday.\n\n"
      "The foreign ministry later summoned the Belarusian charge d'affaires.\n\n"
      "The foreign minister also urged Minsk to stop the flights.",
      "2024-03-04");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "LTU", "BLR") != nullptr);
  CHECK(test::find(fs, "02", "LTU", "BLR") != nullptr);
  // not before the story names that country, nor for "a ... spokesman"
  fs = test::facts(
      "RIGA, March 4 - Estonia and Finland signed a ferry deal on Monday.\n\n"
      "The foreign ministry welcomed the agreement.",
      "2024-03-04");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f).count("LVA") == 0);
}

TEST_CASE("'the two presidents' are the two countries' presidents") {
  auto fs = test::facts(
      "The presidents of Bolivia and Paraguay called off a planned summit.\n\n"
      "The two presidents discussed the delay in a telephone call on Friday.");
  CAPTURE(test::summary(fs));
  bool call = false;
  for (const Fact& f : fs)
    call |= f.cameo.rfind("04", 0) == 0 && f.status == Status::occurred && test::countries(f).count("BOL") &&
            test::countries(f).count("PRY");
  CHECK(call);
}

TEST_CASE("'the offer was welcomed by X': a passive answer to an act told before") {
  auto fs = test::facts(
      "Qatar offered to host talks between Chad and Sudan.\n\n"
      "The offer was welcomed by N'Djamena on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "TCD", "QAT") != nullptr);
}

TEST_CASE("'called the recall \"disproportionate\"': a quoted judgement of an act told before") {
  auto fs = test::facts(
      "Ecuador recalled its ambassador from Bogota on Friday.\n\n"
      "Colombia's foreign ministry called the recall \"disproportionate\".");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "COL", "ECU") != nullptr);
  // a recall of goods is no act between states
  fs = test::facts("A Korean carmaker announced a recall of cars sold in Chile.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
}

TEST_CASE("'the two ministers' are the last two states joined by 'and', not the two named most") {
  auto fs = test::facts(
      "BANGKOK, May 3 - The foreign ministers of Laos and Cambodia met in Bangkok on Monday, Thai officials "
      "said.\n\nThailand's foreign minister hosted the talks at a Thai government guesthouse. Thai officials "
      "said the two ministers would meet again in June.");
  CAPTURE(test::summary(fs));
  bool planned = false;
  for (const Fact& f : fs)
    if (f.root == "04" && f.status == Status::planned) {
      planned = true;
      CHECK(test::countries(f).count("LAO") == 1);
      CHECK(test::countries(f).count("KHM") == 1);
    }
  CHECK(planned);
  // two of a longer list are no pair
  fs = test::facts(
      "Kenya, Uganda and Tanzania attended the summit with Rwanda. Egypt hosted it. Officials said the two "
      "countries would sign a trade pact in May.");
  CAPTURE(test::summary(fs));
  const Fact* pact = test::with_root(fs, "05");
  REQUIRE(pact != nullptr);
  CHECK_FALSE((test::countries(*pact).count("UGA") == 1 && test::countries(*pact).count("TZA") == 1));
}

TEST_CASE("a warning, demand or denial that names no one answers the maker of the act told just before") {
  auto fs = test::facts(
      "Ethiopia sent troops to the disputed border on Monday.\n\nOn Wednesday Egypt's president "
      "warned that any harm to its share of the river would bring instability to the whole region.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "13", "EGY", "ETH") != nullptr);
  // not when the sentence aims another act at someone of its own
  fs = test::facts(
      "Ethiopia sent troops to the disputed border on Monday.\n\nKenya's foreign ministry summoned "
      "the ambassador of Somalia on Tuesday to protest against what it called a violation of its airspace.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f, "target").count("ETH") == 0);
}

TEST_CASE("'he' or 'she' after a sentence that ends ', the minister said' is that speaker") {
  auto fs = test::facts(
      "LIMA, May 3 (Wire) - Peru accused Chile on Sunday of moving troops to the border.\n\n"
      "Two Peruvian soldiers were wounded on Saturday, the defence minister told reporters.\n\n"
      "\"We will be patient,\" she said, adding that Santiago must withdraw its troops.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "PER", "CHL") != nullptr);
  // a named speaker after the comma, the same
  fs = test::facts(
      "Two soldiers were wounded on Saturday, Peru's Defence Minister Ana Torres told reporters.\n\n"
      "She said Chile must withdraw its troops.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "10", "PER", "CHL") != nullptr);
}

TEST_CASE("'In Beijing, spokesman X said': a speaker of no known country speaks for the place the sentence opens with") {
  auto fs = test::facts(
      "HANOI, May 2 (Wire) - Vietnam summoned the Chinese ambassador on Friday.\n\n"
      "In Beijing, foreign ministry spokesman Lin Hao accused Hanoi of provocation.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHN", "VNM") != nullptr);
  // without the place, the story's own country would be his: no such fact
  fs = test::facts(
      "HANOI, May 2 (Wire) - Vietnam summoned the Chinese ambassador on Friday.\n\n"
      "Foreign ministry spokesman Lin Hao accused Hanoi of provocation.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHN", "VNM") == nullptr);
}

TEST_CASE("'In Phnom Penh, a ministry spokeswoman said': the opening place seats a body or official named by no state") {
  // an official with no name, and a body that the dateline would make the story's own
  for (const char* who : {"an interior ministry spokeswoman", "the interior ministry"}) {
    auto fs = test::facts(std::string("HANOI, June 4 (Wire) - Vietnam sent a note to Cambodia on Tuesday.\n\n"
                                      "In Phnom Penh, ") +
                          who + " told reporters the Vietnamese dredgers had encroached on Cambodian islands.");
    CAPTURE(who);
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "11", "KHM", "VNM") != nullptr);
  }
  // ... and a name after its title, which the parser hung on the place
  auto fs = test::facts(
      "HANOI, June 4 (Wire) - Vietnam sent a note to Cambodia on Tuesday.\n\n"
      "In Phnom Penh, interior ministry spokeswoman Chea Sovanna told reporters the Vietnamese dredgers "
      "had encroached on Cambodian islands.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KHM", "VNM") != nullptr);
  // a place later in the sentence seats no one
  fs = test::facts(
      "HANOI, June 4 (Wire) - Vietnam sent a note to Cambodia on Tuesday.\n\n"
      "An interior ministry spokeswoman told reporters the Vietnamese dredgers had encroached on "
      "islands near Phnom Penh.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KHM", "VNM") == nullptr);
}

TEST_CASE("'In Ankara on Tuesday, the foreign ministry ...': a date between the opening place and its comma still seats the body") {
  auto fs = test::facts("In Ankara on Tuesday, the foreign ministry accused Greece of violating Turkish airspace.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TUR", "GRC") != nullptr);
  // a place after the body seats nothing before it
  fs = test::facts("The foreign ministry accused Greece of violating airspace near Ankara on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "TUR", "GRC") == nullptr);
}

TEST_CASE("'the organization' after an organization named earlier in the same sentence is that one, also as a possessive") {
  for (const char* whom : {"the organization", "the organization's Permanent Council"}) {
    auto fs = test::facts(std::string("Costa Rica filed a complaint against Nicaragua, which it took to the OAS, "
                                      "and asked ") +
                          whom + " to send monitors to the river.");
    CAPTURE(whom);
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_root(fs, "02");
    REQUIRE(f != nullptr);
    REQUIRE(f->target.size() == 1);
    CHECK(f->target[0].id == "org:OAS");
  }
}

TEST_CASE("'his government' in what a speaker says is the speaker's, even after another country's official") {
  auto fs = test::facts(
      "LOME, Aug 22 (Wire) - Togo's foreign minister, Kodjo Amedzo, sent a note of protest to Benin on Monday.\n\n"
      "An interior ministry spokeswoman in Cotonou told reporters that her government wanted talks and urged "
      "Togo to come back to the negotiating table.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "BEN", "TGO") != nullptr);
}

TEST_CASE("'the move', 'the visit' judged in what a speaker says is a judgement of that act's maker") {
  auto fs = test::facts(
      "ACCRA, June 9 (Wire) - Togo closed its border with Ghana on Monday. A Ghanaian spokesman said the move "
      "was a provocation.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "GHA", "TGO") != nullptr);
  fs = test::facts(
      "ACCRA, June 9 (Wire) - Togo's president visited Morocco on Monday. An Algerian envoy said the visit had "
      "undermined the peace process.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "DZA", "TGO") != nullptr);
  // (a neutral remark on it is no judgement)
  fs = test::facts(
      "ACCRA, June 9 (Wire) - Togo closed its border with Ghana on Monday. A Ghanaian spokesman said the move "
      "came after a week of talks.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "GHA", "TGO") == nullptr);
}

TEST_CASE("'the government' as the subject of what a speaker says is the speaker's, not the dateline's state") {
  auto fs = test::facts(
      "VIENNA, June 9 (Wire) - The European Union slapped travel bans on Belarusian officials on Monday. "
      "Belarus's foreign minister said the government would not accept the decision.");
  CAPTURE(test::summary(fs));
  const Fact* r = test::find(fs, "12", "BLR", "");
  REQUIRE(r != nullptr);
  REQUIRE(r->target.size() == 1);
  CHECK(r->target[0].id == "org:EU");
  CHECK(test::find(fs, "12", "AUT", "") == nullptr);
}

TEST_CASE("'he' in what a speaker of office says is the speaker, not the person subject told before") {
  auto fs = test::facts(
      "CAIRO, May 3 (Wire) - Oman's foreign minister asked both sides on Monday to keep the Gulf Cooperation "
      "Council whole.\n\nThe council's chief envoy said on Tuesday that he would fly to Rabat and Algiers soon.");
  CAPTURE(test::summary(fs));
  const Fact* v = test::with_root(fs, "04");
  REQUIRE(v != nullptr);
  REQUIRE(!v->source.empty());
  CHECK(v->source[0].id == "org:GCC");
  // a body that speaks is no "he": "the ministry said he had ..." is someone else
  fs = test::facts(
      "MOSCOW, May 3 (Wire) - Russia expelled a Finnish envoy, Matti Lahti, on Monday after the security "
      "service said he had bribed an official.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "RUS", "RUS") == nullptr);
}

TEST_CASE("a reaction to 'the agreement' or 'the declaration' with no parties of its own is aimed at the parties of the agreement told last") {
  auto fs = test::facts(
      "Bolivia and Paraguay signed a pact on river barges in Asuncion. The ministry in Buenos Aires "
      "warmly welcomed the agreement.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "ARG", "BOL,PRY") != nullptr);
  fs = test::facts("Bolivia and Paraguay signed a pact on river barges in Asuncion. Argentina hailed the declaration as a step forward.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "ARG", "BOL,PRY") != nullptr);
  // with no agreement told before, no guess
  fs = test::facts("Argentina's foreign ministry welcomed the declaration on Tuesday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "ARG", "") == nullptr);
}

TEST_CASE("parse coder: 'condemned what she called reckless X conduct', the free relative's naming is the object") {
  for (const char* text : {"The Dutch foreign minister condemned what she called reckless Iranian conduct in the Gulf.",
                           "Brazil's president criticised what he termed irresponsible Venezuelan behaviour at sea."}) {
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "11") != nullptr);
    CHECK((test::find(fs, "11", "NLD", "IRN") != nullptr || test::find(fs, "11", "BRA", "VEN") != nullptr));
  }
}

TEST_CASE("the reason a state says for its own hostile act ('expelled X's consul, saying he had ...') accuses the act's target") {
  auto fs = test::facts("Poland expelled a Belarusian consul on Monday, saying he had been recruiting border guards.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_code(fs, "112", "POL", "BLR") != nullptr);
  CHECK(test::find(fs, "16", "POL", "BLR") != nullptr);
  // a reason about the act itself blames no one
  fs = test::facts("Poland expelled a Belarusian consul on Monday, saying the decision was final.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("the subject of a clause joined by 'and' is no target of the act before it, nor it of that one's") {
  for (const char* text : {"Soldiers seized power in Suva overnight. New Zealand condemned the coup, and Japan called for restraint.",
                           "Soldiers seized power in Suva overnight. Australia voiced deep concern over the takeover, and "
                           "ASEAN called for calm."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    CHECK(test::find(fs, "11", "NZL", "JPN") == nullptr);
    CHECK(test::find(fs, "02", "JPN", "NZL") == nullptr);
    CHECK(test::find(fs, "11", "AUS", "") == nullptr);
    CHECK(test::find(fs, "02", "", "AUS") == nullptr);
  }
  // "but" may join the other party's answer, aimed at the one before
  auto fs = test::facts("Kenya proposed talks on the border in May, but Tanzania asked for more time.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "TZA", "KEN") != nullptr);
}

TEST_CASE("whose rules a wrong breaks ('a breach of UN Security Council decisions') is no target of the reaction") {
  auto fs = test::facts(
      "Iran tested a new missile on Sunday. Germany's foreign ministry called the test a clear breach of UN "
      "Security Council decisions.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs)
    for (const auto& a : f.target) CHECK(a.id != "org:UNSC");
}

TEST_CASE("'the two leaders' are the states of the last two officials read by their titles, not the states named most") {
  auto fs = test::facts(
      "Chile's president arrived in Lima on Monday. Peru's president greeted her at the airport and said Lima had "
      "no wish to reopen the maritime dispute with Bolivia. The two leaders then signed a trade accord.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "PER,CHL") != nullptr);
  CHECK(test::find_sym(fs, "05", "PER,BOL") == nullptr);
}

TEST_CASE("'condemned the blast', naming no maker, is not aimed at whoever made the last appeal") {
  auto fs = test::facts(
      "BRUSSELS, Sept 9 (Wire) - China urged all sides to show restraint.\n\n"
      "Russia said it regretted the test and called for calm.\n\n"
      "EU ministers condemned the blast.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs)
    if (f.root == "11")
      for (const auto& a : f.target) CHECK((a.country != "RUS" && a.country != "CHN"));
}

TEST_CASE("'supported the agreement' answers the agreement told before, not a praise of the same root told after it") {
  auto fs = test::facts(
      "HANOI, June 5 (Wire) - Japan and the Philippines signed a defence pact on Monday.\n\n"
      "Vietnam welcomed the pact.\n\n"
      "US officials said they supported the agreement.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "USA", "PHL") != nullptr);
  CHECK(test::find(fs, "05", "USA", "VNM") == nullptr);
}

TEST_CASE("a body whose leader's name is glued to '-led' acts for that leader's side") {
  auto fs = test::facts("The Saudi-led coalition struck rebel positions in Yemen on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "SAU", "YEM") != nullptr);
  // (a force led by no one named acts for no one)
  fs = test::facts("The coalition struck rebel positions in Yemen on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("'for the attack', 'after the raid' with no party of its own refers back: no attack by the clause's subject") {
  auto fs = test::facts("A Danish court jailed two Iranian men on Friday for the attack, a ruling Tehran called political.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "DNK", "") == nullptr);
  CHECK(test::find(fs, "18", "DNK", "") == nullptr);
  // (an attack the phrase gives its maker stays)
  fs = test::facts("A Danish court jailed two men on Friday for the Iranian attack on Denmark's embassy.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "19", "IRN", "DNK") != nullptr);
}
