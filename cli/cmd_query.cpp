// dipgraph ties | neighbors | rank | timeline | stats: questions to the graph
// (docs/queries.md). Each loads the graph through the shared source and
// filter flags, asks one query of queries/ and prints readable text, or JSON
// with stable ids under --json. A, B: a code, name or id (unknown or
// ambiguous: exit 2 with suggestions). Exit 1 when the answer is empty
// ("no facts between A and B") or records were skipped while loading.
#include <fmt/core.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "cli/names.hpp"
#include "export/exporters.hpp"
#include "export/timeline_plot.hpp"
#include "graph/cameo.hpp"
#include "graph/error.hpp"
#include "queries/centrality.hpp"
#include "queries/neighbors.hpp"
#include "queries/stats.hpp"
#include "queries/ties.hpp"
#include "queries/timeline.hpp"

namespace dipgraph::cli {

namespace {

// --top: a bound only so that a negative or absurd count is refused.
constexpr std::size_t kMaxTop = std::size_t{1} << 32;

// JSON building blocks -------------------------------------------------------

std::string q(std::string_view s) {  // JSON string literal
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A finite number as JSON: up to 6 significant digits ("2.8", "0.5", "12").
std::string num(double x) {
  if (!std::isfinite(x)) return "null";
  if (x == 0) return "0";
  return fmt::format("{:.6g}", x);
}

std::string entity_json(const KnowledgeGraph& g, VertexId v) {
  const VertexData& d = g.vertex(v);
  std::string out = fmt::format("{{\"id\": {}, \"kind\": \"{}\", \"label\": {}", q(g.id(v)),
                                to_string(d.kind), q(g.label(v)));
  if (d.country) out += fmt::format(", \"country\": {}", q(g.str(d.country)));
  if (d.role) out += fmt::format(", \"role\": {}", q(g.str(d.role)));
  return out + "}";
}

std::string event_json(const KnowledgeGraph& g, VertexId v) {
  const VertexData& d = g.vertex(v);
  std::string out = fmt::format(
      "{{\"id\": {}, \"label\": {}, \"type\": {}, \"cameo\": {}, \"status\": \"{}\", \"date\": {}, "
      "\"quad_class\": {}, \"goldstein\": {}, \"mentions\": {}, \"confidence\": {}",
      q(g.id(v)), q(g.label(v)), q(g.str(d.type)), q(g.str(d.cameo)), to_string(d.status),
      q(g.str(d.date)), d.quad_class, num(d.goldstein), d.mentions, num(d.confidence));
  if (d.evidence) {
    out += fmt::format(", \"evidence\": {{\"article\": {}, \"text\": {}", q(g.str(d.article)),
                       q(g.str(d.evidence)));
    // The article's provenance, each field only when the input gave it.
    for (auto [key, s] : {std::pair{"title", d.title}, std::pair{"url", d.url},
                          std::pair{"outlet", d.outlet}, std::pair{"published", d.published}})
      if (s) out += fmt::format(", \"{}\": {}", key, q(g.str(s)));
    out += "}";
  }
  return out + "}";
}

std::string tone_json(const KnowledgeGraph& g, const ToneSummary& t) {
  return fmt::format("{}, \"a_to_b\": {}, \"b_to_a\": {}, \"first_date\": {}, \"last_date\": {}",
                     tally_json(t), t.a_to_b, t.b_to_a, q(g.str(t.first_date)),
                     q(g.str(t.last_date)));
}

std::string ids_json(const KnowledgeGraph& g, std::span<const VertexId> vs) {
  std::string out = "[";
  for (std::size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + q(g.id(vs[i]));
  return out + "]";
}

// Text building blocks -------------------------------------------------------

// "Pakistan (PAK)" for a country, "Shehbaz Sharif (PAK, Prime Minister)", else the label.
std::string name(const KnowledgeGraph& g, VertexId v) {
  const VertexData& d = g.vertex(v);
  std::string label(g.label(v));
  if (d.kind == VertexKind::country)
    return label == g.str(d.country) ? label : fmt::format("{} ({})", label, g.str(d.country));
  std::string extra(g.str(d.country));
  if (d.role) extra += (extra.empty() ? "" : ", ") + std::string(g.str(d.role));
  return extra.empty() ? label : fmt::format("{} ({})", label, extra);
}

std::string date_span(const KnowledgeGraph& g, StrId first, StrId last) {
  if (!first) return "undated";
  if (first == last) return std::string(g.str(first));
  return fmt::format("{} .. {}", g.str(first), g.str(last));
}

std::string tone_line(const KnowledgeGraph& g, const ToneSummary& t) {
  return fmt::format("{}, {}", tally_text(t), date_span(g, t.first_date, t.last_date));
}

// CSV building blocks (RFC 4180, CRLF line ends) -------------------------------

template <class Fields>
std::string csv_row(const Fields& fields) {
  std::string out;
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out += ',';
    first = false;
    out += csv_field(f);
  }
  return out + "\r\n";
}
std::string csv_row(std::initializer_list<std::string_view> fields) {
  return csv_row<std::initializer_list<std::string_view>>(fields);
}

std::string csv_ids(const KnowledgeGraph& g, std::span<const VertexId> vs) {
  std::string out;
  for (std::size_t i = 0; i < vs.size(); ++i) out += (i ? ";" : "") + std::string(g.id(vs[i]));
  return out;
}

void check_output_flags(bool json, bool csv) {
  if (json && csv) throw Error("--json and --csv exclude each other");
}

void emit(const std::string& out) {
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
}

// Writes `out` to stdout and empties it once it holds 1 MiB or more: an
// answer of hundreds of thousands of lines goes out in parts, never held
// (and grown, copied) whole.
void emit_part(std::string& out) {
  if (out.size() < (std::size_t{1} << 20)) return;
  std::fwrite(out.data(), 1, out.size(), stdout);
  out.clear();
}

int exit_code(const Diagnostics& diag, bool found) {
  return !found || diag.error_count() ? kExitPartial : kExitOk;
}

// ties ------------------------------------------------------------------------

struct TiesArgs {
  GraphSource source;
  std::string a, b;
  bool json = false;
  bool csv = false;
};

// The labels of `ps`, comma-separated, appended to `out`.
void append_labels(const KnowledgeGraph& g, std::span<const VertexId> ps, std::string& out) {
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (i) out += ", ";
    out += g.label(ps[i]);
  }
}

// Starts loading what printing event `ev` reads (its record, then its
// strings) into the cache, some facts ahead of its turn: printing a big tie
// waits on scattered reads of the snapshot far more than it computes.
void prefetch_event(const KnowledgeGraph& g, VertexId ev) {
  const VertexData& d = g.vertex(ev);
  for (StrId s : {d.label, d.date, d.evidence, d.article, d.title, d.outlet, d.published, d.url})
    __builtin_prefetch(g.str(s).data());
}

void run_ties(const TiesArgs& a, Globals& glob) {
  check_output_flags(a.json, a.csv);
  Diagnostics diag;
  // Filters skip events of the whole graph (the snapshot's), not facts.
  KnowledgeGraph g = load_graph(a.source, glob, diag, /*filter_facts=*/false);
  VertexId va = resolve_entity(g, glob, a.a, false, &a.source.filter),
           vb = resolve_entity(g, glob, a.b, false, &a.source.filter);
  Ties t = find_ties(g, va, vb, event_filter(a.source.filter));
  std::string out;
  if (a.csv) {
    out = csv_row({"a_id", "a_name", "b_id", "b_name", "event_id", "type", "date", "status",
                   "direction", "a_parties", "b_parties", "cameo", "plover", "quad_class",
                   "goldstein", "mentions", "confidence", "label", "article", "sentence",
                   "title", "url", "outlet", "published"});
    for (const TieGroup& grp : t.groups)
      for (const TieFact& f : grp.facts) {
        const VertexData& d = g.vertex(f.event);
        const PloverCode* p = find_plover(g.str(d.cameo));
        out += csv_row({g.id(va), g.label(va), g.id(vb), g.label(vb), g.id(f.event),
                        g.str(d.type), g.str(d.date), to_string(d.status),
                        to_string(f.direction), csv_ids(g, t.a_parties(f)),
                        csv_ids(g, t.b_parties(f)), g.str(d.cameo), p ? p->event : "",
                        std::to_string(d.quad_class), num(d.goldstein),
                        std::to_string(d.mentions), num(d.confidence), g.label(f.event),
                        g.str(d.article), g.str(d.evidence), g.str(d.title), g.str(d.url),
                        g.str(d.outlet), g.str(d.published)});
        emit_part(out);
      }
  } else if (a.json) {
    out = fmt::format("{{\"a\": {}, \"b\": {}, \"summary\": {{{}}}, \"groups\": [",
                      entity_json(g, va), entity_json(g, vb), tone_json(g, t.summary));
    for (std::size_t i = 0; i < t.groups.size(); ++i) {
      const TieGroup& grp = t.groups[i];
      out += fmt::format("{}\n  {{\"type\": {}, \"count\": {}, \"facts\": [", i ? "," : "",
                         q(g.str(grp.type)), grp.facts.size());
      for (std::size_t j = 0; j < grp.facts.size(); ++j) {
        const TieFact& f = grp.facts[j];
        out += fmt::format(
            "{}\n    {{\"event\": {}, \"direction\": \"{}\", \"a_parties\": {}, \"b_parties\": "
            "{}}}",
            j ? "," : "", event_json(g, f.event), to_string(f.direction),
            ids_json(g, t.a_parties(f)), ids_json(g, t.b_parties(f)));
        emit_part(out);
      }
      out += "]}";
    }
    out += "]}\n";
  } else if (!t.empty()) {
    out = fmt::format("{} \u2013 {}: {}\n", name(g, va), name(g, vb), tone_line(g, t.summary));
    if (t.summary.a_to_b || t.summary.b_to_a)
      out += fmt::format("  acts: {} {} \u2192 {}, {} {} \u2192 {}\n", t.summary.a_to_b,
                         g.label(va), g.label(vb), t.summary.b_to_a, g.label(vb), g.label(va));
    // Formatted straight into `out`: a tie of hundreds of thousands of facts
    // is as many lines, without a temporary string for each.
    auto to = std::back_inserter(out);
    std::string who;
    constexpr std::size_t kAhead = 16;
    for (const TieGroup& grp : t.groups) {
      fmt::format_to(to, "\n{} ({})\n", g.str(grp.type), grp.facts.size());
      for (std::size_t i = 0; i < grp.facts.size(); ++i) {
        const TieFact& f = grp.facts[i];
        if (i + kAhead < grp.facts.size()) prefetch_event(g, grp.facts[i + kAhead].event);
        const VertexData& d = g.vertex(f.event);
        static constexpr const char* kArrow[] = {" \u2013 ", " \u2192 ", " \u2190 ", " \u2194 "};
        who.clear();
        append_labels(g, t.a_parties(f), who);
        who += kArrow[static_cast<int>(f.direction)];
        append_labels(g, t.b_parties(f), who);
        fmt::format_to(to, "  {:<10}  {:<11} {}", d.date ? g.str(d.date) : "undated",
                       to_string(d.status), who);
        if (g.label(f.event) != g.str(d.type)) fmt::format_to(to, " \u00ab{}\u00bb", g.label(f.event));
        out += '\n';
        if (d.evidence) fmt::format_to(to, "      \"{}\" [{}]\n", g.str(d.evidence), g.str(d.article));
        if (std::string from = g.provenance_text(f.event); !from.empty())
          fmt::format_to(to, "      \u2014 {}\n", from);
        emit_part(out);
      }
    }
  }
  if (t.empty())
    std::fprintf(stderr, "dipgraph: no facts between %s and %s\n", describe(g, va).c_str(),
                 describe(g, vb).c_str());
  emit(out);
  glob.exit_code = exit_code(diag, !t.empty());
}

// neighbors -------------------------------------------------------------------

struct NeighborsArgs {
  GraphSource source;
  std::string a;
  std::size_t top = 10;
  double half_life = kDefaultHalfLifeDays;
  bool json = false;
  bool csv = false;
};

void run_neighbors(const NeighborsArgs& a, Globals& glob) {
  check_output_flags(a.json, a.csv);
  Diagnostics diag;
  KnowledgeGraph g = load_graph(a.source, glob, diag, /*filter_facts=*/false);
  VertexId x = resolve_entity(g, glob, a.a, false, &a.source.filter);
  NeighborOptions opt;
  opt.half_life_days = a.half_life;
  opt.filter = event_filter(a.source.filter);
  opt.reference_day = newest_event_day(g, opt.filter);
  auto all = find_neighbors(g, x, opt);
  std::size_t shown = a.top && a.top < all.size() ? a.top : all.size();
  std::string ref = opt.reference_day ? civil_from_days(*opt.reference_day) : std::string();
  std::string out;
  if (a.csv) {
    out = csv_row({"rank", "country_id", "iso3", "name", "strength", "facts", "cooperative",
                   "neutral", "conflictual", "unrealized", "mean_goldstein", "a_to_b", "b_to_a",
                   "first_date", "last_date"});
    for (std::size_t i = 0; i < shown; ++i) {
      const Neighbor& n = all[i];
      out += csv_row({std::to_string(i + 1), g.id(n.country), g.str(g.vertex(n.country).country),
                      g.label(n.country), num(n.strength), std::to_string(n.tone.count),
                      std::to_string(n.tone.cooperative()), std::to_string(n.tone.neutral()),
                      std::to_string(n.tone.conflictual()), std::to_string(n.tone.unrealized()),
                      num(n.tone.mean_goldstein()), std::to_string(n.tone.a_to_b),
                      std::to_string(n.tone.b_to_a), g.str(n.tone.first_date),
                      g.str(n.tone.last_date)});
    }
  } else if (a.json) {
    out = fmt::format(
        "{{\"entity\": {}, \"half_life_days\": {}, \"reference_date\": {}, \"partners\": {}, "
        "\"neighbors\": [",
        entity_json(g, x), num(a.half_life), q(ref), all.size());
    for (std::size_t i = 0; i < shown; ++i) {
      const Neighbor& n = all[i];
      out +=
          fmt::format("{}\n  {{\"rank\": {}, \"country\": {}, \"strength\": {}, {}}}", i ? "," : "",
                      i + 1, entity_json(g, n.country), num(n.strength), tone_json(g, n.tone));
    }
    out += "]}\n";
  } else if (!all.empty()) {
    out = fmt::format("Partners of {}: {} countr{}{}\n", name(g, x), all.size(),
                      all.size() == 1 ? "y" : "ies",
                      shown < all.size() ? fmt::format(", top {} shown", shown) : "");
    out += fmt::format(
        "strength = sum of confidence \u00d7 (1 + ln mentions) \u00d7 2^(\u2212age / {} days), "
        "age counted back from {}\n\n",
        num(a.half_life), ref.empty() ? "(no dated facts: no decay)" : ref);
    out += fmt::format("{:>3}  {:<28} {:>8} {:>6} {:>5} {:>5} {:>6} {:>10}  {}\n", "#", "country",
                       "strength", "facts", "coop", "neut", "confl", "Goldstein", "dates");
    for (std::size_t i = 0; i < shown; ++i) {
      const Neighbor& n = all[i];
      out += fmt::format("{:>3}  {:<28} {:>8.2f} {:>6} {:>5} {:>5} {:>6} {:>+10.1f}  {}\n", i + 1,
                         name(g, n.country), n.strength, n.tone.count, n.tone.cooperative(),
                         n.tone.neutral(), n.tone.conflictual(), n.tone.mean_goldstein(),
                         date_span(g, n.tone.first_date, n.tone.last_date));
    }
  }
  if (all.empty())
    std::fprintf(stderr, "dipgraph: %s has no partner countries\n", describe(g, x).c_str());
  emit(out);
  glob.exit_code = exit_code(diag, !all.empty());
}

// rank ------------------------------------------------------------------------

struct RankArgs {
  GraphSource source;
  std::string by = "degree";
  bool weighted = false;
  std::size_t top = 20;
  double half_life = kDefaultHalfLifeDays;
  bool json = false;
  bool csv = false;
};

// Every measure of a score, in the order of the --csv and --json columns.
struct RankColumn {
  std::string_view name;
  Centrality measure;
  bool weighted;
};
constexpr RankColumn kRankColumns[] = {
    {"strength", Centrality::degree, true},
    {"pagerank", Centrality::pagerank, false},
    {"pagerank_weighted", Centrality::pagerank, true},
    {"betweenness", Centrality::betweenness, false},
    {"betweenness_weighted", Centrality::betweenness, true},
    {"eigenvector", Centrality::eigenvector, false},
    {"eigenvector_weighted", Centrality::eigenvector, true},
};

// A score as the text table shows it: counts whole, PageRank and
// eigenvector with 4 decimals, betweenness and strength with 2.
std::string score_text(Centrality c, bool weighted, double x) {
  if (c == Centrality::degree) return weighted ? fmt::format("{:.2f}", x) : fmt::format("{}", x);
  if (c == Centrality::betweenness) return fmt::format("{:.2f}", x);
  return fmt::format("{:.4f}", x);
}

void run_rank(const RankArgs& a, Globals& glob) {
  check_output_flags(a.json, a.csv);
  auto measure = parse_centrality(a.by);
  if (!measure)
    throw Error(fmt::format("--by \"{}\" is not one of {}", a.by, centrality_list()));
  Diagnostics diag;
  KnowledgeGraph g = load_graph(a.source, glob, diag);
  RankOptions opt;
  opt.by = *measure;
  opt.weighted = a.weighted;
  opt.half_life_days = a.half_life;
  opt.reference_day = newest_event_day(g);
  opt.all_measures = a.csv || a.json;  // the text table shows only --by's
  auto ranking = rank_countries(g, opt);
  std::size_t shown = a.top && a.top < ranking.size() ? a.top : ranking.size();
  std::size_t ties = 0;
  for (const CentralityScore& s : ranking) ties += s.degree;
  ties /= 2;
  std::string ref = opt.reference_day ? civil_from_days(*opt.reference_day) : std::string();
  std::string out;
  if (a.csv) {
    std::vector<std::string> header = {"rank", "country_id", "iso3", "name", "score", "partners",
                                       "tie_facts"};
    for (const RankColumn& c : kRankColumns) header.emplace_back(c.name);
    out = csv_row(header);
    for (std::size_t i = 0; i < shown; ++i) {
      const CentralityScore& s = ranking[i];
      std::vector<std::string> row = {std::to_string(i + 1), std::string(g.id(s.country)),
                                      std::string(g.str(g.vertex(s.country).country)),
                                      std::string(g.label(s.country)), num(s.score),
                                      std::to_string(s.degree), std::to_string(s.events)};
      for (const RankColumn& c : kRankColumns) row.push_back(num(s.measure(c.measure, c.weighted)));
      out += csv_row(row);
    }
  } else if (a.json) {
    out = fmt::format(
        "{{\"by\": \"{}\", \"weighted\": {}, \"half_life_days\": {}, \"reference_date\": {}, "
        "\"countries\": {}, \"ties\": {}, \"ranking\": [",
        to_string(*measure), a.weighted, num(a.half_life), q(ref), ranking.size(), ties);
    for (std::size_t i = 0; i < shown; ++i) {
      const CentralityScore& s = ranking[i];
      out += fmt::format(
          "{}\n  {{\"rank\": {}, \"country\": {}, \"score\": {}, \"degree\": {}, \"tie_facts\": {}",
          i ? "," : "", i + 1, entity_json(g, s.country), num(s.score), s.degree, s.events);
      for (const RankColumn& c : kRankColumns)
        out += fmt::format(", \"{}\": {}", c.name, num(s.measure(c.measure, c.weighted)));
      out += "}";
    }
    out += "]}\n";
  } else if (!ranking.empty()) {
    std::string_view measure_name = to_string(*measure);
    std::string weighted_name = *measure == Centrality::degree ? "strength" : "weighted";
    out = fmt::format("Countries by {}{} over the country view ({} countries, {} ties){}\n",
                      a.weighted && *measure != Centrality::degree ? "weighted " : "",
                      a.weighted && *measure == Centrality::degree ? "strength" : measure_name,
                      ranking.size(), ties,
                      shown < ranking.size() ? fmt::format(", top {}", shown) : "");
    out += fmt::format(
        "weighted: a tie weighs its strength, sum of confidence \u00d7 (1 + ln mentions) \u00d7 "
        "2^(\u2212age / {} days), age counted back from {}{}\n\n",
        num(a.half_life), ref.empty() ? "(no dated facts: no decay)" : ref,
        *measure == Centrality::betweenness ? "; a tie's length is 1 / weight" : "");
    // degree's weighted twin is strength: no separate strength column then.
    bool degree = *measure == Centrality::degree;
    out += fmt::format("{:>3}  {:<28} {:>12} {:>12} {:>8}{} {:>9}\n", "#", "country", measure_name,
                       weighted_name, "partners", degree ? "" : fmt::format(" {:>9}", "strength"),
                       "tie facts");
    for (std::size_t i = 0; i < shown; ++i) {
      const CentralityScore& s = ranking[i];
      out += fmt::format("{:>3}  {:<28} {:>12} {:>12} {:>8}{} {:>9}\n", i + 1, name(g, s.country),
                         score_text(*measure, false, s.measure(*measure, false)),
                         score_text(*measure, true, s.measure(*measure, true)), s.degree,
                         degree ? "" : fmt::format(" {:>9.2f}", s.strength), s.events);
    }
  }
  if (std::string empty = empty_graph_note(g, a.source.filter.active()); !empty.empty())
    std::fprintf(stderr, "dipgraph: %s\n", empty.c_str());
  else if (ranking.empty())
    std::fprintf(stderr, "dipgraph: no country ties to rank\n");
  emit(out);
  glob.exit_code = exit_code(diag, !ranking.empty());
}

// timeline --------------------------------------------------------------------

struct TimelineArgs {
  GraphSource source;
  std::string a, b;
  std::string by = "month";
  bool json = false;
  bool csv = false;
  std::string plot;  // --plot FILE.svg
};

// Writes `text` to `path` through a temporary file beside it and a rename.
void write_file_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp");
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.close();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw Error(fmt::format("{}: cannot write", path));
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) throw Error(fmt::format("{}: cannot write: {}", path, ec.message()));
}

