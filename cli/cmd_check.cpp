// dipgraph check: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_check_command(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("check", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&g] { throw Error("check: not implemented yet"); (void)g; });
}

}  // namespace dipgraph::cli
