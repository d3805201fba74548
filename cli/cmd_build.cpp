// dipgraph build: articles or facts files -> the fact store (incremental).
//
// Each input is sniffed: a .jsonl/.json/.ndjson file whose first record is a
// fact (has "type" and actors) is read as facts, one per line; everything
// else (.txt, .html, directories, "-", .jsonl of articles) goes to the
// extraction pipeline. Facts are appended to the store in batches under one
// writer lock held for the whole build, so a concurrent build waits and the
// result equals running the two one after the other. A bad line is reported
// as FILE:LINE: reason and skipped; the exit code is then 1.
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "graph/error.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "graph/store.hpp"
#include "ingest/pipeline.hpp"

namespace dipgraph::cli {

namespace {

// "1.5 MB" for a message.
std::string human_bytes(std::uint64_t n) {
  if (n < 10 * 1024) return fmt::format("{} bytes", n);
  if (n < 10ull << 20) return fmt::format("{:.1f} KB", static_cast<double>(n) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(n) / (1 << 20));
}

constexpr std::size_t kBatchFacts = 4096;         // facts per store append
constexpr std::size_t kMaxLineErrorsShown = 20;   // per file, then a count

struct BuildOptions {
  std::string store;
  std::string date;
  unsigned threads = 0;
  std::size_t max_line_mb = 64;             // longer facts lines are skipped
  std::size_t max_article_mb = 64;          // larger articles are skipped
  std::size_t max_facts_per_article = 10000;
  bool no_compact = false;                   // keep the log's records as appended
  std::vector<std::string> inputs;
};

// Reads lines of at most `limit` bytes: a longer line is consumed without
// being kept (memory stays bounded whatever the input), `line` is then
// empty and `length` its full length. Returns false at end of file.
class BoundedLineReader {
 public:
  BoundedLineReader(std::FILE* f, std::size_t limit) : f_(f), limit_(limit), buf_(1u << 16) {}

  bool next(std::string& line, std::size_t& length) {
    line.clear();
    length = 0;
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
        pos_ = 0;
        if (end_ == 0) return any;
      }
      any = true;
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) + 1
                         : end_ - pos_;
      if (length + n <= limit_ + 2) line.append(start, n);  // + "\r\n"
      else line.clear();
      length += n;
      pos_ += n;
      if (nl) return true;
    }
  }

 private:
  std::FILE* f_;
  std::size_t limit_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
};

struct BuildTotals {
  std::size_t inputs = 0, inputs_skipped = 0;
  std::size_t lines = 0, lines_skipped = 0;
  std::size_t articles = 0;
  std::size_t articles_skipped = 0;  // article files or JSONL records, inside the inputs
  AppendStats store;
};

// A progress line on stderr, redrawn in place at most a few times a second;
// silent unless enabled (stderr is a terminal and not --quiet).
class Progress {
 public:
  Progress(bool enabled, std::uint64_t total_bytes) : enabled_(enabled), total_(total_bytes) {}

  // `items` of `unit` done, `bytes` of input consumed overall.
  void update(std::size_t items, const char* unit, std::uint64_t bytes) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(bytes) / 1e6;
    double rate = secs > 0 ? mb / secs : 0;
    std::string line = fmt::format("build: {} {}, {:.1f} MB, {:.1f} MB/s", items, unit, mb, rate);
    if (total_ > 0 && bytes > 0 && bytes <= total_ && rate > 0)
      line += fmt::format(", {:.0f}%, ETA {:.0f} s", 100.0 * static_cast<double>(bytes) / total_,
                          (static_cast<double>(total_ - bytes) / 1e6) / rate);
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    drawn_ = true;
  }

  // Erases the line before other output.
  void clear() {
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

  ~Progress() { clear(); }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::uint64_t total_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = Clock::now();
};

bool has_json_lines_extension(const std::string& path) {
  for (const char* ext : {".jsonl", ".json", ".ndjson"}) {
    std::size_t n = std::strlen(ext);
    if (path.size() > n && path.compare(path.size() - n, n, ext) == 0) return true;
  }
  return false;
}

// True if `path` (a readable regular file) holds facts rather than articles:
// the first record that is a JSON object decides; a file without one is read
// as facts, so that its bad lines are reported as such.
bool is_facts_file(const std::string& path, std::size_t max_line) {
  if (!has_json_lines_extension(path)) return false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return true;  // reported when read
  BoundedLineReader reader(f, max_line);
  std::string line;
  std::size_t length;
  RecordKind kind = RecordKind::unknown;
  for (int i = 0; i < 16 && kind == RecordKind::unknown && reader.next(line, length); ++i) {
    if (length > max_line) break;
    kind = sniff_record(line);
  }
  std::fclose(f);
  return kind != RecordKind::article;
}

// Collects facts and appends them to the store in batches.
class Batcher {
 public:
  Batcher(Store& store, Diagnostics& diag, BuildTotals& totals)
      : store_(store), diag_(diag), totals_(totals) {}

