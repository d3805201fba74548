// extract fold and pipeline: one event told in several sentences is one
// fact with all its evidence; ids are content-based; evidence offsets point
// into the normalized text; the threaded pipeline gives the same output
// whatever the number of threads, and reports bad inputs.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract_test_util.hpp"
#include "graph/fact_json.hpp"
#include "ingest/code/calibrate.hpp"
#include "ingest/code/draft.hpp"
#include "ingest/pipeline.hpp"

using namespace dipgraph;

// How many facts of `root` there are.
static int count_root(const std::vector<Fact>& fs, const std::string& root) {
  return static_cast<int>(
      std::count_if(fs.begin(), fs.end(), [&](const Fact& f) { return f.root == root; }));
}

// How many meetings (root 04 but visits: a meeting in a city of one side
// is the other side's visit too, a fact of its own).
static int count_meetings(const std::vector<Fact>& fs) {
  return static_cast<int>(
      std::count_if(fs.begin(), fs.end(), [&](const Fact& f) { return f.root == "04" && f.cameo != "042"; }));
}

TEST_CASE("extract fold: follow-up sentences join the event they continue") {
  const std::string text =
      "Kazakh Foreign Minister Aigerim Sadykova met Uzbek Foreign Minister Bakhtiyor Yusupov in "
      "Astana on Monday. The two ministers also spoke about the situation in Afghanistan. "
      "Sadykova later met the Uzbek delegation's experts.";
  auto fs = test::facts(text, "2025-03-14");
  CAPTURE(test::summary(fs));
  std::vector<const Fact*> meetings;
  for (const Fact& f : fs)
    if (f.root == "04" && f.cameo != "042") meetings.push_back(&f);
  REQUIRE(meetings.size() == 1);
  CHECK(test::find_code(fs, "042", "UZB", "KAZ") != nullptr);  // the guest's visit
  const Fact& m = *meetings[0];
  CHECK(m.date == "2025-03-10");
  REQUIRE(m.location.has_value());
  CHECK(m.location->name == "Astana");
  CHECK(m.evidence.size() >= 2);
  CHECK(std::find(m.topics.begin(), m.topics.end(), "AFG") != m.topics.end());
  CHECK(test::countries(m) == test::codes("KAZ,UZB"));
}

TEST_CASE(
    "extract fold: talks between other people of the same two countries are another meeting") {
  const std::string text =
      "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday. "
      "The talks "
      "covered trade. Officials said the border would stay open. Kenyan Foreign Minister Musalia "
      "Mudavadi "
      "also spoke with Ugandan Foreign Minister Jeje Odongo about the railway.";
  auto fs = test::facts(text, "2025-03-14");
  CAPTURE(test::summary(fs));
  CHECK(count_meetings(fs) == 2);
  // The same leaders told again are the same meeting.
  fs = test::facts(
      "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday. "
      "Ruto also "
      "spoke with Museveni about the railway.",
      "2025-03-14");
  CAPTURE(test::summary(fs));
  CHECK(count_meetings(fs) == 1);
}

TEST_CASE("extract fold: different dates or places stay apart") {
  auto fs = test::facts(
      "Chile and Peru signed a water accord in Lima on Monday. Chile and Peru signed a mining "
      "accord "
      "in Santiago in 2019.",
      "2025-03-14");
  CAPTURE(test::summary(fs));
  int agreements = 0;
  for (const Fact& f : fs) agreements += f.root == "05";
  CHECK(agreements == 2);
}

TEST_CASE("extract fold: another named speaker's appeal or criticism is an act of its own") {
  auto fs = test::facts(
      "Kenyan officials asked Uganda to return the seized trucks. Kenyan Foreign Minister Jane "
      "Wambui later "
      "urged Uganda to release the drivers.");
  CAPTURE(test::summary(fs));
  CHECK(count_root(fs, "02") == 2);
  // The same speaker told again is the same act.
  fs = test::facts(
      "Kenyan Foreign Minister Jane Wambui asked Uganda to return the seized trucks. Wambui also "
      "urged Uganda "
      "to release the drivers.");
  CAPTURE(test::summary(fs));
  CHECK(count_root(fs, "02") == 1);
}

