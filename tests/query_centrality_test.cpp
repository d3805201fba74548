// queries/centrality: degree, PageRank, betweenness and eigenvector
// centrality over the country view, unweighted and weighted by tie strength,
// on graphs with known answers (a star, a path, a weighted triangle), ties
// counted once.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <cmath>
#include <map>
#include <tuple>
#include <numeric>
#include <string>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/centrality.hpp"

using namespace dipgraph;

namespace {

// One undated meeting per pair "AAA-BBB" (a pair may repeat), of
// confidence confidences[i] (default 1): undated, so a tie's weight is the
// sum of its facts' confidences.
KnowledgeGraph build(const std::vector<std::string>& pairs,
                     const std::vector<double>& confidences = {}) {
  std::vector<Fact> facts;
  int n = 0;
  for (const std::string& p : pairs) {
    Fact f;
    std::string err;
    double confidence = confidences.empty() ? 1.0 : confidences.at(facts.size());
    REQUIRE(parse_fact(
        fmt::format(
            R"({{"id":"event:{}","type":"meeting","cameo":"043","confidence":{},"participants":[{{"id":"country:{}"}},{{"id":"country:{}"}}]}})",
            n++, confidence, p.substr(0, 3), p.substr(4, 3)),
        f, err));
    facts.push_back(f);
  }
  return KnowledgeGraph::build(facts);
}

std::map<std::string, double> measure(const KnowledgeGraph& g,
                                      const std::vector<CentralityScore>& r, Centrality c,
                                      bool weighted) {
  std::map<std::string, double> out;
  for (const auto& s : r)
    out[std::string(g.str(g.vertex(s.country).country))] = s.measure(c, weighted);
  return out;
}

std::map<std::string, double> scores(const KnowledgeGraph& g,
                                     const std::vector<CentralityScore>& r) {
  std::map<std::string, double> out;
  for (const auto& s : r) out[std::string(g.str(g.vertex(s.country).country))] = s.score;
  return out;
}

}  // namespace

