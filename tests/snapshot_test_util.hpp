// Helpers for the snapshot tests: a file's header, and resealing a block
// whose bytes a test changed (its checksum, the block table's, the
// header's), so that only the range checks can tell.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "graph/detail/snapshot_format.hpp"

namespace dipgraph::snapshot_test {

inline detail::SnapshotHeader header_of(const std::string& bytes) {
  detail::SnapshotHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  return h;
}

// Reseals the block of section `s` holding file offset `at` in the snapshot
// `bytes`.
inline void reseal_block(std::string& bytes, detail::Section s, std::uint64_t at) {
  detail::SnapshotHeader h = header_of(bytes);
  const auto& sec = h.sections[s];
  std::uint64_t block = 0;  // the blocks of the sections before s
  for (int k = 0; k < s; ++k) {
    const std::uint64_t per = detail::block_elements(k, h.block_bytes);
    block += (h.sections[k].size / detail::section_element(k) + per - 1) / per;
  }
  const std::uint64_t step = detail::block_elements(s, h.block_bytes) * detail::section_element(s);
  const std::uint64_t local = (at - sec.offset) / step;
  const std::uint64_t from = sec.offset + local * step;
  const std::uint64_t n = std::min(step, sec.offset + sec.size - from);
  const std::uint32_t crc = detail::block_checksum({bytes.data() + from, static_cast<std::size_t>(n)});
  const auto& table = h.sections[detail::snap::kBlockCrcs];
  std::memcpy(bytes.data() + table.offset + (block + local) * 4, &crc, 4);
  h.blocks_crc = detail::crc32c({bytes.data() + table.offset, static_cast<std::size_t>(table.size)});
  h.header_crc = 0;
  h.header_crc = detail::crc32c({reinterpret_cast<const char*>(&h), sizeof h});
  std::memcpy(bytes.data(), &h, sizeof h);
}

}  // namespace dipgraph::snapshot_test
