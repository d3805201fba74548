// dipgraph: the command-line driver. Reads like a table of contents: one
// subcommand per stage of the pipeline (see docs/usage.md).
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "graph/error.hpp"
#include "graph/name_table.hpp"

namespace dipgraph::cli {

std::string resolve_store(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DIPGRAPH_STORE"); env && *env) return env;
  return "dipgraph.store";
}

std::string resolve_data_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DIPGRAPH_DATA"); env && *env) return env;
  return DIPGRAPH_DATA_DIR;
}

void refuse_output_over_stdin(const std::string& facts, const std::string& output) {
  struct stat in {};
  struct stat out {};
  if (facts != "-" || ::fstat(STDIN_FILENO, &in) != 0 || !S_ISREG(in.st_mode)) return;
  if (::stat(output.c_str(), &out) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
    throw dipgraph::Error(fmt::format("-o {}: is the facts file read on standard input", output));
}

// When the command line names no known subcommand: "unknown command
// \"neighbours\"; did you mean neighbors?" (with the list when nothing is
// near); else empty.
std::string unknown_subcommand(const CLI::App& app, int argc, char** argv) {
  if (!app.get_subcommands().empty()) return {};
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--data") {
      ++i;  // its value
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    if (std::find(names.begin(), names.end(), arg) != names.end()) return {};
    std::vector<std::string> near = nearest_words(arg, names);
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    return fmt::format(
        "unknown command \"{}\"{}", arg,
        near.empty() ? fmt::format("; the commands are {}", list) : did_you_mean(near));
  }
  return {};
}

}  // namespace dipgraph::cli

int main(int argc, char** argv) {
  using namespace dipgraph::cli;
  CLI::App app{"dipgraph: a knowledge graph of diplomatic relations from news articles"};
  app.set_version_flag("--version", DIPGRAPH_VERSION);
  app.require_subcommand(1);
  Globals g;
  g.terminal = ::isatty(STDERR_FILENO) == 1;
  app.add_option("--data", g.data_dir, "dictionary directory (default: $DIPGRAPH_DATA or built-in)");
  app.add_flag("-q,--quiet", g.quiet, "no progress output");
  app.fallthrough();  // --data and -q also after the subcommand (inherited by each)

  add_extract_command(app, g);   // articles -> facts JSONL on stdout
  add_build_command(app, g);     // articles or facts -> store
  add_export_command(app, g);    // store -> GraphML / DOT / JSON / GEXF / CSV / Neo4j
  add_path_command(app, g);      // shortest paths between two entities
  add_query_commands(app, g);    // ties, neighbors, rank, timeline, stats
  add_changes_command(app, g);   // ties that appeared, vanished, warmed, cooled
  add_render_command(app, g);    // Graphviz pictures
  add_check_command(app, g);     // store integrity check and repair
  add_compact_command(app, g);   // one record per fact in the log
  add_copy_command(app, g);      // store -> store, between backends
  add_parse_command(app, g);     // articles or CoNLL-U -> tagged and parsed CoNLL-U
  add_train_command(app, g);     // UD treebank -> data/syntax models

  try {
    app.parse(argc, argv);
    // Output is checked once, here, for every command: a full disk or a
    // closed descriptor on stdout fails the command even if it wrote
    // everything else (ferror keeps an earlier failed write).
    std::cout.flush();
    const bool flushed = std::fflush(stdout) == 0;
    const int err = errno;
    if (!flushed || std::ferror(stdout) || !std::cout) {
      std::fprintf(stderr, "dipgraph: cannot write to standard output%s%s\n", flushed ? "" : ": ",
                   flushed ? "" : std::strerror(err));
      return kExitFatal;
    }
  } catch (const CLI::ParseError& e) {
    if (std::string unknown = unknown_subcommand(app, argc, argv); !unknown.empty()) {
      std::fprintf(stderr, "dipgraph: %s\n", unknown.c_str());
      return kExitFatal;
    }
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitFatal;
  } catch (const dipgraph::Error& e) {
    std::fprintf(stderr, "dipgraph: %s\n", e.what());
    return kExitFatal;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "dipgraph: out of memory\n");
    return kExitFatal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dipgraph: internal error: %s\n", e.what());
    return kExitFatal;
  }
  return g.exit_code;
}