TEST_CASE("centrality: a star's center ranks first by every measure") {
  // Repeated ties (CCC-LLA twice) count once.
  KnowledgeGraph g = build({"CCC-LLA", "CCC-LLA", "CCC-LLB", "CCC-LLC", "CCC-LLD"});
  CountryView view(g);
  for (Centrality by : {Centrality::degree, Centrality::pagerank, Centrality::betweenness,
                        Centrality::eigenvector}) {
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
  // Eigenvector of a star with k = 4 leaves: eigenvalue 2, center 1/√2,
  // each leaf 1/(2√2).
  auto ev = scores(g, rank_countries(view, Centrality::eigenvector));
  CHECK(ev["CCC"] == doctest::Approx(1 / std::sqrt(2.0)).epsilon(1e-9));
  CHECK(ev["LLA"] == doctest::Approx(1 / (2 * std::sqrt(2.0))).epsilon(1e-9));
}

TEST_CASE("centrality: weighted measures take the tie strength; lengths are 1 / weight") {
  // A triangle AAA-BBB (weight 1), BBB-CCC (0.5 + 0.5: two facts), AAA-CCC
  // (0.25). Unweighted, nobody lies between two others; weighted, AAA..CCC
  // runs through BBB (length 1 + 1 < 4).
  KnowledgeGraph g = build({"AAA-BBB", "BBB-CCC", "BBB-CCC", "AAA-CCC"}, {1, 0.5, 0.5, 0.25});
  CountryView view(g);
  auto r = rank_countries(view, RankOptions{});
  auto bc = measure(g, r, Centrality::betweenness, false);
  auto bcw = measure(g, r, Centrality::betweenness, true);
  CHECK(bc == std::map<std::string, double>{{"AAA", 0}, {"BBB", 0}, {"CCC", 0}});
  CHECK(bcw == std::map<std::string, double>{{"AAA", 0}, {"BBB", 1}, {"CCC", 0}});
  auto strength = measure(g, r, Centrality::degree, true);
  CHECK(strength["AAA"] == doctest::Approx(1.25));
  CHECK(strength["BBB"] == doctest::Approx(2.0));
  CHECK(strength["CCC"] == doctest::Approx(1.25));
  CHECK(measure(g, r, Centrality::degree, false)["BBB"] == 2);
  // Weighted PageRank: symmetric ends, BBB first, summing to 1.
  auto prw = measure(g, r, Centrality::pagerank, true);
  CHECK(prw["AAA"] == doctest::Approx(prw["CCC"]));
  CHECK(prw["BBB"] > prw["AAA"]);
  CHECK(prw["AAA"] + prw["BBB"] + prw["CCC"] == doctest::Approx(1.0));
  auto pr = measure(g, r, Centrality::pagerank, false);
  CHECK(pr["AAA"] == doctest::Approx(1.0 / 3));
  // Weighted eigenvector: W x = λ x with the weight matrix, unit length.
  auto x = measure(g, r, Centrality::eigenvector, true);
  double a = x["AAA"], b = x["BBB"], c = x["CCC"];
  CHECK(a * a + b * b + c * c == doctest::Approx(1.0));
  double lambda = (1 * a + 1 * c) / b;
  CHECK((1 * b + 0.25 * c) / a == doctest::Approx(lambda).epsilon(1e-9));
  CHECK((0.25 * a + 1 * b) / c == doctest::Approx(lambda).epsilon(1e-9));
  // --weighted orders by the weighted measure.
  RankOptions by_bcw;
  by_bcw.by = Centrality::betweenness;
  by_bcw.weighted = true;
  auto ordered = rank_countries(view, by_bcw);
  CHECK(g.id(ordered[0].country) == "country:BBB");
  CHECK(ordered[0].score == doctest::Approx(1));
  RankOptions bad;
  bad.half_life_days = 0;
  CHECK_THROWS_WITH(rank_countries(view, bad), doctest::Contains("half-life"));
  // Only the measure asked for: the others stay 0.
  RankOptions only;
  only.by = Centrality::pagerank;
  only.all_measures = false;
  auto some = rank_countries(view, only);
  CHECK(some[0].pagerank > 0);
  CHECK(some[0].pagerank_weighted > 0);
  CHECK(some[0].eigenvector == 0);
  CHECK(some[0].betweenness_weighted == 0);
  CHECK(some[0].strength > 0);
}

TEST_CASE("centrality: tie weights decay with age as in neighbors") {
  // Two dated meetings a half-life apart: the older tie weighs half.
  std::vector<Fact> facts;
  for (auto [id, b, date] : {std::tuple{"e1", "BBB", "2024-01-01"},
                             std::tuple{"e2", "CCC", "2025-01-01"}}) {
    Fact f;
    std::string err;
    REQUIRE(parse_fact(
        fmt::format(
            R"({{"id":"event:{}","type":"meeting","cameo":"043","confidence":1,"date":"{}","participants":[{{"id":"country:AAA"}},{{"id":"country:{}"}}]}})",
            id, date, b),
        f, err));
    facts.push_back(f);
  }
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  RankOptions opt;
  opt.half_life_days = 366;  // 2024 is a leap year: 2024-01-01 .. 2025-01-01
  auto r = rank_countries(g, opt);
  auto strength = measure(g, r, Centrality::degree, true);
  CHECK(strength["CCC"] == doctest::Approx(1.0));
  CHECK(strength["BBB"] == doctest::Approx(0.5));
  CHECK(strength["AAA"] == doctest::Approx(1.5));
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
  for (Centrality c : {Centrality::degree, Centrality::pagerank, Centrality::betweenness,
                      Centrality::eigenvector})
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
    for (Centrality by : {Centrality::degree, Centrality::pagerank, Centrality::betweenness,
                          Centrality::eigenvector}) {
      for (bool weighted : {false, true}) {
        CAPTURE(to_string(by));
        CAPTURE(weighted);
        RankOptions opt;
        opt.by = by;
        opt.weighted = weighted;
        auto a = rank_countries(view, opt), b = rank_countries(g, opt);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
          CAPTURE(i);
          CHECK(a[i].country == b[i].country);
          CHECK(a[i].score == doctest::Approx(b[i].score));
          CHECK(a[i].strength == doctest::Approx(b[i].strength));
          CHECK(a[i].degree == b[i].degree);
          CHECK(a[i].events == b[i].events);
        }
      }
    }
  }
}
