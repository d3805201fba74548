// export/render: the country picture (pruning to top countries and ties,
// widths, tone colours, labels, legend), the ego picture (events with type
// and date, pruning), engine choice, output formats, and render_file
// through Graphviz: the SVG names the countries; failures leave an existing
// file untouched. No layout pixels are checked.
#include "export/render.hpp"

#include <doctest/doctest.h>
#include <fmt/core.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/neighbors.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

// n meetings (cameo 043) or threats (130) between two countries.
void add(std::vector<Fact>& facts, const std::string& a, const std::string& b, int n,
         const std::string& cameo = "043") {
  for (int i = 0; i < n; ++i)
    facts.push_back(fact(fmt::format(
        R"({{"id":"event:{}-{}-{}-{}","type":"{}","cameo":"{}","date":"2025-0{}","participants":[{{"id":"country:{}","name":"{} land"}},{{"id":"country:{}","name":"{} land"}}]}})",
        a, b, cameo, i, cameo == "043" ? "meeting" : "threat", cameo, 1 + i % 9, a, a, b, b)));
}

// AAA is a hub with ties of 5, 4, 3, 2, 1 facts to BBB..FFF; BBB-CCC 1 threat.
KnowledgeGraph hub() {
  std::vector<Fact> facts;
  add(facts, "AAA", "BBB", 5);
  add(facts, "AAA", "CCC", 4);
  add(facts, "AAA", "DDD", 3);
  add(facts, "AAA", "EEE", 2);
  add(facts, "AAA", "FFF", 1);
  add(facts, "BBB", "CCC", 1, "130");
  return KnowledgeGraph::build(facts);
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

bool have_dot() {
  for (const char* dir : {"/usr/bin/dot", "/usr/local/bin/dot"})
    if (fs::exists(dir)) return true;
  return false;
}

}  // namespace

TEST_CASE("render: country picture prunes to top countries and ties") {
  KnowledgeGraph g = hub();
  CountryView view(g);
  auto strengths = tie_strengths(view, std::nullopt);
  struct Row {
    std::size_t top, per_country;
    std::size_t nodes, edges;
  };
  for (const Row& row : std::vector<Row>{
           {0, 0, 6, 6},  // everything
           {0, 1, 6, 5},  // each country's strongest tie: the 5 spokes
           {0, 3, 6, 6},  // BBB and CCC have fewer than 3 ties: their tie is kept too
           {3, 0, 3, 3},  // AAA, BBB, CCC by total strength, and their 3 ties
           {3, 1, 3, 2},
       }) {
    CAPTURE(row.top);
    CAPTURE(row.per_country);
    CountryPictureOptions opt;
    opt.top_countries = row.top;
    opt.ties_per_country = row.per_country;
    DotPicture p = country_picture(view, strengths, opt);
    CHECK(p.nodes == row.nodes);
    CHECK(p.edges == row.edges);
    CHECK(p.total_nodes == 6);
    CHECK(p.total_edges == 6);
    CHECK(count(p.dot, " -- ") == row.edges);
    CHECK(p.engine == "neato");
  }
}

TEST_CASE("render: country picture styling, labels and legend") {
  KnowledgeGraph g = hub();
  CountryView view(g);
  auto strengths = tie_strengths(view, std::nullopt);
  CountryPictureOptions opt;
  opt.ties_per_country = 0;
  opt.title = "A \"quoted\" title";
  DotPicture p = country_picture(view, strengths, opt);
  CHECK(p.dot.rfind("graph \"dipgraph\" {", 0) == 0);
  CHECK(p.dot.find("\"country:AAA\" [label=\"AAA land\"") != std::string::npos);
  // The strongest tie is the widest (0.8 + 5.2), labelled with its count.
  CHECK(p.dot.find("\"country:AAA\" -- \"country:BBB\" [penwidth=6.00") != std::string::npos);
  CHECK(p.dot.find("label=\"5\"") != std::string::npos);
  // Tone: the meetings (043, Goldstein +2.8) are green-amber; the threat red-amber.
  auto colour_of = [&](const std::string& edge) {
    auto at = p.dot.find(edge);
    REQUIRE(at != std::string::npos);
    auto c = p.dot.find("color=\"#", at);
    return p.dot.substr(c + 7, 7);
  };
  std::string meet = colour_of("\"country:AAA\" -- \"country:BBB\"");
  std::string threat = colour_of("\"country:BBB\" -- \"country:CCC\"");
  CHECK(meet != threat);
  CHECK(std::stoi(meet.substr(3, 2), nullptr, 16) >
        std::stoi(meet.substr(1, 2), nullptr, 16));  // more green than red
  CHECK(std::stoi(threat.substr(1, 2), nullptr, 16) >
        std::stoi(threat.substr(3, 2), nullptr, 16));  // more red than green
  CHECK(p.dot.find("legend [shape=plaintext") != std::string::npos);
  CHECK(p.dot.find("label=\"A \\\"quoted\\\" title\"") != std::string::npos);

  opt.edge_labels = false;
  DotPicture bare = country_picture(view, strengths, opt);
  CHECK(bare.dot.find("label=\"5\"") == std::string::npos);
  CHECK(bare.dot.find("number of facts") == std::string::npos);

  CHECK_THROWS_WITH(country_picture(view, {1.0}, opt), doctest::Contains("1 strengths for 6 ties"));
}

