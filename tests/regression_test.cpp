// Regression tests for inputs the fuzzers found (tests/data/regressions/).
// Each file is named <target>-<what>.bin after the fuzz target that found it
// and is replayed through that target's check (fuzz/checks.hpp), so a fixed
// bug stays fixed; specific cases also check the error message the input
// must now get.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/checks.hpp"
#include "graph/fact_json.hpp"
#include "ingest/code/extractor.hpp"

namespace {

const std::filesystem::path kRegressions =
    std::filesystem::path(DIPGRAPH_SOURCE_DIR) / "tests" / "data" / "regressions";

std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The regression inputs of one fuzz target, sorted by name.
std::vector<std::filesystem::path> inputs_of(const std::string& target) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(kRegressions))
    if (e.path().filename().string().rfind(target + "-", 0) == 0) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

const dipgraph::ingest::Extractor& extractor() {
  static const auto ex = [] {
    dipgraph::Diagnostics diag(false);
    return dipgraph::ingest::Extractor::load(DIPGRAPH_DATA_DIR, diag);
  }();
  return *ex;
}

}  // namespace

TEST_CASE("regression: every input found by fuzzing passes its target's check") {
  std::size_t replayed = 0;
  for (const auto& target : {"facts", "document", "extract", "reader", "store"}) {
    for (const auto& path : inputs_of(target)) {
      CAPTURE(path.filename().string());
      std::string bytes = read_bytes(path);
      std::string problem;
      std::string t = target;
      if (t == "facts") problem = dipgraph::fuzz::check_facts(bytes);
      if (t == "document") problem = dipgraph::fuzz::check_document(bytes);
      if (t == "extract") problem = dipgraph::fuzz::check_extract(bytes, extractor());
      if (t == "reader") problem = dipgraph::fuzz::check_reader(bytes);
      if (t == "store") problem = dipgraph::fuzz::check_store(bytes);
      CHECK(problem == "");
      ++replayed;
    }
  }
  CHECK(replayed >= 1);
}

TEST_CASE("regression: a string escape that decodes to invalid UTF-8 is refused, naming the field") {
  struct Case {
    std::string line, error;
  };
  const std::string head = R"({"type":"meeting","participants":[{"id":"country:PAK"},)";
  const std::vector<Case> cases = {
      // the fuzzer's input: a lone low surrogate in a role
      {read_bytes(kRegressions / "facts-crash-lone-surrogate.bin"),
       R"("role" in "participants"[1] is not valid UTF-8)"},
      {head + R"({"id":"person:a","name":"x\udc00y"}]})",
       R"("name" in "participants"[1] is not valid UTF-8)"},
      {R"({"type":"meeting","quote":"\uDFFF","source":{"id":"country:PAK"}})",
       R"("quote" is not valid UTF-8)"},
      {R"({"type":"meeting","source":{"id":"country:PAK"},"topics":["\udd00"]})",
       R"("topics" holds a string that is not valid UTF-8)"},
      {R"({"type":"meeting","source":{"id":"country:PAK"},"evidence":[{"article":"a","text":"\udc01"}]})",
       R"("text" in "evidence"[0] is not valid UTF-8)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    dipgraph::Fact fact;
    std::string error;
    CHECK_FALSE(dipgraph::parse_fact(c.line, fact, error));
    CHECK(error == c.error);
  }
  // A proper surrogate pair still decodes (U+1F600 as UTF-8).
  dipgraph::Fact fact;
  std::string error;
  REQUIRE(dipgraph::parse_fact(head + R"({"id":"person:a","name":"\ud83d\ude00"}]})", fact, error));
  CHECK(fact.participants[1].name == "\xF0\x9F\x98\x80");
}
