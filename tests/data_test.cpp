// data: the dictionaries in data/ (countries, cities, organizations, titles, leaders) and the compiled
// CAMEO table are consistent: every file parses with its header and column count, codes are
// well formed and unique, cross references (capitals, bloc members) resolve, and every CAMEO
// code has its parent, a known fact type, its quad class and a Goldstein value in range.
// The files are read with a small reader of their own here, so these tests check the data,
// not the loader that the extractor uses.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/cameo.hpp"

namespace {

struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

struct Table {
  std::string header;
  std::vector<Row> rows;
  std::vector<std::string> problems;  // "file:line: what"
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (auto& item : split(s, ';'))
    if (!item.empty()) out.push_back(item);
  return out;
}

bool is_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += extra + 1;
  }
  return true;
}

// Reads data/<name>: the first line is the header; '#' lines and empty lines are skipped;
// every other line must have exactly `columns` tab-separated fields, valid UTF-8 and no
// whitespace around fields or list items.
Table read_table(const std::string& name, std::size_t columns) {
  Table t;
  std::string path = std::string(DIPGRAPH_DATA_DIR) + "/" + name;
  std::ifstream in(path);
  if (!in) {
    t.problems.push_back(path + ": cannot open");
    return t;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string where = name + ":" + std::to_string(n) + ": ";
    if (!line.empty() && line.back() == '\r') t.problems.push_back(where + "CR line ending");
    if (!is_utf8(line)) t.problems.push_back(where + "invalid UTF-8");
    if (n == 1) {
      t.header = line;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    Row row{n, split(line, '\t')};
    if (row.fields.size() != columns) {
      t.problems.push_back(where + std::to_string(row.fields.size()) + " columns, expected " +
                           std::to_string(columns));
      continue;
    }
    for (auto& f : row.fields)
      for (auto& item : split(f, ';'))
        if (!item.empty() && (std::isspace(static_cast<unsigned char>(item.front())) ||
                              std::isspace(static_cast<unsigned char>(item.back()))))
          t.problems.push_back(where + "whitespace around '" + item + "'");
    t.rows.push_back(std::move(row));
  }
  return t;
}

bool is_code3(const std::string& s) {
  return s.size() == 3 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1])) &&
         std::isupper(static_cast<unsigned char>(s[2]));
}

std::set<std::string> country_codes() {
  std::set<std::string> codes;
  for (auto& r : read_table("countries.tsv", 8).rows) codes.insert(r.fields[0]);
  return codes;
}

}  // namespace

