// CountryView: country <-> country ties aggregated over the events of a
// KnowledgeGraph (docs/graph.md, "The country view").
//
// Each event ties every pair of distinct countries among its parties. A
// party counts for a country when it is that country, a person who
// represents it, or a national body (an organization with a country); an
// international organization or a place counts for nobody. A tie keeps the
// numbers of graph/tie_tally.hpp (facts; tone and quad classes of the facts
// that took place; mean Goldstein value), the first and last date,
// directed counts (source side of one, target side of the other) and the
// event vertices. Built once from a graph (which must outlive it), then
// read-only; the view of a whole graph read from a snapshot is the one the
// snapshot stored, copied, not computed again.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/tie_tally.hpp"

namespace dipgraph {

// A tie between two countries: its numbers are a TieTally (graph/tie_tally.hpp).
struct CountryTie : TieTally {
  VertexId a = kNoVertex;  // country vertices, a < b
  VertexId b = kNoVertex;
  std::uint32_t a_to_b = 0, b_to_a = 0;  // events where one acts (source) on the other (target)
  StrId first_date = 0;  // EDTF date of the earliest dated event; 0 if none is dated
  StrId last_date = 0;   // EDTF date of the latest dated event
  std::vector<VertexId> events;  // event vertices, in graph order

  // The other end of the tie from country c.
  VertexId other(VertexId c) const { return c == a ? b : a; }
};

class CountryView {
 public:
  // Aggregates every event, or only events e with (*events)[e] != 0 (a
  // mask of vertex_count() entries, e.g. from a date filter).
  explicit CountryView(const KnowledgeGraph& graph, const std::vector<char>* events = nullptr);
  // The view of `graph` when it extends the graph of `base` (whose ties are
  // copied; base's graph need not live) with new vertices from `first_new`
  // on, none of the older vertices changed: base's ties with every newer
  // event folded in, the same as the view of the whole graph.
  CountryView(const KnowledgeGraph& graph, const CountryView& base, VertexId first_new);

  const KnowledgeGraph& graph() const { return *graph_; }
  // Every tie, ordered by (a, b).
  const std::vector<CountryTie>& ties() const { return ties_; }
  // Indices into ties() of the ties of country vertex c, ordered by the other
  // country; empty for a vertex with no ties or that is no country.
  const std::vector<std::uint32_t>& ties_of(VertexId c) const;
  // The tie between countries a and b (either order), or nullptr.
  const CountryTie* find(VertexId a, VertexId b) const;
  // Country vertices with at least one tie, ascending.
  const std::vector<VertexId>& countries() const { return countries_; }
  // The strengths of ties() as the graph's snapshot stored them (at the
  // default half-life and the stored reference day, GraphSummary::newest_day),
  // or nullptr when the view was computed.
  const double* stored_strengths() const { return stored_strengths_; }

  // The country vertex a vertex stands for in the view: a country itself; a
  // person or a national organization: its country; else kNoVertex.
  static VertexId country_of(const KnowledgeGraph& graph, VertexId v);

 private:
  void index();  // sorts ties_ by (a, b) and fills the lookups
  // Folds events from vertex `first` on (those of the mask `events`, if
  // given) into ties_; bounds[i]: day numbers (edtf_days) of tie i's first
  // date's first day and last date's last day.
  void add_events(VertexId first, const std::vector<char>* events,
                  std::vector<std::pair<int, int>>& bounds);
  const KnowledgeGraph* graph_;
  const double* stored_strengths_ = nullptr;
  std::vector<CountryTie> ties_;
  std::vector<VertexId> countries_;
  std::unordered_map<VertexId, std::vector<std::uint32_t>> by_country_;
  std::unordered_map<std::uint64_t, std::uint32_t> by_pair_;
};

// The strength of every tie of `view` (indexed as view.ties()): the sum of
// fact_weight (graph/tie_tally.hpp) over its events, in graph order, with
// this reference day and half-life (> 0, else throws Error). The stored
// strengths when the view has them for these arguments.
std::vector<double> tie_strengths(const CountryView& view,
                                  std::optional<std::int32_t> reference_day,
                                  double half_life_days = kDefaultHalfLifeDays);

// Lexicographically comparable day bounds of an EDTF date: "2025-08" ->
// ("2025-08-01", "2025-08-31"), "197X" -> ("1970-01-01", "1979-12-31");
// an empty or malformed date gives empty strings.
std::pair<std::string, std::string> edtf_day_bounds(std::string_view date);

}  // namespace dipgraph
