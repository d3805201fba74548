// gen_facts: N synthetic facts as JSONL, shaped like extracted ones, for
// benchmarks (docs/graph.md, "Benchmark").
//
//   gen_facts N [--seed S] [--countries C] > facts.jsonl
//
// A made-up world, deterministic for a seed: C countries (default 200) with
// invented names and codes, skewed so a few are hubs (Zipf-like choice);
// about 20 people per country with roles; 40 international organizations and
// one national body per country; 3 cities per country. Each fact: a type with
// its CAMEO code, root, quad class and Goldstein value; 2-6 parties (mostly
// countries, some people and organizations), source/target or participants;
// a date (2015-2025, some month-only); a status (mostly occurred); a place
// (70%); a topic country (15%); one evidence sentence in an article of ~5
// facts. Nothing is drawn from real text.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "graph/fact.hpp"
#include "graph/fact_json.hpp"

using namespace dipgraph;

namespace {

struct EventType {
  const char* type;
  const char* cameo;
  int quad;
  double goldstein;
  const char* verb;
  bool directed;
};

// Types and codes follow the CAMEO roots of docs/facts.md.
const EventType kTypes[] = {
    {"meeting", "043", 1, 2.8, "met", false},
    {"meeting", "040", 1, 1.0, "held talks with", false},
    {"visit", "042", 1, 1.9, "visited", true},
    {"summit", "044", 1, 2.5, "gathered with", false},
    {"statement", "010", 1, 0.0, "commented on", true},
    {"appeal", "020", 1, 3.0, "appealed to", true},
    {"intent", "036", 1, 4.0, "agreed to meet", true},
    {"praise", "051", 1, 3.4, "praised", true},
    {"agreement", "057", 1, 8.0, "signed an agreement with", false},
    {"negotiation", "046", 1, 7.0, "negotiated with", false},
    {"project", "061", 2, 6.4, "launched a project with", false},
    {"aid", "070", 2, 7.0, "sent aid to", true},
    {"criticism", "111", 3, -2.0, "criticized", true},
    {"demand", "100", 3, -5.0, "demanded action from", true},
    {"threat", "130", 3, -4.4, "threatened", true},
    {"protest", "140", 4, -6.5, "protested against", true},
    {"sanctions", "163", 4, -8.0, "imposed sanctions on", true},
    {"expulsion", "166", 4, -7.0, "expelled diplomats of", true},
};

const char* kRoles[] = {"President",          "Prime Minister",      "Foreign Minister",
                        "Deputy Prime Minister", "Ambassador",        "Minister of Trade",
                        "Defence Minister",   "Special Envoy",       "Finance Minister",
                        "Spokesperson"};
const char* kSyllables[] = {"ka", "ro", "mi", "ta", "ne", "lu", "sa", "vo", "ri", "an",
                            "el", "do", "zu", "pe", "qi", "ba", "to", "ny", "ga", "hu",
                            "li", "mo", "ra", "se", "vi", "ko", "da", "fe", "jo", "wa"};

struct World {
  std::vector<Actor> countries, people, orgs;
  std::vector<std::vector<std::size_t>> people_of;  // per country
  std::vector<std::vector<Location>> cities;        // per country
};

std::string word(std::mt19937_64& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += kSyllables[rng() % std::size(kSyllables)];
  w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

World make_world(std::mt19937_64& rng, int n_countries) {
  World w;
  std::vector<std::string> codes;
  for (int c = 0; c < n_countries; ++c) {
    std::string name = word(rng, 2 + static_cast<int>(rng() % 2)) + (rng() % 3 ? "ia" : "stan");
    // Codes: three letters, unique (AAA, AAB, ... fallback when taken).
    std::string code;
    for (char ch : name)
      if (code.size() < 3) code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    while (std::find(codes.begin(), codes.end(), code) != codes.end()) {
      code[2] = static_cast<char>('A' + rng() % 26);
      code[1] = static_cast<char>('A' + rng() % 26);
    }
    codes.push_back(code);
    w.countries.push_back({"country:" + code, ActorKind::country, name, code, ""});
    w.people_of.emplace_back();
    for (int p = 0; p < 20; ++p) {
      std::string pname = word(rng, 2) + " " + word(rng, 3);
      w.people_of.back().push_back(w.people.size());
      w.people.push_back({"person:" + slugify(pname), ActorKind::person, pname, code,
                          kRoles[rng() % std::size(kRoles)]});
    }
    w.orgs.push_back({"org:" + code + "-MFA", ActorKind::organization,
                      "Ministry of Foreign Affairs of " + name, code, ""});
    w.cities.emplace_back();
    for (int k = 0; k < 3; ++k) w.cities.back().push_back({word(rng, 2 + k % 2), code});
  }
  for (int o = 0; o < 40; ++o) {
    std::string code = fmt::format("IGO{}", o);
    w.orgs.push_back({"org:" + code, ActorKind::organization,
                      word(rng, 3) + " Cooperation Organization", "", ""});
  }
  return w;
}

// Zipf-like pick in [0, n): small indices much more often (hub countries).
std::size_t skewed(std::mt19937_64& rng, std::size_t n) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  double x = std::pow(u(rng), 2.2);
  return std::min(n - 1, static_cast<std::size_t>(x * static_cast<double>(n)));
}

Actor party(std::mt19937_64& rng, const World& w, std::size_t* country_out) {
  std::size_t c = skewed(rng, w.countries.size());
  *country_out = c;
  unsigned r = rng() % 100;
  if (r < 65) return w.countries[c];
  if (r < 90) return w.people[w.people_of[c][rng() % w.people_of[c].size()]];
  if (r < 95) return w.orgs[c];                                                 // national body
  return w.orgs[w.countries.size() + rng() % (w.orgs.size() - w.countries.size())];  // IGO
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_facts N [--seed S] [--countries C] > facts.jsonl\n");
    return 2;
  }
  long long n = std::atoll(argv[1]);
  unsigned long long seed = 42;
  int n_countries = 200;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--countries") n_countries = std::atoi(argv[i + 1]);
  }
  if (n < 0 || n_countries < 7) {
    std::fprintf(stderr, "gen_facts: bad N or --countries\n");
    return 2;
  }
  std::mt19937_64 rng(seed);
  World w = make_world(rng, n_countries);
  std::string out, line;
  out.reserve(1 << 21);
  const char* statuses[] = {"occurred", "occurred", "occurred", "occurred", "occurred",
                            "occurred", "planned",  "intended", "negotiating", "negated"};
  for (long long i = 0; i < n; ++i) {
    const EventType& t = kTypes[rng() % std::size(kTypes)];
    Fact f;
    f.type = t.type;
    f.cameo = t.cameo;
    f.root = std::string(t.cameo, 2);
    f.quad_class = t.quad;
    f.goldstein = t.goldstein;
    f.status = *parse_status(statuses[rng() % std::size(statuses)]);
    int year = 2015 + static_cast<int>(rng() % 11), month = 1 + static_cast<int>(rng() % 12);
    f.date = rng() % 10 ? fmt::format("{}-{:02}-{:02}", year, month, 1 + rng() % 28)
                        : fmt::format("{}-{:02}", year, month);
    int n_parties = 2 + static_cast<int>(std::min<std::size_t>(skewed(rng, 8), 4));  // 2..6
    std::vector<std::string> seen;
    std::size_t first_country = 0;
    for (int p = 0; p < n_parties; ++p) {
      std::size_t c;
      Actor a = party(rng, w, &c);
      if (p == 0) first_country = c;
      if (std::find(seen.begin(), seen.end(), a.id) != seen.end()) continue;
      seen.push_back(a.id);
      if (!t.directed) f.participants.push_back(std::move(a));
      else if (p == 0) f.source.push_back(std::move(a));
      else if (p == 1) f.target.push_back(std::move(a));
      else f.participants.push_back(std::move(a));
    }
    if (rng() % 10 < 7) {
      std::size_t c = rng() % 2 ? first_country : skewed(rng, w.countries.size());
      f.location = w.cities[c][rng() % 3];
    }
    if (rng() % 100 < 15) f.topics.push_back(w.countries[skewed(rng, w.countries.size())].country);
    if (rng() % 8 == 0) f.name = fmt::format("{} {}", word(rng, 2), t.type);
    f.confidence = 0.5 + static_cast<double>(rng() % 50) / 100.0;
    const Actor& lead = !f.source.empty() ? f.source[0] : f.participants[0];
    const Actor* other = !f.target.empty() ? &f.target[0]
                         : f.participants.size() > 1 ? &f.participants[1] : &lead;
    std::string text = fmt::format("{} {} {}{} on {}.", lead.name, t.verb, other->name,
                                   f.location ? " in " + f.location->name : "", f.date);
    std::uint64_t start = 40 + 120 * static_cast<std::uint64_t>(i % 5);
    f.evidence.push_back({fmt::format("art-{}", i / 5), static_cast<std::uint32_t>(i % 5), start,
                          start + text.size(), text});
    f.mentions = 1;
    f.id = compute_fact_id(f);
    line.clear();
    write_fact(f, line);
    out += line;
    out += '\n';
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
