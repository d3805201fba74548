// KnowledgeGraph: the facts as a typed, directed multigraph, built once and
// then read-only (docs/graph.md).
//
// One vertex per entity (country, person, organization, place) and one per
// fact (kind `event`), each with a stable id (`country:PAK`, `event:<hex>`).
// Typed edges tie parties to events (participant / source / target), events
// to places (located_in) and topic countries (about), places to their country
// (in), people and national bodies to the country they represent
// (represents), and members to organizations (member_of).
//
// The graph is a compressed-sparse-row Boost graph (graph/detail/csr_graph.hpp)
// over arrays that a snapshot maps as they are (graph/snapshot.hpp), but
// this header stays free of Boost: it exposes plain vertex records, string
// lookups, the id index and entity resolution. Code in graph/, queries/ and
// export/ that needs adjacency includes the detail header in its .cpp file.
// Every string in the graph is interned (repeated labels, kinds, codes and
// dates are stored once) and sanitized: valid UTF-8 holding only characters
// XML 1.0 allows (anything else becomes U+FFFD), so every exporter writes the
// same text. All member functions are const and safe to call concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"

namespace dipgraph {

namespace detail {
struct GraphImpl;  // graph/detail/boost_graph.hpp
}
class NameTable;  // graph/name_table.hpp
struct GraphSummary;  // graph/graph_summary.hpp

enum class VertexKind : std::uint8_t { country, person, organization, place, event };
enum class EdgeKind : std::uint8_t {
  participant,  // party -> event (symmetric events, or parties named without a side)
  source,       // party -> event (the acting side)
  target,       // party -> event (the side acted upon)
  located_in,   // event -> place
  in,           // place -> country
  represents,   // person or national organization -> country
  member_of,    // person, country or organization -> organization
  about,        // event -> topic country
};
inline constexpr int kVertexKindCount = 5;
inline constexpr int kEdgeKindCount = 8;

// Spellings shared by text, DOT, GraphML and JSON output ("organization",
// "located_in", ...).
std::string_view to_string(VertexKind kind);
std::string_view to_string(EdgeKind kind);
std::optional<VertexKind> parse_vertex_kind(std::string_view s);
std::optional<EdgeKind> parse_edge_kind(std::string_view s);

// Dense vertex index, 0 .. vertex_count()-1, in build order.
using VertexId = std::uint32_t;
inline constexpr VertexId kNoVertex = 0xffffffffu;
// Interned string handle; 0 is the empty string. Resolve with KnowledgeGraph::str.
using StrId = std::uint32_t;

// The record of one vertex (the bundled vertex property of the Boost graph).
// Fields marked "events" are 0/empty on entities and vice versa.
struct VertexData {
  StrId id = 0;      // stable id: country:PAK, org:SCO, person:<slug>, place:<ISO3>:<slug>, event:<hex>
  StrId label = 0;   // display name; events: the fact's name, else its type
  VertexKind kind = VertexKind::country;
  std::uint8_t quad_class = 0;       // events: 1..4, 0 unknown
  Status status = Status::occurred;  // events
  StrId country = 0;  // entities: ISO3 code (a country's own, a person's, a national body's, a place's)
  StrId role = 0;     // persons: "Deputy Prime Minister"
  VertexId home = kNoVertex;  // entities: the country vertex of `country` (a country: itself)
  StrId type = 0;      // events: meeting, visit, project, ...
  StrId cameo = 0;     // events: "043"
  StrId root = 0;      // events: "04"
  StrId date = 0;      // events: EDTF date, empty if unknown
  StrId evidence = 0;  // events: text of the first evidence sentence
  StrId article = 0;   // events: article id of the first evidence sentence
  // events: that article's provenance, each empty when the input lacked it
  // (Evidence::title, url, outlet, published)
  StrId title = 0, url = 0, outlet = 0, published = 0;
  std::int32_t mentions = 0;  // events: distinct articles reporting it
  double goldstein = 0.0;     // events
  double confidence = 0.0;    // events
};

// A vertex's kind and, for an event, its status in one byte
// (KnowledgeGraph::vertex_flags): bits 1-3 the kind, bits 4-6 the status
// (0 on entities); bit 0 is the graph's own (an entity no fact has named
// yet). A pass over every vertex that needs no more reads these bytes
// instead of the vertex records (88 bytes each in a snapshot).
struct VertexFlags {
  static constexpr std::uint8_t kPlaceholder = 1;
  static VertexKind kind(std::uint8_t f) { return static_cast<VertexKind>(f >> 1 & 7); }
  static Status status(std::uint8_t f) { return static_cast<Status>(f >> 4 & 7); }
  // The flags of a vertex with record `d`.
  static std::uint8_t of(const VertexData& d, bool placeholder) {
    return static_cast<std::uint8_t>((placeholder ? kPlaceholder : 0) |
                                     static_cast<unsigned>(d.kind) << 1 |
                                     static_cast<unsigned>(d.status) << 4);
  }
};

// What a filter reads of an event, in 16 bytes: its type, date and CAMEO
// code (interned strings) and its confidence as a float. A snapshot stores
// them as a column (KnowledgeGraph::event_keys), so that a filter's pass
// over every event reads 16 bytes of each instead of its 88-byte record;
// entities' keys are zeros.
struct EventKeys {
  StrId type = 0, date = 0, cameo = 0;
  float confidence = 0;
  static EventKeys of(const VertexData& d) {
    if (d.kind != VertexKind::event) return {};
    return {d.type, d.date, d.cameo, static_cast<float>(d.confidence)};
  }
};
static_assert(sizeof(EventKeys) == 16);

// An edge seen from one of its ends: `source -kind-> target` as stored.
struct EdgeRef {
  VertexId source = kNoVertex;
  VertexId target = kNoVertex;
  EdgeKind kind = EdgeKind::participant;
};

struct BuildStats {
  std::size_t facts = 0;       // facts given
  std::size_t events = 0;      // event vertices made
  std::size_t duplicates = 0;  // facts skipped because their id was already an event
};

// The outcome of resolving a user's name for an entity.
struct Resolution {
  enum class Outcome { found, ambiguous, unknown };
  Outcome outcome = Outcome::unknown;
  VertexId vertex = kNoVertex;      // found
  std::vector<VertexId> candidates; // ambiguous: the tied matches; unknown: near matches (best first)
  std::string message;              // for the user when not found (names the query and candidates)
  bool ok() const { return outcome == Outcome::found; }
};

// Names for entities that no fact names (a country seen only as a person's
// "country" code, an organization seen only as a member): given a stable id
// ("country:BEL"), the display name ("Belgium"), or empty if unknown. The
// graph library has no dictionary; the caller passes one (cli/ reads
// data/countries.tsv and data/organizations.tsv).
using NameLookup = std::function<std::string_view(std::string_view stable_id)>;

class KnowledgeGraph {
 public:
  // Builds the graph from `facts` (normally FactStore::load, unique ids).
  // A fact whose id is already an event vertex is skipped and counted in
  // stats().duplicates; if `diag` is given each one is reported as a warning.
  // Entities are merged by id; the first non-empty name, country and role win
  // (a placeholder label such as a bare code is replaced by a real name).
  static KnowledgeGraph build(const std::vector<Fact>& facts, Diagnostics* diag = nullptr,
                              const NameLookup& names = {});

