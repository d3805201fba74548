// The Boost side of KnowledgeGraph: the graph type, the string pool and the
// indexes. Include only from .cpp files of graph/, queries/, export/ (it
// pulls in Boost.Graph); everything else uses graph/knowledge_graph.hpp.
//
// The graph is a CsrGraph (graph/detail/csr_graph.hpp): compressed sparse
// rows both ways, a Boost.Graph bidirectional graph whose vertex descriptors
// are the dense VertexIds. Its arrays are owned when the graph was built from
// facts and borrowed from the mapping when it was read from a snapshot, so
// opening a snapshot costs no rebuilding. Bidirectional keeps the stored
// direction (exports are directed graphs) while in_edges lets queries walk
// the graph as undirected in O(degree): see for_each_neighbor.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/detail/csr_graph.hpp"
#include "graph/graph_summary.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph::detail {

// The graph type the queries and exporters walk (the name predates the CSR).
using BoostGraph = CsrGraph;
using BoostVertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using BoostEdge = boost::graph_traits<BoostGraph>::edge_descriptor;

// Open-addressing hash index from strings to uint32 values, where the
// strings live elsewhere: key_of(value) gives a value's key back. Flat
// (one probe sequence in one array), so a lookup costs about one cache miss.
class StringIndex {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t value = kMissing;
  };

  void reserve(std::size_t n) {
    if (n * 10 >= slots_.size() * 7) rehash(capacity_for(n));
  }
  std::size_t size() const { return size_; }

  // The value stored under `key`, or kMissing.
  template <class KeyOf>
  std::uint32_t find(std::string_view key, const KeyOf& key_of) const {
    if (borrowed_) return find_in(borrowed_, key, key_of);
    if (slots_.empty()) return kMissing;
    return find_in(slots_.data(), key, key_of);
  }

  // Stores value under key unless the key is present; returns the stored
  // value (the old one if present). Not on a borrowed table.
  template <class KeyOf>
  std::uint32_t insert(std::string_view key, std::uint32_t value, const KeyOf& key_of) {
    if ((size_ + 1) * 10 >= slots_.size() * 7) rehash(capacity_for(size_ + 1), key_of);
    std::size_t h = hash(key);
    auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value == kMissing) {
        s = {tag, value};
        ++size_;
        return value;
      }
      if (s.tag == tag && key_of(s.value) == key) return s.value;
    }
  }

  // The table as it is (graph/snapshot.cpp writes it), and a table used
  // where it lies (a snapshot mapping that outlives the index): `count`
  // slots (a power of two) from slots() of an index with the same hash()
  // and `size` keys.
  const Slot* slot_data() const { return borrowed_ ? borrowed_ : slots_.data(); }
  std::size_t slot_count() const { return borrowed_ ? mask_ + 1 : slots_.size(); }
  // A writable copy of `o`'s table (its slots, borrowed or owned).
  void copy_from(const StringIndex& o) {
    slots_.assign(o.slot_data(), o.slot_data() + o.slot_count());
    borrowed_ = nullptr;
    mask_ = slots_.empty() ? 0 : slots_.size() - 1;
    size_ = o.size_;
  }
  // `gate` (optional, outliving the index) checks the borrowed slots on
  // first use; a lookup then probes at most every slot once.
  void borrow(const Slot* slots, std::size_t count, std::size_t size,
              const BlockGate* gate = nullptr) {
    slots_.clear();
    borrowed_ = slots;
    gate_ = gate;
    mask_ = count - 1;
    size_ = size;
  }

  static std::size_t hash(std::string_view key) {
    // std::hash mixes well but its high bits feed the tag; spread them.
    std::size_t h = std::hash<std::string_view>{}(key);
    return h ^ (h >> 29) * 0x9E3779B97F4A7C15ull;
  }

 private:
  template <class KeyOf>
  std::uint32_t find_in(const Slot* slots, std::string_view key, const KeyOf& key_of) const {
    std::size_t h = hash(key);
    auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_, n = 0; n <= mask_; i = (i + 1) & mask_, ++n) {
      if (gate_) gate_->need(snap::kIndex, i);
      const Slot& s = slots[i];
      if (s.value == kMissing) return kMissing;
      if (s.tag == tag && key_of(s.value) == key) return s.value;
    }
    return kMissing;  // a full table (only a crafted snapshot's)
  }

  static std::size_t capacity_for(std::size_t n) {
    std::size_t cap = 16;
    while (cap * 7 <= n * 10) cap *= 2;
    return cap;
  }
  void rehash(std::size_t cap) { rehash(cap, [](std::uint32_t) { return std::string_view(); }); }
  template <class KeyOf>
  void rehash(std::size_t cap, const KeyOf& key_of) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const Slot& s : old) {
      if (s.value == kMissing) continue;
      std::size_t i = hash(key_of(s.value)) & mask_;
      while (slots_[i].value != kMissing) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  const Slot* borrowed_ = nullptr;
  const BlockGate* gate_ = nullptr;
  std::size_t mask_ = 0, size_ = 0;
};

