// bench_queries: the query commands on a big graph, against networkx and
// igraph on the same graph (docs/queries.md, "Benchmark").
//
//   gen_facts 1000000 > f1m.jsonl
//   bench_queries f1m.jsonl|STORE_DIR [--pairs N] [--seed S] [--python DIR]
//
// Loads the facts (a facts JSONL file, or a store directory), builds the
// graph, picks N country pairs for ties (the two biggest hubs, a hub and
// others, random pairs), N countries for neighbors and N random entity pairs
// for paths, and times each query: ties, neighbors, path k = 1 and k = 5
// (queries/paths.hpp), and rank by degree, PageRank and betweenness (country
// view built in each). With --python DIR it also writes DIR/graph.graphml and
// DIR/queries.json, runs bench/queries_py.py with /usr/bin/python3 for
// networkx and then igraph (skipped when missing), checks their answers
// against ours and prints the time ratios. One thread; wall-clock times.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/core.h>

#include "export/exporters.hpp"
#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/centrality.hpp"
#include "queries/neighbors.hpp"
#include "queries/paths.hpp"
#include "queries/ties.hpp"

extern char** environ;

using namespace dipgraph;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::vector<Fact> load_facts(const std::string& path) {
  Diagnostics diag(false);
  if (fs::is_directory(path)) return FactStore(path, false).load(diag);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open");
  std::vector<Fact> facts;
  std::unordered_map<std::string, std::size_t> by_id;
  std::string line, err;
  Fact f;
  while (std::getline(in, line)) {
    if (line.empty() || !parse_fact(line, f, err)) continue;
    auto [it, inserted] = by_id.emplace(f.id, facts.size());
    if (inserted)
      facts.push_back(std::move(f));
    else
      merge_fact(facts[it->second], f);
  }
  return facts;
}

struct Timing {
  std::vector<double> seconds;
  double median() const {
    if (seconds.empty()) return 0;
    auto s = seconds;
    std::nth_element(s.begin(), s.begin() + s.size() / 2, s.end());
    return s[s.size() / 2];
  }
  double max() const { return seconds.empty() ? 0 : *std::max_element(seconds.begin(), seconds.end()); }
};

// What each side answered, to compare.
struct Answers {
  std::vector<std::pair<int, int>> ties;                 // facts, cooperative
  std::vector<std::vector<std::string>> neighbors;       // top 5 ids
  std::vector<std::vector<int>> path_k1, path_k5;        // path lengths
  std::map<std::string, std::vector<double>> rank;       // top 5 scores
};

