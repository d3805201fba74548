// dipgraph ties | neighbors | rank | timeline | stats: not implemented yet.
#include "cli/commands.hpp"
#include "graph/error.hpp"

namespace dipgraph::cli {

void add_query_commands(CLI::App& app, Globals& g) {
  for (const char* name : {"ties", "neighbors", "rank", "timeline", "stats"}) {
    auto* cmd = app.add_subcommand(name, "(not implemented yet)");
    cmd->allow_extras();
    cmd->callback([&g, name] { throw Error(std::string(name) + ": not implemented yet"); (void)g; });
  }
}

}  // namespace dipgraph::cli
