// graph_stream: FactStore::scan + KnowledgeGraph::Builder (how the commands
// load a store) give exactly what FactStore::load + KnowledgeGraph::build
// give: the same facts in the same order, the same diagnostics, the same
// graph (compared as GraphML), on logs with merged records, damaged records
// and a torn tail.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "graph/knowledge_graph.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

using store_test::country;
using store_test::read_file;
using store_test::TempDir;
using store_test::write_file;

Actor actor(const std::string& id, ActorKind kind, const std::string& name,
            const std::string& country = "", const std::string& role = "") {
  Actor a;
  a.id = id;
  a.kind = kind;
  a.name = name;
  a.country = country;
  a.role = role;
  return a;
}

// A fact with a fixed id, so records of one id can differ in their parties.
Fact fact(const std::string& id, const std::string& type, std::vector<Actor> parties,
          const std::string& article, std::uint32_t sentence) {
  Fact f;
  f.id = id;
  f.type = type;
  f.cameo = type == "meeting" ? "043" : "010";
  f.root = f.cameo.substr(0, 2);
  f.quad_class = 1;
  f.goldstein = type == "meeting" ? 2.8 : 0.0;
  f.date = "2025-07-10";
  f.participants = std::move(parties);
  Evidence e;
  e.article = article;
  e.sentence = sentence;
  e.start = sentence * 100u;
  e.end = e.start + 40;
  e.text = "sentence " + std::to_string(sentence) + " of " + article;
  f.evidence.push_back(e);
  f.confidence = 0.5;
  f.mentions = 1;
  return f;
}

std::string graphml(const KnowledgeGraph& g) {
  std::ostringstream out;
  write_graphml(g, out);
  return out.str();
}

std::string as_json(const Fact& f) {
  std::string s;
  write_fact(f, s);
  return s;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.push_back(std::to_string(x.place.line) + ": " + x.message);
  return out;
}

// Byte offset of the start of line `n` (1-based) of `data`.
std::size_t line_start(const std::string& data, int n) {
  std::size_t pos = 0;
  for (int i = 1; i < n; ++i) pos = data.find('\n', pos) + 1;
  return pos;
}

}  // namespace

