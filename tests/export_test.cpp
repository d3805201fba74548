// exporters: GraphML parsed back by a small strict XML reader (well-formed,
// typed keys, values read back as the graph holds them), DOT quoting and
// escaping, node-link JSON parsed back with RapidJSON, subgraphs, hostile
// labels, locale independence, stream failures.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <locale>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"
#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"

using namespace dipgraph;

namespace {

// --- A small strict XML reader: enough of XML 1.0 for GraphML. -------------

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::string text;  // character data directly inside, entities decoded
  std::vector<XmlElement> children;
};

struct XmlReader {
  std::string_view s;
  std::size_t i = 0;
  std::string error;

  bool fail(const std::string& why) {
    if (error.empty()) error = why + " at byte " + std::to_string(i);
    return false;
  }
  // Appends decoded text up to `stop`; checks characters and references.
  bool chars(std::string& out, char stop) {
    while (i < s.size() && s[i] != stop && s[i] != '<') {
      auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return fail("forbidden control char");
      if (c == '&') {
        auto semi = s.find(';', i);
        if (semi == std::string_view::npos) return fail("unterminated reference");
        std::string_view ref = s.substr(i + 1, semi - i - 1);
        if (ref == "amp") out += '&';
        else if (ref == "lt") out += '<';
        else if (ref == "gt") out += '>';
        else if (ref == "quot") out += '"';
        else if (ref == "apos") out += '\'';
        else if (ref.size() > 1 && ref[0] == '#') {
          unsigned long cp = ref[1] == 'x' ? std::stoul(std::string(ref.substr(2)), nullptr, 16)
                                           : std::stoul(std::string(ref.substr(1)));
          if (cp != 9 && cp != 10 && cp != 13 && cp < 0x20) return fail("forbidden char ref");
          if (cp >= 0x80) return fail("test reader: non-ASCII char ref");
          out += static_cast<char>(cp);
        } else {
          return fail("unknown entity &" + std::string(ref) + ";");
        }
        i = semi + 1;
        continue;
      }
      if (stop == '"' && c == '<') return fail("< in attribute");
      // XML parsers fold CR (and CRLF) to LF; tab/LF in attributes to space.
      if (c == '\r') {
        out += '\n';
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else if (stop == '"' && (c == '\n' || c == '\t')) {
        out += ' ';
      } else {
        out += static_cast<char>(c);
      }
      ++i;
    }
    return true;
  }
  void spaces() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  }
  bool name(std::string& out) {
    std::size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' ||
                            s[i] == ':' || s[i] == '.' || s[i] == '-'))
      ++i;
    out.assign(s.substr(start, i - start));
    return !out.empty() || fail("expected a name");
  }
  bool element(XmlElement& e) {
    if (s.substr(i, 1) != "<") return fail("expected <");
    ++i;
    if (!name(e.name)) return false;
    for (;;) {
      spaces();
      if (s.substr(i, 2) == "/>") {
        i += 2;
        return true;
      }
      if (s.substr(i, 1) == ">") {
        ++i;
        break;
      }
      std::string key, value;
      if (!name(key)) return false;
      if (s.substr(i, 2) != "=\"") return fail("attribute " + key + " not quoted");
      i += 2;
      if (!chars(value, '"')) return false;
      if (s.substr(i, 1) != "\"") return fail("unterminated attribute");
      ++i;
      if (!e.attrs.emplace(key, value).second) return fail("duplicate attribute " + key);
    }
    for (;;) {
      if (!chars(e.text, '<')) return false;
      if (i >= s.size()) return fail("unclosed <" + e.name + ">");
      if (s.substr(i, 2) == "</") {
        i += 2;
        std::string closing;
        if (!name(closing)) return false;
        if (closing != e.name) return fail("</" + closing + "> closes <" + e.name + ">");
        spaces();
        if (s.substr(i, 1) != ">") return fail("bad end tag");
        ++i;
        return true;
      }
      e.children.emplace_back();
      if (!element(e.children.back())) return false;
    }
  }
  bool document(XmlElement& root) {
    if (s.substr(0, 5) == "<?xml") i = s.find("?>") + 2;
    spaces();
    if (!element(root)) return false;
    spaces();
    return i == s.size() || fail("content after the root element");
  }
};

XmlElement parse_xml(const std::string& text) {
  XmlReader r{text, 0, {}};
  XmlElement root;
  bool ok = r.document(root);
  INFO(r.error);
  REQUIRE(ok);
  return root;
}

// --- Graphs ------------------------------------------------------------------

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

