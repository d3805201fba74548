// Provenance on event vertices and in every export (docs/graph.md,
// "Vertices"): the first evidence's article title, URL, outlet and
// published date are carried when the input gave them, and are absent
// (never an empty value) when it did not.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "fact_test_util.hpp"
#include "graph/knowledge_graph.hpp"

using namespace dipgraph;

namespace {

using testing::parsed_fact;

// p1 has full provenance (and a title needing escapes), p2 only a date, p3 none.
KnowledgeGraph sample() {
  return KnowledgeGraph::build({
      parsed_fact(R"({"id":"event:p1","type":"meeting","cameo":"043","date":"2025-03-03",
        "participants":[{"id":"country:CHL","name":"Chile"},{"id":"country:PER","name":"Peru"}],
        "evidence":[{"article":"w1","sentence":0,"start":0,"end":5,"text":"Chile met Peru.",
          "title":"Chile & Peru \"talk\" <water>","url":"https://news.example/a?x=1&y=2",
          "outlet":"Andes Wire","published":"2025-03-04"},
          {"article":"w2","sentence":0,"start":0,"end":5,"text":"Chile met Peru.","outlet":"Other Daily"}]})"),
      parsed_fact(R"({"id":"event:p2","type":"criticism","cameo":"111","date":"2025-03-05",
        "source":[{"id":"country:BOL","name":"Bolivia"}],"target":[{"id":"country:PRY","name":"Paraguay"}],
        "evidence":[{"article":"w3","sentence":0,"start":0,"end":5,"text":"Bolivia criticized Paraguay.",
          "published":"2025-03-05"}]})"),
      parsed_fact(R"({"id":"event:p3","type":"meeting","cameo":"043",
        "participants":[{"id":"country:CHL"},{"id":"country:BOL"}],
        "evidence":[{"article":"w4","sentence":0,"start":0,"end":5,"text":"Chile met Bolivia."}]})"),
  });
}

std::string count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return std::to_string(n);
}

}  // namespace

TEST_CASE("graph: an event carries its first evidence's provenance, or none") {
  KnowledgeGraph g = sample();
  const VertexData& p1 = g.vertex(g.find("event:p1"));
  CHECK(g.str(p1.title) == "Chile & Peru \"talk\" <water>");
  CHECK(g.str(p1.url) == "https://news.example/a?x=1&y=2");
  CHECK(g.str(p1.outlet) == "Andes Wire");  // the first evidence's, not the second's
  CHECK(g.str(p1.published) == "2025-03-04");
  CHECK(g.provenance_text(g.find("event:p1")) ==
        "\u201cChile & Peru \"talk\" <water>\u201d, Andes Wire, 2025-03-04, "
        "https://news.example/a?x=1&y=2");
  const VertexData& p2 = g.vertex(g.find("event:p2"));
  CHECK(p2.title == 0);
  CHECK(p2.url == 0);
  CHECK(p2.outlet == 0);
  CHECK(g.str(p2.published) == "2025-03-05");
  CHECK(g.provenance_text(g.find("event:p2")) == "2025-03-05");
  CHECK(g.provenance_text(g.find("event:p3")).empty());
  CHECK(g.provenance_text(g.find("country:CHL")).empty());
}

TEST_CASE("export: GraphML, JSON and GEXF write provenance only where known") {
  KnowledgeGraph g = sample();
  std::ostringstream gm, js, gx;
  write_graphml(g, gm);
  write_json(g, js);
  write_gexf(g, gx);
  std::string x = gm.str();
  for (const char* key : {"title", "url", "outlet", "published"})
    CHECK(x.find(std::string("<key id=\"n_") + key + "\" for=\"node\" attr.name=\"" + key +
                 "\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(x.find("<data key=\"n_title\">Chile &amp; Peru \"talk\" &lt;water&gt;</data>") !=
        std::string::npos);
  CHECK(x.find("<data key=\"n_url\">https://news.example/a?x=1&amp;y=2</data>") !=
        std::string::npos);
  CHECK(x.find("<data key=\"n_outlet\">Andes Wire</data>") != std::string::npos);
  CHECK(count_of(x, "<data key=\"n_title\">") == "1");
  CHECK(count_of(x, "<data key=\"n_published\">") == "2");  // p1 and p2; p3 has none
  CHECK(x.find("<data key=\"n_title\"></data>") == std::string::npos);
  std::string j = js.str();
  CHECK(j.find("\"title\": \"Chile & Peru \\\"talk\\\" <water>\"") != std::string::npos);
  CHECK(count_of(j, "\"outlet\":") == "1");
  CHECK(count_of(j, "\"published\":") == "2");
  CHECK(j.find("\"url\": \"\"") == std::string::npos);
  std::string f = gx.str();
  CHECK(f.find("<attribute id=\"outlet\" title=\"outlet\" type=\"string\"/>") != std::string::npos);
  CHECK(count_of(f, "for=\"outlet\"") == "1");
}

TEST_CASE("export: the CSV event table has provenance columns, empty where unknown") {
  KnowledgeGraph g = sample();
  std::ostringstream os;
  write_csv_events(g, os);
  const auto& cols = csv_event_columns();
  REQUIRE(cols.size() >= 4);
  CHECK(std::vector<std::string_view>(cols.end() - 4, cols.end()) ==
        std::vector<std::string_view>{"title", "url", "outlet", "published"});
  std::string s = os.str();
  CHECK(s.find(",\"Chile & Peru \"\"talk\"\" <water>\",https://news.example/a?x=1&y=2,Andes "
               "Wire,2025-03-04\r\n") != std::string::npos);
  CHECK(s.find(",Bolivia criticized Paraguay.,,,,2025-03-05\r\n") != std::string::npos);
  CHECK(s.find(",Chile met Bolivia.,,,,\r\n") != std::string::npos);
}

TEST_CASE("export: DOT links an event to its article and names it in the tooltip") {
  KnowledgeGraph g = sample();
  std::ostringstream os;
  write_dot(g, os);
  std::string d = os.str();
  CHECK(d.find("URL=\"https://news.example/a?x=1&amp;y=2\"") != std::string::npos);
  CHECK(count_of(d, "URL=") == "1");
  CHECK(d.find("Andes Wire, 2025-03-04") != std::string::npos);
}
