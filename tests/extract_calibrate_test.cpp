// calibration (ingest/code/calibrate.hpp): the file of data/ loads, bad
// rows are reported with file and line, the model is the logistic of its
// weighted features, and the shipped weights never lower the confidence
// for more evidence, a higher coder score or a second country.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "fact_test_util.hpp"
#include "ingest/code/calibrate.hpp"

using dipgraph::Diagnostics;
using dipgraph::Error;
using dipgraph::Fact;
using dipgraph::Status;
using dipgraph::ingest::Calibration;
using dipgraph::testing::parsed_fact;
using dipgraph::testing::TempDir;

namespace {

std::string write(const TempDir& dir, const std::string& text) {
  std::string path = (dir.path / "calibration.tsv").string();
  std::ofstream(path) << text;
  return path;
}

std::vector<std::string> messages(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const auto& d : diag.all()) out.push_back(dipgraph::format_diagnostic(d));
  return out;
}

// A meeting of two countries told in `sentences` sentences, scored `score` by the coders.
Fact meeting(double score, int sentences, bool two_countries = true) {
  std::string ev;
  for (int k = 0; k < sentences; ++k)
    ev += std::string(k ? "," : "") + R"({"article": "a1", "sentence": )" + std::to_string(k) + "}";
  Fact f = parsed_fact(std::string(R"({"type": "meeting", "cameo": "040", "participants": [)") +
                       R"({"id": "country:PAK"}, )" +
                       (two_countries ? R"({"id": "country:CHN"})" : R"({"id": "org:UN", "kind": "organization"})") +
                       R"(], "evidence": [)" + ev + "]}");
  f.confidence = score;
  return f;
}

}  // namespace

TEST_CASE("calibration: data/calibration.tsv loads without a bad row") {
  Diagnostics diag(false);
  Calibration c = Calibration::load_dir(DIPGRAPH_DATA_DIR, diag);
  CAPTURE(messages(diag));
  CHECK(diag.error_count() == 0);
  CHECK_FALSE(c.identity());
}

TEST_CASE("calibration: bad rows are reported with file and line and skipped") {
  TempDir dir;
  std::string path = write(dir,
                           "# a comment\n"
                           "feature\tweight\n"
                           "bias\t-0.5\n"
                           "loudness\t1\n"            // line 4: unknown feature
                           "coder\tmany\n"            // line 5: not a number
                           "evidence\t-0.2\n"         // line 6: may not lower
                           "status=maybe\t1\n"        // line 7: unknown status
                           "quad=7\t1\n"              // line 8: no such quad class
                           "bias\t1\n"                // line 9: twice
                           "person\t1\t2\n"           // line 10: three columns
                           "coder\t0.8\n");
  Diagnostics diag(false);
  Calibration c = Calibration::load(path, diag);
  std::vector<std::string> m = messages(diag);
  CAPTURE(m);
  REQUIRE(m.size() == 7);
  const char* want[] = {":4: unknown feature 'loudness'", ":5: weight 'many' is not a number",
                        ":6: 'evidence' may not lower", ":7: unknown status 'maybe'", ":8: quad class '7'",
                        ":9: feature 'bias' given twice", ":10: expected two columns"};
  for (std::size_t k = 0; k < m.size(); ++k) {
    CAPTURE(k);
    CHECK(m[k].rfind(path + want[k], 0) == 0);
  }
  // The good rows stay: bias -0.5 and coder 0.8.
  Fact f = meeting(0.7, 1);
  CHECK(c.apply(f) == doctest::Approx(1 / (1 + std::exp(-(-0.5 + 0.8 * std::log(0.7 / 0.3))))));
}

TEST_CASE("calibration: a file without its header is refused with its place") {
  TempDir dir;
  Diagnostics diag(false);
  std::string path = write(dir, "# only a comment\nbias\t1\n");
  try {
    Calibration::load(path, diag);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).rfind(path + ":2: expected the header", 0) == 0);
  }
  CHECK_THROWS_AS(Calibration::load((dir.path / "missing.tsv").string(), diag), Error);
}

TEST_CASE("calibration: no file is the identity") {
  TempDir dir;
  Diagnostics diag(false);
  Calibration c = Calibration::load_dir(dir.path.string(), diag);
  CHECK(c.identity());
  for (double s : {0.05, 0.5, 0.93}) CHECK(c.apply(meeting(s, 2)) == s);
}

TEST_CASE("calibration: the applied function is the logistic of the weighted features") {
  TempDir dir;
  Diagnostics diag(false);
  Calibration c = Calibration::load(write(dir,
                                          "feature\tweight\n"
                                          "bias\t0.3\n"
                                          "coder\t0.5\n"
                                          "evidence\t0.7\n"
                                          "countries\t0.4\n"
                                          "status=negated\t-1.5\n"
                                          "quad=1\t0.2\n"
                                          "root=04\t-0.1\n"
                                          "person\t2\n"),
                                    diag);
  REQUIRE(diag.error_count() == 0);
  struct Case {
    double score;
    int sentences;
    bool two_countries;
    Status status;
    double z;  // by hand: the features of the case times their weights
  };
  const Case cases[] = {
      {0.5, 1, true, Status::occurred, 0.3 + 0.4 + 0.2 - 0.1},
      {0.8, 3, true, Status::occurred, 0.3 + 0.5 * std::log(4.0) + 0.7 * std::log(3.0) + 0.4 + 0.2 - 0.1},
      {0.5, 1, true, Status::negated, 0.3 + 0.4 - 1.5 + 0.2 - 0.1},
      {0.99, 1, false, Status::occurred, 0.3 + 0.5 * std::log(0.98 / 0.02) + 0.2 - 0.1},  // clamped
  };
  for (const Case& k : cases) {
    CAPTURE(k.score);
    CAPTURE(k.sentences);
    CAPTURE(k.two_countries);
    Fact f = meeting(k.score, k.sentences, k.two_countries);
    f.status = k.status;
    f.root = "04";
    f.quad_class = 1;
    CHECK(c.apply(f) == doctest::Approx(1 / (1 + std::exp(-k.z))));
  }
}

TEST_CASE("calibration: the shipped model is monotone in the coder's score, evidence and countries") {
  Diagnostics diag(false);
  Calibration c = Calibration::load_dir(DIPGRAPH_DATA_DIR, diag);
  REQUIRE_FALSE(c.identity());
  for (Status st : {Status::occurred, Status::planned, Status::negated}) {
    for (int sentences : {1, 2, 4}) {
      double last = 0;
      for (double s = 0.05; s <= 0.95; s += 0.05) {
        Fact f = meeting(s, sentences);
        f.status = st;
        double p = c.apply(f);
        CAPTURE(s);
        CAPTURE(sentences);
        CHECK(p > 0);
        CHECK(p < 1);
        CHECK(p >= last);  // a higher coder score is never less likely right
        last = p;
        Fact more = meeting(s, sentences + 1);
        more.status = st;
        CHECK(c.apply(more) >= p);  // nor a fact told in one more sentence
        Fact one = meeting(s, sentences, false);
        one.status = st;
        CHECK(c.apply(one) <= p);  // nor one that names a second country
      }
    }
  }
}
