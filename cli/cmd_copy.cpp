// dipgraph copy: every fact of one store into another, between any two
// backends (a directory, a PostgreSQL database), e.g. to move a store onto
// a shared server or to take a local copy of it. The destination is created
// if missing and merged into if not: copying twice changes nothing.
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "graph/error.hpp"
#include "graph/store.hpp"

namespace dipgraph::cli {

namespace {

constexpr std::size_t kCopyBatch = 4096;  // facts per append

struct CopyOptions {
  std::string from, to;
};

void run_copy(const CopyOptions& opt, Globals& g) {
  if (opt.from == opt.to) throw Error("--from and --to name the same store");
  Diagnostics diag;
  std::unique_ptr<Store> from = open_store(opt.from, false);
  std::unique_ptr<Store> to = open_store(opt.to, true);
  auto hold = to->hold_writer([&] {
    if (!g.quiet)
      std::fprintf(stderr, "copy: waiting for another writer of %s to finish\n",
                   to->name().c_str());
  });
  AppendStats total;
  std::vector<Fact> batch;
  std::size_t read = from->scan(diag, [&](const Fact& f) {
    batch.push_back(f);
    if (batch.size() < kCopyBatch) return;
    total += to->append(batch, diag);
    batch.clear();
  });
  if (!batch.empty()) total += to->append(batch, diag);
  std::string note =
      to->file_store() ? update_snapshot(*to->file_store(), g, diag) : "readers cache the graph";
  std::fprintf(
      stderr, "copy: %s -> %s: %zu facts; %zu new, %zu merged, %zu unchanged%s (%s)\n",
      from->name().c_str(), to->name().c_str(), read, total.added, total.merged, total.unchanged,
      total.rejected ? fmt::format(", {} rejected", total.rejected).c_str() : "", note.c_str());
  g.exit_code = diag.error_count() > 0 ? kExitPartial : kExitOk;
}

}  // namespace

void add_copy_command(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<CopyOptions>();
  auto* cmd = app.add_subcommand(
      "copy", "Copy every fact of one store into another (directory or postgresql:// URI)");
  cmd->add_option("--from", opt->from, "the store to read")->required()->check(kNonEmptyPath);
  cmd->add_option("--to", opt->to, "the store to write (created if missing)")
      ->required()
      ->check(kNonEmptyPath);
  cmd->callback([opt, &g] { run_copy(*opt, g); });
}

}  // namespace dipgraph::cli