TEST_CASE("render: ego picture labels events by sides, type and date, collapses repeats") {
  KnowledgeGraph g = hub();
  EgoPictureOptions opt;
  opt.center = g.find("country:BBB");
  opt.depth = 1;
  opt.top_events = 0;
  opt.collapse = false;
  DotPicture all = ego_picture(g, opt);
  // BBB's 6 events, BBB, and the parties AAA and CCC.
  CHECK(all.nodes == 9);
  CHECK(all.dot.rfind("digraph \"dipgraph\" {", 0) == 0);
  CHECK(all.dot.find("label=\"AAA \u2013 BBB \u00b7 meeting \u00b7 2025-01\"") != std::string::npos);
  CHECK(all.dot.find("label=\"BBB \u2013 CCC \u00b7 threat \u00b7 2025-01\"") != std::string::npos);
  // Party edges carry no label: the arrow (or its absence) says the role.
  CHECK(all.dot.find("label=\"participant\"") == std::string::npos);
  CHECK(all.dot.find("dir=none") != std::string::npos);
  CHECK(all.dot.find("penwidth=3") != std::string::npos);  // the center
  // Collapsed: the five AAA-BBB meetings are one node with a count and a date range.
  opt.collapse = true;
  DotPicture grouped = ego_picture(g, opt);
  CHECK(grouped.nodes == 5);
  CHECK(grouped.dot.find("AAA \u2013 BBB \u00b7 meeting \u00d75 \u00b7 2025-01 .. 2025-05") !=
        std::string::npos);
  CHECK(count(grouped.dot, "shape=box, style=\"rounded,filled\"") == 2);
  opt.top_events = 2;
  opt.collapse = false;
  DotPicture two = ego_picture(g, opt);
  CHECK(count(two.dot, "shape=box, style=\"rounded,filled\"") == 2);
  opt.depth = 0;
  CHECK_THROWS_WITH(ego_picture(g, opt), doctest::Contains("--depth"));
}

TEST_CASE("render: ego picture draws source -> event -> target, places only when asked") {
  std::vector<Fact> facts = {fact(
      R"({"id":"event:x1","type":"fight","cameo":"190","date":"1987-10-19","source":[{"id":"country:USA","name":"United States"}],"target":[{"id":"country:IRN","name":"Iran"}],"location":{"name":"Persian Gulf","country":"IRN"}})")};
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  EgoPictureOptions opt;
  opt.center = g.find("country:USA");
  opt.depth = 2;
  DotPicture p = ego_picture(g, opt);
  CHECK(p.dot.find("USA \u2192 IRN \u00b7 fight \u00b7 1987-10-19") != std::string::npos);
  CHECK(p.dot.find("\"country:USA\" -> \"event:x1\"") != std::string::npos);
  CHECK(p.dot.find("\"event:x1\" -> \"country:IRN\"") != std::string::npos);
  CHECK(p.dot.find("Persian Gulf") == std::string::npos);
  opt.places = true;
  DotPicture with = ego_picture(g, opt);
  CHECK(with.dot.find("Persian Gulf") != std::string::npos);
}

