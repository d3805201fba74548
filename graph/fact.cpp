// Fact helpers: enum spellings, stable ids, party lists, slugs.
#include "graph/fact.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <unordered_map>
#include <unordered_set>

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

namespace {

inline std::uint64_t fnv_byte(std::uint64_t h, unsigned char c) {
  return (h ^ c) * 1099511628211ull;
}

}  // namespace

// The hash is taken over the key (docs/facts.md, "The id") without building
// it: FNV-1a runs over the pieces in order, which gives the hash of their
// concatenation.
namespace {

// Which id schema to compute: 1 (undated facts without their article), 2
// (one order-free set of parties), 3 (today's: a directed fact's source and
// target are two groups).
enum class IdSchema { v1 = 1, v2 = 2, v3 = 3 };

// Hashes the sorted distinct ids of `groups`, each id followed by 0x1E, into h.
std::uint64_t hash_party_ids(std::uint64_t h, std::initializer_list<const std::vector<Actor>*> groups) {
  constexpr std::size_t kInline = 16;
  std::string_view inline_ids[kInline];
  std::vector<std::string_view> heap_ids;
  std::size_t total = 0;
  for (const auto* group : groups) total += group->size();
  std::string_view* ids = inline_ids;
  if (total > kInline) {
    heap_ids.resize(total);
    ids = heap_ids.data();
  }
  std::size_t n = 0;
  for (const auto* group : groups)
    for (const Actor& a : *group) ids[n++] = a.id;
  std::sort(ids, ids + n);
  n = static_cast<std::size_t>(std::unique(ids, ids + n) - ids);
  for (std::size_t k = 0; k < n; ++k) {
    h = fnv1a64(ids[k], h);
    h = fnv_byte(h, 0x1e);
  }
  return h;
}

bool is_directed(const Fact& fact) { return !fact.source.empty() || !fact.target.empty(); }

std::string fact_id_hash(const Fact& fact, IdSchema schema) {
  std::uint64_t h = fnv1a64(fact.type);
  h = fnv_byte(h, 0x1f);
  if (schema == IdSchema::v3 && is_directed(fact)) {
    // Schema 3: who acts on whom counts ("A criticized B" is not "B
    // criticized A"); each side is a group, groups end in 0x1D.
    for (const auto* group : {&fact.source, &fact.target, &fact.participants}) {
      h = hash_party_ids(h, {group});
      h = fnv_byte(h, 0x1d);
    }
  } else {
    h = hash_party_ids(h, {&fact.source, &fact.target, &fact.participants});
  }
  h = fnv_byte(h, 0x1f);
  h = fnv1a64(fact.date, h);
  h = fnv_byte(h, 0x1f);
  if (fact.location) {
    h = fnv1a64(fact.location->country, h);
    h = fnv_byte(h, '/');
    h = fnv1a64(fact.location->name, h);
  }
  // Schema 2 on: an undated fact is its article's (the smallest article id
  // of its evidence), so undated facts of unrelated stories never share an id.
  if (schema != IdSchema::v1 && fact.date.empty() && !fact.evidence.empty()) {
    std::string_view article = fact.evidence.front().article;
    for (const Evidence& e : fact.evidence)
      article = std::min<std::string_view>(article, e.article);
    h = fnv_byte(h, 0x1f);
    h = fnv1a64("article:", h);
    h = fnv1a64(article, h);
  }
  char buf[22] = {'e', 'v', 'e', 'n', 't', ':'};
  static constexpr char kHex[] = "0123456789abcdef";
  for (int k = 0; k < 16; ++k) buf[6 + k] = kHex[(h >> (60 - 4 * k)) & 0xF];
  return std::string(buf, sizeof buf);
}

}  // namespace

std::string compute_fact_id(const Fact& fact) { return fact_id_hash(fact, IdSchema::v3); }

void settle_fact_id(Fact& fact) {
  if (fact.id.empty()) {
    fact.id = compute_fact_id(fact);
    return;
  }
  // Schemas 1, 2 and 3 agree on a dated fact without source or target: it
  // keeps its id without hashing.
  const bool directed = is_directed(fact);
  const bool undated = fact.date.empty() && !fact.evidence.empty();
  if (!directed && !undated) return;
  if ((directed && fact.id == fact_id_hash(fact, IdSchema::v2)) ||  // sides were one set
      (undated && fact.id == fact_id_hash(fact, IdSchema::v1)))     // the article was left out
    fact.id = compute_fact_id(fact);
}

int count_mentions(const Fact& fact) { return count_mentions(fact.evidence); }

int count_mentions(const std::vector<Evidence>& ev) {
  if (ev.empty()) return 0;
  if (std::all_of(ev.begin(), ev.end(), [&](const Evidence& e) { return e.article == ev[0].article; })) return 1;
  // Articles are the nodes; a sentence text two articles share joins them.
  std::unordered_map<std::string_view, std::size_t> article_no;
  std::vector<std::size_t> parent;
  std::unordered_map<std::string_view, std::size_t> text_article;
  auto root = [&](std::size_t a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  int groups = 0;
  for (const Evidence& e : ev) {
    auto [it, added] = article_no.emplace(e.article, parent.size());
    if (added) parent.push_back(parent.size()), ++groups;
    if (e.text.empty()) continue;
    auto [t, fresh] = text_article.emplace(e.text, it->second);
    if (fresh) continue;
    std::size_t a = root(it->second), b = root(t->second);
    if (a != b) parent[a] = b, --groups;
  }
  return groups;
}

int count_sources(const std::vector<Evidence>& ev) {
  if (ev.size() > 32) {
    std::unordered_set<std::string_view> outlets;
    for (const Evidence& e : ev)
      if (!e.outlet.empty()) outlets.insert(e.outlet);
    return static_cast<int>(outlets.size());
  }
  std::vector<std::string_view> outlets;
  for (const Evidence& e : ev)
    if (!e.outlet.empty() && std::find(outlets.begin(), outlets.end(), e.outlet) == outlets.end())
      outlets.push_back(e.outlet);
  return static_cast<int>(outlets.size());
}

std::vector<const Actor*> parties(const Fact& fact) {
  std::vector<const Actor*> out;
  out.reserve(fact.source.size() + fact.target.size() + fact.participants.size());
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
  out.reserve(name.size());
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
