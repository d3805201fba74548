// CountryView: one pass over the event vertices, collecting each event's
// countries (through the parties' `home`) and folding every pair into a tie.
#include "graph/country_view.hpp"

#include <algorithm>

#include "graph/detail/boost_graph.hpp"
#include "graph/fact_json.hpp"

namespace dipgraph {

std::pair<std::string, std::string> edtf_day_bounds(std::string_view d) {
  if (!is_edtf_date(d)) return {};
  std::string lo(d.substr(0, 4)), hi = lo;
  std::replace(lo.begin(), lo.end(), 'X', '0');
  std::replace(hi.begin(), hi.end(), 'X', '9');
  if (d.size() == 4) return {lo + "-01-01", hi + "-12-31"};
  std::string month(d.substr(4, 3));  // "-08"
  if (d.size() == 7) return {lo + month + "-01", hi + month + "-31"};
  return {std::string(d), std::string(d)};
}

namespace {

// edtf_day_bounds as integers YYYYMMDD (no allocation); {0, 0} if undated.
std::pair<int, int> day_range(std::string_view d) {
  if (!is_edtf_date(d)) return {0, 0};
  int lo = 0, hi = 0;
  for (int i = 0; i < 4; ++i) {
    lo = lo * 10 + (d[i] == 'X' ? 0 : d[i] - '0');
    hi = hi * 10 + (d[i] == 'X' ? 9 : d[i] - '0');
  }
  int month_lo = 1, month_hi = 12, day_lo = 1, day_hi = 31;
  if (d.size() >= 7) month_lo = month_hi = (d[5] - '0') * 10 + (d[6] - '0');
  if (d.size() == 10) day_lo = day_hi = (d[8] - '0') * 10 + (d[9] - '0');
  return {lo * 10000 + month_lo * 100 + day_lo, hi * 10000 + month_hi * 100 + day_hi};
}

}  // namespace

VertexId CountryView::country_of(const KnowledgeGraph& graph, VertexId v) {
  const VertexData& d = graph.vertex(v);
  switch (d.kind) {
    case VertexKind::country: return v;
    case VertexKind::person:
    case VertexKind::organization: return d.home;
    default: return kNoVertex;
  }
}

CountryView::CountryView(const KnowledgeGraph& graph, const std::vector<char>* events)
    : graph_(&graph) {
  if (!events && graph.impl().country_view) {  // stored in the snapshot: the same ties
    const detail::StoredCountryView& stored = *graph.impl().country_view;
    ties_.resize(stored.tie_count);
    std::uint64_t begin = 0;
    for (std::size_t i = 0; i < stored.tie_count; ++i) {
      const detail::TieRecord& r = stored.ties[i];
      CountryTie& t = ties_[i];
      t.a = r.a, t.b = r.b, t.count = r.count;
      std::copy(std::begin(r.by_quad), std::end(r.by_quad), t.by_quad);
      t.a_to_b = r.a_to_b, t.b_to_a = r.b_to_a;
      t.goldstein_sum = r.goldstein_sum;
      t.happened = r.happened;
      std::copy(std::begin(r.by_tone), std::end(r.by_tone), t.by_tone);
      t.first_date = r.first_date, t.last_date = r.last_date;
      t.events.assign(stored.events + begin, stored.events + r.events_end);
      begin = r.events_end;
    }
    index();
    return;
  }
  std::vector<std::pair<int, int>> bounds;
  add_events(0, events, bounds);
  index();
}

CountryView::CountryView(const KnowledgeGraph& graph, const CountryView& base, VertexId first_new)
    : graph_(&graph), ties_(base.ties_) {
  std::vector<std::pair<int, int>> bounds(ties_.size());
  for (std::uint32_t i = 0; i < ties_.size(); ++i) {
    const CountryTie& t = ties_[i];
    by_pair_.emplace((std::uint64_t{t.a} << 32) | t.b, i);
    if (t.first_date) bounds[i].first = day_range(graph.str(t.first_date)).first;
    if (t.last_date) bounds[i].second = day_range(graph.str(t.last_date)).second;
  }
  add_events(first_new, nullptr, bounds);
  index();
}

void CountryView::add_events(VertexId first, const std::vector<char>* events,
                             std::vector<std::pair<int, int>>& bounds) {
  const KnowledgeGraph& graph = *graph_;
  const auto& g = graph.impl().g;
  struct Side {
    VertexId country;
    bool source, target;
  };
  std::vector<Side> sides;
  for (VertexId ev = first; ev < graph.vertex_count(); ++ev) {
    const VertexData& e = graph.vertex(ev);
    if (e.kind != VertexKind::event || (events && !(*events)[ev])) continue;
    sides.clear();
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      EdgeKind k = g[*it].kind;
      if (k != EdgeKind::participant && k != EdgeKind::source && k != EdgeKind::target) continue;
      VertexId c = country_of(graph, static_cast<VertexId>(boost::source(*it, g)));
      if (c == kNoVertex) continue;
      auto s = std::find_if(sides.begin(), sides.end(), [&](const Side& x) { return x.country == c; });
      if (s == sides.end()) s = sides.insert(sides.end(), Side{c, false, false});
      s->source |= k == EdgeKind::source;
      s->target |= k == EdgeKind::target;
    }
    if (sides.size() < 2) continue;
    auto day = day_range(graph.str(e.date));
    for (std::size_t i = 0; i < sides.size(); ++i)
      for (std::size_t j = i + 1; j < sides.size(); ++j) {
        VertexId a = std::min(sides[i].country, sides[j].country);
        VertexId b = std::max(sides[i].country, sides[j].country);
        const Side& sa = sides[i].country == a ? sides[i] : sides[j];
        const Side& sb = sides[i].country == a ? sides[j] : sides[i];
        auto [it, inserted] =
            by_pair_.emplace((std::uint64_t{a} << 32) | b, static_cast<std::uint32_t>(ties_.size()));
        if (inserted) {
          ties_.emplace_back();
          ties_.back().a = a;
          ties_.back().b = b;
          bounds.emplace_back();
        }
        CountryTie& t = ties_[it->second];
        t.add(graph.str(e.cameo), e.quad_class, e.goldstein, e.status);
        if (sa.source && sb.target) ++t.a_to_b;
        if (sb.source && sa.target) ++t.b_to_a;
        t.events.push_back(ev);
        if (day.first != 0) {
          auto& [first, last] = bounds[it->second];
          if (t.first_date == 0 || day.first < first) {
            t.first_date = e.date;
            first = day.first;
          }
          if (t.last_date == 0 || day.second > last) {
            t.last_date = e.date;
            last = day.second;
          }
        }
      }
  }
}

