// Loading the graph for a command: store or facts file -> facts -> filter ->
// KnowledgeGraph, with clear errors for a missing store or file.
#include "cli/graph_loading.hpp"

#include <fmt/core.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <span>
#include <unordered_map>

#include "graph/cameo.hpp"
#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "cli/db_graph.hpp"
#include "graph/name_table.hpp"
#include "graph/snapshot.hpp"
#include "graph/snapshot_update.hpp"
#include "graph/store.hpp"
#include "graph/tie_tally.hpp"

namespace dipgraph::cli {

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      auto comma = item.find(',', start);
      if (comma == std::string::npos) comma = item.size();
      if (comma > start) out.push_back(item.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

std::vector<Fact> read_facts_file(const std::string& path, Diagnostics& diag) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    if (!std::filesystem::exists(path)) throw Error(fmt::format("{}: no such facts file", path));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      throw Error(fmt::format("{}: not a regular file (pipe it to standard input as --facts -)", path));
    file.open(path, std::ios::binary);
    if (!file) throw Error(fmt::format("{}: cannot open facts file", path));
    in = &file;
  }
  std::vector<Fact> facts;
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_map<std::size_t, MergeIndex> merging;
  std::string line, error;
  std::size_t line_no = 0;
  Fact fact;
  // Lines are read with a bound: an endless line (a device, a damaged
  // file) costs at most kMaxFactLine bytes of memory and is skipped.
  constexpr std::size_t kMaxFactLine = std::size_t{64} << 20;
  auto next_line = [&](std::string& out) -> int {  // 1 a line, 0 end, -1 too long (skipped)
    out.clear();
    std::streambuf* sb = in->rdbuf();
    bool any = false, too_long = false;
    for (;;) {
      int c = sb->sbumpc();
      if (c == std::char_traits<char>::eof()) {
        if (!any) return 0;
        break;
      }
      any = true;
      if (c == '\n') break;
      if (out.size() < kMaxFactLine) {
        out.push_back(static_cast<char>(c));
      } else {
        too_long = true;  // stop here: an endless line never reaches its end
        break;
      }
    }
    return too_long ? -1 : 1;
  };
  for (int got; (got = next_line(line)) != 0;) {
    ++line_no;
    if (got < 0) {
      diag.error({path, line_no},
                 fmt::format("line longer than {} bytes; the rest of the input is skipped", kMaxFactLine));
      break;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (!parse_fact(line, fact, error)) {
      diag.error({path, line_no}, error);
      continue;
    }
    // The same fact from several articles folds into one, as in the store.
    auto [it, inserted] = by_id.emplace(fact.id, facts.size());
    if (inserted) {
      facts.push_back(std::move(fact));
    } else if (std::string why = fact_clash(facts[it->second], fact); !why.empty()) {
      std::string known, other;
      write_fact(facts[it->second], known);
      write_fact(fact, other);
      diag.error({path, line_no},
                 fmt::format("the id of an earlier fact, but the content is another "
                             "event ({}); not merged. earlier: {} this: {}",
                             why, known, other));
    } else if (facts[it->second].evidence.size() < kMergeIndexFrom) {
      merge_fact(facts[it->second], fact);
    } else {  // many reports of one fact: keep its index across merges
      merging[it->second].merge(facts[it->second], fact);
    }
  }
  if (in->bad()) throw Error(fmt::format("{}: read error", path));
  return facts;
}

}  // namespace

