// bench_store: times FactStore::append and FactStore::load on N synthetic
// facts (2-6 actors, one evidence sentence of 80-180 bytes, ~800 bytes a record, 10% of them
// the same event reported by a second article) and reports peak RSS.
//
//   bench_store N [DIR]     (DIR defaults to a fresh temp dir, removed after)
//
// Each phase runs in its own forked process so that its peak RSS is its own:
// "append" appends in batches of 4096 (as `dipgraph build` does) to an empty
// store; "append again" appends the same facts to the full store (all
// unchanged: the cost of a rebuild); "load" loads the store, and "load
// again" once more in the same process (memory already mapped: the CPU cost
// without first-touch page faults).
#include <fmt/core.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "graph/fact_store.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

const char* kCountries[] = {"PAK", "CHN", "RUS", "IND", "USA", "IRN", "TUR", "AFG", "SAU", "ARE",
                            "GBR", "FRA", "DEU", "JPN", "KOR", "BRA", "ZAF", "EGY", "KAZ", "UZB"};
const char* kWords[] = {"minister", "talks",  "bilateral", "cooperation", "trade",  "energy",
                        "security", "summit", "agreement", "delegation",  "visit",  "railway",
                        "project",  "said",   "signed",    "officials",   "border", "investment",
                        "the",      "and",    "of",        "in",          "on",     "with"};
const char* kTypes[][2] = {{"meeting", "043"}, {"visit", "042"},     {"statement", "010"},
                           {"project", "061"}, {"agreement", "057"}, {"criticism", "111"}};

Actor make_actor(Rng& r) {
  Actor a;
  std::string c = kCountries[r.below(20)];
  switch (r.below(3)) {
    case 0:
      a.id = "country:" + c;
      a.kind = ActorKind::country;
      a.name = "Country " + c;
      a.country = c;
      break;
    case 1: {
      std::string name = fmt::format("Person {} {}", c, r.below(5000));
      a.id = "person:" + slugify(name);
      a.kind = ActorKind::person;
      a.name = name;
      a.country = c;
      a.role = "Foreign Minister";
      break;
    }
    default:
      a.id = fmt::format("org:ORG{}", r.below(200));
      a.kind = ActorKind::organization;
      a.name = fmt::format("Organization {}", r.below(200));
      break;
  }
  return a;
}

std::vector<Fact> make_facts(std::size_t n) {
  Rng r{0x9E3779B97F4A7C15ull};
  std::vector<Fact> facts;
  facts.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && r.below(10) == 0) {  // the same event from another article
      Fact f = facts[r.below(facts.size())];
      f.evidence[0].article = fmt::format("art{}", i / 8);
      f.evidence[0].sentence = static_cast<std::uint32_t>(r.below(40));
      f.mentions = 1;
      facts.push_back(std::move(f));
      continue;
    }
    Fact f;
    auto& t = kTypes[r.below(6)];
    f.type = t[0];
    f.cameo = t[1];
    f.root = f.cameo.substr(0, 2);
    f.quad_class = f.root < "06" ? 1 : f.root < "09" ? 2 : 3;
    f.goldstein = 3.5;
    f.date = fmt::format("20{:02}-{:02}-{:02}", 10 + r.below(16), 1 + r.below(12), 1 + r.below(28));
    std::size_t actors = 2 + r.below(5);
    for (std::size_t k = 0; k < actors; ++k) {
      Actor a = make_actor(r);
      (k == 0 ? f.source : k == 1 ? f.target : f.participants).push_back(std::move(a));
    }
    if (r.below(3) == 0) f.location = Location{"Capital City", kCountries[r.below(20)]};
    Evidence e;
    e.article = fmt::format("art{}", i / 8);
    e.sentence = static_cast<std::uint32_t>(r.below(40));
    e.start = r.below(20000);
    std::string text;
    while (text.size() < 80 + r.below(100)) {
      if (!text.empty()) text += ' ';
      text += kWords[r.below(24)];
    }
    text += '.';
    e.end = e.start + text.size();
    e.text = std::move(text);
    f.evidence.push_back(std::move(e));
    f.confidence = 0.5 + 0.05 * static_cast<double>(r.below(10));
    f.id = compute_fact_id(f);
    f.mentions = 1;
    facts.push_back(std::move(f));
  }
  return facts;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// CPU seconds used so far by this process: user and system (page faults).
