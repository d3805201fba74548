// dipgraph export: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_export_command(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("export", "(not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&g] { throw Error("export: not implemented yet"); (void)g; });
}

}  // namespace dipgraph::cli