// Append-only string storage: bytes live in fixed blocks that never move,
// so string_views stay valid. intern() stores each distinct string once;
// add() stores without looking (for strings known to be unique, such as
// evidence sentences). StrId 0 is "".
class StringPool {
 public:
  StringPool();
  StrId intern(std::string_view s);
  StrId add(std::string_view s);
  std::string_view view(StrId id) const {
    if (offsets_) {
      if (gate_) need(id);
      return {borrowed_ + offsets_[id], static_cast<std::size_t>(offsets_[id + 1] - offsets_[id])};
    }
    return views_[id];
  }
  void reserve(std::size_t strings) { views_.reserve(strings); }
  std::size_t size() const { return offsets_ ? count_ : views_.size(); }
  std::size_t bytes() const { return bytes_; }
  // Replaces the pool by `count` strings that live elsewhere (a snapshot
  // mapping, which must outlive the pool): string i is bytes[offsets[i] ..
  // offsets[i+1]), `bytes` holding `size` bytes. The pool is then read-only:
  // intern() and add() throw. `gate` (optional, outliving the pool) checks
  // the offsets and bytes of each string on first use.
  void adopt(const char* bytes, std::uint64_t size, const std::uint64_t* offsets,
             std::size_t count, const BlockGate* gate = nullptr);
  // Makes this a writable pool that starts with `base`'s strings under the
  // same ids (viewed in base's memory, which must outlive this pool);
  // intern() finds the ids listed in `interned` (base's interned strings),
  // new strings get ids after base's.
  void extend(const StringPool& base, const std::vector<StrId>& interned);

 private:
  std::string_view copy(std::string_view s);
  void need(StrId id) const {
    gate_->need(snap::kStringOffsets, id, id + 2);
    gate_->need(snap::kStringBytes, offsets_[id], offsets_[id + 1]);
  }
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0, capacity_ = 0, bytes_ = 0;
  std::vector<std::string_view> views_;
  StringIndex ids_;
  const char* borrowed_ = nullptr;
  const std::uint64_t* offsets_ = nullptr;
  const BlockGate* gate_ = nullptr;
  std::size_t count_ = 0;
};

// One resolution key (a normalized name or code) and what it names.
struct NameEntry {
  VertexId vertex;
  std::uint8_t rank;  // 0 code or full name, 1 surname
};

// One country-to-country tie as a snapshot stores it (CountryTie without
// its event list): the events of tie i are stored_tie_events[events_end of
// tie i-1 .. events_end of tie i).
struct TieRecord {
  std::uint32_t a, b, count, by_quad[5], a_to_b, b_to_a;
  std::uint32_t happened, by_tone[3];  // TieTally's realized facts and their tones
  StrId first_date, last_date;
  double goldstein_sum;
  std::uint64_t events_end;
};
static_assert(sizeof(TieRecord) == 80);

