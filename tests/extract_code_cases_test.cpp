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
  fs = test::parse_only().extract(test::document("Kenya cannot accept Uganda's offer of talks."));
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(f.status != Status::occurred);
}

TEST_CASE("extract code: a fronted 'after X,' is a time, not a party; raising a matter with someone is talking") {
  // "After X, ..." with no verb of its own before the comma: X is where the
  // trip was before, neither a visitor nor a co-source.
  auto fs = test::facts(
      "President Macron leaves for Asia next week. After China, the president visits Japan and Vietnam.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "04", "FRA", "JPN");
  REQUIRE(f != nullptr);
  for (const Actor& a : f->source) CHECK(a.country != "CHN");
  // "after X did ...": a clause, whose subject still acts.
  fs = test::facts("The move came after the Nigerian navy attacked Cameroon earlier in the month.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "NGA", "CMR") != nullptr);
  // "raised the question of ... with the Peruvian ambassador": a meeting.
  fs = test::facts(
      "The Chilean foreign minister said she had raised the question of fishing rights with the Peruvian "
      "ambassador.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "04", "CHL,PER") != nullptr);
  fs = test::facts("Chile raised its tariffs on Peruvian copper.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
}

TEST_CASE("extract code: people who protest take to the streets; the visit they protest is its visitor's") {
  // Private people protesting are a protest (14); a government's protest a complaint (11).
  auto fs = test::facts(
      "Hundreds of Mexican students protested on Sunday against the visit of the American defense secretary.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "14", "MEX", "USA") != nullptr);
  // The visitor is the one "of" names, not the clause's subject.
  CHECK(find(fs, "04", "MEX", "USA") == nullptr);
  fs = test::facts("The Mexican government protested against the visit of the American defense secretary.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "MEX", "USA") != nullptr);
  // A bare past verb read as a participle on its subject: the verb of the sentence.
  fs = test::facts("Mexican activists protested in Monterrey against the visit of the American defense secretary.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "14", "MEX", "USA") != nullptr);
}

TEST_CASE("extract code: a month after a noun event's verb is a date, no modal") {
  // "began in May": "May" is no "may".
  auto fs = test::facts("Talks between Ukraine and Maldives began in May.");
  CAPTURE(test::summary(fs));
  const Fact* f = find_sym(fs, "04", "MDV,UKR");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("extract code: a person named with a private title stands for a country only in what is done to people") {
  // A journalist's or activist's words are not the state's ...
  auto fs = test::facts("Kenyan journalist Mary Otieno criticized Uganda on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
  fs = test::facts("Kenyan activist Mary Otieno met Ugandan officials on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "04") == nullptr);
  // ... but an arrest of one is an act against that country's national.
  fs = test::facts("Ugandan police arrested Kenyan journalist Mary Otieno on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "17", "UGA", "KEN") != nullptr);
  // An official's words are the state's.
  fs = test::facts("Kenyan Foreign Minister Mary Otieno criticized Uganda on Friday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
}

TEST_CASE("extract code: one word read in two hostile roots between the same parties is one act") {
  // A ban is a sanction (163) or a restriction (172), not both.
  auto fs = test::facts("Kenya on Tuesday banned Ugandan airline Nile Wings from flying into Nairobi.");
  CAPTURE(test::summary(fs));
  int n = 0;
  for (const Fact& f : fs) n += f.root == "16" || f.root == "17";
  CHECK(n == 1);
}

TEST_CASE("extract code: 'according to X' attributes a remark to X like a speech verb") {
  auto fs = test::facts(
      "\"The Rwandan regime's ambitions are reckless and destructive,\" according to Congolese Foreign Minister "
      "Jean Mbala.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "COD", "RWA") != nullptr);
  // An act told with its own subject stays that subject's.
  fs = test::facts("Rwanda will send troops to Burundi next week, according to Congolese officials.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "COD", "RWA") == nullptr);
  CHECK(test::with_root(fs, "01") == nullptr);
}

TEST_CASE("extract code: blame under a hedge ('was \"likely\" X's doing') accuses X; the act blamed is not the speaker's") {
  auto fs = test::facts(
      "The Kenyan foreign minister said the explosion was \"likely\" Uganda's doing. For two days Uganda "
      "denied the accusation.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN", "UGA") != nullptr);
  // the denial answers the accuser
  CHECK(find(fs, "12", "UGA", "KEN") != nullptr);
  // the explosion is no Kenyan assault on Uganda
  CHECK(test::with_root(fs, "18") == nullptr);
  fs = test::facts("Chile's defence minister said the blast was \"most likely\" Peru's fault.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "CHL", "PER") != nullptr);
  CHECK(test::with_root(fs, "18") == nullptr);
}

TEST_CASE("extract code: lower-case 'the north' aimed at is the other half of a named pair, else a region") {
  auto fs = test::facts("Officials in North Korea and South Korea met on Thursday. The South later fired dozens of "
                        "shells into the north.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "KOR", "PRK") != nullptr);
  // Without both halves of a pair named, "the north" is a part of a country.
  fs = test::facts("Malian troops met on Thursday. North Korea later fired dozens of shells into the north.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "PRK", "PRK") == nullptr);
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("extract code: a lower-case word inside a country's name is tagged as its modifier") {
  // "mainland" of "mainland China's" read as a preposition would make the
  // recognized status an oblique; as a modifier it is the object.
  auto fs = test::parse_only().extract(
      test::document("Peru and Chile signed a deal in which Peru has recognized mainland China's trade status."));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "05", "PER", "CHN") != nullptr);
}

TEST_CASE("extract code: a relief operation, effort or mission is aid to the country it works in") {
  auto fs = test::facts("\"The roads are gone,\" said Maria Lopez, who leads the UN flood relief operation in Haiti.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "07", "", "HTI");
  REQUIRE(f != nullptr);
  REQUIRE(!f->source.empty());
  CHECK(f->source[0].id == "org:UN");
  fs = test::facts("Kenya launched an aid operation in Somalia on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "07", "KEN", "SOM") != nullptr);
  // An operation of another kind is none.
  fs = test::facts("Kenya launched a police operation in Somalia on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "07") == nullptr);
}

TEST_CASE("extract code: 'he' inside a quote is not the quote's speaker") {
  auto fs = test::facts(
      "Bolivian president Luis Arce spoke with Fidel Castro on Sunday.\n\n\"He has sent us greetings,\" Arce said "
      "of Castro.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "05", "CUB", "BOL") != nullptr);
  CHECK(find(fs, "05", "BOL", "CUB") == nullptr);
}

TEST_CASE("extract code: a peacekeeping mission is military protection (074) of the country it serves in") {
  auto fs = test::facts("Brazil has led the UN peacekeeping mission in Haiti since 2004.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "07", "", "HTI");
  REQUIRE(f != nullptr);
  CHECK(f->cameo == "074");
}

TEST_CASE("extract code: leaving a treaty or deal made with a state reduces relations with it") {
  auto fs = test::facts("Last year the Kenyan president withdrew Kenya from a border treaty with Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "16", "KEN", "UGA") != nullptr);
  fs = test::facts("Peru pulled out of its fishing deal with Chile on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "16", "PER", "CHL") != nullptr);
  // Troops leaving a country are a withdrawal (087), not a break.
  fs = test::facts("Kenyan troops withdrew from Somalia.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "08", "KEN", "SOM") != nullptr);
  CHECK(test::with_root(fs, "16") == nullptr);
  // A withdrawal promised on a condition stays a threat.
  fs = test::facts("Kenya said it will withdraw its troops from Somalia unless the fighting stops.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "13", "KEN", "SOM") != nullptr);
}

TEST_CASE("extract code: 'the charge is that he called for ...': the verb's subject is the one after 'that'") {
  auto fs = test::parse_only().extract(test::document(
      "The charge against Lopez is that, during his term as deputy to President Luis Arce, he called for the "
      "government of Peru to curb smuggling."));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "02", "BOL", "PER") != nullptr);
}

TEST_CASE("extract code: 'with X aid' is one phrase; 'with X in funding' is a partner, no donor") {
  auto fs = test::facts("Kenya has decided to join with Uganda in funding a police unit in Somalia.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "07", "KEN", "SOM") != nullptr);
  CHECK(find(fs, "07", "UGA", "KEN") == nullptr);
  // ... and a partner who joins in an act does it too.
  CHECK(find(fs, "07", "KEN,UGA", "SOM") != nullptr);
  fs = test::facts("Kenya joined Uganda in condemning the Rwandan strike.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "11", "KEN,UGA", "RWA") != nullptr);
  fs = test::facts("Egypt built the dam in the 1960s with Soviet aid.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "07", "SUN", "EGY") != nullptr);
}

TEST_CASE("extract code: 'recommended that the troops leave': a plural subject's bare verb is mandative too") {
  auto fs = test::parse_only().extract(
      test::document("The Peruvian prime minister recommended that Chilean troops leave the border area."));
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "02", "PER", "CHL") != nullptr);
}

TEST_CASE("extract code: a passive's agent that is a thing ('backed up by documents') is no party, for either coder") {
  auto fs = test::facts(
      "Macron spokesman Jean Dupont pointed to grave elements backed up by new papers from the circle of the "
      "Peruvian dictator himself.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("extract code: a hostile act two parties do to each other is two directed facts") {
  auto fs = test::facts("North Korea and South Korea exchanged fire on Thursday.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "19", "PRK", "KOR") != nullptr);
  CHECK(find(fs, "19", "KOR", "PRK") != nullptr);
  // the two facts have two ids
  std::set<std::string> ids;
  for (const Fact& f : fs) ids.insert(f.id);
  CHECK(ids.size() == fs.size());
  fs = test::facts("Kenya and Uganda clashed at the border on Monday. Both countries then placed their troops on alert.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "15", "KEN", "UGA") != nullptr);
  CHECK(find(fs, "15", "UGA", "KEN") != nullptr);
}

TEST_CASE("extract code: a journey's stop is a visit; 'his first stop is X, where he will ...' one to come") {
  auto fs = test::facts("President Sisi leaves for Europe next week. His first stop is Italy, where he will meet the "
                        "Italian prime minister.");
  CAPTURE(test::summary(fs));
  const Fact* f = find(fs, "04", "EGY", "ITA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("King Charles made a brief stop in Kenya on his way to Tanzania.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "04", "GBR", "KEN") != nullptr);
  fs = test::facts("The bus made a stop in Nairobi.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("extract code: prisoners exchanged between two states are released by each (084)") {
  auto fs = test::facts("India and Pakistan exchanged prisoners on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "08", "IND,PAK") != nullptr);
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("extract code: aid two parties give together to no party named is cooperation between them") {
  auto fs = test::facts("Kenya and Uganda will jointly fund a new hospital in Kampala.");
  CAPTURE(test::summary(fs));
  const Fact* f = find_sym(fs, "06", "KEN,UGA");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("The UNHCR and the government of Kenya will provide building material to the returning refugees.");
  CAPTURE(test::summary(fs));
  CHECK(find_sym(fs, "06", "KEN") != nullptr);
  // Aid to a party named stays aid.
  fs = test::facts("Kenya and Uganda will jointly fund a new hospital in Somalia.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "07", "KEN,UGA", "SOM") != nullptr);
}
