// The graph snapshot file: write a KnowledgeGraph out, map it back in.
//
// Layout (version 10, little-endian, every section 8-byte aligned; the full
// description is docs/graph.md, "The snapshot"; the header and the blocks
// are graph/detail/snapshot_format.hpp):
//
//   Header        magic "DGSNAP\r\n", version, sizes, the LogStamp, the
//                 header's CRC-32C and the block table's, a section table
//   vertices      VertexData[V], field by field (DiskVertex)
//   out rows      u32 out_start[V + 1], u32 out_target[E], u8 out_kind[E]
//   in rows       u32 in_start[V + 1], u32 in_source[E], u32 in_row[E], u8 in_kind[E]
//   string offs   u64[S + 1]: string i is bytes[offs[i] .. offs[i+1])
//   string bytes  the interned strings (StrId = index)
//   id index      StringIndex::Slot[slots]: stable id -> vertex, as built
//   names         the resolution keys: {u32 len, key, u32 n, {u32 vertex, u32 rank}[n]}...
//   ties          TieRecord[T]: the country view, ordered by (a, b)
//   tie events    u32[sum of counts]: each tie's events, in graph order
//   vertex flags  u8[V]: each vertex's kind and status, and whether it is an
//                 entity no fact named yet (VertexFlags; for extending)
//   summary       the whole graph's aggregates (graph/graph_summary.hpp)
//   tie strengths f64[T]: each tie's strength at the default half-life and
//                 the summary's reference day (queries/neighbors.hpp)
//   event keys    EventKeys[V]: each event's type, date, code and confidence
//                 (zeros for entities), for a filter's pass over every event
//   block table   u32 CRC-32C of each block of the sections above
//
// Reading maps the file and checks the header, the block table and the
// small sections (names, ties, summary, strengths, vertex flags); every
// other block is checked (checksum and the range of every index in it)
// either all before anything is used, or, for a query's graph, each when
// the query first reaches it (SnapshotGate). The graph then runs on the
// mapped arrays as they lie (graph/detail/csr_graph.hpp): nothing is
// rebuilt. A file that fails any check is `damaged`.
#include "graph/snapshot.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <system_error>
#include <type_traits>
#include <map>
#include <optional>

#include "graph/country_view.hpp"
#include "graph/detail/boost_graph.hpp"
#include "graph/detail/files.hpp"
#include "graph/detail/snapshot_format.hpp"
#include "graph/fact_store.hpp"
#include "graph/tie_tally.hpp"