// The country view of a whole graph, as read from a snapshot (borrowed).
struct StoredCountryView {
  const TieRecord* ties = nullptr;  // ordered by (a, b), as CountryView::ties()
  std::size_t tie_count = 0;
  const VertexId* events = nullptr;
  // Each tie's strength at the default half-life and the stored reference
  // day (GraphSummary::newest_day), by the default tally rule.
  const double* strengths = nullptr;
  const BlockGate* gate = nullptr;  // checks `events` on first use, if set
  // Events [begin, end) of `events`, checked.
  const VertexId* events_at(std::uint64_t begin, std::uint64_t end) const {
    if (gate) gate->need(snap::kTieEvents, begin, end);
    return events + begin;
  }
};

struct GraphImpl {
  BoostGraph g;
  StringPool strings;
  StringIndex index;  // stable id -> vertex
  // The vertex with this stable id, or kNoVertex.
  VertexId find(std::string_view id) const {
    return index.find(id, [this](std::uint32_t v) { return strings.view(g[v].id); });
  }
  // Normalized (slugified) names and codes of entities -> vertices.
  std::unordered_map<std::string, std::vector<NameEntry>> names;
  std::size_t kind_counts[kVertexKindCount] = {};
  // VertexFlags of every vertex: its kind and status, and
  // VertexFlags::kPlaceholder if no fact named entity v yet (its label is its
  // code or id, or a dictionary's name given at the end of the build): a
  // later fact that names it relabels it. Kept by snapshots so that a graph
  // can be extended with new facts as if built from all of them, and so that
  // a pass over every vertex's kind or status reads a byte, not a record.
  std::vector<std::uint8_t> flags;
  // The snapshot's column of EventKeys (vertex_count() of them, in the
  // mapping), or null for a graph built from facts.
  const EventKeys* event_keys = nullptr;
  BuildStats stats;
  // Set when the graph was read from a snapshot: CountryView(graph) reads it
  // instead of walking every event.
  std::optional<StoredCountryView> country_view;
  // Set when the graph was read from a snapshot: the stored whole-graph
  // aggregates (graph/graph_summary.hpp).
  std::optional<GraphSummary> summary;
  // What the strings point into when the graph was read from a snapshot
  // (the file mapping); empty for a graph built from facts.
  std::shared_ptr<const void> backing;
  // The gate of a snapshot read with checks on first use (it owns the
  // mapping too); null otherwise.
  std::shared_ptr<const BlockGate> gate;
};

// Calls f(other, kind, outgoing) for every edge touching v: out-edges first
// (outgoing = true, other = target), then in-edges (other = source).
template <class F>
inline void for_each_neighbor(const BoostGraph& g, VertexId v, F&& f) {
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
    f(static_cast<VertexId>(boost::target(*it, g)), g[*it].kind, true);
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
    f(static_cast<VertexId>(boost::source(*it, g)), g[*it].kind, false);
}

// Appends `s` to `out` as valid UTF-8 holding only characters XML 1.0
// allows: each malformed byte, C0 control other than tab/LF/CR (NUL
// included), U+FFFE and U+FFFF becomes U+FFFD. Returns true if `s` was
// already clean (then `out` got `s` unchanged).
bool append_clean_text(std::string& out, std::string_view s);

// Length in bytes of the well-formed UTF-8 sequence at s[i] if it encodes a
// character XML 1.0 allows, else 0 (i < s.size()).
std::size_t xml_char_length(std::string_view s, std::size_t i);
// When xml_char_length(s, i) is 0: how many bytes one U+FFFD replaces (3 for
// the well-formed U+FFFE / U+FFFF, else 1).
std::size_t bad_char_length(std::string_view s, std::size_t i);

// The resolution key of a name: slugify() (lower-case ASCII, non-ASCII kept,
// runs of other characters -> '-').
std::string name_key(std::string_view name);

}  // namespace dipgraph::detail
