// fact direction (id schema 3): a directed fact's id tells its source from
// its target, so the reversed act of the same day stays a fact of its own;
// symmetric facts share one id in any order; stores holding ids of schema 2
// read and grow with the ids of schema 3 and lose nothing.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "graph/fact.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "store_test_util.hpp"
#include "tests/fact_test_util.hpp"

using namespace dipgraph;
using dipgraph::testing::parsed_fact;
using store_test::read_file;
using store_test::TempDir;
using store_test::write_file;

namespace {

// A fact of `type` on one day: `from` acts on `to` (directed), or, with
// `sym`, both are participants (in the order given).
std::string act(const std::string& type, const std::string& from, const std::string& to,
                const std::string& article, bool sym = false, const std::string& id = "") {
  const std::string a = fmt::format(R"({{"id":"country:{}"}})", from);
  const std::string b = fmt::format(R"({{"id":"country:{}"}})", to);
  const std::string parties = sym ? fmt::format(R"("participants":[{},{}])", a, b)
                                  : fmt::format(R"("source":[{}],"target":[{}])", a, b);
  return fmt::format(
      R"({{{}"type":"{}","date":"2025-03-03",{},"evidence":[{{"article":"{}","text":"{} {}"}}]}})",
      id.empty() ? "" : "\"id\":\"" + id + "\",", type, parties, article, article, type);
}

// The id schema 2 gave a dated fact: its parties as one sorted set.
std::string schema2_id(const Fact& f) {
  std::set<std::string> ids;
  for (const auto* group : {&f.source, &f.target, &f.participants})
    for (const Actor& a : *group) ids.insert(a.id);
  std::string key = f.type + '\x1f';
  for (const std::string& id : ids) key += id + '\x1e';
  key += '\x1f' + f.date + '\x1f';
  return fmt::format("event:{:016x}", fnv1a64(key));
}

// Evidence articles of the fact of `id` in `facts` (empty if none).
std::set<std::string> articles_of(const std::vector<Fact>& facts, const std::string& id) {
  std::set<std::string> out;
  for (const Fact& f : facts)
    if (f.id == id)
      for (const Evidence& e : f.evidence) out.insert(e.article);
  return out;
}

std::vector<Fact> scanned(const FactStore& store) {
  Diagnostics diag(false);
  std::vector<Fact> out;
  store.scan(diag, [&](const Fact& f) { out.push_back(f); });
  CHECK(diag.error_count() == 0);
  return out;
}

}  // namespace

TEST_CASE("fact direction: the reversed act of one day has its own id") {
  Fact there = parsed_fact(act("criticism", "KEN", "UGA", "n1"));
  Fact back = parsed_fact(act("criticism", "UGA", "KEN", "n2"));
  CHECK(there.id != back.id);
  CHECK(there.id == compute_fact_id(there));
  // The same direction from another article is the same fact.
  CHECK(parsed_fact(act("criticism", "KEN", "UGA", "n3")).id == there.id);
  // A party named as a participant of a directed fact does not make it symmetric.
  Fact mixed = there;
  mixed.participants.push_back(mixed.target[0]);
  mixed.target.clear();
  mixed.id.clear();
  settle_fact_id(mixed);
  CHECK(mixed.id != there.id);
}

TEST_CASE("fact direction: symmetric facts share one id whatever order names the parties") {
  for (const char* type : {"meeting", "agreement", "cooperation"}) {
    CAPTURE(type);
    Fact one = parsed_fact(act(type, "KEN", "UGA", "n1", true));
    Fact other = parsed_fact(act(type, "UGA", "KEN", "n2", true));
    CHECK(one.id == other.id);
    CHECK(one.id == schema2_id(one));  // symmetric ids did not change
  }
}

TEST_CASE("fact direction: an id schema 2 gave a directed fact is read as schema 3's") {
  Fact fresh = parsed_fact(act("criticism", "KEN", "UGA", "n1"));
  const std::string old_id = schema2_id(fresh);
  REQUIRE(old_id != fresh.id);
  CHECK(parsed_fact(act("criticism", "KEN", "UGA", "n1", false, old_id)).id == fresh.id);
  // Both directions shared that id; read again they come apart.
  Fact back = parsed_fact(act("criticism", "UGA", "KEN", "n2", false, old_id));
  CHECK(back.id == parsed_fact(act("criticism", "UGA", "KEN", "n2")).id);
  CHECK(back.id != fresh.id);
  // An explicit id that is no schema's hash stays as given.
  CHECK(parsed_fact(act("criticism", "KEN", "UGA", "n1", false, "event:mine")).id == "event:mine");
}

