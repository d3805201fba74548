// The fact log's private machinery, shared by graph/fact_store.cpp (open,
// load, scan, append) and graph/fact_log_rewrite.cpp (compact, check and
// repair): reading lines in blocks, folding records by id, and the
// FactStore's writer state. Include from those two files only.
#pragma once

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "graph/detail/fact_index.hpp"
#include "graph/detail/files.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_merge.hpp"
#include "graph/fact_store.hpp"

namespace dipgraph {

namespace fs = std::filesystem;
using detail::advise_huge_pages;
using detail::Fd;
using detail::open_store_file;
using detail::sync_dir;
using detail::sync_fd;
using detail::throw_errno;
using detail::write_all;

// ---------------------------------------------------------------------------
// Files.

namespace store_detail {

inline constexpr std::size_t kChunk = 8u << 20;       // read size
inline constexpr std::size_t kWriteBatch = 8u << 20;  // bytes per write() + fdatasync
// Facts a writer keeps folded from one write to the next (FactStore::append).
inline constexpr std::size_t kKeptFacts = 8192;

struct ScanResult {
  std::uint64_t end = 0;   // offset after the last complete line
  std::size_t lines = 0;   // line number of the last complete line
  std::uint64_t tail = 0;  // bytes of an unterminated last line
};

// The longest record a log line may hold: the facts line limit (64 MiB, as
// `build --max-line-mb` and `--facts`). Reading holds at most this + 1
// bytes of one line; a longer line is damaged (reported, skipped, and
// dropped by `check --repair`), never held in memory whole.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

inline std::string too_long_message(std::uint64_t bytes) {
  return fmt::format("record of {} bytes, longer than the store's line limit of {} bytes", bytes,
                     kMaxRecordBytes);
}

// Calls on_line(char* data, size_t len, size_t line_no, uint64_t offset) for
// every complete line of `fd` from `offset` (line numbers continue from
// `line`) up to end of file. `data` is mutable and valid only during the call;
// it is nullptr for a line longer than `max_line` bytes (len = its length),
// which is skipped without being held. Reading stops at byte `limit`
// (default: end of file). Memory: at most max_line + 1 bytes of buffer.
template <class F>
inline ScanResult scan_lines(int fd, std::uint64_t offset, std::size_t line, const fs::path& path,
                             F&& on_line, std::uint64_t limit = ~std::uint64_t{0},
                             std::size_t max_line = kMaxRecordBytes) {
  std::string buf(std::min(kChunk, max_line + 1), '\0');
  std::size_t have = 0;      // bytes in buf
  std::size_t scanned = 0;   // of them, searched for a newline already
  std::uint64_t base = offset;  // the file offset of buf[0]
  bool skipping = false;     // buf holds the middle of a line longer than max_line
  std::uint64_t long_start = 0;  // where that line starts
  for (;;) {
    if (have == buf.size()) {
      if (skipping || have > max_line) {  // an over-long line: drop what is held of it
        if (!skipping) long_start = base;
        skipping = true;
        base += have;
        have = scanned = 0;
      } else {
        buf.resize(std::min(buf.size() * 2, max_line + 1));
      }
    }
    std::uint64_t at = base + have;
    if (at >= limit) break;
    std::size_t want = static_cast<std::size_t>(
        std::min<std::uint64_t>(buf.size() - have, limit - at));
    ssize_t n = ::pread(fd, buf.data() + have, want, static_cast<off_t>(at));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno(path, "cannot read");
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
    char* data = buf.data();
    std::size_t pos = 0;
    while (auto* nl = static_cast<char*>(std::memchr(data + scanned, '\n', have - scanned))) {
      auto end = static_cast<std::size_t>(nl - data);
      if (skipping) {
        on_line(nullptr, static_cast<std::size_t>(base + end - long_start), ++line, long_start);
        skipping = false;
      } else {
        on_line(data + pos, end - pos, ++line, base + pos);
      }
      pos = scanned = end + 1;
    }
    scanned = have;
    if (pos > 0) {
      std::memmove(data, data + pos, have - pos);
      base += pos;
      have -= pos;
      scanned -= pos;
    }
  }
  if (skipping) return ScanResult{long_start, line, base + have - long_start};
  return ScanResult{base, line, have};
}


// Facts folded by id in first-seen order, with an open-addressing index.
class Folded {
 public:
  enum class Outcome { added, merged, unchanged, clash };