  // Builds a graph fact by fact, for facts streamed from a store
  // (FactStore::scan) without holding them all: add() each fact, then
  // finish() once. Adding the same facts in the same order gives the same
  // graph as build() (build() is this), duplicates handled alike.
  class Builder {
   public:
    // `expected_facts` (optional) sizes the tables up front.
    explicit Builder(Diagnostics* diag = nullptr, std::size_t expected_facts = 0);
    // Continues `base` (a finished graph, e.g. a store's snapshot): adding
    // facts then gives the graph that adding base's facts and then these
    // would give, without building base's part again (its rows are copied,
    // its strings viewed in place and kept alive by the new graph).
    explicit Builder(KnowledgeGraph base, Diagnostics* diag = nullptr);
    ~Builder();
    Builder(Builder&&) noexcept;
    Builder& operator=(Builder&&) noexcept;
    // Makes room for about `facts` facts in all.
    void reserve(std::size_t facts);
    void add(const Fact& fact);
    // For a Builder continuing a base graph: base's event vertex `v` takes
    // the fields of `fact`, its fact with later reports merged, whose
    // parties, place, topics, type, status and name are those `v` was built
    // from (the caller checks): codes, date, confidence, mentions, and the
    // first evidence if it had none.
    void update_event(VertexId v, const Fact& fact);
    // finish() labels every entity still without a name by `names`.
    void set_fallback_names(NameLookup names);
    // The graph; the Builder is empty afterwards (add() then starts a new one).
    KnowledgeGraph finish();