namespace dipgraph {

namespace fs = std::filesystem;
using detail::Fd;
using detail::throw_errno;
using detail::DiskVertex;
using detail::Section;
using detail::SectionRef;
using detail::kSections;
using Header = detail::SnapshotHeader;
using namespace detail::snap;

namespace {

#define DIPGRAPH_SAME_FIELD(f) offsetof(DiskVertex, f) == offsetof(VertexData, f)
static_assert(sizeof(DiskVertex) == 88 && sizeof(VertexData) == sizeof(DiskVertex) &&
              sizeof(Status) == 4 &&
              DIPGRAPH_SAME_FIELD(id) && DIPGRAPH_SAME_FIELD(label) && DIPGRAPH_SAME_FIELD(kind) &&
              DIPGRAPH_SAME_FIELD(quad_class) && DIPGRAPH_SAME_FIELD(status) &&
              DIPGRAPH_SAME_FIELD(country) && DIPGRAPH_SAME_FIELD(role) &&
              DIPGRAPH_SAME_FIELD(home) && DIPGRAPH_SAME_FIELD(type) &&
              DIPGRAPH_SAME_FIELD(cameo) && DIPGRAPH_SAME_FIELD(root) &&
              DIPGRAPH_SAME_FIELD(date) && DIPGRAPH_SAME_FIELD(evidence) &&
              DIPGRAPH_SAME_FIELD(article) && DIPGRAPH_SAME_FIELD(title) &&
              DIPGRAPH_SAME_FIELD(url) && DIPGRAPH_SAME_FIELD(outlet) &&
              DIPGRAPH_SAME_FIELD(published) && DIPGRAPH_SAME_FIELD(mentions) &&
              DIPGRAPH_SAME_FIELD(goldstein) && DIPGRAPH_SAME_FIELD(confidence));
#undef DIPGRAPH_SAME_FIELD
static_assert(std::is_trivially_copyable_v<VertexData> && std::is_standard_layout_v<VertexData>);


std::uint64_t hash_probe() {
  return detail::StringIndex::hash("dipgraph snapshot hash probe: country:PAK");
}

std::uint64_t align8(std::uint64_t n) { return (n + 7) & ~std::uint64_t{7}; }

// The snapshot file being written: sections streamed through a buffer, each
// with its place recorded. Starts after the header's room.
class BodyWriter {
 public:
  BodyWriter(int fd, const fs::path& file) : fd_(fd), file_(file) {
    buf_.reserve(kChunk);
    buf_.assign(sizeof(Header), '\0');
  }
  std::uint64_t size() const { return flushed_ + buf_.size(); }
  void align() { zeros(align8(size()) - size()); }
  void begin(Section s) {
    align();
    refs_[s].offset = size();
  }
  void end(Section s) { refs_[s].size = size() - refs_[s].offset; }
  template <class T>
  void put(const T& value) {
    put_bytes({reinterpret_cast<const char*>(&value), sizeof value});
  }
  void put_bytes(std::string_view s) {
    if (buf_.size() + s.size() > kChunk) flush();
    if (s.size() >= kChunk) {
      detail::write_all(fd_, s, file_);
      flushed_ += s.size();
    } else {
      buf_.append(s);
    }
  }
  void zeros(std::size_t n) {
    for (; n > 0; n -= std::min<std::size_t>(n, 4096)) put_bytes(std::string(std::min<std::size_t>(n, 4096), '\0'));
  }
  void flush() {
    detail::write_all(fd_, buf_, file_);
    flushed_ += buf_.size();
    buf_.clear();
  }
  template <class T>
  friend void put_bytes_of(BodyWriter& w, const std::vector<T>& v) {
    w.put_bytes({reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)});
  }
  const SectionRef* refs() const { return refs_; }

 private:
  static constexpr std::size_t kChunk = std::size_t{4} << 20;
  int fd_;
  const fs::path& file_;
  std::string buf_;
  std::uint64_t flushed_ = 0;
  SectionRef refs_[kSections];
};

}  // namespace

std::string_view to_string(SnapshotState state) {
  switch (state) {
    case SnapshotState::fresh: return "fresh";
    case SnapshotState::missing: return "missing";
    case SnapshotState::stale: return "stale";
    case SnapshotState::damaged: return "damaged";
  }
  return "?";
}

fs::path snapshot_path(const fs::path& dir) { return dir / "graph.snapshot"; }

SnapshotLock::SnapshotLock(const fs::path& dir, bool wait) {
  fs::path lock = dir / "SNAPSHOT.LOCK";
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return;
  while (::flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    ::close(fd);
    return;
  }
  fd_ = fd;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename().string().rfind("graph.snapshot.tmp.", 0) == 0)
      fs::remove(entry.path(), ec);
}