TEST_CASE("fact direction: reversed acts stay two facts through a store's append, load and scan") {
  TempDir dir;
  FactStore store(dir.path / "s");
  Diagnostics diag(false);
  std::vector<Fact> batch = {parsed_fact(act("criticism", "KEN", "UGA", "n1")),
                             parsed_fact(act("criticism", "UGA", "KEN", "n2"))};
  AppendStats st = store.append(batch, diag);
  CHECK(st.added == 2);
  CHECK(st.merged == 0);
  std::vector<Fact> loaded = store.load(diag);
  REQUIRE(loaded.size() == 2);
  CHECK(loaded[0].source[0].id == "country:KEN");
  CHECK(loaded[1].source[0].id == "country:UGA");
  CHECK(loaded[0].target.size() == 1);
  CHECK(scanned(store).size() == 2);
  CHECK(diag.error_count() == 0);
}

TEST_CASE("fact direction: a store of schema 2 ids merges with new extractions and loses nothing") {
  TempDir dir;
  const std::filesystem::path s = dir.path / "old";
  std::filesystem::create_directories(s);
  // What an older dipgraph wrote: both directions under the one id of schema 2.
  Fact there = parsed_fact(act("criticism", "KEN", "UGA", "old1"));
  Fact back = parsed_fact(act("criticism", "UGA", "KEN", "old2"));
  const std::string old_id = schema2_id(there);
  std::string log;
  for (Fact* f : {&there, &back}) {
    f->id = old_id;
    detail::encode_record(*f, log);
  }
  REQUIRE(log.find(old_id) != std::string::npos);
  write_file(s / "FORMAT", "dipgraph-store 1\n");
  write_file(s / "facts.jsonl", log);

  Diagnostics diag(false);
  FactStore store(s, false);
  std::vector<Fact> loaded = store.load(diag);
  REQUIRE(loaded.size() == 2);
  const std::string there_id = compute_fact_id(parsed_fact(act("criticism", "KEN", "UGA", "x")));
  const std::string back_id = compute_fact_id(parsed_fact(act("criticism", "UGA", "KEN", "x")));
  CHECK(articles_of(loaded, there_id) == std::set<std::string>{"old1"});
  CHECK(articles_of(loaded, back_id) == std::set<std::string>{"old2"});

  // A fresh report of one direction merges with what is stored.
  AppendStats st = store.append({parsed_fact(act("criticism", "KEN", "UGA", "new1"))}, diag);
  CHECK(st.added == 0);
  CHECK(st.merged == 1);
  // A facts file that still carries the old id is stored with the new one.
  st = store.append({parsed_fact(act("criticism", "UGA", "KEN", "new2", false, old_id))}, diag);
  CHECK(st.merged == 1);
  const std::string text = read_file(s / "facts.jsonl");
  CHECK(text.rfind(old_id) < text.find(there_id));  // appended records carry schema 3 ids

  {
    FactStore reader(s, false);
    std::vector<Fact> facts = reader.load(diag);
    CHECK(facts.size() == 2);
    CHECK(articles_of(facts, there_id) == std::set<std::string>{"old1", "new1"});
    CHECK(articles_of(facts, back_id) == std::set<std::string>{"old2", "new2"});
    std::vector<Fact> streamed = scanned(reader);
    CHECK(streamed.size() == 2);
    CHECK(articles_of(streamed, there_id) == std::set<std::string>{"old1", "new1"});
    CHECK(articles_of(streamed, back_id) == std::set<std::string>{"old2", "new2"});
  }

  // Compaction rewrites the log with schema 3 ids as store format 2.
  CompactStats cs = store.compact(diag);
  CHECK(cs.compacted);
  CHECK(read_file(s / "FORMAT") == "dipgraph-store 2\n");
  CHECK(read_file(s / "facts.jsonl").find(old_id) == std::string::npos);
  FactStore after(s, false);
  CHECK(scanned(after).size() == 2);
  CHECK(articles_of(after.load(diag), there_id) == std::set<std::string>{"old1", "new1"});
  CHECK(diag.error_count() == 0);
}