   private:
    struct State;
    std::unique_ptr<State> state_;
  };

  KnowledgeGraph();  // empty graph
  // Takes a graph assembled elsewhere in graph/ (graph/snapshot.cpp).
  explicit KnowledgeGraph(std::unique_ptr<detail::GraphImpl> impl);
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  std::size_t vertex_count() const;
  std::size_t edge_count() const;
  std::size_t count(VertexKind kind) const;  // vertices of that kind
  std::size_t string_count() const;          // interned strings: every StrId is below it
  const BuildStats& stats() const;
  // The whole graph's aggregates when the graph was read from a snapshot
  // that stores them; else nullptr (compute them: summarize_graph).
  const GraphSummary* summary() const;

  // The record of `v` (0 <= v < vertex_count()).
  const VertexData& vertex(VertexId v) const;
  // The text of an interned string; valid as long as the graph lives.
  std::string_view str(StrId s) const;
  std::string_view id(VertexId v) const { return str(vertex(v).id); }
  std::string_view label(VertexId v) const { return str(vertex(v).label); }
  // The kind of `v`, from its VertexFlags (a byte, not its record).
  VertexKind kind(VertexId v) const { return VertexFlags::kind(vertex_flags()[v]); }

  // The vertex with this exact stable id, or kNoVertex.
  VertexId find(std::string_view stable_id) const;

  // Resolves what a user typed: a stable id (case of the prefix and code
  // forgiven: "COUNTRY:pak"), a country or organization code ("PAK", "SCO"),
  // a name in any case ("pakistan", "Côte d'Ivoire"), a person's slug or
  // surname, and, given `names` (the dictionaries' names,
  // ingest/recognize/dictionary_names.hpp), every alias, demonym, capital,
  // seat of government, ISO alpha-2 and COW code there ("U.S.", "Britain",
  // "Beijing", "GFR"). Codes, then names, then related words, then surnames;
  // among equal matches country > organization > person > place; several
  // matches of the same rank and kind are `ambiguous`. A name the
  // dictionaries know for an entity no fact names says so; any other unknown
  // name gets up to 5 near matches (edit distance to any of an entity's
  // names, prefix) in `candidates` and `message`.
  Resolution resolve(std::string_view query, const NameTable* names = nullptr) const;

  // Where event `ev`'s first evidence was published, for people: the
  // known parts of “title”, outlet, published date and URL, joined by ", "
  // (`“Talks in Nairobi”, Example Wire, 2025-03-04, https://…`); empty when
  // the input gave none of them or `ev` is not an event.
  std::string provenance_text(VertexId ev) const;
  // resolve(), throwing Error(message) unless found.
  VertexId resolve_or_throw(std::string_view query, const NameTable* names = nullptr) const;

  // VertexFlags of every vertex, indexed by VertexId (vertex_count() bytes,
  // valid as long as the graph lives; read without the vertex records).
  std::span<const std::uint8_t> vertex_flags() const;
  // EventKeys of every vertex, indexed by VertexId, for a graph read from a
  // snapshot (its blocks checked, on two threads, before it is returned);
  // empty for a graph built from facts (read the records).
  std::span<const EventKeys> event_keys() const;

  // Number of edges touching `v` (in and out).
  std::size_t degree(VertexId v) const;
  // Every edge touching `v`: out-edges first, then in-edges, in build order.
  std::vector<EdgeRef> edges_of(VertexId v) const;
  // Vertices within `depth` undirected steps of `center` (BFS), sorted by id.
  std::vector<VertexId> around(VertexId center, int depth) const;

  // The Boost graph and indexes, for .cpp files of graph/, queries/, export/
  // (include graph/detail/boost_graph.hpp).
  const detail::GraphImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<detail::GraphImpl> impl_;
};

// "Pakistan (country:PAK)": label and id, for messages.
std::string describe(const KnowledgeGraph& graph, VertexId v);

}  // namespace dipgraph
