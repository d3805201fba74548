// dipgraph build: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_build_command(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("build", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&g] { throw Error("build: not implemented yet"); (void)g; });
}

}  // namespace dipgraph::cli
