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
#include "export/render.hpp"
#include "graph/country_view.hpp"
#include "graph/error.hpp"
#include "queries/neighbors.hpp"

namespace dipgraph::cli {

namespace {

struct RenderArgs {
  GraphSource source;
  std::string around;
  int depth = 2;
  bool countries = false;
  std::size_t top = 0;  // 0: the view's default
  std::size_t ties_per_country = 3;
  std::string engine = "auto";
  bool no_edge_labels = false;
  double half_life = kDefaultHalfLifeDays;
  double timeout = 300;
  std::string output;
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
  if (a.around.empty()) {
    CountryView view(g);
    CountryPictureOptions opt;
    opt.top_countries = a.top ? a.top : 50;
    opt.ties_per_country = a.ties_per_country;
    opt.edge_labels = !a.no_edge_labels;
    opt.engine = a.engine;
    auto strengths = tie_strengths(view, ref, a.half_life);
    // The caption needs the drawn counts: build once to count, again with it.
    pic = country_picture(view, strengths, opt);
    opt.title = fmt::format(
        "dipgraph country view: {} of {} countries, {} of {} ties{}{}. Width: tie strength "
        "(half-life {} days{}); colour: mean Goldstein.",
        pic.nodes, pic.total_nodes, pic.edges, pic.total_edges, filters.empty() ? "" : "; ",
        filters, a.half_life, ref ? ", up to " + civil_from_days(*ref) : std::string());
    pic = country_picture(view, strengths, opt);
    what = fmt::format("{} countries, {} ties", pic.nodes, pic.edges);
  } else {
    VertexId center = g.resolve_or_throw(a.around);
    EgoPictureOptions opt;
    opt.center = center;
    opt.depth = a.depth;
    opt.top_events = a.top ? a.top : 60;
    opt.edge_labels = !a.no_edge_labels;
    opt.engine = a.engine;
    opt.event_weight = [&](VertexId ev) { return event_weight(g, ev, ref, a.half_life); };
    pic = ego_picture(g, opt);
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
  cmd->add_option("--half-life", args->half_life,
                  "days after which a fact weighs half (default 365)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--timeout", args->timeout,
                  "give up on Graphviz after this many seconds (default 300)")
      ->check(CLI::PositiveNumber);
  cmd->callback([args, &g] { run_render(*args, g); });
}

}  // namespace dipgraph::cli
