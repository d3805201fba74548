// fact_index: the writer's saved index of fact ids (DIR/facts.idx) lets a
// new writer decide new / merged / unchanged without folding the log, and
// gives the same log bytes as a writer that folds it; an index that is
// missing, damaged, of another log or behind the log is never trusted.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fact_test_util.hpp"
#include "graph/fact_store.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
using store_test::read_file, store_test::write_file;

namespace {

namespace fs = std::filesystem;
using TempDir = store_test::TempDir;

// A meeting of PAK and `other` on `date`, reported by `article` in words of
// its own (the same sentence in two articles would be a syndicated copy).
Fact report(const std::string& other, const std::string& article,
            const std::string& date = "2025-07-10") {
  std::string json = R"({"type":"meeting","cameo":"043","date":")" + date +
                     R"(","participants":[{"id":"country:PAK"},{"id":"country:)" + other +
                     R"("}],"evidence":[{"article":")" + article + R"(","text":"They met, )" + article +
                     R"( says."}]})";
  return testing::parsed_fact(json);
}

std::vector<Fact> batch(const std::string& article, int n, int from = 0) {
  static const char* kCountries[] = {"RUS", "CHN", "IND", "IRN", "TUR", "USA", "GBR", "FRA"};
  std::vector<Fact> out;
  for (int i = from; i < from + n; ++i)
    out.push_back(report(kCountries[i % 8], article, "20" + std::to_string(10 + i / 8)));
  return out;
}

struct Outcome {
  std::size_t added, merged, unchanged;
};

Outcome append(const fs::path& dir, const std::vector<Fact>& facts) {
  Diagnostics diag(false);
  AppendStats s = FactStore(dir).append(facts, diag);
  CHECK(diag.error_count() == 0);
  return {s.added, s.merged, s.unchanged};
}

}  // namespace

TEST_CASE("fact_index: a new writer decides from the saved index as from the log") {
  TempDir a("factidx"), b("factidx");
  // Store a: one writer per batch (each reads the saved index); store b:
  // the same batches with the index deleted before each (each folds the log).
  const std::vector<std::vector<Fact>> batches = {batch("a1", 12), batch("a2", 6, 6),
                                                  batch("a1", 12), batch("a3", 3, 20)};
  for (const auto& facts : batches) {
    fs::remove(b.path / "facts.idx");
    Outcome x = append(a.path, facts), y = append(b.path, facts);
    CHECK(fs::exists(a.path / "facts.idx"));
    CHECK(x.added == y.added);
    CHECK(x.merged == y.merged);
    CHECK(x.unchanged == y.unchanged);
  }
  CHECK(read_file(a.path / "facts.jsonl") == read_file(b.path / "facts.jsonl"));
  // The third batch repeats the first: all unchanged, nothing written.
  Outcome again = append(a.path, batches[0]);
  CHECK(again.unchanged == 12);
  CHECK(again.added + again.merged == 0);
}

TEST_CASE("fact_index: a damaged, foreign or lagging index is not trusted") {
  TempDir dir("factidx"), other("factidx");
  append(dir.path, batch("a1", 8));
  append(other.path, batch("x9", 4));
  const fs::path idx = dir.path / "facts.idx";
  const std::string saved = read_file(idx);
  append(dir.path, batch("a2", 8, 8));  // the index now covers both batches
  const std::string log = read_file(dir.path / "facts.jsonl");

  SUBCASE("behind the log: the records after it are read") { write_file(idx, saved); }
  SUBCASE("another store's") {
    fs::copy_file(other.path / "facts.idx", idx, fs::copy_options::overwrite_existing);
  }
  SUBCASE("a flipped byte") {
    std::string data = read_file(idx);
    data[data.size() / 2] ^= 0x20;
    write_file(idx, data);
  }
  SUBCASE("cut short") {
    std::string data = read_file(idx);
    write_file(idx, data.substr(0, data.size() - 5));
  }
  SUBCASE("not an index") { write_file(idx, "hello\n"); }
  // Every fact of both batches is known: nothing is added, the log is kept.
  Outcome o = append(dir.path, batch("a1", 8));
  CHECK(o.unchanged == 8);
  o = append(dir.path, batch("a2", 8, 8));
  CHECK(o.unchanged == 8);
  CHECK(read_file(dir.path / "facts.jsonl") == log);
  // A new report of a known fact is a merge.
  o = append(dir.path, {report("RUS", "b7", "2010")});
  CHECK(o.merged == 1);
}

TEST_CASE("fact_index: a clash with a stored fact is found through the index") {
  TempDir dir("factidx");
  std::vector<Fact> first = batch("a1", 4);
  append(dir.path, first);
  Fact clash = report("RUS", "a9", "2010");
  clash.id = first[0].id;
  clash.type = "sanction";
  Diagnostics diag(false);
  AppendStats s = FactStore(dir.path).append({clash}, diag);
  CHECK(s.rejected == 1);
  CHECK(diag.error_count() == 1);
}

TEST_CASE("fact_index: compaction rewrites the index with the new log") {
  TempDir dir("factidx");
  for (int i = 0; i < 6; ++i) append(dir.path, batch("a" + std::to_string(i), 8));
  Diagnostics diag(false);
  CompactStats c = FactStore(dir.path).compact(diag);
  CHECK(c.compacted);
  CHECK(c.facts == 8);
  const std::string log = read_file(dir.path / "facts.jsonl");
  Outcome o = append(dir.path, batch("a3", 8));
  CHECK(o.unchanged == 8);
  o = append(dir.path, batch("zz", 8));
  CHECK(o.merged == 8);
  Diagnostics load(false);
  auto facts = FactStore(dir.path, false).load(load);
  REQUIRE(facts.size() == 8);
  CHECK(facts[0].mentions == 7);
  CHECK(read_file(dir.path / "facts.jsonl").substr(0, log.size()) == log);
}
