// dipgraph render: a picture of the graph through Graphviz (docs/queries.md,
// "render"). The country view by default (--countries), or the neighbourhood
// of one entity (--around A --depth N); pruned to --top countries or events,
// laid out by the engine chosen for its size (or --engine), written to -o
// FILE (.svg, .png, .pdf; .dot/.gv for the DOT text) through a temporary
// file. Exit 0 with a picture, 1 when there is nothing to draw or records
// were skipped, 2 on bad flags, unknown names or a Graphviz failure.
#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "cli/names.hpp"
#include "export/render.hpp"
#include "graph/country_view.hpp"
#include "graph/error.hpp"
#include "queries/changes.hpp"
#include "queries/neighbors.hpp"

namespace dipgraph::cli {

namespace {

struct RenderArgs {
  GraphSource source;
  std::string around;
  int depth = 2;
  bool countries = false;
  long long top = -1;  // -1: the view's default (50 countries, 60 events); 0: all
  std::size_t ties_per_country = 3;
  std::string engine = "auto";
  bool no_edge_labels = false;
  bool edge_labels = false;  // keep edge labels even on big pictures
  bool places = false;
  bool no_collapse = false;
  double half_life = kDefaultHalfLifeDays;
  double timeout = 300;
  std::string output;
  bool changes = false;      // --changes: the ties that moved between --from and --to
  std::string from, to;
};

// "since 2025-01, type meeting": the filters in force, for the caption.
std::string filter_caption(const FactFilter& f) {
  std::string out;
  auto add = [&](std::string part) { out += (out.empty() ? "" : ", ") + part; };
  if (!f.since.empty()) add("since " + f.since);
  if (!f.until.empty()) add("until " + f.until);
  for (const auto& t : f.types) add("type " + t);
  for (const auto& s : f.statuses) add("status " + s);
  if (f.min_confidence > 0) add(fmt::format("confidence \u2265 {}", f.min_confidence));
  return out;
}

void run_render(const RenderArgs& a, Globals& glob) {
  if (!a.around.empty() && a.countries) throw Error("--around and --countries exclude each other");
  if (a.changes && (!a.around.empty() || a.countries))
    throw Error("--changes draws the country ties that moved: not with --around or --countries");
  if (a.changes && (a.from.empty() || a.to.empty()))
    throw Error("--changes needs the two periods: --from FROM..TO --to FROM..TO");
  if (!a.changes && (!a.from.empty() || !a.to.empty()))
    throw Error("--from and --to go with --changes");
  output_format(a.output);  // a bad extension fails before the graph is loaded
  refuse_output_over_input(a.source, a.output);
  refuse_output_over_stdin(a.source.facts, a.output);
  choose_engine(a.engine, 0, true);
  auto t0 = std::chrono::steady_clock::now();
  Diagnostics diag;
  KnowledgeGraph g = load_graph(a.source, glob, diag);
  std::optional<std::int32_t> ref = newest_event_day(g);
  std::string filters = filter_caption(a.source.filter);

  DotPicture pic;
  std::string what;
  if (a.changes) {
    DateWindow from = parse_period(a.from, "--from"), to = parse_period(a.to, "--to");
    Changes ch = find_changes(g, from, to, a.top < 0 ? 25 : static_cast<std::size_t>(a.top));
    std::vector<TieShift> shifts;
    auto add = [&](const std::vector<TieChange>& list, TieShift::Kind kind) {
      for (const TieChange& c : list)
        shifts.push_back({c.a, c.b, kind, c.before.count, c.after.count,
                          c.before.mean_goldstein(), c.after.mean_goldstein(), c.shift});
    };
    add(ch.appeared, TieShift::appeared);
    add(ch.vanished, TieShift::vanished);
    add(ch.warmed, TieShift::warmed);
    add(ch.cooled, TieShift::cooled);
    ChangesPictureOptions opt;
    opt.edge_labels = !a.no_edge_labels;
    opt.engine = a.engine;
    opt.title = fmt::format(
        "dipgraph: country ties from {}..{} ({} facts) to {}..{} ({} facts): {} appeared, {} "
        "vanished, {} warmed, {} cooled (at most {} of each){}{}",
        from.since, from.until, ch.facts_before, to.since, to.until, ch.facts_after,
        ch.appeared.size(), ch.vanished.size(), ch.warmed.size(), ch.cooled.size(),
        a.top < 0 ? 25 : a.top, filters.empty() ? "" : "; ", filters);
    pic = changes_picture(g, shifts, opt);
    what = fmt::format("{} countries, {} changed ties", pic.nodes, pic.edges);
  } else if (a.around.empty()) {
    CountryView view(g);
    CountryPictureOptions opt;
    opt.top_countries = a.top < 0 ? 50 : static_cast<std::size_t>(a.top);
    opt.ties_per_country = a.ties_per_country;
    opt.edge_labels = !a.no_edge_labels;
    opt.engine = a.engine;
    auto strengths = tie_strengths(view, ref, a.half_life);
    // The caption needs the drawn counts: build once to count, again with it.
    pic = country_picture(view, strengths, opt);
    if (opt.edge_labels && !a.edge_labels && pic.nodes > kLabelledMaxNodes) {
      opt.edge_labels = false;
      if (!glob.quiet)
        std::fprintf(stderr,
                     "dipgraph: note: %zu countries: edge labels left out so the layout finishes "
                     "in seconds (--edge-labels keeps them)\n",
                     pic.nodes);
    }
    opt.title = fmt::format(
        "dipgraph country view: {} of {} countries, {} of {} ties{}{}. Width: tie strength "
        "(half-life {} days{}); colour: mean Goldstein.",
        pic.nodes, pic.total_nodes, pic.edges, pic.total_edges, filters.empty() ? "" : "; ",
        filters, a.half_life, ref ? ", up to " + civil_from_days(*ref) : std::string());
    pic = country_picture(view, strengths, opt);
    what = fmt::format("{} countries, {} ties", pic.nodes, pic.edges);
  } else {
    VertexId center = resolve_entity(g, glob, a.around, a.source.filter.active(), &a.source.filter);
    EgoPictureOptions opt;
    opt.center = center;
    opt.depth = a.depth;
    opt.top_events = a.top < 0 ? 60 : static_cast<std::size_t>(a.top);
    opt.edge_labels = !a.no_edge_labels;
    opt.places = a.places;
    opt.collapse = !a.no_collapse;
    opt.engine = a.engine;
    opt.event_weight = [&](VertexId ev) { return event_weight(g, ev, ref, a.half_life); };
    pic = ego_picture(g, opt);
    if (opt.edge_labels && !a.edge_labels && pic.nodes > kLabelledMaxNodes) {
      opt.edge_labels = false;
      if (!glob.quiet)
        std::fprintf(stderr,
                     "dipgraph: note: %zu vertices: edge labels left out so the layout finishes "
                     "in seconds (--edge-labels keeps them)\n",
                     pic.nodes);
    }
    opt.title =
        fmt::format("dipgraph: around {} (depth {}): {} of {} vertices{}{}", describe(g, center),
                    a.depth, pic.nodes, pic.total_nodes, filters.empty() ? "" : "; ", filters);
    pic = ego_picture(g, opt);
    what = fmt::format("{} vertices, {} edges", pic.nodes, pic.edges);
  }
  if (pic.nodes == 0) {
    std::fprintf(stderr, "dipgraph: nothing to draw (no country ties%s); %s not written\n",
                 filters.empty() ? "" : " pass the filters", a.output.c_str());
    glob.exit_code = kExitPartial;
    return;
  }
  if (!glob.quiet && pic.engine != "sfdp" && pic.nodes > 500)
    std::fprintf(stderr,
                 "dipgraph: note: laying out %zu nodes with %s may take minutes (sfdp is much "
                 "faster: --engine sfdp); giving up after %.0f s (--timeout)\n",
                 pic.nodes, pic.engine.c_str(), a.timeout);
  render_file(pic, a.output, a.timeout);
  if (!glob.quiet) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "dipgraph: %s drawn with %s -> %s (%.2f s)\n", what.c_str(),
                 pic.engine.c_str(), a.output.c_str(), secs);
  }
  glob.exit_code = diag.error_count() ? kExitPartial : kExitOk;
}

}  // namespace

