// Changes between two periods: two masked country views, compared pair by
// pair.
#include "queries/changes.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "graph/country_view.hpp"

namespace dipgraph {

std::string_view to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::appeared: return "appeared";
    case ChangeKind::vanished: return "vanished";
    case ChangeKind::warmed: return "warmed";
    case ChangeKind::cooled: return "cooled";
  }
  return "appeared";
}

DateWindow parse_period(std::string_view text, std::string_view flag) {
  auto bad = [&] {
    return Error(fmt::format(
        "{} \"{}\": expected a period FROM..TO of EDTF dates (1987-01..1987-06) or one date (1987)",
        flag, text));
  };
  std::size_t dots = text.find("..");
  DateWindow p;
  if (dots == std::string_view::npos) {
    p.since = p.until = std::string(text);
  } else {
    p.since = std::string(text.substr(0, dots));
    p.until = std::string(text.substr(dots + 2));
  }
  auto lo = edtf_days(p.since), hi = edtf_days(p.until);
  if (!lo || !hi) throw bad();
  if (lo->first > hi->last) throw bad();
  return p;
}

namespace {

// The tone of the events of one tie (the view's event list), and the list.
ToneSummary tone_of(const KnowledgeGraph& graph, const CountryTie& t) {
  ToneSummary s;
  for (VertexId ev : t.events) s.add(graph, ev);
  s.a_to_b = t.a_to_b;
  s.b_to_a = t.b_to_a;
  return s;
}

}  // namespace

Changes find_changes(const KnowledgeGraph& graph, const DateWindow& from, const DateWindow& to,
                     std::size_t top, EventFilter filter) {
  Changes out;
  auto mask_of = [&](const DateWindow& p, std::size_t& count) {
    EventFilter f = filter;
    f.since = p.since;
    f.until = p.until;
    std::vector<char> mask(graph.vertex_count(), 0);
    for (VertexId v = 0; v < graph.vertex_count(); ++v)
      if (graph.kind(v) == VertexKind::event && f.keep(graph, v)) mask[v] = 1, ++count;
    return mask;
  };
  std::vector<char> mask_a = mask_of(from, out.facts_before),
                    mask_b = mask_of(to, out.facts_after);
  CountryView before(graph, &mask_a), after(graph, &mask_b);

  std::map<std::pair<VertexId, VertexId>, TieChange> pairs;
  for (const CountryTie& t : before.ties()) {
    TieChange& c = pairs[{t.a, t.b}];
    c.a = t.a, c.b = t.b;
    c.before = tone_of(graph, t);
  }
  for (const CountryTie& t : after.ties()) {
    TieChange& c = pairs[{t.a, t.b}];
    c.a = t.a, c.b = t.b;
    c.after = tone_of(graph, t);
  }
  for (auto& [key, c] : pairs) {
    const CountryTie* tb = before.find(c.a, c.b);
    const CountryTie* ta = after.find(c.a, c.b);
    std::vector<VertexId> moved;
    bool up = true;
    if (!c.before.count) {
      c.kind = ChangeKind::appeared;
      moved = ta->events;
      up = c.after.mean_goldstein() >= 0;
    } else if (!c.after.count) {
      c.kind = ChangeKind::vanished;
      moved = tb->events;
      up = c.before.mean_goldstein() >= 0;
    } else {
      c.shift = c.after.mean_goldstein() - c.before.mean_goldstein();
      if (c.shift == 0) continue;  // no change of tone: not listed
      c.kind = c.shift > 0 ? ChangeKind::warmed : ChangeKind::cooled;
      moved = ta->events;
      up = c.shift > 0;
    }
    std::stable_sort(moved.begin(), moved.end(), [&](VertexId x, VertexId y) {
      double gx = graph.vertex(x).goldstein, gy = graph.vertex(y).goldstein;
      return up ? gx > gy : gx < gy;
    });
    if (moved.size() > 3) moved.resize(3);
    c.evidence = moved;
    switch (c.kind) {
      case ChangeKind::appeared: out.appeared.push_back(c); break;
      case ChangeKind::vanished: out.vanished.push_back(c); break;
      case ChangeKind::warmed: out.warmed.push_back(c); break;
      case ChangeKind::cooled: out.cooled.push_back(c); break;
    }
  }
  auto rank = [&](std::vector<TieChange>& v, auto key) {
    std::stable_sort(v.begin(), v.end(), [&](const TieChange& x, const TieChange& y) {
      double kx = key(x), ky = key(y);
      if (kx != ky) return kx > ky;
      return x.before.count + x.after.count > y.before.count + y.after.count;
    });
    if (top && v.size() > top) v.resize(top);
  };
  rank(out.appeared, [](const TieChange& c) { return double(c.after.count); });
  rank(out.vanished, [](const TieChange& c) { return double(c.before.count); });
  rank(out.warmed, [](const TieChange& c) { return c.shift; });
  rank(out.cooled, [](const TieChange& c) { return -c.shift; });
  return out;
}

}  // namespace dipgraph
