// ingest on the bundled examples/: every article is read without errors,
// with the dateline, date and title the examples' README promises.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "ingest/read/article.hpp"
#include "ingest/read/document.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;

TEST_CASE("examples: every bundled article reads cleanly with its dateline and date") {
  struct Want {
    const char* place;
    const char* date;
  };
  const std::map<std::string, Want> want = {
      {"kenya_ethiopia_water_talks.txt", {"NAIROBI", "2025-03-03"}},
      {"brazil_argentina_trade_deal.txt", {"BRAS\xC3\x8DLIA", "2025-05-06"}},
      {"japan_south_korea_summit.txt", {"Tokyo", "2025-05-14"}},
      {"france_criticizes_naval_deployment.txt", {"PARIS", "2025-07-01"}},
      {"eu_sanctions_belarus.txt", {"BRUSSELS", "2025-02-24"}},
      {"sudan_aid_pledge.txt", {"Sudan", "2025-06-02"}},
      {"india_bangladesh_rail_project.txt", {"NEW DELHI", "2025-04-22"}},
      {"batch.jsonl:1", {"JAKARTA", "2025-08-04"}},
      {"batch.jsonl:2", {"BELGRADE", "2025-09-12"}},
      {"batch.jsonl:3", {"MANILA", "2025-06-20"}},
      {"batch.jsonl:4", {"ABUJA", "2025-10-02"}},
      {"asean_foreign_ministers.html", {"KUALA LUMPUR", "2025-07-09"}},
      {"history/bonn_moscow_talks_1987.txt", {"BONN", "1987-03-12"}},
      {"history/berlin_warsaw_moscow_2025.txt", {"BERLIN", "2025-05-20"}},
  };
  const std::string dir = std::string(DIPGRAPH_SOURCE_DIR) + "/examples";
  Diagnostics diag(false);
  ReadOptions options;
  options.default_date = "2025-07-01";
  std::map<std::string, Document> docs;
  const std::size_t skipped = read_articles({dir}, options, diag, [&](Article&& a) {
    const std::string name = a.origin.substr(dir.size() + 1);
    docs.emplace(name, make_document(std::move(a), options.default_date, diag));
  });
  CHECK(skipped == 0);
  CHECK(diag.all().empty());
  REQUIRE(docs.size() == want.size());
  for (const auto& entry : want) {  // no structured binding: clang 14 can't capture one
    const auto& name = entry.first;
    const auto& w = entry.second;
    CAPTURE(name);
    REQUIRE(docs.count(name) == 1);
    const Document& d = docs.at(name);
    CHECK(d.dateline_place == w.place);
    CHECK(d.article.date == w.date);
    CHECK(d.body_start > 0);
    CHECK(d.sentences.size() >= 3);
    // No debris survives: no URL, no markup, no brackets, no smart quotes.
    for (const char* debris :
         {"http", "www.", ".png", "<", ">", "[", "]", "\xE2\x80\x9C", "\xE2\x80\x94", "--"}) {
      CAPTURE(debris);
      CHECK(d.text.find(debris) == std::string::npos);
    }
  }
  CHECK(docs.at("asean_foreign_ministers.html").article.title ==
        "ASEAN foreign ministers meet in Kuala Lumpur");
  CHECK(docs.at("batch.jsonl:1").article.id == "ex-visit-postponed");
  CHECK(docs.at("sudan_aid_pledge.txt").text.find("Maria Lindqvist") != std::string::npos);
  CHECK(docs.at("india_bangladesh_rail_project.txt").text.find("cross-border rail") !=
        std::string::npos);
}
