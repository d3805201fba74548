// fact_store: merge rules, deduplication, durability (torn tails, garbled
// records, repair) and the writer lock.
#include "graph/fact_store.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "graph/fact_json.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

using store_test::country;
using store_test::read_file;
using store_test::TempDir;
using store_test::write_file;

Evidence ev(const std::string& article, std::uint32_t sentence, const std::string& text = "s") {
  Evidence e;
  e.article = article;
  e.sentence = sentence;
  e.start = sentence * 100u;
  e.end = sentence * 100u + text.size();
  e.text = text;
  return e;
}

Fact meeting(const std::string& a, const std::string& b, std::vector<Evidence> evidence,
             const std::string& date = "2025-07-10") {
  Fact f;
  f.type = "meeting";
  f.cameo = "043";
  f.root = "04";
  f.quad_class = 1;
  f.goldstein = 1;
  f.date = date;
  f.participants = {country(a), country(b)};
  f.evidence = std::move(evidence);
  f.confidence = 0.5;
  f.id = compute_fact_id(f);
  f.mentions = count_mentions(f);
  return f;
}

bool has_message(const Diagnostics& d, const std::string& needle, std::size_t line = 0) {
  for (const auto& x : d.all())
    if (x.message.find(needle) != std::string::npos && (line == 0 || x.place.line == line))
      return true;
  return false;
}

}  // namespace

TEST_CASE("fact_store: merge_fact joins evidence, actors and topics, and is idempotent") {
  Fact a = meeting("PAK", "RUS", {ev("a1", 0)});
  Fact b = meeting("PAK", "RUS", {ev("a2", 3, "another report"), ev("a1", 0)});
  b.topics = {"AFG"};
  b.confidence = 0.9;
  b.name = "SCO summit";
  b.participants.push_back(country("CHN"));
  b.participants[0].role = "host";

  CHECK(merge_fact(a, b));
  CHECK(a.evidence.size() == 2);
  CHECK(a.mentions == 2);
  CHECK(a.topics == std::vector<std::string>{"AFG"});
  CHECK(a.confidence == doctest::Approx(0.9));
  CHECK(a.name == "SCO summit");
  REQUIRE(a.participants.size() == 3);
  CHECK(a.participants[0].role == "host");
  CHECK(a.participants[2].id == "country:CHN");

  Fact before = a;
  CHECK_FALSE(merge_fact(a, b));  // again: nothing new
  CHECK_FALSE(merge_fact(a, meeting("PAK", "RUS", {ev("a2", 3, "another report")})));
  CHECK(a.evidence == before.evidence);
  CHECK(a.participants == before.participants);
}

TEST_CASE("fact_store: merge_fact keeps what is set and fills only blanks") {
  struct Case {
    const char* what;
    void (*set_into)(Fact&);
    void (*set_from)(Fact&);
    bool changed;
    void (*expect)(const Fact&);
  };
  const Case cases[] = {
      {"name kept", [](Fact& f) { f.name = std::string("A"); },
       [](Fact& f) { f.name = std::string("B"); }, false,
       [](const Fact& f) { CHECK(f.name == "A"); }},
      {"name filled", [](Fact&) {}, [](Fact& f) { f.name = std::string("B"); }, true,
       [](const Fact& f) { CHECK(f.name == "B"); }},
      {"status kept", [](Fact& f) { f.status = Status::planned; },
       [](Fact& f) { f.status = Status::occurred; }, false,
       [](const Fact& f) { CHECK(f.status == Status::planned); }},
      {"lower confidence ignored", [](Fact& f) { f.confidence = 0.7; },
       [](Fact& f) { f.confidence = 0.6; }, false,
       [](const Fact& f) { CHECK(f.confidence == doctest::Approx(0.7)); }},
      {"location filled", [](Fact&) {},
       [](Fact& f) {
         f.location = Location{"Moscow", "RUS"};
       },
       true, [](const Fact& f) { CHECK(f.location->name == "Moscow"); }},
      {"cameo filled with its coding",
       [](Fact& f) {
         f.cameo.clear();
         f.root.clear();
         f.quad_class = 0;
         f.goldstein = 0;
       },
       [](Fact& f) { f.goldstein = 3.5; }, true,
       [](const Fact& f) {
         CHECK(f.cameo == "043");
         CHECK(f.goldstein == doctest::Approx(3.5));
       }},
      {"same evidence place, other text: no change", [](Fact&) {},
       [](Fact& f) { f.evidence[0].text = "other"; }, false,
       [](const Fact& f) { CHECK(f.evidence.size() == 1); }},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    Fact into = meeting("PAK", "RUS", {ev("a1", 0)});
    Fact from = into;
    c.set_into(into);
    c.set_from(from);
    CHECK(merge_fact(into, from) == c.changed);
    c.expect(into);
  }
}

