// Tie queries: every fact between two entities (docs/queries.md, "ties").
//
// An entity "takes part" in a fact when it is one of the fact's parties
// (source, target or participant). A country also takes part through the
// people and national bodies that represent it (VertexData::home): a meeting
// of Pakistan's prime minister with Russia's foreign minister is a fact
// between Pakistan and Russia. A person, an international organization or a
// place stands only for itself. A fact ties A and B when one of its parties
// counts for A and another (distinct) party counts for B.
//
// This header also holds what the other query families share: EventFilter
// (keep events by date window, type, status, confidence, applied to a graph
// that was built unfiltered), and events_of. EDTF dates as day numbers live in graph/dates.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/dates.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/tie_tally.hpp"

namespace dipgraph {

// Which events a query looks at. The same rules as the command line's
// --since / --until / --type / --status / --min-confidence (which filter
// facts before the graph is built): dates compare as EDTF ranges (an event
// dated 2025-08 is kept by since = 2025-08-20 and by until = 2025-08-01) and
// an undated event is dropped once since or until is set.
struct EventFilter {
  std::string since, until;        // EDTF dates; empty = open
  std::vector<std::string> types;  // event types; empty = all
  std::vector<Status> statuses;    // empty = all
  double min_confidence = 0.0;
  bool active() const;
  // Whether event vertex `ev` passes. Malformed since/until: throws Error.
  bool keep(const KnowledgeGraph& graph, VertexId ev) const;
};

// Whether party `p` counts for entity `x`: p == x, or x is a country and p is
// a person or organization whose home is x (CountryView::country_of).
bool counts_for(const KnowledgeGraph& graph, VertexId p, VertexId x);

// The event vertices entity `x` takes part in (for a country, also through
// its people and national bodies), passing `filter`, ascending.
std::vector<VertexId> events_of(const KnowledgeGraph& graph, VertexId x,
                                const EventFilter& filter = {});

// Which side acted on which in one fact (source / target edges).
enum class TieDirection : std::uint8_t {
  mutual,  // no side is source of an act on the other (participants, or both sources)
  a_to_b,  // a party of A is a source and a party of B a target
  b_to_a,
  both,  // each side is source and target
};
std::string_view to_string(TieDirection d);

// One fact between A and B. The parties that stood for each side live in
// Ties::parties (read them with Ties::a_parties / b_parties).
struct TieFact {
  VertexId event = kNoVertex;
  TieDirection direction = TieDirection::mutual;
  std::uint32_t a_first = 0, a_count = 0;  // parties counting for A: parties[a_first, +a_count)
  std::uint32_t b_first = 0, b_count = 0;  // parties counting for B
};

// The facts of one type, newest first (by the last day each date covers,
// then the first; undated facts last, then by graph order).
struct TieGroup {
  StrId type = 0;
  std::vector<TieFact> facts;
};

// Totals over all facts of a tie (or any set of events): the numbers of
// graph/tie_tally.hpp, the directed counts and the date span.
struct ToneSummary : TieTally {
  std::uint32_t a_to_b = 0, b_to_a = 0;
  StrId first_date = 0;  // earliest dated event's date (0 if none is dated)
  StrId last_date = 0;   // latest dated event's date
  // Adds event `ev` (its quad class, Goldstein value and date).
  void add(const KnowledgeGraph& graph, VertexId ev);
  // The same with the event's date already parsed (edtf_days of its date).
  void add(const KnowledgeGraph& graph, VertexId ev, const std::optional<DayRange>& days);
  // Adds the events `later` summed, as if added one by one after these:
  // counts add up, the first and last dates are those the events in turn
  // would give (sums of doubles may differ in their last bits).
  void merge(const ToneSummary& later);

 private:
  std::int32_t first_day_ = 0, last_day_ = 0;
};

struct Ties {
  VertexId a = kNoVertex, b = kNoVertex;
  std::vector<TieGroup> groups;   // most facts first, then by type name
  ToneSummary summary;            // over every fact of every group
  std::vector<VertexId> parties;  // the facts' parties, in edge order, side by side
  bool empty() const { return summary.count == 0; }
  std::span<const VertexId> a_parties(const TieFact& f) const {
    return {parties.data() + f.a_first, f.a_count};
  }
  std::span<const VertexId> b_parties(const TieFact& f) const {
    return {parties.data() + f.b_first, f.b_count};
  }
};

// Every fact between entities a and b that passes `filter`. a == b, or a
// vertex that is an event: throws Error. Cost: the events of the side with
// fewer party edges, each read once.
Ties find_ties(const KnowledgeGraph& graph, VertexId a, VertexId b, const EventFilter& filter = {});

}  // namespace dipgraph
