// FactStore: an append-only log of checksummed fact records in a directory,
// folded by id on load (docs/facts.md, "The store").
//
//   DIR/FORMAT       "dipgraph-store 1": the layout version
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

namespace fs = std::filesystem;
using detail::Fd;
using detail::sync_dir;
using detail::sync_fd;
using detail::throw_errno;
using detail::write_all;

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

// ---------------------------------------------------------------------------
// Files.

namespace {

constexpr std::size_t kChunk = 8u << 20;       // read size
constexpr std::size_t kWriteBatch = 8u << 20;  // bytes per write() + fdatasync

struct ScanResult {
  std::uint64_t end = 0;   // offset after the last complete line
  std::size_t lines = 0;   // line number of the last complete line
  std::uint64_t tail = 0;  // bytes of an unterminated last line
};

// Calls on_line(char* data, size_t len, size_t line_no, uint64_t offset) for
// every complete line of `fd` from `offset` (line numbers continue from
// `line`) up to end of file. `data` is mutable and valid only during the call.
// Reading stops at byte `limit` (default: end of file).
template <class F>
ScanResult scan_lines(int fd, std::uint64_t offset, std::size_t line, const fs::path& path,
                      F&& on_line, std::uint64_t limit = ~std::uint64_t{0}) {
  std::string buf(kChunk, '\0');
  std::size_t have = 0;
  std::uint64_t base = offset;
  for (;;) {
    if (have == buf.size()) buf.resize(buf.size() * 2);  // a line longer than the buffer
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
    std::size_t scan_from = have;
    have += static_cast<std::size_t>(n);
    char* data = buf.data();
    std::size_t pos = 0;
    while (true) {
      auto* nl = static_cast<char*>(std::memchr(data + scan_from, '\n', have - scan_from));
      if (!nl) break;
      std::size_t len = static_cast<std::size_t>(nl - (data + pos));
      on_line(data + pos, len, ++line, base + pos);
      pos += len + 1;
      scan_from = pos;
    }
    if (pos > 0) {
      std::memmove(data, data + pos, have - pos);
      base += pos;
      have -= pos;
    }
  }
  return ScanResult{base, line, have};
}

// Asks for transparent huge pages on a big buffer (advice only): filling
// hundreds of MB page by page costs seconds where page faults are dear.
void advise_huge_pages(void* data, std::size_t bytes) {
#if defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = 2u << 20;
  auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// Facts folded by id in first-seen order, with an open-addressing index.
class Folded {
 public:
  enum class Outcome { added, merged, unchanged };

  Outcome fold(Fact&& f) {
    next() = std::move(f);
    return fold_next();
  }

  // A slot at the end for the next fact, to be read in place and then
  // folded with fold_next() or dropped with drop_next().
  Fact& next() { return facts_.emplace_back(); }
  void drop_next() { facts_.pop_back(); }
  Outcome fold_next() {
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
bool decode_record(const char* data, std::size_t len, Fact& fact, std::string& error) {
  error = detail::verify_record({data, len});
  if (!error.empty()) return false;
  return parse_fact({data, len}, fact, error);
}

// Verifies, parses and folds one record, read straight into its place;
// false (with the reason) if the record is damaged.
bool fold_record(Folded& state, const char* data, std::size_t len, std::string& error) {
  Fact& f = state.next();
  if (!decode_record(data, len, f, error)) {
    state.drop_next();
    return false;
  }
  state.fold_next();
  return true;
}

std::string torn_message(std::uint64_t bytes) {
  return fmt::format("torn record at the end of the log ({} bytes of an interrupted write)", bytes);
}

constexpr std::string_view kFormatLine = "dipgraph-store 1\n";

}  // namespace

// ---------------------------------------------------------------------------
// The store.

struct FactStore::Impl {
  fs::path dir;
  fs::path log;
  fs::path lock_path;
  Fd lock_fd;
  int lock_depth = 0;

  // Writer's view of the log: what it has folded, up to known_size.
  bool cached = false;
  dev_t dev = 0;
  ino_t ino = 0;
  std::uint64_t known_size = 0;
  std::size_t known_lines = 0;
  Folded state;
  std::string out;  // append()'s batch buffer

  CompactStats compact(Diagnostics& diag, bool only_if_worth);

  void acquire(const std::function<void()>& on_wait) {
    if (lock_depth++ > 0) return;
    if (!lock_fd) {
      lock_fd = Fd(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
      if (!lock_fd) {
        --lock_depth;
        throw_errno(lock_path, "cannot open the lock file");
      }
    }
    if (::flock(lock_fd.get(), LOCK_EX | LOCK_NB) == 0) return;
    if (errno == EWOULDBLOCK && on_wait) on_wait();
    while (::flock(lock_fd.get(), LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      --lock_depth;
      throw_errno(lock_path, "cannot lock");
    }
  }

  void release() {
    if (--lock_depth == 0 && lock_fd) ::flock(lock_fd.get(), LOCK_UN);
  }

  // True if some writer (another process, or this one) holds the lock now.
  bool writer_active() const {
    if (lock_depth > 0) return true;
    Fd fd(::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return false;
    if (::flock(fd.get(), LOCK_SH | LOCK_NB) == 0) return false;  // closing fd unlocks
    return errno == EWOULDBLOCK;
  }

  // Under the lock: brings `state` up to date with the log open as `fd`
  // and cuts off a torn tail.
  void refresh(int fd, Diagnostics& diag) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_errno(log, "cannot stat");
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (!cached || st.st_dev != dev || st.st_ino != ino || size < known_size) {
      state = Folded{};
      known_size = 0;
      known_lines = 0;
      dev = st.st_dev;
      ino = st.st_ino;
      cached = true;
    }
    if (size == known_size) return;
    std::string error;
    bool from_start = known_size == 0;
    ScanResult r = scan_lines(
        fd, known_size, known_lines, log,
        [&](char* data, std::size_t len, std::size_t line, std::uint64_t off) {
          if (from_start && line == 512) state.expect_from_sample(line, off + len + 1, size);
          if (!fold_record(state, data, len, error))
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
    Fd fd(::open(format.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) throw_errno(format, "cannot read");
    char buf[64] = {};
    ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
    std::string_view text(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    int version = 0;
    if (text.rfind("dipgraph-store ", 0) == 0) version = std::atoi(buf + 15);
    if (version < 1)
      throw Error(fmt::format("{}: not a dipgraph store format file", format.string()));
    if (version > 1)
      throw Error(fmt::format("{}: store format {} is newer than this dipgraph reads (1)",
                              format.string(), version));
    return;
  }
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
  // A new store: write FORMAT atomically.
  fs::path tmp = d / fmt::format("FORMAT.tmp.{}", ::getpid());
  {
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd) throw_errno(tmp, "cannot create");
    write_all(fd.get(), kFormatLine, tmp);
    sync_fd(fd.get(), tmp);
  }
  if (::rename(tmp.c_str(), format.c_str()) != 0) throw_errno(format, "cannot create");
  sync_dir(d);
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
  Fd fd(::open(log.c_str(), O_RDONLY | O_CLOEXEC));
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

// The key of a record for finding ids with several records: a hash of the
// raw bytes of its leading "id" (write_fact puts it first). A record that
// does not start that way (or escapes its id) is parsed to get it; one that
// does not parse gets no key (it is reported when read for real).
bool record_key(const char* data, std::size_t len, std::uint64_t& key, Fact& scratch,
                std::string& error) {
  constexpr std::string_view kIdKey = "{\"id\":\"";
  std::string_view line(data, len);
  if (line.substr(0, kIdKey.size()) == kIdKey) {
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
  Fd fd(::open(log.c_str(), O_RDONLY | O_CLOEXEC));
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
                     if (len > 0xffffffffu || !record_key(data, len, key, later, error)) return;
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

std::uint64_t FactStore::visit(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact) {
  Lock lk = lock();
  Impl& im = *impl_;
  Fd fd(::open(im.log.c_str(), O_RDWR | O_CLOEXEC));
  if (!fd) {
    if (errno == ENOENT) return 0;
    throw_errno(im.log, "cannot open");
  }
  im.refresh(fd.get(), diag);
  for (const Fact& f : im.state.facts()) on_fact(f);
  return im.known_size;
}

AppendStats FactStore::append(const std::vector<Fact>& facts, Diagnostics& diag) {
  AppendStats stats;
  Lock lk = lock();
  Impl& im = *impl_;
  bool existed = fs::exists(im.log);
  Fd fd(::open(im.log.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
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
  };
  im.state.make_room(facts.size());
  for (const Fact& f : facts) {
    record.clear();
    detail::encode_record(f, record);
    // The fact as every later reader will see it: parse the record back.
    Fact stored;
    if (!parse_fact(std::string_view(record).substr(0, record.size() - 1), stored, error)) {
      diag.error(Place{f.id.empty() ? std::string("fact") : f.id},
                 "cannot store this fact: " + error);
      ++stats.rejected;
      continue;
    }
    switch (im.state.fold(std::move(stored))) {
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
    out += record;
    ++pending_lines;
    if (out.size() >= kWriteBatch) flush();
  }
  flush();
  return stats;
}

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
  Fd fd(::open(log.c_str(), O_RDWR | O_CLOEXEC));
  if (!fd) {
    if (errno == ENOENT) return stats;
    throw_errno(log, "cannot open");
  }
  Diagnostics local(false);
  refresh(fd.get(), local);
  for (const Diagnostic& d : local.all()) diag.report(d.severity, d.place, d.message);
  if (local.error_count() > 0)
    throw Error(fmt::format("{}: {} damaged record(s); run `dipgraph check --repair` before compacting",
                            log.string(), local.error_count()));
  stats.records_before = known_lines;
  stats.facts = state.size();
  stats.bytes_before = known_size;
  if (stats.facts == 0 || stats.records_before == stats.facts) {
    stats.bytes_after = known_size;
    return stats;
  }
  if (only_if_worth && (stats.records_before < FactStore::kCompactRatio * stats.facts ||
                        stats.records_before - stats.facts < FactStore::kCompactMinExtra)) {
    stats.bytes_after = known_size;
    return stats;
  }
  remove_stale_temps(dir);
  fs::path tmp = dir / fmt::format("facts.jsonl.compact.{}", ::getpid());
  std::uint64_t written = 0;
  try {
    Fd out(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!out) throw_errno(tmp, "cannot create");
    std::string buf;
    for (const Fact& f : state.facts()) {
      detail::encode_record(f, buf);
      if (buf.size() >= kWriteBatch) {
        write_all(out.get(), buf, tmp);
        written += buf.size();
        buf.clear();
      }
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
  // The folded state is the same; only the file under it changed.
  struct stat st {};
  if (::stat(log.c_str(), &st) != 0) throw_errno(log, "cannot stat");
  dev = st.st_dev;
  ino = st.st_ino;
  known_size = written;
  known_lines = stats.facts;
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
  Fd fd(::open(im.log.c_str(), O_RDONLY | O_CLOEXEC));
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
  Fd out(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!out) throw_errno(tmp, "cannot create");
  Fd bad(::open(damaged.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (!bad) throw_errno(damaged, "cannot create");
  try {
    std::string good_buf, bad_buf;
    std::size_t next_bad = 0;
    scan_lines(fd.get(), 0, 0, im.log,
               [&](char* data, std::size_t len, std::size_t line, std::uint64_t) {
                 bool is_bad = next_bad < bad_lines.size() && bad_lines[next_bad] == line;
                 std::string& buf = is_bad ? bad_buf : good_buf;
                 if (is_bad) ++next_bad;
                 buf.append(data, len);
                 buf += '\n';
                 if (good_buf.size() >= kWriteBatch) {
                   write_all(out.get(), good_buf, tmp);
                   good_buf.clear();
                 }
               });
    if (r.tail > 0) {  // keep the torn bytes for inspection too
      std::string tail(r.tail, '\0');
      if (::pread(fd.get(), tail.data(), tail.size(), static_cast<off_t>(r.end)) > 0) {
        bad_buf += tail;
        bad_buf += '\n';
      }
    }
    write_all(out.get(), good_buf, tmp);
    sync_fd(out.get(), tmp);
    write_all(bad.get(), bad_buf, damaged);
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
