// CountryView: one pass over the event vertices, collecting each event's
// countries (through the parties' `home`) and folding every pair into a tie.
#include "graph/country_view.hpp"

#include <algorithm>
#include <unordered_map>

#include "graph/detail/boost_graph.hpp"
#include "graph/error.hpp"
#include "graph/fact_json.hpp"
#include "graph/graph_summary.hpp"

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
  // Stored in the snapshot: the same ties (tallied by the default rule).
  if (!events && graph.impl().country_view && !counting_unrealized()) {
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
      const VertexId* events = stored.events_at(begin, r.events_end);
      t.events.assign(events, events + (r.events_end - begin));
      begin = r.events_end;
    }
    stored_strengths_ = stored.strengths;
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
    if (auto d = edtf_days(graph.str(t.first_date)); t.first_date && d) bounds[i].first = d->first;
    if (auto d = edtf_days(graph.str(t.last_date)); t.last_date && d) bounds[i].second = d->last;
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
  std::unordered_map<StrId, std::optional<DayRange>> date_days;
  StrId date_id = 0;
  const std::optional<DayRange>* days_of_date = nullptr;
  for (VertexId ev = first; ev < graph.vertex_count(); ++ev) {
    // The kind from the vertex flags: a dropped event's record is not read.
    if ((events && !(*events)[ev]) || graph.kind(ev) != VertexKind::event) continue;
    const VertexData& e = graph.vertex(ev);
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
    // Compared as ToneSummary and GraphSummary do; dates are interned:
    // each distinct one is parsed once.
    if (!days_of_date || e.date != date_id) {
      auto at = date_days.find(e.date);
      if (at == date_days.end()) at = date_days.emplace(e.date, edtf_days(graph.str(e.date))).first;
      date_id = e.date;
      days_of_date = &at->second;
    }
    const std::optional<DayRange>& day = *days_of_date;
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
        if (day) {
          auto& [first, last] = bounds[it->second];
          if (t.first_date == 0 || day->first < first) {
            t.first_date = e.date;
            first = day->first;
          }
          if (t.last_date == 0 || day->last > last) {
            t.last_date = e.date;
            last = day->last;
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

std::vector<double> tie_strengths(const CountryView& view,
                                  std::optional<std::int32_t> reference_day,
                                  double half_life_days) {
  if (!(half_life_days > 0)) throw Error("the half-life must be positive");
  const KnowledgeGraph& graph = view.graph();
  const GraphSummary* summary = graph.summary();
  if (view.stored_strengths() && summary && reference_day == summary->newest_day &&
      half_life_days == kDefaultHalfLifeDays && !counting_unrealized())
    return {view.stored_strengths(), view.stored_strengths() + view.ties().size()};
  // Each event's weight first, in one pass over the vertex table in order
  // (dates parsed once per distinct date); then the sums read only those.
  std::vector<double> weight(graph.vertex_count(), 0.0);
  std::unordered_map<StrId, std::optional<DayRange>> dates;
  StrId date = 0;
  const std::optional<DayRange>* days = nullptr;  // of `date`
  for (VertexId ev = 0; ev < weight.size(); ++ev) {
    const VertexData& d = graph.vertex(ev);
    if (d.kind != VertexKind::event) continue;
    if (!days || d.date != date) {
      auto it = dates.find(d.date);
      if (it == dates.end()) it = dates.emplace(d.date, edtf_days(graph.str(d.date))).first;
      date = d.date;
      days = &it->second;
    }
    weight[ev] = fact_weight(d.status, d.confidence, d.mentions, *days, reference_day, half_life_days);
  }
  std::vector<double> out;
  out.reserve(view.ties().size());
  for (const CountryTie& t : view.ties()) {
    double sum = 0;
    for (VertexId ev : t.events) sum += weight[ev];
    out.push_back(sum);
  }
  return out;
}

const CountryTie* CountryView::find(VertexId a, VertexId b) const {
  if (a > b) std::swap(a, b);
  auto it = by_pair_.find((std::uint64_t{a} << 32) | b);
  return it == by_pair_.end() ? nullptr : &ties_[it->second];
}

}  // namespace dipgraph
