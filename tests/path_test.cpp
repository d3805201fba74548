// paths and country_view: shortest paths, k shortest loopless paths checked
// against brute force on random graphs, no path, the country view's tallies
// (who counts for which country) and paths over it.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/paths.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

// e1: AAA-BBB, e2: BBB-CCC, e3: AAA-CCC, e4: DDD-EEE (apart).
std::vector<Fact> chain_facts() {
  return {
      fact(R"({"id":"event:e1","type":"meeting","cameo":"043","participants":[{"id":"country:AAA"},{"id":"country:BBB"}]})"),
      fact(R"({"id":"event:e2","type":"meeting","cameo":"043","participants":[{"id":"country:BBB"},{"id":"country:CCC"}]})"),
      fact(R"({"id":"event:e3","type":"project","cameo":"061","participants":[{"id":"country:AAA"},{"id":"country:CCC"}]})"),
      fact(R"({"id":"event:e4","type":"meeting","cameo":"043","participants":[{"id":"country:DDD"},{"id":"country:EEE"}]})"),
  };
}

std::vector<std::string> ids(const KnowledgeGraph& g, const std::vector<VertexId>& vs) {
  std::vector<std::string> out;
  for (VertexId v : vs) out.emplace_back(g.id(v));
  return out;
}

}  // namespace

TEST_CASE("paths: shortest path, k shortest, none, self") {
  KnowledgeGraph g = KnowledgeGraph::build(chain_facts());
  VertexId a = g.find("country:AAA"), c = g.find("country:CCC"), d = g.find("country:DDD");

  auto one = shortest_paths(g, a, c);
  REQUIRE(one.size() == 1);
  CHECK(ids(g, one[0].vertices) == std::vector<std::string>{"country:AAA", "event:e3", "country:CCC"});
  REQUIRE(one[0].edges.size() == 2);
  CHECK(one[0].edges[0].source == a);
  CHECK(one[0].edges[0].target == g.find("event:e3"));
  CHECK(one[0].edges[0].kind == EdgeKind::participant);
  CHECK(one[0].edges[1].source == c);  // stored C -> e3, walked backwards

  auto two = shortest_paths(g, a, c, 5);
  REQUIRE(two.size() == 2);  // only two loopless paths exist
  CHECK(ids(g, two[1].vertices) == std::vector<std::string>{"country:AAA", "event:e1", "country:BBB",
                                                            "event:e2", "country:CCC"});
  CHECK(two[1].length() == 4);

  CHECK(shortest_paths(g, a, d).empty());
  CHECK(shortest_paths(g, a, d, 3).empty());
  CHECK(shortest_paths(g, a, c, 0).empty());
  auto self = shortest_paths(g, a, a, 3);
  REQUIRE(self.size() == 1);
  CHECK(self[0].length() == 0);
  CHECK(shortest_paths(g, a, kNoVertex).empty());
}

TEST_CASE("paths: Yen's k shortest match brute force on random graphs") {
  for (unsigned seed = 1; seed <= 25; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::vector<Fact> facts;
    const int countries = 7, events = 9;
    for (int e = 0; e < events; ++e) {
      Fact f;
      f.id = "event:r" + std::to_string(e);
      f.type = "meeting";
      std::set<int> parties;
      int n = 2 + static_cast<int>(rng() % 2);
      while (static_cast<int>(parties.size()) < n) parties.insert(static_cast<int>(rng() % countries));
      for (int p : parties)
        f.participants.push_back({"country:C" + std::to_string(p), ActorKind::country, "", "", ""});
      facts.push_back(f);
    }
    KnowledgeGraph g = KnowledgeGraph::build(facts);
    VertexId s = g.find("country:C0"), t = g.find("country:C1");
    if (s == kNoVertex || t == kNoVertex) continue;
    // Brute force: every simple path's length.
    std::vector<std::size_t> lengths;
    std::vector<char> on(g.vertex_count());
    std::function<void(VertexId, std::size_t)> dfs = [&](VertexId u, std::size_t len) {
      if (u == t) {
        lengths.push_back(len);
        return;
      }
      std::set<VertexId> next;
      for (const EdgeRef& e : g.edges_of(u)) next.insert(e.source == u ? e.target : e.source);
      for (VertexId w : next)
        if (!on[w]) {
          on[w] = 1;
          dfs(w, len + 1);
          on[w] = 0;
        }
    };
    on[s] = 1;
    dfs(s, 0);
    std::sort(lengths.begin(), lengths.end());
    const std::size_t k = 6;
    PathFinder finder(g);
    auto paths = finder.paths(s, t, k);
    REQUIRE(paths.size() == std::min(k, lengths.size()));
    std::set<std::vector<VertexId>> distinct;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      CAPTURE(i);
      CHECK(paths[i].length() == lengths[i]);
      const auto& vs = paths[i].vertices;
      CHECK(vs.front() == s);
      CHECK(vs.back() == t);
      CHECK(std::set<VertexId>(vs.begin(), vs.end()).size() == vs.size());  // loopless
      for (std::size_t j = 0; j + 1 < vs.size(); ++j) {  // consecutive vertices are adjacent
        const EdgeRef& e = paths[i].edges[j];
        CHECK(((e.source == vs[j] && e.target == vs[j + 1]) ||
               (e.source == vs[j + 1] && e.target == vs[j])));
      }
      distinct.insert(vs);
    }
    CHECK(distinct.size() == paths.size());
    // The reused finder gives the same answer again.
    auto again = finder.paths(s, t, k);
    REQUIRE(again.size() == paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) CHECK(again[i].vertices == paths[i].vertices);
  }
}

