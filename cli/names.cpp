// Entity names for the commands: the dictionaries' NameTable, loaded once,
// and resolution with the one error every command reports.
#include "cli/names.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>

#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/dictionary_names.hpp"

namespace dipgraph::cli {

const NameTable& dictionary_name_table(const Globals& g) {
  static std::unique_ptr<NameTable> table;
  if (!table) {
    table = std::make_unique<NameTable>();
    try {
      Diagnostics quiet(/*echo=*/false);  // bad rows are extraction's to report
      auto dict = ingest::Dictionary::load(resolve_data_dir(g.data_dir), quiet);
      *table = ingest::dictionary_names(*dict);
    } catch (const Error& e) {
      std::fprintf(stderr, "dipgraph: warning: names of the dictionaries not available (%s)\n",
                   e.what());
    }
  }
  return *table;
}

std::string empty_graph_note(const KnowledgeGraph& graph, bool filtered) {
  if (graph.vertex_count() > 0) return {};
  return filtered ? "no facts are left after the filters"
                  : "the store is empty (no facts; add some with `dipgraph build`)";
}

VertexId resolve_entity(const KnowledgeGraph& graph, const Globals& g, std::string_view query,
                        bool filtered, const FactFilter* filter) {
  if (std::string empty = empty_graph_note(graph, filtered); !empty.empty())
    throw Error(fmt::format("cannot look up \"{}\": {}", query, empty));
  const NameTable& names = dictionary_name_table(g);
  VertexId v = graph.resolve_or_throw(query, &names);
  const std::string id(graph.id(v));
  std::string_view note = names.note(id), before = names.note_before(id);
  bool dates_reach = before.empty() || (filter && ((!filter->since.empty() && filter->since < before) ||
                                                   (!filter->until.empty() && filter->until < before)));
  if (!note.empty() && dates_reach)
    std::fprintf(stderr, "dipgraph: note: %.*s\n", static_cast<int>(note.size()), note.data());
  return v;
}

}  // namespace dipgraph::cli