TEST_CASE("fact_store: records carry a CRC-32C that detects garbling") {
  CHECK(detail::crc32c("123456789") == 0xE3069283u);  // the standard check value
  CHECK(detail::crc32c("") == 0u);
  std::string rec;
  detail::encode_record(meeting("PAK", "RUS", {ev("a1", 0)}), rec);
  REQUIRE(rec.back() == '\n');
  std::string line = rec.substr(0, rec.size() - 1);
  CHECK(detail::verify_record(line).empty());
  Fact back;
  std::string err;
  CHECK(parse_fact(line, back, err));  // still a fact line for any JSONL reader

  struct Case {
    std::string line;
    const char* message;
  };
  std::string flipped = line;
  flipped[20] = flipped[20] == 'a' ? 'b' : 'a';
  const Case cases[] = {
      {flipped, "checksum mismatch"},
      {"", "empty record"},
      {line.substr(0, line.size() - 30), "without a \"crc\""},
      {R"({"type":"meeting"})", "without a \"crc\""},
      {line.substr(0, line.size() - 10) + "zzzzzzzz\"}", "malformed \"crc\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(detail::verify_record(c.line).find(c.message) != std::string::npos);
  }
}

TEST_CASE("fact_store: appending the same facts twice changes nothing") {
  TempDir dir;
  Diagnostics diag(false);
  std::vector<Fact> facts = {meeting("PAK", "RUS", {ev("a1", 0)}),
                             meeting("PAK", "CHN", {ev("a1", 1)}),
                             meeting("PAK", "RUS", {ev("a2", 4)})};
  {
    FactStore store(dir.path);
    AppendStats s = store.append(facts, diag);
    CHECK(s.added == 2);
    CHECK(s.merged == 1);
    CHECK(s.unchanged == 0);
  }
  std::string first = read_file(dir.path / "facts.jsonl");
  {
    FactStore store(dir.path);  // a new writer, reading the log
    AppendStats s = store.append(facts, diag);
    CHECK(s.added == 0);
    CHECK(s.merged == 0);
    CHECK(s.unchanged == 3);
    s = store.append(facts, diag);  // and the same writer again, from its cache
    CHECK(s.unchanged == 3);
  }
  CHECK(read_file(dir.path / "facts.jsonl") == first);
  CHECK(diag.error_count() == 0);
}

TEST_CASE("fact_store: the same fact from two articles merges on load") {
  TempDir dir;
  Diagnostics diag(false);
  FactStore store(dir.path);
  store.append({meeting("PAK", "RUS", {ev("a1", 0)})}, diag);
  store.append({meeting("RUS", "PAK", {ev("a2", 2, "another report")}), meeting("IND", "RUS", {ev("a2", 3)})}, diag);
  std::vector<Fact> facts = FactStore(dir.path, false).load(diag);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].participants[0].id == "country:PAK");  // first-seen order
  CHECK(facts[0].mentions == 2);
  CHECK(facts[0].evidence.size() == 2);
  CHECK(facts[1].mentions == 1);
  CHECK(diag.error_count() == 0);
}

TEST_CASE("fact_store: a given id is kept; numbers round-trip so reruns stay unchanged") {
  TempDir dir;
  Diagnostics diag(false);
  Fact f = meeting("PAK", "RUS", {ev("a1", 0)});
  f.id = "event:given";
  f.confidence = 0.123456789;  // written with 4 decimals
  f.goldstein = 2.71828;
  FactStore store(dir.path);
  CHECK(store.append({f}, diag).added == 1);
  CHECK(FactStore(dir.path).append({f}, diag).unchanged == 1);
  auto facts = store.load(diag);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].id == "event:given");
}

TEST_CASE("fact_store: opening errors name the directory") {
  TempDir dir;
  CHECK_THROWS_WITH_AS(FactStore(dir.path / "missing", false),
                       doctest::Contains("no fact store here"), Error);
  write_file(dir.path / "file", "x");
  CHECK_THROWS_WITH_AS(FactStore(dir.path / "file" / "sub"), doctest::Contains("file"), Error);
  fs::create_directories(dir.path / "future");
  write_file(dir.path / "future" / "FORMAT", "dipgraph-store 9\n");
  CHECK_THROWS_WITH_AS(FactStore(dir.path / "future"), doctest::Contains("newer"), Error);
}

