// Readings added in session 16: evaluations said of another party (an
// adjective of alarm, a predicate noun, a wrong named as the object), an
// allegation, force aimed at a state's land, a suspect handed over, and a
// quoted passage of several sentences parsed piece by piece. Every
// sentence is written for these tests.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/quote_pieces.hpp"

using namespace dipgraph;

TEST_CASE("evaluations: alarm at another's act, a predicate noun, a wrong done, a wrong named") {
  const test::RoleCase cases[] = {
      // an adjective of alarm with the act it is about
      {"The Greek prime minister said he was deeply worried by Turkish drilling near Cyprus.", "11",
       "GRC", "TUR"},
      {"Chile is worried about Argentina's decision to close the pass.", "11", "CHL", "ARG"},
      // "X is a threat": what X is, said by the speaker, not a threat made by X
      {"The Estonian prime minister said Russia was a threat to Europe.", "11", "EST", "RUS"},
      // a complement whose object names a wrong
      {"The Kenyan president said the Somali regime had made another grave provocation.", "11",
       "KEN", "SOM"},
      // a concern named as the complement's predicate
      {"The Japanese foreign minister told NHK that China's military build-up was a serious "
       "concern.",
       "11", "JPN", "CHN"},
      // a disgrace or a farce named as the complement's predicate
      {"The Israeli ambassador said the Turkish resolution was a disgrace.", "11", "ISR", "TUR"},
      // a wrong named by the object of a characterization
      {"The Chinese ambassador called the Australian decision a grave mistake.", "11", "CHN",
       "AUS"},
  };
  for (const auto& c : cases) test::check_found(c);
  // no threat by the subject of "is a threat"
  for (const char* text : {"The Estonian prime minister said Russia was a threat to Europe.",
                           "Russia is a threat to Estonia and Latvia."}) {
    CAPTURE(text);
    auto fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "13") == nullptr);
  }
  // "on a visit": a predicate with a preposition still tells the act
  auto fs = test::facts("The Indian prime minister is on a visit to Japan.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "IND", "JPN") != nullptr);
}

