// The snapshot's blocks: their checksums when a snapshot is written, and
// their checks when it is read (SnapshotGate, graph/detail/snapshot_format.hpp):
// a block's CRC-32C against the table, then the range of every index in it
// (string ids, vertex ids, row bounds, offsets, kinds), so that nothing read
// from a block that passed can lead an accessor out of the mapping. A block
// that fails is failed over: the snapshot is rebuilt from the log (by the
// caller's SnapshotFailover, under the snapshot lock) and, when the rebuilt
// file holds the bytes the damaged one should have held (the same header
// and block checksums), mapped in place of it, so the query goes on and its
// answer is the one the log gives. Otherwise the query stops with an Error.
#include <fcntl.h>
#include <fmt/core.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <future>
#include <system_error>
#include <utility>

#include "graph/detail/boost_graph.hpp"
#include "graph/detail/files.hpp"
#include "graph/detail/snapshot_format.hpp"
#include "graph/error.hpp"
#include "graph/fact_store.hpp"

namespace dipgraph::detail {

namespace {

constexpr std::uint64_t kElement[kSections] = {
    sizeof(DiskVertex), 4, 4, 1, 4, 4, 4, 1,  // vertices, out rows, in rows
    8, 1, sizeof(StringIndex::Slot),          // string offsets and bytes, id index
    1, sizeof(TieRecord), 4, 1, 1, 8,         // names, ties, tie events, ..., tie strengths
    sizeof(EventKeys), 4};                    // event keys, block table

constexpr const char* kSectionName[kSections] = {
    "vertices",       "out starts",   "out targets", "out kinds",   "in starts",
    "in sources",     "in rows",      "in kinds",    "string offsets", "string bytes",
    "id index",       "names",        "ties",        "tie events",  "vertex flags",
    "summary",        "tie strengths", "event keys", "block table"};

// The block's checksum on the CPU's CRC unit, four chains side by side.
#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t block_checksum_hw(std::string_view block) {
  const std::size_t quarter = block.size() / 4 / 8 * 8;
  const char* p[4] = {block.data(), block.data() + quarter, block.data() + 2 * quarter,
                      block.data() + 3 * quarter};
  std::uint64_t c[4] = {~0u, ~0u, ~0u, ~0u};
  for (std::size_t i = 0; i < quarter; i += 8) {
    std::uint64_t v[4];
    for (int k = 0; k < 4; ++k) std::memcpy(&v[k], p[k] + i, 8);
    for (int k = 0; k < 4; ++k) c[k] = __builtin_ia32_crc32di(c[k], v[k]);
  }
  std::uint32_t crc[4];
  for (int k = 0; k < 4; ++k) crc[k] = ~static_cast<std::uint32_t>(c[k]);
  crc[3] = crc32c(block.substr(4 * quarter), crc[3]);  // the last quarter holds the rest
  return crc32c({reinterpret_cast<const char*>(crc), sizeof crc});
}
#endif

std::uint32_t crc_of(const char* p, std::uint64_t n) {
  return block_checksum({p, static_cast<std::size_t>(n)});
}

// Asks the kernel to map a block's pages in one go (a first touch page by
// page costs a fault per 64 KiB); harmless where unsupported.
void populate(const char* p, std::uint64_t n) {
#ifdef MADV_POPULATE_READ
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(p) & ~(page - 1);
  ::madvise(reinterpret_cast<void*>(begin), reinterpret_cast<std::uintptr_t>(p) + n - begin,
            MADV_POPULATE_READ);
#else
  (void)p, (void)n;
#endif
}

}  // namespace

std::uint64_t section_element(int s) { return kElement[s]; }

std::uint32_t block_checksum(std::string_view block) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("sse4.2")) return block_checksum_hw(block);
#endif
  const std::size_t quarter = block.size() / 4 / 8 * 8;
  std::uint32_t crc[4];
  for (int k = 0; k < 4; ++k) crc[k] = crc32c(block.substr(k * quarter, quarter));
  crc[3] = crc32c(block.substr(4 * quarter), crc[3]);
  return crc32c({reinterpret_cast<const char*>(crc), sizeof crc});
}

