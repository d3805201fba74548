// dipgraph path A B: how two entities are tied, as a readable chain with each
// event's type, status, date and first evidence sentence, or as JSON with
// stable ids; --k N for the N shortest loopless paths, --countries over the
// country view. Paths run through countries, organizations, people and
// events; places and the biggest hubs only with --via (queries/paths.hpp).
// Exit 0 with a path, 1 when there is none (saying when one exists through
// what --via would allow), 2 when A or B is unknown or ambiguous (the
// message suggests near matches).
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "cli/names.hpp"
#include "graph/country_view.hpp"
#include "graph/error.hpp"
#include "queries/paths.hpp"

namespace dipgraph::cli {

namespace {

// --k: each path costs a shortest-path search; more than this is not a question.
constexpr std::size_t kMaxPaths = 1000;

struct PathArgs {
  GraphSource source;
  std::string from, to;
  bool json = false;
  std::size_t k = 1;  // 1 .. kMaxPaths
  bool countries = false;
  bool include_negated = false;
  std::vector<std::string> via;  // places, hubs, all
};

// --via: what paths may pass through besides countries, organizations, people.
PathVia parse_via(const std::vector<std::string>& words) {
  PathVia via;
  for (const std::string& w : words) {
    if (w == "places" || w == "all") via.places = true;
    if (w == "hubs" || w == "all") via.hubs = true;
    if (w != "places" && w != "hubs" && w != "all")
      throw Error(fmt::format("--via \"{}\" is not one of places, hubs, all", w));
  }
  return via;
}

// "railway project (project, planned, 2025-08)"; "meeting (occurred, 2025-07-10)".
std::string event_title(const KnowledgeGraph& g, VertexId v) {
  const VertexData& d = g.vertex(v);
  std::string label(g.label(v));
  std::string detail;
  if (g.str(d.type) != label) detail += g.str(d.type);
  for (std::string_view part : {to_string(d.status), g.str(d.date)}) {
    if (part.empty()) continue;
    if (!detail.empty()) detail += ", ";
    detail += part;
  }
  return fmt::format("{} ({})", label, detail);
}

std::string title(const KnowledgeGraph& g, VertexId v) {
  return g.kind(v) == VertexKind::event ? event_title(g, v) : std::string(g.label(v));
}

// Text output --------------------------------------------------------------

std::string evidence_line(const KnowledgeGraph& g, VertexId ev, std::string_view indent) {
  const VertexData& d = g.vertex(ev);
  std::string line = fmt::format("{}{}: ", indent, event_title(g, ev));
  if (d.evidence)
    line += fmt::format("\"{}\" [{}]", g.str(d.evidence), g.str(d.article));
  else
    line += "(no evidence sentence)";
  if (std::string from = g.provenance_text(ev); !from.empty())
    line += fmt::format(" \u2014 {}", from);
  return line + "\n";
}

void print_path(const KnowledgeGraph& g, const Path& p, std::string& out) {
  for (std::size_t i = 0; i < p.vertices.size(); ++i) {
    if (i) out += " \u2192 ";
    out += title(g, p.vertices[i]);
  }
  out += '\n';
  for (VertexId v : p.vertices)
    if (g.kind(v) == VertexKind::event) out += evidence_line(g, v, "  ");
}

std::string tie_summary(const KnowledgeGraph& g, const CountryTie& t, VertexId from) {
  VertexId to = t.other(from);
  std::string dates;
  if (t.first_date)
    dates = t.first_date == t.last_date
                ? fmt::format(", {}", g.str(t.first_date))
                : fmt::format(", {} .. {}", g.str(t.first_date), g.str(t.last_date));
  return fmt::format("{} \u2013 {}: {}{}", g.label(from), g.label(to), tally_text(t), dates);
}

// The event shown as an example of a tie: the most reported, then the first.
VertexId example_event(const KnowledgeGraph& g, const CountryTie& t) {
  VertexId best = t.events.front();
  for (VertexId e : t.events)
    if (g.vertex(e).mentions > g.vertex(best).mentions) best = e;
  return best;
}

void print_country_path(const KnowledgeGraph& g, const CountryPath& p, std::string& out) {
  for (std::size_t i = 0; i < p.countries.size(); ++i) {
    if (i) out += " \u2192 ";
    out += g.label(p.countries[i]);
  }
  out += '\n';
  for (std::size_t i = 0; i < p.ties.size(); ++i) {
    out += "  " + tie_summary(g, *p.ties[i], p.countries[i]) + "\n";
    out += evidence_line(g, example_event(g, *p.ties[i]), "    e.g. ");
  }
}

// JSON output --------------------------------------------------------------

std::string q(std::string_view s) {  // JSON string literal
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string vertex_json(const KnowledgeGraph& g, VertexId v) {
  const VertexData& d = g.vertex(v);
  std::string out = fmt::format("{{\"id\": {}, \"kind\": \"{}\", \"label\": {}", q(g.id(v)),
                                to_string(d.kind), q(g.label(v)));
  if (d.kind == VertexKind::event) {
    out += fmt::format(
        ", \"type\": {}, \"cameo\": {}, \"status\": \"{}\", \"date\": {}, \"quad_class\": {}, "
        "\"goldstein\": {}, \"mentions\": {}, \"confidence\": {}",
        q(g.str(d.type)), q(g.str(d.cameo)), to_string(d.status), q(g.str(d.date)), d.quad_class,
        d.goldstein, d.mentions, d.confidence);
    if (d.evidence) {
      out += fmt::format(", \"evidence\": {{\"article\": {}, \"text\": {}", q(g.str(d.article)),
                         q(g.str(d.evidence)));
      for (auto [key, s] : {std::pair{"title", d.title}, std::pair{"url", d.url},
                            std::pair{"outlet", d.outlet}, std::pair{"published", d.published}})
        if (s) out += fmt::format(", \"{}\": {}", key, q(g.str(s)));
      out += "}";
    }
  } else if (d.country) {
    out += fmt::format(", \"country\": {}", q(g.str(d.country)));
  }
  return out + "}";
}

std::string path_json(const KnowledgeGraph& g, const Path& p) {
  std::string out = fmt::format("{{\"length\": {}, \"vertices\": [", p.length());
  for (std::size_t i = 0; i < p.vertices.size(); ++i)
    out += (i ? ", " : "") + vertex_json(g, p.vertices[i]);
  out += "], \"edges\": [";
  for (std::size_t i = 0; i < p.edges.size(); ++i)
    out += fmt::format("{}{{\"source\": {}, \"target\": {}, \"kind\": \"{}\"}}", i ? ", " : "",
                       q(g.id(p.edges[i].source)), q(g.id(p.edges[i].target)),
                       to_string(p.edges[i].kind));
  return out + "]}";
}

constexpr std::size_t kMaxTieEvents = 20;

std::string country_path_json(const KnowledgeGraph& g, const CountryPath& p) {
  std::string out = fmt::format("{{\"length\": {}, \"countries\": [", p.length());
  for (std::size_t i = 0; i < p.countries.size(); ++i)
    out += (i ? ", " : "") + vertex_json(g, p.countries[i]);
  out += "], \"ties\": [";
  for (std::size_t i = 0; i < p.ties.size(); ++i) {
    const CountryTie& t = *p.ties[i];
    out += fmt::format(
        "{}{{\"a\": {}, \"b\": {}, \"count\": {}, {}, \"a_to_b\": {}, \"b_to_a\": {}, "
        "\"first_date\": {}, \"last_date\": {}, \"events\": [",
        i ? ", " : "", q(g.id(t.a)), q(g.id(t.b)), t.count, tally_json(t), t.a_to_b, t.b_to_a,
        q(g.str(t.first_date)), q(g.str(t.last_date)));
    for (std::size_t j = 0; j < t.events.size() && j < kMaxTieEvents; ++j)
      out += (j ? ", " : "") + vertex_json(g, t.events[j]);
    out += "]}";
  }
  return out + "]}";
}

std::string ids_json(const KnowledgeGraph& g, const std::vector<VertexId>& vs) {
  std::string out = "[";
  for (std::size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + q(g.id(vs[i]));
  return out + "]";
}

// When no path was found but one exists through places or hubs: what --via
// would allow it, as the end of the "no path" message.
std::string hint_for(const KnowledgeGraph& g, const std::vector<VertexId>& path,
                     const std::vector<VertexId>& hubs) {
  bool place = false, hub = false;
  for (std::size_t i = 1; i + 1 < path.size(); ++i) {
    place |= g.kind(path[i]) == VertexKind::place;
    hub |= std::find(hubs.begin(), hubs.end(), path[i]) != hubs.end();
  }
  if (!place && !hub) return "";
  return fmt::format(" through countries, organizations and people; one runs through {} (--via {})",
                     place && hub ? "places and hubs" : place ? "a place" : "a hub",
                     place && hub ? "places,hubs" : place ? "places" : "hubs");
}

void run_path(const PathArgs& a, Globals& g) {
  if (a.k == 0) throw Error("--k must be at least 1");
  GraphSource source = a.source;
  source.filter.exclude_negated = !a.include_negated;
  Diagnostics diag;
  // Filters mask events at query time, so every entity still resolves.
  KnowledgeGraph graph = load_graph(source, g, diag, /*filter_facts=*/false);
  PathVia via = parse_via(a.via);
  std::vector<char> usable = usable_vertices(graph, source.filter);
  std::vector<VertexId> hubs = path_hubs(graph);
  std::vector<char> allowed = path_mask(graph, usable, via, hubs);
  const std::vector<char>* mask = &allowed;
  VertexId from = resolve_entity(graph, g, a.from, false, &source.filter);
  VertexId to = resolve_entity(graph, g, a.to, false, &source.filter);
  if (!via.hubs && !hubs.empty() && !g.quiet) {
    std::string names;
    for (std::size_t i = 0; i < hubs.size() && i < 5; ++i)
      names += fmt::format("{}{} ({}, {} edges)", i ? ", " : "", graph.label(hubs[i]),
                           graph.id(hubs[i]), graph.degree(hubs[i]));
    if (hubs.size() > 5) names += fmt::format(" and {} more", hubs.size() - 5);
    std::fprintf(stderr, "dipgraph: paths avoid the biggest hubs, %s; --via hubs allows them\n",
                 names.c_str());
  }

  std::string out;
  std::size_t found = 0;
  PathFinder finder(graph);
  finder.restrict_to(mask);
  // Writes `paths` (entity or country paths) as JSON or as numbered text.
  auto emit = [&](const auto& paths, auto&& path_json, auto&& print) {
    found = paths.size();
    if (a.json) {
      out = fmt::format(
          "{{\"from\": {}, \"to\": {}, \"countries\": {}, \"via\": {{\"places\": {}, \"hubs\": "
          "{}}}, \"hubs\": {}, \"paths\": [",
          vertex_json(graph, from), vertex_json(graph, to), a.countries, via.places, via.hubs,
          ids_json(graph, hubs));
      for (std::size_t i = 0; i < paths.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        out += path_json(graph, paths[i]);
      }
      out += "]}\n";
      return;
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (paths.size() > 1 || a.k > 1)
        out += fmt::format("{}{}. ({} step{}) ", i ? "\n" : "", i + 1, paths[i].length(),
                           paths[i].length() == 1 ? "" : "s");
      print(graph, paths[i], out);
    }
  };
  if (a.countries) {
    auto country = [&](VertexId v) {
      VertexId c = CountryView::country_of(graph, v);
      if (c == kNoVertex)
        throw Error(fmt::format("{} is not a country and represents none (--countries)",
                                describe(graph, v)));
      return c;
    };
    from = country(from);
    to = country(to);
    CountryView view(graph, mask);
    auto paths = finder.country_paths(view, from, to, a.k);
    // The walk leaves negated facts out (unless --include-negated); the
    // numbers shown are the tie's as every other command counts them
    // (graph/tie_tally.hpp): the user's filters only.
    std::vector<char> shown = usable_vertices(graph, a.source.filter);
    CountryView numbers(graph, shown.empty() ? nullptr : &shown);
    for (CountryPath& p : paths)
      for (const CountryTie*& tie : p.ties) tie = numbers.find(tie->a, tie->b);
    emit(paths, country_path_json, print_country_path);
    if (found == 0) {
      // Would the hubs have given one?
      std::vector<char> all = path_mask(graph, usable, PathVia{true, true}, hubs);
      finder.restrict_to(&all);
      auto any = finder.country_paths(view, from, to, 1);
      std::string hint = any.empty() ? "" : hint_for(graph, any.front().countries, hubs);
      std::fprintf(stderr, "dipgraph: no path between %s and %s over the country view%s\n",
                   describe(graph, from).c_str(), describe(graph, to).c_str(), hint.c_str());
    }
  } else {
    emit(finder.paths(from, to, a.k), path_json, print_path);
    if (found == 0) {
      std::vector<char> all = path_mask(graph, usable, PathVia{true, true}, hubs);
      finder.restrict_to(&all);
      auto any = finder.paths(from, to, 1);
      std::string hint = any.empty() ? "" : hint_for(graph, any.front().vertices, hubs);
      std::fprintf(stderr, "dipgraph: no path between %s and %s%s\n", describe(graph, from).c_str(),
                   describe(graph, to).c_str(), hint.c_str());
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (found == 0)
    g.exit_code = kExitPartial;
  else
    g.exit_code = diag.error_count() ? kExitPartial : kExitOk;
}

}  // namespace

void add_path_command(CLI::App& app, Globals& g) {
  auto args = std::make_shared<PathArgs>();
  auto* cmd = app.add_subcommand(
      "path", "shortest paths between two entities, with evidence (exit 1: no path; 2: unknown)");
  cmd->add_option("A", args->from, "entity: code (PAK), name (Pakistan), id (country:PAK)")
      ->required();
  cmd->add_option("B", args->to, "entity")->required();
  add_graph_source_options(cmd, args->source);
  cmd->add_flag("--json", args->json, "JSON output with stable ids");
  cmd->add_option("--k", args->k, "the k shortest loopless paths (default 1, at most 1000)")
      ->check(CLI::Range(std::size_t{1}, kMaxPaths));
  cmd->add_flag("--countries", args->countries,
                "paths over the country view (countries tied by shared events)");
  cmd->add_flag("--include-negated", args->include_negated,
                "let negated events (\"did not meet\") tie entities too");
  cmd->add_option("--via", args->via,
                  "also pass through places, hubs (entities in at least 5% of the events and "
                  "100 edges) or all (comma-separated)")
      ->delimiter(',');
  cmd->callback([args, &g] { run_path(*args, g); });
}

}  // namespace dipgraph::cli
