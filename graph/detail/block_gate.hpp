// BlockGate: the check of a mapped snapshot's blocks on first use
// (docs/graph.md, "Layout (version 10)"). A snapshot's big sections are cut
// into blocks of about 1 MiB, each with its own CRC-32C; opening checks only
// the header and the small sections, and every accessor of a borrowed array
// (CsrGraph, StringPool, StringIndex, the stored ties' events) asks the gate
// for the elements it is about to read. The first time a block is asked
// for, it is checksummed and every index in it range-checked; a bitmap
// remembers the blocks that passed, so the hot path is one bit test per
// asked range. Include only from graph/ internals (through csr_graph.hpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace dipgraph::detail {

// The sections of a snapshot file, in file order (graph/snapshot.cpp). The
// gated arrays are all but the last, the table of the blocks' checksums.
namespace snap {
enum Section {
  kVertices,
  kOutStart,
  kOutTarget,
  kOutKind,
  kInStart,
  kInSource,
  kInRow,
  kInKind,
  kStringOffsets,
  kStringBytes,
  kIndex,
  kNames,
  kTies,
  kTieEvents,
  kVertexFlags,
  kSummary,
  kTieStrengths,
  kEventKeys,
  kBlockCrcs,
  kSections
};
}  // namespace snap

class BlockGate {
 public:
  virtual ~BlockGate() = default;

  // Elements [first, last) of section `s` are about to be read: checks each
  // of their blocks that was not checked yet. Returns only when all passed:
  // a damaged block is failed over (the snapshot rebuilt from the log and
  // mapped in place of the damaged one) or throws Error.
  void need(int s, std::uint64_t first, std::uint64_t last) const {
    if (first >= last) return;
    const Span& r = spans_[s];
    const std::uint64_t e = r.first_block + ((last - 1) >> r.shift);
    for (std::uint64_t b = r.first_block + (first >> r.shift); b <= e; ++b)
      if (!(bits_[b >> 6].load(std::memory_order_acquire) >> (b & 63) & 1)) check(b);
  }
  void need(int s, std::uint64_t i) const { need(s, i, i + 1); }

  // Blocks checked so far, and in all (for tests and benchmarks).
  std::uint64_t checked_blocks() const { return checked_.load(std::memory_order_relaxed); }
  std::uint64_t total_blocks() const { return total_; }

 protected:
  struct Span {
    std::uint64_t first_block = 0, per_block = 1;  // elements per block: a power of two
    unsigned shift = 0;                              // log2(per_block)
  };
  // Checks block `b` (out of the hot path); on success calls passed(b).
  virtual void check(std::uint64_t b) const = 0;
  bool is_checked(std::uint64_t b) const {
    return bits_[b >> 6].load(std::memory_order_acquire) >> (b & 63) & 1;
  }
  void passed(std::uint64_t b) const {
    if (!(bits_[b >> 6].fetch_or(std::uint64_t{1} << (b & 63), std::memory_order_acq_rel) >>
              (b & 63) & 1))
      checked_.fetch_add(1, std::memory_order_relaxed);
  }
  void init_bits(std::uint64_t total) {
    total_ = total;
    bits_ = std::make_unique<std::atomic<std::uint64_t>[]>(total / 64 + 1);
    for (std::uint64_t i = 0; i <= total / 64; ++i) bits_[i].store(0, std::memory_order_relaxed);
  }

  Span spans_[snap::kSections];

 private:
  std::unique_ptr<std::atomic<std::uint64_t>[]> bits_;
  std::uint64_t total_ = 0;
  mutable std::atomic<std::uint64_t> checked_{0};
};

}  // namespace dipgraph::detail
