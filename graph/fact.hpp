// The fact: the contract between extraction and the graph (docs/facts.md).
//
// A Fact is one event between actors (a meeting, a statement, a project...)
// with its CAMEO coding, status, date, place and the evidence sentences that
// support it. Facts are plain values; they flow from ingest/ (extraction) or
// from a facts JSONL file into graph/ (store, knowledge graph).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipgraph {

inline constexpr int kFactSchemaVersion = 3;

enum class ActorKind { country, person, organization, place };
enum class Status { occurred, planned, intended, negotiating, ongoing, negated };

// Spelling shared by text, DOT, GraphML and JSON output.
std::string_view to_string(ActorKind kind);
std::string_view to_string(Status status);
// Parse the spellings above; nullopt for anything else.
std::optional<ActorKind> parse_actor_kind(std::string_view s);
std::optional<Status> parse_status(std::string_view s);

// A party to a fact. id is stable across articles: country:PAK, org:SCO,
// person:<slug>, place:<ISO3>:<slug>. country is an ISO 3166-1 alpha-3 code
// (for a country actor its own code), empty when unknown.
struct Actor {
  std::string id;
  ActorKind kind = ActorKind::country;
  std::string name;
  std::string country;
  std::string role;

  friend bool operator==(const Actor&, const Actor&) = default;
};

struct Location {
  std::string name;
  std::string country;  // ISO3, may be empty
  friend bool operator==(const Location&, const Location&) = default;
};

// One sentence supporting a fact. start/end are byte offsets of the sentence
// in the article's normalized text; text is that sentence. The article's
// provenance, when its input gave it: title, URL, outlet (the publisher,
// the article's "source" or "outlet") and publication date (YYYY-MM-DD);
// empty when unknown.
struct Evidence {
  std::string article;
  std::uint32_t sentence = 0;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string text;
  std::string title, url, outlet, published;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Fact {
  std::string id;         // event:<16 hex> unless given
  std::string type;       // meeting, visit, summit, statement, praise, project, ...
  std::string cameo;      // "043"; may be 2 digits ("04") when the text says no more
  std::string root;       // "04"
  int quad_class = 0;     // 1..4
  double goldstein = 0.0; // -10..10
  Status status = Status::occurred;
  std::string date;       // EDTF: 2025-07-10, 2025-08, 2024, 197X; empty if unknown
  std::vector<Actor> source, target, participants;
  std::optional<Location> location;
  std::string name;       // proper name of a summit, project, agreement
  std::string quote;
  std::vector<std::string> topics;  // ISO3 codes of countries discussed
  std::vector<Evidence> evidence;
  double confidence = 0.5;
  int mentions = 0;       // distinct articles in evidence, copies once (computed)
  int sources = 0;        // distinct outlets in evidence (computed)
};

// The stable content id: "event:" + 16 hex digits of a 64-bit FNV-1a hash of
// type, party ids, date and location, and for an undated fact the smallest
// article id of its evidence (docs/facts.md, "The id"). A directed fact (one
// with a source or a target) hashes its source, target and participant ids
// as three groups, so the reversed act gets another id; a symmetric fact
// (participants alone) hashes them as one set, in any order.
std::string compute_fact_id(const Fact& fact);

// Gives `fact` its id when it has none (compute_fact_id), and migrates ids of
// older schemas to schema 3's: the id schema 1 gave an undated fact (without
// its article), and the id schema 2 gave a directed fact (its sides taken as
// one set). Any other explicit id is kept.
void settle_fact_id(Fact& fact);

// Number of distinct articles in fact.evidence, syndicated copies once:
// articles that share an evidence sentence (the same non-empty text) are
// copies of one story and count as one.
int count_mentions(const Fact& fact);
int count_mentions(const std::vector<Evidence>& evidence);

// Number of distinct non-empty outlets in fact.evidence.
int count_sources(const std::vector<Evidence>& evidence);

// Every actor of the fact: source, then target, then participants, each id once.
std::vector<const Actor*> parties(const Fact& fact);

// Lower-case ASCII slug: "Alexei Overchuk" -> "alexei-overchuk". Non-ASCII
// UTF-8 letters are kept as they are; everything else becomes one '-'.
std::string slugify(std::string_view name);

// 64-bit FNV-1a, used for stable ids.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 14695981039346656037ull);

}  // namespace dipgraph