std::uint64_t count_blocks(const SnapshotHeader& h, std::uint64_t block_bytes) {
  std::uint64_t n = 0;
  for (int s = 0; s < snap::kBlockCrcs; ++s) {
    const std::uint64_t per = block_elements(s, block_bytes);
    const std::uint64_t elems = h.sections[s].size / kElement[s];
    n += (elems + per - 1) / per;
  }
  return n;
}

std::vector<std::uint32_t> block_checksums_of_file(int fd, const std::string& file,
                                                   const SectionRef* refs,
                                                   std::uint64_t block_bytes) {
  std::vector<std::uint32_t> crcs;
  std::string buf;
  for (int s = 0; s < snap::kBlockCrcs; ++s) {
    const std::uint64_t step = block_elements(s, block_bytes) * kElement[s];
    for (std::uint64_t at = 0; at < refs[s].size; at += step) {
      buf.resize(static_cast<std::size_t>(std::min(step, refs[s].size - at)));
      std::size_t got = 0;
      while (got < buf.size()) {
        ssize_t n = ::pread(fd, buf.data() + got, buf.size() - got,
                            static_cast<off_t>(refs[s].offset + at + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw_errno(file, "cannot read back");
        got += static_cast<std::size_t>(n);
      }
      crcs.push_back(block_checksum(buf));
    }
  }
  return crcs;
}

Mapping::~Mapping() {
  if (data) ::munmap(const_cast<char*>(data), size);
}

SnapshotGate::SnapshotGate(std::shared_ptr<const Mapping> map, const SnapshotHeader& h,
                           std::string path, std::uint64_t ino, SnapshotFailover failover)
    : map_(std::move(map)), h_(h), path_(std::move(path)), ino_(ino),
      failover_(std::move(failover)) {
  const auto* table = reinterpret_cast<const std::uint32_t*>(map_->data +
                                                              h.sections[snap::kBlockCrcs].offset);
  crcs_.assign(table, table + h.blocks);
  std::uint64_t first = 0;
  for (int s = 0; s < snap::kBlockCrcs; ++s) {
    const std::uint64_t per = block_elements(s, h.block_bytes);
    const std::uint64_t n = (h.sections[s].size / kElement[s] + per - 1) / per;
    spans_[s] = {first, per, static_cast<unsigned>(std::countr_zero(per))};
    section_of_.insert(section_of_.end(), n, s);
    first += n;
  }
  spans_[snap::kBlockCrcs] = {first, 1, 0};
  init_bits(h.blocks);
}

std::string SnapshotGate::where(std::uint64_t b) const {
  const int s = section_of_[b];
  return fmt::format("{} block {}", kSectionName[s], b - spans_[s].first_block);
}

std::string SnapshotGate::verify_block(std::uint64_t b) const {
  const int s = section_of_[b];
  const char* sec = map_->data + h_.sections[s].offset;
  const std::uint64_t count = h_.sections[s].size / kElement[s];
  const std::uint64_t i0 = (b - spans_[s].first_block) * spans_[s].per_block;
  const std::uint64_t i1 = std::min(count, i0 + spans_[s].per_block);
  const char* p = sec + i0 * kElement[s];
  populate(p, (i1 - i0) * kElement[s]);
  if (crc_of(p, (i1 - i0) * kElement[s]) != crcs_[b]) return "checksum mismatch: damaged bytes";
  const std::uint64_t nv = h_.vertices, ne = h_.edges, ns = h_.strings;
  // Each branch-free pass folds its faults; the message names the first kind.
  auto below = [&](const auto* a, std::uint64_t limit) {
    bool bad = false;
    for (std::uint64_t i = i0; i < i1; ++i) bad |= a[i] >= limit;
    return !bad;
  };
  auto ascending = [&](const auto* a, std::uint64_t first_value, std::uint64_t last_value) {
    bool bad = i0 == 0 ? a[0] != first_value : a[i0] < a[i0 - 1];  // a[i0 - 1]: see below
    for (std::uint64_t i = i0 + 1; i < i1; ++i) bad |= a[i] < a[i - 1];
    if (i1 == count) bad |= a[count - 1] != last_value;
    return !bad;
  };
  // a[i0 - 1] may lie in a block not checked yet: if it is wrong, its block
  // fails when it is reached, and nothing reads a row without both ends'
  // blocks checked.
  switch (s) {
    case snap::kVertices: {
      const auto* dv = reinterpret_cast<const DiskVertex*>(sec);
      int faults = 0;
      for (std::uint64_t v = i0; v < i1; ++v) {
        const DiskVertex& x = dv[v];
        std::uint32_t worst = std::max({x.id, x.label, x.country, x.role, x.type, x.cameo, x.root,
                                        x.date, x.evidence, x.article, x.title, x.url, x.outlet,
                                        x.published});
        faults |= (worst >= ns ? 1 : 0) | (x.kind >= kVertexKindCount ? 2 : 0) |
                  (x.status > static_cast<int>(Status::negated) ? 2 : 0) |
                  (x.home != kNoVertex && x.home >= nv ? 2 : 0);
      }
      if (faults & 1) return "a vertex's string id out of range";
      if (faults) return "a vertex's kind, status or home out of range";
      return {};
    }
    case snap::kOutStart:
    case snap::kInStart: {
      const auto* a = reinterpret_cast<const std::uint32_t*>(sec);
      return below(a, ne + 1) && ascending(a, 0, ne) ? "" : "edge rows out of range";
    }
    case snap::kOutTarget:
    case snap::kInSource:
    case snap::kTieEvents:
      return below(reinterpret_cast<const std::uint32_t*>(sec), nv) ? "" : "vertex id out of range";
    case snap::kInRow:
      return below(reinterpret_cast<const std::uint32_t*>(sec), ne) ? "" : "edge row out of range";
    case snap::kOutKind:
    case snap::kInKind:
      return below(reinterpret_cast<const std::uint8_t*>(sec), kEdgeKindCount)
                 ? ""
                 : "edge kind out of range";
    case snap::kStringOffsets: {
      const auto* a = reinterpret_cast<const std::uint64_t*>(sec);
      const std::uint64_t bytes = h_.sections[snap::kStringBytes].size;
      if (!below(a, bytes + 1) || !ascending(a, 0, bytes)) return "string table out of range";
      if (i0 == 0 && count > 1 && a[1] != 0) return "string 0 is not empty";
      return {};
    }
    case snap::kIndex: {
      const auto* slot = reinterpret_cast<const StringIndex::Slot*>(sec);
      bool bad = false;
      for (std::uint64_t i = i0; i < i1; ++i)
        bad |= slot[i].value != StringIndex::kMissing && slot[i].value >= nv;
      return bad ? "id index out of range" : "";
    }
    case snap::kVertexFlags: {
      // VertexFlags: a kind below kVertexKindCount, a status up to negated,
      // bit 7 clear.
      const auto* f = reinterpret_cast<const std::uint8_t*>(sec);
      bool bad = false;
      for (std::uint64_t i = i0; i < i1; ++i)
        bad |= (f[i] >> 1 & 7) >= kVertexKindCount ||
               (f[i] >> 4 & 7) > static_cast<int>(Status::negated) || (f[i] & 0x80) != 0;
      return bad ? "vertex flags out of range" : "";
    }
    case snap::kEventKeys: {
      const auto* k = reinterpret_cast<const EventKeys*>(sec);
      bool bad = false;
      for (std::uint64_t i = i0; i < i1; ++i) bad |= std::max({k[i].type, k[i].date, k[i].cameo}) >= ns;
      return bad ? "an event key's string id out of range" : "";
    }
    default:
      return {};  // bytes, or a small section checked as a whole when opened
  }
}

std::string SnapshotGate::verify_section(int s) const {
  const std::uint64_t first = spans_[s].first_block;
  const std::uint64_t end = s + 1 < snap::kBlockCrcs ? spans_[s + 1].first_block : h_.blocks;
  for (std::uint64_t b = first; b < end; ++b) {
    if (std::string why = verify_block(b); !why.empty()) return where(b) + ": " + why;
    passed(b);
  }
  return {};
}

std::uint64_t SnapshotGate::first_failure(std::uint64_t from, std::uint64_t to) const {
  for (std::uint64_t b = from; b < to; ++b) {
    if (is_checked(b)) continue;
    if (!verify_block(b).empty()) return b;
    passed(b);
  }
  return to;
}

std::pair<std::uint64_t, std::uint64_t> SnapshotGate::first_failures(std::uint64_t from,
                                                                     std::uint64_t end) const {
  // Two halves side by side: a whole check costs the longer one.
  const std::uint64_t mid = from + (end - from) / 2;
  auto second_half = [this, mid, end] { return first_failure(mid, end); };
  std::future<std::uint64_t> second;
  try {
    second = std::async(std::launch::async, second_half);
  } catch (const std::system_error&) {  // no thread to be had: in turn
    second = std::async(std::launch::deferred, second_half);
  }
  std::uint64_t a = first_failure(from, mid);
  return {a == mid ? end : a, second.get()};
}

std::string SnapshotGate::verify_all() const {
  auto [a, b] = first_failures(0, h_.blocks);
  const std::uint64_t bad = std::min(a, b);
  return bad == h_.blocks ? "" : where(bad) + ": " + verify_block(bad);
}

void SnapshotGate::check_section(int s) const {
  // A damaged block (each half stops at its first) is failed over here, on
  // this thread, then the rest is checked.
  const std::uint64_t from = spans_[s].first_block;
  const std::uint64_t end = s + 1 < snap::kBlockCrcs ? spans_[s + 1].first_block : h_.blocks;
  while (true) {
    const auto [a, b] = first_failures(from, end);
    if (a == end && b == end) return;
    if (a != end) check(a);
    if (b != end) check(b);
  }
}

bool SnapshotGate::remap() const {
  Fd fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat sb {};
  if (!fd || ::fstat(fd.get(), &sb) != 0 || static_cast<std::uint64_t>(sb.st_size) != map_->size)
    return false;
  // The same header, but for the whole log's checksum: a query's rebuild
  // does not compute it (a build does), and both stamps cover the same
  // bytes of the same log.
  SnapshotHeader h, mine = h_;
  if (::pread(fd.get(), &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) return false;
  const SnapshotHeader theirs = h;
  for (SnapshotHeader* x : {&h, &mine}) x->header_crc = 0, x->log_crc = 0, x->log_full = 0;
  if (std::memcmp(&h, &mine, sizeof h) != 0) return false;
  h = theirs;
  std::vector<std::uint32_t> table(crcs_.size());
  const auto bytes = static_cast<ssize_t>(table.size() * 4);
  if (::pread(fd.get(), table.data(), static_cast<std::size_t>(bytes),
              static_cast<off_t>(h.sections[snap::kBlockCrcs].offset)) != bytes ||
      table != crcs_)
    return false;
  void* p = ::mmap(const_cast<char*>(map_->data), map_->size, PROT_READ, MAP_PRIVATE | MAP_FIXED,
                   fd.get(), 0);
  if (p == MAP_FAILED) throw Error(fmt::format("{}: cannot map: {}", path_, std::strerror(errno)));
  ino_ = sb.st_ino;
  return true;
}

void SnapshotGate::check(std::uint64_t b) const {
  if (verify_block(b).empty()) return passed(b);
  std::lock_guard<std::mutex> lock(failing_over_);
  std::string why = verify_block(b);  // another thread may have failed over meanwhile
  if (why.empty()) return passed(b);
  const std::string reason = where(b) + ": " + why;
  if (!failover_) throw Error(fmt::format("{}: damaged snapshot ({})", path_, reason));
  failover_(reason, ino_);
  if (!remap())
    throw Error(fmt::format("{}: damaged snapshot ({}); it was rebuilt from the log, "
                            "laid out otherwise: run the command again",
                            path_, reason));
  if (why = verify_block(b); !why.empty())
    throw Error(fmt::format("{}: damaged snapshot ({}: {}), even rebuilt", path_, where(b), why));
  passed(b);
}

}  // namespace dipgraph::detail
