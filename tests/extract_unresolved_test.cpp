// extract --unresolved (ingest/code/unresolved.hpp): names that act in an
// event-like clause without resolving to an actor are counted, most
// frequent first, with an example; known actors and names outside such
// clauses are not listed.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "ingest/code/unresolved.hpp"

using dipgraph::Diagnostics;
using dipgraph::ingest::FrameTable;
using dipgraph::ingest::UnresolvedName;
using dipgraph::ingest::UnresolvedNames;

namespace {

const FrameTable& frames() {
  static const FrameTable kFrames = [] {
    Diagnostics diag(false);
    return FrameTable::load(std::string(DIPGRAPH_DATA_DIR) + "/frames.tsv", diag);
  }();
  return kFrames;
}

const UnresolvedName* find(const std::vector<UnresolvedName>& names, const std::string& part) {
  auto it = std::find_if(names.begin(), names.end(),
                         [&](const UnresolvedName& u) { return u.name.find(part) != std::string::npos; });
  return it == names.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("unresolved: an unknown name acting in event clauses is counted, most frequent first") {
  UnresolvedNames names(dipgraph::test::extractor(), frames());
  names.scan(dipgraph::test::document(
      "Quorvath Lentz criticized Pakistan on Monday. Later Quorvath Lentz visited India. "
      "India condemned Brembleton."));
  names.scan(dipgraph::test::document("Quorvath Lentz met Japanese officials in Tokyo."));
  auto ranked = names.ranked();
  std::vector<std::string> listed;
  for (const auto& u : ranked) listed.push_back(u.name + " x" + std::to_string(u.count));
  CAPTURE(listed);
  const UnresolvedName* lentz = find(ranked, "Lentz");
  REQUIRE(lentz != nullptr);
  CHECK(lentz->count >= 2);
  CHECK(lentz->example.find(lentz->name) != std::string::npos);
  CHECK(lentz->article == "t");
  CHECK(ranked.front().count == lentz->count);  // the most frequent first
  for (std::size_t k = 1; k < ranked.size(); ++k) CHECK(ranked[k - 1].count >= ranked[k].count);
  // Known actors are resolved: never listed.
  for (const char* known : {"Pakistan", "India", "Tokyo", "Japan"}) CHECK(find(ranked, known) == nullptr);
}

TEST_CASE("unresolved: a name outside an event-like clause is not listed") {
  UnresolvedNames names(dipgraph::test::extractor(), frames());
  names.scan(dipgraph::test::document("Quorvath Lentz is a tall man. Quorvath Lentz likes rivers."));
  CHECK(names.ranked().empty());
}