std::vector<std::string> hostile_strings() {
  return {
      "Quote \"double\" 'single'",
      "Back\\slash \\n \\N end\\",
      "Angle <b> & amp &amp; &#65; ]]>",
      "Line\nbreak\ttab\rcr",
      std::string("Nul\0byte\x01\x1f", 10),
      "RTL \xE2\x80\x8F mark \xE2\x80\xAE override",
      "C\xC3\xB4te d'Ivoire \xE5\x8C\x97\xE4\xBA\xAC",
      "Bad \xff\xfe utf8 \xC0\xAF",
      std::string(10000, 'L'),
  };
}

KnowledgeGraph hostile_graph() {
  std::vector<Fact> facts;
  facts.push_back(fact(R"({"type":"meeting","cameo":"043","goldstein":2.8,"date":"2025-07-10",
    "participants":[{"id":"country:PAK","name":"Pakistan"},{"id":"country:RUS","name":"Russia"}],
    "location":{"name":"Moscow","country":"RUS"},"topics":["AFG"],"confidence":0.25,
    "evidence":[{"article":"a1","sentence":0,"start":0,"end":5,"text":"They met."}]})"));
  int i = 0;
  for (const std::string& h : hostile_strings()) {
    Fact f = fact(R"({"type":"statement","cameo":"010","participants":[{"id":"country:PAK"}]})");
    f.id = "event:h" + std::to_string(i);
    f.name = h;
    f.source.push_back({"person:h" + std::to_string(i) + "\"<&>\n" + h.substr(0, 12),
                        ActorKind::person, h, "PAK", h});
    f.evidence.push_back({"a" + std::to_string(i), 0, 0, 1, h});
    facts.push_back(f);
    ++i;
  }
  return KnowledgeGraph::build(facts);
}

std::string graphml(const KnowledgeGraph& g, const ExportOptions& o = {}) {
  std::ostringstream out;
  write_graphml(g, out, o);
  return out.str();
}

}  // namespace

TEST_CASE("export: GraphML is well-formed and reads back every value") {
  KnowledgeGraph g = hostile_graph();
  std::string text = graphml(g);
  XmlElement root = parse_xml(text);
  CHECK(root.name == "graphml");

  std::map<std::string, std::pair<std::string, std::string>> keys;  // id -> (for, type)
  const XmlElement* graph = nullptr;
  for (const auto& c : root.children) {
    if (c.name == "key") {
      CAPTURE(c.attrs.at("id"));
      CHECK(c.attrs.at("attr.name") != "id");
      CHECK((c.attrs.at("for") == "node" || c.attrs.at("for") == "edge"));
      keys[c.attrs.at("id")] = {c.attrs.at("for"), c.attrs.at("attr.type")};
    } else if (c.name == "graph") {
      CHECK(graph == nullptr);
      graph = &c;
    }
  }
  REQUIRE(graph);
  CHECK(graph->attrs.at("edgedefault") == "directed");

  std::set<std::string> node_ids, edge_ids;
  bool edges_started = false;
  std::size_t nodes = 0, edges = 0;
  for (const auto& el : graph->children) {
    if (el.name == "node") {
      CHECK_FALSE(edges_started);
      ++nodes;
      const std::string& id = el.attrs.at("id");
      CHECK(node_ids.insert(id).second);
      VertexId v = g.find(id);
      REQUIRE_MESSAGE(v != kNoVertex, id);
      std::map<std::string, std::string> data;
      for (const auto& d : el.children) {
        REQUIRE(keys.count(d.attrs.at("key")));
        CHECK(keys[d.attrs.at("key")].first == "node");
        data[d.attrs.at("key")] = d.text;
        const std::string& type = keys[d.attrs.at("key")].second;
        if (type == "int") CHECK(std::regex_match(d.text, std::regex("-?[0-9]+")));
        if (type == "double")
          CHECK(std::regex_match(d.text, std::regex("-?[0-9]+(\\.[0-9]+)?(e[-+][0-9]+)?")));
      }
      CHECK(data["n_kind"] == to_string(g.kind(v)));
      CHECK(data["n_label"] == g.label(v));
      if (g.kind(v) == VertexKind::event) {
        CHECK(data["n_evidence"] == g.str(g.vertex(v).evidence));
        CHECK(data.count("n_quad_class"));
      } else {
        CHECK_FALSE(data.count("n_quad_class"));
      }
      if (g.kind(v) == VertexKind::person) CHECK(data["n_role"] == g.str(g.vertex(v).role));
    } else {
      REQUIRE(el.name == "edge");
      edges_started = true;
      ++edges;
      CHECK(edge_ids.insert(el.attrs.at("id")).second);
      CHECK(node_ids.count(el.attrs.at("source")));
      CHECK(node_ids.count(el.attrs.at("target")));
      REQUIRE(el.children.size() == 1);
      CHECK(el.children[0].attrs.at("key") == "e_kind");
      CHECK(keys["e_kind"].first == "edge");
      CHECK(parse_edge_kind(el.children[0].text).has_value());
      CHECK(el.attrs.at("id") == std::string(el.children[0].text) + ":" + el.attrs.at("source") +
                                     "->" + el.attrs.at("target"));
    }
  }
  CHECK(nodes == g.vertex_count());
  CHECK(edges == g.edge_count());
  // Values are exact: the hostile strings come back as the graph holds them.
  const std::string rep = "\xEF\xBF\xBD";
  CHECK(g.label(g.find("event:h4")) == "Nul" + rep + "byte" + rep + rep);
  CHECK(g.label(g.find("event:h3")) == "Line\nbreak\ttab\rcr");
  CHECK(text.find("Line\nbreak\ttab&#13;cr") != std::string::npos);
}

