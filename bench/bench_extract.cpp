// bench_extract: extraction throughput in MB/s of article text, single
// thread and all threads, against a scanning floor.
//
//   bench_extract [--mb N] [--threads N] [--data DIR] [--keep] [--jsonl FILE] [--article-kb K]
//
// Generates a synthetic corpus of about N MB (default 100) of varied
// news-like articles from templates: random countries, capitals, cities,
// organizations and titles from the dictionaries, invented people referred
// to again by surname and pronoun, every event family, statuses, dates,
// appositions, quotes, subordinate clauses, attributions, and background
// sentences with no event (about half of them, for a density of facts like
// that of real articles). Then times, on the in-memory articles:
//   1. extract, one thread: make_document + Extractor::extract per article;
//   2. the same over N threads (default: all cores; articles dealt round-robin);
//   3. the scanning floor: `grep -o -F -f <country names> corpus | wc -l`
//      through a shell, on the corpus written to a temporary file.
// Each is the best of two runs. (1) is timed in CPU time of its thread, (2)
// in wall-clock time and in CPU time of the process, (3) in CPU time of the
// child processes (grep, wc, sh) and in wall-clock time: CPU time gives MB/s
// per core whatever else runs on the machine. The ratio is (1) / (3) by CPU
// time. The load average is printed before and after, and how many
// sentences and tokens the parse gate let through (Extractor::parse_counts).
// --jsonl FILE writes the corpus as JSONL records (`dipgraph extract` input)
// and exits. --article-kb K makes every article about K KB long (default:
// 1-5 KB, like news), to see how the cost grows with article length.
#include <fmt/core.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/error.hpp"
#include "ingest/read/article.hpp"
#include "ingest/read/document.hpp"
#include "ingest/code/extractor.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;
namespace fs = std::filesystem;

namespace {

struct Rng {
  std::uint64_t s = 0x2545F4914F6CDD1Dull;
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
};

// Syllables for invented names (no real people).
const std::vector<std::string> kSyllables = {"ka", "lo", "mi", "ra", "te", "su", "no", "va", "di",
                                             "ben", "tor", "am", "el", "zu", "ha", "ri", "os", "an",
                                             "qui", "de", "lin", "mar", "so", "ye", "ga", "po"};

std::string name_word(Rng& r) {
  std::string w;
  int n = 2 + static_cast<int>(r.below(2));
  for (int i = 0; i < n; ++i) w += r.pick(kSyllables);
  w[0] = static_cast<char>(w[0] - 32);
  return w;
}

struct Vocabulary {
  std::vector<std::string> countries, demonyms, capitals, cities, orgs, titles;
};

Vocabulary vocabulary(const Dictionary& d) {
  Vocabulary v;
  for (const Country& c : d.countries()) {
    if (c.status != "member") continue;
    v.countries.push_back(c.name);
    if (c.capital >= 0) v.capitals.push_back(d.cities()[c.capital].name);
  }
  for (const City& c : d.cities())
    if (!c.capital && c.rank > 0 && c.rank <= 3) v.cities.push_back(c.name);
  for (const Organization& o : d.organizations()) v.orgs.push_back(o.name);
  for (const Title& t : d.titles())
    if (t.rank >= 1 && t.rank <= 4 && t.phrase.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos)
      v.titles.push_back(t.role);
  // Demonyms: read back from the dictionary is not possible (entries only);
  // use "<Country> 's" possessives instead where a demonym would go.
  return v;
}

const std::vector<std::string> kWeekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                            "Saturday", "Sunday"};
const std::vector<std::string> kMonths = {"January", "February", "March", "April", "May", "June",
                                          "July", "August", "September", "October", "November",
                                          "December"};

