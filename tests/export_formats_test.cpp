// export formats beyond GraphML/DOT/JSON: the CSV event table (RFC 4180
// escaping, parsed back), the country network (the same numbers as `ties`
// and `neighbors`), GEXF spells, Neo4j header rules, format choice by name,
// and the PLOVER table.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/country_network.hpp"
#include "export/exporters.hpp"
#include "graph/cameo.hpp"
#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/neighbors.hpp"
#include "queries/ties.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

// RFC 4180 reader: rows of fields; fails the test on a malformed quote.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      REQUIRE_MESSAGE(field.empty(), "quote inside an unquoted field at byte " << i);
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear(), was_quoted = false;
    } else if (c == '\r') {
      bool crlf = i + 1 < s.size() && s[i + 1] == '\n';
      REQUIRE_MESSAGE(crlf, "bare CR at byte " << i);
    } else if (c == '\n') {
      rows.back().push_back(field), field.clear(), was_quoted = false;
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  if (!field.empty() || was_quoted) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// Rows as maps column -> value.
std::vector<std::map<std::string, std::string>> records(const std::string& csv) {
  auto rows = parse_csv(csv);
  REQUIRE(!rows.empty());
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    REQUIRE_MESSAGE(rows[r].size() == rows[0].size(), "row " << r << " has " << rows[r].size());
    std::map<std::string, std::string> m;
    for (std::size_t c = 0; c < rows[0].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(m);
  }
  return out;
}

// Pakistan criticizes India (directed), then Pakistan, China and Russia meet
// (symmetric, three countries: three pairs), a minister of Pakistan visits
// Russia, and a statement by Norway alone. The first evidence holds a comma,
// quotes, a newline and a CR.
KnowledgeGraph sample() {
  std::vector<Fact> facts = {
      fact(R"({"id":"event:c1","type":"criticism","cameo":"111","date":"2025-02","source":[{"id":"country:PAK","name":"Pakistan"}],"target":[{"id":"country:IND","name":"India"}],"location":{"name":"Islamabad","country":"PAK"},"evidence":[{"article":"a,1","sentence":0,"start":0,"end":9,"text":"He said \"no\", then\nleft.\r"}],"confidence":0.9})"),
      fact(R"({"id":"event:m1","type":"meeting","cameo":"040","date":"2025-03-04","participants":[{"id":"country:PAK"},{"id":"country:CHN","name":"China"},{"id":"country:RUS","name":"Russia"}],"confidence":0.5})"),
      fact(R"({"id":"event:v1","type":"visit","cameo":"042","date":"2024","source":[{"id":"person:dar","kind":"person","name":"Ishaq Dar","country":"PAK"}],"target":[{"id":"country:RUS"}],"confidence":0.7})"),
      fact(R"({"id":"event:s1","type":"statement","cameo":"010","date":"2025-01-01","source":[{"id":"country:NOR","name":"Norway"}]})"),
  };
  return KnowledgeGraph::build(facts);
}

}  // namespace

