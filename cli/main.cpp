// dipgraph: the command-line driver. Reads like a table of contents: one
// subcommand per stage of the pipeline (see docs/usage.md).
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "graph/error.hpp"

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

}  // namespace dipgraph::cli

int main(int argc, char** argv) {
  using namespace dipgraph::cli;
  CLI::App app{"dipgraph: a knowledge graph of diplomatic relations from news articles"};
  app.set_version_flag("--version", DIPGRAPH_VERSION);
  app.require_subcommand(1);
  Globals g;
  app.add_option("--data", g.data_dir, "dictionary directory (default: $DIPGRAPH_DATA or built-in)");
  app.add_flag("-q,--quiet", g.quiet, "no progress output");

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
