// Timelines: the events of the query, keyed by their truncated date.
#include "queries/timeline.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "graph/fact_json.hpp"

namespace dipgraph {

namespace {

// The bucket of a date: its first 7 (month) or 4 (year) characters, or the
// whole date if it is coarser; "undated" for no valid date. Sorted with "~"
// standing for undated so it comes last.
std::string period_of(std::string_view date, TimelinePeriod by) {
  if (date.empty() || !is_edtf_date(date)) return "~";
  std::size_t n = by == TimelinePeriod::month ? 7 : 4;
  return std::string(date.substr(0, std::min(n, date.size())));
}

}  // namespace

Timeline build_timeline(const KnowledgeGraph& graph, VertexId a, VertexId b, TimelinePeriod by,
                        const EventFilter& filter) {
  std::vector<VertexId> events;
  if (b == kNoVertex) {
    if (graph.kind(a) == VertexKind::event)
      throw Error(fmt::format("timeline: {} is an event, not an entity", describe(graph, a)));
    events = events_of(graph, a, filter);
  } else {
    Ties t = find_ties(graph, a, b, filter);
    for (const TieGroup& grp : t.groups)
      for (const TieFact& f : grp.facts) events.push_back(f.event);
    std::sort(events.begin(), events.end());
  }
  std::map<std::string, std::pair<ToneSummary, std::map<std::string, std::size_t>>> buckets;
  Timeline out;
  for (VertexId ev : events) {
    const VertexData& d = graph.vertex(ev);
    auto& [tone, types] = buckets[period_of(graph.str(d.date), by)];
    tone.add(graph, ev);
    ++types[std::string(graph.str(d.type))];
    out.total.add(graph, ev);
  }
  for (auto& [period, bucket] : buckets) {
    TimelineBucket p;
    p.period = period == "~" ? "undated" : period;
    p.tone = bucket.first;
    p.types.assign(bucket.second.begin(), bucket.second.end());
    std::stable_sort(p.types.begin(), p.types.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    out.periods.push_back(std::move(p));
  }
  return out;
}

}  // namespace dipgraph
