// knowledge_graph: construction (vertices, edges, kinds, index, fields),
// entity resolution with near-match suggestions, sanitizing, neighbourhoods.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  INFO(json);
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

// A meeting in Moscow and a planned railway project: small, but every kind
// of vertex and edge.
std::vector<Fact> sample_facts() {
  return {
      fact(R"({"type":"meeting","cameo":"043","status":"occurred","date":"2025-07-10",
        "source":[{"id":"person:alexei-overchuk","kind":"person","name":"Alexei Overchuk","country":"RUS","role":"Deputy Prime Minister"}],
        "target":[{"id":"country:PAK","name":"Pakistan"}],
        "location":{"name":"Moscow","country":"RUS"},"topics":["AFG"],
        "evidence":[{"article":"a1","sentence":3,"start":10,"end":60,"text":"Overchuk met Pakistani officials in Moscow."}],
        "confidence":0.9})"),
      fact(R"({"type":"project","cameo":"061","status":"planned","date":"2025-08","name":"railway project",
        "participants":[{"id":"country:PAK"},{"id":"country:UZB","name":"Uzbekistan"},{"id":"org:SCO","kind":"organization","name":"Shanghai Cooperation Organisation"}],
        "evidence":[{"article":"a2","sentence":0,"start":0,"end":40,"text":"Pakistan and Uzbekistan plan a railway."}]})"),
      fact(R"({"type":"membership","cameo":"057","participants":[{"id":"country:UZB"},{"id":"org:SCO"}],
        "evidence":[{"article":"a3","sentence":0,"start":0,"end":10,"text":"Uzbekistan is a member."}]})"),
  };
}

std::map<std::string, int> edge_kinds(const KnowledgeGraph& g) {
  std::map<std::string, int> out;
  for (VertexId v = 0; v < g.vertex_count(); ++v)
    for (const EdgeRef& e : g.edges_of(v))
      if (e.source == v) ++out[std::string(to_string(e.kind))];
  return out;
}

bool has_edge(const KnowledgeGraph& g, std::string_view from, std::string_view to, EdgeKind kind) {
  VertexId s = g.find(from), t = g.find(to);
  if (s == kNoVertex || t == kNoVertex) return false;
  for (const EdgeRef& e : g.edges_of(s))
    if (e.source == s && e.target == t && e.kind == kind) return true;
  return false;
}

}  // namespace

TEST_CASE("knowledge_graph: one vertex per entity and per fact, typed edges") {
  auto facts = sample_facts();
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  CHECK(g.count(VertexKind::event) == 3);
  CHECK(g.count(VertexKind::country) == 4);  // PAK, RUS, AFG, UZB
  CHECK(g.count(VertexKind::person) == 1);
  CHECK(g.count(VertexKind::organization) == 1);
  CHECK(g.count(VertexKind::place) == 1);
  CHECK(g.vertex_count() == 10);

  auto kinds = edge_kinds(g);
  CHECK(kinds["source"] == 1);
  CHECK(kinds["target"] == 1);
  CHECK(kinds["participant"] == 5);
  CHECK(kinds["located_in"] == 1);
  CHECK(kinds["in"] == 1);
  CHECK(kinds["represents"] == 1);
  CHECK(kinds["about"] == 1);
  CHECK(kinds["member_of"] == 1);
  CHECK(g.edge_count() == 12);

  const std::string meeting = facts[0].id, project = facts[1].id;
  CHECK(has_edge(g, "person:alexei-overchuk", meeting, EdgeKind::source));
  CHECK(has_edge(g, "country:PAK", meeting, EdgeKind::target));
  CHECK(has_edge(g, meeting, "place:RUS:moscow", EdgeKind::located_in));
  CHECK(has_edge(g, "place:RUS:moscow", "country:RUS", EdgeKind::in));
  CHECK(has_edge(g, "person:alexei-overchuk", "country:RUS", EdgeKind::represents));
  CHECK(has_edge(g, meeting, "country:AFG", EdgeKind::about));
  CHECK(has_edge(g, "country:UZB", "org:SCO", EdgeKind::member_of));
  CHECK(has_edge(g, "org:SCO", project, EdgeKind::participant));
}

