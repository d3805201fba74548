// extract actors: who the actors of a fact are. Leaders from data/leaders.tsv
// (full name, title + surname, a bare surname, the article date choosing
// among people of the same surname, a stated demonym winning over the
// table), non-state groups from data/organizations.tsv as source and target
// with their country, capitals as the government when they are subjects but
// not when they are places, and "the delegation" referring back to a
// country's delegation. Sentences are written for these tests; the loader's
// handling of bad leaders.tsv rows is checked on in-memory files.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/recognizer.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;

namespace {

// "id/country" of every actor of one side ("source", "target", "participants").
std::vector<std::string> actors(const Fact& f, const std::string& side) {
  const std::vector<Actor>& group = side == "source"   ? f.source
                                    : side == "target" ? f.target
                                                       : f.participants;
  std::vector<std::string> out;
  for (const Actor& a : group) out.push_back(a.id + "/" + a.country);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

struct Case {
  const char* what;
  const char* text;
  const char* date;
  const char* root;    // the fact to look at: the first with this CAMEO root
  const char* side;    // source, target or participants
  const char* actor;   // "id/country" expected on that side; "" = expect no actor with `absent`
  const char* absent;  // "id/country" that must not be on that side, or ""
};

void run(const Case& c) {
  std::string what = c.what, text = c.text;
  CAPTURE(what);
  CAPTURE(text);
  auto fs = test::facts(c.text, c.date);
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, c.root);
  // A row that only says who must NOT be on a side: without that actor the
  // fact names one party and is dropped (names_two_parties), which is what
  // the row wants; had the wrong actor been read, the fact would be there.
  if (!*c.actor && !f) return;
  REQUIRE(f != nullptr);
  auto got = actors(*f, c.side);
  std::string shown;
  for (const auto& g : got) shown += g + " ";
  CAPTURE(shown);
  if (*c.actor) CHECK(contains(got, c.actor));
  if (*c.absent) CHECK(!contains(got, c.absent));
}

}  // namespace