void CountryView::index() {
  // Order ties by (a, b) and index them.
  std::vector<std::uint32_t> order(ties_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::pair(ties_[x].a, ties_[x].b) < std::pair(ties_[y].a, ties_[y].b);
  });
  std::vector<CountryTie> sorted;
  sorted.reserve(ties_.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(ties_[i]));
  ties_ = std::move(sorted);
  for (std::uint32_t i = 0; i < ties_.size(); ++i) {
    by_pair_[(std::uint64_t{ties_[i].a} << 32) | ties_[i].b] = i;
    by_country_[ties_[i].a].push_back(i);
    by_country_[ties_[i].b].push_back(i);
  }
  for (auto& [country, list] : by_country_) {
    const VertexId c = country;  // clang 14 cannot capture a structured binding
    countries_.push_back(c);
    std::sort(list.begin(), list.end(), [&](std::uint32_t x, std::uint32_t y) {
      return ties_[x].other(c) < ties_[y].other(c);
    });
  }
  std::sort(countries_.begin(), countries_.end());
}

const std::vector<std::uint32_t>& CountryView::ties_of(VertexId c) const {
  static const std::vector<std::uint32_t> kNone;
  auto it = by_country_.find(c);
  return it == by_country_.end() ? kNone : it->second;
}

const CountryTie* CountryView::find(VertexId a, VertexId b) const {
  if (a > b) std::swap(a, b);
  auto it = by_pair_.find((std::uint64_t{a} << 32) | b);
  return it == by_pair_.end() ? nullptr : &ties_[it->second];
}

}  // namespace dipgraph