  void add(Fact&& f) {
    batch_.push_back(std::move(f));
    if (batch_.size() >= kBatchFacts) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    totals_.store += store_.append(batch_, diag_);
    batch_.clear();
  }

 private:
  Store& store_;
  Diagnostics& diag_;
  BuildTotals& totals_;
  std::vector<Fact> batch_;
};

// Reads one facts file into `out`, reporting each bad line. Returns false if
// the file could not be read at all.
bool read_facts_file(const std::string& path, std::size_t max_line, Batcher& out,
                     Diagnostics& diag, BuildTotals& totals, Progress& progress,
                     std::uint64_t& bytes_done) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    diag.error(Place{path}, fmt::format("cannot read: {}", std::strerror(errno)));
    return false;
  }
  BoundedLineReader reader(f, max_line);
  std::string buf;
  std::size_t n;
  std::size_t line = 0, errors = 0, records = 0;
  std::string error;
  while (reader.next(buf, n)) {
    ++line;
    bytes_done += static_cast<std::uint64_t>(n);
    const bool dropped = buf.empty();  // over the limit: not kept by the reader
    std::string_view text(buf);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    if (!dropped && text.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank
    ++records;
    ++totals.lines;
    Fact fact;
    bool ok;
    if (dropped || text.size() > max_line) {
      ok = false;
      error = fmt::format("line too long ({} bytes; at most {}, see --max-line-mb)",
                          dropped ? n : text.size(), max_line);
    } else {
      ok = parse_fact(text, fact, error);
    }
    if (!ok) {
      ++totals.lines_skipped;
      if (++errors <= kMaxLineErrorsShown) {
        progress.clear();
        diag.error(Place{path, line}, error);
      }
      continue;
    }
    out.add(std::move(fact));
    if ((line & 1023) == 0) progress.update(totals.lines, "lines", bytes_done);
  }
  bool read_error = std::ferror(f);
  int err = errno;
  std::fclose(f);
  if (errors > kMaxLineErrorsShown)
    diag.error(Place{path},
               fmt::format("{} more bad lines not shown", errors - kMaxLineErrorsShown));
  if (read_error) {
    diag.error(Place{path, line + 1}, fmt::format("read error: {}", std::strerror(err)));
    return false;
  }
  if (records == 0) diag.warning(Place{path}, "no facts in this file");
  return true;
}

