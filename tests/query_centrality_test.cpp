// queries/centrality: degree, PageRank and betweenness over the country view
// on graphs with known answers (a star, a path), ties counted once.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/centrality.hpp"

using namespace dipgraph;

namespace {

// One meeting per pair "AAA-BBB"; a pair may repeat.
KnowledgeGraph build(const std::vector<std::string>& pairs) {
  std::vector<Fact> facts;
  int n = 0;
  for (const std::string& p : pairs) {
    Fact f;
    std::string err;
    REQUIRE(parse_fact(fmt::format(R"({{"id":"event:{}","type":"meeting","cameo":"043","participants":[{{"id":"country:{}"}},{{"id":"country:{}"}}]}})",
                                   n++, p.substr(0, 3), p.substr(4, 3)),
                       f, err));
    facts.push_back(f);
  }
  return KnowledgeGraph::build(facts);
}

std::map<std::string, double> scores(const KnowledgeGraph& g, const std::vector<CentralityScore>& r) {
  std::map<std::string, double> out;
  for (const auto& s : r) out[std::string(g.str(g.vertex(s.country).country))] = s.score;
  return out;
}

}  // namespace

TEST_CASE("centrality: a star's center ranks first by every measure") {
  // Repeated ties (CCC-LLA twice) count once.
  KnowledgeGraph g = build({"CCC-LLA", "CCC-LLA", "CCC-LLB", "CCC-LLC", "CCC-LLD"});
  CountryView view(g);
  for (Centrality by : {Centrality::degree, Centrality::pagerank, Centrality::betweenness}) {
    CAPTURE(to_string(by));
    auto r = rank_countries(view, by);
    REQUIRE(r.size() == 5);
    CHECK(g.id(r[0].country) == "country:CCC");
    CHECK(r[0].degree == 4);
    CHECK(r[0].events == 5);
    // Leaves tie on score; LLA has more events, then vertex order.
    CHECK(g.id(r[1].country) == "country:LLA");
  }
  auto deg = scores(g, rank_countries(view, Centrality::degree));
  CHECK(deg["CCC"] == 4);
  CHECK(deg["LLB"] == 1);
  auto bc = scores(g, rank_countries(view, Centrality::betweenness));
  CHECK(bc["CCC"] == doctest::Approx(6));  // the C(4,2) leaf pairs
  CHECK(bc["LLA"] == doctest::Approx(0));
  // PageRank (d = 0.85) of a star with 4 leaves, solved by hand:
  // c = 0.03 + 3.4 l, l = 0.03 + 0.2125 c.
  auto pr = scores(g, rank_countries(view, Centrality::pagerank));
  CHECK(pr["CCC"] == doctest::Approx(0.132 / 0.2775).epsilon(1e-6));
  CHECK(pr["LLD"] == doctest::Approx(0.03 + 0.2125 * 0.132 / 0.2775).epsilon(1e-6));
  double sum = 0;
  for (auto& [c, x] : pr) sum += x;
  CHECK(sum == doctest::Approx(1.0));
}

TEST_CASE("centrality: betweenness on a path and two parts") {
  // AAA - BBB - CCC - DDD, and EEE - FFF apart.
  KnowledgeGraph g = build({"AAA-BBB", "BBB-CCC", "CCC-DDD", "EEE-FFF"});
  CountryView view(g);
  auto bc = scores(g, rank_countries(view, Centrality::betweenness));
  CHECK(bc == std::map<std::string, double>{
                  {"AAA", 0}, {"BBB", 2}, {"CCC", 2}, {"DDD", 0}, {"EEE", 0}, {"FFF", 0}});
  auto pr = scores(g, rank_countries(view, Centrality::pagerank));
  CHECK(pr["BBB"] == doctest::Approx(pr["CCC"]));
  CHECK(pr["AAA"] < pr["BBB"]);
  CHECK(pr["EEE"] == doctest::Approx(pr["FFF"]));
}

TEST_CASE("centrality: names and an empty view") {
  for (Centrality c : {Centrality::degree, Centrality::pagerank, Centrality::betweenness})
    CHECK(parse_centrality(to_string(c)) == c);
  CHECK_FALSE(parse_centrality("closeness"));
  KnowledgeGraph g = build({});
  CountryView view(g);
  CHECK(rank_countries(view, Centrality::pagerank).empty());
}

TEST_CASE("centrality: straight from the graph equals the country view's ranking") {
  for (const auto& pairs : std::vector<std::vector<std::string>>{
           {"CCC-LLA", "CCC-LLA", "CCC-LLB", "CCC-LLC", "CCC-LLD"},
           {"AAA-BBB", "BBB-CCC", "CCC-DDD", "EEE-FFF", "DDD-AAA", "FFF-BBB"},
           {}}) {
    KnowledgeGraph g = build(pairs);
    CountryView view(g);
    for (Centrality by : {Centrality::degree, Centrality::pagerank, Centrality::betweenness}) {
      CAPTURE(to_string(by));
      auto a = rank_countries(view, by), b = rank_countries(g, by);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CAPTURE(i);
        CHECK(a[i].country == b[i].country);
        CHECK(a[i].score == doctest::Approx(b[i].score));
        CHECK(a[i].degree == b[i].degree);
        CHECK(a[i].events == b[i].events);
      }
    }
  }
}