// One sentence of a random kind. {A}, {B}: countries; {P}, {Q}: people with
// titles; {C}: capital; {X}: city; {O}: organization; {D}: a date; {N}: a number.
const std::vector<std::string> kTemplates = {
    "{P} met {Q} in {C} on {D} to discuss trade and security.",
    "{A} and {B} signed an agreement on energy cooperation in {X}.",
    "{P} said {A} would never accept the demands made by {B}.",
    "{A} accused {B} of violating the ceasefire along their common border.",
    "The two countries agreed to build a new railway between {X} and {C} by {D}.",
    "{A} will provide {N} million dollars in humanitarian aid to {B}, the {O} said on {D}.",
    "Police in {X} arrested {N} protesters who demonstrated against the government on {D}.",
    "{P} is expected to visit {B} next month for talks on water sharing.",
    "{A} threatened to impose sanctions on {B} if the talks failed.",
    "{Q}, {A}'s envoy to the {O}, praised {B} as \"a reliable partner\".",
    "{A} did not sign the proposed trade pact with {B}.",
    "The {O} urged {A} and {B} to resume negotiations without preconditions.",
    "{A} expelled two diplomats from {B} on {D}, citing espionage.",
    "Troops from {A} fired on positions held by rebels near {X}.",
    "{A} rejected a proposal by {B} to share the costs of the dam.",
    "{P} hosted {Q} in {C} and both sides pledged to deepen ties.",
    "Officials from {A} and {B} are in talks to open a second border crossing.",
    "{A} and {B} held a summit in {C} last week, their first in {N} years.",
    "Prices of wheat rose by {N} percent in {M}, according to the statistics office.",
    "The central bank kept its main interest rate unchanged at {N} percent.",
    "Heavy rain caused flooding in several districts of {X} over the weekend.",
    "Analysts said the outcome would depend on the harvest and on global fuel prices.",
    "Shares of the largest mining company fell after the quarterly report was published.",
    "{A} recalled its ambassador from {B} after the incident.",
    "{A} investigated claims that officials from {B} had smuggled fuel.",
    "In {D}, {A} called for an international inquiry into the attack.",
    "Thousands rallied in {C} on {D} to protest against rising food prices.",
    "{P} told reporters that relations with {B} had never been better.",
    // Longer sentences: quotes, clauses, attributions, references back.
    "\"We will not accept any interference in our internal affairs,\" {P} told a news conference in {C}, adding that {A} remained open to dialogue with {B}.",
    "He said the two countries would sign several agreements on trade, energy and transport during the visit.",
    "According to a note the foreign ministry in {C} put out, {A} and {B} have agreed to set up a joint commission that would meet twice a year.",
    "The meeting, which lasted more than three hours, came a week after {A} accused {B} of backing armed groups operating along the border.",
    "{P}, who arrived in {C} on {D} for a three-day visit, is due to meet business leaders and members of parliament.",
    "She told reporters in {X} that the government would respond to any attack, but stressed that it wanted to avoid further escalation.",
    "Both sides also discussed regional security, climate change and the situation in {A}.",
    "Talks between {A} and {B} collapsed in {M} after the two sides failed to agree on the release of prisoners.",
    "{A}'s foreign ministry summoned the ambassador of {B} on {D} to protest against what it called a serious violation of its airspace.",
    "The {O} said in a report published on {D} that more than {N} thousand people needed food aid, most of them women and children.",
    "The agreement, worth about {N} million dollars, covers the construction of roads, schools and a hydroelectric plant in the north.",
    "Critics said the deal had been negotiated in secret and warned that it could deepen the country's debt, which already exceeds half of its output.",
    "Thousands of people fled their homes after fighting broke out between government forces and rebels in the east of the country.",
    "Markets in {X} were closed for a public holiday, and trading is expected to resume later in the week, a stock exchange official said.",
    "Residents of the capital, where temperatures reached {N} degrees, were advised to stay indoors and drink plenty of water.",
    // Background sentences without an event, as news has them.
    "The region has been hit by drought for the third year in a row.",
    "Exports of coffee and tea account for {N} percent of the national income.",
    "The border between the two countries is about {N} kilometres long.",
    "Inflation reached {N} percent in {M}, the highest level in a decade.",
    "The opposition has boycotted parliament since the disputed election.",
    "Local media reported long queues at fuel stations in {X} on {D}.",
    "The port of {X} handles most of the country's container traffic.",
    "Tourism revenue fell sharply during the pandemic and has only partly recovered.",
    "The report was based on interviews with more than {N} residents.",
    "Officials expect the harvest to be smaller than last season.",
    "The new highway is expected to cut travel times by half.",
    "A spokesperson declined to give further details.",
    "The ministry did not respond to a request for comment.",
    "Schools in {X} reopened after a week of heavy snow.",
    "The country's population has doubled since the 1980s.",
    "Electricity prices are regulated by a state agency.",
    "Most of the workforce is employed in agriculture and small trade.",
    "The currency lost {N} percent of its value against the dollar this year.",
    "The talks are the first of their kind in {N} years.",
    "Independent observers were not allowed into the area.",
};