TEST_CASE("export: GraphML numbers ignore the locale") {
  struct Comma : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    std::string do_grouping() const override { return "\3"; }
  };
  std::locale old = std::locale::global(std::locale(std::locale::classic(), new Comma));
  KnowledgeGraph g = hostile_graph();
  std::ostringstream out;
  out.imbue(std::locale());
  write_graphml(g, out);
  std::locale::global(old);
  std::string text = out.str();
  CHECK(text.find("<data key=\"n_goldstein\">2.8</data>") != std::string::npos);
  CHECK(text.find("<data key=\"n_confidence\">0.25</data>") != std::string::npos);
  CHECK(text.find("<data key=\"n_quad_class\">1</data>") != std::string::npos);
}

TEST_CASE("export: a selection exports the induced subgraph") {
  KnowledgeGraph g = hostile_graph();
  std::vector<VertexId> sel = g.around(g.find("country:RUS"), 1);
  ExportOptions o;
  o.vertices = &sel;
  XmlElement root = parse_xml(graphml(g, o));
  const XmlElement& graph = root.children.back();
  std::set<std::string> ids;
  std::size_t edges = 0;
  for (const auto& el : graph.children) {
    if (el.name == "node") ids.insert(el.attrs.at("id"));
    else ++edges;
  }
  // RUS, the meeting, Moscow (in RUS).
  CHECK(ids.size() == 3);
  CHECK(ids.count("country:RUS"));
  CHECK(ids.count("place:RUS:moscow"));
  CHECK(edges == 3);  // RUS->meeting, meeting->Moscow, Moscow->RUS
}

TEST_CASE("export: DOT quotes and escapes every id and label") {
  KnowledgeGraph g = hostile_graph();
  std::ostringstream out;
  ExportCounts counts = write_dot(g, out);
  std::string text = out.str();
  CHECK(counts.nodes == g.vertex_count());
  CHECK(counts.edges == g.edge_count());
  CHECK(text.rfind("digraph \"dipgraph\" {\n", 0) == 0);
  CHECK(text.substr(text.size() - 2) == "}\n");
  // Scan: every quoted string closes; no raw control characters but the
  // newlines of ids (Graphviz keeps them: the node's name is the id).
  std::size_t statements = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    CAPTURE(text.substr(i < 50 ? 0 : i - 50, 100));
    CHECK((c >= 0x20 || c == '\t' || c == '\n'));
    if (in_string && c == '\\') {
      ++i;
      continue;
    }
    if (c == '"') in_string = !in_string;
    if (!in_string && c == ';' && i + 1 < text.size() && text[i + 1] == '\n') ++statements;
  }
  CHECK_FALSE(in_string);
  // 6: graph, node and edge defaults of the header, rankdir, node and edge style defaults.
  CHECK(statements == 6 + g.vertex_count() + g.edge_count());
  // Ids are written as Graphviz reads them back: quotes escaped, the rest raw.
  CHECK(text.find("\"person:h0\\\"<&>\n") != std::string::npos);
  // A person's label is name, line break, role (render's style); here both hostile.
  CHECK(text.find("label=\"Quote \\\"double\\\" 'single'\\n") != std::string::npos);
  CHECK(text.find("label=\"Back\\\\slash \\\\n \\\\N end\\\\\\n") != std::string::npos);
  CHECK(text.find("label=\"Angle <b> &amp; amp &amp;amp; &amp;#65; ]]>\\n") != std::string::npos);
  CHECK(text.find("label=\"Line\\nbreak tabcr\\n") != std::string::npos);
  CHECK(text.find("label=\"" + std::string(60, 'L') + "\xE2\x80\xA6\"") != std::string::npos);
  // Events read like a row of an event table.
  CHECK(text.find("label=\"PAK \xE2\x80\x93 RUS \xC2\xB7 meeting \xC2\xB7 2025-07-10\"") !=
        std::string::npos);
  CHECK(text.find("\"country:PAK\" -> ") != std::string::npos);
  // Party edges carry no label; the edge to the place reads "in".
  CHECK(text.find("label=\"participant\"") == std::string::npos);
  CHECK(text.find("label=\"in\"") != std::string::npos);

  ExportOptions no_labels;
  no_labels.edge_labels = false;
  std::ostringstream out2;
  write_dot(g, out2, no_labels);
  CHECK(out2.str().find("label=\"in\"") == std::string::npos);
}

