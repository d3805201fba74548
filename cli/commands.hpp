// The dipgraph subcommands. Each cmd_<name>.cpp registers one subcommand on
// the CLI11 app; its callback does the work and stores the exit code in
// Globals::exit_code. main.cpp lists them like a table of contents.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace dipgraph::cli {

// Options shared by every subcommand, set on the top-level app.
struct Globals {
  std::string data_dir;   // --data DIR: dictionaries (default: DIPGRAPH_DATA, then the built-in path)
  bool quiet = false;     // --quiet: no progress lines
  bool terminal = false;  // standard error is a terminal
  int exit_code = 0;      // set by the subcommand that ran
  // Progress and load lines are for a person watching: on a terminal, unless --quiet.
  bool progress() const { return !quiet && terminal; }
};

// Exit codes: 0 ok; 1 some inputs or records skipped (reported on stderr) or
// "not found"; 2 usage or fatal error (dipgraph::Error).
inline constexpr int kExitOk = 0, kExitPartial = 1, kExitFatal = 2;

// The store: --store if given, else $DIPGRAPH_STORE, else "dipgraph.store". A
// directory, or a database (postgresql:// URI or libpq connection string).
std::string resolve_store(const std::string& flag);
// The data directory: --data, else $DIPGRAPH_DATA, else the source tree's data/.
std::string resolve_data_dir(const std::string& flag);
// Throws if `output` is the file standard input reads (`facts` is "-" and
// stdin is redirected from `output`): writing it would replace the input.
void refuse_output_over_stdin(const std::string& facts, const std::string& output);
// A check for path flags (--store): an empty path is an error, not "unset".
inline const CLI::Validator kNonEmptyPath(
    [](std::string& s) { return s.empty() ? std::string("an empty path") : std::string(); },
    "PATH");

void add_extract_command(CLI::App& app, Globals& g);
void add_build_command(CLI::App& app, Globals& g);
void add_export_command(CLI::App& app, Globals& g);
void add_path_command(CLI::App& app, Globals& g);
void add_query_commands(CLI::App& app, Globals& g);   // ties, neighbors, rank, timeline, stats
void add_changes_command(CLI::App& app, Globals& g);
void add_render_command(CLI::App& app, Globals& g);
void add_check_command(CLI::App& app, Globals& g);
void add_compact_command(CLI::App& app, Globals& g);
void add_copy_command(CLI::App& app, Globals& g);
void add_parse_command(CLI::App& app, Globals& g);
void add_train_command(CLI::App& app, Globals& g);

}  // namespace dipgraph::cli