SnapshotLock::~SnapshotLock() {
  if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

namespace {
void write_snapshot_file(const KnowledgeGraph& graph, const LogStamp& stamp,
                         const CountryView& view, std::size_t tie_events, int fd,
                         const fs::path& file);
}  // namespace

void write_snapshot(const KnowledgeGraph& graph, const LogStamp& stamp, const fs::path& path,
                    const CountryView* given_view) {
  // What a snapshot stores is tallied by the default rule, whatever the
  // command that writes it counts (--count-unrealized).
  struct DefaultTally {
    bool was = counting_unrealized();
    DefaultTally() { set_count_unrealized(false); }
    ~DefaultTally() { set_count_unrealized(was); }
  } default_tally;
  std::optional<CountryView> own_view;
  if (!given_view) own_view.emplace(graph);
  const CountryView& view = given_view ? *given_view : *own_view;
  std::size_t tie_events = 0;
  for (const CountryTie& t : view.ties()) tie_events += t.events.size();
  fs::path tmp = path;
  tmp += fmt::format(".tmp.{}", ::getpid());
  Fd fd(detail::open_store_file(tmp, O_RDWR | O_CREAT | O_TRUNC, 0644));
  if (!fd) throw_errno(tmp, "cannot create");
  try {
    write_snapshot_file(graph, stamp, view, tie_events, fd.get(), tmp);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  fd = Fd();
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw_errno(path, "cannot replace");
  }
}

namespace {

// The snapshot of `graph` streamed to the open file `fd` (named `file`):
// the body section by section, then its checksum read back, then the header.
void write_snapshot_file(const KnowledgeGraph& graph, const LogStamp& stamp,
                         const CountryView& view, std::size_t tie_events, int fd,
                         const fs::path& file) {
  const detail::GraphImpl& m = graph.impl();
  const detail::CsrGraph::Arrays& g = m.g.arrays();
  const std::size_t nv = g.num_vertices, ne = g.num_edges;
  BodyWriter w(fd, file);
  auto put_array = [&](Section s, const auto* data, std::size_t n) {
    w.begin(s);
    w.put_bytes({reinterpret_cast<const char*>(data), n * sizeof *data});
    w.end(s);
  };

  w.begin(kVertices);
  for (std::size_t v = 0; v < nv; ++v) {
    const VertexData& d = g.vertices[v];
    DiskVertex x{};
    x.id = d.id, x.label = d.label, x.country = d.country, x.role = d.role, x.home = d.home;
    x.type = d.type, x.cameo = d.cameo, x.root = d.root, x.date = d.date;
    x.evidence = d.evidence, x.article = d.article, x.mentions = d.mentions;
    x.title = d.title, x.url = d.url, x.outlet = d.outlet, x.published = d.published;
    x.goldstein = d.goldstein, x.confidence = d.confidence;
    x.kind = static_cast<std::uint8_t>(d.kind), x.quad_class = d.quad_class;
    x.status = static_cast<std::uint32_t>(d.status);
    w.put(x);
  }
  w.end(kVertices);
  put_array(kOutStart, g.out_start, nv + 1);
  put_array(kOutTarget, g.out_target, ne);
  put_array(kOutKind, g.out_props, ne);
  put_array(kInStart, g.in_start, nv + 1);
  put_array(kInSource, g.in_source, ne);
  put_array(kInRow, g.in_row, ne);
  put_array(kInKind, g.in_props, ne);
  w.begin(kStringOffsets);
  std::uint64_t at = 0;
  for (std::size_t i = 0; i < m.strings.size(); ++i) {
    w.put(at);
    at += m.strings.view(static_cast<StrId>(i)).size();
  }
  w.put(at);
  w.end(kStringOffsets);
  w.begin(kStringBytes);
  for (std::size_t i = 0; i < m.strings.size(); ++i) w.put_bytes(m.strings.view(static_cast<StrId>(i)));
  w.end(kStringBytes);
  put_array(kIndex, m.index.slot_data(), m.index.slot_count());
  w.begin(kNames);
  std::map<std::string_view, const std::vector<detail::NameEntry>*> sorted;  // a stable order
  for (const auto& [key, entries] : m.names) sorted.emplace(key, &entries);
  for (const auto& [key, entries] : sorted) {
    w.put(static_cast<std::uint32_t>(key.size()));
    w.put_bytes(key);
    w.put(static_cast<std::uint32_t>(entries->size()));
    for (const auto& e : *entries) {
      w.put(e.vertex);
      w.put(static_cast<std::uint32_t>(e.rank));
    }
  }
  w.end(kNames);
  w.begin(kTies);
  std::uint64_t events_end = 0;
  for (const CountryTie& t : view.ties()) {
    detail::TieRecord r{};
    r.a = t.a, r.b = t.b, r.count = t.count;
    std::copy(std::begin(t.by_quad), std::end(t.by_quad), r.by_quad);
    r.a_to_b = t.a_to_b, r.b_to_a = t.b_to_a;
    r.first_date = t.first_date, r.last_date = t.last_date;
    r.goldstein_sum = t.goldstein_sum;
    r.happened = t.happened;
    std::copy(std::begin(t.by_tone), std::end(t.by_tone), r.by_tone);
    events_end += t.events.size();
    r.events_end = events_end;
    w.put(r);
  }
  w.end(kTies);
  w.begin(kTieEvents);
  for (const CountryTie& t : view.ties()) put_bytes_of(w, t.events);
  w.end(kTieEvents);
  w.begin(kVertexFlags);
  if (m.flags.size() == nv)
    put_bytes_of(w, m.flags);
  else
    for (std::size_t v = 0; v < nv; ++v) w.put(VertexFlags::of(g.vertices[v], false));
  w.end(kVertexFlags);
  w.begin(kSummary);
  std::optional<GraphSummary> own_summary;
  if (!m.summary) own_summary.emplace(summarize_graph(graph, view));
  const GraphSummary& sum = m.summary ? *m.summary : *own_summary;
  std::string summary;
  append_summary(sum, summary);
  w.put_bytes(summary);
  w.end(kSummary);
  put_array(kTieStrengths, tie_strengths(view, sum.newest_day).data(), view.ties().size());
  w.begin(kEventKeys);
  for (std::size_t v = 0; v < nv; ++v) w.put(EventKeys::of(g.vertices[v]));
  w.end(kEventKeys);
  w.align();
  w.flush();
  // The blocks' checksums, read back from the file (the page cache).
  const std::vector<std::uint32_t> crcs =
      detail::block_checksums_of_file(fd, file.string(), w.refs(), detail::kBlockBytes);
  put_array(kBlockCrcs, crcs.data(), crcs.size());
  w.align();
  w.flush();

  Header h;
  std::memcpy(h.magic, detail::kSnapshotMagic, sizeof h.magic);
  h.file_size = w.size();
  h.log_size = stamp.size, h.log_dev = stamp.dev, h.log_ino = stamp.ino;
  h.log_tail_crc = stamp.tail_crc, h.log_crc = stamp.crc, h.log_full = stamp.full;
  h.names = stamp.names;
  h.hash_probe = hash_probe();
  h.vertices = nv, h.edges = ne, h.strings = m.strings.size();
  h.index_size = m.index.size();
  h.ties = view.ties().size(), h.tie_events = tie_events;
  for (int k = 0; k < kVertexKindCount; ++k) h.kind_counts[k] = m.kind_counts[k];
  h.facts = m.stats.facts, h.events = m.stats.events, h.duplicates = m.stats.duplicates;
  std::memcpy(h.sections, w.refs(), sizeof h.sections);
  h.block_bytes = detail::kBlockBytes, h.blocks = crcs.size();
  h.blocks_crc = detail::crc32c(
      {reinterpret_cast<const char*>(crcs.data()), crcs.size() * sizeof(std::uint32_t)});
  h.header_crc = detail::crc32c({reinterpret_cast<const char*>(&h), sizeof h});
  if (::pwrite(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h))
    throw_errno(file, "cannot write");
}

}  // namespace
namespace {

using detail::Mapping;
using detail::SnapshotGate;

// The counts of the header against the sizes of its sections; returns an
// empty string, or what is wrong. Cheap: checked before anything is read.
std::string check_layout(const Header& h) {
  auto expect = [&](Section s, std::uint64_t bytes) { return h.sections[s].size == bytes; };
  const std::uint64_t nv = h.vertices, ne = h.edges, ns = h.strings, nt = h.ties;
  if (nv >= kNoVertex || ne >= 0xffffffffu || ns == 0 || ns >= 0xffffffffu || nt >= 0xffffffffu ||
      h.tie_events >= (std::uint64_t{1} << 40) || h.block_bytes < 4096 ||
      h.block_bytes > (std::uint64_t{1} << 30))
    return "impossible sizes";
  const std::uint64_t slots = h.sections[kIndex].size / sizeof(detail::StringIndex::Slot);
  if (!expect(kVertices, nv * sizeof(DiskVertex)) || !expect(kOutStart, (nv + 1) * 4) ||
      !expect(kOutTarget, ne * 4) || !expect(kOutKind, ne) || !expect(kInStart, (nv + 1) * 4) ||
      !expect(kInSource, ne * 4) || !expect(kInRow, ne * 4) || !expect(kInKind, ne) ||
      !expect(kStringOffsets, (ns + 1) * 8) || !expect(kTies, nt * sizeof(detail::TieRecord)) ||
      !expect(kTieEvents, h.tie_events * 4) || !expect(kVertexFlags, nv) ||
      !expect(kTieStrengths, nt * sizeof(double)) || !expect(kEventKeys, nv * sizeof(EventKeys)) ||
      slots * sizeof(detail::StringIndex::Slot) != h.sections[kIndex].size ||
      (slots & (slots - 1)) != 0 || h.index_size > slots || (slots && h.index_size == slots))
    return "section sizes do not match the counts";
  if (h.blocks != detail::count_blocks(h, h.block_bytes) || !expect(kBlockCrcs, h.blocks * 4))
    return "block table does not match the sections";
  if (h.hash_probe != hash_probe()) return "written with another string hash";
  return {};
}

// Turns a snapshot whose layout passed check_layout into a graph. The small
// sections are checked here (through `gate`, whose other blocks are checked
// already, or on first use when the graph is `lazy`); returns an empty
// string, or what is wrong (then the snapshot is damaged).
std::string assemble(const std::shared_ptr<const SnapshotGate>& gate, const Header& h,
                     std::unique_ptr<detail::GraphImpl>& out, bool load, bool lazy) {
  const char* base = gate->mapping()->data;
  auto section = [&](Section s) { return base + h.sections[s].offset; };
  const std::uint64_t nv = h.vertices, ns = h.strings, nt = h.ties;
  const std::uint64_t slots = h.sections[kIndex].size / sizeof(detail::StringIndex::Slot);
  for (Section s : {kNames, kTies, kTieStrengths, kSummary, kVertexFlags})
    if (std::string why = gate->verify_section(s); !why.empty()) return why;

  const auto* ties = reinterpret_cast<const detail::TieRecord*>(section(kTies));
  const auto* tie_events = reinterpret_cast<const std::uint32_t*>(section(kTieEvents));
  std::uint64_t events_end = 0;
  for (std::uint64_t i = 0; i < nt; ++i) {
    const detail::TieRecord& t = ties[i];
    if (t.a >= t.b || t.b >= nv || t.first_date >= ns || t.last_date >= ns ||
        t.events_end < events_end || t.events_end > h.tie_events ||
        (i > 0 && std::pair(ties[i - 1].a, ties[i - 1].b) >= std::pair(t.a, t.b)))
      return fmt::format("country tie {}: out of range or order", i);
    events_end = t.events_end;
  }
  if (events_end != h.tie_events) return "country ties do not cover their events";

  auto impl = std::make_unique<detail::GraphImpl>();
  // Names first: the blob is parsed with bounds checks.
  {
    const char* p = section(kNames);
    const char* end = p + h.sections[kNames].size;
    auto get32 = [&](std::uint32_t& x) {
      if (end - p < 4) return false;
      std::memcpy(&x, p, 4);
      p += 4;
      return true;
    };
    while (p < end) {
      std::uint32_t len, n;
      if (!get32(len) || static_cast<std::uint64_t>(end - p) < len) return "names table torn";
      std::string key(p, len);
      p += len;
      if (!get32(n) || static_cast<std::uint64_t>(end - p) / 8 < n) return "names table torn";
      auto& entries = impl->names[std::move(key)];
      entries.reserve(n);
      for (std::uint32_t i = 0; i < n; ++i) {
        std::uint32_t v = 0, rank = 0;
        get32(v), get32(rank);
        if (v >= nv || rank > 255) return "names table out of range";
        entries.push_back({v, static_cast<std::uint8_t>(rank)});
      }
    }
  }
  if (!load) return {};

  const auto* flags = reinterpret_cast<const std::uint8_t*>(section(kVertexFlags));
  impl->flags.assign(flags, flags + nv);
  impl->summary.emplace();
  if (std::string why = read_summary({section(kSummary), h.sections[kSummary].size}, nv, ns,
                                     *impl->summary);
      !why.empty())
    return why;
  const detail::BlockGate* g = lazy ? gate.get() : nullptr;
  const auto* offs = reinterpret_cast<const std::uint64_t*>(section(kStringOffsets));
  impl->strings.adopt(section(kStringBytes), h.sections[kStringBytes].size, offs, ns, g);
  const auto* slot = reinterpret_cast<const detail::StringIndex::Slot*>(section(kIndex));
  if (slots) impl->index.borrow(slot, slots, h.index_size, g);
  for (int k = 0; k < kVertexKindCount; ++k) impl->kind_counts[k] = h.kind_counts[k];
  impl->stats = BuildStats{h.facts, h.events, h.duplicates};
  detail::CsrGraph::Arrays a;
  a.vertices = reinterpret_cast<const VertexData*>(section(kVertices));
  a.num_vertices = static_cast<std::uint32_t>(nv);
  a.num_edges = static_cast<std::uint32_t>(h.edges);
  a.out_start = reinterpret_cast<const std::uint32_t*>(section(kOutStart));
  a.out_target = reinterpret_cast<const std::uint32_t*>(section(kOutTarget));
  a.out_props = reinterpret_cast<const detail::EdgeProps*>(section(kOutKind));
  a.in_start = reinterpret_cast<const std::uint32_t*>(section(kInStart));
  a.in_source = reinterpret_cast<const std::uint32_t*>(section(kInSource));
  a.in_row = reinterpret_cast<const std::uint32_t*>(section(kInRow));
  a.in_props = reinterpret_cast<const detail::EdgeProps*>(section(kInKind));
  impl->g.borrow(a, g);
  impl->event_keys = reinterpret_cast<const EventKeys*>(section(kEventKeys));
  impl->country_view = detail::StoredCountryView{
      ties, nt, tie_events, reinterpret_cast<const double*>(section(kTieStrengths)), g};
  impl->backing = gate->mapping();
  if (lazy) impl->gate = gate;
  out = std::move(impl);
  return {};
}

}  // namespace

SnapshotRead read_snapshot(const fs::path& path, const LogStamp& now, bool load,
                           const fs::path* log, const LazyChecks* lazy_checks) {
  SnapshotRead r;
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    r.state = errno == ENOENT ? SnapshotState::missing : SnapshotState::damaged;
    r.reason = errno == ENOENT ? "no snapshot yet" : fmt::format("cannot open: {}", std::strerror(errno));
    return r;
  }
  auto damaged = [&](std::string why) -> SnapshotRead {
    r.state = SnapshotState::damaged;
    r.reason = std::move(why);
    r.graph.reset();
    return std::move(r);
  };
  struct stat sb {};
  if (::fstat(fd.get(), &sb) != 0) return damaged("cannot stat");
  auto size = static_cast<std::uint64_t>(sb.st_size);
  if (size < sizeof(Header)) return damaged(fmt::format("{} bytes: shorter than its header", size));
  Header h;
  if (::pread(fd.get(), &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h))
    return damaged("cannot read its header");
  if (std::memcmp(h.magic, detail::kSnapshotMagic, sizeof h.magic) != 0)
    return damaged("not a dipgraph snapshot");
  if (h.endian != detail::kSnapshotEndian) return damaged("written on a machine of another byte order");
  if (h.version != detail::kSnapshotVersion)
    return damaged(fmt::format("snapshot version {} (this dipgraph reads {})", h.version,
                               detail::kSnapshotVersion));
  Header zeroed = h;
  zeroed.header_crc = 0;
  if (detail::crc32c({reinterpret_cast<const char*>(&zeroed), sizeof zeroed}) != h.header_crc)
    return damaged("header checksum mismatch");
  if (h.file_size != size)
    return damaged(fmt::format("{} bytes, its header says {}", size, h.file_size));
  for (const SectionRef& s : h.sections)
    if (s.offset < sizeof(Header) || s.offset % 8 != 0 || s.offset > size || s.size > size - s.offset)
      return damaged("section out of bounds");
  if (std::string layout = check_layout(h); !layout.empty()) return damaged(layout);
  r.stamp.size = h.log_size, r.stamp.dev = h.log_dev, r.stamp.ino = h.log_ino;
  r.stamp.tail_crc = h.log_tail_crc, r.stamp.crc = h.log_crc, r.stamp.full = h.log_full != 0;
  r.stamp.names = h.names;

  // A query's graph (lazy) is checked block by block as it is used: its
  // pages are mapped as they are reached too. Anything else is checked
  // whole before anything is handed out.
  const bool stale = !r.stamp.matches(now);
  const bool lazy = lazy_checks && load && !stale;
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (lazy ? 0 : MAP_POPULATE), fd.get(), 0);
  if (p == MAP_FAILED) return damaged(fmt::format("cannot map: {}", std::strerror(errno)));
  auto map = std::make_shared<Mapping>();
  map->data = static_cast<const char*>(p);
  map->size = size;
  const SectionRef& table = h.sections[kBlockCrcs];
  if (detail::crc32c({map->data + table.offset, static_cast<std::size_t>(table.size)}) !=
      h.blocks_crc)
    return damaged("block checksums damaged");
  auto gate = std::make_shared<SnapshotGate>(map, h, path.string(), sb.st_ino,
                                             lazy ? lazy_checks->failover : nullptr);

  if (stale) {
    r.state = SnapshotState::stale;
    if (r.stamp.names != now.names)
      r.reason = "the dictionaries changed since it was written";
    else if (r.stamp.dev != now.dev || r.stamp.ino != now.ino)
      r.reason = "the log was replaced (compacted or repaired) since it was written";
    else if (r.stamp.size != now.size)
      r.reason = fmt::format("it holds {} bytes of the log, the log has {}", r.stamp.size, now.size);
    else
      r.reason = "the log's content differs from what it was built from";
    // A stale file is checked whole too: a damaged one is said to be so.
    if (std::string why = gate->verify_all(); !why.empty()) return damaged(why);
    if (log && load && log_extends(*log, r.stamp, now)) {
      std::unique_ptr<detail::GraphImpl> impl;
      if (std::string why = assemble(gate, h, impl, true, false); !why.empty()) return damaged(why);
      r.extendable = true;
      r.graph.emplace(std::move(impl));
    }
    return r;
  }
  if (!lazy)
    if (std::string why = gate->verify_all(); !why.empty()) return damaged(why);
  std::unique_ptr<detail::GraphImpl> impl;
  if (std::string why = assemble(gate, h, impl, load, lazy); !why.empty()) return damaged(why);
  r.state = SnapshotState::fresh;
  if (load) r.graph.emplace(std::move(impl));
  return r;
}

