// Neighbor queries: a country's (or any entity's) partner countries, ranked
// by tie strength (docs/queries.md, "neighbors").
//
// The strength of a tie is a sum over the facts the two share:
//
//   weight(fact) = confidence × (1 + ln(mentions)) × 2^(−age / half_life)
//
// where mentions is the number of articles reporting the fact (at least 1)
// and age is the number of days from the middle of the fact's date to the
// reference day (by default the newest date of an event that happened, see
// newest_event_day; never negative). An undated fact counts as one half-life old. Facts count for a
// country through its people and national bodies, as in ties.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/tie_tally.hpp"
#include "queries/ties.hpp"

namespace dipgraph {

struct NeighborOptions {
  double half_life_days = kDefaultHalfLifeDays;  // > 0
  // Day number (edtf_days) age is measured from; nullopt: newest_event_day.
  std::optional<std::int32_t> reference_day;
  EventFilter filter;
};

// One partner country of an entity X.
struct Neighbor {
  VertexId country = kNoVertex;
  double strength = 0.0;  // sum of event_weight over the shared facts
  ToneSummary tone;       // shared facts; a_to_b = X acting on the partner
};

// The reference day: the last day of the newest date among the events that
// happened (status occurred or ongoing; planned and intended events carry
// future dates), else among all dated events; nullopt when no event passing
// `filter` is dated. One pass over the events.
std::optional<std::int32_t> newest_event_day(const KnowledgeGraph& graph,
                                             const EventFilter& filter = {});

// The weight of event `ev` by the formula above; 0 for a fact that did not
// take place (negated, planned, intended: graph/tie_tally.hpp).
// reference_day nullopt: no decay (factor 1).
double event_weight(const KnowledgeGraph& graph, VertexId ev,
                    std::optional<std::int32_t> reference_day,
                    double half_life_days = kDefaultHalfLifeDays);

// The partner countries of entity `x`: the countries the other parties of
// its facts count for, except the country x itself counts for (a country:
// itself; a person or national body: its home). Strongest first; equal
// strengths by more facts, then by vertex order. Throws Error if x is an
// event or half_life_days <= 0.
std::vector<Neighbor> find_neighbors(const KnowledgeGraph& graph, VertexId x,
                                     const NeighborOptions& options = {});

}  // namespace dipgraph
