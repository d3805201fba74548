// extract code, more cases: quotes and their speakers, what became of an
// act (rejected, cancelled, only asked for), weapons and joint plans,
// mediation, breaches, topics, ideas and fears, visits, calls, promises and
// allies. Sentences are written for these tests.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;
using test::find;
using test::find_sym;

TEST_CASE("extract code: a quote continued after its attribution keeps its speaker") {
  // '"...," X said. "We will ..."': the second quote's "we" is X's.
  auto fs = test::facts(
      "\"The border must stay open,\" Kenyan Foreign Minister John Kamau said. \"We will also criticize "
      "Uganda at the summit.\"");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "11", "KEN", "UGA");
  REQUIRE(f != nullptr);
  CHECK(f->evidence[0].sentence == 1);
  // No speaker named before: the quote's "we" is nobody.
  fs = test::facts("The border was closed on Monday. \"We will also criticize Uganda at the summit.\"");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
  // A sentence that is no quote does not continue one.
  fs = test::facts(
      "\"The border must stay open,\" Kenyan Foreign Minister John Kamau said. We will also criticize "
      "Uganda at the summit.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("extract code: an attribution after a quote with its subject after the verb") {
  // '"...," explained X, a UN spokesman.': X is the subject, the quote what was said.
  for (const char* text :
       {"\"Families going home to Kenya will get land. The UN will provide aid to Kenya to build houses,\" "
        "explained Mr. Otieno, a UN spokesman.",
        "\"Families going home to Kenya will get land. The UN will provide aid to Kenya to build houses,\" "
        "explained Mr. Otieno."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "07") != nullptr);
  }
  auto fs = test::facts("A spokesman for the Kenyan foreign ministry, Peter Otieno, criticized Uganda on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
}

TEST_CASE("extract code: a rejected demand was made; a cancelled visit was not") {
  auto fs = test::facts("Chile rejected Bolivia's demand for a port on Monday.");
  CAPTURE(test::summary(fs));
  const Fact* d = find(fs, "10", "BOL", "CHL");
  REQUIRE(d != nullptr);
  CHECK(d->status == Status::occurred);
  CHECK(find(fs, "12", "CHL", "BOL") != nullptr);
  fs = test::facts("Chile cancelled the visit of the Bolivian president on Monday.");
  CAPTURE(test::summary(fs));
  const Fact* v = test::with_root(fs, "04");
  REQUIRE(v != nullptr);
  CHECK(v->status == Status::negated);
  // the Bolivian president's visit to Chile: the host is the subject
  CHECK(find(fs, "04", "BOL", "CHL") != nullptr);
  CHECK(find(fs, "04", "CHL", "BOL") == nullptr);
}

