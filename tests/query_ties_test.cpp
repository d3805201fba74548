// queries/ties: facts between two entities (officials and national bodies
// counting for their country), grouping and order, direction, summaries,
// the event filter, entity-level ties, errors; EDTF day numbers.
#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/ties.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

// Pakistan and Russia through their leaders, their states, a national body;
// a Pakistani-only meeting; a visit to China.
std::vector<Fact> sample() {
  return {
      fact(R"({"id":"event:f1","type":"meeting","cameo":"043","date":"2025-07-10","confidence":0.9,
        "source":[{"id":"person:sharif","kind":"person","name":"Shehbaz Sharif","country":"PAK","role":"Prime Minister"}],
        "target":[{"id":"person:putin","kind":"person","name":"Vladimir Putin","country":"RUS"}],
        "evidence":[{"article":"a1","sentence":0,"start":0,"end":9,"text":"Sharif met Putin."}]})"),
      fact(
          R"({"id":"event:f2","type":"criticism","cameo":"111","date":"2025-06-01","confidence":0.8,
        "source":[{"id":"country:RUS","name":"Russia"}],"target":[{"id":"country:PAK","name":"Pakistan"}]})"),
      fact(R"({"id":"event:f3","type":"meeting","cameo":"040","date":"2025-03","confidence":0.7,
        "participants":[{"id":"country:PAK"},{"id":"country:RUS"},{"id":"country:CHN","name":"China"}]})"),
      fact(R"({"id":"event:f4","type":"visit","cameo":"042","date":"2024","confidence":0.9,
        "source":[{"id":"person:sharif"}],"target":[{"id":"country:CHN"}]})"),
      fact(R"({"id":"event:f5","type":"meeting","cameo":"043","date":"2025-05-05","confidence":0.9,
        "participants":[{"id":"person:sharif"},{"id":"person:dar","kind":"person","name":"Ishaq Dar","country":"PAK"}]})"),
      fact(
          R"({"id":"event:f6","type":"project","cameo":"061","date":"2025-08","status":"planned","confidence":0.6,
        "participants":[{"id":"org:pakistan-railways","kind":"organization","name":"Pakistan Railways","country":"PAK"},{"id":"country:RUS"}]})"),
      fact(R"({"id":"event:f7","type":"statement","cameo":"010","confidence":0.3,
        "participants":[{"id":"country:PAK"},{"id":"country:RUS"}]})"),
  };
}

std::vector<VertexId> parties(std::span<const VertexId> s) { return {s.begin(), s.end()}; }

std::vector<std::string> event_ids(const KnowledgeGraph& g, const Ties& t) {
  std::vector<std::string> out;
  for (const TieGroup& grp : t.groups)
    for (const TieFact& f : grp.facts) out.emplace_back(g.id(f.event));
  return out;
}

}  // namespace

TEST_CASE("ties: officials and national bodies count for their country") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId pak = g.find("country:PAK"), rus = g.find("country:RUS");
  Ties t = find_ties(g, pak, rus);
  // Grouped by type (most facts first, then by name), newest first inside.
  CHECK(event_ids(g, t) ==
        std::vector<std::string>{"event:f1", "event:f3", "event:f2", "event:f6", "event:f7"});
  REQUIRE(t.groups.size() == 4);
  CHECK(g.str(t.groups[0].type) == "meeting");
  CHECK(g.str(t.groups[1].type) == "criticism");
  CHECK(t.summary.count == 5);
  // The tone counts facts that took place: the planned project (061) only in count.
  CHECK(t.summary.cooperative() == 2);  // 043, 040
  CHECK(t.summary.neutral() == 1);      // 010: a statement is not cooperation
  CHECK(t.summary.conflictual() == 1);  // 111
  CHECK(t.summary.unrealized() == 1);   // 061, planned
  CHECK(t.summary.mean_goldstein() ==
        doctest::Approx(
            (g.vertex(g.find("event:f1")).goldstein + g.vertex(g.find("event:f2")).goldstein +
             g.vertex(g.find("event:f3")).goldstein + g.vertex(g.find("event:f7")).goldstein) /
            4));
  CHECK(g.str(t.summary.first_date) == "2025-03");
  CHECK(g.str(t.summary.last_date) == "2025-08");

  const TieFact& f1 = t.groups[0].facts[0];
  CHECK(parties(t.a_parties(f1)) == std::vector<VertexId>{g.find("person:sharif")});
  CHECK(parties(t.b_parties(f1)) == std::vector<VertexId>{g.find("person:putin")});
  const TieFact& f6 = t.groups[2].facts[0];  // the project group
  CHECK(parties(t.a_parties(f6)) == std::vector<VertexId>{g.find("org:pakistan-railways")});
  CHECK(parties(t.b_parties(f6)) == std::vector<VertexId>{rus});
}