void run_timeline(const TimelineArgs& a, Globals& glob) {
  check_output_flags(a.json, a.csv);
  auto period = parse_timeline_period(a.by);
  if (!period)
    throw Error(fmt::format("--by \"{}\" is not day, week, month, quarter or year", a.by));
  TimelinePeriod by = *period;
  Diagnostics diag;
  KnowledgeGraph g = load_graph(a.source, glob, diag, /*filter_facts=*/false);
  VertexId va = resolve_entity(g, glob, a.a, false, &a.source.filter);
  VertexId vb = a.b.empty() ? kNoVertex : resolve_entity(g, glob, a.b, false, &a.source.filter);
  Timeline t = build_timeline(g, va, vb, by, event_filter(a.source.filter));
  std::string subject =
      vb == kNoVertex ? name(g, va) : fmt::format("{} \u2013 {}", name(g, va), name(g, vb));
  std::string out;
  if (a.csv) {
    out = csv_row({"period", "facts", "cooperative", "neutral", "conflictual", "unrealized",
                   "mean_goldstein", "a_to_b", "b_to_a", "first_date", "last_date", "types"});
    for (const TimelineBucket& p : t.periods) {
      std::string types;
      for (std::size_t j = 0; j < p.types.size(); ++j)
        types += fmt::format("{}{}:{}", j ? ";" : "", p.types[j].first, p.types[j].second);
      out += csv_row({p.period, std::to_string(p.tone.count), std::to_string(p.tone.cooperative()),
                      std::to_string(p.tone.neutral()), std::to_string(p.tone.conflictual()),
                      std::to_string(p.tone.unrealized()), num(p.tone.mean_goldstein()),
                      std::to_string(p.tone.a_to_b), std::to_string(p.tone.b_to_a),
                      g.str(p.tone.first_date), g.str(p.tone.last_date), types});
    }
  } else if (a.json) {
    out = fmt::format("{{\"a\": {}, \"b\": {}, \"by\": \"{}\", \"total\": {{{}}}, \"periods\": [",
                      entity_json(g, va), vb == kNoVertex ? "null" : entity_json(g, vb), a.by,
                      tone_json(g, t.total));
    for (std::size_t i = 0; i < t.periods.size(); ++i) {
      const TimelineBucket& p = t.periods[i];
      std::string types;
      for (std::size_t j = 0; j < p.types.size(); ++j)
        types += fmt::format("{}{}: {}", j ? ", " : "", q(p.types[j].first), p.types[j].second);
      out += fmt::format("{}\n  {{\"period\": {}, {}, \"types\": {{{}}}}}", i ? "," : "",
                         q(p.period), tone_json(g, p.tone), types);
    }
    out += "]}\n";
  } else if (t.total.count) {
    out = fmt::format("Timeline of {} by {}: {}\n\n", subject, a.by, tone_line(g, t.total));
    out += fmt::format("{:<10} {:>6} {:>5} {:>5} {:>6} {:>10}  {}\n", "period", "facts", "coop",
                       "neut", "confl", "Goldstein", "types");
    for (const TimelineBucket& p : t.periods) {
      std::string types;
      for (std::size_t j = 0; j < p.types.size(); ++j)
        types += fmt::format("{}{} {}", j ? ", " : "", p.types[j].first, p.types[j].second);
      out += fmt::format("{:<10} {:>6} {:>5} {:>5} {:>6} {:>+10.1f}  {}\n", p.period, p.tone.count,
                         p.tone.cooperative(), p.tone.neutral(), p.tone.conflictual(),
                         p.tone.mean_goldstein(), types);
    }
  }
  if (!a.plot.empty() && t.total.count) {
    std::vector<PlotPeriod> points;
    for (const TimelineBucket& p : t.periods)
      if (p.period != "undated")
        points.push_back({p.period, p.tone.count, p.tone.cooperative(), p.tone.conflictual(),
                          p.tone.mean_goldstein()});
    write_file_atomically(a.plot, timeline_svg(points, fmt::format("Timeline of {} by {}: {}",
                                                                    subject, a.by,
                                                                    tone_line(g, t.total))));
    if (!glob.quiet) std::fprintf(stderr, "dipgraph: timeline drawn -> %s\n", a.plot.c_str());
  }
  if (!t.total.count) std::fprintf(stderr, "dipgraph: no facts for %s\n", subject.c_str());
  emit(out);
  glob.exit_code = exit_code(diag, t.total.count > 0);
}

