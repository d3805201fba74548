// dipgraph render: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_render_command(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("render", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&g] { throw Error("render: not implemented yet"); (void)g; });
}

}  // namespace dipgraph::cli