TEST_CASE("extract fold: a directed act at other parties is no follow-up") {
  auto fs = test::facts(
      "Kenya urged Uganda and Tanzania to reopen the border on Monday. Kenya also urged Rwanda and "
      "Burundi to join "
      "the talks.");
  CAPTURE(test::summary(fs));
  CHECK(count_root(fs, "02") == 2);
  // the same parties again: one act, told twice
  fs = test::facts(
      "Kenya urged Uganda to reopen the border on Monday. Kenya also urged Uganda to release the "
      "drivers.");
  CAPTURE(test::summary(fs));
  CHECK(count_root(fs, "02") == 1);
}

TEST_CASE("extract fold: an act at another organization in a later sentence is another act") {
  auto fs = test::facts(
      "Fiji's prime minister urged the World Bank on Monday to speed up its climate grants. He "
      "also urged the Asian Development Bank to cut its fees.");
  CAPTURE(test::summary(fs));
  CHECK(count_root(fs, "02") == 2);
  // the same organization again: one act, told twice
  fs = test::facts(
      "Fiji's prime minister urged the World Bank on Monday to speed up its climate grants. He "
      "also urged the World Bank to cut its fees.");
  CAPTURE(test::summary(fs));
  CHECK(count_root(fs, "02") == 1);
}

TEST_CASE("extract fold: ids are content-based and evidence points into the text") {
  const std::string a =
      "Bhutan and Nepal signed a hydropower agreement in Thimphu on 2 March 2025.";
  const std::string b =
      "In other news, Bhutan and Nepal signed a hydropower agreement in Thimphu on "
      "2 March 2025, officials said.";
  ingest::Document da = test::document(a), db = test::document(b);
  auto fa = test::extractor().extract(da);
  auto fb = test::extractor().extract(db);
  REQUIRE(!fa.empty());
  REQUIRE(!fb.empty());
  const Fact* x = test::with_root(fa, "05");
  const Fact* y = test::with_root(fb, "05");
  REQUIRE(x);
  REQUIRE(y);
  CHECK(x->id == y->id);  // the same event from another article merges in the store
  CHECK(x->id == compute_fact_id(*x));
  const Evidence& e = x->evidence[0];
  CHECK(e.article == "t");
  CHECK(da.text.substr(e.start, e.end - e.start) == e.text);
  CHECK(e.text.find("hydropower") != std::string::npos);
}

TEST_CASE("extract fold: every fact round-trips through the facts JSON") {
  auto fs = test::facts(
      "Russian Deputy Prime Minister Oleg Marchenko met Mongolian officials in Ulaanbaatar on "
      "Tuesday. He said Russia would \"never abandon a friend\". Mongolia and Russia plan to build "
      "a "
      "railway next year.",
      "2025-03-14");
  REQUIRE(fs.size() >= 2);
  for (const Fact& f : fs) {
    std::string line;
    write_fact(f, line);
    Fact g;
    std::string err;
    CAPTURE(line);
    REQUIRE(parse_fact(line, g, err));
    CHECK(g.id == f.id);
    CHECK(g.type == f.type);
    CHECK(g.evidence == f.evidence);
  }
}

TEST_CASE("extract pipeline: the same facts in the same order whatever the threads") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("dipgraph_extract_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const char* countries[] = {"Chile",  "Peru",  "Kenya",  "Ghana",
                             "Norway", "Japan", "Brazil", "Egypt"};
  {
    std::ofstream out(dir / "batch.jsonl");
    for (int i = 0; i < 60; ++i) {
      const char* a = countries[i % 8];
      const char* b = countries[(i * 3 + 1) % 8];
      if (a == b) b = countries[(i + 1) % 8];
      out << "{\"id\":\"n" << i << "\",\"date\":\"2025-0" << (1 + i % 9) << "-1" << (i % 9)
          << "\",\"text\":\"" << a << " and " << b << " signed a trade accord on Monday. " << a
          << " criticized " << b << " for the delay. " << b << " will host talks next month.\"}\n";
    }
    out << "{\"id\":\"bad\" this is not json\n";
  }
  auto run = [&](unsigned threads, std::size_t& skipped) {
    ingest::ExtractOptions options;
    options.data_dir = DIPGRAPH_DATA_DIR;
    options.threads = threads;
    Diagnostics diag(false);
    std::string out;
    auto stats =
        ingest::extract_inputs({(dir / "batch.jsonl").string(), (dir / "missing.txt").string()},
                               options, diag, [&](std::vector<Fact>&& facts) {
                                 for (const Fact& f : facts) {
                                   write_fact(f, out);
                                   out += '\n';
                                 }
                               });
    skipped = stats.skipped_inputs;
    CHECK(stats.articles == 60);
    CHECK(diag.error_count() >= 2);
    return out;
  };
  std::size_t s1 = 0, s4 = 0;
  std::string one = run(1, s1);
  std::string four = run(4, s4);
  CHECK(!one.empty());
  CHECK(one == four);
  CHECK(s1 == 2);
  CHECK(s4 == 2);
  fs::remove_all(dir);
}

