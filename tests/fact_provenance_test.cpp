// Provenance of evidence (docs/facts.md, "Evidence"): title, URL, outlet
// and date round-trip through JSON and stay out of records that lack them;
// syndicated copies (articles sharing an evidence sentence) count once in
// mentions, whether counted at once (count_mentions) or merge by merge
// (merge_fact, MergeIndex); sources counts the outlets.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fact_test_util.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_merge.hpp"

using namespace dipgraph;
using dipgraph::testing::parsed_fact;

namespace {

Evidence ev(const std::string& article, std::uint32_t sentence, const std::string& text,
            const std::string& outlet = "") {
  Evidence e;
  e.article = article;
  e.sentence = sentence;
  e.end = text.size();
  e.text = text;
  e.outlet = outlet;
  return e;
}

std::string write_fact(const Fact& f) {
  std::string out;
  dipgraph::write_fact(f, out);
  return out;
}

Fact meeting(std::vector<Evidence> evidence) {
  Fact f = parsed_fact(R"({"type": "meeting", "participants": [{"id": "country:FIN"}, {"id": "country:CHL"}]})");
  f.evidence = std::move(evidence);
  return f;
}

}  // namespace

TEST_CASE("provenance: syndicated copies count once in mentions") {
  struct Case {
    const char* what;
    std::vector<Evidence> evidence;
    int mentions;
  };
  const Case cases[] = {
      {"none", {}, 0},
      {"one article, two sentences", {ev("a", 0, "s1"), ev("a", 1, "s2")}, 1},
      {"two articles, other sentences", {ev("a", 0, "s1"), ev("b", 0, "s2")}, 2},
      {"a copy", {ev("a", 0, "s1"), ev("b", 4, "s1")}, 1},
      {"copies joined through a third", {ev("a", 0, "s1"), ev("b", 0, "s1"), ev("b", 1, "s2"), ev("c", 0, "s2")}, 1},
      {"empty texts never join", {ev("a", 0, ""), ev("b", 0, "")}, 2},
      {"a copy and another story", {ev("a", 0, "s1"), ev("b", 0, "s1"), ev("c", 0, "s3")}, 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(count_mentions(c.evidence) == c.mentions);
  }
}

TEST_CASE("provenance: sources counts distinct outlets") {
  CHECK(count_sources({}) == 0);
  CHECK(count_sources({ev("a", 0, "s", "Wire"), ev("b", 0, "s", "Wire")}) == 1);
  CHECK(count_sources({ev("a", 0, "s", "Wire"), ev("b", 0, "s", "Daily"), ev("c", 0, "t", "")}) == 2);
}

TEST_CASE("provenance: merging report by report counts what counting at once does") {
  // 120 reports of 10 stories (each printed by several outlets of 7).
  std::vector<Fact> reports;
  for (int k = 0; k < 120; ++k)
    reports.push_back(meeting({ev("art" + std::to_string(k), 0, "story " + std::to_string(k % 10),
                                  "outlet " + std::to_string(k % 7))}));
  Fact plain = reports[0], indexed = reports[0];
  MergeIndex index;
  for (std::size_t k = 1; k < reports.size(); ++k) {
    merge_fact(plain, reports[k]);
    index.merge(indexed, reports[k]);
  }
  CHECK(count_mentions(plain.evidence) == 10);
  CHECK(plain.mentions == 10);
  CHECK(indexed.mentions == 10);
  CHECK(plain.sources == 7);
  CHECK(indexed.sources == 7);
  // Two stories joined by a later copy that prints both sentences.
  Fact both = meeting({ev("late", 0, "story 1"), ev("late", 1, "story 2")});
  merge_fact(plain, both);
  index.merge(indexed, both);
  CHECK(plain.mentions == 9);
  CHECK(indexed.mentions == 9);
}

TEST_CASE("provenance: title, URL, outlet and date round-trip; records without them are unchanged") {
  Fact f = parsed_fact(
      R"({"type": "meeting", "participants": [{"id": "country:FIN"}, {"id": "country:CHL"}], "evidence": [)"
      R"({"article": "a", "text": "s", "title": "T", "url": "https://example.org/a", "outlet": "Wire", "published": "2025-03-03"},)"
      R"({"article": "b", "text": "s", "outlet": "Daily"}]})");
  REQUIRE(f.evidence.size() == 2);
  CHECK(f.evidence[0].title == "T");
  CHECK(f.evidence[0].url == "https://example.org/a");
  CHECK(f.evidence[0].outlet == "Wire");
  CHECK(f.evidence[0].published == "2025-03-03");
  CHECK(f.mentions == 1);
  CHECK(f.sources == 2);
  std::string line = write_fact(f);
  CHECK(line.find(R"("sources":2)") != std::string::npos);
  Fact back = parsed_fact(line);
  CHECK(back.evidence == f.evidence);
  CHECK(write_fact(back) == line);

  Fact bare = parsed_fact(
      R"({"type": "meeting", "participants": [{"id": "country:FIN"}, {"id": "country:CHL"}], "evidence": [{"article": "a", "text": "s"}]})");
  std::string plain = write_fact(bare);
  for (const char* key : {"\"title\"", "\"url\"", "\"outlet\"", "\"published\"", "\"sources\""}) {
    CAPTURE(key);
    CHECK(plain.find(key) == std::string::npos);
  }
}