std::pair<double, double> cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto sec = [](timeval t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return {sec(ru.ru_utime), sec(ru.ru_stime)};
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// Runs `phase` in a child process; returns false if it failed.
template <class F>
bool in_child(F&& phase) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    int rc = 0;
    try {
      phase();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bench_store: %s\n", e.what());
      rc = 1;
    }
    std::fflush(stdout);
    _exit(rc);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void append_phase(const fs::path& dir, std::size_t n, const char* label) {
  // Batches of 4096, as `dipgraph build` appends them, made before timing.
  std::vector<std::vector<Fact>> batches;
  {
    std::vector<Fact> facts = make_facts(n);
    for (std::size_t i = 0; i < facts.size(); i += 4096) {
      auto first = facts.begin() + static_cast<std::ptrdiff_t>(i);
      auto last = facts.begin() + static_cast<std::ptrdiff_t>(std::min(i + 4096, n));
      batches.emplace_back(std::make_move_iterator(first), std::make_move_iterator(last));
    }
  }
  double base_rss = peak_rss_mb();
  Diagnostics diag;
  FactStore store(dir);
  auto [u0, s0] = cpu_seconds();
  auto t = std::chrono::steady_clock::now();
  AppendStats total;
  {
    auto lock = store.lock();
    for (const auto& batch : batches) total += store.append(batch, diag);
  }
  double secs = seconds_since(t);
  auto [u1, s1] = cpu_seconds();
  auto bytes = fs::file_size(store.log_path());
  std::printf(
      "%-13s %8zu facts in %6.2f s (%7.0f facts/s): %zu new, %zu merged, %zu unchanged; "
      "log %.1f MB; user %.2f s, system %.2f s; peak RSS %.0f MB (%.0f MB of it the input)\n",
      label, n, secs, static_cast<double>(n) / secs, total.added, total.merged, total.unchanged,
      static_cast<double>(bytes) / 1e6, u1 - u0, s1 - s0, peak_rss_mb(), base_rss);
}

// Loads the store `rounds` times in this process and reports each: the
// first pays for fresh memory (page faults), later ones reuse what malloc
// got back from the previous round.
void load_phase(const fs::path& dir, int rounds) {
  Diagnostics diag;
  FactStore store(dir, false);
  auto bytes = fs::file_size(store.log_path());
  for (int round = 0; round < rounds; ++round) {
    auto [u0, s0] = cpu_seconds();
    auto t = std::chrono::steady_clock::now();
    std::vector<Fact> facts = store.load(diag);
    double secs = seconds_since(t);
    auto [u1, s1] = cpu_seconds();
    std::printf(
        "%-13s %8zu facts in %6.2f s (%7.0f facts/s, %6.1f MB/s) from %.1f MB; user %.2f s, "
        "system %.2f s; peak RSS %.0f MB\n",
        round == 0 ? "load" : "load again", facts.size(), secs,
        static_cast<double>(facts.size()) / secs, static_cast<double>(bytes) / 1e6 / secs,
        static_cast<double>(bytes) / 1e6, u1 - u0, s1 - s0, peak_rss_mb());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_store N [DIR]\n");
    return 2;
  }
  std::size_t n = std::strtoull(argv[1], nullptr, 10);
  bool own_dir = argc < 3;
  fs::path dir;
  if (own_dir) {
    std::string tmpl = (fs::temp_directory_path() / "bench_store-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return 1;
    dir = tmpl;
  } else {
    dir = argv[2];
  }
  bool ok = in_child([&] { append_phase(dir, n, "append"); }) &&
            in_child([&] { append_phase(dir, n, "append again"); }) &&
            in_child([&] { load_phase(dir, 2); });
  if (own_dir) fs::remove_all(dir);
  return ok ? 0 : 1;
}