TEST_CASE("knowledge_graph: vertex records carry the fact's fields") {
  auto facts = sample_facts();
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  VertexId m = g.find(facts[0].id);
  REQUIRE(m != kNoVertex);
  const VertexData& d = g.vertex(m);
  CHECK(d.kind == VertexKind::event);
  CHECK(g.id(m) == facts[0].id);
  CHECK(g.label(m) == "meeting");  // no name: the type
  CHECK(g.str(d.type) == "meeting");
  CHECK(g.str(d.cameo) == "043");
  CHECK(g.str(d.root) == "04");
  CHECK(d.quad_class == 1);
  CHECK(d.goldstein == doctest::Approx(facts[0].goldstein));
  CHECK(d.status == Status::occurred);
  CHECK(g.str(d.date) == "2025-07-10");
  CHECK(d.mentions == 1);
  CHECK(d.confidence == doctest::Approx(0.9));
  CHECK(g.str(d.evidence) == "Overchuk met Pakistani officials in Moscow.");
  CHECK(g.str(d.article) == "a1");

  VertexId p = g.find(facts[1].id);
  CHECK(g.label(p) == "railway project");
  CHECK(g.vertex(p).status == Status::planned);

  VertexId person = g.find("person:alexei-overchuk");
  CHECK(g.label(person) == "Alexei Overchuk");
  CHECK(g.str(g.vertex(person).role) == "Deputy Prime Minister");
  CHECK(g.str(g.vertex(person).country) == "RUS");
  CHECK(g.vertex(person).home == g.find("country:RUS"));
  // A country first seen without a name gets its code, then its name.
  CHECK(g.label(g.find("country:PAK")) == "Pakistan");
  CHECK(g.label(g.find("country:RUS")) == "RUS");
  CHECK(g.find("country:XXX") == kNoVertex);
}

TEST_CASE("knowledge_graph: fallback names label entities no fact names") {
  auto facts = sample_facts();
  std::map<std::string, std::string, std::less<>> dict = {
      {"country:RUS", "Russia"}, {"country:PAK", "Islamic Republic"}, {"org:SCO", "ignored"}};
  NameLookup names = [&](std::string_view id) -> std::string_view {
    auto it = dict.find(id);
    return it == dict.end() ? std::string_view() : std::string_view(it->second);
  };
  KnowledgeGraph g = KnowledgeGraph::build(facts, nullptr, names);
  // RUS is only a person's country: the dictionary names it, and it resolves by that name.
  CHECK(g.label(g.find("country:RUS")) == "Russia");
  CHECK(g.resolve("russia").vertex == g.find("country:RUS"));
  // Names given by facts win over the dictionary.
  CHECK(g.label(g.find("country:PAK")) == "Pakistan");
  CHECK(g.label(g.find("org:SCO")) == "Shanghai Cooperation Organisation");
  // Unknown to the dictionary: the code stays.
  CHECK(g.label(g.find("country:AFG")) == "AFG");

  // The streaming builder takes the same names.
  KnowledgeGraph::Builder b;
  b.set_fallback_names(names);
  for (const Fact& f : facts) b.add(f);
  KnowledgeGraph streamed = b.finish();
  CHECK(streamed.label(streamed.find("country:RUS")) == "Russia");
}

TEST_CASE("knowledge_graph: a repeated fact id is counted and skipped") {
  auto facts = sample_facts();
  facts.push_back(facts[0]);
  Diagnostics diag(false);
  KnowledgeGraph g = KnowledgeGraph::build(facts, &diag);
  CHECK(g.stats().facts == 4);
  CHECK(g.stats().events == 3);
  CHECK(g.stats().duplicates == 1);
  REQUIRE(diag.warning_count() == 1);
  CHECK(diag.all()[0].message.find("appears more than once") != std::string::npos);
}

