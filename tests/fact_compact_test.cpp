// fact_store: merging many reports of one fact (MergeIndex) gives what
// merge_fact gives; compaction keeps every fact and every evidence, is
// idempotent, and leaves a log that later appends treat like the old one.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

using store_test::country;
using store_test::TempDir;

Evidence ev(const std::string& article, std::uint32_t sentence) {
  Evidence e;
  e.article = article;
  e.sentence = sentence;
  e.start = sentence * 100u;
  e.end = sentence * 100u + 10;
  e.text = "sentence " + std::to_string(sentence) + " of " + article;
  return e;
}

Fact meeting(const std::string& a, const std::string& b, std::vector<Evidence> evidence) {
  Fact f;
  f.type = "meeting";
  f.cameo = "043";
  f.root = "04";
  f.quad_class = 1;
  f.date = "2025-07-10";
  f.participants = {country(a), country(b)};
  f.evidence = std::move(evidence);
  f.id = compute_fact_id(f);
  f.mentions = count_mentions(f);
  return f;
}

std::string dump(const std::vector<Fact>& facts) {
  std::string out;
  for (const Fact& f : facts) {
    write_fact(f, out);
    out += '\n';
  }
  return out;
}

std::size_t lines_of(const fs::path& p) {
  std::ifstream in(p);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

}  // namespace

TEST_CASE("fact_merge: MergeIndex folds like merge_fact, duplicates included") {
  // Reports of one fact: new articles, repeated places, several sentences of one article.
  std::vector<Fact> reports;
  for (int i = 0; i < 300; ++i)
    reports.push_back(meeting("PAK", "CHN", {ev("a" + std::to_string(i % 170), i % 3),
                                             ev("a" + std::to_string((i * 7) % 170), 1)}));
  Fact slow = reports[0], fast = reports[0];
  MergeIndex index;
  for (std::size_t i = 1; i < reports.size(); ++i) {
    CAPTURE(i);
    bool a = merge_fact(slow, reports[i]);
    bool b = index.merge(fast, reports[i]);
    CHECK(a == b);
  }
  CHECK(dump({slow}) == dump({fast}));
  CHECK(fast.mentions == 170);
  CHECK(fast.mentions == count_mentions(fast));
  // Idempotent: every report again changes nothing.
  for (const Fact& r : reports) CHECK_FALSE(index.merge(fast, r));
  // Evidence appended behind the index's back is caught up with.
  fast.evidence.push_back(ev("zz", 9));
  CHECK_FALSE(index.merge(fast, meeting("PAK", "CHN", {ev("zz", 9)})));
  CHECK(fast.mentions == 171);
}

TEST_CASE("fact_store: 20,000 reports of one fact fold into one with all evidence") {
  TempDir dir("compact");
  FactStore store(dir.path);
  Diagnostics diag(false);
  std::vector<Fact> batch;
  for (int i = 0; i < 20000; ++i) batch.push_back(meeting("PAK", "CHN", {ev("art" + std::to_string(i), 0)}));
  AppendStats s = store.append(batch, diag);
  CHECK(s.added == 1);
  CHECK(s.merged == 19999);
  CHECK(store.append(batch, diag).unchanged == 20000);  // nothing new the second time
  std::vector<Fact> facts = store.load(diag);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].evidence.size() == 20000);
  CHECK(facts[0].mentions == 20000);
  std::size_t scanned = 0;
  store.scan(diag, [&](const Fact& f) {
    ++scanned;
    CHECK(f.evidence.size() == 20000);
  });
  CHECK(scanned == 1);
  CHECK(diag.error_count() == 0);
}

TEST_CASE("fact_store: compaction keeps every fact and evidence, one record per fact") {
  TempDir dir("compact");
  Diagnostics diag(false);
  std::string before;
  {
    FactStore store(dir.path);
    for (int round = 0; round < 5; ++round) {
      std::vector<Fact> batch;
      for (int i = 0; i < 50; ++i)
        batch.push_back(meeting("PAK", "C" + std::to_string(i % 20),
                                {ev("r" + std::to_string(round) + "-" + std::to_string(i), i % 4)}));
      store.append(batch, diag);
    }
    before = dump(store.load(diag));
    CHECK(lines_of(store.log_path()) == 250);
    CompactStats s = store.compact(diag);
    CHECK(s.compacted);
    CHECK(s.records_before == 250);
    CHECK(s.facts == 20);
    CHECK(s.bytes_after < s.bytes_before);
    CHECK(lines_of(store.log_path()) == 20);
    // The same object goes on appending as before.
    CHECK(store.append({meeting("PAK", "C1", {ev("r0-1", 1)})}, diag).unchanged == 1);
    CHECK(store.append({meeting("PAK", "C1", {ev("new", 1)})}, diag).merged == 1);
  }
  FactStore again(dir.path, false);
  std::string after = dump(again.load(diag));
  CHECK(after != before);  // the later merge
  CHECK(again.append({meeting("PAK", "C1", {ev("new", 1)})}, diag).unchanged == 1);
  // Compacting a compact log changes nothing but the merge's extra record.
  CompactStats s2 = again.compact(diag);
  CHECK(s2.records_before == 21);
  CHECK(s2.facts == 20);
  CompactStats s3 = again.compact(diag);
  CHECK_FALSE(s3.compacted);
  CHECK(dump(again.load(diag)) == after);
  CHECK(diag.error_count() == 0);
  CHECK(again.check(diag, false).damaged == 0);
}

TEST_CASE("fact_store: compact_if_worth waits for many more records than facts") {
  TempDir dir("compact");
  Diagnostics diag(false);
  FactStore store(dir.path);
  std::vector<Fact> batch;
  for (int i = 0; i < 900; ++i) batch.push_back(meeting("PAK", "C" + std::to_string(i % 300), {ev("a" + std::to_string(i), 0)}));
  store.append(batch, diag);
  CHECK_FALSE(store.compact_if_worth(diag).compacted);  // 600 extra records: not yet
  batch.clear();
  for (int i = 0; i < 600; ++i) batch.push_back(meeting("PAK", "C" + std::to_string(i % 300), {ev("b" + std::to_string(i), 0)}));
  store.append(batch, diag);
  CompactStats s = store.compact_if_worth(diag);
  CHECK(s.compacted);
  CHECK(s.records_before == 1500);
  CHECK(s.facts == 300);
}

TEST_CASE("fact_store: compaction refuses a log with damaged records") {
  TempDir dir("compact");
  Diagnostics diag(false);
  FactStore store(dir.path);
  store.append({meeting("PAK", "CHN", {ev("a", 0)}), meeting("PAK", "CHN", {ev("b", 0)})}, diag);
  { std::ofstream(store.log_path(), std::ios::app) << "{\"id\":\"garbage\"}\n"; }
  FactStore other(dir.path, false);
  Diagnostics d2(false);
  CHECK_THROWS_WITH_AS(other.compact(d2), doctest::Contains("check --repair"), Error);
  CHECK(lines_of(store.log_path()) == 3);  // untouched
}