TEST_CASE("allegations: the complement's subject is the accused, and only it") {
  test::check_found(
      {"The Lithuanian foreign minister alleged that Belarus had pushed migrants across the "
       "border.",
       "11", "LTU", "BLR"});
  // a complement that accuses no party: nobody else of the sentence stands in
  auto fs = test::facts(
      "The Canadian ambassador to Mexico alleged that the company had bribed "
      "officials.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("force aimed at no state, in a state's land, is aimed at that state") {
  test::check_found({"The Ugandan army shelled rebel positions inside Congo.", "19", "UGA", "COD"});
  test::check_found(
      {"American drones struck militant camps in southern Somalia.", "19", "USA", "SOM"});
  // in its own land: no fact
  auto fs = test::facts("The Nigerian army shelled rebel positions in Nigeria.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "19") == nullptr);
}

TEST_CASE("a suspect handed over to another state is judicial cooperation; hostages are not") {
  test::check_found(
      {"Colombian police handed the suspect over to American authorities.", "06", "COL", "USA"});
  auto fs = test::facts("The rebels handed the hostages over to Kenyan officials.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "06") == nullptr);
}

TEST_CASE("a quoted passage of several sentences is parsed sentence by sentence") {
  const syntax::Analyzer& an = test::extractor().analyzer();
  const std::vector<std::string_view> words = {
      "Kenya", "said", ",", "\"", "We", "will",  "act",  ".",      "Somalia", "must", "stop",
      "(",     "now",  "!", ")",  ".",  "Talks", "will", "follow", ".",       "\""};
  const std::vector<syntax::Analyzer::Hint> hints(words.size(), syntax::Analyzer::Hint::none);
  syntax::Analyzer::Scratch scratch;
  syntax::Analysis joined, alone;
  ingest::analyze_pieces(an, words, hints, joined, scratch);
  REQUIRE(joined.size() == words.size());
  // one root, in the attribution's piece
  int roots = 0;
  for (std::size_t w = 0; w < joined.size(); ++w) roots += joined.head[w] < 0;
  CHECK(roots == 1);
  CHECK(joined.head[1] < 0);
  // each later piece is the parse of its words alone, its root hung on "said"
  const std::vector<std::string_view> second(words.begin() + 8, words.begin() + 16);
  an.analyze(second, alone, scratch);
  for (std::size_t w = 0; w < alone.size(); ++w) {
    CAPTURE(w);
    if (alone.head[w] < 0) {
      CHECK(joined.head[8 + w] == 1);
      CHECK(syntax::deprel_name(joined.rel[8 + w]) == "parataxis");
    } else {
      CHECK(joined.head[8 + w] == alone.head[w] + 8);
      CHECK(joined.rel[8 + w] == alone.rel[w]);
    }
    CHECK(joined.upos[8 + w] == alone.upos[w]);
  }
  // an initial ends no piece, nor does a break outside quotation marks
  const std::vector<std::string_view> plain = {"J",      ".",         "Smith", "met",
                                               "Kenyan", "officials", "."};
  syntax::Analysis a1, a2;
  ingest::analyze_pieces(an, plain, {}, a1, scratch);
  an.analyze(plain, a2, scratch);
  CHECK(a1.head == a2.head);
}

TEST_CASE("a known leader named in an apposition to a title without a country keeps the country") {
  for (const char* text :
       {"Sergei Lavrov, the Foreign Minister, met Kenya's foreign minister in Nairobi.",
        "The Foreign Minister, Sergei Lavrov, met Kenya's foreign minister in Nairobi."}) {
    const std::string t = text;
    CAPTURE(t);
    auto fs = test::facts(t, "2019-06-10");
    CAPTURE(test::summary(fs));
    CHECK(test::find_sym(fs, "04", "KEN,RUS") != nullptr);
  }
}

TEST_CASE("defence systems supplied to a state are military aid, shared by whom the giver joins") {
  auto fs = test::facts(
      "Germany will join the Netherlands in supplying air defence systems to "
      "Ukraine.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "07", "DEU,NLD", "UKR") != nullptr);
}

TEST_CASE("a deal that talks are about is under negotiation, not reached") {
  for (const char* text : {"Talks on a free trade deal between Canada and India stalled last year.",
                           "Canada and India held talks on a free trade agreement in Ottawa."}) {
    const std::string t = text;
    CAPTURE(t);
    auto fs = test::facts(t);
    CAPTURE(test::summary(fs));
    const Fact* f = test::find_sym(fs, "05", "CAN,IND");
    REQUIRE(f != nullptr);
    CHECK(f->status == Status::negotiating);
    CHECK(test::find_sym(fs, "04", "CAN,IND") != nullptr);
  }
}

TEST_CASE("cooperation or a treaty cut off or ended is a reduction of relations, not cooperation") {
  for (const char* text : {"Niger severed military cooperation with France last year.",
                           "Mali suspended its defence cooperation with Denmark.",
                           "Niger ended the military agreement with France."}) {
    const std::string t = text;
    CAPTURE(t);
    auto fs = test::facts(t);
    CAPTURE(test::summary(fs));
    CHECK(test::with_cameo(fs, "161") != nullptr);
    for (const Fact& f : fs)
      if (f.cameo.rfind("05", 0) == 0) CHECK(f.status == Status::negated);
  }
}

TEST_CASE("a visit ended is a visit made") {
  auto fs = test::facts("The Chinese president ended his three-day visit to Serbia on Friday.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "04", "CHN", "SRB");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::occurred);
}

TEST_CASE("a bid or application blocked is rejected; aid blocked is cut") {
  test::check_found({"Turkey blocked Sweden's bid to join NATO.", "12", "TUR", "SWE"});
  test::check_found({"Hungary blocked Ukraine's application for membership.", "12", "HUN", "UKR"});
  auto fs = test::facts("Kenya blocked the aid to Somalia.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
  CHECK(test::with_cameo(fs, "162") != nullptr);
}

TEST_CASE(
    "a 'between' phrase right after a noun event is the noun's, wherever the parser hung it") {
  auto fs = test::facts(
      "Next week's summit between the Chinese and Russian leaders will focus on energy.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find_sym(fs, "04", "CHN,RUS");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
}

TEST_CASE("airspace closed to a state's planes; funding for things in a state's land") {
  test::check_found({"Algeria closed its airspace to Moroccan planes.", "16", "DZA", "MAR"});
  test::check_found({"Germany's development minister announced new funding for schools in Niger.",
                     "07", "DEU", "NER"});
  // an embassy closed is no sanction
  auto fs = test::facts("Kenya closed its embassy in Sudan.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_cameo(fs, "163") == nullptr);
}

TEST_CASE("a cooperative act one side is ready or wants to do is its intent to do it (03x)") {
  for (const char* text : {"Japan is ready to help Vietnam.", "Japan wants to help Vietnam."}) {
    const std::string t = text;
    CAPTURE(t);
    auto fs = test::facts(t);
    CAPTURE(test::summary(fs));
    const Fact* f = test::find(fs, "03", "JPN", "VNM");
    REQUIRE(f != nullptr);
    CHECK(f->cameo == "033");
    CHECK(f->status == Status::intended);
    CHECK(test::with_root(fs, "07") == nullptr);
  }
}

TEST_CASE("help given to a state is aid; a government 'in' a country is that country's") {
  test::check_found({"The Indian navy sent two warships to help Mauritius after the oil spill.",
                     "07", "IND", "MUS"});
  test::check_found({"China will help Pakistan build two nuclear reactors.", "07", "CHN", "PAK"});
  test::check_found({"Russia recognized the new government in Niger.", "05", "RUS", "NER"});
}

TEST_CASE("who attends a foreign leader's funeral or inauguration visits the leader's country") {
  for (const char* text :
       {"A Ghanaian delegation attended the funeral of the Ivorian president.",
        "The delegation representing Peru at the funeral of the Chilean president returned on "
        "Sunday."}) {
    const std::string t = text;
    CAPTURE(t);
    auto fs = test::facts(t);
    CAPTURE(test::summary(fs));
    const Fact* f = test::with_cameo(fs, "042");
    REQUIRE(f != nullptr);
    CHECK(test::countries(*f, "target").size() == 1);
    CHECK(test::with_cameo(fs, "044") == nullptr);
  }
}

TEST_CASE("the 'by' agent of a passive verb of reaction is not the target of the act reacted to") {
  auto fs = test::facts("Vietnam was criticised by China for its fishing ban.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CHN", "VNM") != nullptr);
  CHECK(test::with_root(fs, "16") == nullptr);
  fs = test::facts("Myanmar's junta, which seized power in 2021, has been shunned by ASEAN.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "17") == nullptr);
}

TEST_CASE("forces moving into another state's land are an incursion; into markets, nothing") {
  test::check_found({"Ethiopian forces advanced into Eritrea on Monday.", "19", "ETH", "ERI"});
  auto fs = test::facts("Kenyan troops will push into southern Somalia next week.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "19", "KEN", "SOM");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::planned);
  fs = test::facts("Chinese companies moved into African markets.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE(
    "a court's sentence or conviction of another state's national is coercion of that state") {
  test::check_found({"A Turkish court sentenced a German journalist to two years in prison.", "17",
                     "TUR", "DEU"});
  test::check_found({"An Iranian court convicted a French tourist of spying.", "17", "IRN", "FRA"});
}

TEST_CASE("money withheld from a state and firms blacklisted are sanctions") {
  test::check_found(
      {"Israel withheld tax revenues from the Palestinian Authority.", "16", "ISR", "PSE"});
  test::check_found({"The US Treasury blacklisted three Chinese firms.", "16", "USA", "CHN"});
  auto fs = test::facts("Kenya withheld the report from parliament.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
}

TEST_CASE("an agreement signed as the conjunct of a meeting is made with whom the meeting was") {
  auto fs = test::facts(
      "The Chilean president flew to Lima on Monday. She met her Peruvian counterpart and signed "
      "three agreements.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "CHL,PER") != nullptr);
}

TEST_CASE("a cue of readiness is an adjective's: 'opened an inquiry' is an inquiry opened") {
  auto fs = test::facts(
      "The International Criminal Court opened an inquiry into Russian actions "
      "in Ukraine.");
  CAPTURE(test::summary(fs));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].cameo.rfind("09", 0) == 0);
  CHECK(fs[0].status == Status::occurred);
}

TEST_CASE("a remark its apposition calls a charge is an accusation; the denial a rejection") {
  auto fs = test::facts(
      "Colombia's president said Venezuela was harbouring guerrillas, a charge Caracas denied.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "COL", "VEN") != nullptr);
  CHECK(test::find(fs, "12", "VEN", "COL") != nullptr);
}

TEST_CASE("a negating verb itself negated leaves the act open; a denied act is negated") {
  auto fs = test::facts("Mexico did not rule out sanctions against the United States.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "16") == nullptr);
  fs = test::facts("Serbia denied sending weapons to Russia.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "07");
  REQUIRE(f != nullptr);
  CHECK(f->status == Status::negated);
}

TEST_CASE("evaluations: an act judged by a copula, an attempt, a manner; a judgement denied is none") {
  const test::RoleCase cases[] = {
      // the act judged is the copula's subject
      {"Caracas said the new Canadian sanctions were illegal.", "11", "VEN", "CAN"},
      // what the other party tries to do
      {"Baku said Yerevan was trying to undermine the border talks.", "11", "AZE", "ARM"},
      // how its act goes
      {"The Danish minister said Washington's demands went too far.", "11", "DNK", "USA"},
      // a verb that says harm is done
      {"Ottawa said India's decision would harm bilateral ties.", "11", "CAN", "IND"},
      // a characterization by a noun of the gravest wrong
      {"The Turkish president called Israel's campaign in Lebanon a genocide.", "11", "TUR", "ISR"},
  };
  for (const auto& c : cases) test::check_found(c);
  // "would not harm": no criticism
  auto fs = test::facts("Ottawa said India's decision would not harm bilateral ties.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "CAN", "IND") == nullptr);
}

TEST_CASE("evaluations: a wrong named by an adjective of harm or oppression") {
  const test::RoleCase cases[] = {
      {"Canberra said the Chinese government pursued destructive policies in the region.", "11", "AUS", "CHN"},
      {"The Estonian minister said the Russian occupation policy was brutal and illegitimate.", "11", "EST", "RUS"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("evaluations: unfairness, ingratitude and arrogance; regret over another's act") {
  const test::RoleCase cases[] = {
      {"The Slovak premier said Austria was treating Slovak workers unfairly.", "11", "SVK", "AUT"},
      {"The Czech president said Serbia had been ungrateful for Czech support.", "11", "CZE", "SRB"},
      {"The Danish government expressed regret over Russia's decision to expel its diplomats.", "11", "DNK", "RUS"},
  };
  for (const auto& c : cases) test::check_found(c);
}

TEST_CASE("evaluations: 'responsible for' and 'to blame' are blame, by whoever says it") {
  const test::RoleCase cases[] = {
      {"A Russian spokesman said London was responsible for the escalation in the Black Sea.", "11", "RUS", "GBR"},
      {"The Armenian premier said Azerbaijan was to blame for the collapse of the talks.", "11", "ARM", "AZE"},
      {"Caracas said Guyana was provoking a confrontation over the Essequibo region.", "11", "VEN", "GUY"},
  };
  for (const auto& c : cases) {
    test::check_found(c);
    auto fs = test::facts(c.text);
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "05") == nullptr);
  }
  // a responsible partner is still praise
  auto fs = test::facts("The Uruguayan minister said Brazil was a responsible partner.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "URY", "BRA") != nullptr);
}

TEST_CASE("evaluations: a verb or adverb that names the act a wrong makes what is told of another an accusation") {
  const test::RoleCase cases[] = {
      {"Kenya's trade minister said Ugandan exporters were dumping cheap sugar on the Kenyan market.", "11", "KEN",
       "UGA"},
      {"The Kazakh water minister said Kyrgyz officials had reneged on last year's irrigation deal.", "11", "KAZ",
       "KGZ"},
      {"Vietnam's coast guard said the Cambodian trawler had unlawfully sailed through Vietnamese waters.", "11",
       "VNM", "KHM"},
  };
  for (const auto& c : cases) test::check_found(c);
  // a wrong told of the speaker's own people accuses no one else
  auto fs = test::facts("Kenya's trade minister said Kenyan exporters were dumping cheap sugar on the Ugandan market.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
}

TEST_CASE("evaluations: another state's arming of an armed group, told, is an accusation of that state") {
  auto fs = test::facts("KIGALI, June 3 (Wire) - A Rwandan government spokesman told reporters that Congo had supplied weapons to the FDLR.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "RWA", "COD") != nullptr);
  // arming one's own army is no wrong told of another
  fs = test::facts("KIGALI, June 3 (Wire) - A Rwandan government spokesman told reporters that Congo had supplied weapons to its own army.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "RWA", "COD") == nullptr);
}

TEST_CASE("evaluations: 'which' after a body named in a phrase of the noun before is that body") {
  auto fs = test::facts(
      "Tokyo was angered by an article in a party weekly run by the North Korean government, which described "
      "the Japanese defence minister as a warmonger.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "PRK", "JPN") != nullptr);
}

TEST_CASE("a quote whose subject names another's conduct in words of blame is criticism of it") {
  auto fs = test::facts(
      "\"Sudan's intransigence leaves us no choice but to go to the council,\" the Egyptian foreign ministry said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "EGY", "SDN") != nullptr);
  // "leaves" with no "for" is no departure on a visit
  for (const Fact& f : fs) CHECK(f.root != "04");
  fs = test::facts("Egypt's foreign minister left for Khartoum on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "EGY", "SDN") != nullptr);
}

TEST_CASE("'this is a provocation', said of the act just told, is criticism of its maker") {
  auto fs = test::facts(
      "RABAT, May 6 (Wire) - Spanish police arrested a Moroccan consul at his home near Seville.\n\n"
      "\"That was an unacceptable provocation,\" Morocco's foreign ministry said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "MAR", "ESP") != nullptr);
}

TEST_CASE("'this is a good day', after a hostile act told as background, is no praise of that act's maker") {
  auto fs = test::facts(
      "NAIROBI, April 14 (Wire) - Kenya and Tanzania agreed on Monday to scrap duties on each other's milk.\n\n"
      "Tanzania had first levied those duties two years ago. "
      "\"This is a good day for our farmers,\" the Kenyan minister told reporters.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "KEN", "TZA") == nullptr);
  // words of praise of a friendly act just told are praise of its maker
  fs = test::facts(
      "DHAKA, April 14 (Wire) - India released 40 Bangladeshi fishermen at dawn.\n"
      "\"This is a generous gesture,\" Bangladesh's foreign minister said.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "BGD", "IND") != nullptr);
}