std::string fill(const std::string& t, Rng& r, const Vocabulary& v) {
  std::string out;
  std::string a = r.pick(v.countries), b = r.pick(v.countries);
  while (b == a) b = r.pick(v.countries);
  auto person = [&](const std::string& country) {
    return country + "'s " + r.pick(v.titles) + " " + name_word(r) + " " + name_word(r);
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '{' || i + 2 >= t.size() || t[i + 2] != '}') {
      out += t[i];
      continue;
    }
    char k = t[i + 1];
    i += 2;
    switch (k) {
      case 'A': out += a; break;
      case 'B': out += b; break;
      case 'P': out += person(a); break;
      case 'Q': out += person(b); break;
      case 'C': out += r.pick(v.capitals); break;
      case 'X': out += v.cities.empty() ? r.pick(v.capitals) : r.pick(v.cities); break;
      case 'O': out += r.pick(v.orgs); break;
      case 'D':
        out += r.below(2) ? r.pick(kWeekdays) : r.pick(kMonths) + " " + std::to_string(1 + r.below(28));
        break;
      case 'M': out += r.pick(kMonths); break;
      case 'N': out += std::to_string(2 + r.below(400)); break;
      default: out += k;
    }
  }
  return out;
}

// `article_kb` > 0: articles of about that many KB (to see how cost grows
// with article length) instead of news-sized ones.
std::vector<Article> corpus(std::size_t bytes, const Vocabulary& v, std::size_t article_kb) {
  Rng r;
  std::vector<Article> out;
  std::size_t total = 0, n = 0;
  while (total < bytes) {
    Article a;
    a.id = "b" + std::to_string(n++);
    a.date = fmt::format("2025-{:02d}-{:02d}", 1 + r.below(12), 1 + r.below(28));
    a.origin = a.id;
    std::string capital = r.pick(v.capitals);
    for (char& c : capital)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    a.text = capital + ", " + r.pick(kMonths) + " " + std::to_string(1 + r.below(28)) + " -- ";
    std::size_t sentences = 12 + r.below(24);  // 1-5 KB, like news articles
    if (article_kb) sentences = article_kb * 1024 / 110;  // about 110 bytes a sentence
    for (std::size_t s = 0; s < sentences; ++s) {
      a.text += fill(r.pick(kTemplates), r, v);
      a.text += (s % 4 == 3) ? "\n\n" : " ";
    }
    total += a.text.size();
    out.push_back(std::move(a));
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// User + system time of the waited-for children so far.
double children_cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_CHILDREN, &ru);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return sec(ru.ru_utime) + sec(ru.ru_stime);
}

