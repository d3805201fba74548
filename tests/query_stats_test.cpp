// queries/stats: vertex kinds, event types and statuses, articles, date
// span, country ties and the top countries by partners.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/stats.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

}  // namespace

TEST_CASE("stats: counts, dates and top countries") {
  std::vector<Fact> facts = {
      fact(
          R"({"type":"meeting","cameo":"043","date":"2025-07-10","participants":[{"id":"country:PAK"},{"id":"country:RUS"}],
        "evidence":[{"article":"a1","sentence":0,"start":0,"end":1,"text":"x"},{"article":"a2","sentence":0,"start":0,"end":1,"text":"y"}]})"),
      fact(
          R"({"type":"meeting","cameo":"043","date":"2024","participants":[{"id":"country:PAK"},{"id":"country:CHN"}],
        "evidence":[{"article":"a1","sentence":2,"start":5,"end":9,"text":"z"}]})"),
      fact(R"({"type":"project","cameo":"061","status":"planned","date":"2025-08",
        "participants":[{"id":"person:x","kind":"person","name":"X","country":"CHN"},{"id":"country:RUS"}],
        "location":{"name":"Moscow","country":"RUS"}})"),
      fact(
          R"({"type":"threat","cameo":"130","source":[{"id":"country:USA"}],"target":[{"id":"org:SCO","kind":"organization"}]})"),
  };
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  GraphStats s = graph_stats(g, 2);
  CHECK(s.vertices == g.vertex_count());
  CHECK(s.edges == g.edge_count());
  CHECK(s.by_kind[static_cast<int>(VertexKind::event)] == 4);
  CHECK(s.by_kind[static_cast<int>(VertexKind::country)] == 4);
  CHECK(s.by_kind[static_cast<int>(VertexKind::person)] == 1);
  CHECK(s.by_kind[static_cast<int>(VertexKind::organization)] == 1);
  CHECK(s.by_kind[static_cast<int>(VertexKind::place)] == 1);
  CHECK(s.by_type == std::vector<std::pair<std::string, std::size_t>>{
                         {"meeting", 2}, {"project", 1}, {"threat", 1}});
  CHECK(s.by_status[static_cast<int>(Status::occurred)] == 3);
  CHECK(s.by_status[static_cast<int>(Status::planned)] == 1);
  CHECK(s.by_quad[1] == 2);
  CHECK(s.by_quad[2] == 1);
  CHECK(s.by_quad[3] == 1);
  CHECK(s.articles == 1);  // a1 is the first evidence of both meetings
  CHECK(s.mentions == 3);
  CHECK(s.dated == 3);
  CHECK(g.str(s.first_date) == "2024");
  CHECK(g.str(s.last_date) == "2025-08");
  CHECK(s.ties == 3);  // PAK-RUS, PAK-CHN, CHN-RUS (through X)
  REQUIRE(s.top_countries.size() == 2);
  // Every tied country has 2 partners; PAK, CHN and RUS 2 events each: vertex order.
  for (const auto& c : s.top_countries) {
    CHECK(c.partners == 2);
    CHECK(c.events == 2);
  }
  CHECK(g.id(s.top_countries[0].country) == "country:PAK");
}

TEST_CASE("stats: an empty graph") {
  KnowledgeGraph g = KnowledgeGraph::build({});
  GraphStats s = graph_stats(g);
  CHECK(s.vertices == 0);
  CHECK(s.by_type.empty());
  CHECK(s.first_date == 0);
  CHECK(s.top_countries.empty());
}