TEST_CASE("ties: direction follows source and target, either way round") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId pak = g.find("country:PAK"), rus = g.find("country:RUS");
  struct Row {
    std::string event;
    TieDirection pak_rus, rus_pak;
  };
  for (const Row& row : std::vector<Row>{
           {"event:f1", TieDirection::a_to_b, TieDirection::b_to_a},
           {"event:f2", TieDirection::b_to_a, TieDirection::a_to_b},
           {"event:f3", TieDirection::mutual, TieDirection::mutual},
       }) {
    CAPTURE(row.event);
    auto direction = [&](const Ties& t) {
      for (const TieGroup& grp : t.groups)
        for (const TieFact& f : grp.facts)
          if (g.id(f.event) == row.event) return f.direction;
      FAIL("event missing");
      return TieDirection::both;
    };
    CHECK(direction(find_ties(g, pak, rus)) == row.pak_rus);
    CHECK(direction(find_ties(g, rus, pak)) == row.rus_pak);
  }
  Ties pr = find_ties(g, pak, rus), rp = find_ties(g, rus, pak);
  CHECK(pr.summary.a_to_b == 1);
  CHECK(pr.summary.b_to_a == 1);
  CHECK(rp.summary.count == pr.summary.count);
}

TEST_CASE("ties: a person or organization has ties of its own") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  struct Row {
    std::string a, b;
    std::vector<std::string> events;
  };
  for (const Row& row : std::vector<Row>{
           {"person:sharif", "country:CHN", {"event:f4"}},
           {"person:sharif", "country:RUS", {"event:f1"}},
           {"person:sharif", "person:putin", {"event:f1"}},
           // Only a distinct Pakistani party ties Sharif to Pakistan: Dar in f5.
           {"person:sharif", "country:PAK", {"event:f5"}},
           {"org:pakistan-railways", "country:RUS", {"event:f6"}},
           {"person:putin", "country:CHN", {}},
       }) {
    CAPTURE(row.a);
    CAPTURE(row.b);
    Ties t = find_ties(g, g.find(row.a), g.find(row.b));
    CHECK(event_ids(g, t) == row.events);
    CHECK(t.empty() == row.events.empty());
  }
}

TEST_CASE("ties: the event filter (since, until, type, status, confidence)") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId pak = g.find("country:PAK"), rus = g.find("country:RUS");
  struct Row {
    const char* what;
    EventFilter filter;
    std::size_t count;
  };
  EventFilter since, until, types, status, conf, both;
  since.since = "2025-06";                 // f1, f2, f6; f3 ends before; f7 undated
  until.until = "2025-03-15";              // f3 (March overlaps); f7 undated dropped
  types.types = {"meeting", "statement"};  // f1, f3, f7
  status.statuses = {Status::planned};     // f6
  conf.min_confidence = 0.75;              // f1, f2
  both.since = "2025-03-31";               // f3 (2025-03 reaches the 31st), f1, f2, f6
  both.until = "2025-07";                  // ... but f6 (2025-08) is after
  for (const Row& row : std::vector<Row>{{"since", since, 3},
                                         {"until", until, 1},
                                         {"types", types, 3},
                                         {"status", status, 1},
                                         {"confidence", conf, 2},
                                         {"window", both, 3},
                                         {"none", EventFilter{}, 5}}) {
    CAPTURE(row.what);
    CHECK(find_ties(g, pak, rus, row.filter).summary.count == row.count);
  }
  EventFilter bad;
  bad.since = "July";
  CHECK_THROWS_WITH(find_ties(g, pak, rus, bad), doctest::Contains("\"July\" is not a date"));
}

TEST_CASE("ties: errors name the entity") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId pak = g.find("country:PAK");
  CHECK_THROWS_WITH(find_ties(g, pak, pak),
                    doctest::Contains("same entity, Pakistan (country:PAK)"));
  CHECK_THROWS_WITH(find_ties(g, pak, g.find("event:f1")), doctest::Contains("is an event"));
}

TEST_CASE("ties: events_of a country includes its people and bodies") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  auto ids = [&](const std::vector<VertexId>& vs) {
    std::vector<std::string> out;
    for (VertexId v : vs) out.emplace_back(g.id(v));
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(ids(events_of(g, g.find("country:PAK"))) ==
        std::vector<std::string>{"event:f1", "event:f2", "event:f3", "event:f4", "event:f5",
                                 "event:f6", "event:f7"});
  CHECK(ids(events_of(g, g.find("country:CHN"))) ==
        std::vector<std::string>{"event:f3", "event:f4"});
  CHECK(ids(events_of(g, g.find("person:putin"))) == std::vector<std::string>{"event:f1"});
}

TEST_CASE("ties: EDTF dates as day numbers") {
  struct Row {
    std::string date;
    bool ok;
    std::string first, last;
  };
  for (const Row& row : std::vector<Row>{{"2025-07-10", true, "2025-07-10", "2025-07-10"},
                                         {"2025-02", true, "2025-02-01", "2025-02-28"},
                                         {"2024-02", true, "2024-02-01", "2024-02-29"},
                                         {"2024", true, "2024-01-01", "2024-12-31"},
                                         {"197X", true, "1970-01-01", "1979-12-31"},
                                         {"", false, "", ""},
                                         {"2025-13", false, "", ""}}) {
    CAPTURE(row.date);
    auto d = edtf_days(row.date);
    REQUIRE(d.has_value() == row.ok);
    if (!d) continue;
    CHECK(civil_from_days(d->first) == row.first);
    CHECK(civil_from_days(d->last) == row.last);
  }
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);
}
