// GraphSummary: one pass over the events (types, statuses, dates, articles)
// and one over their party edges (tie facts per country).
#include "graph/graph_summary.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "graph/country_view.hpp"
#include "graph/dates.hpp"
#include "graph/detail/boost_graph.hpp"

namespace dipgraph {

GraphSummary summarize_graph(const KnowledgeGraph& graph, const CountryView& view,
                             const std::vector<char>* events) {
  GraphSummary s = summarize_events(graph, events);
  add_partners(s, view);
  return s;
}

void add_partners(GraphSummary& s, const CountryView& view) {
  for (GraphSummary::Country& c : s.countries)
    c.partners = static_cast<std::uint32_t>(view.ties_of(c.country).size());
  s.ties = view.ties().size();
}

GraphSummary summarize_events(const KnowledgeGraph& graph, const std::vector<char>* events) {
  GraphSummary s;
  const std::size_t nv = graph.vertex_count();
  auto kept = [&](VertexId v) {
    return graph.kind(v) == VertexKind::event && (!events || (*events)[v]);
  };
  // Distinct articles: a bitmap over string ids (articles are interned).
  std::vector<std::uint64_t> article_seen(graph.impl().strings.size() / 64 + 1, 0);
  std::unordered_map<StrId, std::optional<DayRange>> dates;  // parsed once per distinct date
  StrId last_date_id = 0;
  const std::optional<DayRange>* last_days = nullptr;
  std::int32_t first = 0, last = 0;
  std::optional<std::int32_t> newest, newest_happened;
  for (VertexId v = 0; v < nv; ++v) {
    if (!kept(v)) continue;
    const VertexData& d = graph.vertex(v);
    auto t = std::find_if(s.by_type.begin(), s.by_type.end(),
                          [&](const auto& p) { return p.first == d.type; });
    if (t == s.by_type.end())
      s.by_type.emplace_back(d.type, 1);
    else
      ++t->second;
    ++s.by_status[static_cast<int>(d.status)];
    ++s.by_quad[d.quad_class <= 4 ? d.quad_class : 0];
    if (d.article) {
      std::uint64_t bit = std::uint64_t{1} << (d.article & 63);
      if (!(article_seen[d.article >> 6] & bit)) {
        article_seen[d.article >> 6] |= bit;
        ++s.articles;
      }
    }
    s.mentions += static_cast<std::uint64_t>(std::max(0, d.mentions));
    if (d.date == 0) continue;
    if (!last_days || d.date != last_date_id) {
      auto it = dates.find(d.date);
      if (it == dates.end()) it = dates.emplace(d.date, edtf_days(graph.str(d.date))).first;
      last_date_id = d.date;
      last_days = &it->second;
    }
    if (!*last_days) continue;
    const DayRange& days = **last_days;
    ++s.dated;
    if (s.first_date == 0 || days.first < first) {
      s.first_date = d.date;
      first = days.first;
    }
    if (s.last_date == 0 || days.last > last) {
      s.last_date = d.date;
      last = days.last;
    }
    if (!newest || days.last > *newest) newest = days.last;
    if ((d.status == Status::occurred || d.status == Status::ongoing) &&
        (!newest_happened || days.last > *newest_happened))
      newest_happened = days.last;
  }
  s.newest_day = newest_happened ? newest_happened : newest;
  std::sort(s.by_type.begin(), s.by_type.end());

  // Tie facts per country: each event that ties two countries or more, once per country.
  const auto& g = graph.impl().g;
  std::vector<std::uint64_t> tie_facts(nv, 0);
  std::vector<VertexId> seen;
  for (VertexId ev = 0; ev < nv; ++ev) {
    if (!kept(ev)) continue;
    seen.clear();
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      EdgeKind k = g[*it].kind;
      if (k != EdgeKind::participant && k != EdgeKind::source && k != EdgeKind::target) continue;
      VertexId c = CountryView::country_of(graph, static_cast<VertexId>(boost::source(*it, g)));
      if (c == kNoVertex || std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
      seen.push_back(c);
    }
    // A fact of one country ties it to nobody (the same count as rank's tie facts).
    if (seen.size() >= 2)
      for (VertexId c : seen) ++tie_facts[c];
  }
  for (VertexId c = 0; c < nv; ++c)
    if (tie_facts[c]) s.countries.push_back({c, 0, tie_facts[c]});
  return s;
}

namespace {

struct SummaryHead {
  std::uint64_t types = 0, countries = 0;
  std::uint64_t by_status[6] = {}, by_quad[5] = {};
  std::uint64_t articles = 0, mentions = 0, dated = 0;
  std::uint32_t first_date = 0, last_date = 0;
  std::int32_t newest_day = 0;
  std::uint32_t has_newest = 0;
  std::uint64_t ties = 0;
};
struct SummaryRow {
  std::uint32_t key = 0, partners = 0;  // a type's StrId (partners 0), or a country
  std::uint64_t count = 0;
};
static_assert(sizeof(SummaryHead) == 152 && sizeof(SummaryRow) == 16);

}  // namespace

void append_summary(const GraphSummary& s, std::string& out) {
  SummaryHead h;
  h.types = s.by_type.size(), h.countries = s.countries.size();
  std::copy(std::begin(s.by_status), std::end(s.by_status), h.by_status);
  std::copy(std::begin(s.by_quad), std::end(s.by_quad), h.by_quad);
  h.articles = s.articles, h.mentions = s.mentions, h.dated = s.dated;
  h.first_date = s.first_date, h.last_date = s.last_date;
  h.has_newest = s.newest_day.has_value();
  h.newest_day = s.newest_day.value_or(0);
  h.ties = s.ties;
  out.append(reinterpret_cast<const char*>(&h), sizeof h);
  auto put = [&out](const SummaryRow& r) {
    out.append(reinterpret_cast<const char*>(&r), sizeof r);
  };
  for (const auto& [type, n] : s.by_type) put({type, 0, n});
  for (const auto& c : s.countries) put({c.country, c.partners, c.tie_facts});
}

std::string read_summary(std::string_view bytes, std::uint64_t vertices, std::uint64_t strings,
                         GraphSummary& s) {
  SummaryHead h;
  if (bytes.size() < sizeof h) return "summary shorter than its head";
  std::memcpy(&h, bytes.data(), sizeof h);
  if (h.types > vertices || h.countries > vertices ||
      bytes.size() != sizeof h + (h.types + h.countries) * sizeof(SummaryRow))
    return "summary sizes do not match";
  if (h.first_date >= strings || h.last_date >= strings || h.has_newest > 1)
    return "summary out of range";
  s = GraphSummary{};
  std::copy(std::begin(h.by_status), std::end(h.by_status), s.by_status);
  std::copy(std::begin(h.by_quad), std::end(h.by_quad), s.by_quad);
  s.articles = h.articles, s.mentions = h.mentions, s.dated = h.dated;
  s.first_date = h.first_date, s.last_date = h.last_date;
  if (h.has_newest) s.newest_day = h.newest_day;
  s.ties = h.ties;
  const char* p = bytes.data() + sizeof h;
  SummaryRow r;
  s.by_type.reserve(h.types);
  for (std::uint64_t i = 0; i < h.types; ++i, p += sizeof r) {
    std::memcpy(&r, p, sizeof r);
    if (r.key >= strings) return "summary type out of range";
    s.by_type.emplace_back(r.key, r.count);
  }
  s.countries.reserve(h.countries);
  for (std::uint64_t i = 0; i < h.countries; ++i, p += sizeof r) {
    std::memcpy(&r, p, sizeof r);
    if (r.key >= vertices) return "summary country out of range";
    s.countries.push_back({r.key, r.partners, r.count});
  }
  return {};
}

}  // namespace dipgraph
