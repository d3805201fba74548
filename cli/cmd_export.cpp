// dipgraph export: the graph (or the neighbourhood of one entity) as
// GraphML, DOT or node-link JSON, to stdout or atomically to -o FILE
// (written to a temporary file beside it, then renamed; an existing FILE is
// never truncated on failure). See docs/graph.md.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "export/exporters.hpp"
#include "graph/error.hpp"

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
};

ExportFormat choose_format(const ExportArgs& a) {
  if (!a.format.empty()) {
    auto f = parse_export_format(a.format);
    if (!f) throw Error(fmt::format("--format \"{}\": expected graphml, dot or json", a.format));
    return *f;
  }
  std::string ext = fs::path(a.output).extension().string();
  if (ext == ".dot" || ext == ".gv") return ExportFormat::dot;
  if (ext == ".json") return ExportFormat::json;
  return ExportFormat::graphml;
}

// Throws if writing `out` could clobber an input: a file inside the store
// directory, the facts file, or a directory.
void check_output_path(const ExportArgs& a) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(a.output, ec);
  if (ec) out = fs::absolute(a.output);
  if (fs::is_directory(out, ec)) throw Error(fmt::format("-o {}: is a directory", a.output));
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

void run_export(const ExportArgs& a, Globals& g) {
  ExportFormat format = choose_format(a);
  if (!a.output.empty()) check_output_path(a);
  if (a.depth < 0) throw Error("--depth must be >= 0");
  Diagnostics diag;
  KnowledgeGraph graph = load_graph(a.source, g, diag);

  std::vector<VertexId> selection;
  ExportOptions options;
  options.edge_labels = !a.no_edge_labels;
  if (!a.around.empty()) {
    VertexId center = graph.resolve_or_throw(a.around);
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
  if (a.output.empty()) {
    counts = write_graph(format, graph, std::cout, options);
  } else {
    write_atomically(a.output,
                     [&](std::ostream& os) { counts = write_graph(format, graph, os, options); });
  }
  if (!g.quiet)
    std::fprintf(stderr, "dipgraph: wrote %zu nodes, %zu edges as %s%s%s\n", counts.nodes,
                 counts.edges, std::string(to_string(format)).c_str(),
                 a.output.empty() ? "" : " to ", a.output.c_str());
  g.exit_code = diag.error_count() ? kExitPartial : kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "write the graph as GraphML, DOT or node-link JSON");
  add_graph_source_options(cmd, args->source);
  cmd->add_option("-f,--format", args->format,
                  "graphml, dot or json (default: from the -o extension, else graphml)");
  cmd->add_option("-o,--output", args->output, "output file (default: stdout)");
  auto* around = cmd->add_option("--around", args->around,
                                 "only the neighbourhood of this entity (id, code or name)");
  cmd->add_option("--depth", args->depth, "with --around: undirected steps to include (default 2)")
      ->needs(around)
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--no-edge-labels", args->no_edge_labels,
                "DOT: leave edge labels out (much faster layouts)");
  cmd->callback([args, &g] { run_export(*args, g); });
}

}  // namespace dipgraph::cli
