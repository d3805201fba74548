// dipgraph extract: articles -> facts JSONL on stdout.
//
//   dipgraph extract [--date YYYY-MM-DD] [--threads N] [--max-article-mb N]
//                    [--max-facts-per-article N] [--explain] INPUT...
//
// INPUT is a .txt (with or without a dateline), .jsonl batch, .html file, a
// directory (read recursively) or "-" for stdin. One fact per line, in input
// order whatever the number of threads. A bad input or record is reported on
// stderr with its place and skipped; the others go on and the exit code is
// 1 ("N inputs skipped"). Unusable flags or dictionaries exit 2.
// --explain (or DIPGRAPH_TRACE=1) prints on stderr, for each coded event,
// its trigger class (frames.tsv line) and the tree paths of its parties.
// --unresolved prints, instead of facts, the names that acted in an
// event-like clause but resolved to no actor (ingest/code/unresolved.hpp):
// TSV `count name article example`, most frequent first.
#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "graph/error.hpp"
#include "graph/fact_json.hpp"
#include "ingest/recognize/dates.hpp"
#include "ingest/code/unresolved.hpp"
#include "ingest/pipeline.hpp"
#include "ingest/read/article.hpp"

namespace dipgraph::cli {

namespace {

struct ExtractFlags {
  std::string date;
  unsigned threads = 0;
  std::size_t max_article_mb = 64;
  std::size_t max_facts_per_article = 10000;
  std::vector<std::string> inputs;
  bool explain = false;
  bool unresolved = false;
};

// One TSV field: tabs and line breaks as spaces.
std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

void run_unresolved(const ExtractFlags& flags, const ingest::ExtractOptions& options, Globals& g) {
  Diagnostics diag;
  auto extractor = ingest::Extractor::load(options.data_dir, diag);
  ingest::FrameTable frames = ingest::FrameTable::load(options.data_dir + "/frames.tsv", diag);
  ingest::UnresolvedNames names(*extractor, frames);
  ingest::ReadOptions read = options.read;
  read.default_date = options.default_date;
  std::size_t articles = 0;
  std::size_t skipped = ingest::read_articles(flags.inputs, read, diag, [&](ingest::Article&& a) {
    names.scan(ingest::make_document(std::move(a), options.default_date, diag));
    ++articles;
  });
  std::string out = "count\tname\tarticle\texample\n";
  auto ranked = names.ranked();
  for (const auto& u : ranked)
    out += fmt::format("{}\t{}\t{}\t{}\n", u.count, tsv_field(u.name), tsv_field(u.article), tsv_field(u.example));
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0)
    throw Error("extract: cannot write to standard output");
  if (!g.quiet)
    std::fprintf(stderr, "extract --unresolved: %zu articles, %zu unresolved names\n", articles, ranked.size());
  if (skipped > 0) g.exit_code = kExitPartial;
}

void run_extract(const ExtractFlags& flags, Globals& g) {
  if (!flags.date.empty() && !ingest::parse_ymd(flags.date))
    throw Error(fmt::format("--date {}: expected a date YYYY-MM-DD", flags.date));
  if (flags.explain) ::setenv("DIPGRAPH_TRACE", "1", 1);  // read by the Extractor at load
  ingest::ExtractOptions options;
  options.data_dir = resolve_data_dir(g.data_dir);
  options.default_date = flags.date;
  options.threads = flags.threads;
  options.read.max_article_bytes = flags.max_article_mb << 20;
  options.max_facts_per_article = flags.max_facts_per_article;
  if (flags.unresolved) return run_unresolved(flags, options, g);
  Diagnostics diag;
  std::string out;
  out.reserve(1 << 16);
  auto flush = [&] {
    if (out.empty()) return;
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size())
      throw Error("extract: cannot write to standard output");
    out.clear();
  };
  auto stats = ingest::extract_inputs(flags.inputs, options, diag, [&](std::vector<Fact>&& facts) {
    for (const Fact& f : facts) {
      write_fact(f, out);
      out += '\n';
    }
    if (out.size() >= (1 << 16)) flush();
  });
  flush();
  if (std::fflush(stdout) != 0) throw Error("extract: cannot write to standard output");
  if (!g.quiet)
    std::fprintf(stderr, "extract: %zu articles, %.1f MB, %zu facts\n", stats.articles,
                 static_cast<double>(stats.bytes) / 1e6, stats.facts);
  if (stats.skipped_inputs > 0) {
    std::fprintf(stderr, "extract: %zu input%s skipped\n", stats.skipped_inputs,
                 stats.skipped_inputs == 1 ? "" : "s");
    g.exit_code = kExitPartial;
  }
}

}  // namespace

void add_extract_command(CLI::App& app, Globals& g) {
  auto flags = std::make_shared<ExtractFlags>();
  auto* cmd = app.add_subcommand("extract", "extract facts from articles; facts JSONL on stdout");
  cmd->add_option("--date", flags->date, "article date YYYY-MM-DD when the input has none");
  cmd->add_option("--threads", flags->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--max-article-mb", flags->max_article_mb,
                  "skip (with an error) articles and JSONL lines larger than this (default 64)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  cmd->add_option("--max-facts-per-article", flags->max_facts_per_article,
                  "keep at most N facts of one article, with a warning (default 10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
  cmd->add_flag("--explain", flags->explain,
                "say on stderr why each event was coded: trigger class, tree paths of parties, status");
  cmd->add_flag("--unresolved", flags->unresolved,
                "instead of facts, list the names that acted in an event-like clause but resolved "
                "to no known actor (TSV: count, name, article, example), most frequent first");
  cmd->add_option("inputs", flags->inputs, "files, directories or - for stdin")->required();
  cmd->callback([flags, &g] { run_extract(*flags, g); });
}

}  // namespace dipgraph::cli
