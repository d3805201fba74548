// dipgraph export: the graph (or the neighbourhood of one entity) as
// GraphML, DOT, node-link JSON, GEXF, the CSV event table or Neo4j import
// files; with --countries the country network as GraphML, JSON, CSV, GEXF
// or DOT. To stdout or atomically to -o FILE (written to a temporary file
// beside it, then renamed; an existing FILE is never truncated on failure).
// The format is --format, else the -o extension; an unknown one is refused
// with the list. See docs/graph.md and docs/usage.md.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "cli/names.hpp"
#include "export/country_network.hpp"
#include "export/exporters.hpp"
#include "export/render.hpp"
#include "graph/country_view.hpp"
#include "graph/error.hpp"
#include "queries/neighbors.hpp"

namespace dipgraph::cli {

namespace {

namespace fs = std::filesystem;

struct ExportArgs {
  GraphSource source;
  std::string format;
  std::string output;
  std::string around;
  int depth = 2;
  bool no_edge_labels = false;
  bool countries = false;
  double half_life = kDefaultHalfLifeDays;
  std::string gexf_version = "1.3";
};

// --format, else the -o extension, else (stdout) GraphML. An unknown format
// or extension is an error listing the formats: never a silent GraphML.
ExportFormat choose_format(const ExportArgs& a) {
  ExportFormat f = ExportFormat::graphml;
  if (!a.format.empty()) {
    auto parsed = parse_export_format(a.format);
    if (!parsed)
      throw Error(fmt::format("--format \"{}\": unknown format; expected one of {}", a.format,
                              export_format_list()));
    f = *parsed;
  } else if (!a.output.empty()) {
    auto by_name = format_of_path(a.output);
    if (!by_name)
      throw Error(fmt::format(
          "-o {}: cannot tell the format from the file name; give --format ({}) or use an "
          "extension .graphml, .dot, .gv, .json, .csv, .gexf",
          a.output, export_format_list()));
    f = *by_name;
  }
  if (f == ExportFormat::neo4j && a.output.empty())
    throw Error("--format neo4j writes a directory of CSV files: give it with -o DIR");
  if (a.countries && f == ExportFormat::neo4j)
    throw Error("--countries: the country network is written as graphml, json, csv, gexf or dot");
  return f;
}

// Throws if writing `out` could clobber an input: a file inside the store
// directory, the facts file, or a directory.
void check_output_path(const ExportArgs& a) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(a.output, ec);
  if (ec) out = fs::absolute(a.output);
  if (fs::is_directory(out, ec) && parse_export_format(a.format) != ExportFormat::neo4j)
    throw Error(fmt::format("-o {}: is a directory", a.output));
  std::string store = store_path(a.source);
  if (!store.empty() && fs::exists(store, ec)) {
    fs::path dir = fs::weakly_canonical(store, ec);
    for (fs::path p = out.parent_path(); !p.empty(); p = p.parent_path()) {
      if (p == dir)
        throw Error(fmt::format("-o {}: refusing to write inside the store {}", a.output, store));
      if (p == p.root_path()) break;
    }
  }
  if (!a.source.facts.empty() && a.source.facts != "-" && fs::exists(a.source.facts, ec) &&
      fs::equivalent(a.source.facts, a.output, ec))
    throw Error(fmt::format("-o {}: is the input facts file", a.output));
  refuse_output_over_stdin(a.source.facts, a.output);
}

// Writes via `write` into a temporary file beside `path`, then renames it over
// `path`. On any failure the temporary file is removed and `path` untouched.
template <class Write>
void write_atomically(const std::string& path, Write&& write) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(fmt::format("-o {}: cannot create a file in {}", path, dir.string()));
  ::close(fd);
  try {
    {
      std::ofstream out(tmpl, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(fmt::format("-o {}: cannot write {}", path, tmpl));
      write(out);
      out.close();
      if (!out) throw Error(fmt::format("-o {}: write failed (disk full?)", path));
    }
    // mkstemp makes the file 0600; give it the usual permissions.
    fs::permissions(tmpl, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    fs::rename(tmpl, target);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmpl, ec);
    throw;
  }
}

// "since 2025-01, type meeting": the filters in force, for the file's description.
std::string filter_text(const FactFilter& f) {
  std::string out;
  auto add = [&](std::string part) { out += (out.empty() ? "" : ", ") + part; };
  if (!f.since.empty()) add("since " + f.since);
  if (!f.until.empty()) add("until " + f.until);
  for (const auto& t : f.types) add("type " + t);
  for (const auto& s : f.statuses) add("status " + s);
  if (f.min_confidence > 0) add(fmt::format("confidence >= {}", f.min_confidence));
  return out;
}

// export --countries: the country network (ties as `ties`/`neighbors` count
// them, weights as `neighbors` and `render` weigh them).
void export_countries(const ExportArgs& a, const Globals& g, const KnowledgeGraph& graph,
                      ExportFormat format) {
  CountryView view(graph);
  auto strengths = tie_strengths(view, newest_event_day(graph), a.half_life);
  auto write = [&](std::ostream& os) -> ExportCounts {
    if (format == ExportFormat::dot) {
      CountryPictureOptions opt;
      opt.top_countries = 0;
      opt.ties_per_country = 0;
      opt.edge_labels = !a.no_edge_labels;
      DotPicture pic = country_picture(view, strengths, opt);
      os << pic.dot;
      if (!os) throw Error("cannot write the export (disk full or output closed?)");
      return {pic.nodes, pic.edges};
    }
    CountryNetworkOptions opt;
    opt.gexf_version = a.gexf_version;
    opt.description = filter_text(a.source.filter);
    CountryCodeTable codes =
        load_country_codes(resolve_data_dir(g.data_dir) + "/country_codes.tsv");
    return write_country_network(format, view, strengths, codes, os, opt);
  };
  ExportCounts counts;
  if (a.output.empty()) {
    counts = write(std::cout);
    std::cout.flush();
  } else {
    write_atomically(a.output, [&](std::ostream& os) { counts = write(os); });
  }
  if (!g.quiet)
    std::fprintf(stderr, "dipgraph: wrote %zu countries, %zu ties as %s%s%s\n", counts.nodes,
                 counts.edges, std::string(to_string(format)).c_str(),
                 a.output.empty() ? "" : " to ", a.output.c_str());
}

void run_export(const ExportArgs& a, Globals& g) {
  if (!a.output.empty()) check_output_path(a);  // never clobber an input, whatever the format
  ExportFormat format = choose_format(a);
  if (a.depth < 0) throw Error("--depth must be >= 0");
  if (a.countries && !a.around.empty())
    throw Error("--countries and --around exclude each other");
  if (format == ExportFormat::gexf && a.gexf_version != "1.3" && a.gexf_version != "1.2draft")
    throw Error(fmt::format("--gexf-version \"{}\": expected 1.3 or 1.2draft", a.gexf_version));
  Diagnostics diag;
  KnowledgeGraph graph = load_graph(a.source, g, diag);
  if (a.countries) {
    export_countries(a, g, graph, format);
    g.exit_code = diag.error_count() ? kExitPartial : kExitOk;
    return;
  }

  std::vector<VertexId> selection;
  ExportOptions options;
  CountryCodeTable codes = load_country_codes(resolve_data_dir(g.data_dir) + "/country_codes.tsv");
  options.country_codes = &codes;
  options.edge_labels = !a.no_edge_labels;
  options.gexf_version = a.gexf_version;
  if (!a.around.empty()) {
    VertexId center = resolve_entity(graph, g, a.around, a.source.filter.active(), &a.source.filter);
    selection = graph.around(center, a.depth);
    options.vertices = &selection;
  }
  std::size_t nodes = options.vertices ? selection.size() : graph.vertex_count();
  if (format == ExportFormat::dot && nodes > 2000 && !g.quiet)
    std::fprintf(stderr,
                 "dipgraph: note: %zu nodes; `dot` needs minutes beyond ~2,000 nodes: narrow with "
                 "--around/--depth, render with sfdp, or use --no-edge-labels\n",
                 nodes);

  ExportCounts counts;
  if (format == ExportFormat::neo4j) {
    counts = write_neo4j(graph, a.output, options);
  } else if (a.output.empty()) {
    counts = write_graph(format, graph, std::cout, options);
  } else {
    write_atomically(a.output,
                     [&](std::ostream& os) { counts = write_graph(format, graph, os, options); });
  }
  if (!g.quiet && format == ExportFormat::csv)
    std::fprintf(stderr, "dipgraph: wrote %zu events in %zu rows as csv%s%s\n", counts.nodes,
                 counts.edges, a.output.empty() ? "" : " to ", a.output.c_str());
  else if (!g.quiet)
    std::fprintf(stderr, "dipgraph: wrote %zu nodes, %zu edges as %s%s%s\n", counts.nodes,
                 counts.edges, std::string(to_string(format)).c_str(),
                 a.output.empty() ? "" : " to ", a.output.c_str());
  g.exit_code = diag.error_count() ? kExitPartial : kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand(
      "export", "write the graph (or --countries, the country network) as GraphML, DOT, JSON, "
                "GEXF, CSV or Neo4j import files");
  add_graph_source_options(cmd, args->source);
  cmd->add_option("-f,--format", args->format,
                  "graphml, dot, json, csv, gexf or neo4j (default: from the -o extension; "
                  "stdout: graphml)");
  cmd->add_option("-o,--output", args->output, "output file (default: stdout)");
  auto* around = cmd->add_option("--around", args->around,
                                 "only the neighbourhood of this entity (id, code or name)");
  cmd->add_option("--depth", args->depth, "with --around: undirected steps to include (default 2)")
      ->needs(around)
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--no-edge-labels", args->no_edge_labels,
                "DOT: leave edge labels out (much faster layouts)");
  cmd->add_flag("--countries", args->countries,
                "the country network (countries and their ties) instead of the whole graph");
  cmd->add_option("--half-life", args->half_life,
                  "--countries: days after which a fact weighs half in a tie's weight (default 365)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--gexf-version", args->gexf_version,
                  "GEXF: 1.3 (default, Gephi) or 1.2draft (networkx before 3.6 reads only that)");
  cmd->callback([args, &g] { run_export(*args, g); });
}

}  // namespace dipgraph::cli