// stats -----------------------------------------------------------------------

struct StatsArgs {
  GraphSource source;
  std::size_t top = 10;
  bool json = false;
};

constexpr Status kStatuses[] = {Status::occurred,    Status::planned, Status::intended,
                                Status::negotiating, Status::ongoing, Status::negated};
constexpr const char* kQuadNames[] = {"unknown", "verbal cooperation", "material cooperation",
                                      "verbal conflict", "material conflict"};

void run_stats(const StatsArgs& a, Globals& glob) {
  Diagnostics diag;
  // A filter masks the events of the whole graph (the store's snapshot).
  KnowledgeGraph g = load_graph(a.source, glob, diag, /*filter_facts=*/false);
  std::vector<char> kept = usable_vertices(g, a.source.filter);
  GraphStats s = kept.empty() ? graph_stats(g, a.top) : graph_stats(g, kept, a.top);
  std::string empty =
      s.vertices ? std::string() : empty_graph_note(KnowledgeGraph(), a.source.filter.active());
  if (!empty.empty()) std::fprintf(stderr, "dipgraph: %s\n", empty.c_str());
  std::string out;
  auto kind = [&](VertexKind k) { return s.by_kind[static_cast<int>(k)]; };
  if (a.json) {
    out = fmt::format("{{\"vertices\": {}, \"edges\": {}, \"by_kind\": {{", s.vertices, s.edges);
    for (int k = 0; k < kVertexKindCount; ++k)
      out += fmt::format("{}\"{}\": {}", k ? ", " : "", to_string(static_cast<VertexKind>(k)),
                         s.by_kind[k]);
    out += "}, \"by_type\": {";
    for (std::size_t i = 0; i < s.by_type.size(); ++i)
      out += fmt::format("{}{}: {}", i ? ", " : "", q(s.by_type[i].first), s.by_type[i].second);
    out += "}, \"by_status\": {";
    for (std::size_t i = 0; i < 6; ++i)
      out += fmt::format("{}\"{}\": {}", i ? ", " : "", to_string(kStatuses[i]), s.by_status[i]);
    out += fmt::format(
        "}}, \"by_quad_class\": [{}, {}, {}, {}], \"unknown_quad_class\": {}, \"articles\": {}, "
        "\"mentions\": {}, \"dated\": {}, \"first_date\": {}, \"last_date\": {}, \"ties\": {}, "
        "\"top_countries\": [",
        s.by_quad[1], s.by_quad[2], s.by_quad[3], s.by_quad[4], s.by_quad[0], s.articles,
        s.mentions, s.dated, q(g.str(s.first_date)), q(g.str(s.last_date)), s.ties);
    for (std::size_t i = 0; i < s.top_countries.size(); ++i) {
      const CountryDegree& c = s.top_countries[i];
      out += fmt::format("{}\n  {{\"country\": {}, \"partners\": {}, \"tie_facts\": {}}}",
                         i ? "," : "", entity_json(g, c.country), c.partners, c.events);
    }
    out += "]}\n";
  } else {
    std::size_t events = kind(VertexKind::event);
    out = fmt::format("{} vertices, {} edges\n", s.vertices, s.edges);
    out += fmt::format("entities: {} countries, {} people, {} organizations, {} places\n",
                       kind(VertexKind::country), kind(VertexKind::person),
                       kind(VertexKind::organization), kind(VertexKind::place));
    out += fmt::format("facts: {} ({} dated, {}), reported {} times in {} articles\n", events,
                       s.dated, date_span(g, s.first_date, s.last_date), s.mentions, s.articles);
    if (!s.by_type.empty()) {
      out += "  by type:";
      for (std::size_t i = 0; i < s.by_type.size(); ++i)
        out += fmt::format("{} {} {}", i ? "," : "", s.by_type[i].first, s.by_type[i].second);
      out += "\n  by status:";
      bool first = true;
      for (std::size_t i = 0; i < 6; ++i)
        if (s.by_status[i]) {
          out += fmt::format("{} {} {}", first ? "" : ",", to_string(kStatuses[i]), s.by_status[i]);
          first = false;
        }
      out += "\n  by tone:";
      first = true;
      for (std::size_t i = 1; i <= 5; ++i)
        if (s.by_quad[i % 5]) {
          out += fmt::format("{} {} {}", first ? "" : ",", kQuadNames[i % 5], s.by_quad[i % 5]);
          first = false;
        }
      out += "\n";
    }
    out += fmt::format("country ties: {} pairs\n", s.ties);
    if (!s.top_countries.empty()) {
      out += fmt::format("\ntop countries by partners:\n{:>4}  {:<28} {:>8} {:>9}\n", "#",
                         "country", "partners", "tie facts");
      for (std::size_t i = 0; i < s.top_countries.size(); ++i) {
        const CountryDegree& c = s.top_countries[i];
        out += fmt::format("{:>4}  {:<28} {:>8} {:>9}\n", i + 1, name(g, c.country), c.partners,
                           c.events);
      }
    }
  }
  emit(out);
  glob.exit_code = exit_code(diag, empty.empty());
}

}  // namespace