TEST_CASE("extract code: weapons launched at a country; joint plans are no threat") {
  auto fs = test::facts("Syria launched rockets at Jordan on Tuesday.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "19", "SYR", "JOR");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "195");
  fs = test::facts("Chile launched a satellite on Tuesday with help from Peru.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
  fs = test::facts("Kenya and Tanzania agreed to hold joint patrols on the lake.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") == nullptr);
  CHECK(find_sym(fs, "05", "KEN,TZA") != nullptr);
}

TEST_CASE("extract code: a request or invitation not yet answered is the asker's appeal, no meeting") {
  // The noun "responded to" is not its own party; the one asked is the
  // sentence's other country.
  auto fs = test::facts("Chile has yet to respond to Bolivia's request for talks.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "02", "BOL", "CHL");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
  for (const Fact& x : fs)
    if (x.root == "04") CHECK(x.status != Status::occurred);
  fs = test::facts("Ghana has yet to answer a Togolese invitation for talks.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "02", "TGO", "GHA") != nullptr);
}

TEST_CASE("extract code: brokering between two parties is mediation") {
  auto fs = test::facts("Norway brokered a ceasefire between Colombia and Venezuela.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_cameo(fs, "045");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f).size() == 3);
}

TEST_CASE("extract code: a remark that another party broke a rule is criticism of it") {
  // "said on Monday that ...": the that-clause is what was said, not a
  // relative clause of the day.
  for (const char* text : {"The Kenyan foreign minister said on Monday that Uganda had violated the border accord.",
                           "Kenya said Uganda had interfered in its elections."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  }
  // A remark about a neutral act stays no criticism.
  auto fs = test::facts("Kenya said Uganda had reopened its embassy.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("extract code: a noun event that is the topic of a meeting is nobody's act there") {
  // "consult X on the war": the war is what they talk about, not a war
  // between them; "on a visit" still sets the scene.
  auto fs = test::facts("Kenya will consult with Uganda on the war against the rebels.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
  CHECK(find_sym(fs, "04", "KEN,UGA") != nullptr);
}

TEST_CASE("extract code: an organization's forum or a congress is no summit, for either coder") {
  for (const char* text : {"Chile has long favoured trade within the APEC forum over regional deals.",
                           "The angry American Congress debated the trade bill with Mexico."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "04") == nullptr);
  }
}

TEST_CASE("extract code: a press conference is no summit, for either coder") {
  auto fs = test::facts("The Kenyan and Ugandan foreign ministers gave a news conference together in Nairobi.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
  fs = test::facts("The Kenyan and Ugandan foreign ministers held a conference in Nairobi.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "KEN,UGA") != nullptr);
}

TEST_CASE("extract code: what an idea, a fear or a possibility holds is not asserted") {
  for (const char* text : {"The idea that Chile will invade Peru is absurd, the Bolivian minister said.",
                           "Fears that Russia would attack Georgia grew on Monday.",
                           "The possibility that Kenya might expel Ugandan diplomats was discussed.",
                           // the clause read as a relative one, with "that" its subject
                           "The theory that somehow Chile is going to invade Peru was dismissed by the minister."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "19") == nullptr);
    CHECK(test::with_root(fs, "16") == nullptr);
    CHECK(test::with_root(fs, "13") == nullptr);
  }
  // A report that it happened is asserted.
  auto fs = test::facts("Georgia said that Russia had attacked its border posts.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "RUS", "GEO") != nullptr);
}

TEST_CASE("extract code: a visit 'by' or 'of' its visitor 'to' its host, however the phrase is attached") {
  for (const char* text : {"The visit by the Nepali prime minister to Dhaka was postponed.",
                           "The visit of the Nepali prime minister to Dhaka was cancelled.",
                           "The visit of the Nepali prime minister to Dhaka was called off."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    const Fact* f = find(fs, "04", "NPL", "BGD");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::negated);
  }
}

TEST_CASE("extract code: receiving a call is a call, not hosting the caller") {
  auto fs = test::facts("Tanzania's president received a phone call from the Kenyan president.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "KEN,TZA") != nullptr);
  CHECK(test::with_cameo(fs, "043") == nullptr);
  fs = test::facts("Tanzania's president received the Kenyan president in Dodoma.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "043") != nullptr);
}

TEST_CASE("extract code: a call for an act between others is aimed at its parties, and the act is only asked for") {
  auto fs = test::facts("Ghana called for talks between Mali and Niger on Monday.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "02", "GHA", "MLI");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "target") == std::set<std::string>{"MLI", "NER"});
  for (const Fact& x : fs)
    if (x.root == "04") CHECK(x.status != Status::occurred);
  fs = test::facts("Ghana urged an end to the fighting between Mali and Niger.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "02", "GHA", "NER") != nullptr);
}

TEST_CASE("extract code: what a promise will act on names whom it is made to") {
  auto fs = test::facts("Chile pledged to import more Bolivian gas next year.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "03", "CHL", "BOL") != nullptr);
  fs = test::facts("Japan vowed to rebuild Haiti after the storm.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "03", "JPN", "HTI") != nullptr);
  // Its own country's goods are nobody else's.
  fs = test::facts("Chile pledged to export more Chilean copper.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "03") == nullptr);
}

TEST_CASE("extract code: 'X and its ally Y' are both the subject, and their own borders name no one else") {
  auto fs = test::facts("Peru and its ally Bolivia moved soldiers to their borders and cut ties with Chile.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "15", "PER", "CHL");
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "source") == std::set<std::string>{"BOL", "PER"});
  // The pattern coder's reading of the same word and root with other
  // parties gives way to the tree's: one fact of cutting ties.
  int cuts = 0;
  for (const Fact& x : fs) cuts += x.root == "16";
  CHECK(cuts == 1);
  // A pronoun's possessive alone still names the owner's country.
  fs = test::facts("Chile said on Monday that its troops had attacked Peru.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "CHL", "PER") != nullptr);
}

TEST_CASE("extract code: 'called X a Y' names X, its tone picks praise or criticism; a call a day later is a call") {
  // the complement hung on the name's apposition, or on nothing sensible
  auto fs = test::facts("Iran responded by calling the Saudi foreign minister, Adel Jubeir, a \"liar\" on Tuesday.");
  CHECK(find(fs, "11", "IRN", "SAU") != nullptr);
  CHECK(find_sym(fs, "04", "IRN,SAU") == nullptr);
  fs = test::facts("Kenya branded Sudan a reckless aggressor.");
  CHECK(find(fs, "11", "KEN", "SDN") != nullptr);
  fs = test::facts("Ghana called Togo a reliable friend of the region.");
  CHECK(find(fs, "05", "GHA", "TGO") != nullptr);
  // a time after the object is no complement: a telephone call
  fs = test::facts("The Chilean president called Bolivia's president a day later.");
  CHECK(find_sym(fs, "04", "CHL,BOL") != nullptr);
  CHECK(find(fs, "11", "CHL", "BOL") == nullptr);
}

TEST_CASE("extract code: goods dropped, flown or shipped to a place are aid to its country, from the craft's") {
  // a state's helicopters and planes act for it; a part of a city is that city
  for (const char* text : {"Japanese helicopters dropped food and tents into Surabaya on Monday.",
                           "Japanese helicopters began dropping medicine into remote parts of Surabaya.",
                           "Japanese planes flew rice and blankets to Indonesia."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(find(fs, "07", "JPN", "IDN") != nullptr);
  }
  // planes flying somewhere are no visit; nothing dropped is no aid
  auto fs = test::facts("Japanese planes flew to Indonesia on Monday.");
  CHECK(test::with_root(fs, "04") == nullptr);
  fs = test::facts("Japan dropped its objection to the Indonesian plan.");
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("extract code: a province or state (data/regions.tsv) is a place of its country") {
  auto fs = test::facts("Japanese helicopters dropped rice into remote parts of Aceh province.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "07", "JPN", "IDN") != nullptr);
  fs = test::facts("The Chinese foreign minister arrived in Bahia on Monday for talks.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "04", "CHN", "BRA") != nullptr);
}

TEST_CASE("extract code: force aimed at a thing on a state's soil, troops placed on alert, 'the South'") {
  // what is hit lies in a state: the act is against that state
  auto fs = test::facts("Kenyan jets bombed a militant camp in Somalia on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "KEN", "SOM") != nullptr);
  // whom a verb of placing puts on alert is on alert
  fs = test::facts("Uganda's army was placed on high alert after the border clash with Kenya.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "15", "UGA", "KEN") != nullptr);
  // "the South" of an article on the two Koreas
  fs = test::facts("South Korea held talks with Japan on Monday. North Korea tested a missile. The South condemned "
                  "Pyongyang for the launch.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KOR", "PRK") != nullptr);
}

TEST_CASE("extract code: 'the decision of X to act' is X's act; a right to act is no act") {
  auto fs = test::facts("The decision of the Chilean government to expel the Peruvian ambassador surprised observers.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "16", "CHL", "PER") != nullptr);
  fs = test::facts("Kenya defended the right of Ugandan troops to fire on rebels in Sudan.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("extract code: a quote after a clause that is no speech verb's speaks for that clause's subject") {
  // the parse coder alone: the pattern coder guesses the same from word order
  auto fs = test::parse_only().extract(test::document(
      "The Kenyan president defended his decision on Monday, \"We condemn the Ugandan raids on our border.\""));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  // a quote whose own clause names its subject keeps it
  fs = test::parse_only().extract(test::document(
      "The Kenyan president defended his decision on Monday, \"Uganda condemned the raids on its border.\""));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "") == nullptr);
}

TEST_CASE("extract code: what is aimed at a thing of a state ('the policies of X', 'aggression from X') is aimed at X") {
  for (const char* text : {"Chile sharply criticized the border policies of Peru on Monday.",
                           "Iran blamed the crash on fear of aggression from Israel."}) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "11") != nullptr);
    CHECK((find(fs, "11", "CHL", "PER") != nullptr || find(fs, "11", "IRN", "ISR") != nullptr));
  }
}

TEST_CASE("extract code: a hostile act promised on a condition is a threat made now") {
  auto fs = test::facts("Kenya warned that it would destroy the Ugandan army if Uganda crossed the border.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "13", "KEN", "UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
  CHECK(test::with_root(fs, "19") == nullptr);
  // a decided act without a condition stays planned, with its own root
  fs = test::facts("Kenya said it would impose sanctions on Uganda next month.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "16", "KEN", "UGA") != nullptr);
  CHECK(test::with_root(fs, "13") == nullptr);
}

TEST_CASE("extract code: funding a thing in a state is aid to it, planned by whoever announced the plan") {
  auto fs = test::parse_only().extract(
      test::document("Britain announced plans to join Japan in funding a police academy in Kenya."));
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "07", "GBR", "KEN");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  // a gerund of manner keeps its verb's status
  fs = test::facts("Kenya retaliated on Monday by shelling Somali positions in Somalia.");
  CAPTURE(test::summary(fs));
  f = find(fs, "19", "KEN", "SOM");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("extract code: a hostile act of a pair told as one is mutual") {
  // "Both countries" with no other target: each against the other, two
  // directed facts; "on a higher level of alert" is placing on alert too.
  auto fs = test::facts("Kenya and Uganda traded accusations last week. Both nations placed their troops on a higher "
                        "level of alert.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "15", "KEN", "UGA") != nullptr);
  CHECK(find(fs, "15", "UGA", "KEN") != nullptr);
  // Traded accusations are criticism, not trade; traded fire is a fight.
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  CHECK(find(fs, "11", "UGA", "KEN") != nullptr);
  CHECK(test::with_root(fs, "06") == nullptr);
  fs = test::facts("Kenya and Uganda traded fire across the lake on Sunday.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "19", "KEN,UGA") != nullptr);
  // A pair's friendly act is not mutual: aid needs a receiver named (the
  // parse coder alone: the pattern coder guesses from word order).
  fs = test::parse_only().extract(test::document("Kenya and Uganda met in Nairobi on Monday. Both countries sent aid."));
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("extract code: British spellings are read as the frames' American ones") {
  auto fs = test::parse_only().extract(
      test::document("The Kenyan government criticised Uganda on Monday and apologised to Tanzania for the delay."));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  CHECK(find(fs, "05", "KEN", "TZA") != nullptr);
}

TEST_CASE("extract code: a press conference is no meeting of the parties") {
  auto fs = test::facts(
      "Kenyan Foreign Minister John Kamau flew to Uganda on Monday. Kamau and Ugandan Foreign Minister Sam Okello "
      "held a Joint News Conference in Kampala, the capital city of Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "044") == nullptr);
  CHECK(test::with_cameo(fs, "042") != nullptr);  // the visit stays
  // talks held the same day still are a meeting
  fs = test::facts("The Kenyan and Ugandan ministers held talks in Kampala on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "KEN,UGA") != nullptr);
}

TEST_CASE("extract code: what a denied plan is about is negated, not planned") {
  for (const char* text : {"A Kenyan official said the visa rule was not part of any plan to impose sanctions on Uganda.",
                           "A Kenyan official said there was no plan to impose sanctions on Uganda."}) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    const Fact* f = find(fs, "16", "KEN", "UGA");
    CHECK((f == nullptr || f->status == Status::negated));
  }
  auto fs = test::parse_only().extract(
      test::document("A Kenyan official said the visa rule was part of a plan to impose sanctions on Uganda."));
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "16", "KEN", "UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("extract code: aid withheld or delayed reduces relations with whom it was meant for") {
  const char* texts[] = {"Kenya withheld $20 million in food aid it had earlier pledged to Uganda.",
                         "The Kenyan president ordered his ministers to delay the aid meant for Uganda."};
  for (const char* text : texts) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    CHECK(find(fs, "16", "KEN", "UGA") != nullptr);
  }
}

TEST_CASE("extract code: saying an act was another's fault or doing accuses them") {
  for (const char* text : {"The Kenyan foreign minister said the border clash was Uganda's fault.",
                           "Kenyan officials said the attack on the convoy was clearly Uganda's doing."}) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  }
  // ... and denying "the accusation" answers it
  auto fs = test::facts("The Kenyan foreign minister said the border clash was Uganda's fault. For days Uganda denied "
                        "the accusation.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "12", "UGA", "KEN") != nullptr);
}

TEST_CASE("extract code: 'which' stands for the noun it follows; a passive ban without its maker is the home country's") {
  auto fs = test::parse_only().extract(test::document(
      "Uganda resumed imports of Kenyan sugar, which were banned in 2019 after a dispute. Uganda's trade minister "
      "welcomed the move."));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "16", "UGA", "KEN") != nullptr);
  fs = test::parse_only().extract(test::document("Kenya sent food to Somalia, which is in an armed conflict with Ethiopia."));
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "19", "SOM,ETH") != nullptr);
}

TEST_CASE("extract code: a welcome given or received is a host's (043), the host its source") {
  for (const char* text : {"The Kenyan president extended a cordial welcome to Ugandan leader Yoweri Museveni at the airport.",
                           "Ugandan President Yoweri Museveni received a warm welcome from Kenyan officials in Nairobi."}) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    CHECK(find(fs, "04", "KEN", "UGA") != nullptr);
    CHECK(find(fs, "04", "UGA", "KEN") == nullptr);
  }
}

TEST_CASE("extract code: the speaker after a closed quote is none of the people it names") {
  // '"I cannot accept X's lies," he said': "he" is the one the sentence
  // before named besides X, and the remark criticizes X.
  auto fs = test::facts(
      "Kenyan President John Kamau met Ugandan President Sam Okello in Arusha, where Okello accused Kamau of arming "
      "rebels. \"I cannot accept Okello's lies,\" he said.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  // "cannot" is "can not": what cannot be done is negated
  fs = test::parse_only().extract(test::document("Kenya cannot sign the trade pact with Uganda."));
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(f.status != Status::occurred);
  // ... but an offer that cannot be accepted is turned down: a rejection
  fs = test::parse_only().extract(test::document("Kenya cannot accept Uganda's offer of talks."));
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "12", "KEN", "UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}
