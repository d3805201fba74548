// extract recognizer: countries, demonyms, metonyms, organizations against
// cities, people with titles and appositions, and later references to them
// (surname, pronoun, "the X official", "the X president", "the two sides").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_test_util.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;

namespace {

struct Found {
  std::string text, kind, country;
};

const char* kind_name(MentionKind k) {
  switch (k) {
    case MentionKind::country: return "country";
    case MentionKind::demonym: return "demonym";
    case MentionKind::capital: return "capital";
    case MentionKind::metonym: return "metonym";
    case MentionKind::city: return "city";
    case MentionKind::org: return "org";
    case MentionKind::person: return "person";
    case MentionKind::role: return "role";
    case MentionKind::group: return "group";
    case MentionKind::title: return "title";
  }
  return "?";
}

std::vector<Found> mentions(const Analysis& a, const Document& doc) {
  const auto& dict = test::extractor().dictionary();
  std::vector<Found> out;
  for (const Mention& m : a.mentions) {
    Found f;
    f.text = doc.text.substr(a.toks[m.begin].start, a.toks[m.end - 1].end - a.toks[m.begin].start);
    f.kind = kind_name(m.kind);
    int c = m.kind == MentionKind::person ? a.people[m.entity].country : m.country;
    if (c >= 0) f.country = dict.countries()[c].code;
    out.push_back(f);
  }
  return out;
}

std::string show(const std::vector<Found>& fs) {
  std::string out;
  for (const auto& f : fs) out += "[" + f.text + "|" + f.kind + "|" + f.country + "] ";
  return out;
}

bool has(const std::vector<Found>& fs, const std::string& text, const std::string& kind,
         const std::string& country) {
  for (const auto& f : fs)
    if (f.text == text && f.kind == kind && f.country == country) return true;
  return false;
}

}  // namespace