TEST_CASE("export: node-link JSON parses and matches the graph") {
  KnowledgeGraph g = hostile_graph();
  std::ostringstream out;
  write_json(g, out);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(out.str().c_str(), out.str().size());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["directed"].GetBool());
  CHECK_FALSE(doc["multigraph"].GetBool());
  const auto& nodes = doc["nodes"];
  REQUIRE(nodes.Size() == g.vertex_count());
  for (const auto& n : nodes.GetArray()) {
    std::string id(n["id"].GetString(), n["id"].GetStringLength());
    VertexId v = g.find(id);
    REQUIRE(v != kNoVertex);
    CHECK(std::string_view(n["label"].GetString(), n["label"].GetStringLength()) == g.label(v));
    if (g.kind(v) == VertexKind::event) {
      CHECK(n["quad_class"].IsInt());
      CHECK(n["goldstein"].IsNumber());
    }
  }
  const auto& links = doc["links"];
  REQUIRE(links.Size() == g.edge_count());
  std::set<std::string> ids;
  for (const auto& l : links.GetArray()) {
    std::string s = l["source"].GetString(), t = l["target"].GetString();
    CHECK(g.find(s) != kNoVertex);
    CHECK(ids.insert(l["id"].GetString()).second);
    auto kind = parse_edge_kind(l["kind"].GetString());
    REQUIRE(kind);
    CHECK(std::string(l["id"].GetString()) == edge_id(g, g.find(s), g.find(t), *kind));
  }
}

TEST_CASE("export: a failing stream is an Error") {
  KnowledgeGraph g = hostile_graph();
  for (auto format : {ExportFormat::graphml, ExportFormat::dot, ExportFormat::json}) {
    CAPTURE(to_string(format));
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    CHECK_THROWS_WITH_AS(write_graph(format, g, out), doctest::Contains("cannot write"), Error);
  }
}

TEST_CASE("export: format names") {
  for (auto f : {ExportFormat::graphml, ExportFormat::dot, ExportFormat::json, ExportFormat::csv,
                 ExportFormat::gexf, ExportFormat::neo4j})
    CHECK(parse_export_format(to_string(f)) == f);
  CHECK_FALSE(parse_export_format("xlsx"));
  CHECK_FALSE(parse_export_format("GraphML"));
}

TEST_CASE("export: DOT ids read back as the ids; long strings are split for Graphviz") {
  // Issue 13, W15: "\\" and "\n" made DOT node names differ from the ids;
  // B6: Graphviz refuses a quoted string over 16,384 bytes.
  struct Case {
    std::string id, dot;
  };
  const Case cases[] = {
      {"a\\b", "a\\b"},         {"a\\\\b", "a\\\\b"},     {"q\"r", "q\\\"r"},
      {"nl\nx", "nl\nx"},       {"cr\rx", "cr\rx"},       {"end\\", "end\\\\"},
      {"bq\\\"", "bq\\\\\\\""}, {"bn\\\nx", "bn\\\\\nx"}, {"ok\\\\", "ok\\\\"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    std::string out;
    export_detail::append_dot_id(out, c.id);
    CHECK(out == c.dot);
  }
  std::string out;
  export_detail::append_dot_id(out, std::string(20000, 'x') + "\"" + std::string(20000, 'y'));
  std::size_t pieces = 0, longest = 0, start = 0;
  for (std::size_t at; (at = out.find("\" + \"", start)) != std::string::npos; start = at + 5) {
    ++pieces;
    longest = std::max(longest, at - start);
  }
  longest = std::max(longest, out.size() - start);
  CHECK(pieces == 2);
  CHECK(longest <= 16000);
  std::string joined;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 5, "\" + \"") == 0) {
      i += 4;
      continue;
    }
    joined += out[i];
  }
  CHECK(joined == std::string(20000, 'x') + "\\\"" + std::string(20000, 'y'));
}