  // Folds `f`. With `clash` given, a fact whose id is known but whose
  // content is another event (fact_clash) is not merged: *clash points to
  // the known fact, *why says how they differ, and the outcome is clash.
  Outcome fold(Fact&& f, const Fact** clash = nullptr, std::string* why = nullptr) {
    next() = std::move(f);
    return fold_next(clash, why);
  }

  // A slot at the end for the next fact, to be read in place and then
  // folded with fold_next() or dropped with drop_next().
  Fact& next() { return facts_.emplace_back(); }
  void drop_next() { facts_.pop_back(); }
  Outcome fold_next(const Fact** clash = nullptr, std::string* why = nullptr) {
    Fact& f = facts_.back();
    std::size_t n = facts_.size() - 1;  // facts before it
    if (n * 2 >= slots_.size()) rehash(std::max<std::size_t>(1024, slots_.size() * 2));
    auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(f.id));
    std::size_t i = hash & mask_;
    for (; slots_[i].index1 != 0; i = (i + 1) & mask_) {
      if (slots_[i].hash != hash) continue;
      std::uint32_t gi = slots_[i].index1 - 1;
      Fact& g = facts_[gi];
      if (g.id == f.id) {
        if (clash) {
          *why = fact_clash(g, f);
          if (!why->empty()) {
            *clash = &g;
            facts_.pop_back();
            return Outcome::clash;
          }
        }
        bool changed;
        if (g.evidence.size() < kMergeIndexFrom) {
          changed = merge_fact(g, f);
        } else {
          changed = merging_[gi].merge(g, f);  // many reports: keep the index across merges
        }
        facts_.pop_back();
        return changed ? Outcome::merged : Outcome::unchanged;
      }
    }
    slots_[i] = Slot{static_cast<std::uint32_t>(n + 1), hash};
    return Outcome::added;
  }

  // True if a fact of this id was folded.
  bool contains(std::string_view id) const {
    if (slots_.empty()) return false;
    auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(id));
    for (std::size_t i = hash & mask_; slots_[i].index1 != 0; i = (i + 1) & mask_)
      if (slots_[i].hash == hash && facts_[slots_[i].index1 - 1].id == id) return true;
    return false;
  }

  std::size_t size() const { return facts_.size(); }
  std::vector<Fact> take() && { return std::move(facts_); }
  const std::vector<Fact>& facts() const { return facts_; }

  // Makes room for about `n` facts in all (growing a vector of big structs
  // by doubling would touch twice the memory).
  void expect(std::size_t n) {
    if (n > facts_.capacity()) {
      facts_.reserve(n);
      advise_huge_pages(facts_.data(), facts_.capacity() * sizeof(Fact));
    }
    std::size_t slots = 1024;
    while (slots < 2 * n) slots *= 2;
    if (slots > slots_.size()) rehash(slots);
  }

  // Makes room for `more` facts, growing geometrically.
  void make_room(std::size_t more) {
    if (facts_.size() + more > facts_.capacity())
      expect(std::max(facts_.capacity() * 2, facts_.size() + more));
  }

  // After `lines` lines ending at byte `offset` of a log of `size` bytes:
  // expects as many facts as the rest of the log holds at that rate.
  void expect_from_sample(std::size_t lines, std::uint64_t offset, std::uint64_t size) {
    if (offset == 0) return;
    double per_byte = static_cast<double>(lines) / static_cast<double>(offset);
    expect(static_cast<std::size_t>(per_byte * static_cast<double>(size) * 1.05) + 16);
  }

 private:
  // An index entry: 1 + the fact's index (0 = empty) and the low bits of
  // its id's hash, so that probing and rehashing never touch the facts.
  struct Slot {
    std::uint32_t index1 = 0;
    std::uint32_t hash = 0;
  };

