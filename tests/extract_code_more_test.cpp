// extract code, cases of session 9: fronted phrases of time, protests by
// private people, private titles, hostile roots read twice, "according to",
// hedged blame, "the north", names the tagger must not split, relief and
// peacekeeping operations, quotes and their speakers, leaving treaties,
// outer subjects, co-sources, mandative clauses, things as agents, mutual
// hostile acts, journeys' stops, prisoner exchanges, joint aid. Sentences
// are written for these tests.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;
using test::find;
using test::find_sym;

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

TEST_CASE("extract code: a hostile act two parties do to each other is two directed facts; fighting is one with participants") {
  // (the coding rules code a clash whose direction the text does not give
  // with participants: session 31)
  auto fs = test::facts("North Korea and South Korea exchanged fire on Thursday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "19", "PRK,KOR") != nullptr);
  CHECK(find(fs, "19", "PRK", "KOR") == nullptr);
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

TEST_CASE("extract code: regret for 'this mistake' after one's own act of force is an apology to its victim") {
  auto fs = test::facts(
      "On Monday Kenyan troops shelled a Ugandan border post by mistake. On Tuesday the Kenyan president said "
      "Kenya deeply regrets this terrible mistake.");
  CAPTURE(test::summary(fs));
  CHECK(find(fs, "05", "KEN", "UGA") != nullptr);
  // Regret over another's decision is no apology.
  fs = test::facts("Kenya regrets the decision of Uganda to close the border.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}