// A seat of an organization (data/seats.tsv) as an actor is the
// organization, as a place the city.
TEST_CASE("extract recognizer: places, countries and organizations, longest match first") {
  struct Case {
    const char* text;
    const char* mention;
    const char* kind;
    const char* country;
  };
  const Case cases[] = {
      {"Chile and Peru met.", "Chile", "country", "CHL"},
      {"Norwegian diplomats arrived.", "Norwegian", "demonym", "NOR"},
      {"Indonesians voted.", "Indonesians", "demonym", "IDN"},
      {"The Kremlin said nothing.", "The Kremlin", "metonym", "RUS"},
      {"Nairobi said it would respond.", "Nairobi", "capital", "KEN"},
      {"The ministers met in Mombasa.", "Mombasa", "city", "KEN"},
      {"The Shanghai Cooperation Organization met.", "The Shanghai Cooperation Organization", "org", ""},
      {"Leaders of the SCO met.", "SCO", "org", ""},
      {"Ships crossed the South China Sea.", "", "", ""},
      {"Brussels imposed new duties on solar panels.", "Brussels", "org", ""},
      {"Lisbon and Brussels signed the accord.", "Brussels", "org", ""},
      {"The envoys gathered in Brussels on Friday.", "Brussels", "capital", "BEL"},
      {"Talks were held in Oslo and Brussels.", "Brussels", "capital", "BEL"},
      {"A Brussels-based lobby group spoke.", "Brussels", "capital", "BEL"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    Document doc = test::document(c.text);
    Analysis a = test::extractor().recognizer().analyze(doc);
    auto found = mentions(a, doc);
    CAPTURE(show(found));
    if (*c.mention) {
      CHECK(has(found, c.mention, c.kind, c.country));
    } else {
      CHECK(found.empty());
    }
  }
}

TEST_CASE("extract recognizer: Shanghai inside the organization's name is not the city") {
  Document doc = test::document("The Shanghai Cooperation Organization summit opened in Astana.");
  auto found = mentions(test::extractor().recognizer().analyze(doc), doc);
  CAPTURE(show(found));
  for (const auto& f : found) CHECK(f.kind != "city");
}

TEST_CASE("extract recognizer: people with titles, appositions and countries") {
  struct Case {
    const char* text;
    const char* name;
    const char* country;
    const char* role;  // substring of the role
  };
  const Case cases[] = {
      {"Chilean Deputy Prime Minister Rosa Ibarra Vidal visited Lima.", "Rosa Ibarra Vidal", "CHL",
       "Deputy Prime Minister"},
      {"Norway's Foreign Minister Eirik Dahl spoke.", "Eirik Dahl", "NOR", "Foreign Minister"},
      {"Jonas Petraitis, Lithuania's foreign minister, spoke.", "Jonas Petraitis", "LTU",
       "Foreign Minister"},
      {"Talks included SAPM on Water and Power, Imran Qadir Butt, and others.", "Imran Qadir Butt",
       "", "Water and Power"},
      {"The president of Ghana, Kofi Mensah Boateng, arrived.", "Kofi Mensah Boateng", "GHA",
       "President"},
      {"Queen Amara of Lesotho opened the session.", "Amara", "LSO", "Queen"},
      {"Kenyan President [Daniel] Otieno Kamau spoke.", "Daniel Otieno Kamau", "KEN", "President"},
      // capitals outside Latin-1: Latin Extended Additional and Vietnamese Ơ, Ư
      {"Vietnamese Foreign Minister Lê Văn Ứng arrived.", "Lê Văn Ứng", "VNM", "Foreign Minister"},
      {"Vietnamese Deputy Prime Minister Ơn Thị Ưng arrived.", "Ơn Thị Ưng", "VNM", "Deputy Prime Minister"},
      // a surname spelt like a month or a one-word title, where the name ends
      {"Chinese Trade Minister Wei Jun flew to Ottawa.", "Wei Jun", "CHN", "Trade Minister"},
      {"Australian Foreign Minister Harold King spoke.", "Harold King", "AUS", "Foreign Minister"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    Document doc = test::document(c.text);
    Analysis a = test::extractor().recognizer().analyze(doc);
    const Person* p = nullptr;
    for (const Person& x : a.people)
      if (x.name == c.name) p = &x;
    REQUIRE(p != nullptr);
    const auto& dict = test::extractor().dictionary();
    CHECK((p->country >= 0 ? dict.countries()[p->country].code : std::string()) == c.country);
    CHECK(p->role.find(c.role) != std::string::npos);
  }
}

TEST_CASE("extract recognizer: capitalized words alone are not people") {
  Document doc = test::document(
      "Santos Port handled the cargo. Green Valley Holdings said Tuesday that Morning Star Trading "
      "would bid.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  CHECK(a.people.empty());
}

TEST_CASE("extract recognizer: an organization's organ after its name is no person's name") {
  Document doc = test::document("The chairman of the SADC Council telephoned both presidents on Monday.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  for (const Person& p : a.people) CHECK(p.name != "Council");
  // ... and the name in apposition after it is the official's
  doc = test::document("In Gaborone, the chairman of the SADC Council, Tebogo Ramotswe, urged calm.");
  a = test::extractor().recognizer().analyze(doc);
  const Person* p = nullptr;
  for (const Person& x : a.people)
    if (x.name == "Tebogo Ramotswe") p = &x;
  REQUIRE(p != nullptr);
  CHECK(p->org >= 0);
}

TEST_CASE("extract recognizer: a month after a name with a date is the date, not a surname") {
  Document doc = test::document("Chinese Trade Minister Wei Jun 12 told reporters in Ottawa.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  REQUIRE(!a.people.empty());
  for (const Person& p : a.people) CHECK(p.name != "Wei Jun");
}

TEST_CASE("extract recognizer: later references resolve to the same person") {
  Document doc = test::document(
      "Ghanaian Foreign Minister Ama Serwaa Owusu met Portuguese Deputy Prime Minister Tiago Lopes "
      "Rocha in Lisbon. Owusu said the talks were useful. She also praised Portugal. "
      "The Portuguese official said his country would help. The Ghanaian minister thanked him.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  REQUIRE(a.people.size() == 2);
  auto mentions_of = [&](int person) {
    int n = 0;
    for (const Mention& m : a.mentions) n += m.kind == MentionKind::person && m.entity == person;
    return n;
  };
  int owusu = a.people[0].name == "Ama Serwaa Owusu" ? 0 : 1;
  int rocha = 1 - owusu;
  CHECK(a.people[rocha].name == "Tiago Lopes Rocha");
  CAPTURE(show(mentions(a, doc)));
  CHECK(mentions_of(owusu) == 4);  // introduced, "Owusu", "She", "The Ghanaian minister"
  CHECK(mentions_of(rocha) == 4);  // introduced, "The Portuguese official", "his", "him"
}

TEST_CASE("extract recognizer: a title alone picks up the country of a later description") {
  Document doc = test::document(
      "President Amadou Sy met the delegation. Later the Senegalese president addressed "
      "parliament.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  REQUIRE(a.people.size() == 1);
  CHECK(test::extractor().dictionary().countries()[a.people[0].country].code == "SEN");
}

TEST_CASE("extract recognizer: a person without a stated country takes the dateline's") {
  Article art;
  art.id = "d";
  art.date = "2025-03-14";
  art.text = "March 14, Chile -- Prime Minister Lucia Ferrer Soto met the mayors.";
  Diagnostics diag(false);
  Document doc = make_document(std::move(art), "2025-03-14", diag);
  Analysis a = test::extractor().recognizer().analyze(doc);
  REQUIRE(a.people.size() == 1);
  REQUIRE(a.people[0].country >= 0);
  CHECK(test::extractor().dictionary().countries()[a.people[0].country].code == "CHL");
}

TEST_CASE("extract recognizer: the two sides, they and the country") {
  Document doc = test::document(
      "Vietnam and Cambodia opened a bridge. Officials from Vietnam praised Cambodia. "
      "The two countries also agreed on fishing rights. They will meet again. "
      "Thailand welcomed the news and said the country would attend.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  const auto& dict = test::extractor().dictionary();
  std::vector<std::vector<std::string>> groups;
  for (const Mention& m : a.mentions) {
    if (m.kind != MentionKind::group) continue;
    std::vector<std::string> g;
    for (int c : a.groups[m.entity]) g.push_back(dict.countries()[c].code);
    std::sort(g.begin(), g.end());
    groups.push_back(g);
  }
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == std::vector<std::string>{"KHM", "VNM"});
  CHECK(groups[1] == std::vector<std::string>{"KHM", "VNM"});
  auto found = mentions(a, doc);
  CAPTURE(show(found));
  CHECK(has(found, "the country", "country", "THA"));
}

// "it" takes the sentence's subject actor, never one inside a phrase of a
// thing ("the debris of the Russian satellite").
TEST_CASE("extract recognizer: 'it' is no country named inside a thing's phrase") {
  Document doc = test::document(
      "The wreckage of the Russian drone fell in a field on Monday, and once it reaches the lab it will be tested.");
  auto found = mentions(test::extractor().recognizer().analyze(doc), doc);
  CAPTURE(show(found));
  CHECK_FALSE(has(found, "it", "country", "RUS"));
  Document doc2 = test::document("The Russian government said on Monday that it would respond.");
  auto found2 = mentions(test::extractor().recognizer().analyze(doc2), doc2);
  CAPTURE(show(found2));
  CHECK(has(found2, "it", "country", "RUS"));
}

TEST_CASE("extract recognizer: 'the minister' is no prime minister read before") {
  Document doc = test::document(
      "Australia's trade minister arrived in Suva on Monday. Over lunch on Tuesday, Fiji's prime minister "
      "briefed the minister on the reef survey.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  auto fs = mentions(a, doc);
  CAPTURE(show(fs));
  bool australian = false;
  for (const auto& f : fs) australian |= (f.text == "minister" || f.text == "the minister") && f.country == "AUS";
  CHECK(australian);
}

TEST_CASE("extract recognizer: 'the OPEC secretary general' is no other body's secretary general read before") {
  Document doc = test::document(
      "NATO Secretary General Lars Holm visited Kyiv on Tuesday. The OPEC secretary general praised Saudi "
      "Arabia's leadership.");
  Analysis a = test::extractor().recognizer().analyze(doc);
  for (const Mention& m : a.mentions) {
    if (m.kind != MentionKind::person || a.toks[m.begin].start < doc.text.find("The OPEC")) continue;
    CHECK(a.people[m.entity].name != "Lars Holm");
  }
  auto fs = test::facts(doc.text);
  CAPTURE(test::summary(fs));
  const Fact* f = test::find(fs, "05", "", "SAU");
  REQUIRE(f != nullptr);
  for (const Actor& s : f->source) CHECK(s.id != "org:NATO");
}
