// Timelines: how an entity's facts, or the ties between two entities, change
// over time (docs/queries.md, "timeline").
//
// Facts are bucketed by the period their date falls in. A date coarser than
// the period keeps its own bucket: under --by month, a fact dated only "2025"
// goes to the period "2025", listed just before "2025-01"; a decade "197X"
// stays "197X". Undated facts are gathered in the last bucket, "undated".
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "queries/ties.hpp"

namespace dipgraph {

enum class TimelinePeriod { month, year };

struct TimelineBucket {
  std::string period;  // "2025-07", "2025", "197X" or "undated"
  ToneSummary tone;    // facts, cooperative / conflictual, mean Goldstein, dates
  std::vector<std::pair<std::string, std::size_t>>
      types;  // facts per type, most first, then by name
};

struct Timeline {
  std::vector<TimelineBucket> periods;  // in time order, "undated" last
  ToneSummary total;
};

// The timeline of entity a's facts (b == kNoVertex), or of the facts between
// a and b (find_ties). Throws Error as find_ties does.
Timeline build_timeline(const KnowledgeGraph& graph, VertexId a, VertexId b, TimelinePeriod by,
                        const EventFilter& filter = {});

}  // namespace dipgraph