TEST_CASE("fact_store: a torn tail is skipped on load, cut off by the next writer") {
  TempDir dir;
  Diagnostics diag(false);
  FactStore store(dir.path);
  store.append({meeting("PAK", "RUS", {ev("a1", 0)}), meeting("PAK", "CHN", {ev("a1", 1)})}, diag);
  fs::path log = dir.path / "facts.jsonl";
  std::string good = read_file(log);
  std::string rec;
  detail::encode_record(meeting("PAK", "IND", {ev("a1", 2)}), rec);
  write_file(log, good + rec.substr(0, rec.size() / 2));  // a write cut short

  Diagnostics load_diag(false);
  auto facts = FactStore(dir.path, false).load(load_diag);
  CHECK(facts.size() == 2);
  CHECK(load_diag.error_count() == 0);
  CHECK(load_diag.warning_count() == 1);
  CHECK(has_message(load_diag, "torn record", 3));

  Diagnostics check_diag(false);
  CheckStats cs = FactStore(dir.path, false).check(check_diag, false);
  CHECK(cs.torn_tail);
  CHECK(cs.good == 2);
  CHECK(has_message(check_diag, "torn record", 3));

  // The next writer cuts the tail off and appends whole records after it.
  Diagnostics write_diag(false);
  AppendStats s = FactStore(dir.path).append({meeting("PAK", "IND", {ev("a1", 2)})}, write_diag);
  CHECK(s.added == 1);
  CHECK(has_message(write_diag, "cut off"));
  CHECK(read_file(log) == good + rec);
  Diagnostics clean(false);
  CHECK_FALSE(FactStore(dir.path, false).check(clean, false).torn_tail);
  CHECK(clean.error_count() == 0);
}

TEST_CASE("fact_store: check --repair drops a torn tail and keeps the good records") {
  TempDir dir;
  Diagnostics diag(false);
  FactStore store(dir.path);
  store.append({meeting("PAK", "RUS", {ev("a1", 0)})}, diag);
  fs::path log = dir.path / "facts.jsonl";
  std::string good = read_file(log);
  write_file(log, good + "{\"id\":\"event:x\",\"ty");
  Diagnostics d(false);
  CheckStats s = store.check(d, true);
  CHECK(s.torn_tail);
  CHECK(s.repaired);
  CHECK(read_file(log) == good);
  CHECK(read_file(dir.path / "damaged.jsonl") == "{\"id\":\"event:x\",\"ty\n");
}

TEST_CASE("fact_store: a garbled record in the middle is detected by check and dropped by repair") {
  TempDir dir;
  Diagnostics diag(false);
  FactStore store(dir.path);
  std::vector<Fact> facts;
  for (const char* c : {"RUS", "CHN", "IND", "IRN", "TUR"})
    facts.push_back(meeting("PAK", c, {ev("a1", 0)}));
  store.append(facts, diag);
  fs::path log = dir.path / "facts.jsonl";
  std::string data = read_file(log);
  // Garble one byte of line 3 (a flipped character keeps it valid JSON).
  std::size_t line3 = data.find('\n', data.find('\n') + 1) + 1;
  std::size_t pos = data.find("\"PAK\"", line3) + 1;
  data[pos] = 'Q';
  write_file(log, data);

  Diagnostics load_diag(false);
  auto loaded = FactStore(dir.path, false).load(load_diag);
  CHECK(loaded.size() == 4);
  CHECK(load_diag.error_count() == 1);
  CHECK(has_message(load_diag, "checksum mismatch", 3));

  Diagnostics check_diag(false);
  CheckStats s = FactStore(dir.path, false).check(check_diag, false);
  CHECK(s.records == 5);
  CHECK(s.good == 4);
  CHECK(s.damaged == 1);
  CHECK_FALSE(s.repaired);
  CHECK(read_file(log) == data);  // check alone never writes

  Diagnostics repair_diag(false);
  s = FactStore(dir.path, false).check(repair_diag, true);
  CHECK(s.repaired);
  Diagnostics after(false);
  s = FactStore(dir.path, false).check(after, false);
  CHECK(s.records == 4);
  CHECK(s.damaged == 0);
  CHECK(after.error_count() == 0);
  // Every good record kept byte for byte, in order.
  std::string expected;
  std::istringstream lines(data);
  std::string l;
  for (int n = 1; std::getline(lines, l); ++n)
    if (n != 3) expected += l + "\n";
  CHECK(read_file(log) == expected);
  // The store is still appendable and the dropped fact can come back.
  Diagnostics again(false);
  CHECK(FactStore(dir.path).append({facts[2]}, again).added == 1);
  CHECK(FactStore(dir.path, false).load(again).size() == 5);
}