void FactFilter::validate() const {
  for (const auto* d : {&since, &until})
    if (!d->empty() && !is_edtf_date(*d))
      throw Error(fmt::format("--{} \"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                              d == &since ? "since" : "until", *d));
  if (!since.empty() && !until.empty() &&
      edtf_day_bounds(since).first > edtf_day_bounds(until).second)
    throw Error(fmt::format("--since {} is after --until {}: no date is in both", since, until));
  auto refuse_unknown = [](const char* flag, const std::vector<std::string>& given,
                           const std::vector<std::string>& valid) {
    for (const auto& s : split_list(given))
      if (std::find(valid.begin(), valid.end(), s) == valid.end()) {
        std::string all;
        for (const auto& v : valid) all += (all.empty() ? "" : ", ") + v;
        throw Error(fmt::format("--{} \"{}\" is not known{} (one of {})", flag, s,
                                did_you_mean(nearest_words(s, valid)), all));
      }
  };
  refuse_unknown("type", types, fact_types());
  refuse_unknown("status", statuses,
                 {"occurred", "planned", "intended", "negotiating", "ongoing", "negated"});
  for (const auto& c : split_list(cameo))
    if (!find_cameo(c))
      throw Error(
          fmt::format("--cameo \"{}\" is not a CAMEO code (2 to 4 digits: 04, 043, 0431)", c));
  for (const auto& r : split_list(roots))
    if (r.size() != 2 || !find_cameo(r))
      throw Error(fmt::format("--root \"{}\" is not a CAMEO root (01 .. 20)", r));
  refuse_unknown("quad-class", quads, {"1", "2", "3", "4"});
  if (!(min_confidence >= 0 && min_confidence <= 1))
    throw Error("--min-confidence must be within 0 .. 1");
}

bool FactFilter::active() const {
  return exclude_negated || !since.empty() || !until.empty() || !types.empty() ||
         !statuses.empty() || !cameo.empty() || !roots.empty() || !quads.empty() ||
         min_confidence > 0;
}

namespace {

// The filter's lists split and its date bounds computed once, for tests
// over many facts or events.
struct CompiledFilter {
  const FactFilter& filter;
  std::vector<std::string> cameo, roots, quads, types, statuses;
  std::string since_first, until_last;  // day bounds of --since and --until ("" = open)
  explicit CompiledFilter(const FactFilter& f)
      : filter(f),
        cameo(split_list(f.cameo)),
        roots(split_list(f.roots)),
        quads(split_list(f.quads)),
        types(split_list(f.types)),
        statuses(split_list(f.statuses)) {
    if (!f.since.empty()) since_first = edtf_day_bounds(f.since).first;
    if (!f.until.empty()) until_last = edtf_day_bounds(f.until).second;
  }
};

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The parts of the filter's test, apart: what depends on the fact's
// numbers, its type, its CAMEO code and its date (usable_vertices decides
// each distinct type, code and date once).
bool keep_numbers(const CompiledFilter& c, Status status, double confidence, int quad) {
  const FactFilter& filter = c.filter;
  if (filter.exclude_negated && status == Status::negated) return false;
  if (confidence < filter.min_confidence) return false;
  if (!c.quads.empty() && !contains(c.quads, std::to_string(quad))) return false;
  if (!c.statuses.empty() && !contains(c.statuses, to_string(status))) return false;
  return true;
}

bool keep_type(const CompiledFilter& c, std::string_view type) {
  return c.types.empty() || contains(c.types, type);
}

bool keep_code(const CompiledFilter& c, std::string_view code) {
  if (!c.cameo.empty() && std::none_of(c.cameo.begin(), c.cameo.end(), [&](const std::string& x) {
        return code.starts_with(x);
      }))
    return false;
  return c.roots.empty() || contains(c.roots, cameo_root(code));
}

bool keep_date(const CompiledFilter& c, std::string_view date) {
  const FactFilter& filter = c.filter;
  if (!filter.since.empty() || !filter.until.empty()) {
    if (!is_edtf_date(date)) return false;
    auto [lo, hi] = edtf_day_bounds(date);
    if (!filter.since.empty() && hi < c.since_first) return false;
    if (!filter.until.empty() && lo > c.until_last) return false;
  }
  return true;
}

// The verdicts of a test on interned strings, by string id (of `strings`
// ids): each distinct string is decided once.
class StrVerdicts {
 public:
  explicit StrVerdicts(std::size_t strings) : strings_(strings) {}
  template <class Decide>
  bool operator()(StrId id, Decide&& decide) {
    if (verdicts_.empty()) verdicts_.assign(strings_, -1);  // only for a test in use
    signed char& v = verdicts_[id];
    if (v < 0) v = decide() ? 1 : 0;
    return v == 1;
  }

 private:
  std::size_t strings_;
  std::vector<signed char> verdicts_;
};

bool keep_fields(const CompiledFilter& c, std::string_view type, Status status,
                 std::string_view date, double confidence, std::string_view code, int quad) {
  return keep_numbers(c, status, confidence, quad) && keep_code(c, code) && keep_type(c, type) &&
         keep_date(c, date);
}

}  // namespace

bool FactFilter::keep(const Fact& f) const {
  return keep_fields(CompiledFilter(*this), f.type, f.status, f.date, f.confidence, f.cameo,
                     f.quad_class);
}

namespace {

bool keep_event(const CompiledFilter& c, const KnowledgeGraph& graph, VertexId v) {
  const VertexData& d = graph.vertex(v);
  if (d.kind != VertexKind::event) return true;
  return keep_fields(c, graph.str(d.type), d.status, graph.str(d.date), d.confidence,
                     graph.str(d.cameo), d.quad_class);
}

}  // namespace

bool FactFilter::keep(const KnowledgeGraph& graph, VertexId v) const {
  return keep_event(CompiledFilter(*this), graph, v);
}

EventFilter event_filter(const FactFilter& filter) {
  filter.validate();
  EventFilter out;
  out.since = filter.since;
  out.until = filter.until;
  out.types = split_list(filter.types);
  for (const auto& s : split_list(filter.statuses)) out.statuses.push_back(*parse_status(s));
  out.min_confidence = filter.min_confidence;
  return out;
}

std::vector<char> usable_vertices(const KnowledgeGraph& graph, const FactFilter& filter) {
  std::vector<char> usable;
  if (!filter.active()) return usable;
  usable.resize(graph.vertex_count(), 1);
  const CompiledFilter compiled(filter);  // the lists split once, not once per event
  // The verdict of each status (its other numbers passing), for the passes
  // that read statuses from the flags.
  bool status_kept[8];
  for (int s = 0; s < 8; ++s)
    status_kept[s] = s > static_cast<int>(Status::negated) ||
                     keep_numbers(compiled, static_cast<Status>(s), std::numeric_limits<double>::infinity(), 0);
  // A filter on the status alone (path's default: no negated facts) reads
  // one byte per vertex (its VertexFlags), not its record. Confidences lie
  // in [0, 1] (NaN passes any bound), so a bound of 0 or less drops none.
  if (filter.min_confidence <= 0 && compiled.quads.empty() && compiled.cameo.empty() &&
      compiled.roots.empty() && compiled.types.empty() && filter.since.empty() &&
      filter.until.empty()) {
    const std::span<const std::uint8_t> flags = graph.vertex_flags();
    for (VertexId v = 0; v < usable.size(); ++v)
      if (VertexFlags::kind(flags[v]) == VertexKind::event)
        usable[v] = status_kept[static_cast<int>(VertexFlags::status(flags[v]))];
    return usable;
  }
  // Types, codes and dates are interned: each distinct one is decided once,
  // not compared or parsed per event.
  const std::size_t strings = graph.string_count();
  StrVerdicts types(strings), codes(strings), dates(strings);
  const bool by_code = !compiled.cameo.empty() || !compiled.roots.empty();
  const bool by_type = !compiled.types.empty();
  const bool by_date = !filter.since.empty() || !filter.until.empty();
  // A snapshot's column of event keys: 16 bytes of each event (and its
  // flags' byte) instead of its 88-byte record. The column's confidence is
  // a float: an event whose float lies within 1e-6 of the bound is decided
  // on its record's double; a filter on the quad class (not in the column)
  // reads the records.
  const std::span<const EventKeys> keys =
      compiled.quads.empty() ? graph.event_keys() : std::span<const EventKeys>();
  if (!keys.empty()) {
    const std::span<const std::uint8_t> flags = graph.vertex_flags();
    const double bound = filter.min_confidence;
    for (VertexId v = 0; v < usable.size(); ++v) {
      if (VertexFlags::kind(flags[v]) != VertexKind::event) continue;
      const EventKeys& k = keys[v];
      bool keep = status_kept[static_cast<int>(VertexFlags::status(flags[v]))];
      if (keep && bound > 0) {
        const double c = k.confidence;
        keep = c >= bound + 1e-6 || (!(c < bound - 1e-6) && !(graph.vertex(v).confidence < bound));
      }
      usable[v] = keep && (!by_code || codes(k.cameo, [&] { return keep_code(compiled, graph.str(k.cameo)); })) &&
                  (!by_type || types(k.type, [&] { return keep_type(compiled, graph.str(k.type)); })) &&
                  (!by_date || dates(k.date, [&] { return keep_date(compiled, graph.str(k.date)); }));
    }
    return usable;
  }
  // Every vertex is read: the snapshot's vertex blocks are checked up front,
  // on two threads.
  check_vertex_blocks(graph);
  for (VertexId v = 0; v < usable.size(); ++v) {
    const VertexData& d = graph.vertex(v);
    if (d.kind != VertexKind::event) continue;
    usable[v] =
        keep_numbers(compiled, d.status, d.confidence, d.quad_class) &&
        (!by_code || codes(d.cameo, [&] { return keep_code(compiled, graph.str(d.cameo)); })) &&
        (!by_type || types(d.type, [&] { return keep_type(compiled, graph.str(d.type)); })) &&
        (!by_date || dates(d.date, [&] { return keep_date(compiled, graph.str(d.date)); }));
  }
  return usable;
}

void add_graph_source_options(CLI::App* cmd, GraphSource& s) {
  auto* store = cmd->add_option("--store", s.store,
                                "fact store: a directory or a postgresql:// URI (default: "
                                "$DIPGRAPH_STORE or dipgraph.store)")
                    ->check(kNonEmptyPath);
  cmd->add_option("--facts", s.facts, "read a facts JSONL file (- for stdin) instead of a store")
      ->excludes(store);
  cmd->add_option("--since", s.filter.since, "keep facts dated on or after this EDTF date");
  cmd->add_option("--until", s.filter.until, "keep facts dated on or before this EDTF date");
  cmd->add_option("--type", s.filter.types, "keep only these fact types (repeat or comma-separate)");
  cmd->add_option("--status", s.filter.statuses,
                  "keep only these statuses (occurred, planned, intended, negotiating, ongoing, "
                  "negated)");
  cmd->add_option(
      "--cameo", s.filter.cameo,
      "keep facts whose CAMEO code starts with one of these (04, 043; repeat or comma-separate)");
  cmd->add_option("--root", s.filter.roots, "keep facts of these CAMEO roots (01 .. 20)");
  cmd->add_option("--quad-class", s.filter.quads,
                  "keep facts of these quad classes (1 verbal cooperation .. 4 material conflict)");
  cmd->add_option("--min-confidence", s.filter.min_confidence, "keep facts with confidence >= X");
  cmd->add_flag_callback("--count-unrealized", [] { set_count_unrealized(true); },
                         "count negated, planned and intended facts in tone and weights too");
}

std::string store_path(const GraphSource& source) {
  return source.facts.empty() ? resolve_store(source.store) : std::string();
}

namespace {

std::vector<Fact> read_source(const GraphSource& source, Diagnostics& diag) {
  source.filter.validate();
  std::vector<Fact> facts;
  if (!source.facts.empty()) {
    facts = read_facts_file(source.facts, diag);
  } else if (is_database_location(store_path(source))) {
    facts = open_store(store_path(source), false)->load(diag);
  } else {
    std::string dir = store_path(source);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw Error(fmt::format(
          "store \"{}\" not found (create it with `dipgraph build --store {} FILES`, or pass --store)",
          dir, dir));
    facts = FactStore(dir, false).load(diag);
  }
  return facts;
}

// Display names by stable id ("country:BEL" -> "Belgium", "org:EU" ->
// "European Union") from the dictionaries' code and name columns, for
// entities that the facts name only by code. A missing or unreadable file
// gives no names (labels stay codes); the graph commands need no dictionary.
std::unordered_map<std::string, std::string> dictionary_names(const std::string& data_dir) {
  std::unordered_map<std::string, std::string> names;
  std::vector<std::string_view> cells;
  auto split = [&cells](const std::string& line) {  // tab-separated cells of `line`
    cells.clear();
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] != '\t') continue;
      cells.emplace_back(line.data() + start, i - start);
      start = i + 1;
    }
  };
  const std::pair<const char*, const char*> files[] = {{"countries.tsv", "country:"},
                                                         {"organizations.tsv", "org:"}};
  for (const auto& [file, prefix] : files) {
    std::ifstream in(std::filesystem::path(data_dir) / file);
    std::string line;
    if (!std::getline(in, line)) continue;
    // The header names the columns; find "code" and "name".
    split(line);
    auto code_col = static_cast<std::size_t>(std::find(cells.begin(), cells.end(), "code") - cells.begin());
    auto name_col = static_cast<std::size_t>(std::find(cells.begin(), cells.end(), "name") - cells.begin());
    if (code_col == cells.size() || name_col == cells.size()) continue;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      split(line);
      if (cells.size() <= std::max(code_col, name_col) || cells[code_col].empty() ||
          cells[name_col].empty())
        continue;
      names.try_emplace(prefix + std::string(cells[code_col]), cells[name_col]);
    }
  }
  return names;
}

}  // namespace