TEST_CASE("graph_stream: scan + Builder equals load + build on merged, damaged and torn logs") {
  enum class Damage { none, later_record, first_record, torn_tail, all };
  for (Damage damage :
       {Damage::none, Damage::later_record, Damage::first_record, Damage::torn_tail, Damage::all}) {
    CAPTURE(static_cast<int>(damage));
    TempDir dir("stream");
    Diagnostics diag(false);
    FactStore store(dir.path);
    // Line 1: event:a (PAK, RUS) from article a1.
    store.append({fact("event:a", "meeting", {country("PAK"), country("RUS")}, "a1", 0)}, diag);
    // Lines 2-3: other facts.
    store.append({fact("event:b", "statement", {country("CHN"), country("IND")}, "a1", 1),
                  fact("event:c", "meeting", {country("PAK"), country("CHN")}, "a1", 2)},
                 diag);
    // Line 4: event:a again from a2, adding a person with a role, a place,
    // a topic, a name and a higher confidence.
    Fact a2 = fact("event:a", "meeting",
                   {country("PAK"),
                    actor("person:ali-khan", ActorKind::person, "Ali Khan", "PAK", "Minister")},
                   "a2", 0);
    a2.location = Location{"Moscow", "RUS"};
    a2.topics = {"AFG"};
    a2.name = "Moscow talks";
    a2.confidence = 0.9;
    store.append({a2}, diag);
    // Line 5: event:b again from a3; line 6: event:a from a3 (a third record).
    store.append({fact("event:b", "statement", {country("CHN"), country("USA")}, "a3", 4),
                  fact("event:a", "meeting", {actor("org:SCO", ActorKind::organization, "SCO")},
                       "a3", 5)},
                 diag);
    // Line 7: a new fact after all of them.
    store.append({fact("event:d", "meeting", {country("IND"), country("RUS")}, "a4", 0)}, diag);
    REQUIRE(diag.error_count() == 0);

    fs::path log = dir.path / "facts.jsonl";
    std::string data = read_file(log);
    auto garble = [&](int line) {
      std::size_t pos = data.find("\"meeting\"", line_start(data, line)) + 1;
      data[pos] = 'Q';  // still JSON, but the checksum no longer matches
    };
    if (damage == Damage::later_record || damage == Damage::all) garble(4);
    if (damage == Damage::first_record || damage == Damage::all) garble(1);
    if (damage == Damage::torn_tail || damage == Damage::all) {
      std::string rec;
      detail::encode_record(fact("event:a", "meeting", {country("TUR")}, "a9", 0), rec);
      data += rec.substr(0, rec.size() / 2);
    }
    write_file(log, data);

    Diagnostics load_diag(false);
    std::vector<Fact> loaded = FactStore(dir.path, false).load(load_diag);
    KnowledgeGraph built = KnowledgeGraph::build(loaded);

    Diagnostics scan_diag(false);
    std::vector<std::string> scanned;
    std::size_t records = 0;
    KnowledgeGraph::Builder builder;
    std::size_t n = FactStore(dir.path, false)
                        .scan(
                            scan_diag,
                            [&](const Fact& f) {
                              scanned.push_back(as_json(f));
                              builder.add(f);
                            },
                            [&](std::size_t r) { records = r; });
    KnowledgeGraph streamed = builder.finish();

    CHECK(records == 7);
    CHECK(n == loaded.size());
    REQUIRE(scanned.size() == loaded.size());
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      CAPTURE(i);
      CHECK(scanned[i] == as_json(loaded[i]));
    }
    CHECK(builder.finish().vertex_count() == 0);  // a finished Builder starts afresh
    CHECK(messages(scan_diag) == messages(load_diag));
    CHECK(streamed.vertex_count() == built.vertex_count());
    CHECK(streamed.edge_count() == built.edge_count());
    CHECK(streamed.stats().facts == built.stats().facts);
    CHECK(graphml(streamed) == graphml(built));
    // The merges happened: event:a carries the person from its later record
    // unless that record is damaged, and the organization from the third.
    VertexId a = streamed.find("event:a");
    REQUIRE(a != kNoVertex);
    CHECK((streamed.find("person:ali-khan") != kNoVertex) ==
          (damage != Damage::later_record && damage != Damage::all));
    CHECK(streamed.find("org:SCO") != kNoVertex);
    CHECK(streamed.find("country:USA") != kNoVertex);
    CHECK(streamed.find("country:TUR") == kNoVertex);
    CHECK(load_diag.error_count() ==
          (damage == Damage::all ? 2u
                                 : damage == Damage::later_record || damage == Damage::first_record
                                       ? 1u
                                       : 0u));
    CHECK(load_diag.warning_count() == (damage == Damage::torn_tail || damage == Damage::all));
  }
}

TEST_CASE("graph_stream: scan of a missing log yields nothing") {
  TempDir dir("stream");
  Diagnostics diag(false);
  FactStore store(dir.path);
  int calls = 0;
  CHECK(store.scan(diag, [&](const Fact&) { ++calls; }) == 0);
  CHECK(calls == 0);
  CHECK(KnowledgeGraph::Builder().finish().vertex_count() == 0);
}

TEST_CASE("graph_stream: a bad byte anywhere in a string is replaced (word-at-a-time check)") {
  for (const char* bad : {"\x01", "\x1f", "\x80", "\xff"}) {
    for (std::size_t pos = 0; pos < 19; ++pos) {
      std::string name(18, 'a');
      name.insert(pos, bad);
      CAPTURE(pos);
      CAPTURE(static_cast<int>(static_cast<unsigned char>(bad[0])));
      Fact f = fact("event:x", "meeting", {country("PAK"), country("RUS")}, "a1", 0);
      f.name = name;
      KnowledgeGraph g = KnowledgeGraph::build({f});
      std::string want = name;
      want.replace(pos, 1, "\xEF\xBF\xBD");
      CHECK(g.label(g.find("event:x")) == want);
    }
  }
  Fact f = fact("event:y", "meeting", {country("PAK"), country("RUS")}, "a1", 0);
  f.name = std::string(20, 'b') + "\x7f";  // DEL is a character XML allows
  KnowledgeGraph g = KnowledgeGraph::build({f});
  CHECK(g.label(g.find("event:y")) == f.name);
}
