// dipgraph path: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_path_command(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("path", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&g] { throw Error("path: not implemented yet"); (void)g; });
}

}  // namespace dipgraph::cli