void run_build(const BuildOptions& opt, Globals& g) {
  Diagnostics diag;
  BuildTotals totals;

  // Sort inputs into facts files and article inputs, keeping their order.
  struct Input {
    std::string path;
    bool facts;
  };
  std::vector<Input> inputs;
  std::uint64_t total_bytes = 0;
  bool sizes_known = true;
  for (const auto& path : opt.inputs) {
    ++totals.inputs;
    if (path == "-") {
      inputs.push_back({path, false});
      sizes_known = false;
      continue;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      diag.error(Place{path}, fmt::format("cannot read: {}", std::strerror(errno)));
      ++totals.inputs_skipped;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      sizes_known = false;
      inputs.push_back({path, false});
      continue;
    }
    if (!S_ISREG(st.st_mode)) {  // a FIFO or a device: never opened (it may block or never end)
      diag.error(Place{path}, "not a regular file; skipped (pipe it to standard input as -)");
      ++totals.inputs_skipped;
      continue;
    }
    total_bytes += static_cast<std::uint64_t>(st.st_size);
    inputs.push_back({path, is_facts_file(path, opt.max_line_mb << 20)});
  }

  // Nothing readable: no store is created and an existing one is not touched.
  if (inputs.empty())
    throw Error(fmt::format("build: no readable input; store {} {}", mask_password(opt.store),
                            is_database_location(opt.store) || std::filesystem::exists(opt.store)
                                ? "left as it was"
                                : "not created"));
  std::unique_ptr<Store> store_ptr = open_store(opt.store, true);
  Store& store = *store_ptr;
  bool progress_on = g.progress();
  Progress progress(progress_on, sizes_known ? total_bytes : 0);
  auto hold = store.hold_writer([&] {
    if (!g.quiet)
      std::fprintf(stderr, "build: waiting for another writer of %s to finish\n",
                   store.name().c_str());
  });
  Batcher batcher(store, diag, totals);
  std::uint64_t bytes_done = 0;

  // Whatever stops the build (a fatal error of the extractor, a full disk),
  // the facts read so far are stored first.
  try {
    for (std::size_t i = 0; i < inputs.size();) {
      if (inputs[i].facts) {
        if (!read_facts_file(inputs[i].path, opt.max_line_mb << 20, batcher, diag, totals, progress, bytes_done))
          ++totals.inputs_skipped;
        ++i;
        continue;
      }
      // A run of article inputs goes to the extractor in one call (it uses threads).
      std::vector<std::string> articles;
      for (; i < inputs.size() && !inputs[i].facts; ++i) articles.push_back(inputs[i].path);
      ingest::ExtractOptions eo;
      eo.data_dir = resolve_data_dir(g.data_dir);
      eo.default_date = opt.date;
      eo.threads = opt.threads;
      eo.read.default_date = opt.date;
      eo.read.max_article_bytes = opt.max_article_mb << 20;
      eo.max_facts_per_article = opt.max_facts_per_article;
      std::uint64_t base = bytes_done;
      ingest::ExtractStats es = ingest::extract_inputs(
          articles, eo, diag,
          [&](std::vector<Fact>&& facts) {
            for (auto& f : facts) batcher.add(std::move(f));
          },
          [&](const ingest::ExtractStats& s) {
            bytes_done = base + s.bytes;
            progress.update(totals.articles + s.articles, "articles", bytes_done);
          });
      bytes_done = base + es.bytes;
      totals.articles += es.articles;
      totals.articles_skipped += es.skipped_inputs;
    }
  } catch (...) {
    progress.clear();
    try {
      batcher.flush();
    } catch (...) {
    }
    throw;
  }
  batcher.flush();
  progress.clear();

  // A log of many re-reports is rewritten one record per fact; then the
  // graph snapshot the queries read is brought up to date.
  CompactStats cs;
  if (!opt.no_compact) cs = store.compact_if_worth(diag);
  if (cs.compacted && !g.quiet)
    std::fprintf(stderr, "build: compacted the log: %zu records -> %zu (one per fact), %s -> %s\n",
                 cs.records_before, cs.facts, human_bytes(cs.bytes_before).c_str(),
                 human_bytes(cs.bytes_after).c_str());
  // A database store keeps no snapshot of its own: each reader caches one.
  std::string snapshot_note = store.file_store() ? update_snapshot(*store.file_store(), g, diag)
                                                 : "readers cache the graph locally";

  std::string summary = fmt::format("build: {} input{} read", totals.inputs - totals.inputs_skipped,
                                    totals.inputs - totals.inputs_skipped == 1 ? "" : "s");
  if (totals.inputs_skipped) summary += fmt::format(", {} skipped", totals.inputs_skipped);
  if (totals.articles)
    summary += fmt::format(", {} article{}", totals.articles, totals.articles == 1 ? "" : "s");
  if (totals.articles_skipped)
    summary += fmt::format(", {} article{} skipped", totals.articles_skipped,
                           totals.articles_skipped == 1 ? "" : "s");
  if (totals.lines)
    summary += fmt::format(", {} fact line{}", totals.lines, totals.lines == 1 ? "" : "s");
  if (totals.lines_skipped)
    summary += fmt::format(", {} line{} skipped", totals.lines_skipped,
                           totals.lines_skipped == 1 ? "" : "s");
  summary += fmt::format("; facts: {} new, {} merged, {} unchanged", totals.store.added,
                         totals.store.merged, totals.store.unchanged);
  if (totals.store.rejected) summary += fmt::format(", {} rejected", totals.store.rejected);
  summary += fmt::format(" (store {}; {})", store.name(), snapshot_note);
  std::fprintf(stderr, "%s\n", summary.c_str());

  bool partial = totals.inputs_skipped || totals.articles_skipped || totals.lines_skipped ||
                 diag.error_count() > 0;
  g.exit_code = partial ? kExitPartial : kExitOk;
}

}  // namespace

void add_build_command(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand(
      "build", "Add articles or facts files to the fact store (created if missing)");
  cmd->add_option("--store", opt->store,
                  "store: a directory or a postgresql:// URI (default: $DIPGRAPH_STORE, else "
                  "dipgraph.store)")
      ->check(kNonEmptyPath);
  cmd->add_option("--date", opt->date, "date of articles without one (YYYY-MM-DD)")
      ->check([](const std::string& d) {
        return d.size() == 10 && is_edtf_date(d) ? std::string()
                                                 : std::string("not a date YYYY-MM-DD: ") + d;
      });
  cmd->add_option("--threads", opt->threads, "extraction threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--max-line-mb", opt->max_line_mb,
                  "skip (with an error) facts lines longer than this (default 64)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  cmd->add_option("--max-article-mb", opt->max_article_mb,
                  "skip (with an error) articles and JSONL lines larger than this (default 64)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  cmd->add_option("--max-facts-per-article", opt->max_facts_per_article,
                  "keep at most N facts of one article, with a warning (default 10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
  cmd->add_flag("--no-compact", opt->no_compact,
                "never compact the log, even when it holds many more records than facts");
  cmd->add_option(
         "inputs", opt->inputs,
         "facts JSONL files, article files (.txt, .html, .jsonl), directories, - for stdin")
      ->required();
  cmd->callback([opt, &g] {
    BuildOptions o = *opt;
    o.store = resolve_store(o.store);
    run_build(o, g);
  });
}

}  // namespace dipgraph::cli
