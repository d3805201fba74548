// Fact ids are a public contract: compute_fact_id must give the same id as
// the plain definition (FNV-1a over the joined key, docs/facts.md) for any
// fact. The reference below builds the key string as the definition says.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "graph/fact.hpp"

using namespace dipgraph;

namespace {

std::string sorted_ids(std::initializer_list<const std::vector<Actor>*> groups) {
  std::set<std::string> ids;
  for (const auto* group : groups)
    for (const Actor& a : *group) ids.insert(a.id);
  std::string out;
  for (const auto& id : ids) out += id + '\x1e';
  return out;
}

std::string reference_id(const Fact& fact) {
  std::string key = fact.type + '\x1f';
  if (fact.source.empty() && fact.target.empty())  // symmetric: one set
    key += sorted_ids({&fact.participants});
  else  // directed: source, target, participants, each group ended by 0x1D
    for (const auto* group : {&fact.source, &fact.target, &fact.participants})
      key += sorted_ids({group}) + '\x1d';
  key += '\x1f' + fact.date + '\x1f';
  if (fact.location) key += fact.location->country + "/" + fact.location->name;
  if (fact.date.empty() && !fact.evidence.empty()) {
    std::string article = fact.evidence.front().article;
    for (const Evidence& e : fact.evidence) article = std::min(article, e.article);
    key +=
        "\x1f"
        "article:" +
        article;
  }
  return fmt::format("event:{:016x}", fnv1a64(key));
}

Actor actor(std::string id) {
  Actor a;
  a.id = std::move(id);
  return a;
}

}  // namespace

TEST_CASE("fact: compute_fact_id equals the id of the joined key") {
  const std::vector<std::string> pool = {"country:PAK", "country:RUS", "org:SCO",
                                         "person:alexei-overchuk", "country:PA", "", "place:RUS:kazan",
                                         "person:\xC3\xA9mile"};
  std::uint64_t seed = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  for (int round = 0; round < 400; ++round) {
    Fact f;
    f.type = round % 7 == 0 ? "" : (round % 2 ? "meeting" : "statement");
    f.date = round % 5 == 0 ? std::string() : fmt::format("2025-07-1{}", round % 10);
    for (auto* group : {&f.source, &f.target, &f.participants}) {
      const int count = static_cast<int>(next() % (round % 11 == 0 ? 20 : 4));
      for (int k = 0; k < count; ++k) group->push_back(actor(pool[next() % pool.size()]));
    }
    if (round % 3 == 0) f.location = Location{"Kazan", round % 2 ? "RUS" : ""};
    for (int k = 0; k < round % 4; ++k) {
      Evidence e;
      e.article = fmt::format("a{}", next() % 5);
      f.evidence.push_back(e);
    }
    CAPTURE(round);
    CHECK(compute_fact_id(f) == reference_id(f));
  }
}

TEST_CASE("fact: count_mentions counts distinct articles") {
  for (int n : {0, 1, 5, 16, 17, 40}) {
    Fact f;
    std::set<std::string> distinct;
    for (int k = 0; k < n; ++k) {
      Evidence e;
      e.article = fmt::format("a{}", k % 7);
      distinct.insert(e.article);
      f.evidence.push_back(e);
    }
    CAPTURE(n);
    CHECK(count_mentions(f) == static_cast<int>(distinct.size()));
  }
}