TEST_CASE("fact_store: the lock excludes a second writer") {
  TempDir dir;
  Diagnostics diag(false);
  FactStore store(dir.path);
  store.append({meeting("PAK", "RUS", {ev("a1", 0)})}, diag);
  int pipefd[2];
  REQUIRE(::pipe(pipefd) == 0);

  auto lock = std::make_unique<FactStore::Lock>(store.lock());
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // A second writer in another process: must wait for the lock.
    ::close(pipefd[0]);
    bool waited = false;
    FactStore other(dir.path);
    {
      auto l = other.lock([&] { waited = true; });
      Diagnostics d(false);
      other.append({meeting("PAK", "CHN", {ev("a2", 0)})}, d);
    }
    char c = waited ? 'w' : 'n';
    (void)!::write(pipefd[1], &c, 1);
    ::_exit(0);
  }
  ::close(pipefd[1]);
  // While we hold the lock the child cannot append.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(store.load(diag).size() == 1);
  store.append({meeting("PAK", "IND", {ev("a1", 1)})}, diag);  // re-entrant: we hold it
  lock.reset();
  char c = 0;
  REQUIRE(::read(pipefd[0], &c, 1) == 1);
  ::close(pipefd[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(c == 'w');
  auto facts = FactStore(dir.path, false).load(diag);
  REQUIRE(facts.size() == 3);
  CHECK(facts[1].participants[1].id == "country:IND");  // ours first, then the child's
  CHECK(facts[2].participants[1].id == "country:CHN");
  // Our cached writer sees the child's record and does not write it again.
  CHECK(store.append({meeting("PAK", "CHN", {ev("a2", 0)})}, diag).unchanged == 1);
  CHECK(diag.error_count() == 0);
}

TEST_CASE("fact_store: facts that do not make a valid record are rejected with a reason") {
  TempDir dir;
  Diagnostics diag(false);
  Fact f = meeting("PAK", "RUS", {ev("a1", 0)});
  f.date = "July 2025";
  FactStore store(dir.path);
  AppendStats s = store.append({f, meeting("PAK", "CHN", {ev("a1", 1)})}, diag);
  CHECK(s.rejected == 1);
  CHECK(s.added == 1);
  CHECK(has_message(diag, "not an EDTF date"));
}

TEST_CASE("fact_store: a rerun after a crash at any byte ends in the uninterrupted log") {
  // Facts with repeats (merges) and exact duplicates (unchanged).
  std::vector<Fact> facts;
  const char* codes[] = {"RUS", "CHN", "IND", "IRN"};
  const char* articles[] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6"};
  for (int i = 0; i < 24; ++i)
    facts.push_back(meeting("PAK", codes[i % 4], {ev(articles[i % 7], i % 3)}));
  TempDir ref_dir;
  Diagnostics diag(false);
  FactStore(ref_dir.path).append(facts, diag);
  std::string ref = read_file(ref_dir.path / "facts.jsonl");
  REQUIRE(ref.size() > 1000);

  for (std::size_t batch : {3u, 24u}) {
    for (std::size_t cut = 0; cut < ref.size(); cut += ref.size() / 13 + 1) {
      CAPTURE(batch);
      CAPTURE(cut);
      TempDir dir;
      fs::create_directories(dir.path);
      write_file(dir.path / "facts.jsonl", ref.substr(0, cut));  // what a crash left
      FactStore store(dir.path);
      Diagnostics d(false);
      for (std::size_t i = 0; i < facts.size(); i += batch)
        store.append(std::vector<Fact>(facts.begin() + static_cast<std::ptrdiff_t>(i),
                                       facts.begin() + static_cast<std::ptrdiff_t>(
                                                           std::min(i + batch, facts.size()))),
                     d);
      CHECK(read_file(dir.path / "facts.jsonl") == ref);
      CHECK(d.error_count() == 0);
    }
  }
}
