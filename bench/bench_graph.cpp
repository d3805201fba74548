// bench_graph: cost of the graph stage on a store (docs/graph.md, "Benchmark").
//
//   gen_facts 1000000 > f.jsonl && dipgraph build --store S f.jsonl
//   bench_graph S [--queries Q] [--seed S] [--stream 0|1] [--graph-only 0|1]
//
// Measures, one core: FactStore::load, KnowledgeGraph::build (or, with
// --stream 1, the two together as FactStore::scan into a
// KnowledgeGraph::Builder, as the commands load a store), CountryView,
// Q path queries between random entity pairs (mean, median, p99, max; and
// k = 3 on a tenth of them), a failed resolution (near-match scan), and
// GraphML / DOT / JSON export of the whole graph into a byte-counting sink.
// Peak RSS (getrusage) is printed after each stage. --graph-only 1 stops
// after building the graph.
#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <streambuf>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "graph/country_view.hpp"
#include "graph/fact_store.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/paths.hpp"

using namespace dipgraph;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU seconds used by this process: on a shared machine the honest figure.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double peak_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

double current_mib() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

// Discards what is written and counts the bytes.
class CountingBuf : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) ++bytes;
    return c;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: bench_graph STORE_DIR [--queries Q] [--seed S] [--stream 0|1] "
                 "[--graph-only 0|1]\n");
    return 2;
  }
  std::string dir = argv[1];
  int queries = 1000;
  unsigned seed = 7;
  bool stream = false, graph_only = false;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--queries") queries = std::atoi(argv[i + 1]);
    else if (flag == "--seed") seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (flag == "--stream") stream = std::atoi(argv[i + 1]) != 0;
    else if (flag == "--graph-only") graph_only = std::atoi(argv[i + 1]) != 0;
  }

  Clock::time_point t0;
  double c0;
  Diagnostics diag(false);
  KnowledgeGraph graph;
  if (stream) {
    t0 = Clock::now();
    c0 = cpu_now();
    std::size_t n = 0;
    try {
      KnowledgeGraph::Builder builder;
      n = FactStore(dir, false).scan(
          diag, [&](const Fact& f) { builder.add(f); },
          [&](std::size_t records) { builder.reserve(records); });
      graph = builder.finish();
    } catch (const Error& e) {
      std::fprintf(stderr, "bench_graph: %s\n", e.what());
      return 2;
    }
    std::printf(
        "scan+build  %8.3f s wall %7.3f s cpu  %zu facts (%zu damaged), %zu vertices, %zu edges"
        "   peak %.0f MiB\n",
        seconds_since(t0), cpu_now() - c0, n, diag.error_count(), graph.vertex_count(),
        graph.edge_count(), peak_mib());
  } else {
    t0 = Clock::now();
    c0 = cpu_now();
    std::vector<Fact> facts;
    try {
      facts = FactStore(dir, false).load(diag);
    } catch (const Error& e) {
      std::fprintf(stderr, "bench_graph: %s\n", e.what());
      return 2;
    }
    double t_load = seconds_since(t0), c_load = cpu_now() - c0;
    std::printf("load        %8.3f s wall %7.3f s cpu  %zu facts (%zu damaged)   peak %.0f MiB\n",
                t_load, c_load, facts.size(), diag.error_count(), peak_mib());

    t0 = Clock::now();
    c0 = cpu_now();
    graph = KnowledgeGraph::build(facts);
    double t_build = seconds_since(t0), c_build = cpu_now() - c0;
    std::printf("build       %8.3f s wall %7.3f s cpu  %zu vertices, %zu edges   peak %.0f MiB\n",
                t_build, c_build, graph.vertex_count(), graph.edge_count(), peak_mib());
    std::printf("load+build  %8.3f s wall %7.3f s cpu\n", t_load + t_build, c_load + c_build);
    double before_free = current_mib();
    std::vector<Fact>().swap(facts);
    malloc_trim(0);  // hand the facts' memory back so RSS shows the graph alone
    std::printf("resident    %8.0f MiB with facts, %.0f MiB graph only\n", before_free,
                current_mib());
  }
  std::printf("  vertices: %zu countries, %zu people, %zu organizations, %zu places, %zu events\n",
              graph.count(VertexKind::country), graph.count(VertexKind::person),
              graph.count(VertexKind::organization), graph.count(VertexKind::place),
              graph.count(VertexKind::event));
  if (graph_only) return 0;

  t0 = Clock::now();
  c0 = cpu_now();
  CountryView view(graph);
  std::printf("country view %7.3f s wall %7.3f s cpu  %zu ties among %zu countries\n",
              seconds_since(t0), cpu_now() - c0, view.ties().size(), view.countries().size());

  // Random entity pairs.
  std::vector<VertexId> entities;
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (graph.kind(v) != VertexKind::event) entities.push_back(v);
  std::mt19937 rng(seed);
  PathFinder finder(graph);
  std::vector<double> ms;
  std::size_t found = 0, hops = 0;
  for (int q = 0; q < queries && !entities.empty(); ++q) {
    VertexId a = entities[rng() % entities.size()], b = entities[rng() % entities.size()];
    auto t = Clock::now();
    auto paths = finder.paths(a, b, 1);
    ms.push_back(seconds_since(t) * 1000);
    if (!paths.empty()) {
      ++found;
      hops += paths[0].length();
    }
  }
  if (!ms.empty()) {
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double x : ms) sum += x;
    std::printf(
        "path k=1    mean %.3f ms, median %.3f, p99 %.3f, max %.3f  (%d pairs, %zu found, "
        "mean %.1f hops)\n",
        sum / ms.size(), sorted[sorted.size() / 2], sorted[sorted.size() * 99 / 100],
        sorted.back(), queries, found, found ? static_cast<double>(hops) / found : 0.0);
  }
  {
    int k_queries = std::max(1, queries / 10);
    auto t = Clock::now();
    for (int q = 0; q < k_queries && !entities.empty(); ++q)
      finder.paths(entities[rng() % entities.size()], entities[rng() % entities.size()], 3);
    std::printf("path k=3    mean %.3f ms  (%d pairs)\n", seconds_since(t) * 1000 / k_queries,
                k_queries);
  }
  {
    auto t = Clock::now();
    Resolution r = graph.resolve("Nonexistentia");
    std::printf("resolve     %8.3f ms  unknown name with %zu suggestions\n",
                seconds_since(t) * 1000, r.candidates.size());
  }

  for (auto format : {ExportFormat::graphml, ExportFormat::json, ExportFormat::dot}) {
    CountingBuf buf;
    std::ostream out(&buf);
    auto t = Clock::now();
    double c = cpu_now();
    write_graph(format, graph, out);
    double s = seconds_since(t), cs = cpu_now() - c;
    std::printf("export %-7s %6.3f s wall %7.3f s cpu  %.0f MiB (%.0f MiB/s cpu)   peak %.0f MiB\n",
                std::string(to_string(format)).c_str(), s, cs, buf.bytes / 1048576.0,
                buf.bytes / 1048576.0 / cs, peak_mib());
  }
  return 0;
}
