// GraphSummary: the whole-graph aggregates that `stats` prints and that
// `neighbors`, `rank` and the exports start from (the reference day of tie
// weights), computed in one pass over the events and stored in the graph
// snapshot (docs/graph.md, "The snapshot"), so that a query on a store of
// millions of facts reads them instead of walking every event.
//
// A graph read from a fresh snapshot carries the stored summary
// (KnowledgeGraph::summary()); any other graph (built from facts, extended,
// filtered) has none, and callers compute it with summarize_graph().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace dipgraph {

class CountryView;  // graph/country_view.hpp

struct GraphSummary {
  // Events per type string, ordered by StrId (callers sort for display).
  std::vector<std::pair<StrId, std::uint64_t>> by_type;
  std::uint64_t by_status[6] = {};      // indexed by Status
  std::uint64_t by_quad[5] = {};        // [0] = unknown quad class (or out of 1..4)
  std::uint64_t articles = 0;           // distinct articles of the events' first evidence sentences
  std::uint64_t mentions = 0;           // sum over events of max(0, mentions)
  std::uint64_t dated = 0;              // events with a valid EDTF date
  StrId first_date = 0, last_date = 0;  // earliest / latest (the first such event wins a tie)
  // The last day of the newest date among events that happened (occurred,
  // ongoing), else among all dated events; nullopt if none is dated
  // (queries/neighbors.hpp, newest_event_day without a filter).
  std::optional<std::int32_t> newest_day;
  std::uint64_t ties = 0;  // country pairs sharing at least one event
  struct Country {
    VertexId country = kNoVertex;
    std::uint32_t partners = 0;   // countries it shares an event with (ties in the view)
    std::uint64_t tie_facts = 0;  // events whose parties count for it and another country
  };
  std::vector<Country> countries;  // every country with a tie fact, ascending by vertex
};

// The summary of the events of `graph` kept by `events` (a mask of
// vertex_count() entries; null: every event); `view` is the country view of
// the same events. One pass over the events and their party edges.
GraphSummary summarize_graph(const KnowledgeGraph& graph, const CountryView& view,
                             const std::vector<char>* events = nullptr);
// The same in two steps, for a caller that builds the country view
// meanwhile: summarize_events leaves each country's partners and the
// number of ties 0, add_partners fills them in from the view.
GraphSummary summarize_events(const KnowledgeGraph& graph, const std::vector<char>* events);
void add_partners(GraphSummary& summary, const CountryView& view);

// The summary as bytes (the snapshot's summary section: a fixed head of
// counts, then {u32 type, u32 0, u64 events} per type and {u32 country,
// u32 partners, u64 tie facts} per country, little-endian), appended to `out`.
void append_summary(const GraphSummary& s, std::string& out);
// Reads what append_summary wrote into `s`; returns an empty string, or what
// is wrong (sizes, a string id >= strings or a vertex >= vertices).
std::string read_summary(std::string_view bytes, std::uint64_t vertices, std::uint64_t strings,
                         GraphSummary& s);

}  // namespace dipgraph