void add_render_command(CLI::App& app, Globals& g) {
  auto args = std::make_shared<RenderArgs>();
  auto* cmd = app.add_subcommand(
      "render", "draw the country view or an entity's neighbourhood with Graphviz");
  cmd->add_option("-o,--output", args->output, "FILE.svg, .png, .pdf (or .dot for the DOT text)")
      ->required();
  cmd->add_flag("--countries", args->countries, "the country view (the default)");
  cmd->add_flag("--changes", args->changes,
                "the country ties that appeared, vanished, warmed, cooled from --from to --to");
  cmd->add_option("--from", args->from, "--changes: the first period, FROM..TO or one EDTF date");
  cmd->add_option("--to", args->to, "--changes: the second period");
  cmd->add_option("--around", args->around, "draw the neighbourhood of this entity instead");
  cmd->add_option("--depth", args->depth, "steps from --around (default 2)")
      ->check(CLI::Range(1, 10));
  add_graph_source_options(cmd, args->source);
  cmd->add_option("--top", args->top,
                  "countries drawn (default 50), or events with --around (default 60); 0 = all")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 32));
  cmd->add_option("--ties-per-country", args->ties_per_country,
                  "every country keeps its K strongest ties (default 3, 0 = all ties)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 32));
  cmd->add_option("--engine", args->engine,
                  "Graphviz layout: dot, sfdp, neato, or auto (by size: neato up to 100 countries, "
                  "dot up to 300 vertices around an entity, sfdp beyond)");
  cmd->add_flag("--no-edge-labels", args->no_edge_labels,
                "leave fact counts / edge kinds off the edges (much faster layouts)");
  cmd->add_flag("--edge-labels", args->edge_labels,
                "keep edge labels even above 150 nodes (where they are left out: slow layouts)");
  cmd->add_flag("--places", args->places,
                "--around: draw places (cities) and walk through them; left out by default");
  cmd->add_flag("--no-collapse", args->no_collapse,
                "--around: one node per event (default: events of one type and the same sides "
                "are one node with a count)");
  cmd->add_option("--half-life", args->half_life,
                  "days after which a fact weighs half (default 365)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--timeout", args->timeout,
                  "give up on Graphviz after this many seconds (default 300)")
      ->check(CLI::PositiveNumber);
  cmd->callback([args, &g] { run_render(*args, g); });
}

}  // namespace dipgraph::cli