TEST_CASE("knowledge_graph: resolution of codes, names, ids and surnames") {
  KnowledgeGraph g = KnowledgeGraph::build(sample_facts());
  struct Case {
    const char* query;
    const char* id;
  };
  const Case cases[] = {
      {"PAK", "country:PAK"},
      {"pak", "country:PAK"},
      {"Pakistan", "country:PAK"},
      {"pakistan", "country:PAK"},
      {"PAKISTAN", "country:PAK"},
      {"country:PAK", "country:PAK"},
      {"COUNTRY:pak", "country:PAK"},
      {"SCO", "org:SCO"},
      {"org:sco", "org:SCO"},
      {"Shanghai Cooperation Organisation", "org:SCO"},
      {"Overchuk", "person:alexei-overchuk"},
      {"alexei overchuk", "person:alexei-overchuk"},
      {"person:Alexei-Overchuk", "person:alexei-overchuk"},
      {"Moscow", "place:RUS:moscow"},
      {"place:rus:moscow", "place:RUS:moscow"},
      {"Uzbekistan", "country:UZB"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    Resolution r = g.resolve(c.query);
    REQUIRE(r.ok());
    CHECK(g.id(r.vertex) == c.id);
  }
}

TEST_CASE("knowledge_graph: unknown names get near-match suggestions") {
  KnowledgeGraph g = KnowledgeGraph::build(sample_facts());
  struct Case {
    const char* query;
    const char* suggested;
  };
  const Case cases[] = {
      {"Pakstan", "country:PAK"},        // one deletion
      {"Uzbekistn", "country:UZB"},      // one deletion
      {"Overchuck", "person:alexei-overchuk"},
      {"Shanghai", "org:SCO"},           // a prefix
      {"Moskow", "place:RUS:moscow"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    Resolution r = g.resolve(c.query);
    CHECK(r.outcome == Resolution::Outcome::unknown);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(g.id(r.candidates.front()) == c.suggested);
    CHECK(r.message.find("unknown entity \"" + std::string(c.query) + "\"; did you mean") == 0);
    CHECK(r.message.find(std::string(c.suggested)) != std::string::npos);
  }
  Resolution none = g.resolve("zzzzzzzzzz");
  CHECK(none.outcome == Resolution::Outcome::unknown);
  CHECK(none.candidates.empty());
  CHECK(none.message == "unknown entity \"zzzzzzzzzz\": no id, code or name matches");
  CHECK_THROWS_WITH_AS(g.resolve_or_throw("Pakstan"),
                       doctest::Contains("did you mean Pakistan (country:PAK)"), Error);
  CHECK(g.resolve("").outcome == Resolution::Outcome::unknown);
}

TEST_CASE("knowledge_graph: ambiguous names are reported, kinds rank") {
  auto facts = sample_facts();
  facts.push_back(fact(R"({"type":"statement","participants":[
      {"id":"person:imran-khan","kind":"person","name":"Imran Khan","country":"PAK"},
      {"id":"person:sadiq-khan","kind":"person","name":"Sadiq Khan","country":"GBR"},
      {"id":"place:PAK:pakistan","kind":"place","name":"Pakistan","country":"PAK"}]})"));
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  Resolution r = g.resolve("Khan");
  CHECK(r.outcome == Resolution::Outcome::ambiguous);
  CHECK(r.candidates.size() == 2);
  CHECK(r.message.find("\"Khan\" is ambiguous: Imran Khan (person:imran-khan), Sadiq Khan "
                       "(person:sadiq-khan)") == 0);
  // A country outranks a place of the same name.
  CHECK(g.id(g.resolve("Pakistan").vertex) == "country:PAK");
  // A full name outranks a surname.
  CHECK(g.id(g.resolve("imran khan").vertex) == "person:imran-khan");
}

TEST_CASE("knowledge_graph: hostile strings become clean UTF-8") {
  std::string name = std::string("A\0B", 3) + "\x01" + "C\xff" + "\xE2\x80\x8F" + "\xEF\xBF\xBE";
  Fact f = fact(R"({"type":"meeting","participants":[{"id":"country:PAK"}]})");
  f.participants.push_back({"person:x", ActorKind::person, name, "", ""});
  KnowledgeGraph g = KnowledgeGraph::build({f});
  VertexId v = g.find("person:x");
  REQUIRE(v != kNoVertex);
  const std::string rep = "\xEF\xBF\xBD";
  CHECK(g.label(v) == "A" + rep + "B" + rep + "C" + rep + "\xE2\x80\x8F" + rep);
}

TEST_CASE("knowledge_graph: around() is an undirected BFS ball") {
  auto facts = sample_facts();
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  VertexId uzb = g.find("country:UZB");
  auto ids = [&](const std::vector<VertexId>& vs) {
    std::vector<std::string> out;
    for (VertexId v : vs) out.emplace_back(g.id(v));
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(ids(g.around(uzb, 0)) == std::vector<std::string>{"country:UZB"});
  auto one = ids(g.around(uzb, 1));
  std::vector<std::string> expected{"country:UZB", "org:SCO", facts[1].id, facts[2].id};
  std::sort(expected.begin(), expected.end());
  CHECK(one == expected);
  CHECK(g.around(uzb, 2).size() == 5);  // + country:PAK
  CHECK(g.around(uzb, 10).size() == g.vertex_count());
  auto sorted = g.around(uzb, 2);
  CHECK(std::is_sorted(sorted.begin(), sorted.end()));
}

TEST_CASE("knowledge_graph: kind spellings round-trip") {
  for (int i = 0; i < kVertexKindCount; ++i) {
    auto k = static_cast<VertexKind>(i);
    CHECK(parse_vertex_kind(to_string(k)) == k);
  }
  for (int i = 0; i < kEdgeKindCount; ++i) {
    auto k = static_cast<EdgeKind>(i);
    CHECK(parse_edge_kind(to_string(k)) == k);
  }
  CHECK_FALSE(parse_edge_kind("friend_of"));
}
