// dipgraph extract: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_extract_command(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("extract", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&g] { throw Error("extract: not implemented yet"); (void)g; });
}

}  // namespace dipgraph::cli