// Runs argv with stdout to `out_path`; returns the exit status (-1: not run).
int run_to_file(const std::vector<std::string>& args, const std::string& out_path) {
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool python_has(const char* module) {
  return run_to_file({"/usr/bin/python3", "-c", fmt::format("import {}", module)}, "/dev/null") == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_queries FACTS.jsonl|STORE [--pairs N] [--seed S] [--python DIR]\n");
    return 2;
  }
  std::string input = argv[1], py_dir;
  int n_pairs = 20;
  unsigned seed = 11;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--pairs") n_pairs = std::atoi(argv[i + 1]);
    else if (flag == "--seed") seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (flag == "--python") py_dir = argv[i + 1];
  }

  auto t0 = Clock::now();
  std::vector<Fact> facts;
  try {
    facts = load_facts(input);
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_queries: %s\n", e.what());
    return 2;
  }
  std::printf("load facts     %8.2f s   %zu facts\n", since(t0), facts.size());
  t0 = Clock::now();
  KnowledgeGraph graph = KnowledgeGraph::build(facts);
  std::vector<Fact>().swap(facts);
  std::printf("build graph    %8.2f s   %zu vertices, %zu edges\n", since(t0), graph.vertex_count(),
              graph.edge_count());

  // The queries: countries by events, hubs first.
  std::vector<std::pair<std::size_t, VertexId>> by_events;
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (graph.kind(v) == VertexKind::country) by_events.emplace_back(events_of(graph, v).size(), v);
  std::sort(by_events.rbegin(), by_events.rend());
  std::vector<VertexId> countries;
  for (auto& [n, v] : by_events) countries.push_back(v);
  std::vector<VertexId> entities;
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (graph.kind(v) != VertexKind::event) entities.push_back(v);
  if (countries.size() < 3) {
    std::fprintf(stderr, "bench_queries: too few countries\n");
    return 2;
  }
  std::mt19937 rng(seed);
  auto any_country = [&] { return countries[rng() % countries.size()]; };
  std::vector<std::pair<VertexId, VertexId>> tie_pairs, path_pairs;
  std::vector<VertexId> neighbor_of;
  tie_pairs.emplace_back(countries[0], countries[1]);  // the worst case: the two biggest hubs
  while (static_cast<int>(tie_pairs.size()) < n_pairs) {
    VertexId a = tie_pairs.size() < static_cast<std::size_t>(n_pairs) / 2 ? countries[0] : any_country();
    VertexId b = any_country();
    if (a != b) tie_pairs.emplace_back(a, b);
  }
  neighbor_of.push_back(countries[0]);
  while (static_cast<int>(neighbor_of.size()) < n_pairs) neighbor_of.push_back(any_country());
  while (static_cast<int>(path_pairs.size()) < n_pairs) {
    VertexId a = entities[rng() % entities.size()], b = entities[rng() % entities.size()];
    if (a != b) path_pairs.emplace_back(a, b);
  }
  int k5_pairs = std::min(n_pairs, 5);  // networkx's k shortest paths are slow

  std::printf("\n%d queries each (ties: hub pair %s-%s first); median / max per query\n", n_pairs,
              std::string(graph.id(countries[0])).c_str(), std::string(graph.id(countries[1])).c_str());
  Answers ours;
  std::map<std::string, Timing> t;
  for (auto [a, b] : tie_pairs) {
    auto s = Clock::now();
    Ties r = find_ties(graph, a, b);
    t["ties"].seconds.push_back(since(s));
    ours.ties.emplace_back(r.summary.count, r.summary.cooperative());
  }
  auto s = Clock::now();
  auto ref = newest_event_day(graph);
  double t_ref = since(s);
  NeighborOptions nopt;
  nopt.reference_day = ref;
  for (VertexId x : neighbor_of) {
    s = Clock::now();
    auto r = find_neighbors(graph, x, nopt);
    t["neighbors"].seconds.push_back(since(s));
    std::vector<std::string> top;
    for (std::size_t i = 0; i < r.size() && i < 5; ++i) top.emplace_back(graph.id(r[i].country));
    ours.neighbors.push_back(top);
  }
  PathFinder finder(graph);
  for (std::size_t i = 0; i < path_pairs.size(); ++i) {
    auto [a, b] = path_pairs[i];
    for (std::size_t k : {std::size_t{1}, std::size_t{5}}) {
      s = Clock::now();
      auto r = finder.paths(a, b, k);
      t[k == 1 ? "path_k1" : "path_k5"].seconds.push_back(since(s));
      std::vector<int> lengths;
      for (const Path& p : r) lengths.push_back(static_cast<int>(p.length()));
      (k == 1 ? ours.path_k1 : ours.path_k5).push_back(lengths);
    }
  }
  {
    s = Clock::now();
    CountryView view(graph);
    double t_view = since(s);
    s = Clock::now();
    auto r = rank_countries(view, Centrality::betweenness);
    std::printf("  (CountryView: %.3f s, %zu ties among %zu countries; betweenness on it %.3f s)\n",
                t_view, view.ties().size(), view.countries().size(), since(s));
  }
  for (Centrality by : {Centrality::degree, Centrality::pagerank, Centrality::betweenness}) {
    s = Clock::now();
    auto r = rank_countries(graph, by);  // what `dipgraph rank` runs: projection + measure
    std::string name = fmt::format("rank_{}", to_string(by));
    t[name].seconds.push_back(since(s));
    for (std::size_t i = 0; i < r.size() && i < 5; ++i) ours.rank[name].push_back(r[i].score);
  }
  std::printf("  (newest event day, for neighbors: %.3f s, once per graph)\n", t_ref);
  const char* names[] = {"ties", "neighbors", "path_k1", "path_k5", "rank_degree", "rank_pagerank",
                         "rank_betweenness"};
  for (const char* n : names)
    std::printf("  %-17s %10.3f ms %10.3f ms\n", n, t[n].median() * 1e3, t[n].max() * 1e3);

  if (py_dir.empty()) return 0;

  // The same questions in Python.
  fs::create_directories(py_dir);
  std::string graphml = (fs::path(py_dir) / "graph.graphml").string();
  std::string qfile = (fs::path(py_dir) / "queries.json").string();
  s = Clock::now();
  {
    std::ofstream out(graphml, std::ios::binary);
    write_graphml(graph, out);
  }
  std::printf("\nGraphML written in %.2f s (%.0f MiB): %s\n", since(s),
              static_cast<double>(fs::file_size(graphml)) / (1 << 20), graphml.c_str());
  {
    std::string q = "{\"ties\": [";
    for (std::size_t i = 0; i < tie_pairs.size(); ++i)
      q += fmt::format("{}[\"{}\", \"{}\"]", i ? ", " : "", graph.id(tie_pairs[i].first),
                       graph.id(tie_pairs[i].second));
    q += "], \"neighbors\": [";
    for (std::size_t i = 0; i < neighbor_of.size(); ++i)
      q += fmt::format("{}\"{}\"", i ? ", " : "", graph.id(neighbor_of[i]));
    q += "], \"paths\": [";
    for (std::size_t i = 0; i < path_pairs.size(); ++i)
      q += fmt::format("{}[\"{}\", \"{}\"]", i ? ", " : "", graph.id(path_pairs[i].first),
                       graph.id(path_pairs[i].second));
    q += fmt::format("], \"k5_pairs\": {}, \"reference_day\": {}, \"half_life\": {}}}\n", k5_pairs,
                     ref.value_or(0), kDefaultHalfLifeDays);
    std::ofstream(qfile) << q;
  }
  std::string script = (fs::path(DIPGRAPH_DATA_DIR).parent_path() / "bench" / "queries_py.py").string();
  for (const char* lib : {"networkx", "igraph"}) {
    if (!python_has(lib)) {
      std::printf("\n%s: not installed for /usr/bin/python3, skipped\n", lib);
      continue;
    }
    std::string out_path = (fs::path(py_dir) / fmt::format("{}.json", lib)).string();
    s = Clock::now();
    int rc = run_to_file({"/usr/bin/python3", script, "--lib", lib, graphml, qfile}, out_path);
    double t_py = since(s);
    if (rc != 0) {
      std::printf("\n%s: queries_py.py failed (exit %d)\n", lib, rc);
      continue;
    }
    std::ifstream in(out_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    rapidjson::Document d;
    d.Parse(text.c_str());
    if (d.HasParseError() || !d.IsObject()) {
      std::printf("\n%s: unreadable output %s\n", lib, out_path.c_str());
      continue;
    }
    std::printf("\n%s (whole run %.1f s): load GraphML %.2f s; path preparation %.2f s; country view %.2f s\n",
                lib, t_py, d["load"].GetDouble(),
                d.HasMember("prepare_paths") ? d["prepare_paths"].GetDouble() : 0.0,
                d["country_view"].GetDouble());
    std::printf("  %-17s %12s %12s %9s %s\n", "query", "dipgraph", lib, "ratio", "answers");
    for (const char* n : names) {
      const auto& times = d["times"][n];
      Timing py;
      for (const auto& x : times.GetArray()) py.seconds.push_back(x.GetDouble());
      // Compare the answers of the pairs both sides ran.
      const auto& ans = d["answers"][n].GetArray();
      std::size_t same = 0, total = ans.Size();
      std::string name = n;
      for (std::size_t i = 0; i < total; ++i) {
        const auto& a = ans[static_cast<rapidjson::SizeType>(i)];
        if (name == "ties") {
          same += a[0].GetInt() == ours.ties[i].first && a[1].GetInt() == ours.ties[i].second;
        } else if (name == "neighbors") {
          std::vector<std::string> ids;
          for (const auto& x : a.GetArray()) ids.emplace_back(x.GetString());
          same += ids == ours.neighbors[i];
        } else if (name.rfind("rank_", 0) == 0) {
          // The top 5 scores (countries with equal scores may come in any order).
          const auto& mine = ours.rank[name];
          bool eq = a.Size() == mine.size();
          for (std::size_t j = 0; eq && j < mine.size(); ++j) {
            double x = a[static_cast<rapidjson::SizeType>(j)].GetDouble();
            eq = std::fabs(x - mine[j]) <= 1e-6 * std::max(1.0, std::fabs(x));
          }
          same += eq;
        } else {
          std::vector<int> lengths;
          for (const auto& x : a.GetArray()) lengths.push_back(x.GetInt());
          same += lengths == (name == "path_k1" ? ours.path_k1[i] : ours.path_k5[i]);
        }
      }
      // Ratio over the queries both ran (k = 5: the first k5_pairs).
      Timing mine;
      mine.seconds.assign(t[n].seconds.begin(),
                          t[n].seconds.begin() + std::min(t[n].seconds.size(), py.seconds.size()));
      double ratio = mine.median() > 0 ? py.median() / mine.median() : 0;
      std::printf("  %-17s %9.3f ms %9.1f ms %8.0f× %zu/%zu agree\n", n, mine.median() * 1e3,
                  py.median() * 1e3, ratio, same, total);
    }
  }
  return 0;
}
