// Timelines: the events of the query, keyed by their truncated date.
#include "queries/timeline.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "graph/dates.hpp"
#include "graph/fact_json.hpp"

namespace dipgraph {

namespace {

// The day number of the first day of the ISO week holding day d (1970-01-01
// was a Thursday).
std::int32_t monday_of(std::int32_t d) { return d - ((d % 7 + 7 + 3) % 7); }

std::string iso_week_label(std::int32_t monday) {
  std::string thursday = civil_from_days(monday + 3);
  int year = std::stoi(thursday.substr(0, 4));
  int week = (monday + 3 - days_from_civil(year, 1, 1)) / 7 + 1;
  return fmt::format("{:04}-W{:02}", year, week);
}

// A period: its label, its first day (the sort key) and whether it has the
// requested precision ("fine") or is a coarser date's own bucket.
struct Period {
  std::string label;
  std::int32_t first = 0;
  bool fine = false;
  bool operator<(const Period& o) const {
    return first != o.first ? first < o.first : fine < o.fine;  // coarse first
  }
};

std::string label_of(std::int32_t first, TimelinePeriod by) {
  std::string day = civil_from_days(first);
  switch (by) {
    case TimelinePeriod::day: return day;
    case TimelinePeriod::week: return iso_week_label(first);
    case TimelinePeriod::month: return day.substr(0, 7);
    case TimelinePeriod::quarter:
      return fmt::format("{}-Q{}", day.substr(0, 4), (std::stoi(day.substr(5, 2)) - 1) / 3 + 1);
    case TimelinePeriod::year: return day.substr(0, 4);
  }
  return day;
}

// The first day of the period holding day d.
std::int32_t period_start(std::int32_t d, TimelinePeriod by) {
  std::string day = civil_from_days(d);
  int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2));
  switch (by) {
    case TimelinePeriod::day: return d;
    case TimelinePeriod::week: return monday_of(d);
    case TimelinePeriod::month: return days_from_civil(y, m, 1);
    case TimelinePeriod::quarter: return days_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
    case TimelinePeriod::year: return days_from_civil(y, 1, 1);
  }
  return d;
}

// The first day of the period after the one starting on `first`.
std::int32_t next_start(std::int32_t first, TimelinePeriod by) {
  std::string day = civil_from_days(first);
  int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2));
  switch (by) {
    case TimelinePeriod::day: return first + 1;
    case TimelinePeriod::week: return first + 7;
    case TimelinePeriod::month: return m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
    case TimelinePeriod::quarter:
      return m >= 10 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 3, 1);
    case TimelinePeriod::year: return days_from_civil(y + 1, 1, 1);
  }
  return first + 1;
}

// The period of a date; nullopt when undated.
std::optional<Period> period_of(std::string_view date, TimelinePeriod by) {
  auto days = edtf_days(date);
  if (!days) return std::nullopt;
  bool decade = date.find('X') != std::string_view::npos;
  std::size_t need = by == TimelinePeriod::day || by == TimelinePeriod::week ? 10
                     : by == TimelinePeriod::year                            ? 4
                                                                             : 7;
  if (decade || date.size() < need) return Period{std::string(date), days->first, false};
  std::int32_t first = period_start(days->first, by);
  return Period{label_of(first, by), first, true};
}

}  // namespace

std::optional<TimelinePeriod> parse_timeline_period(std::string_view s) {
  if (s == "day") return TimelinePeriod::day;
  if (s == "week") return TimelinePeriod::week;
  if (s == "month") return TimelinePeriod::month;
  if (s == "quarter") return TimelinePeriod::quarter;
  if (s == "year") return TimelinePeriod::year;
  return std::nullopt;
}

Timeline build_timeline(const KnowledgeGraph& graph, VertexId a, VertexId b, TimelinePeriod by,
                        const EventFilter& filter) {
  std::vector<std::pair<VertexId, TieDirection>> events;
  if (b == kNoVertex) {
    if (graph.kind(a) == VertexKind::event)
      throw Error(fmt::format("timeline: {} is an event, not an entity", describe(graph, a)));
    for (VertexId ev : events_of(graph, a, filter)) events.emplace_back(ev, TieDirection::mutual);
  } else {
    Ties t = find_ties(graph, a, b, filter);
    for (const TieGroup& grp : t.groups)
      for (const TieFact& f : grp.facts) events.emplace_back(f.event, f.direction);
    std::sort(events.begin(), events.end());
  }
  struct Bucket {
    ToneSummary tone;
    std::map<std::string, std::size_t> types;
  };
  std::map<Period, Bucket> buckets;
  Bucket undated;
  Timeline out;
  for (auto [ev, dir] : events) {
    const VertexData& d = graph.vertex(ev);
    auto p = period_of(graph.str(d.date), by);
    Bucket& bucket = p ? buckets[*p] : undated;
    bucket.tone.add(graph, ev);
    bucket.tone.a_to_b += dir == TieDirection::a_to_b || dir == TieDirection::both;
    bucket.tone.b_to_a += dir == TieDirection::b_to_a || dir == TieDirection::both;
    ++bucket.types[std::string(graph.str(d.type))];
    out.total.add(graph, ev);
    out.total.a_to_b += dir == TieDirection::a_to_b || dir == TieDirection::both;
    out.total.b_to_a += dir == TieDirection::b_to_a || dir == TieDirection::both;
  }
  // Empty periods between the first and the last fine one.
  std::vector<std::int32_t> fine;
  for (auto& [p, bucket] : buckets)
    if (p.fine) fine.push_back(p.first);
  for (std::size_t i = 0; i + 1 < fine.size(); ++i)
    for (std::int32_t d = next_start(fine[i], by); d < fine[i + 1]; d = next_start(d, by))
      buckets.try_emplace(Period{label_of(d, by), d, true});
  auto emit = [&](std::string label, bool coarse, Bucket& bucket) {
    TimelineBucket p;
    p.period = std::move(label);
    p.coarse = coarse;
    p.tone = bucket.tone;
    p.types.assign(bucket.types.begin(), bucket.types.end());
    std::stable_sort(p.types.begin(), p.types.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    out.periods.push_back(std::move(p));
  };
  for (auto& [p, bucket] : buckets) emit(p.label, !p.fine, bucket);
  if (undated.tone.count) emit("undated", true, undated);
  return out;
}

}  // namespace dipgraph
