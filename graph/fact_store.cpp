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
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "graph/fact_json.hpp"

namespace dipgraph {

namespace fs = std::filesystem;

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
// Merging.

namespace {

bool merge_actors(std::vector<Actor>& into, const std::vector<Actor>& from) {
  bool changed = false;
  for (const Actor& a : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const Actor& b) { return b.id == a.id; });
    if (it == into.end()) {
      into.push_back(a);
      changed = true;
      continue;
    }
    if (it->country.empty() && !a.country.empty()) {
      it->country = a.country;
      changed = true;
    }
    if (it->role.empty() && !a.role.empty()) {
      it->role = a.role;
      changed = true;
    }
    if ((it->name.empty() || it->name == it->id) && !a.name.empty() && a.name != a.id) {
      it->name = a.name;
      changed = true;
    }
  }
  return changed;
}

bool same_place(const Evidence& a, const Evidence& b) {
  return a.sentence == b.sentence && a.start == b.start && a.end == b.end && a.article == b.article;
}

std::uint64_t evidence_key(const Evidence& e) {
  std::uint64_t h = fnv1a64(e.article);
  h = (h ^ e.sentence) * 1099511628211ull;
  h = (h ^ e.start) * 1099511628211ull;
  h = (h ^ e.end) * 1099511628211ull;
  return h;
}

bool merge_evidence(std::vector<Evidence>& into, const std::vector<Evidence>& from) {
  bool changed = false;
  if (into.size() * from.size() <= 64) {
    for (const Evidence& e : from) {
      bool seen = std::any_of(into.begin(), into.end(),
                              [&](const Evidence& f) { return same_place(e, f); });
      if (!seen) {
        into.push_back(e);
        changed = true;
      }
    }
    return changed;
  }
  std::unordered_multiset<std::uint64_t> keys;
  keys.reserve(into.size() + from.size());
  for (std::size_t i = 0; i < into.size(); ++i) keys.insert(evidence_key(into[i]));
  for (const Evidence& e : from) {
    std::uint64_t k = evidence_key(e);
    bool seen = false;
    if (keys.count(k))
      seen = std::any_of(into.begin(), into.end(),
                         [&](const Evidence& f) { return same_place(e, f); });
    if (!seen) {
      into.push_back(e);
      keys.insert(k);
      changed = true;
    }
  }
  return changed;
}

template <class T>
bool fill(T& into, const T& from) {
  if (into.empty() && !from.empty()) {
    into = from;
    return true;
  }
  return false;
}

}  // namespace

bool merge_fact(Fact& into, const Fact& from) {
  bool changed = false;
  changed |= merge_evidence(into.evidence, from.evidence);
  changed |= merge_actors(into.source, from.source);
  changed |= merge_actors(into.target, from.target);
  changed |= merge_actors(into.participants, from.participants);
  for (const auto& t : from.topics) {
    if (std::find(into.topics.begin(), into.topics.end(), t) == into.topics.end()) {
      into.topics.push_back(t);
      changed = true;
    }
  }
  if (into.cameo.empty() && !from.cameo.empty()) {
    into.cameo = from.cameo;
    into.root = from.root;
    into.quad_class = from.quad_class;
    into.goldstein = from.goldstein;
    changed = true;
  }
  changed |= fill(into.date, from.date);
  changed |= fill(into.name, from.name);
  changed |= fill(into.quote, from.quote);
  if (!into.location && from.location) {
    into.location = from.location;
    changed = true;
  }
  if (from.confidence > into.confidence) {
    into.confidence = from.confidence;
    changed = true;
  }
  into.mentions = count_mentions(into);
  return changed;
}

// ---------------------------------------------------------------------------
// Files.

namespace {

constexpr std::size_t kChunk = 8u << 20;       // read size
constexpr std::size_t kWriteBatch = 8u << 20;  // bytes per write() + fdatasync

[[noreturn]] void throw_errno(const fs::path& p, std::string_view what) {
  throw Error(fmt::format("{}: {}: {}", p.string(), what, std::strerror(errno)));
}

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// open(2) of a file inside the store, never through a symbolic link: a
// facts.jsonl or LOCK pointing elsewhere would have a build cut and append
// to a user's file. Throws for a link; else returns open's result (errno set).
int open_store_file(const fs::path& p, int flags, mode_t mode = 0) {
  const int fd = ::open(p.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0 && errno == ELOOP)
    throw Error(
        fmt::format("{}: is a symbolic link; files of a store are never followed", p.string()));
  return fd;
}

// Removes what killed runs leave in a store (FORMAT.tmp.PID of a first
// build, facts.jsonl.repair.PID of a repair) when their process is gone.
// Called by a writer holding the lock; best effort.
void remove_leftovers(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::string_view pid;
    for (std::string_view prefix : {"FORMAT.tmp.", "facts.jsonl.repair."})
      if (name.rfind(prefix, 0) == 0) pid = std::string_view(name).substr(prefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string_view::npos) continue;
    const long id = std::atol(std::string(pid).c_str());
    if (id > 0 && (::kill(static_cast<pid_t>(id), 0) == 0 || errno == EPERM)) continue;  // alive
    std::error_code rec;
    fs::remove(entry.path(), rec);
  }
}

void write_all(int fd, std::string_view data, const fs::path& p) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno(p, "cannot write");
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void sync_fd(int fd, const fs::path& p) {
  if (::fdatasync(fd) != 0) throw_errno(p, "cannot sync to disk");
}

void sync_dir(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd) ::fsync(fd.get());  // best effort: some file systems refuse it
}

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
      Fact& g = facts_[slots_[i].index1 - 1];
      if (g.id == f.id) {
        bool changed = merge_fact(g, f);
        facts_.pop_back();
        return changed ? Outcome::merged : Outcome::unchanged;
      }
    }
    slots_[i] = Slot{static_cast<std::uint32_t>(n + 1), hash};
    return Outcome::added;
  }

  std::size_t size() const { return facts_.size(); }
  std::vector<Fact> take() && { return std::move(facts_); }

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
    if (--lock_depth == 0 && lock_fd) ::flock(lock_fd.get(), LOCK_UN);
  }

  // True if some writer (another process, or this one) holds the lock now.
  bool writer_active() const {
    if (lock_depth > 0) return true;
    Fd fd(::open(lock_path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
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
    Fd fd(open_store_file(format, O_RDONLY));
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
  // A new store: only in an empty directory, or one holding nothing but
  // store files (a first build killed before FORMAT, a bare log): a
  // directory of user files is not turned into a store.
  for (const auto& entry : fs::directory_iterator(d, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != "LOCK" && name != "facts.jsonl" && name != "damaged.jsonl" &&
        name.rfind("FORMAT.tmp.", 0) != 0 && name.rfind("facts.jsonl.repair.", 0) != 0)
      throw Error(fmt::format(
          "{}: not a fact store (no FORMAT file) and not empty (it holds {}); refusing to make "
          "it one: give --store a new or empty directory",
          d.string(), name));
  }
  // Write FORMAT atomically.
  fs::path tmp = d / fmt::format("FORMAT.tmp.{}", ::getpid());
  {
    Fd fd(open_store_file(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644));
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
                            const std::function<void(std::size_t)>& on_begin) const {
  const fs::path& log = impl_->log;
  Fd fd(open_store_file(log, O_RDONLY));
  if (!fd) {
    if (errno == ENOENT) return 0;
    throw_errno(log, "cannot open");
  }
  std::string error;
  Fact fact, later;

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
                   });
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
            merge_fact(fact, later);
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