TEST_CASE("extract actors: leaders by full name, title and surname, or bare surname") {
  const Case cases[] = {
      {"full name, no title", "Jacinda Ardern praised Fiji for its climate plan.", "2019-05-02",
       "05", "source", "person:jacinda-ardern/NZL", ""},
      {"full name with a middle initial", "George W. Bush criticized Syria on Tuesday.",
       "2004-03-02", "11", "source", "person:george-w-bush/USA", ""},
      {"title + surname", "Chancellor Kohl criticized Iraq over the invasion.", "1990-08-10", "11",
       "source", "person:helmut-kohl/DEU", ""},
      {"title + surname, target", "Norway praised Prime Minister Rabin.", "1994-06-01", "05",
       "target", "person:yitzhak-rabin/ISR", ""},
      {"title + a name the file lists as surname", "President Lula praised Bolivia.", "2005-01-01",
       "05", "source", "person:lula-da-silva/BRA", ""},
      {"a loose title: Minister", "Minister Lavrov criticized Estonia.", "2015-04-04", "11",
       "source", "person:sergei-lavrov/RUS", ""},
      {"a loose title: Secretary", "Secretary Blinken criticized China.", "2022-04-04", "11",
       "source", "person:antony-blinken/USA", ""},
      {"a title that fits no office of the name", "Defence Minister Lavrov criticized Estonia.",
       "2015-04-04", "11", "source", "", "person:sergei-lavrov/RUS"},
      {"foreign minister by title", "Foreign Minister Lavrov criticized Estonia.", "2015-04-04",
       "11", "source", "person:sergei-lavrov/RUS", ""},
      {"bare surname of a leader flagged bare", "Mugabe criticized Britain over the land reform.",
       "2005-06-01", "11", "source", "person:robert-mugabe/ZWE", ""},
      {"bare surname in a possessive: the leader's country", "Mandela's government praised Cuba.",
       "1996-02-02", "05", "source", "country:ZAF/ZAF", ""},
      {"alias spelling", "Qaddafi threatened Chad over the border strip.", "1986-01-01", "13",
       "source", "person:muammar-gaddafi/LBY", ""},
      {"a surname not flagged bare is no one alone", "Brown criticized France.", "2008-05-05", "11",
       "source", "", "person:gordon-brown/GBR"},
      {"a surname read before with its title",
       "Prime Minister Gordon Brown visited India. Brown praised India.", "2008-05-05", "05",
       "source", "person:gordon-brown/GBR", ""},
      {"a title word inside the name", "Sheikh Hasina criticized India.", "2010-05-05", "11",
       "source", "person:sheikh-hasina/BGD", ""},
      {"a capital outside ASCII after a title", "President Özal praised Greece.", "1990-05-05",
       "05", "source", "person:turgut-Özal/TUR", ""},  // graph slugify keeps non-ASCII letters
      {"a city inside a full name", "Joseph Muscat praised Libya.", "2015-05-05", "05", "source",
       "person:joseph-muscat/MLT", "country:OMN/OMN"},
      {"a family name written first", "President Xi criticized Japan on Monday.", "2015-09-01",
       "11", "source", "person:xi-jinping/CHN", ""},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: one leader has one id whatever the text calls them") {
  struct Same {
    const char* a;
    const char* b;
    const char* date;
  };
  const Same cases[] = {
      {"Chancellor Merkel criticized Russia.", "Angela Merkel criticized Russia.", "2014-03-03"},
      {"President Erdogan criticized Syria.", "Recep Tayyip Erdoğan criticized Syria.",
       "2016-03-03"},
      {"Colonel Gaddafi criticized Egypt.", "Muammar Qaddafi criticized Egypt.", "1990-03-03"},
  };
  for (const auto& c : cases) {
    std::string a = c.a, b = c.b;
    CAPTURE(a);
    CAPTURE(b);
    auto fa = test::facts(c.a, c.date), fb = test::facts(c.b, c.date);
    REQUIRE(!fa.empty());
    REQUIRE(!fb.empty());
    REQUIRE(!fa[0].source.empty());
    REQUIRE(!fb[0].source.empty());
    CHECK(fa[0].source[0].id == fb[0].source[0].id);
    CHECK(fa[0].source[0].kind == ActorKind::person);
  }
}

TEST_CASE(
    "extract actors: every multiword name of leaders.tsv is that leader, with their country") {
  // Each name criticizing another country (a fact needs two parties) in a
  // sentence dated in its first year of office. Names with abbreviations
  // ("Jr.", "Th.") end sentences; single names need a title.
  std::ifstream in(std::string(DIPGRAPH_DATA_DIR) + "/leaders.tsv");
  REQUIRE(in);
  std::set<std::string> countries;
  for (const auto& c : test::extractor().dictionary().countries()) countries.insert(c.code);
  std::string line;
  std::set<std::string> seen;
  int checked = 0, failed = 0;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t b = 0;
    for (std::size_t e; (e = line.find('\t', b)) != std::string::npos; b = e + 1)
      f.push_back(line.substr(b, e - b));
    f.push_back(line.substr(b));
    REQUIRE(f.size() == 8);
    const std::string& name = f[1];
    if (name.find(' ') == std::string::npos || name.find('.') != std::string::npos) continue;
    if (!seen.insert(name).second) continue;
    // A counterpart of another country: facts naming one party are dropped.
    std::string other = f[0] == "FJI" ? "Tonga" : "Fiji";
    std::string text = name + " criticized " + other + " on Tuesday.";
    auto fs = test::facts(text, f[5] + "-06-01");
    bool ok = !fs.empty() && !fs[0].source.empty() && fs[0].source[0].kind == ActorKind::person &&
              (countries.count(f[0]) == 0 || fs[0].source[0].country == f[0]);
    ++checked;
    if (!ok) {
      ++failed;
      CAPTURE(text);
      CAPTURE(test::summary(fs));
      CHECK(ok);
    }
  }
  CHECK(checked > 1500);
  CHECK(failed == 0);
}