TEST_CASE("render: engines and formats") {
  CHECK(choose_engine("auto", 10, true) == "dot");
  CHECK(choose_engine("auto", kDotMaxNodes, true) == "dot");
  CHECK(choose_engine("auto", kDotMaxNodes + 1, true) == "sfdp");
  CHECK(choose_engine("auto", kNeatoMaxNodes, false) == "neato");
  CHECK(choose_engine("auto", kNeatoMaxNodes + 1, false) == "sfdp");
  CHECK(choose_engine("neato", 5000, true) == "neato");
  CHECK(choose_engine("dot", 10, false) == "dot");
  CHECK_THROWS_WITH(choose_engine("circo", 3, true), doctest::Contains("--engine \"circo\""));
  struct Row {
    std::string path, format;
  };
  for (const Row& row : std::vector<Row>{{"a.svg", "svg"},
                                         {"x/b.PNG", "png"},
                                         {"c.pdf", "pdf"},
                                         {"d.dot", "dot"},
                                         {"e.gv", "dot"}}) {
    CAPTURE(row.path);
    CHECK(output_format(row.path) == row.format);
  }
  CHECK_THROWS_WITH(output_format("pic.jpeg"),
                    doctest::Contains("pic.jpeg: unknown picture format"));
}

TEST_CASE("render: render_file writes the SVG, and failures keep the old file") {
  if (!have_dot()) {
    MESSAGE("Graphviz dot not installed: skipped");
    return;
  }
  KnowledgeGraph g = hub();
  CountryView view(g);
  DotPicture p = country_picture(view, tie_strengths(view, std::nullopt));
  fs::path dir = fs::temp_directory_path() / fmt::format("dipgraph_render_{}", ::getpid());
  fs::create_directories(dir);
  fs::path svg = dir / "view.svg";
  render_file(p, svg.string());
  std::string text = slurp(svg);
  CHECK(text.find("<svg") != std::string::npos);
  for (const char* name : {"AAA land", "BBB land", "FFF land"}) {
    CAPTURE(name);
    CHECK(text.find(name) != std::string::npos);
  }
  render_file(p, (dir / "view.dot").string());
  CHECK(slurp(dir / "view.dot") == p.dot);

  // Broken DOT: Graphviz fails, its message is in the error, the SVG stays.
  DotPicture broken = p;
  broken.dot = "graph { a -- ; }";
  CHECK_THROWS_WITH(render_file(broken, svg.string()), doctest::Contains("syntax error"));
  CHECK(slurp(svg) == text);
  DotPicture missing = p;
  missing.engine = "no-such-graphviz-engine";
  CHECK_THROWS_WITH(render_file(missing, svg.string()), doctest::Contains("cannot run Graphviz"));
  CHECK(slurp(svg) == text);
  // No temporary files are left behind.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 2);
  fs::remove_all(dir);
}

TEST_CASE("render: changes picture colours ties by their shift") {
  KnowledgeGraph g = hub();
  VertexId a = g.find("country:AAA"), b = g.find("country:BBB"), c = g.find("country:CCC"),
           d = g.find("country:DDD");
  std::vector<TieShift> shifts = {
      {a, b, TieShift::warmed, 2, 3, 0.0, 3.0, 3.0},
      {b, c, TieShift::cooled, 1, 1, 2.0, -4.0, -6.0},
      {a, d, TieShift::appeared, 0, 4, 0.0, 2.8, 0.0},
      {c, d, TieShift::vanished, 2, 0, 1.0, 0.0, 0.0}};
  ChangesPictureOptions opt;
  opt.title = "changes";
  DotPicture p = changes_picture(g, shifts, opt);
  CHECK(p.nodes == 4);
  CHECK(p.edges == 4);
  CHECK(p.engine == "neato");
  CHECK(p.dot.find("label=\"+3.0\"") != std::string::npos);
  CHECK(p.dot.find("label=\"-6.0\"") != std::string::npos);
  CHECK(p.dot.find("label=\"new 4\"") != std::string::npos);
  CHECK(p.dot.find("label=\"gone 2\"") != std::string::npos);
  CHECK(p.dot.find("style=dashed") != std::string::npos);
  // Warmed is green, cooled red (full scale at a shift of 2.5).
  CHECK(p.dot.find("color=\"#2e8b57\"") != std::string::npos);
  CHECK(p.dot.find("color=\"#c0392b\"") != std::string::npos);
}