void check_event_key_blocks(const KnowledgeGraph& graph) {
  if (const auto& gate = graph.impl().gate)
    static_cast<const SnapshotGate&>(*gate).check_section(kEventKeys);
}

void check_vertex_blocks(const KnowledgeGraph& graph) {
  if (const auto& gate = graph.impl().gate)
    static_cast<const SnapshotGate&>(*gate).check_section(kVertices);
}

void check_event_blocks(const KnowledgeGraph& graph, std::span<const VertexId> events) {
  const auto& gate = graph.impl().gate;
  if (!gate || events.size() < 4096) return;
  const auto& checks = static_cast<const SnapshotGate&>(*gate);
  std::vector<char> reached(checks.section_blocks(kVertices), 0);
  std::uint64_t n = 0;
  for (VertexId ev : events) {
    const std::uint64_t b = checks.block_in_section(kVertices, ev);
    if (b < reached.size() && !reached[b]) reached[b] = 1, ++n;
  }
  if (2 * n < reached.size()) return;
  for (Section s : {kVertices, kInStart, kInSource, kInRow, kInKind, kStringOffsets, kStringBytes})
    checks.check_section(s);
}

SnapshotBlocks snapshot_blocks(const KnowledgeGraph& graph) {
  const auto& gate = graph.impl().gate;
  if (!gate) return {};
  return {gate->checked_blocks(), gate->total_blocks()};
}

}  // namespace dipgraph
