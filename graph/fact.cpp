// Fact helpers: enum spellings, stable ids, party lists, slugs.
#include "graph/fact.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <set>

namespace dipgraph {

namespace {
constexpr std::string_view kActorKinds[] = {"country", "person", "organization", "place"};
constexpr std::string_view kStatuses[] = {"occurred", "planned", "intended",
                                           "negotiating", "ongoing", "negated"};
}  // namespace

std::string_view to_string(ActorKind kind) { return kActorKinds[static_cast<int>(kind)]; }
std::string_view to_string(Status status) { return kStatuses[static_cast<int>(status)]; }

std::optional<ActorKind> parse_actor_kind(std::string_view s) {
  for (int i = 0; i < 4; ++i)
    if (kActorKinds[i] == s) return static_cast<ActorKind>(i);
  return std::nullopt;
}

std::optional<Status> parse_status(std::string_view s) {
  for (int i = 0; i < 6; ++i)
    if (kStatuses[i] == s) return static_cast<Status>(i);
  return std::nullopt;
}

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string compute_fact_id(const Fact& fact) {
  std::vector<std::string_view> ids;
  for (const Actor* a : parties(fact)) ids.push_back(a->id);
  std::sort(ids.begin(), ids.end());
  std::string key = fact.type;
  key += '\x1f';
  for (auto id : ids) {
    key += id;
    key += '\x1e';
  }
  key += '\x1f';
  key += fact.date;
  key += '\x1f';
  if (fact.location) key += fact.location->country + "/" + fact.location->name;
  return fmt::format("event:{:016x}", fnv1a64(key));
}

int count_mentions(const Fact& fact) {
  std::set<std::string_view> articles;
  for (const auto& e : fact.evidence) articles.insert(e.article);
  return static_cast<int>(articles.size());
}

std::vector<const Actor*> parties(const Fact& fact) {
  std::vector<const Actor*> out;
  auto add = [&](const std::vector<Actor>& group) {
    for (const auto& a : group) {
      bool seen = std::any_of(out.begin(), out.end(), [&](const Actor* b) { return b->id == a.id; });
      if (!seen) out.push_back(&a);
    }
  };
  add(fact.source);
  add(fact.target);
  add(fact.participants);
  return out;
}

std::string slugify(std::string_view name) {
  std::string out;
  bool dash = false;
  for (unsigned char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      keep = true;
    }
    if (keep) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace dipgraph