TEST_CASE("data: every file has its header and the right column count") {
  struct Case {
    const char* file;
    std::size_t columns;
    const char* header;
  };
  const Case cases[] = {
      {"countries.tsv", 8, "code\tname\tofficial\taliases\tdemonyms\tcapital\tmetonyms\tstatus"},
      {"cities.tsv", 4, "country\tcity\taliases\tpopulation_rank"},
      {"organizations.tsv", 5, "code\tname\taliases\tkind\tmembers"},
      {"titles.tsv", 3, "phrase\trole\trank"},
      {"leaders.tsv", 8, "country\tname\tsurname\taliases\toffice\tstart\tend\tflags"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    Table t = read_table(c.file, c.columns);
    CHECK(t.header == c.header);
    for (auto& p : t.problems) CAPTURE(p);
    CHECK(t.problems.empty());
    CHECK(t.rows.size() > 10);
  }
}

TEST_CASE("data: country codes are three capitals, unique, with a name and a known status") {
  Table t = read_table("countries.tsv", 8);
  REQUIRE(t.problems.empty());
  const std::set<std::string> statuses = {"member", "observer", "territory", "historical", "other"};
  std::set<std::string> seen;
  std::map<std::string, int> by_status;
  for (auto& r : t.rows) {
    CAPTURE(r.line);
    CHECK(is_code3(r.fields[0]));
    CHECK(seen.insert(r.fields[0]).second);
    CHECK(!r.fields[1].empty());
    CHECK(statuses.count(r.fields[7]) == 1);
    ++by_status[r.fields[7]];
  }
  CHECK(by_status["member"] == 193);
  CHECK(by_status["observer"] == 2);
  for (const char* code : {"PAK", "CHN", "RUS", "USA", "GBR", "IND", "VAT", "PSE", "TWN", "XKX",
                           "SUN", "YUG", "CSK", "DDR", "HKG", "COD", "COG", "CIV"}) {
    CAPTURE(code);
    CHECK(seen.count(code) == 1);
  }
}

TEST_CASE("data: no country name, alias, demonym, capital or metonym points to two countries") {
  Table t = read_table("countries.tsv", 8);
  REQUIRE(t.problems.empty());
  std::map<std::string, std::string> owner;  // phrase -> code
  std::vector<std::string> clashes;
  for (auto& r : t.rows) {
    std::vector<std::string> phrases = {r.fields[1], r.fields[2]};
    for (int col : {3, 4, 5, 6})
      for (auto& p : split_list(r.fields[col])) phrases.push_back(p);
    std::set<std::string> own(phrases.begin(), phrases.end());
    for (auto& p : own) {
      if (p.empty()) continue;
      auto [it, fresh] = owner.emplace(p, r.fields[0]);
      if (!fresh && it->second != r.fields[0])
        clashes.push_back(p + " (" + it->second + ", " + r.fields[0] + ")");
    }
  }
  for (auto& c : clashes) CAPTURE(c);
  CHECK(clashes.empty());
}

TEST_CASE("data: cities belong to known countries, once each, with a numeric rank") {
  Table t = read_table("cities.tsv", 4);
  REQUIRE(t.problems.empty());
  auto countries = country_codes();
  std::set<std::pair<std::string, std::string>> seen;
  for (auto& r : t.rows) {
    CAPTURE(r.line);
    CAPTURE(r.fields[1]);
    CHECK(countries.count(r.fields[0]) == 1);
    CHECK(!r.fields[1].empty());
    CHECK(seen.emplace(r.fields[0], r.fields[1]).second);
    const std::string& rank = r.fields[3];
    bool ok = true;
    for (char c : rank) ok = ok && std::isdigit(static_cast<unsigned char>(c));
    CHECK(ok);
    if (!rank.empty()) CHECK(std::stoi(rank) >= 1);
  }
  CHECK(t.rows.size() >= 1000);
}

TEST_CASE("data: regions belong to known countries, and no region is a country's or a city's name") {
  Table regions = read_table("regions.tsv", 4);
  Table countries = read_table("countries.tsv", 8);
  Table cities = read_table("cities.tsv", 4);
  REQUIRE(regions.problems.empty());
  auto codes = country_codes();
  std::set<std::string> taken;  // country names, aliases, demonyms, capitals, metonyms; cities
  for (auto& r : countries.rows)
    for (int col : {1, 2, 3, 4, 5, 6})
      for (auto& p : split_list(r.fields[col])) taken.insert(p);
  for (auto& r : cities.rows) {
    taken.insert(r.fields[1]);
    for (auto& a : split_list(r.fields[2])) taken.insert(a);
  }
  std::set<std::string> seen;
  for (auto& r : regions.rows) {
    CAPTURE(r.line);
    CAPTURE(r.fields[1]);
    CHECK(codes.count(r.fields[0]) == 1);
    CHECK(taken.count(r.fields[1]) == 0);
    CHECK(seen.insert(r.fields[1]).second);
    for (auto& a : split_list(r.fields[2])) CHECK(taken.count(a) == 0);
  }
  CHECK(regions.rows.size() >= 1000);
  // English words and two countries' units are left out ("Delta", "Punjab").
  for (const char* name : {"Delta", "Plateau", "Punjab", "Georgia", "Central"}) {
    CAPTURE(name);
    CHECK(seen.count(name) == 0);
  }
}

TEST_CASE("data: the capital of every current state and territory is one of its cities") {
  Table countries = read_table("countries.tsv", 8);
  Table cities = read_table("cities.tsv", 4);
  REQUIRE(countries.problems.empty());
  REQUIRE(cities.problems.empty());
  std::map<std::string, std::set<std::string>> names;  // country -> city names and aliases
  for (auto& r : cities.rows) {
    names[r.fields[0]].insert(r.fields[1]);
    for (auto& a : split_list(r.fields[2])) names[r.fields[0]].insert(a);
  }
  int checked = 0;
  for (auto& r : countries.rows) {
    if (r.fields[7] == "historical" || r.fields[5].empty()) continue;
    CAPTURE(r.fields[0]);
    CAPTURE(r.fields[5]);
    CHECK(names[r.fields[0]].count(r.fields[5]) == 1);
    if (r.fields[7] == "member") ++checked;
  }
  CHECK(checked == 193);
}

TEST_CASE("data: organizations have unique codes, a known kind and known member countries") {
  Table t = read_table("organizations.tsv", 5);
  REQUIRE(t.problems.empty());
  auto countries = country_codes();
  const std::set<std::string> kinds = {"igo", "un_agency", "bloc", "ngo", "national", "armed_group", "party"};
  std::set<std::string> seen;
  for (auto& r : t.rows) {
    CAPTURE(r.line);
    const std::string& code = r.fields[0];
    CAPTURE(code);
    bool code_ok = !code.empty() && std::isupper(static_cast<unsigned char>(code[0]));
    for (char c : code)
      code_ok = code_ok && (std::isupper(static_cast<unsigned char>(c)) ||
                            std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    CHECK(code_ok);
    CHECK(seen.insert(code).second);
    CHECK(!r.fields[1].empty());
    CHECK(kinds.count(r.fields[3]) == 1);
    auto members = split_list(r.fields[4]);
    std::set<std::string> unique_members;
    for (auto& m : members) {
      CAPTURE(m);
      CHECK(countries.count(m) == 1);
      CHECK(unique_members.insert(m).second);
    }
    if (r.fields[3] == "national") CHECK(members.size() == 1);
    if (r.fields[3] == "armed_group" || r.fields[3] == "party") CHECK(members.size() <= 1);
  }
  struct Bloc {
    const char* code;
    std::size_t members;
  };
  const Bloc blocs[] = {{"EU", 27},   {"NATO", 32}, {"G7", 7},    {"GCC", 6},
                        {"SAARC", 8}, {"QUAD", 4},  {"AUKUS", 3}, {"UNSC", 5}};
  for (const auto& b : blocs) {
    CAPTURE(b.code);
    auto it = std::find_if(t.rows.begin(), t.rows.end(),
                           [&](const Row& r) { return r.fields[0] == b.code; });
    REQUIRE(it != t.rows.end());
    CHECK(split_list(it->fields[4]).size() == b.members);
  }
}

TEST_CASE("data: titles have a role and a rank from 1 to 7, each phrase once") {
  Table t = read_table("titles.tsv", 3);
  REQUIRE(t.problems.empty());
  std::set<std::string> seen;
  for (auto& r : t.rows) {
    CAPTURE(r.line);
    CAPTURE(r.fields[0]);
    CHECK(!r.fields[0].empty());
    CHECK(seen.insert(r.fields[0]).second);
    CHECK(!r.fields[1].empty());
    bool digits = !r.fields[2].empty();
    for (char c : r.fields[2]) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    REQUIRE(digits);
    int rank = std::stoi(r.fields[2]);
    CHECK(rank >= 1);
    CHECK(rank <= 7);
  }
  for (const char* phrase : {"prime minister", "foreign minister", "ambassador", "SAPM",
                             "chief of army staff", "secretary-general", "spokesperson"}) {
    CAPTURE(phrase);
    CHECK(seen.count(phrase) == 1);
  }
}

TEST_CASE("data: leaders have a known country or organization, an office, years in order and a known flag") {
  Table t = read_table("leaders.tsv", 8);
  REQUIRE(t.problems.empty());
  auto countries = country_codes();
  std::set<std::string> orgs;  // offices of organizations: "UN", "NATO"
  for (auto& r : read_table("organizations.tsv", 5).rows) orgs.insert(r.fields[0]);
  auto is_year = [](const std::string& y) {
    return y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::set<std::string> offices, people, covered;
  for (auto& r : t.rows) {
    CAPTURE(r.line);
    CHECK((countries.count(r.fields[0]) == 1 || orgs.count(r.fields[0]) == 1));
    CHECK(!r.fields[1].empty());
    CHECK(!r.fields[4].empty());
    offices.insert(r.fields[4]);
    REQUIRE(is_year(r.fields[5]));
    CHECK(std::stoi(r.fields[5]) >= 1900);
    CHECK(std::stoi(r.fields[5]) <= 2026);
    if (!r.fields[6].empty()) {
      REQUIRE(is_year(r.fields[6]));
      CHECK(std::stoi(r.fields[6]) >= std::stoi(r.fields[5]));
    }
    CHECK((r.fields[7].empty() || r.fields[7] == "bare"));
    people.insert(r.fields[0] + " " + r.fields[1]);
    covered.insert(r.fields[0]);
  }
  // Systematic: every UN member and observer state, Taiwan and Kosovo has rows.
  for (auto& r : read_table("countries.tsv", 8).rows) {
    if (r.fields[7] != "member" && r.fields[7] != "observer" && r.fields[0] != "TWN" &&
        r.fields[0] != "XKX")
      continue;
    CAPTURE(r.fields[0]);
    CHECK(covered.count(r.fields[0]) == 1);
  }
  CHECK(people.size() >= 1000);
  for (const char* office : {"President", "Prime Minister", "King", "Foreign Minister", "Chancellor"}) {
    CAPTURE(office);
    CHECK(offices.count(office) == 1);
  }
}

TEST_CASE("cameo: table is sorted, unique, and every code has its parent") {
  const auto& codes = dipgraph::cameo_codes();
  REQUIRE(codes.size() > 290);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const auto& c = codes[i];
    CAPTURE(c.code);
    if (i > 0) CHECK(codes[i - 1].code < c.code);
    CHECK(c.code.size() >= 2);
    CHECK(c.code.size() <= 4);
    if (c.code.size() > 2) CHECK(seen.count(c.code.substr(0, c.code.size() - 1)) == 1);
    seen.insert(c.code);
    CHECK(dipgraph::find_cameo(c.code) == &c);
  }
  // All 20 roots are present.
  for (int r = 1; r <= 20; ++r) {
    std::string root = {static_cast<char>('0' + r / 10), static_cast<char>('0' + r % 10)};
    CAPTURE(root);
    CHECK(dipgraph::find_cameo(root) != nullptr);
  }
}

TEST_CASE("cameo: quad classes, Goldstein range and fact types") {
  const std::set<std::string_view> types = {
      "statement",     "appeal",           "intent",    "meeting", "visit",  "negotiation",
      "praise",        "cooperation",      "agreement", "project", "aid",    "yield",
      "investigate",   "demand",           "criticism", "reject",  "threat", "protest",
      "force_posture", "reduce_relations", "sanction",  "expel",   "coerce", "assault",
      "fight",         "mass_violence"};
  for (const auto& c : dipgraph::cameo_codes()) {
    CAPTURE(c.code);
    int q = dipgraph::quad_class_of(c.code);
    CHECK(q >= 1);
    CHECK(q <= 4);
    CHECK(c.goldstein >= -10.0);
    CHECK(c.goldstein <= 10.0);
    CHECK(types.count(c.type) == 1);
    CHECK(!c.name.empty());
    // Cooperation codes score at or above the conflict codes' ceiling, roughly: quad 4 is
    // never positive.
    if (q == 4) CHECK(c.goldstein < 0.0);
  }
}

TEST_CASE("cameo: known codes carry their type and Goldstein value") {
  struct Case {
    const char* code;
    const char* type;
    double goldstein;
    int quad;
  };
  const Case cases[] = {
      {"010", "statement", 0.0, 1},
      {"016", "statement", -2.0, 1},
      {"036", "intent", 4.0, 1},
      {"124", "reject", -4.0, 3},
      {"165", "reduce_relations", -6.5, 4},
      {"040", "meeting", 1.0, 1},
      {"041", "meeting", 1.0, 1},
      {"042", "visit", 1.9, 1},
      {"043", "visit", 2.8, 1},
      {"044", "meeting", 2.5, 1},
      {"045", "meeting", 5.0, 1},
      {"046", "negotiation", 7.0, 1},
      {"051", "praise", 3.4, 1},
      {"054", "cooperation", 6.0, 1},
      {"057", "agreement", 8.0, 1},
      {"061", "project", 6.4, 2},
      {"070", "aid", 7.0, 2},
      {"0871", "yield", 9.0, 2},
      {"111", "criticism", -2.0, 3},
      {"112", "criticism", -2.0, 3},
      {"130", "threat", -4.4, 3},
      {"160", "reduce_relations", -4.0, 4},
      {"161", "reduce_relations", -4.0, 4},
      {"163", "sanction", -8.0, 4},
      {"164", "reduce_relations", -7.0, 4},
      {"166", "expel", -7.0, 4},
      {"1661", "expel", -7.0, 4},
      {"172", "coerce", -5.0, 4},
      {"190", "fight", -10.0, 4},
      {"2042", "mass_violence", -10.0, 4},
  };
  for (const auto& c : cases) {
    CAPTURE(c.code);
    const auto* e = dipgraph::find_cameo(c.code);
    REQUIRE(e != nullptr);
    CHECK(e->type == c.type);
    CHECK(e->goldstein == doctest::Approx(c.goldstein));
    CHECK(dipgraph::quad_class_of(c.code) == c.quad);
  }
}

TEST_CASE("cameo: unknown and malformed codes") {
  for (const char* code : {"", "0", "00", "21", "047", "0430", "abc", "99"}) {
    CAPTURE(code);
    CHECK(dipgraph::find_cameo(code) == nullptr);
  }
  CHECK(dipgraph::cameo_root("x1").empty());
  CHECK(dipgraph::quad_class_of("7") == 0);
  CHECK(dipgraph::quad_class_of("00") == 0);
  CHECK(dipgraph::cameo_root("1823") == "18");
}
