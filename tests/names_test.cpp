// names: folding, the NameTable, suggestions for words, and entity
// resolution with the dictionaries' names (every alias the issue lists).
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/name_table.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/dictionary_names.hpp"
#include "tests/fact_test_util.hpp"

using namespace dipgraph;
using dipgraph::testing::parsed_fact;

namespace {

const NameTable& real_names() {
  static const NameTable table = [] {
    Diagnostics diag(false);
    return ingest::dictionary_names(*ingest::Dictionary::load(DIPGRAPH_DATA_DIR, diag));
  }();
  return table;
}

// Meetings among the states the issue asks about, plus an organization and a leader.
KnowledgeGraph sample_graph() {
  std::vector<Fact> facts;
  const char* pairs[][2] = {{"USA", "SUN"}, {"GBR", "DEU"}, {"CHN", "DDR"},
                            {"RUS", "AUS"}, {"USA", "JPN"}, {"AUT", "FRA"}};
  int n = 0;
  for (auto& p : pairs)
    facts.push_back(parsed_fact(fmt::format(
        R"({{"type":"meeting","cameo":"040","date":"1987-0{}","participants":[{{"id":"country:{}"}},{{"id":"country:{}"}}],
            "evidence":[{{"article":"a{}","text":"x"}}]}})",
        n % 9 + 1, p[0], p[1], n)));
  facts.push_back(parsed_fact(
      R"({"type":"meeting","cameo":"040","participants":[{"id":"org:AU","name":"African Union"},
      {"id":"person:helmut-kohl","name":"Helmut Kohl","country":"DEU"}],"evidence":[{"article":"b","text":"y"}]})"));
  return KnowledgeGraph::build(facts);
}

}  // namespace

TEST_CASE("names: folding ignores case, accents, dots, apostrophes and a leading the") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {{"The U.S.", "us"},
                        {"U.S.S.R.", "ussr"},
                        {"Côte d'Ivoire", "cote divoire"},
                        {"SÃO TOMÉ", "sao tome"},
                        {"Bundeskanzleramt", "bundeskanzleramt"},
                        {"Łódź", "lodz"},
                        {"Straße", "strasse"},
                        {"  South   Korea ", "south korea"},
                        {"Lê Văn Ứng", "le van ung"},
                        {"Москва", "Москва"},
                        {"the", "the"},
                        {"", ""}};
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(fold_name(c.in) == c.out);
  }
}

TEST_CASE("names: nearest words for flags and subcommands") {
  std::vector<std::string> types = {"meeting", "visit", "summit", "statement", "sanction"};
  CHECK(nearest_words("meetings", types) == std::vector<std::string>{"meeting"});
  CHECK(nearest_words("vist", types) == std::vector<std::string>{"visit"});
  CHECK(nearest_words("zzzzzz", types).empty());
  CHECK(did_you_mean({"a", "b", "c"}) == "; did you mean a, b or c?");
  CHECK(did_you_mean({}) == "");
  CHECK(nearest_words("neighbours", {"neighbors", "ties", "rank"}) ==
        std::vector<std::string>{"neighbors"});
}

TEST_CASE("names: every name the analyst types resolves with the dictionaries") {
  KnowledgeGraph g = sample_graph();
  const NameTable& names = real_names();
  REQUIRE(names.size() > 1000);
  struct Case {
    const char* query;
    const char* id;
  };
  const Case cases[] = {
      {"US", "country:USA"},
      {"U.S.", "country:USA"},
      {"us", "country:USA"},
      {"America", "country:USA"},
      {"the United States", "country:USA"},
      {"American", "country:USA"},
      {"Washington", "country:USA"},
      {"USA", "country:USA"},
      {"2", "country:USA"},
      {"USSR", "country:SUN"},
      {"Soviet Union", "country:SUN"},
      {"UK", "country:GBR"},
      {"Britain", "country:GBR"},
      {"british", "country:GBR"},
      {"UKG", "country:GBR"},
      {"GB", "country:GBR"},
      {"Downing Street", "country:GBR"},
      {"PRC", "country:CHN"},
      {"Beijing", "country:CHN"},
      {"chinese", "country:CHN"},
      {"GDR", "country:DDR"},
      {"East Germany", "country:DDR"},
      {"Germany", "country:DEU"},
      {"DE", "country:DEU"},
      {"japan", "country:JPN"},
      {"AUS", "country:AUS"},  // ISO alpha-3 (Australia) wins over COW's AUS (Austria)
      {"AU", "org:AU"},        // the African Union's acronym before Australia's alpha-2
      {"African Union", "org:AU"},
      {"Kohl", "person:helmut-kohl"},
      {"helmut kohl", "person:helmut-kohl"},
      {"Österreich", ""}};
  for (const Case& c : cases) {
    CAPTURE(c.query);
    Resolution r = g.resolve(c.query, &names);
    if (*c.id == 0) {
      CHECK(!r.ok());
      continue;
    }
    REQUIRE_MESSAGE(r.ok(), r.message);
    CHECK(g.id(r.vertex) == c.id);
  }
  // Without the dictionaries only the graph's own names resolve.
  CHECK(!g.resolve("U.S.").ok());
}