TEST_CASE("country_view: who counts for which country, and the tallies") {
  std::vector<Fact> facts = {
      // A person counts for the country she represents; an IGO for nobody.
      fact(R"({"id":"event:v1","type":"meeting","cameo":"043","goldstein":3,"date":"2025-07-10",
        "source":[{"id":"person:ann-lee","kind":"person","name":"Ann Lee","country":"AAA"}],
        "target":[{"id":"country:BBB"}],"participants":[{"id":"org:UN","kind":"organization"}]})"),
      // A national body counts for its country.
      fact(R"({"id":"event:v2","type":"criticism","cameo":"111","goldstein":-2,"date":"2024",
        "source":[{"id":"org:bbb-ministry","kind":"organization","name":"BBB Ministry","country":"BBB"}],
        "target":[{"id":"country:AAA"}]})"),
      fact(R"({"id":"event:v3","type":"project","cameo":"061","goldstein":6,"date":"2025-08",
        "participants":[{"id":"country:AAA"},{"id":"country:BBB"},{"id":"country:CCC"}]})"),
      // Only an IGO and one country: no tie.
      fact(R"({"id":"event:v4","type":"meeting","cameo":"043",
        "participants":[{"id":"country:CCC"},{"id":"org:UN"},{"id":"place:CCC:x","kind":"place","country":"DDD"}]})"),
  };
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  CountryView view(g);
  VertexId a = g.find("country:AAA"), b = g.find("country:BBB"), c = g.find("country:CCC");
  CHECK(view.ties().size() == 3);  // AB, AC, BC
  const CountryTie* ab = view.find(b, a);
  REQUIRE(ab);
  CHECK(ab == view.find(a, b));
  CHECK(ab->count == 3);
  CHECK(ab->cooperative() == 2);
  CHECK(ab->conflictual() == 1);
  CHECK(ab->mean_goldstein() == doctest::Approx((3.0 - 2.0 + 6.0) / 3));
  CHECK(g.str(ab->first_date) == "2024");
  CHECK(g.str(ab->last_date) == "2025-08");
  // a_to_b counts the tie's lower vertex acting on the higher one.
  std::uint32_t a_on_b = ab->a == a ? ab->a_to_b : ab->b_to_a;
  std::uint32_t b_on_a = ab->a == a ? ab->b_to_a : ab->a_to_b;
  CHECK(a_on_b == 1);
  CHECK(b_on_a == 1);
  CHECK(ids(g, ab->events) == std::vector<std::string>{"event:v1", "event:v2", "event:v3"});
  const CountryTie* bc = view.find(b, c);
  REQUIRE(bc);
  CHECK(bc->count == 1);
  CHECK(g.str(bc->first_date) == "2025-08");
  CHECK(view.find(c, g.find("country:DDD")) == nullptr);
  CHECK(view.ties_of(a).size() == 2);
  CHECK(view.ties_of(g.find("org:UN")).empty());
  std::vector<VertexId> expected{a, b, c};
  std::sort(expected.begin(), expected.end());
  CHECK(view.countries() == expected);
  CHECK(CountryView::country_of(g, g.find("person:ann-lee")) == a);
  CHECK(CountryView::country_of(g, g.find("org:UN")) == kNoVertex);
  CHECK(CountryView::country_of(g, g.find("event:v1")) == kNoVertex);
}

TEST_CASE("paths: over the country view") {
  KnowledgeGraph g = KnowledgeGraph::build(chain_facts());
  CountryView view(g);
  VertexId a = g.find("country:AAA"), b = g.find("country:BBB"), c = g.find("country:CCC");
  auto paths = shortest_country_paths(view, a, c, 3);
  REQUIRE(paths.size() == 2);
  CHECK(ids(g, paths[0].countries) == std::vector<std::string>{"country:AAA", "country:CCC"});
  REQUIRE(paths[0].ties.size() == 1);
  CHECK(paths[0].ties[0] == view.find(a, c));
  CHECK(ids(g, paths[1].countries) ==
        std::vector<std::string>{"country:AAA", "country:BBB", "country:CCC"});
  CHECK(paths[1].ties[1] == view.find(b, c));
  CHECK(shortest_country_paths(view, a, g.find("country:DDD")).empty());
}

