// Changes between two periods: which country ties appeared, vanished,
// warmed and cooled most (docs/queries.md, "changes").
//
// Each period is an EDTF window (since..until, compared as EventFilter
// does). The country view (graph/country_view.hpp, the ties `ties` and
// `neighbors` count) is built once over the events of each window; every
// pair tied in either is compared:
//   appeared  no fact before, some after (ranked by facts after);
//   vanished  some before, none after (ranked by facts before);
//   warmed    facts in both, mean Goldstein up (ranked by the rise);
//   cooled    facts in both, mean Goldstein down (ranked by the fall).
// Each change keeps the facts that moved it: the after-period facts of the
// pair (before-period ones for a vanished tie), most extreme tone first in
// the direction of the change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "queries/ties.hpp"

namespace dipgraph {

enum class ChangeKind : std::uint8_t { appeared, vanished, warmed, cooled };
std::string_view to_string(ChangeKind k);

struct DateWindow {
  std::string since, until;  // EDTF; "1987-01", "1987-06"
};
// "1987-01..1987-06", or one EDTF date ("1987", "1987-07") for the range it
// covers. Throws Error naming `flag` for anything else.
DateWindow parse_period(std::string_view text, std::string_view flag);

struct TieChange {
  ChangeKind kind = ChangeKind::appeared;
  VertexId a = kNoVertex, b = kNoVertex;  // country vertices, a < b
  ToneSummary before, after;              // the pair's facts in each period
  double shift = 0.0;                     // after minus before mean Goldstein (0 if either is empty)
  std::vector<VertexId> evidence;         // up to 3 events that moved it
};

struct Changes {
  std::size_t facts_before = 0, facts_after = 0;  // events in each period
  std::vector<TieChange> appeared, vanished, warmed, cooled;  // each ranked, at most `top`
};

// The changes from period `from` to period `to`, `filter` applied to both
// (its own since/until are ignored). top = 0: every change. Malformed
// periods: Error.
Changes find_changes(const KnowledgeGraph& graph, const DateWindow& from, const DateWindow& to,
                     std::size_t top = 10, EventFilter filter = {});

}  // namespace dipgraph
