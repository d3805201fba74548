// Tests of the exchange word clustering (ingest/syntax/word_clusters.hpp):
// words met in the same contexts share a class, rare words get none, and
// the result does not depend on anything but the text; the frozen index
// (ClusterIndex) answers as the map does.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/syntax/word_clusters.hpp"

using namespace dipgraph::syntax;

namespace {
std::uint64_t h(const std::string& w) { return std::hash<std::string>{}(w) | 1; }

// "DET NOUN VERB" sentences over two determiners, three nouns, three verbs.
std::vector<std::vector<std::uint64_t>> text() {
  std::vector<std::vector<std::uint64_t>> out;
  for (const char* d : {"the", "a"})
    for (const char* n : {"cat", "dog", "bird"})
      for (const char* v : {"sat", "ran", "slept"})
        for (int i = 0; i < 3; ++i) out.push_back({h(d), h(n), h(v)});
  out.push_back({h("the"), h("rare"), h("sat")});
  return out;
}
}  // namespace

TEST_CASE("word clusters: words of like contexts share a class, rare words have none") {
  const WordClusters c = exchange_clusters(text(), 4, 3, 20);
  REQUIRE(c.count(h("cat")));
  CHECK(c.at(h("cat")) == c.at(h("dog")));
  CHECK(c.at(h("dog")) == c.at(h("bird")));
  CHECK(c.at(h("sat")) == c.at(h("ran")));
  CHECK(c.at(h("ran")) == c.at(h("slept")));
  CHECK(c.at(h("the")) != c.at(h("cat")));
  CHECK(c.at(h("cat")) != c.at(h("sat")));
  for (const auto& [word, cls] : c) CHECK(cls < 4);
  CHECK(c.count(h("rare")) == 0);
  CHECK(exchange_clusters(text(), 4, 3, 20) == c);
}

TEST_CASE("word clusters: empty text gives no classes") {
  CHECK(exchange_clusters({}, 8, 1, 5).empty());
  CHECK(exchange_clusters({{}}, 8, 1, 5).empty());
}

TEST_CASE("word clusters: the frozen index gives each word's class, -1 for others") {
  WordClusters c;
  // Keys that share their low bits collide in the index and probe on.
  for (std::uint64_t i = 0; i < 200; ++i) c[(i << 20) | 7] = static_cast<std::uint8_t>(i % 64);
  c[0] = 5;  // a zero key is a word like any other
  const ClusterIndex index(c);
  CHECK_FALSE(index.empty());
  // (no structured binding: clang cannot capture one in CAPTURE's lambda)
  for (const auto& entry : c) {
    const std::uint64_t word = entry.first;
    const int cls = entry.second;
    CAPTURE(word);
    CHECK(index.find(word) == cls);
  }
  CHECK(index.find(8) == -1);
  CHECK(index.find((300ULL << 20) | 7) == -1);
  CHECK(ClusterIndex().empty());
  CHECK(ClusterIndex().find(7) == -1);
  CHECK(ClusterIndex(WordClusters{}).find(0) == -1);
}
