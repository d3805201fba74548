// libFuzzer target: hostile labels through the exporters. The input is split
// into a few strings (names, roles, evidence) of one fact; the GraphML
// output must be well-formed XML that expat parses, with every node label
// read back equal to the label the graph holds; the DOT output must be
// accepted by Graphviz's own parser (cgraph's agmemread).
#include <expat.h>
#include <graphviz/cgraph.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "graph/knowledge_graph.hpp"

namespace {

struct XmlState {
  std::map<std::string, std::string> labels;  // node id -> label read back
  std::string node, key, text;
  bool in_data = false;
};

void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char** attrs) {
  auto* st = static_cast<XmlState*>(user);
  std::string n = name;
  if (n == "node") {
    for (int i = 0; attrs[i]; i += 2)
      if (std::string(attrs[i]) == "id") st->node = attrs[i + 1];
  } else if (n == "data") {
    st->in_data = true;
    st->text.clear();
    for (int i = 0; attrs[i]; i += 2)
      if (std::string(attrs[i]) == "key") st->key = attrs[i + 1];
  }
}

void XMLCALL on_end(void* user, const XML_Char* name) {
  auto* st = static_cast<XmlState*>(user);
  std::string n = name;
  if (n == "data") {
    if (!st->node.empty() && st->key == "n_label") st->labels[st->node] = st->text;
    st->in_data = false;
  } else if (n == "node") {
    st->node.clear();
  }
}

void XMLCALL on_text(void* user, const XML_Char* s, int len) {
  auto* st = static_cast<XmlState*>(user);
  if (st->in_data) st->text.append(s, static_cast<std::size_t>(len));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= input.size() && parts.size() < 5; ++i) {
    if (i == input.size() || input[i] == '\x01') {
      parts.push_back(input.substr(start, i - start));
      start = i + 1;
    }
  }
  while (parts.size() < 5) parts.push_back("x");

  dipgraph::Fact fact;
  fact.type = "meeting";
  fact.cameo = "040";
  fact.root = "04";
  fact.quad_class = 1;
  fact.participants.push_back({"person:" + parts[0], dipgraph::ActorKind::person, parts[1], "PAK", parts[2]});
  fact.participants.push_back({"country:RUS", dipgraph::ActorKind::country, parts[3], "RUS", ""});
  fact.location = dipgraph::Location{parts[4], "RUS"};
  fact.name = parts[1] + parts[4];
  fact.evidence.push_back({"a1", 0, 0, parts[4].size(), parts[4]});
  fact.id = dipgraph::compute_fact_id(fact);
  auto graph = dipgraph::KnowledgeGraph::build({fact});

  std::ostringstream xml;
  dipgraph::write_graphml(graph, xml);
  std::string x = xml.str();
  XmlState st;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &st);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  if (XML_Parse(p, x.data(), static_cast<int>(x.size()), 1) != XML_STATUS_OK) std::abort();
  XML_ParserFree(p);
  for (dipgraph::VertexId v = 0; v < graph.vertex_count(); ++v) {
    auto it = st.labels.find(std::string(graph.id(v)));
    if (it == st.labels.end()) {
      if (!graph.label(v).empty()) std::abort();  // a non-empty label must be written
      continue;
    }
    if (it->second != graph.label(v)) std::abort();
  }

  std::ostringstream dot;
  dipgraph::write_dot(graph, dot);
  std::string d = dot.str();
  Agraph_t* g = agmemread(d.c_str());
  if (!g) std::abort();
  agclose(g);
  return 0;
}
