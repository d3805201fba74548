// FactStore: an append-only log of checksummed fact records in a directory,
// folded by id on load (docs/facts.md, "The store").
//
//   DIR/FORMAT       "dipgraph-store 2": the layout version (1: records may
//                    carry ids of older fact schemas; fact_log.hpp)
//   DIR/facts.jsonl  the log: one record a line, write_fact() JSON with a
//                    trailing "crc" field (CRC-32C of the bytes before it)
//   DIR/LOCK         flock()ed exclusively by writers
//   DIR/damaged.jsonl  lines dropped by `check --repair`, for inspection
//
// A record is the fact as it was appended (not the merged fact), written
// only when it adds something to the fact of its id; loading folds the
// records in log order with merge_fact. Because that decision depends only
// on the records before it, a rerun of an interrupted build writes exactly
// the records the interrupted one did not, and the log ends byte-identical
// to an uninterrupted run's.
#include "graph/fact_store.hpp"

#include "graph/detail/fact_log.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "graph/detail/files.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_merge.hpp"

namespace dipgraph {

// ---------------------------------------------------------------------------
// Checksums and records.

namespace detail {

namespace {

struct Crc32cTable {
  std::uint32_t t[256];
  Crc32cTable() {
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
      t[i] = c;
    }
  }
};

std::uint32_t crc32c_sw(const unsigned char* p, std::size_t n, std::uint32_t c) {
  static const Crc32cTable table;
  while (n--) c = table.t[(c ^ *p++) & 0xff] ^ (c >> 8);
  return c;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t crc32c_hw(const unsigned char* p, std::size_t n,
                                                          std::uint32_t c32) {
  std::uint64_t c = c32;
  while (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    c = __builtin_ia32_crc32di(c, v);
    p += 8;
    n -= 8;
  }
  c32 = static_cast<std::uint32_t>(c);
  while (n--) c32 = __builtin_ia32_crc32qi(c32, *p++);
  return c32;
}
const bool kHaveSse42 = __builtin_cpu_supports("sse4.2");
#endif

constexpr std::string_view kCrcKey = ",\"crc\":\"";
constexpr std::size_t kCrcSuffix = 8 + 8 + 2;  // ,"crc":" + 8 hex + "}

}  // namespace

std::uint32_t crc32c(std::string_view data, std::uint32_t crc) {
  auto p = reinterpret_cast<const unsigned char*>(data.data());
  std::uint32_t c = ~crc;
#if defined(__x86_64__)
  if (kHaveSse42) return ~crc32c_hw(p, data.size(), c);
#endif
  return ~crc32c_sw(p, data.size(), c);
}

void encode_record(const Fact& fact, std::string& out) {
  std::size_t start = out.size();
  write_fact(fact, out);
  out.pop_back();  // the closing '}'
  std::uint32_t c = crc32c(std::string_view(out).substr(start));
  fmt::format_to(std::back_inserter(out), ",\"crc\":\"{:08x}\"}}\n", c);
}

std::string verify_record(std::string_view line) {
  if (line.empty()) return "empty record";
  std::size_t n = line.size();
  if (n < kCrcSuffix + 2 || line.substr(n - kCrcSuffix, kCrcKey.size()) != kCrcKey ||
      line.substr(n - 2) != "\"}")
    return "record without a \"crc\" checksum at its end (garbled, or not written by dipgraph)";
  std::uint32_t stored = 0;
  for (char ch : line.substr(n - 10, 8)) {
    int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
    if (d < 0) return "malformed \"crc\" checksum";
    stored = stored << 4 | static_cast<std::uint32_t>(d);
  }
  std::uint32_t computed = crc32c(line.substr(0, n - kCrcSuffix));
  if (stored != computed)
    return fmt::format("checksum mismatch (stored {:08x}, computed {:08x}): garbled record", stored,
                       computed);
  return {};
}

}  // namespace detail

FactStore::FactStore(fs::path dir, bool create) : impl_(std::make_unique<Impl>()) {
  impl_->dir = std::move(dir);
  impl_->log = impl_->dir / "facts.jsonl";
  impl_->lock_path = impl_->dir / "LOCK";
  const fs::path& d = impl_->dir;
  const fs::path format = d / "FORMAT";
  std::error_code ec;
  if (create) {
    fs::create_directories(d, ec);
    if (ec)
      throw Error(
          fmt::format("{}: cannot create the store directory: {}", d.string(), ec.message()));
  }
  if (!fs::is_directory(d, ec))
    throw Error(fmt::format("{}: no fact store here (not a directory; run `dipgraph build` first)",
                            d.string()));
  if (fs::exists(format, ec)) {
    Fd fd(open_store_file(format, O_RDONLY));
    if (!fd) throw_errno(format, "cannot read");
    char buf[64] = {};
    ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
    std::string_view text(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    int version = 0;
    if (text.rfind("dipgraph-store ", 0) == 0) version = std::atoi(buf + 15);
    if (version < 1)
      throw Error(fmt::format("{}: not a dipgraph store format file", format.string()));
    if (version > kFormatVersion)
      throw Error(fmt::format("{}: store format {} is newer than this dipgraph reads ({})",
                              format.string(), version, kFormatVersion));
    impl_->format = version;
    return;
  }
  // A log without FORMAT may be an older dipgraph's: its ids are keyed by parsing.
  const bool has_records = fs::file_size(impl_->log, ec) > 0 && !ec;
  if (has_records) impl_->format = 1;
  if (!create) {
    if (fs::exists(impl_->log, ec)) return;  // a bare log is accepted
    // A directory holding nothing but store files is an empty store (a
    // first build killed before it wrote anything).
    bool only_store_files = true;
    for (const auto& entry : fs::directory_iterator(d, ec)) {
      std::string name = entry.path().filename().string();
      if (name != "LOCK" && name.rfind("FORMAT.tmp.", 0) != 0) only_store_files = false;
    }
    if (!ec && only_store_files) return;
    throw Error(fmt::format("{}: no fact store here (run `dipgraph build --store {}` first)",
                            d.string(), d.string()));
  }
  // A new store: only in an empty directory, or one holding nothing but
  // store files (a first build killed before FORMAT, a bare log, a snapshot):
  // a directory of user files is not turned into a store.
  for (const auto& entry : fs::directory_iterator(d, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != "LOCK" && name != "facts.jsonl" && name != "damaged.jsonl" &&
        name != "SNAPSHOT.LOCK" && name != "graph.snapshot" && name != "facts.idx" &&
        name.rfind("facts.idx.tmp.", 0) != 0 &&
        name.rfind("FORMAT.tmp.", 0) != 0 && name.rfind("facts.jsonl.repair.", 0) != 0 &&
        name.rfind("facts.jsonl.compact.", 0) != 0 && name.rfind("graph.snapshot.tmp.", 0) != 0)
      throw Error(fmt::format(
          "{}: not a fact store (no FORMAT file) and not empty (it holds {}); refusing to make "
          "it one: give --store a new or empty directory",
          d.string(), name));
  }
  write_format(d, impl_->format);
}

FactStore::~FactStore() = default;
FactStore::FactStore(FactStore&&) noexcept = default;
FactStore& FactStore::operator=(FactStore&&) noexcept = default;

const fs::path& FactStore::dir() const { return impl_->dir; }
fs::path FactStore::log_path() const { return impl_->log; }

FactStore::Lock::~Lock() {
  if (store_) store_->impl_->release();
}

FactStore::Lock FactStore::lock(const std::function<void()>& on_wait) {
  impl_->acquire(on_wait);
  return Lock(this);
}

std::vector<Fact> FactStore::load(Diagnostics& diag) const {
  const fs::path& log = impl_->log;
  Fd fd(open_store_file(log, O_RDONLY));
  if (!fd) {
    if (errno == ENOENT) return {};
    throw_errno(log, "cannot open");
  }
  Folded state;
  std::string error;
  struct stat st {};
  std::uint64_t size = ::fstat(fd.get(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  ScanResult r = scan_lines(
      fd.get(), 0, 0, log, [&](char* data, std::size_t len, std::size_t line, std::uint64_t off) {
        if (line == 512) state.expect_from_sample(line, off + len + 1, size);
        if (!fold_record(state, data, len, error))
          diag.error(Place{log.string(), line},
                     error + " (skipped; `dipgraph check --repair` drops it)");
      });
  // An unterminated last line is a write in progress if a writer holds the
  // lock or the log has grown since it was read; otherwise a torn tail.
  if (r.tail > 0 && !impl_->writer_active() &&
      !(::fstat(fd.get(), &st) == 0 && static_cast<std::uint64_t>(st.st_size) > r.end + r.tail))
    diag.warning(Place{log.string(), r.lines + 1},
                 torn_message(r.tail) + ", skipped; the next build cuts it off");
  return std::move(state).take();
}

namespace {

// A record of the log by place: its offset, length (no newline) and hash key.
struct RecordRef {
  std::uint64_t key = 0;
  std::uint64_t offset = 0;
  std::uint32_t len = 0;
};

}  // namespace

std::size_t FactStore::scan(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                            const std::function<void(std::size_t)>& on_begin,
                            std::uint64_t limit) const {
  const fs::path& log = impl_->log;
  Fd fd(open_store_file(log, O_RDONLY));
  if (!fd) {
    if (errno == ENOENT) return 0;
    throw_errno(log, "cannot open");
  }
  std::string error;
  Fact fact, later;
  MergeIndex merging;  // for the fact of a shared id being folded

  // Pass 1: every record's key; keep those of keys seen more than once.
  std::vector<RecordRef> multi;
  ScanResult r;
  {
    std::vector<RecordRef> all;
    struct stat st {};
    if (::fstat(fd.get(), &st) == 0) all.reserve(static_cast<std::size_t>(st.st_size / 512) + 16);
    r = scan_lines(fd.get(), 0, 0, log,
                   [&](char* data, std::size_t len, std::size_t, std::uint64_t off) {
                     std::uint64_t key;
                     if (len > 0xffffffffu ||
                         !record_key(data, len, impl_->settled_ids(), key, later, error))
                       return;
                     all.push_back({key, off, static_cast<std::uint32_t>(len)});
                   },
                   limit);
    std::sort(all.begin(), all.end(), [](const RecordRef& a, const RecordRef& b) {
      return a.key != b.key ? a.key < b.key : a.offset < b.offset;
    });
    for (std::size_t i = 0; i < all.size();) {
      std::size_t j = i + 1;
      while (j < all.size() && all[j].key == all[i].key) ++j;
      if (j - i > 1) multi.insert(multi.end(), all.begin() + i, all.begin() + j);
      i = j;
    }
  }
  if (on_begin) on_begin(r.lines);
  // Offset of a record with a shared key -> its place in `multi`.
  std::unordered_map<std::uint64_t, std::uint32_t> shared;
  shared.reserve(multi.size());
  for (std::uint32_t i = 0; i < multi.size(); ++i) shared.emplace(multi[i].offset, i);
  std::unordered_set<std::uint64_t> consumed;  // later records already merged into a first one
  std::string buf;

  // Pass 2: parse in log order; the first good record of a shared id pulls
  // in (and merges) the later good ones of that id.
  std::size_t count = 0;
  scan_lines(
      fd.get(), 0, 0, log,
      [&](char* data, std::size_t len, std::size_t line, std::uint64_t off) {
        if (!consumed.empty() && consumed.erase(off)) return;
        if (!decode_record(data, len, fact, error)) {
          diag.error(Place{log.string(), line},
                     error + " (skipped; `dipgraph check --repair` drops it)");
          return;
        }
        if (auto it = shared.find(off); it != shared.end()) {
          std::uint32_t i = it->second;
          std::uint64_t key = multi[i].key;
          merging.clear();
          for (std::uint32_t j = i + 1; j < multi.size() && multi[j].key == key; ++j) {
            const RecordRef& ref = multi[j];
            if (consumed.count(ref.offset)) continue;
            buf.resize(ref.len);
            std::size_t got = 0;
            while (got < ref.len) {
              ssize_t n = ::pread(fd.get(), buf.data() + got, ref.len - got,
                                  static_cast<off_t>(ref.offset + got));
              if (n < 0 && errno == EINTR) continue;
              if (n <= 0) throw_errno(log, "cannot read");
              got += static_cast<std::size_t>(n);
            }
            // A bad later record is reported when the scan reaches it.
            if (!decode_record(buf.data(), buf.size(), later, error) || later.id != fact.id)
              continue;
            merging.merge(fact, later);
            consumed.insert(ref.offset);
          }
        }
        ++count;
        on_fact(fact);
      },
      r.end);
  struct stat st {};
  if (r.tail > 0 && !impl_->writer_active() &&
      !(::fstat(fd.get(), &st) == 0 && static_cast<std::uint64_t>(st.st_size) > r.end + r.tail))
    diag.warning(Place{log.string(), r.lines + 1},
                 torn_message(r.tail) + ", skipped; the next build cuts it off");
  return count;
}

std::vector<Fact> FactStore::load_range(Diagnostics& diag, std::uint64_t from,
                                        std::uint64_t to) const {
  const fs::path& log = impl_->log;
  Fd fd(open_store_file(log, O_RDONLY));
  if (!fd) throw_errno(log, "cannot open");
  Folded state;
  std::string error;
  scan_lines(
      fd.get(), from, 0, log,
      [&](char* data, std::size_t len, std::size_t, std::uint64_t off) {
        if (!fold_record(state, data, len, error))
          diag.error(Place{log.string()}, fmt::format("record at byte {}: {} (skipped; `dipgraph "
                                                      "check --repair` drops it)",
                                                      off, error));
      },
      to);
  return std::move(state).take();
}

std::vector<FactStore::Versions> FactStore::stored_versions(const std::vector<std::string>& ids,
                                                             std::uint64_t limit,
                                                             Diagnostics& diag) {
  Lock lk = lock();
  Impl& im = *impl_;
  Fd fd(open_store_file(im.log, O_RDONLY));
  if (!fd) throw_errno(im.log, "cannot open");
  im.refresh(fd.get(), diag);
  std::vector<Versions> out(ids.size());
  std::vector<std::uint64_t> offsets;
  Fact record;
  MergeIndex before_index, after_index;  // linear in the records of a much-reported fact
  for (std::size_t i = 0; i < ids.size(); ++i) {
    before_index.clear();
    after_index.clear();
    im.index.find(fnv1a64(ids[i]), offsets);
    for (std::uint64_t off : offsets) {
      if (!im.read_record(fd.get(), off, ids[i], record, diag)) continue;
      Versions& v = out[i];
      if (off < limit) {
        if (v.before.id.empty())
          v.before = record;
        else
          before_index.merge(v.before, record);
      }
      if (v.after.id.empty())
        v.after = std::move(record);
      else
        after_index.merge(v.after, record);
    }
  }
  return out;
}

AppendStats FactStore::append(const std::vector<Fact>& facts, Diagnostics& diag) {
  AppendStats stats;
  Lock lk = lock();
  Impl& im = *impl_;
  bool existed = fs::exists(im.log);
  Fd fd(open_store_file(im.log, O_RDWR | O_CREAT | O_APPEND, 0644));
  if (!fd) throw_errno(im.log, "cannot open for appending");
  if (!existed) sync_dir(im.dir);
  im.refresh(fd.get(), diag);

  std::string& out = im.out;  // reused: a fresh multi-MB buffer per batch costs page faults
  out.clear();
  std::string record, error;
  std::size_t pending_lines = 0;
  auto flush = [&] {
    if (out.empty()) return;
    try {
      write_all(fd.get(), out, im.log);
      sync_fd(fd.get(), im.log);
    } catch (...) {
      // Leave no partial batch behind; what was folded is unknown now.
      if (::ftruncate(fd.get(), static_cast<off_t>(im.known_size)) == 0) ::fdatasync(fd.get());
      im.cached = false;
      throw;
    }
    im.known_size += out.size();
    im.known_lines += pending_lines;
    out.clear();
    pending_lines = 0;
    // What is written is found again through the index: the writer holds
    // the facts of a write or two, not of the whole build. A few facts
    // (a much-reported one) stay folded, so that the next batch does not
    // read all their records again: re-reports cost linear time.
    if (!im.full && im.state.size() > kKeptFacts) im.state = Folded{};
  };
  im.state.make_room(facts.size());
  for (const Fact& f : facts) {
    record.clear();
    detail::encode_record(f, record);
    if (record.size() - 1 > kMaxRecordBytes) {  // no reader would take it back
      diag.error(Place{f.id.empty() ? std::string("fact") : f.id},
                 "cannot store this fact: " + too_long_message(record.size() - 1));
      ++stats.rejected;
      continue;
    }
    // The fact as every later reader will see it: parse the record back.
    Fact stored;
    if (!parse_fact(std::string_view(record).substr(0, record.size() - 1), stored, error)) {
      diag.error(Place{f.id.empty() ? std::string("fact") : f.id},
                 "cannot store this fact: " + error);
      ++stats.rejected;
      continue;
    }
    if (!f.id.empty() && stored.id != f.id) {
      // An id of an older schema (a facts file of an older dipgraph) is
      // written as the id it reads as: records carry settled ids (format 2).
      Fact settled = f;
      settled.id = stored.id;
      record.clear();
      detail::encode_record(settled, record);
    }
    const Fact* known = nullptr;
    std::string why;
    im.materialize(fd.get(), stored.id, diag);  // the stored fact of this id, if any
    const std::uint64_t key = fnv1a64(stored.id);
    switch (im.state.fold(std::move(stored), &known, &why)) {
      case Folded::Outcome::clash: {
        std::string a, b;
        write_fact(*known, a);
        write_fact(f, b);
        diag.error(Place{f.id},
                   fmt::format("the id is a stored fact's, but the content is another "
                               "event ({}); not merged, not stored. stored: {} new: {}",
                               why, a, b));
        ++stats.rejected;
        continue;
      }
      case Folded::Outcome::added:
        ++stats.added;
        break;
      case Folded::Outcome::merged:
        ++stats.merged;
        break;
      case Folded::Outcome::unchanged:
        ++stats.unchanged;
        continue;
    }
    im.index.add(key, im.known_size + out.size());
    out += record;
    ++pending_lines;
    if (out.size() >= kWriteBatch) flush();
  }
  flush();
  return stats;
}

}  // namespace dipgraph