TEST_CASE("export: csv_field quotes commas, quotes, newlines, edge spaces") {
  struct Row {
    std::string in, out;
  } rows[] = {{"plain", "plain"},         {"", ""},
              {"a,b", "\"a,b\""},         {"say \"hi\"", "\"say \"\"hi\"\"\""},
              {"two\nlines", "\"two\nlines\""}, {"cr\r", "\"cr\r\""},
              {" padded", "\" padded\""},  {"Côte d'Ivoire", "Côte d'Ivoire"}};
  for (const Row& r : rows) {
    CAPTURE(r.in);
    CHECK(csv_field(r.in) == r.out);
  }
  CHECK(csv_field("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("export: the format comes from --format or the file name, never silently GraphML") {
  CHECK(format_of_path("x.gexf") == ExportFormat::gexf);
  CHECK(format_of_path("dir/x.CSV") == ExportFormat::csv);
  CHECK(format_of_path("x.graphml") == ExportFormat::graphml);
  CHECK(format_of_path("x.gv") == ExportFormat::dot);
  CHECK(format_of_path("x.json") == ExportFormat::json);
  CHECK_FALSE(format_of_path("x.txt"));
  CHECK_FALSE(format_of_path("noext"));
  CHECK_FALSE(format_of_path(".gexf"));
  CHECK(parse_export_format("neo4j") == ExportFormat::neo4j);
  CHECK_FALSE(parse_export_format("xlsx"));
  CHECK(std::string(export_format_list()).find("gexf") != std::string::npos);
}

TEST_CASE("export: CSV event table, one row per event and country pair, parsed back") {
  KnowledgeGraph g = sample();
  std::ostringstream os;
  ExportCounts n = write_csv_events(g, os);
  auto rows = records(os.str());
  CHECK(os.str().find("\r\n") != std::string::npos);
  CHECK(n.nodes == 4);
  // c1: 1 row; m1: 3 unordered pairs; v1: PAK (through Dar) -> RUS; s1: Norway alone.
  CHECK(rows.size() == 6);
  CHECK(n.edges == rows.size());
  std::map<std::string, int> per_event;
  for (auto& r : rows) ++per_event[r["event_id"]];
  CHECK(per_event["event:c1"] == 1);
  CHECK(per_event["event:m1"] == 3);
  auto& c1 = rows[0];
  CHECK(c1["source_iso3"] == "PAK");
  CHECK(c1["target_iso3"] == "IND");
  CHECK(c1["target_name"] == "India");
  CHECK(c1["directed"] == "1");
  CHECK(c1["cameo"] == "111");
  CHECK(c1["root"] == "11");
  CHECK(c1["quad_class"] == "3");
  CHECK(c1["plover"] == "ACCUSE");
  CHECK(c1["start"] == "2025-02-01");
  CHECK(c1["end"] == "2025-02-28");
  CHECK(c1["location"] == "Islamabad");
  CHECK(c1["location_iso3"] == "PAK");
  CHECK(c1["confidence"] == "0.9");
  CHECK(c1["article"] == "a,1");
  CHECK(c1["sentence"] == "He said \"no\", then\nleft.\r");
  for (auto& r : rows)
    if (r["event_id"] == "event:v1") {
      CHECK(r["source_iso3"] == "PAK");
      CHECK(r["source_actors"] == "Ishaq Dar");
      CHECK(r["target_iso3"] == "RUS");
      CHECK(r["plover"] == "CONSULT");
      CHECK(r["plover_mode"] == "visit");
    } else if (r["event_id"] == "event:s1") {
      CHECK(r["source_iso3"] == "NOR");
      CHECK(r["target_iso3"].empty());
      CHECK(r["plover"].empty());  // CAMEO 01 has no PLOVER category
    } else if (r["event_id"] == "event:m1") {
      CHECK(r["directed"] == "0");
    }
  CHECK(parse_csv(os.str())[0].size() == csv_event_columns().size());
}

TEST_CASE("export: the country network counts ties as `ties` and `neighbors` do") {
  KnowledgeGraph g = sample();
  CountryView view(g);
  auto ref = newest_event_day(g);
  auto strengths = tie_strengths(view, ref);
  CountryCodeTable codes = {{"PAK", {"PK", 770}}, {"RUS", {"RU", 365}}};
  std::ostringstream os;
  ExportCounts n = write_country_network(ExportFormat::csv, view, strengths, codes, os);
  auto rows = records(os.str());
  CHECK(n.edges == rows.size());
  CHECK(rows.size() == 4);  // PAK-IND, PAK-CHN, PAK-RUS, CHN-RUS
  VertexId pak = g.find("country:PAK");
  NeighborOptions nopt;
  nopt.reference_day = ref;
  auto partners = find_neighbors(g, pak, nopt);
  for (auto& r : rows) {
    CAPTURE(r["source_id"]);
    CAPTURE(r["target_id"]);
    VertexId a = g.find(r["source_id"]), b = g.find(r["target_id"]);
    Ties t = find_ties(g, a, b);
    CHECK(r["facts"] == std::to_string(t.summary.count));
    CHECK(r["cooperative"] == std::to_string(t.summary.cooperative()));
    CHECK(r["conflictual"] == std::to_string(t.summary.conflictual()));
    CHECK(r["source_to_target"] == std::to_string(t.summary.a_to_b));
    CHECK(r["target_to_source"] == std::to_string(t.summary.b_to_a));
    CHECK(r["first_date"] == std::string(g.str(t.summary.first_date)));
    CHECK(r["last_date"] == std::string(g.str(t.summary.last_date)));
    if (a == pak || b == pak) {
      VertexId other = a == pak ? b : a;
      auto it = std::find_if(partners.begin(), partners.end(),
                             [&](const Neighbor& x) { return x.country == other; });
      REQUIRE(it != partners.end());
      CHECK(std::stod(r["weight"]) == doctest::Approx(it->strength));
      CHECK(r["facts"] == std::to_string(it->tone.count));
    }
  }
  auto& pak_rus = *std::find_if(rows.begin(), rows.end(), [](auto& r) {
    return r["source_iso3"] == "PAK" && r["target_iso3"] == "RUS";
  });
  CHECK(pak_rus["facts"] == "2");
  CHECK(pak_rus["source_iso2"] == "PK");
  CHECK(pak_rus["source_cow"] == "770");
  CHECK(pak_rus["target_cow"] == "365");
  CHECK(pak_rus["source_to_target"] == "1");  // Dar's visit
  CHECK(pak_rus["start"] == "2024-01-01");
  CHECK(pak_rus["end"] == "2025-03-04");
  auto& pak_ind = *std::find_if(rows.begin(), rows.end(),
                                [](auto& r) { return r["target_iso3"] == "IND" || r["source_iso3"] == "IND"; });
  CHECK(pak_ind["source_cow"].size() + pak_ind["target_cow"].size() == 3);  // India has no code here

  CHECK_THROWS_WITH(write_country_network(ExportFormat::neo4j, view, strengths, codes, os),
                    doctest::Contains("graphml, json, csv or gexf"));
}

TEST_CASE("export: GEXF carries spells from the facts' dates, merged per entity") {
  KnowledgeGraph g = sample();
  std::ostringstream os;
  write_gexf(g, os);
  std::string x = os.str();
  CHECK(x.find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(x.find("version=\"1.3\"") != std::string::npos);
  CHECK(x.find("mode=\"dynamic\" timeformat=\"date\"") != std::string::npos);
  CHECK(x.find("<attribute id=\"goldstein\" title=\"goldstein\" type=\"double\"/>") !=
        std::string::npos);
  // The criticism: its month; Russia: 2024 (the visit) and 2025-03-04 (the meeting).
  CHECK(x.find("<spell start=\"2025-02-01\" end=\"2025-02-28\"/>") != std::string::npos);
  auto rus = x.find("<node id=\"country:RUS\"");
  REQUIRE(rus != std::string::npos);
  std::string rus_node = x.substr(rus, x.find("</node>", rus) - rus);
  CHECK(rus_node.find("<spell start=\"2024-01-01\" end=\"2024-12-31\"/><spell start=\"2025-03-04\" "
                      "end=\"2025-03-04\"/>") != std::string::npos);
  ExportOptions old;
  old.gexf_version = "1.2draft";
  std::ostringstream os2;
  write_gexf(g, os2, old);
  CHECK(os2.str().find("xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  old.gexf_version = "2.0";
  std::ostringstream os3;
  CHECK_THROWS_WITH(write_gexf(g, os3, old), doctest::Contains("1.3 or 1.2draft"));
}

TEST_CASE("export: GraphML events carry day-precision start and end and PLOVER") {
  KnowledgeGraph g = sample();
  std::ostringstream os;
  write_graphml(g, os);
  std::string x = os.str();
  CHECK(x.find("attr.name=\"start\" attr.type=\"string\"") != std::string::npos);
  CHECK(x.find("<data key=\"n_date\">2024</data><data key=\"n_start\">2024-01-01</data><data "
               "key=\"n_end\">2024-12-31</data>") != std::string::npos);
  CHECK(x.find("<data key=\"n_plover\">CONSULT</data><data key=\"n_plover_mode\">visit</data>") !=
        std::string::npos);
}

TEST_CASE("export: Neo4j files follow the import tool's header rules") {
  KnowledgeGraph g = sample();
  fs::path dir = fs::temp_directory_path() / fmt::format("dipgraph-neo4j-{}", ::getpid());
  fs::remove_all(dir);
  ExportCounts n = write_neo4j(g, dir.string());
  auto read = [&](const std::string& name) {
    std::ifstream f(dir / name, std::ios::binary);
    REQUIRE_MESSAGE(f, name);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  std::set<std::string> ids;
  std::size_t nodes = 0, rels = 0;
  for (std::string kind : {"country", "person", "organization", "place", "event"}) {
    auto rows = parse_csv(read("nodes_" + kind + ".csv"));
    CAPTURE(kind);
    REQUIRE(!rows.empty());
    CHECK(rows[0].front() == "id:ID");
    CHECK(rows[0].back() == ":LABEL");
    for (std::size_t r = 1; r < rows.size(); ++r) {
      CHECK(rows[r].size() == rows[0].size());
      CHECK(ids.insert(rows[r][0]).second);  // unique ids across files
      CHECK(rows[r].back().find(";Vertex") != std::string::npos);
      ++nodes;
    }
    if (kind == "event") {
      std::set<std::string> header(rows[0].begin(), rows[0].end());
      CHECK(header.count("quad_class:int"));
      CHECK(header.count("goldstein:float"));
      CHECK(header.count("start:date"));
    }
  }
  for (std::string kind : {"participant", "source", "target", "located_in", "in", "represents",
                           "member_of", "about"}) {
    auto rows = parse_csv(read("rels_" + kind + ".csv"));
    REQUIRE(!rows.empty());
    CHECK(rows[0] == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE"});
    for (std::size_t r = 1; r < rows.size(); ++r) {
      CHECK(ids.count(rows[r][0]));
      CHECK(ids.count(rows[r][1]));
      ++rels;
    }
  }
  CHECK(nodes == n.nodes);
  CHECK(rels == n.edges);
  CHECK(read("nodes_event.csv").find('\n') == read("nodes_event.csv").find("\n"));
  CHECK(read("nodes_event.csv").find("then left.") != std::string::npos);  // no multiline fields
  CHECK(read("load.cypher").find("LOAD CSV WITH HEADERS FROM 'file:///rels_source.csv'") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("plover: categories and modes by the longest listed prefix") {
  struct Row {
    const char* cameo;
    const char* event;
    const char* mode;
  } rows[] = {{"042", "CONSULT", "visit"},  {"043", "CONSULT", "host"},
              {"040", "CONSULT", ""},       {"0234", "REQUEST", ""},
              {"163", "SANCTION", "restrict"}, {"1712", "ASSAULT", "destroy"},
              {"1711", "COERCE", "confiscate"}, {"057", "AGREE", ""}, {"051", "SUPPORT", ""},
              {"0841", "RETREAT", "release"}, {"190", "ASSAULT", ""},
              {"03", "AGREE", ""},           {"010", "", ""}};
  for (const Row& r : rows) {
    CAPTURE(r.cameo);
    const PloverCode* p = find_plover(r.cameo);
    REQUIRE(p != nullptr);
    CHECK(p->event == r.event);
    CHECK(p->mode == r.mode);
  }
  CHECK(find_plover("") == nullptr);
  CHECK(find_plover("9") == nullptr);
  CHECK(find_plover("04a") == nullptr);
  // Every CAMEO code of the codebook maps (01 to the empty category).
  for (const CameoCode& c : cameo_codes()) {
    CAPTURE(c.code);
    CHECK(find_plover(c.code) != nullptr);
  }
}

TEST_CASE("plover: a malformed table is refused with its place") {
  fs::path p = fs::temp_directory_path() / fmt::format("dipgraph-plover-{}.tsv", ::getpid());
  auto write = [&](const std::string& text) { std::ofstream(p, std::ios::binary) << text; };
  write("cameo\tplover\tmode\n04\tCONSULT\t\n04\tCONSULT\tvisit\n");
  CHECK_THROWS_WITH(load_plover_table(p.string()), doctest::Contains("listed twice"));
  write("# c\ncode\tplover\n");
  CHECK_THROWS_WITH(load_plover_table(p.string()), doctest::Contains(":2: expected the header"));
  write("cameo\tplover\tmode\n4x\tCONSULT\t\n");
  CHECK_THROWS_WITH(load_plover_table(p.string()), doctest::Contains(":2: \"4x\" is not"));
  write("cameo\tplover\tmode\n0\tCONSULT\t\n");
  CHECK_THROWS(load_plover_table(p.string()));
  fs::remove(p);
  CHECK_THROWS_WITH(load_plover_table(p.string()), doctest::Contains("cannot read"));
}

TEST_CASE("plover: facts carry plover beside cameo; facts without it still read") {
  Fact f = fact(R"({"type":"visit","cameo":"042","participants":[{"id":"country:PAK"},{"id":"country:RUS"}]})");
  std::string line;
  write_fact(f, line);
  CHECK(line.find("\"cameo\":\"042\"") != std::string::npos);
  CHECK(line.find("\"plover\":\"CONSULT\",\"plover_mode\":\"visit\"") != std::string::npos);
  Fact back;
  std::string err;
  CHECK(parse_fact(line, back, err));
  CHECK(back.cameo == "042");
}

TEST_CASE("country codes: well-known Correlates of War state numbers") {
  CountryCodeTable t = load_country_codes(std::string(DIPGRAPH_DATA_DIR) + "/country_codes.tsv");
  // From the COW state system list (StateAbb CCode): USA 2, CAN 20, BRA 140,
  // UKG 200, FRN 220, GMY 255, GFR 260, GDR 265, CZE 315, CZR 316, YUG 345,
  // RUS 365, EGY 651, ISR 666, YEM 679, YPR 680, CHN 710, TAW 713, PRK 731,
  // ROK 732, JPN 740, IND 750, PAK 770, BNG 771, DRV 816, RVN 817, AUL 900.
  // West Germany is DEU (ISO 3166 kept the code), so GFR 260 has no row of its own.
  const std::pair<const char*, int> known[] = {
      {"USA", 2},   {"CAN", 20},  {"BRA", 140}, {"GBR", 200}, {"FRA", 220}, {"DEU", 255},
      {"DDR", 265}, {"CSK", 315}, {"CZE", 316}, {"YUG", 345}, {"SRB", 345},
      {"RUS", 365}, {"SUN", 365}, {"EGY", 651}, {"ISR", 666}, {"YEM", 679}, {"YMD", 680},
      {"CHN", 710}, {"TWN", 713}, {"PRK", 731}, {"KOR", 732}, {"JPN", 740}, {"IND", 750},
      {"PAK", 770}, {"BGD", 771}, {"VNM", 816}, {"XSV", 817}, {"AUS", 900}, {"XKX", 347}};
  for (const auto& row : known) {
    const std::string code = row.first;  // a plain variable: CAPTURE takes it into a lambda
    CAPTURE(code);
    REQUIRE(t.count(code));
    CHECK(t.at(code).cow == row.second);
  }
  // Outside the COW state system: no number.
  for (const char* code : {"PSE", "VAT", "ESH", "HKG", "PRI", "XSL"}) {
    CAPTURE(code);
    CHECK(t.at(code).cow == 0);
  }
}

TEST_CASE("country codes: the data table loads and has ISO alpha-2 and COW codes") {
  CountryCodeTable t = load_country_codes(std::string(DIPGRAPH_DATA_DIR) + "/country_codes.tsv");
  CHECK(t.at("PAK").iso2 == "PK");
  CHECK(t.at("PAK").cow == 770);
  CHECK(t.at("USA").cow == 2);
  CHECK(t.at("DEU").cow == 255);
  CHECK(t.at("SUN").iso2.empty());
  CHECK(t.at("HKG").cow == 0);
  // Every country of countries.tsv has a row.
  std::ifstream in(std::string(DIPGRAPH_DATA_DIR) + "/countries.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("code\t", 0) == 0) continue;
    std::string code = line.substr(0, line.find('\t'));
    CAPTURE(code);
    CHECK(t.count(code));
  }
}