void add_query_commands(CLI::App& app, Globals& g) {
  {
    auto args = std::make_shared<TiesArgs>();
    auto* cmd = app.add_subcommand(
        "ties", "every fact between two entities, by type, newest first (exit 1: none)");
    cmd->add_option("A", args->a, "entity: code (PAK), name (Pakistan), id (country:PAK)")
        ->required();
    cmd->add_option("B", args->b, "entity")->required();
    add_graph_source_options(cmd, args->source);
    cmd->add_flag("--json", args->json, "JSON output with stable ids");
    cmd->add_flag("--csv", args->csv, "CSV table (RFC 4180, a header row) instead of text");
    cmd->callback([args, &g] { run_ties(*args, g); });
  }
  {
    auto args = std::make_shared<NeighborsArgs>();
    auto* cmd = app.add_subcommand("neighbors", "partner countries ranked by tie strength");
    cmd->add_option("A", args->a, "entity: code, name or id")->required();
    add_graph_source_options(cmd, args->source);
    cmd->add_option("--top", args->top, "show the N strongest (default 10, 0 = all)")
        ->check(CLI::Range(std::size_t{0}, kMaxTop));
    cmd->add_option("--half-life", args->half_life,
                    "days after which a fact weighs half (default 365)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--json", args->json, "JSON output with stable ids");
    cmd->add_flag("--csv", args->csv, "CSV table (RFC 4180, a header row) instead of text");
    cmd->callback([args, &g] { run_neighbors(*args, g); });
  }
  {
    auto args = std::make_shared<RankArgs>();
    auto* cmd = app.add_subcommand("rank", "countries ranked by centrality in the country view");
    add_graph_source_options(cmd, args->source);
    cmd->add_option("--by", args->by, "degree (default), pagerank, betweenness or eigenvector");
    cmd->add_flag("--weighted", args->weighted,
                  "order by the measure weighted by tie strength (degree: strength)");
    cmd->add_option("--top", args->top, "show the first N (default 20, 0 = all)")
        ->check(CLI::Range(std::size_t{0}, kMaxTop));
    cmd->add_option("--half-life", args->half_life,
                    "days after which a fact weighs half in a tie's weight (default 365)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--json", args->json, "JSON output with stable ids");
    cmd->add_flag("--csv", args->csv, "CSV table (RFC 4180, a header row) instead of text");
    cmd->callback([args, &g] { run_rank(*args, g); });
  }
  {
    auto args = std::make_shared<TimelineArgs>();
    auto* cmd = app.add_subcommand(
        "timeline", "facts and mean tone per day, week, month, quarter or year, of one entity or "
        "between two");
    cmd->add_option("A", args->a, "entity: code, name or id")->required();
    cmd->add_option("B", args->b, "second entity: the timeline of their ties");
    add_graph_source_options(cmd, args->source);
    cmd->add_option("--by", args->by, "day, week, month (default), quarter or year");
    cmd->add_option("--plot", args->plot,
                    "also draw facts and mean tone per period as an SVG chart to this file");
    cmd->add_flag("--json", args->json, "JSON output with stable ids");
    cmd->add_flag("--csv", args->csv, "CSV table (RFC 4180, a header row) instead of text");
    cmd->callback([args, &g] { run_timeline(*args, g); });
  }
  {
    auto args = std::make_shared<StatsArgs>();
    auto* cmd = app.add_subcommand("stats", "what the graph holds: counts, dates, top countries");
    add_graph_source_options(cmd, args->source);
    cmd->add_option("--top", args->top, "top countries listed (default 10)")
        ->check(CLI::Range(std::size_t{0}, kMaxTop));
    cmd->add_flag("--json", args->json, "JSON output with stable ids");
    cmd->callback([args, &g] { run_stats(*args, g); });
  }
}

}  // namespace dipgraph::cli