TEST_CASE("names: a known name without facts says so; suggestions come from any alias") {
  KnowledgeGraph g = sample_graph();
  const NameTable& names = real_names();
  Resolution r = g.resolve("Kenya", &names);
  CHECK(r.outcome == Resolution::Outcome::unknown);
  CHECK(r.message == "\"Kenya\" is Kenya (country:KEN, by its name), which no fact here names");
  r = g.resolve("Brittain", &names);
  REQUIRE(!r.candidates.empty());
  CHECK(g.id(r.candidates.front()) == "country:GBR");
  r = g.resolve("Amerca", &names);
  REQUIRE(!r.candidates.empty());
  CHECK(g.id(r.candidates.front()) == "country:USA");
  r = g.resolve("Sovjet Union", &names);
  REQUIRE(!r.candidates.empty());
  CHECK(g.id(r.candidates.front()) == "country:SUN");
}

TEST_CASE("names: capitals, seats and demonyms stand for the state of the day") {
  Diagnostics diag(false);
  auto dict = ingest::Dictionary::load(DIPGRAPH_DATA_DIR, diag);
  CHECK(diag.error_count() == 0);
  auto code_on = [&](const std::string& text, int day) {
    for (std::uint32_t e = 0; e < dict->entity_entries().size(); ++e)
      if (dict->entity_text(e) == text && dict->entity_entries()[e].kind != ingest::EntityKind::city)
        return dict->countries()[static_cast<std::size_t>(dict->country_on(e, day))].code;
    return std::string("none");
  };
  struct Case {
    const char* name;
    int day;
    const char* code;
  };
  const Case cases[] = {
      {"Moscow", 19870312, "SUN"},   {"Moscow", 19911224, "SUN"},   {"Moscow", 19911225, "RUS"},
      {"Moscow", 20250520, "RUS"},   {"Moscow", 0, "RUS"},          {"the Kremlin", 19870312, "SUN"},
      {"Russian", 19870312, "SUN"},  {"Russian", 20250520, "RUS"},  {"Belgrade", 19870101, "YUG"},
      {"Belgrade", 19990324, "YUG"}, {"Belgrade", 20040101, "SCG"}, {"Belgrade", 20100101, "SRB"},
      {"Prague", 19870101, "CSK"},   {"Prague", 19930101, "CZE"},   {"Bonn", 19870312, "DEU"},
      {"West German", 19870312, "DEU"}, {"East Berlin", 19870312, "DDR"}, {"Beijing", 19870312, "CHN"}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.day);
    CHECK(code_on(c.name, c.day) == c.code);
  }
  // The resolver: today's state first, a state of the past when only it is in the graph.
  const NameTable& names = real_names();
  CHECK(names.note("country:SUN").find("succeeded by Russia (country:RUS)") != std::string::npos);
  CHECK(names.note("country:RUS").find("succeeded Soviet Union (country:SUN) on 1991-12-25") !=
        std::string::npos);
  KnowledgeGraph only_sun = KnowledgeGraph::build({parsed_fact(
      R"({"type":"meeting","date":"1987-03-02","participants":[{"id":"country:USA"},{"id":"country:SUN"}]})")});
  Resolution r = only_sun.resolve("Moscow", &names);
  REQUIRE_MESSAGE(r.ok(), r.message);
  CHECK(only_sun.id(r.vertex) == "country:SUN");
  KnowledgeGraph both = KnowledgeGraph::build(
      {parsed_fact(
           R"({"type":"meeting","date":"1987-03-02","participants":[{"id":"country:USA"},{"id":"country:SUN"}]})"),
       parsed_fact(
           R"({"type":"meeting","date":"2025-03-02","participants":[{"id":"country:USA"},{"id":"country:RUS"}]})")});
  r = both.resolve("Moscow", &names);
  REQUIRE_MESSAGE(r.ok(), r.message);
  CHECK(both.id(r.vertex) == "country:RUS");
  r = both.resolve("365", &names);
  CHECK(r.outcome == Resolution::Outcome::ambiguous);
}
