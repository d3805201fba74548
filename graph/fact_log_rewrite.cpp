// Compaction and repair: the two operations that rewrite the fact log
// (docs/facts.md, "Compaction" and "Garbled records"). Both work under the
// writer lock, write a new log beside the old one, sync it and rename it
// into place, so a kill at any moment leaves the old log or the new one.
#include "graph/detail/fact_log.hpp"

#include <optional>

namespace dipgraph {

namespace {

// Removes compaction and repair temp files a killed writer left (under the lock).
void remove_stale_temps(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("facts.jsonl.compact.", 0) == 0 || name.rfind("facts.jsonl.repair.", 0) == 0)
      fs::remove(entry.path(), ec);
  }
}

}  // namespace

CompactStats FactStore::compact(Diagnostics& diag, const std::function<void()>& on_wait) {
  Lock lk = lock(on_wait);
  return impl_->compact(diag, false);
}

CompactStats FactStore::compact_if_worth(Diagnostics& diag) {
  Lock lk = lock();
  return impl_->compact(diag, true);
}

CompactStats FactStore::Impl::compact(Diagnostics& diag, bool only_if_worth) {
  CompactStats stats;
  Fd fd(open_store_file(log, O_RDWR));
  if (!fd) {
    if (errno == ENOENT) return stats;
    throw_errno(log, "cannot open");
  }
  Diagnostics local(false);
  refresh(fd.get(), local);
  // Whether it is worth it, from the fact index (records and distinct ids)
  // before reading every fact.
  // `compact` also rewrites a log of store format 1 as format 2 (settled ids).
  const bool upgrade = !settled_ids() && !only_if_worth;
  auto not_worth = [&](std::size_t records, std::size_t facts) {
    return facts == 0 || (records == facts && !upgrade) ||
           (only_if_worth && (records < FactStore::kCompactRatio * facts ||
                              records - facts < FactStore::kCompactMinExtra));
  };
  if (local.error_count() == 0 && not_worth(index.records(), index.keys())) {
    stats.records_before = known_lines;
    stats.facts = index.keys();
    stats.bytes_before = stats.bytes_after = known_size;
    return stats;
  }
  load_all(fd.get(), local);
  for (const Diagnostic& d : local.all()) diag.report(d.severity, d.place, d.message);
  if (local.error_count() > 0)
    throw Error(fmt::format("{}: {} damaged record(s); run `dipgraph check --repair` before compacting",
                            log.string(), local.error_count()));
  stats.records_before = known_lines;
  stats.facts = state.size();
  stats.bytes_before = known_size;
  if (not_worth(stats.records_before, stats.facts)) {
    stats.bytes_after = known_size;
    return stats;
  }
  remove_stale_temps(dir);
  fs::path tmp = dir / fmt::format("facts.jsonl.compact.{}", ::getpid());
  std::uint64_t written = 0;
  std::string too_long;  // why a fact cannot be one record
  std::vector<std::pair<std::uint64_t, std::uint64_t>> new_index;  // (key, offset) of each record
  try {
    Fd out(open_store_file(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (!out) throw_errno(tmp, "cannot create");
    std::string buf;
    new_index.reserve(state.size());
    for (const Fact& f : state.facts()) {
      std::size_t start = buf.size();
      new_index.push_back({fnv1a64(f.id), written + start});
      detail::encode_record(f, buf);
      if (buf.size() - start - 1 > kMaxRecordBytes) {  // unreadable as one line: keep the old log
        too_long = fmt::format("fact {}: its evidence would make a {}", f.id,
                               too_long_message(buf.size() - start - 1));
        break;
      }
      if (buf.size() >= kWriteBatch) {
        write_all(out.get(), buf, tmp);
        written += buf.size();
        buf.clear();
      }
    }
    if (!too_long.empty()) {
      ::unlink(tmp.c_str());
      if (!only_if_worth) throw Error(fmt::format("{}: not compacted: {}", log.string(), too_long));
      diag.warning(Place{log.string()}, "not compacted: " + too_long);
      stats.bytes_after = known_size;
      return stats;
    }
    write_all(out.get(), buf, tmp);
    written += buf.size();
    sync_fd(out.get(), tmp);
    if (::rename(tmp.c_str(), log.c_str()) != 0) throw_errno(log, "cannot replace");
  } catch (...) {
    ::unlink(tmp.c_str());
    cached = false;
    throw;
  }
  sync_dir(dir);
  // Every record now carries its settled id. (A crash before this leaves
  // format 1 over such a log: still read right, keyed by parsing.)
  if (!settled_ids()) {
    write_format(dir, kFormatVersion);
    format = kFormatVersion;
  }
  // The folded state is the same; only the file under it changed.
  struct stat st {};
  if (::stat(log.c_str(), &st) != 0) throw_errno(log, "cannot stat");
  dev = st.st_dev;
  ino = st.st_ino;
  known_size = written;
  known_lines = stats.facts;
  index.clear();
  for (const auto& [key, offset] : new_index) index.add(key, offset);
  stats.bytes_after = written;
  stats.compacted = true;
  return stats;
}

CheckStats FactStore::check(Diagnostics& diag, bool repair, const std::function<void()>& on_wait) {
  CheckStats stats;
  Impl& im = *impl_;
  std::optional<Lock> lk;
  if (repair) {
    lk.emplace(lock(on_wait));
  } else {
    try {
      lk.emplace(lock(on_wait));  // a consistent view: wait for a running writer
    } catch (const Error&) {
      // A read-only store: check it as it is.
    }
  }
  Fd fd(open_store_file(im.log, O_RDONLY));
  if (!fd) {
    if (errno == ENOENT) return stats;
    throw_errno(im.log, "cannot open");
  }
  std::vector<std::size_t> bad_lines;
  Folded state;
  std::string error;
  ScanResult r = scan_lines(fd.get(), 0, 0, im.log,
                            [&](char* data, std::size_t len, std::size_t line, std::uint64_t) {
                              ++stats.records;
                              if (fold_record(state, data, len, error)) {
                                ++stats.good;
                              } else {
                                ++stats.damaged;
                                bad_lines.push_back(line);
                                diag.error(Place{im.log.string(), line}, error);
                              }
                            });
  stats.facts = state.size();
  stats.bytes = r.end + r.tail;
  if (r.tail > 0) {
    ++stats.records;
    stats.torn_tail = true;
    diag.error(Place{im.log.string(), r.lines + 1}, torn_message(r.tail));
  }
  if (!repair || (stats.damaged == 0 && !stats.torn_tail)) return stats;

  // Rewrite: good lines byte for byte into a temp file, damaged ones saved aside.
  fs::path tmp = im.dir / fmt::format("facts.jsonl.repair.{}", ::getpid());
  fs::path damaged = im.dir / "damaged.jsonl";
  Fd out(open_store_file(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644));
  if (!out) throw_errno(tmp, "cannot create");
  Fd bad(open_store_file(damaged, O_WRONLY | O_CREAT | O_APPEND, 0644));
  if (!bad) throw_errno(damaged, "cannot create");
  try {
    std::string good_buf, bad_buf;
    std::size_t next_bad = 0;
    scan_lines(fd.get(), 0, 0, im.log,
               [&](char* data, std::size_t len, std::size_t line, std::uint64_t) {
                 bool is_bad = next_bad < bad_lines.size() && bad_lines[next_bad] == line;
                 std::string& buf = is_bad ? bad_buf : good_buf;
                 if (is_bad) ++next_bad;
                 if (!data) return;  // over the line limit: dropped, not copied aside
                 buf.append(data, len);
                 buf += '\n';
                 if (good_buf.size() >= kWriteBatch) {
                   write_all(out.get(), good_buf, tmp);
                   good_buf.clear();
                 }
               });
    write_all(out.get(), good_buf, tmp);
    sync_fd(out.get(), tmp);
    write_all(bad.get(), bad_buf, damaged);
    if (r.tail > 0) {  // keep the torn bytes for inspection too, copied in bounded memory
      std::string chunk(std::min<std::uint64_t>(r.tail, 1u << 20), '\0');
      std::uint64_t at = r.end, left = r.tail;
      while (left > 0) {
        const ssize_t n =
            ::pread(fd.get(), chunk.data(), std::min<std::uint64_t>(left, chunk.size()),
                    static_cast<off_t>(at));
        if (n <= 0) break;
        write_all(bad.get(), std::string_view(chunk.data(), static_cast<std::size_t>(n)), damaged);
        at += static_cast<std::uint64_t>(n);
        left -= static_cast<std::uint64_t>(n);
      }
      write_all(bad.get(), "\n", damaged);
    }
    sync_fd(bad.get(), damaged);
    if (::rename(tmp.c_str(), im.log.c_str()) != 0) throw_errno(im.log, "cannot replace");
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  sync_dir(im.dir);
  im.cached = false;
  stats.repaired = true;
  return stats;
}


}  // namespace dipgraph