std::vector<Fact> load_facts(const GraphSource& source, Diagnostics& diag) {
  std::vector<Fact> facts = read_source(source, diag);
  if (source.filter.active())
    facts.erase(std::remove_if(facts.begin(), facts.end(),
                               [&](const Fact& f) { return !source.filter.keep(f); }),
                facts.end());
  return facts;
}

std::uint64_t names_fingerprint(const std::string& data_dir) {
  // The fact schema too: ids may change between schemas (docs/facts.md).
  std::uint64_t fp = 1 + (kFactSchemaVersion > 1 ? kFactSchemaVersion : 0);
  for (const char* file : {"countries.tsv", "organizations.tsv"}) {
    std::ifstream in(std::filesystem::path(data_dir) / file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fp = fp * 1099511628211ull ^ detail::crc32c(bytes) ^ (std::uint64_t{bytes.size()} << 32);
  }
  return fp;
}

namespace {

using DictNames = std::unordered_map<std::string, std::string>;

NameLookup lookup_in(const DictNames& dict) {
  return [&dict](std::string_view id) -> std::string_view {
    auto it = dict.find(std::string(id));
    return it == dict.end() ? std::string_view() : std::string_view(it->second);
  };
}

// The whole graph of the store's log, its first `log_size` bytes, streamed
// from the log (filtered by `filter` if given).
KnowledgeGraph graph_from_log(const FactStore& store, const std::string& data_dir,
                              std::uint64_t log_size, const FactFilter* filter,
                              Diagnostics& diag, std::size_t& fact_count) {
  // Stream the facts into the graph, never holding them all.
  const DictNames dict = dictionary_names(data_dir);
  KnowledgeGraph::Builder builder(&diag);
  builder.set_fallback_names(lookup_in(dict));
  store.scan(
      diag,
      [&](const Fact& f) {
        if (filter && !filter->keep(f)) return;
        ++fact_count;
        builder.add(f);
      },
      [&](std::size_t records) { builder.reserve(records); }, log_size);
  return builder.finish();
}

// The failover of a query whose snapshot turns out damaged mid-query
// (LazyChecks): says so as a damaged snapshot found on opening is said, and
// rebuilds it from the very bytes of the log it was stamped with, under the
// snapshot lock, unless another reader replaced it meanwhile.
LazyChecks rebuild_on_damage(const std::string& dir, const std::string& data_dir,
                             const LogStamp& now, bool quiet) {
  LazyChecks lazy;
  lazy.failover = [=](const std::string& reason, std::uint64_t mapped_ino) {
    const std::filesystem::path snap = snapshot_path(dir);
    if (!quiet)
      std::fprintf(stderr, "dipgraph: %s: damaged snapshot (%s); rebuilding it from the log\n",
                   snap.c_str(), reason.c_str());
    SnapshotLock lock(dir, /*wait=*/true);
    if (!lock)
      throw Error(fmt::format("{}: damaged snapshot ({}); cannot rebuild it here (read-only "
                              "store): run `dipgraph check` or remove it",
                              snap.string(), reason));
    struct stat sb {};
    if (::stat(snap.c_str(), &sb) == 0 && sb.st_ino != mapped_ino) return;  // rebuilt already
    FactStore store(dir, false);
    Diagnostics diag(/*echo=*/false);  // the first build reported the log's damage
    std::size_t facts = 0;
    write_snapshot(graph_from_log(store, data_dir, now.size, nullptr, diag, facts), now, snap);
  };
  return lazy;
}

std::string existing_store(const GraphSource& source) {
  std::string dir = store_path(source);
  std::error_code ec;
  auto st = std::filesystem::status(dir, ec);
  if (std::filesystem::exists(st) && !std::filesystem::is_directory(st))
    throw Error(fmt::format("store \"{}\": not a directory (a store is a directory made by "
                            "`dipgraph build --store DIR`)",
                            dir));
  if (!std::filesystem::is_directory(st))
    throw Error(fmt::format(
        "store \"{}\" not found (create it with `dipgraph build --store {} FILES`, or pass --store)",
        dir, dir));
  if (!std::filesystem::exists(std::filesystem::path(dir) / "FORMAT", ec))
    throw Error(fmt::format("store \"{}\": not a fact store (no FORMAT file)", dir));
  return dir;
}

}  // namespace

KnowledgeGraph load_graph(const GraphSource& source, const Globals& g, Diagnostics& diag,
                          bool filter_facts) {
  auto t0 = std::chrono::steady_clock::now();
  const std::string data_dir = resolve_data_dir(g.data_dir);
  KnowledgeGraph graph;
  std::size_t fact_count = 0;
  const char* from = "facts";
  bool filter = filter_facts && source.filter.active();
  if (source.facts.empty() && is_database_location(store_path(source))) {
    source.filter.validate();
    const DictNames dict = dictionary_names(data_dir);
    bool cached = false;
    graph = load_database_graph(store_path(source), filter ? &source.filter : nullptr,
                                names_fingerprint(data_dir), lookup_in(dict), g.quiet, diag,
                                fact_count, cached);
    if (cached) from = "facts (snapshot)";
  } else if (source.facts.empty()) {
    source.filter.validate();
    std::string dir = existing_store(source);
    FactStore store(dir, false);
    // Without a filter the graph is the store's whole graph: its snapshot,
    // if fresh; else built from the log and saved as the snapshot.
    LogStamp now;
    std::filesystem::path snap = snapshot_path(dir);
    // Held from a stale snapshot's discovery to its rewrite: one reader
    // rebuilds it, the others wait and then map what it wrote.
    std::optional<SnapshotLock> lock;
    if (!filter) {
      const std::uint64_t names = names_fingerprint(data_dir);
      auto try_snapshot = [&]() {
        now = stamp_log(store.log_path(), false);
        now.names = names;
        const LazyChecks lazy = rebuild_on_damage(dir, data_dir, now, g.quiet);
        SnapshotRead r = read_snapshot(snap, now, /*load=*/true, nullptr, &lazy);
        if (r.state == SnapshotState::fresh) {
          graph = std::move(*r.graph);
          fact_count = graph.stats().facts;
          from = "facts (snapshot)";
        }
        return r;
      };
      SnapshotRead r = try_snapshot();
      if (r.state != SnapshotState::fresh) {
        lock.emplace(dir, /*wait=*/true);  // empty on a read-only store: rebuild, write nothing
        if (*lock) r = try_snapshot();     // another process may have rewritten it meanwhile
      }
      if (r.state != SnapshotState::fresh && r.state != SnapshotState::missing && !g.quiet)
        std::fprintf(stderr, "dipgraph: %s: %s snapshot (%s); rebuilding it from the log\n",
                     snap.c_str(), std::string(to_string(r.state)).c_str(), r.reason.c_str());
    }
    if (std::string_view(from) == "facts") {
      graph = graph_from_log(store, data_dir, filter ? ~std::uint64_t{0} : now.size,
                             filter ? &source.filter : nullptr, diag, fact_count);
      if (!filter) {
        if (lock && *lock) {
          try {
            write_snapshot(graph, now, snap);
          } catch (const Error& e) {
            if (!g.quiet) std::fprintf(stderr, "dipgraph: no snapshot written: %s\n", e.what());
          }
        }
      }
    }
  } else {
    const DictNames dict = dictionary_names(data_dir);
    std::vector<Fact> facts = filter_facts ? load_facts(source, diag) : read_source(source, diag);
    fact_count = facts.size();
    graph = KnowledgeGraph::build(facts, &diag, lookup_in(dict));
  }
  if (g.progress()) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "dipgraph: %zu %s -> %zu vertices, %zu edges (%.2f s)\n", fact_count, from,
                 graph.vertex_count(), graph.edge_count(), secs);
  }
  return graph;
}