TEST_CASE("country_view: EDTF day bounds") {
  struct Case {
    const char *date, *lo, *hi;
  };
  const Case cases[] = {{"2025", "2025-01-01", "2025-12-31"},
                        {"2025-08", "2025-08-01", "2025-08-31"},
                        {"2025-08-10", "2025-08-10", "2025-08-10"},
                        {"197X", "1970-01-01", "1979-12-31"},
                        {"19XX", "1900-01-01", "1999-12-31"},
                        {"", "", ""},
                        {"garbage", "", ""}};
  for (const auto& c : cases) {
    CAPTURE(c.date);
    auto [lo, hi] = edtf_day_bounds(c.date);
    CHECK(lo == c.lo);
    CHECK(hi == c.hi);
  }
}

TEST_CASE("paths: places and the biggest hubs are left out unless asked") {
  // HUB meets 120 countries C000..C119 (120 edges, every event: a hub);
  // C000 and C001 also meet XXX, who is no hub; AAA and BBB met at a place.
  std::vector<Fact> facts;
  for (int i = 0; i < 120; ++i)
    facts.push_back(fact(fmt::format(
        R"({{"id":"event:h{}","type":"meeting","cameo":"043","participants":[{{"id":"country:HUB"}},{{"id":"country:C{:03d}"}}]}})",
        i, i)));
  facts.push_back(fact(R"({"id":"event:x0","type":"meeting","cameo":"043","participants":[{"id":"country:C000"},{"id":"country:XXX"}]})"));
  facts.push_back(fact(R"({"id":"event:x1","type":"meeting","cameo":"043","participants":[{"id":"country:C001"},{"id":"country:XXX"}]})"));
  facts.push_back(fact(R"({"id":"event:pa","type":"meeting","cameo":"043","participants":[{"id":"country:AAA"}],"location":{"name":"Somewhere","country":"ZZZ"}})"));
  facts.push_back(fact(R"({"id":"event:pb","type":"meeting","cameo":"043","participants":[{"id":"country:BBB"}],"location":{"name":"Somewhere","country":"ZZZ"}})"));
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  auto hubs = path_hubs(g);
  CHECK(ids(g, hubs) == std::vector<std::string>{"country:HUB"});

  PathFinder finder(g);
  auto mask = path_mask(g, {}, PathVia{}, hubs);
  finder.restrict_to(&mask);
  auto p = finder.paths(g.find("country:C000"), g.find("country:C001"), 5);
  REQUIRE(p.size() == 1);  // around the hub, through XXX only
  CHECK(ids(g, p[0].vertices) == std::vector<std::string>{"country:C000", "event:x0",
                                                          "country:XXX", "event:x1",
                                                          "country:C001"});
  CHECK(finder.paths(g.find("country:C002"), g.find("country:C003")).empty());
  CHECK(finder.paths(g.find("country:AAA"), g.find("country:BBB")).empty());
  // A hub or a place as an end is always allowed.
  CHECK(finder.paths(g.find("country:HUB"), g.find("country:C003")).size() == 1);

  auto with_hubs = path_mask(g, {}, PathVia{false, true}, hubs);
  finder.restrict_to(&with_hubs);
  CHECK(finder.paths(g.find("country:C000"), g.find("country:C001"), 5).size() == 2);
  CHECK(finder.paths(g.find("country:C002"), g.find("country:C003")).size() == 1);
  CHECK(finder.paths(g.find("country:AAA"), g.find("country:BBB")).empty());
  auto with_places = path_mask(g, {}, PathVia{true, false}, hubs);
  finder.restrict_to(&with_places);
  auto via_place = finder.paths(g.find("country:AAA"), g.find("country:BBB"));
  REQUIRE(via_place.size() == 1);
  CHECK(g.kind(via_place[0].vertices[2]) == VertexKind::place);

  // Over the country view, the hub is left out too.
  CountryView view(g);
  finder.restrict_to(&mask);
  CHECK(finder.country_paths(view, g.find("country:C002"), g.find("country:C003")).empty());
  finder.restrict_to(&with_hubs);
  CHECK(finder.country_paths(view, g.find("country:C002"), g.find("country:C003")).size() == 1);
}

TEST_CASE("paths: a small graph has no hubs") {
  KnowledgeGraph g = KnowledgeGraph::build(chain_facts());
  CHECK(path_hubs(g).empty());
}