TEST_CASE("extract pipeline: unusable dictionaries are an Error") {
  ingest::ExtractOptions options;
  options.data_dir = "/nonexistent-data";
  Diagnostics diag(false);
  CHECK_THROWS_WITH(ingest::extract_inputs({"-"}, options, diag, [](std::vector<Fact>&&) {}),
                    doctest::Contains("countries.tsv"));
}

namespace {
dipgraph::ingest::Draft fold_draft(const std::string& type, const std::string& cameo,
                                   std::vector<std::string> src, std::vector<std::string> tgt,
                                   std::vector<std::string> parts) {
  dipgraph::ingest::Draft d;
  d.fact.type = type;
  d.fact.cameo = cameo;
  auto actors = [&](const std::vector<std::string>& codes, std::vector<Actor>& side) {
    for (const auto& c : codes) {
      Actor a;
      a.id = "country:" + c;
      a.kind = ActorKind::country;
      a.name = c;
      a.country = c;
      side.push_back(a);
      d.countries.insert(c);
    }
  };
  actors(src, d.fact.source);
  actors(tgt, d.fact.target);
  actors(parts, d.fact.participants);
  d.fact.evidence.push_back(Evidence{"a1", 0, 0, 1, "x", {}, {}, {}, {}});
  return d;
}
}  // namespace

TEST_CASE("extract fold: the first reading's shape wins when two readings fold") {
  using dipgraph::ingest::Draft;
  // symmetric first ("exchanged fire"), one-way after ("fired on"): symmetric
  std::vector<Draft> ds = {fold_draft("fight", "190", {}, {}, {"KOR", "PRK"}),
                           fold_draft("fight", "190", {"PRK"}, {"KOR"}, {})};
  auto fs = dipgraph::ingest::fold_drafts(ds, "2025-03-10", 100, dipgraph::ingest::Calibration());
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].source.empty());
  CHECK(fs[0].target.empty());
  CHECK(fs[0].participants.size() == 2);
  // one-way first, symmetric after: the sides stay, nobody repeated as participant
  ds = {fold_draft("fight", "190", {"PRK"}, {"KOR"}, {}),
        fold_draft("fight", "190", {}, {}, {"KOR", "PRK"})};
  fs = dipgraph::ingest::fold_drafts(ds, "2025-03-10", 100, dipgraph::ingest::Calibration());
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].source.size() == 1);
  CHECK(fs[0].target.size() == 1);
  CHECK(fs[0].participants.empty());
}

TEST_CASE(
    "extract fold: a follow-up meeting with a new party is another meeting, on the same occasion") {
  // "X met Y on Monday. She also held talks with Z": two meetings, not one
  // of three; the second takes the first one's day.
  auto fs = test::facts(
      "Kenyan Foreign Minister Mary Otieno met her Ugandan counterpart in Kampala on Monday. She "
      "also held talks "
      "with Tanzanian officials.");
  CAPTURE(test::summary(fs));
  REQUIRE(count_meetings(fs) == 2);
  for (const Fact& f : fs) {
    auto c = test::countries(f);
    CHECK(!(c.count("UGA") && c.count("TZA")));
    CHECK(f.date == "2025-03-10");
  }
}

TEST_CASE(
    "fold: one act read by both coders, one with its source's country also as a target, is one "
    "fact") {
  // the pattern coder reads "Russian ... ICC" with Russia on both sides
  auto fs = test::facts("A Russian court ordered the arrest of the ICC prosecutor.");
  CAPTURE(test::summary(fs));
  int arrests = 0;
  for (const Fact& f : fs) arrests += f.root == "17";
  CHECK(arrests == 1);
}
