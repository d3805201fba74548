// The snapshot file's format (graph/snapshot.cpp writes and maps it) and the
// gate that checks its blocks on first use (graph/snapshot_blocks.cpp).
// Internal to graph/: the public interface is graph/snapshot.hpp.
//
// Since version 8, every section but the last is cut into blocks of at
// most `block_bytes` (1 MiB) holding a power of two of whole elements
// (version 9; the vertex flags are version 9's too); the last section is
// the table of the blocks' CRC-32C (u32 each, in file order), whose own
// CRC-32C is in the header. A reader checks the header, the table and the
// small sections when it opens the file, and each other block when a query
// first reaches it (SnapshotGate), or every block at once (check, batches).
#pragma once

#include <bit>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/detail/block_gate.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph::detail {

using snap::Section;
using snap::kSections;

constexpr char kSnapshotMagic[8] = {'D', 'G', 'S', 'N', 'A', 'P', '\r', '\n'};
constexpr std::uint32_t kSnapshotVersion = 10;
constexpr std::uint32_t kSnapshotEndian = 0x01020304u;
// Why 1 MiB: checking a block costs about 0.1 ms of CRC and range checks,
// the first touch of a few scattered strings or vertices costs no more than
// a few such blocks, and the table stays small (about 2,900 entries, 12 KB,
// for the 2.97 GB of ten million facts) so opening reads it in microseconds.
constexpr std::uint64_t kBlockBytes = std::uint64_t{1} << 20;

struct SectionRef {
  std::uint64_t offset = 0, size = 0;
};

struct SnapshotHeader {
  char magic[8];
  std::uint32_t version = kSnapshotVersion;
  std::uint32_t endian = kSnapshotEndian;
  std::uint64_t file_size = 0;
  std::uint32_t header_crc = 0;  // of the header with this field 0
  std::uint32_t blocks_crc = 0;  // CRC-32C of the block checksums' table (kBlockCrcs)
  std::uint64_t block_bytes = 0, blocks = 0;  // the blocks' nominal size and count
  // The stamp.
  std::uint64_t log_size = 0, log_dev = 0, log_ino = 0;
  std::uint32_t log_tail_crc = 0, log_crc = 0;
  std::uint64_t log_full = 0;
  std::uint64_t names = 0;
  // The hash of the id index, probed: an index built with another hash is useless.
  std::uint64_t hash_probe = 0;
  std::uint64_t vertices = 0, edges = 0, strings = 0, index_size = 0, ties = 0, tie_events = 0;
  std::uint64_t kind_counts[kVertexKindCount] = {};
  std::uint64_t facts = 0, events = 0, duplicates = 0;
  SectionRef sections[kSections];
};
static_assert(sizeof(SnapshotHeader) % 8 == 0);

// A vertex on disk: VertexData field by field, with its padding spelled
// out (written as zeros), so that the mapped array is used as VertexData[V].
struct DiskVertex {
  std::uint32_t id, label;
  std::uint8_t kind, quad_class, pad[2];
  std::uint32_t status;  // Status is an int
  std::uint32_t country, role, home, type, cameo, root, date, evidence, article;
  std::uint32_t title, url, outlet, published;
  std::int32_t mentions;
  double goldstein, confidence;
};

// A block's checksum: the CRC-32C of each quarter of the block, computed
// side by side (four independent chains keep the CPU's CRC unit busy: about
// three times the speed of one chain), then the CRC-32C of the four.
std::uint32_t block_checksum(std::string_view block);

// The size of one element of section `s` (1 for byte sections).
std::uint64_t section_element(int s);
// Elements per block of section `s` for blocks of `block_bytes`: the
// largest power of two that fits (11,915 vertices of 88 bytes would fit in
// 1 MiB; a block holds 8,192), so that the gate finds an element's block by
// a shift, not a division, on every access.
inline std::uint64_t block_elements(int s, std::uint64_t block_bytes) {
  const std::uint64_t n = block_bytes / section_element(s);
  return n ? std::bit_floor(n) : 1;
}
// The blocks of every gated section of a header whose sizes passed the
// layout check, in file order.
std::uint64_t count_blocks(const SnapshotHeader& h, std::uint64_t block_bytes);

// The blocks' checksums of the sections `refs` of the file `fd`, read back
// (the writer streams the file and never holds it whole). Throws Error.
std::vector<std::uint32_t> block_checksums_of_file(int fd, const std::string& file,
                                                   const SectionRef* refs,
                                                   std::uint64_t block_bytes);

// A read-only mapping of a whole snapshot file.
struct Mapping {
  const char* data = nullptr;
  std::size_t size = 0;
  ~Mapping();
};

// Rebuilds the snapshot at the gate's path from the log when a block turns
// out damaged: called with the reason and the inode of the file that was
// mapped (if the file at the path is another one, a reader rebuilt it
// already). Throws Error if it cannot.
using SnapshotFailover = std::function<void(const std::string& reason, std::uint64_t mapped_ino)>;

// The gate of one mapped snapshot whose header, layout and block table
// passed their checks.
class SnapshotGate final : public BlockGate {
 public:
  SnapshotGate(std::shared_ptr<const Mapping> map, const SnapshotHeader& h, std::string path,
               std::uint64_t ino, SnapshotFailover failover);
  // Checks every block of section `s` now; returns an empty string, or what
  // is wrong (no failover).
  std::string verify_section(int s) const;
  // Checks every block of the file now, on two threads; same result.
  std::string verify_all() const;
  // Checks every block of section `s` not checked yet, on two threads; a
  // damaged one is then failed over as on first use (or throws Error).
  void check_section(int s) const;
  const std::shared_ptr<const Mapping>& mapping() const { return map_; }
  // The blocks of section `s`, and which of them holds its element `i`.
  std::uint64_t section_blocks(int s) const {
    const std::uint64_t end = s + 1 < snap::kBlockCrcs ? spans_[s + 1].first_block : h_.blocks;
    return end - spans_[s].first_block;
  }
  std::uint64_t block_in_section(int s, std::uint64_t i) const { return i >> spans_[s].shift; }

 private:
  void check(std::uint64_t b) const override;
  // Checksum and range checks of block b; empty, or what is wrong.
  std::string verify_block(std::uint64_t b) const;
  std::string where(std::uint64_t b) const;  // "out rows block 3"
  // The first block of [from, to) not checked yet that fails (`to` if
  // none), marking those that pass; then that of each half of [from, to),
  // side by side (`to` for none).
  std::uint64_t first_failure(std::uint64_t from, std::uint64_t to) const;
  std::pair<std::uint64_t, std::uint64_t> first_failures(std::uint64_t from,
                                                         std::uint64_t to) const;
  bool remap() const;  // maps the rebuilt file in place, if it holds the same bytes

  std::shared_ptr<const Mapping> map_;
  SnapshotHeader h_;
  std::vector<std::uint32_t> crcs_;
  std::vector<int> section_of_;  // block -> section
  std::string path_;
  mutable std::uint64_t ino_;
  SnapshotFailover failover_;
  mutable std::mutex failing_over_;
};

}  // namespace dipgraph::detail