  void rehash(std::size_t n) {
    std::vector<Slot> old(n);
    old.swap(slots_);
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.index1 == 0) continue;
      std::size_t i = s.hash & mask_;
      while (slots_[i].index1 != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Fact> facts_;
  std::unordered_map<std::uint32_t, MergeIndex> merging_;  // by fact index
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// Verifies and parses one record; on failure returns false with the reason.
inline bool decode_record(const char* data, std::size_t len, Fact& fact, std::string& error) {
  if (!data) {  // scan_lines: over the line limit
    error = too_long_message(len);
    return false;
  }
  error = detail::verify_record({data, len});
  if (!error.empty()) return false;
  return parse_fact({data, len}, fact, error);
}

// Verifies, parses and folds one record, read straight into its place;
// false (with the reason) if the record is damaged.
inline bool fold_record(Folded& state, const char* data, std::size_t len, std::string& error) {
  Fact& f = state.next();
  if (!decode_record(data, len, f, error)) {
    state.drop_next();
    return false;
  }
  state.fold_next();
  return true;
}

// The key of a record for the fact index and for finding ids with several
// records: a hash of its settled id (settle_fact_id). In a log whose ids are
// settled as written (`settled_ids`: store format 2) that is a hash of the
// raw bytes of its leading "id" (write_fact puts it first); a record that
// does not start that way (or escapes its id), or any record of a format 1
// log (whose ids older schemas may have computed), is parsed to get it. One
// that does not parse gets no key (false).
inline bool record_key(const char* data, std::size_t len, bool settled_ids, std::uint64_t& key,
                       Fact& scratch, std::string& error) {
  constexpr std::string_view kIdKey = "{\"id\":\"";
  if (!data) return false;  // over the line limit: reported when read for real
  std::string_view line(data, len);
  if (settled_ids && line.substr(0, kIdKey.size()) == kIdKey) {
    std::size_t end = line.find('"', kIdKey.size());
    if (end != std::string_view::npos && end > kIdKey.size()) {
      std::string_view id = line.substr(kIdKey.size(), end - kIdKey.size());
      if (id.find('\\') == std::string_view::npos) {
        key = fnv1a64(id);
        return true;
      }
    }
  }
  if (!decode_record(data, len, scratch, error)) return false;
  key = fnv1a64(scratch.id);
  return true;
}

inline std::string torn_message(std::uint64_t bytes) {
  return fmt::format("torn record at the end of the log ({} bytes of an interrupted write)", bytes);
}

// The store's layout version, in DIR/FORMAT as "dipgraph-store N". Format
// 2: every record carries its settled id (fact schema 3), so a record's key
// is a hash of its raw id. Format 1: records may carry ids an older schema
// computed (read with their settled id, keyed by parsing); `compact`
// rewrites such a log as format 2.
inline constexpr int kFormatVersion = 2;

// Writes DIR/FORMAT for layout `version` atomically (temp file, rename,
// directory synced). Throws Error on an I/O failure.
inline void write_format(const fs::path& dir, int version) {
  const fs::path format = dir / "FORMAT";
  fs::path tmp = dir / fmt::format("FORMAT.tmp.{}", ::getpid());
  {
    Fd fd(open_store_file(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (!fd) throw_errno(tmp, "cannot create");
    write_all(fd.get(), fmt::format("dipgraph-store {}\n", version), tmp);
    sync_fd(fd.get(), tmp);
  }
  if (::rename(tmp.c_str(), format.c_str()) != 0) throw_errno(format, "cannot create");
  sync_dir(dir);
}

// Removes what killed runs leave in a store (FORMAT.tmp.PID of a first
// build, facts.jsonl.repair.PID of a repair, facts.jsonl.compact.PID of a
// compaction) when their process is gone. Called by a writer holding the
// lock; best effort.
inline void remove_leftovers(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::string_view pid;
    for (std::string_view prefix :
         {"FORMAT.tmp.", "facts.jsonl.repair.", "facts.jsonl.compact.", "facts.idx.tmp."})
      if (name.rfind(prefix, 0) == 0) pid = std::string_view(name).substr(prefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string_view::npos) continue;
    const long id = std::atol(std::string(pid).c_str());
    if (id > 0 && (::kill(static_cast<pid_t>(id), 0) == 0 || errno == EPERM)) continue;  // alive
    std::error_code rec;
    fs::remove(entry.path(), rec);
  }
}

}  // namespace store_detail

using namespace store_detail;

// ---------------------------------------------------------------------------
// The store.

struct FactStore::Impl {
  fs::path dir;
  fs::path log;
  fs::path lock_path;
  int format = kFormatVersion;  // of DIR/FORMAT; 1 for a bare log
  bool settled_ids() const { return format >= 2; }
  Fd lock_fd;
  int lock_depth = 0;

  // Writer's view of the log up to known_size: every record's place in
  // `index`, and in `state` the facts folded so far: those of the records
  // the writer had to read (ids it was given again; materialize()), or all
  // of them once `full` (load_all(), for compaction).
  bool cached = false;
  bool full = false;
  dev_t dev = 0;
  ino_t ino = 0;
  std::uint64_t known_size = 0;
  std::size_t known_lines = 0;
  Folded state;
  FactIndex index;
  std::string out;  // append()'s batch buffer
  std::vector<std::uint64_t> offsets;  // materialize()'s scratch
  std::string record_buf;

  fs::path index_path() const { return dir / "facts.idx"; }

  CompactStats compact(Diagnostics& diag, bool only_if_worth);

  void acquire(const std::function<void()>& on_wait) {
    if (lock_depth++ > 0) return;
    if (!lock_fd) {
      try {
        lock_fd = Fd(open_store_file(lock_path, O_RDWR | O_CREAT, 0644));
      } catch (...) {
        --lock_depth;
        throw;
      }
      if (!lock_fd) {
        --lock_depth;
        throw_errno(lock_path, "cannot open the lock file");
      }
    }
    if (::flock(lock_fd.get(), LOCK_EX | LOCK_NB) != 0) {
      if (errno == EWOULDBLOCK && on_wait) on_wait();
      while (::flock(lock_fd.get(), LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        --lock_depth;
        throw_errno(lock_path, "cannot lock");
      }
    }
    remove_leftovers(dir);
  }

  void release() {
    if (lock_depth == 1) save_index();
    if (--lock_depth == 0 && lock_fd) ::flock(lock_fd.get(), LOCK_UN);
  }

  // Saves the fact index if it changed and still describes the log; best
  // effort (it is a cache: a later writer rebuilds a missing one).
  void save_index() {
    if (!cached || !index.dirty()) return;
    try {
      Fd fd(open_store_file(log, O_RDONLY));
      struct stat st {};
      if (!fd || ::fstat(fd.get(), &st) != 0 || st.st_dev != dev || st.st_ino != ino ||
          static_cast<std::uint64_t>(st.st_size) < known_size)
        return;
      index.save(index_path(), fd.get(), log, dev, ino, known_size, known_lines);
    } catch (const Error&) {
    }
  }

  // True if some writer (another process, or this one) holds the lock now.
  bool writer_active() const {
    if (lock_depth > 0) return true;
    Fd fd(::open(lock_path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) return false;
    if (::flock(fd.get(), LOCK_SH | LOCK_NB) == 0) return false;  // closing fd unlocks
    return errno == EWOULDBLOCK;
  }

  // Under the lock: brings the writer's view up to date with the log open
  // as `fd` (the saved fact index, then the records after it: checked and
  // indexed, or also folded once `full`) and cuts off a torn tail.
  void refresh(int fd, Diagnostics& diag) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_errno(log, "cannot stat");
    auto size = static_cast<std::uint64_t>(st.st_size);
    // Records another writer appended may belong to facts held folded: drop them.
    if (cached && !full && size != known_size) state = Folded{};
    if (!cached || st.st_dev != dev || st.st_ino != ino || size < known_size) {
      state = Folded{};
      index.clear();
      full = false;
      known_size = 0;
      known_lines = 0;
      dev = st.st_dev;
      ino = st.st_ino;
      cached = true;
      if (index.load(index_path(), fd, log, dev, ino, size)) {
        known_size = index.covered();
        known_lines = index.lines();
      }
    }
    scan_from(fd, size, diag);
  }

  // Under the lock: every fact of the log in `state` (for compaction).
  void load_all(int fd, Diagnostics& diag) {
    refresh(fd, diag);
    if (full) return;
    state = Folded{};
    index.clear();
    known_size = 0;
    known_lines = 0;
    full = true;
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_errno(log, "cannot stat");
    scan_from(fd, static_cast<std::uint64_t>(st.st_size), diag);
  }

  // Folds into `state` the stored fact of `id` from its records in the log
  // open as `fd`, unless state has it already (or it is not stored).
  void materialize(int fd, const std::string& id, Diagnostics& diag) {
    if (full || state.contains(id)) return;
    index.find(fnv1a64(id), offsets);
    for (std::uint64_t off : offsets) {
      Fact& f = state.next();
      if (read_record(fd, off, id, f, diag))
        state.fold_next();
      else
        state.drop_next();
    }
  }

  // Reads the record at byte `off` of the log open as `fd` into `f`: true
  // if it is whole, verifies, parses and is of fact `id` (a damaged record
  // is reported; another id, whose hash is the same, is not).
  bool read_record(int fd, std::uint64_t off, const std::string& id, Fact& f, Diagnostics& diag) {
    record_buf.clear();
    bool whole = false;
    while (!whole && record_buf.size() <= kMaxRecordBytes) {
      std::size_t have = record_buf.size();
      record_buf.resize(have + 4096);
      ssize_t n = ::pread(fd, record_buf.data() + have, 4096, static_cast<off_t>(off + have));
      if (n < 0 && errno == EINTR) {
        record_buf.resize(have);
        continue;
      }
      if (n < 0) throw_errno(log, "cannot read");
      record_buf.resize(have + static_cast<std::size_t>(n));
      auto nl = record_buf.find('\n', have);
      if (nl != std::string::npos) {
        record_buf.resize(nl);
        whole = true;
      } else if (n == 0) {
        break;
      }
    }
    std::string error;
    if (whole && decode_record(record_buf.data(), record_buf.size(), f, error)) return f.id == id;
    diag.error(Place{log.string()}, fmt::format("record at byte {}: {} (run `dipgraph check --repair`)",
                                                off, whole ? error : "not a whole record"));
    return false;
  }

  void scan_from(int fd, std::uint64_t size, Diagnostics& diag) {
    if (size == known_size) return;
    std::string error;
    Fact scratch;
    bool from_start = known_size == 0;
    ScanResult r = scan_lines(
        fd, known_size, known_lines, log,
        [&](char* data, std::size_t len, std::size_t line, std::uint64_t off) {
          if (full) {
            if (from_start && line == 512) state.expect_from_sample(line, off + len + 1, size);
            std::uint64_t key = 0;
            if (!fold_record(state, data, len, error) ||
                !record_key(data, len, settled_ids(), key, scratch, error)) {
              diag.error(Place{log.string(), line}, error + " (run `dipgraph check --repair`)");
              return;
            }
            index.add(key, off);
            return;
          }
          error = data ? detail::verify_record({data, len}) : too_long_message(len);
          std::uint64_t key = 0;
          if (error.empty() && record_key(data, len, settled_ids(), key, scratch, error)) {
            index.add(key, off);
            return;
          }
          diag.error(Place{log.string(), line}, error + " (run `dipgraph check --repair`)");
        });
    if (r.tail > 0) {
      diag.warning(Place{log.string(), r.lines + 1}, torn_message(r.tail) + ", cut off");
      if (::ftruncate(fd, static_cast<off_t>(r.end)) != 0) throw_errno(log, "cannot cut off");
      sync_fd(fd, log);
    }
    known_size = r.end;
    known_lines = r.lines;
  }
};


}  // namespace dipgraph
