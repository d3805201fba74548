// Timelines: how an entity's facts, or the ties between two entities, change
// over time (docs/queries.md, "timeline").
//
// Facts are bucketed by the period their date falls in: a day "2025-07-10",
// an ISO week "2025-W28", a month "2025-07", a quarter "2025-Q3" or a year
// "2025". A date coarser than the period keeps its own bucket: under --by
// month, a fact dated only "2025" goes to the period "2025", listed just
// before "2025-01"; a decade "197X" stays "197X". Periods between the first
// and the last with facts are all listed, empty ones with zero counts.
// Undated facts are gathered in the last bucket, "undated". For a pair, each
// bucket's a_to_b / b_to_a count the facts each way (as `ties`).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "queries/ties.hpp"

namespace dipgraph {

enum class TimelinePeriod { day, week, month, quarter, year };
// "day", "week", "month", "quarter", "year"; nullopt for anything else.
std::optional<TimelinePeriod> parse_timeline_period(std::string_view s);

struct TimelineBucket {
  std::string period;  // "2025-07", "2025-W28", "2025-Q3", "2025", "197X" or "undated"
  bool coarse = false; // a date coarser than the period (its own bucket)
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