std::string update_snapshot(FactStore& store, const Globals& g, Diagnostics& diag) {
  const std::string data_dir = resolve_data_dir(g.data_dir);
  const DictNames dict = dictionary_names(data_dir);
  SnapshotUpdate u = update_store_snapshot(store, names_fingerprint(data_dir), lookup_in(dict), diag);
  switch (u.how) {
    case SnapshotUpdate::How::up_to_date: return "snapshot up to date";
    case SnapshotUpdate::How::extended:
      return fmt::format("snapshot extended by {} facts, {} updated ({} vertices, {} edges)",
                         u.facts_added, u.facts_updated, u.vertices, u.edges);
    case SnapshotUpdate::How::rebuilt: break;
  }
  return fmt::format("snapshot written ({} vertices, {} edges)", u.vertices, u.edges);
}

void refuse_output_over_input(const GraphSource& source, const std::string& output) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path out = fs::weakly_canonical(output, ec);
  if (ec) out = fs::absolute(output);
  if (fs::is_directory(out, ec)) throw Error(fmt::format("-o {}: is a directory", output));
  std::string store = store_path(source);
  if (!store.empty() && fs::exists(store, ec)) {
    fs::path dir = fs::weakly_canonical(store, ec);
    for (fs::path p = out.parent_path(); !p.empty(); p = p.parent_path()) {
      if (p == dir)
        throw Error(fmt::format("-o {}: refusing to write inside the store {}", output, store));
      if (p == p.root_path()) break;
    }
  }
  if (!source.facts.empty() && source.facts != "-" && fs::exists(source.facts, ec) &&
      fs::equivalent(source.facts, output, ec))
    throw Error(fmt::format("-o {}: is the input facts file", output));
}

}  // namespace dipgraph::cli