std::string load_average() {
  std::ifstream f("/proc/loadavg");
  std::string a, b, c;
  f >> a >> b >> c;
  return a.empty() ? "unknown" : a + " " + b + " " + c;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = 100;
  unsigned threads = std::thread::hardware_concurrency();
  std::string data = DIPGRAPH_DATA_DIR;
  bool keep = false;
  std::string jsonl;  // --jsonl FILE: write the corpus as JSONL records and exit
  std::size_t article_kb = 0;  // --article-kb K: articles of about K KB
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) mb = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    else if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--keep") keep = true;
    else if (a == "--jsonl" && i + 1 < argc) jsonl = argv[++i];
    else if (a == "--article-kb" && i + 1 < argc) article_kb = std::strtoul(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr,
                   "usage: bench_extract [--mb N] [--threads N] [--data DIR] [--keep] [--jsonl FILE] "
                   "[--article-kb K]\n");
      return 2;
    }
  }
  if (threads == 0) threads = 1;
  Diagnostics diag;
  auto t_load = std::chrono::steady_clock::now();
  std::unique_ptr<Extractor> extractor;
  try {
    extractor = Extractor::load(data, diag);
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_extract: %s\n", e.what());
    return 2;
  }
  double load_s = seconds_since(t_load);
  Vocabulary v = vocabulary(extractor->dictionary());
  std::vector<Article> articles = corpus(mb << 20, v, article_kb);
  std::size_t bytes = 0;
  for (const Article& a : articles) bytes += a.text.size();
  const double total_mb = static_cast<double>(bytes) / 1e6;
  fmt::print("corpus: {} articles, {:.1f} MB; dictionaries loaded in {:.2f} s\n", articles.size(),
             total_mb, load_s);

  if (!jsonl.empty()) {
    // The corpus as `dipgraph extract` reads it (one article a line).
    std::ofstream out(jsonl, std::ios::binary);
    for (const Article& a : articles) {
      std::string t;
      for (char c : a.text) {
        if (c == '"' || c == '\\') t += '\\', t += c;
        else if (c == '\n') t += "\\n";
        else t += c;
      }
      out << "{\"id\": \"" << a.id << "\", \"date\": \"" << a.date << "\", \"text\": \"" << t << "\"}\n";
    }
    fmt::print("corpus written to {}\n", jsonl);
    return out ? 0 : 1;
  }
  Diagnostics quiet(false);
  auto run_one = [&] {
    std::size_t facts = 0;
    double c0 = thread_cpu_seconds();
    for (const Article& a : articles) {
      Document doc = make_document(a, "", quiet);
      facts += extractor->extract(doc).size();
    }
    return std::pair<double, std::size_t>{thread_cpu_seconds() - c0, facts};
  };
  struct Timed {
    double wall = 0, cpu = 0;
    std::size_t facts = 0;
  };
  auto run = [&](unsigned n) {
    std::atomic<std::size_t> facts{0};
    auto t0 = std::chrono::steady_clock::now();
    double c0 = process_cpu_seconds();
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < n; ++w) {
      pool.emplace_back([&, w] {
        std::size_t local = 0;
        for (std::size_t i = w; i < articles.size(); i += n) {
          Document doc = make_document(articles[i], "", quiet);
          local += extractor->extract(doc).size();
        }
        facts += local;
      });
    }
    for (auto& t : pool) t.join();
    return Timed{seconds_since(t0), process_cpu_seconds() - c0, facts.load()};
  };
  fmt::print("load average before: {}\n", load_average());
  const Extractor::ParseCounts c0 = extractor->parse_counts();
  auto o1 = run_one();
  const Extractor::ParseCounts c1 = extractor->parse_counts();
  auto o2 = run_one();
  auto [t1, f1] = o1.first < o2.first ? o1 : o2;
  fmt::print("extract, 1 thread:   {:7.1f} MB/s by CPU time ({:.2f} s CPU, {} facts)\n", total_mb / t1, t1, f1);
  const std::uint64_t sents = c1.sentences - c0.sentences, toks = c1.tokens - c0.tokens;
  const std::uint64_t parsed = c1.parsed - c0.parsed, ptoks = c1.parsed_tokens - c0.parsed_tokens;
  fmt::print("parse gate: {} of {} sentences parsed ({:.0f} %), {} of {} tokens ({:.0f} %)\n", parsed, sents,
             100.0 * static_cast<double>(parsed) / static_cast<double>(std::max<std::uint64_t>(sents, 1)), ptoks,
             toks, 100.0 * static_cast<double>(ptoks) / static_cast<double>(std::max<std::uint64_t>(toks, 1)));
  Timed a = run(threads), b = run(threads);
  Timed tn = a.wall < b.wall ? a : b;
  fmt::print("extract, {} threads: {:7.1f} MB/s wall ({:.2f} s wall), {:.1f} MB/s per core by CPU time ({:.2f} s CPU), {} facts{}\n",
             threads, total_mb / tn.wall, tn.wall, total_mb / tn.cpu, tn.cpu, tn.facts,
             tn.facts == f1 ? "" : " (DIFFERENT from 1 thread)");

  // The scanning floor: grep for every country name.
  fs::path dir = fs::temp_directory_path() / fmt::format("dipgraph_bench_extract_{}", ::getpid());
  fs::create_directories(dir);
  {
    std::ofstream c(dir / "corpus.txt", std::ios::binary);
    for (const Article& a : articles) c << a.text << "\n\n";
    std::ofstream names(dir / "countries.txt");
    for (const Country& k : extractor->dictionary().countries()) names << k.name << "\n";
  }
  std::string cmd = fmt::format("grep -o -F -f '{}' '{}' | wc -l > '{}'", (dir / "countries.txt").string(),
                                (dir / "corpus.txt").string(), (dir / "count.txt").string());
  double tg = 1e9, tg_wall = 1e9;
  for (int k = 0; k < 2; ++k) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = children_cpu_seconds();
    if (std::system(cmd.c_str()) != 0) {
      std::fprintf(stderr, "bench_extract: grep failed\n");
      break;
    }
    tg = std::min(tg, children_cpu_seconds() - c0);
    tg_wall = std::min(tg_wall, seconds_since(t0));
  }
  std::string count;
  std::ifstream(dir / "count.txt") >> count;
  fmt::print("grep -o -F -f countries | wc -l: {:7.1f} MB/s by CPU time ({:.2f} s CPU, {:.2f} s wall, {} matches)\n",
             total_mb / tg, tg, tg_wall, count);
  fmt::print("ratio extract(1 thread) / grep, by CPU time: {:.2f}\n", tg / t1);
  fmt::print("load average after: {}\n", load_average());
  if (keep) fmt::print("corpus kept in {}\n", dir.string());
  else fs::remove_all(dir);
  return 0;
}
