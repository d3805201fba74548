// FactIndex: where the records of each fact lie in a store's log, by a hash
// of the fact id, kept by the writer and saved beside the log as
// DIR/facts.idx (docs/facts.md, "The fact index"), so that a writer learns
// which facts the store holds without reading the log: a batch of new facts
// costs what the batch costs, not what the store holds.
//
// The file is a cache. It is stamped with the part of the log it covers (its
// size, the log file's identity and a CRC-32C of its last 64 KiB) and carries
// checksums of its own; one that does not describe a prefix of the log as it
// is now, or fails a checksum, is ignored and rebuilt from the log (hashing
// each record's settled id: its raw bytes in a store of format 2,
// record_key). Records appended after the part it covers are read and
// added. Deleting it is always safe.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>

namespace dipgraph::store_detail {

class FactIndex {
 public:
  void clear();
  // A record of the fact with id hash `key` at byte `offset` of the log.
  void add(std::uint64_t key, std::uint64_t offset);
  // The offsets of the records whose id hashes to `key`, ascending, into
  // `out` (cleared first).
  void find(std::uint64_t key, std::vector<std::uint64_t>& out) const;
  std::size_t records() const { return sorted_.size() + recent_.size(); }
  // Distinct keys: the facts of the log (two ids with one 64-bit hash would
  // count once).
  std::size_t keys() const { return keys_; }
  bool dirty() const { return dirty_; }

  // Reads `file` if it indexes a prefix of the log open as `log_fd` (the
  // file `dev`/`ino`, `log_size` bytes long now). Returns false, leaving the
  // index empty, if it is missing, damaged, or of another log.
  bool load(const std::filesystem::path& file, int log_fd, const std::filesystem::path& log,
            dev_t dev, ino_t ino, std::uint64_t log_size);
  // Where load() found the index ended: bytes and lines of the log covered.
  std::uint64_t covered() const { return covered_; }
  std::size_t lines() const { return lines_; }

  // Writes the index, covering the first `covered` bytes (`lines` records)
  // of the log, to `file` through a temp file renamed into place (not
  // synced: one torn by a power cut fails its checksum and is rebuilt).
  // Throws Error on an I/O failure (the temp file is removed).
  void save(const std::filesystem::path& file, int log_fd, const std::filesystem::path& log,
            dev_t dev, ino_t ino, std::uint64_t covered, std::size_t lines);

 private:
  struct Entry {
    std::uint64_t key, offset;
  };
  void merge_recent();
  std::vector<Entry> sorted_;                                     // by (key, offset)
  std::unordered_multimap<std::uint64_t, std::uint64_t> recent_;  // added since
  std::size_t keys_ = 0;
  std::uint64_t covered_ = 0;
  std::size_t lines_ = 0;
  bool dirty_ = false;
};

}  // namespace dipgraph::store_detail