TEST_CASE("extract actors: the article date picks among leaders of one surname") {
  const Case cases[] = {
      {"King Fahd", "King Fahd praised Egypt.", "1990-04-01", "05", "source",
       "person:fahd-bin-abdulaziz/SAU", ""},
      {"King Hussein in 1990: Jordan, not Saddam Hussein", "King Hussein praised Egypt.",
       "1990-04-01", "05", "source", "person:hussein-bin-talal/JOR", "person:saddam-hussein/IRQ"},
      {"King Abdullah in 2008: Saudi Arabia and Jordan both had one",
       "King Abdullah praised Egypt.", "2008-04-01", "05", "source", "", "person:abdullah-ii/JOR"},
      {"King Abdullah in 2001: only Jordan", "King Abdullah praised Egypt.", "2001-04-01", "05",
       "source", "person:abdullah-ii/JOR", ""},
      {"King Abdullah in 2020: Jordan", "King Abdullah praised Egypt.", "2020-04-01", "05",
       "source", "person:abdullah-ii/JOR", ""},
      {"President Kabila in 1999", "President Kabila criticized Uganda.", "1999-03-01", "11",
       "source", "person:laurent-désiré-kabila/COD", ""},
      {"President Kabila in 2010", "President Kabila criticized Uganda.", "2010-03-01", "11",
       "source", "person:joseph-kabila/COD", ""},
      {"bare surname: the one in office", "Castro criticized Panama.", "2003-01-01", "11", "source",
       "person:fidel-castro/CUB", ""},
      {"two people of one name: the title decides", "King Albert II praised France.", "2008-01-01",
       "05", "source", "person:albert-ii-of-belgium/BEL", ""},
      {"two people of one name: the title decides", "Prince Albert II praised France.",
       "2008-01-01", "05", "source", "person:albert-ii-of-monaco/MCO", ""},
      {"Zia: Pakistan in 1985", "President Zia praised China.", "1985-01-01", "05", "source",
       "person:muhammad-zia-ul-haq/PAK", ""},
      {"Zia: Bangladesh in 1993", "Prime Minister Zia praised China.", "1993-01-01", "05", "source",
       "person:khaleda-zia/BGD", ""},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: a leader in an international office acts for the organization") {
  const Case cases[] = {
      {"NATO years", "Jens Stoltenberg criticized Russia.", "2020-02-01", "11", "source",
       "org:NATO/", "person:jens-stoltenberg/NOR"},
      {"before: Norway's prime minister", "Jens Stoltenberg criticized Russia.", "2010-02-01", "11",
       "source", "person:jens-stoltenberg/NOR", ""},
      {"title + surname", "Secretary-General Guterres criticized Myanmar.", "2021-02-01", "11",
       "source", "org:UN/", ""},
      {"a stated country keeps the person national",
       "Portuguese Prime Minister Guterres praised Brazil.", "1998-02-01", "05", "source",
       "person:antónio-guterres/PRT", ""},
      {"a UN rapporteur named in apposition, then by surname",
       "Lena Ortiz, a UN special rapporteur on torture, arrived on Monday. Ortiz urged Chile to open the prisons.",
       "2021-02-01", "02", "source", "org:UN/", ""},
      {"a title of a body whose name takes 'the', in a story from a member's capital",
       "CAIRO, Feb 1 (Wire) - Egypt closed the crossing. The chairman of the Arab League urged Israel "
       "to reopen it.",
       "2021-02-01", "02", "source", "org:ARABLEAGUE/", "country:EGY/EGY"},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: a stated country wins over the leaders table") {
  const Case cases[] = {
      {"demonym before the title", "Honduran President Castro criticized Nicaragua.", "2023-02-01",
       "11", "source", "person:xiomara-castro/HND", "person:fidel-castro/CUB"},
      {"country after the name", "President Castro of Honduras criticized Nicaragua.", "2005-02-01",
       "11", "source", "person:castro/HND", "person:fidel-castro/CUB"},
      {"same title without the demonym", "President Castro criticized Nicaragua.", "2005-02-01",
       "11", "source", "person:fidel-castro/CUB", ""},
      {"a demonym no row of that surname has", "Chilean President Gandhi praised Peru.",
       "2000-01-01", "05", "source", "person:gandhi/CHL", ""},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: stances and backers are not the acting country") {
  const Case cases[] = {
      {"pro-X modifies, X does not act", "Pro-Russian separatists attacked Ukrainian troops.",
       "2014-08-01", "19", "source", "", "country:RUS/RUS"},
      {"anti-X", "The anti-American cleric criticized Britain.", "2004-08-01", "11", "source", "",
       "country:USA/USA"},
      {"X-backed group: the group acts", "The Iranian-backed Houthis attacked Saudi Arabia.",
       "2019-09-14", "19", "source", "org:HOUTHIS/YEM", "country:IRN/IRN"},
      {"X-led coalition: X acts", "A Saudi-led coalition attacked Yemen.", "2016-01-01", "19",
       "source", "country:SAU/SAU", ""},
  };
  for (const auto& c : cases) run(c);
}

namespace {

// A fact of c.root among the facts `x` reads in c.text, with exactly the
// source and target countries of c.
void check_roles(const Extractor& x, const test::RoleCase& c) {
  std::string text = c.text;
  CAPTURE(text);
  auto fs = x.extract(test::document(c.text));
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, c.root);
  REQUIRE(f != nullptr);
  CHECK(test::countries(*f, "source") == test::codes(c.source));
  CHECK(test::countries(*f, "target") == test::codes(c.target));
}

}  // namespace

TEST_CASE("extract actors: the owner of a decision or plan is the subject of its infinitive") {
  // The parse coder alone: the pattern coder guesses the same parties from
  // word order.
  const test::RoleCase cases[] = {
      {"Peru's decision to expel the Chilean ambassador was a mistake.", "16", "PER", "CHL"},
      {"Many voters think the Peruvian decision to expel the Chilean ambassador was a mistake.", "16", "PER",
       "CHL"},
      {"Polls show most Kenyans believe their government's plan to invade Somalia was wrong.", "19", "KEN",
       "SOM"},
  };
  for (const auto& c : cases) check_roles(test::parse_only(), c);
}

TEST_CASE("extract actors: a participle of aiming names the target of an armed act") {
  const test::RoleCase cases[] = {
      {"Eritrea launched drones targeting Ethiopian army depots.", "19", "ERI", "ETH"},
      {"Sudan fired rockets aimed at Chadian positions.", "19", "SDN", "TCD"},
  };
  for (const auto& c : cases) check_roles(test::extractor(), c);
}

TEST_CASE("extract actors: 'the accusation', 'the request' refer back to the act and its maker") {
  const test::RoleCase cases[] = {
      {"Kenya accused Uganda of arming the rebels. For several days Uganda denied the accusation.", "12", "UGA",
       "KEN"},
      {"Kenya asked Uganda to hand over the suspect. The Ugandan government declined the request.", "12", "UGA", "KEN"},
  };
  for (const auto& c : cases) check_roles(test::extractor(), c);
  // An act noun with a party of its own is that one's; one never made
  // before refers back to nothing.
  auto fs = test::facts("Kenya accused Uganda of arming the rebels. Uganda denied the accusation by Tanzania.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "12");
  CHECK((f == nullptr || test::countries(*f, "target").count("KEN") == 0));
  fs = test::facts("Kenya praised Uganda for its help. Uganda later denied the accusation.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "12") == nullptr);
}

TEST_CASE("extract actors: 'the attack', 'the operation' refer to the act of force told last") {
  const test::RoleCase cases[] = {
      {"Ethiopia attacked Eritrean border posts on Monday. Officials in Nairobi met on Tuesday. "
       "Kenya condemned the attack.",
       "11", "KEN", "ETH"},
      {"Ethiopian troops invaded a disputed district of Eritrea. Sudan provided logistical support for the invasion.",
       "07", "SDN", "ETH"},
  };
  for (const auto& c : cases) check_roles(test::extractor(), c);
  // With a party of its own, the noun is that party's act; with no act of
  // force told before, it refers to nothing; its own maker is not its target.
  auto fs = test::facts("Ethiopia attacked Eritrean border posts. Kenya condemned the attack on Somalia.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "11", "KEN", "ETH") == nullptr);
  fs = test::facts("Kenya met Ethiopia in Nairobi. Kenya condemned the attack.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "11") == nullptr);
  fs = test::facts("Ethiopia attacked Eritrean border posts. The Ethiopian government praised the operation.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
}

TEST_CASE("extract actors: a city's or a province's official serves its country") {
  const test::RoleCase cases[] = {
      {"Mombasa's police chief Nick Oakley wrote to the Ugandan embassy asking for the return of the trucks.", "02",
       "KEN", "UGA"},
      {"Kent's chief constable Mary Oakley phoned the Russian embassy urging a quick answer.", "02", "GBR", "RUS"},
  };
  for (const auto& c : cases) check_roles(test::extractor(), c);
}

TEST_CASE("extract actors: a noun event with a non-state agent is not the subject's act") {
  // "terrorist threats", "militant attacks": the modifier names who acts,
  // and nobody here is a state: no fact, from either coder.
  std::vector<Fact> fs;
  for (const char* text : {"Kenya cited terrorist threats against Uganda.",
                           "Kenya spoke of militant attacks on Uganda."}) {
    CAPTURE(text);
    fs = test::facts(text);
    CAPTURE(test::summary(fs));
    CHECK(fs.empty());
  }
  // Backing an uprising is aimed at the rebels, not at the state they fight.
  fs = test::facts("As Kenya backed an uprising which toppled the Ugandan ruler, Uganda protested.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "05") == nullptr);
  // The subject's own threat still is one.
  fs = test::facts("Kenya made new threats against Uganda.");
  CAPTURE(test::summary(fs));
  CHECK(test::with_root(fs, "13") != nullptr);
}

TEST_CASE("extract actors: a titled person without a country, no dateline, one country named") {
  // The person's country as the recognizer reads it: these sentences name
  // one country only, so their facts (the person against their own
  // country's bodies, or a curfew at home) name one party and are dropped.
  struct Own {
    const char* what;
    const char* text;
    const char* name;
    const char* country;
  };
  const Own own[] = {
      {"the article's only country",
       "Interior Minister Pedro Alvarez criticized the Bolivian opposition.", "Pedro Alvarez", "BOL"},
      {"a place in the country", "Interior Minister Pedro Alvarez imposed a curfew in Cochabamba.",
       "Pedro Alvarez", "BOL"},
      {"a national body named after the country",
       "Judge Ana Ruiz criticized the Bolivia Electoral Council.", "Ana Ruiz", "BOL"},
  };
  for (const auto& c : own) {
    std::string what = c.what, text = c.text;
    CAPTURE(what);
    CAPTURE(text);
    Analysis a = test::extractor().recognizer().analyze(test::document(c.text, "2003-01-01"));
    const Person* p = nullptr;
    for (const Person& x : a.people)
      if (x.name == c.name) p = &x;
    REQUIRE(p != nullptr);
    REQUIRE(p->country >= 0);
    CHECK(test::extractor().dictionary().countries()[p->country].code == c.country);
  }
  const Case cases[] = {
      {"the article's only country, with a counterpart that is no country",
       "Interior Minister Pedro Alvarez criticized the United Nations over the Bolivian opposition.",
       "2003-01-01", "11", "source", "person:pedro-alvarez/BOL", ""},
      // A person of no known country represents no state: no fact.
      {"two countries named: none", "Interior Minister Pedro Alvarez criticized Peru and Bolivia.",
       "2003-01-01", "11", "source", "", "person:pedro-alvarez/"},
      {"the only country is the target: not the person's",
       "Interior Minister Pedro Alvarez criticized Peru.", "2003-01-01", "11", "source", "",
       "person:pedro-alvarez/PER"},
      {"the government of a titled leader",
       "The government of President Moi rejected the demands of Tanzania.", "1995-01-01", "12",
       "source", "person:daniel-arap-moi/KEN", ""},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: armed groups and movements as source and target") {
  const Case cases[] = {
      {"group as source, its country", "Boko Haram attacked Cameroon on Sunday.", "2016-03-01",
       "19", "source", "org:BOKOHARAM/NGA", ""},
      {"group as target", "Kenya condemned al-Shabaab after the bombing.", "2017-10-16", "11",
       "target", "org:ALSHABAAB/SOM", ""},
      {"group of another country as target", "Kenya condemned the Houthis.", "2024-01-10", "11",
       "target", "org:HOUTHIS/YEM", ""},
      {"transnational group: no country", "Iraq condemned the Islamic State.", "2015-01-01", "11",
       "target", "org:ISLAMICSTATE/", ""},
      {"rebels of the 1990s", "UNITA attacked Namibian troops in Huambo.", "1993-01-01", "19",
       "source", "org:UNITA/AGO", ""},
      {"group named by its acronym", "The FARC rejected the offer of Venezuela.", "2001-05-01",
       "12", "source", "org:FARC/COL", ""},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: a capital is the government as subject, a place after in/at") {
  const Case cases[] = {
      {"capital as subject", "Nairobi rejected the demands of Uganda.", "2020-01-01", "12",
       "source", "country:KEN/KEN", ""},
      {"capital as object", "Hanoi criticized Beijing over the islands.", "2014-05-01", "11",
       "target", "country:CHN/CHN", ""},
      {"possessive capital", "Ankara's envoy criticized Cyprus.", "2019-07-01", "11", "source",
       "country:TUR/TUR", ""},
      {"capital as a place", "Chile criticized the arrests in Caracas.", "2019-07-01", "11",
       "target", "", "country:VEN/VEN"},
      {"capital as a place, with a counterpart", "Chile criticized Peru over the arrests in Caracas.",
       "2019-07-01", "11", "target", "country:PER/PER", "country:VEN/VEN"},
      {"arrived in the capital", "The Danish minister arrived in Oslo on Monday.", "2021-03-01",
       "04", "source", "country:DNK/DNK", "country:NOR/NOR"},
  };
  for (const auto& c : cases) run(c);
  // The arrests were in Caracas: Venezuela is their place, no party of
  // Chile's, and Chile arrested no one.
  auto fs = test::facts("Chile criticized the arrests in Caracas.", "2019-07-01");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f, "target").count("VEN") == 0);
  CHECK(test::with_root(fs, "17") == nullptr);
}

TEST_CASE("extract actors: the delegation, the embassy and the leaders refer back") {
  const Case cases[] = {
      {"demonym delegation, then the delegation",
       "A Chilean delegation arrived in Lima on Monday. The delegation signed an agreement with "
       "Peru.",
       "2022-03-07", "05", "participants", "country:CHL/CHL", ""},
      {"delegation from a country", "A delegation from Ghana praised Togo on Monday.", "2022-03-07",
       "05", "source", "country:GHA/GHA", ""},
      {"the visitors", "A Thai trade delegation toured Hanoi. The visitors praised Vietnam.",
       "2022-03-07", "05", "source", "country:THA/THA", ""},
      {"possessive country's team",
       "Japan's team arrived in Jakarta. The team criticized Indonesia.", "2022-03-07", "11",
       "source", "country:JPN/JPN", ""},
      {"no delegation read before: the dateline's country",
       "March 3, Kenya -- The delegation praised Uganda during talks in Kampala.", "2022-03-07",
       "05", "source", "country:KEN/KEN", ""},
      {"the embassy: the last embassy's country",
       "The mayor wrote to the Chilean embassy in Lima. The embassy criticized Peru for the arrests.", "2022-03-07",
       "11", "source", "country:CHL/CHL", ""},
      {"the embassy of a country named after an embassy of another",
       "The mayor wrote to the embassy of Chile in Lima. The embassy of Bolivia criticized Peru.", "2022-03-07",
       "11", "source", "", "country:CHL/CHL"},
      {"the leaders: the countries of the sentence before",
       "The dispute between Chile and Peru worsened on Monday. The Brazilian president asked the leaders "
       "for restraint.",
       "2022-03-07", "02", "target", "country:PER/PER", ""},
      {"the leaders of a named country are its own",
       "The dispute between Chile and Peru worsened. The Brazilian president asked the leaders of "
       "Bolivia for restraint.",
       "2022-03-07", "02", "target", "", "country:PER/PER"},
      {"the leaders of each country, one by one",
       "Talks between Chile, Peru and Bolivia ended in Lima. Later the presidents of each nation signed a "
       "water accord.",
       "2022-03-07", "05", "participants", "country:BOL/BOL", ""},
      {"the alliance, the bloc, the regional body: the organization named last",
       "NATO held talks in Brussels on Monday. The alliance later warned Russia.", "2022-03-07", "13", "source",
       "org:NATO/", ""},
      {"the body of something is no organization",
       "NATO held talks in Brussels on Monday. The body of the soldier was returned to Russia.", "2022-03-07",
       "08", "source", "", "org:NATO/"},
      {"the parliament: the country of the last parliament read",
       "The parliament of Chile voted on Monday to expel Peruvian diplomats. Peru said it was angered by "
       "the parliament's vote.",
       "2022-03-07", "11", "target", "country:CHL/CHL", ""},
      {"the government: the last government read, not the last country",
       "The Bolivian government closed its border with Chile. Peru criticized the government.",
       "2022-03-07", "11", "target", "country:BOL/BOL", "country:CHL/CHL"},
      {"the government in a capital is that capital's",
       "The Bolivian government closed its border. Peru criticized the government in Santiago.",
       "2022-03-07", "11", "target", "", "country:BOL/BOL"},
      {"nor is a body alone",
       "NATO held talks in Brussels on Monday. The body was returned to Russia.", "2022-03-07", "08", "source",
       "", "org:NATO/"},
      {"at home the dateline does not apply",
       "March 3, Kenya -- In Nairobi the delegation praised Uganda.", "2022-03-07", "05", "source",
       "", "country:KEN/KEN"},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: a text may end on its article ('... The')") {
  // Looking for the noun after "the" must stop at the end of the text.
  for (const char* text : {"NATO held talks with Finland in Brussels. The", "NATO held talks with Finland in Brussels. The regional"}) {
    CAPTURE(text);
    std::vector<Fact> got = test::facts(text, "2022-03-07");
    REQUIRE(got.size() == 1);
    CHECK(got[0].root == "04");
  }
}

TEST_CASE("extract actors: bad leaders.tsv rows are reported with their line and skipped") {
  DictionarySources src;
  src.countries =
      "code\tname\tofficial\taliases\tdemonyms\tcapital\tmetonyms\tstatus\n"
      "FIN\tFinland\tRepublic of Finland\t\tFinnish\tHelsinki\t\tmember\n";
  src.cities = "country\tcity\taliases\tpopulation_rank\nFIN\tHelsinki\t\t1\n";
  src.organizations = "code\tname\taliases\tkind\tmembers\n";
  src.titles = "phrase\trole\trank\npresident\tPresident\t1\n";
  src.events = "pattern\ttype\tcameo\tsource\ttarget\tflags\npraise~\tpraise\t051\tsubj\tobj\t-\n";
  src.cues = "phrase\tkind\tvalue\n";
  src.leaders =
      "country\tname\tsurname\taliases\toffice\tstart\tend\tflags\n"
      "FIN\tTarja Halonen\t\t\tPresident\t2000\t2012\tbare\n"
      "XYZ\tNobody Known\t\t\tPresident\t2000\t2001\t\n"
      "FIN\tSome One\t\t\tPresident\t2005\t2001\t\n"
      "FIN\tOther One\t\t\tPresident\t2005\t\tloud\n";
  struct Expect {
    const char* where;
    const char* words;
  };
  const Expect expects[] = {{"leaders.tsv:3", "known country or organization code"},
                            {"leaders.tsv:4", "start <= end"},
                            {"leaders.tsv:5", "unknown flag \"loud\""}};
  Diagnostics diag(false);
  auto dict = Dictionary::from_sources(src, diag);
  REQUIRE(dict->leaders().size() == 1);
  CHECK(dict->leaders()[0].name == "Tarja Halonen");
  CHECK(dict->leaders()[0].bare);
  std::string all;
  for (const auto& d : diag.all()) all += format_diagnostic(d) + "\n";
  CAPTURE(all);
  CHECK(diag.error_count() == 3);
  for (const auto& e : expects) {
    CAPTURE(e.where);
    CHECK(all.find(e.where) != std::string::npos);
    CHECK(all.find(e.words) != std::string::npos);
  }
  // A missing column is an error naming the file.
  src.leaders = "country\tname\toffice\n";
  Diagnostics diag2(false);
  CHECK_THROWS_WITH(Dictionary::from_sources(src, diag2),
                    doctest::Contains("leaders.tsv: missing column \"surname\""));
}

TEST_CASE("extract actors: 'South American', 'Central America' and 'North American' are regions") {
  for (const char* text : {"South American leaders criticized Chile on Monday.",
                           "Central American countries such as Honduras met Guatemala on Monday.",
                           "North American officials praised Peru on Monday."}) {
    auto fs = test::facts(text);
    CAPTURE(text);
    CAPTURE(test::summary(fs));
    for (const Fact& f : fs) CHECK(test::countries(f).count("USA") == 0);
  }
  // the United States itself still counts
  auto fs = test::facts("American officials praised Peru on Monday.");
  CAPTURE(test::summary(fs));
  bool usa = false;
  for (const Fact& f : fs) usa |= test::countries(f).count("USA") > 0;
  CHECK(usa);
}

TEST_CASE("extract actors: 'North and South Korea' names both Koreas") {
  auto fs = test::facts("North and South Korea held talks in Panmunjom on Monday.");
  CAPTURE(test::summary(fs));
  bool both = false;
  for (const Fact& f : fs) both |= test::countries(f).count("PRK") > 0 && test::countries(f).count("KOR") > 0;
  CHECK(both);
  fs = test::facts("East and West Germany signed a treaty on Monday.");
  CAPTURE(test::summary(fs));
  both = false;
  for (const Fact& f : fs) both |= test::countries(f).count("DDR") > 0 && test::countries(f).count("DEU") > 0;
  CHECK(both);
  // no country of that name: nothing invented
  fs = test::facts("North and South Sudan held talks on Monday.");
  CAPTURE(test::summary(fs));
  for (const Fact& f : fs) CHECK(test::countries(f).size() < 2);
}

TEST_CASE("extract actors: a name is what its apposition says, and 'Mr.' opens it") {
  const Case cases[] = {
      {"head of an organization", "Michael Jansen, head of the UN refugee agency, criticized Indonesia on Monday.",
       "2022-03-07", "11", "source", "org:UNHCR/", ""},
      {"a national diplomat", "Ann Berg, a Swedish diplomat, criticized Russia on Monday.", "2022-03-07", "11",
       "source", "person:ann-berg/SWE", ""},
      {"a surname after 'Mr.' in an inverted attribution",
       "Kenyan Foreign Minister John Kamau arrived in Kampala. \"We will support Uganda,\" said Mr. Kamau.",
       "2022-03-07", "05", "source", "person:john-kamau/KEN", ""},
      {"the head of a national body", "The head of the Kenyan electoral commission met Uganda's foreign minister.",
       "2022-03-07", "04", "participants", "country:KEN/KEN", ""},
  };
  for (const auto& c : cases) run(c);
}

TEST_CASE("extract actors: which facts name two parties") {
  auto actor = [](const char* id, ActorKind kind, const char* country) {
    Actor a;
    a.id = id;
    a.kind = kind;
    a.country = country;
    return a;
  };
  const Actor kenya = actor("country:KEN", ActorKind::country, "KEN");
  const Actor uganda = actor("country:UGA", ActorKind::country, "UGA");
  const Actor minister = actor("person:ann-odhiambo", ActorKind::person, "KEN");
  const Actor nobody = actor("person:ann-odhiambo", ActorKind::person, "");
  const Actor un = actor("org:UN", ActorKind::organization, "");
  auto directed = [](const Actor& s, const Actor& t) {
    Fact f;
    f.source = {s};
    f.target = {t};
    return f;
  };
  CHECK(names_two_parties(directed(kenya, uganda)));
  CHECK(names_two_parties(directed(minister, uganda)));
  CHECK(names_two_parties(directed(un, kenya)));
  CHECK_FALSE(names_two_parties(directed(minister, kenya)));  // one country
  // A person of no known country is no party; with the organization beside
  // an affiliated one, the fact stands.
  CHECK_FALSE(names_two_parties(directed(nobody, uganda)));
  Fact f = directed(nobody, uganda);
  f.source.push_back(un);
  CHECK(names_two_parties(f));
  Fact met;
  met.participants = {nobody, kenya};
  CHECK_FALSE(names_two_parties(met));
  met.participants.push_back(uganda);
  CHECK(names_two_parties(met));
}

TEST_CASE("extract actors: 'regional leaders' after a list of countries visited, and 'them' for them") {
  auto fs = test::facts(
      "Kenyan Foreign Minister John Kamau visits Uganda, Rwanda and Burundi this week. He plans to urge regional "
      "leaders to open their borders and to hold talks with them on trade.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "KEN", "UGA,RWA,BDI") != nullptr);
  CHECK(test::find_sym(fs, "04", "KEN,UGA,RWA,BDI") != nullptr);
}

TEST_CASE("extract actors: those 'along with' or 'together with' the subject act with it") {
  for (const char* text : {"John Kamau visited Yoweri Museveni last May, together with three Kenyan senators.",
                           "John Kamau had met Yoweri Museveni in Entebbe, along with two other Kenyan deputies."}) {
    CAPTURE(text);
    auto fs = test::parse_only().extract(test::document(text));
    CAPTURE(test::summary(fs));
    CHECK(test::with_root(fs, "04") != nullptr);
    const Fact* f = test::with_root(fs, "04");
    if (f) CHECK(test::countries(*f).count("KEN") == 1);
  }
}

TEST_CASE("a spokesman in a capital speaks for its state, and 'his government' in what he says is his") {
  auto fs = test::facts(
      "Kenya and Uganda traded accusations over the island. A foreign ministry spokesman in Kampala said "
      "his government remained committed to the talks and urged Kenya to return to the table.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "UGA", "KEN") != nullptr);
}

TEST_CASE("a United Nations body is also named with 'UN' or 'U.N.'") {
  auto fs = test::facts("The office of the U.N. High Commissioner for Refugees urged Kenya and Somalia to keep the border open.");
  CAPTURE(test::summary(fs));
  const Fact* f = test::with_root(fs, "02");
  REQUIRE(f != nullptr);
  REQUIRE(!f->source.empty());
  CHECK(f->source[0].id == "org:UNHCR");
}

TEST_CASE("'the country' opening a sentence continues the subject of the sentence before, and is never the other party") {
  auto fs = test::facts(
      "ASUNCION, March 3 (Wire) - Paraguay is among the few states that still recognise Taipei.\n\n"
      "The country's president praised Japan on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "PRY", "JPN") != nullptr);
  CHECK(test::find(fs, "05", "TWN", "JPN") == nullptr);
  // a description beside another party is the country read before it
  fs = test::facts(
      "MANILA, March 3 (Wire) - Vietnam hopes to buy more rice from Thailand.\n\n"
      "In January the country's trade minister met Thailand's trade minister in Hanoi.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "04", "VNM,THA") != nullptr);
}

TEST_CASE("a retired, onetime or ousted official acts for no state, and is no side of 'the two presidents'") {
  auto fs = test::facts("A retired Ghanaian ambassador criticized Togo on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(fs.empty());
  fs = test::facts("The ousted Malian president praised Senegal on Monday.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "05", "MLI", "SEN") == nullptr);
  fs = test::facts(
      "ADDIS ABABA, April 15 (Wire) - The mediator for Eritrea and Djibouti, a retired Nigerian diplomat, "
      "has worked on the border file for two years.\n\n"
      "In March the two presidents signed a deal on the disputed border.");
  CAPTURE(test::summary(fs));
  CHECK(test::find_sym(fs, "05", "ERI,DJI") != nullptr);
}

TEST_CASE("'the organization' is the one named before it, not one named later in its sentence; the North Atlantic Council is NATO") {
  auto target_has = [](const std::vector<Fact>& fs, const std::string& root, const std::string& id) {
    for (const Fact& f : fs)
      if (f.root == root)
        for (const auto& a : f.target)
          if (a.id == id) return true;
    return false;
  };
  auto fs = test::facts(
      "DUSHANBE, Sept 13 (Wire) - SCO leaders met in the Tajik capital on Friday.\n\n"
      "Tajikistan's president urged the organization to fund border posts before NATO troops quit the region.");
  CAPTURE(test::summary(fs));
  CHECK(target_has(fs, "02", "org:SCO"));
  CHECK(!target_has(fs, "02", "org:NATO"));
  fs = test::facts("Lithuania urged the North Atlantic Council to discuss the incident.");
  CAPTURE(test::summary(fs));
  CHECK(target_has(fs, "02", "org:NATO"));
}

TEST_CASE("'Korean' alone is the Korea named earlier in its own sentence; 'a visit by X' naming no place is to the dateline's state") {
  auto fs = test::facts(
      "JAKARTA, Nov 8 (Wire) - South Korea pledged fresh credit to Indonesia on Friday, days before a visit by "
      "the Korean president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "KOR", "IDN") != nullptr);
  // (not when the sentence names another state's city)
  fs = test::facts(
      "ADDIS ABABA, Nov 8 (Wire) - An AU mediator flies to Nairobi on Monday to prepare for a visit by the "
      "Somali president.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "04", "SOM", "ETH") == nullptr);
}

TEST_CASE("'both countries' after a subject described by its ally ('China, Pakistan's closest ally, urged both countries') are the pair told before") {
  auto fs = test::facts(
      "LAHORE, June 3 (Wire) - Pakistani and Indian soldiers exchanged shots across the frontier at dawn.\n\n"
      "Russia, India's old arms supplier, urged both countries to show restraint.");
  CAPTURE(test::summary(fs));
  CHECK(test::find(fs, "02", "RUS", "IND,PAK") != nullptr);
}
