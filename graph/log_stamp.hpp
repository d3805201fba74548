// The stamp of a fact log: what a graph snapshot (graph/snapshot.hpp) is
// stamped with to tell whether it still holds the log as it is now (fresh),
// another state of it (stale), or a prefix of it that later records extend
// (docs/graph.md, "Never trusted while stale or damaged").
#pragma once

#include <cstdint>
#include <filesystem>

namespace dipgraph {

// What a snapshot is stamped with: the state of the log it holds.
struct LogStamp {
  std::uint64_t size = 0;      // bytes of the log's whole lines (a torn or unfinished last record left out)
  std::uint64_t dev = 0, ino = 0;  // the log file's identity (compaction and repair replace it)
  std::uint32_t tail_crc = 0;  // CRC-32C of the log's last min(size, 64 KiB) bytes
  std::uint32_t crc = 0;       // CRC-32C of the whole log (0 unless computed)
  bool full = false;           // crc was computed
  std::uint64_t names = 0;     // fingerprint of the naming dictionaries (caller's choice)

  // Same log: size, identity, tail checksum and names (crc compared only
  // when both are full).
  bool matches(const LogStamp& o) const;
};

// The stamp of the log file `log` as it is now, up to the end of its last
// whole line (what readers read: a torn tail or a record being written
// is left out, and so a snapshot's stamp always ends between records); a
// missing log stamps as size 0. With `full`, also reads the whole log for `crc`. Throws Error if
// the log exists but cannot be read.
LogStamp stamp_log(const std::filesystem::path& log, bool full);

// True if the log `log`, stamped `now`, is the log stamped `held` with
// more records appended: the same file and dictionaries, longer, and its
// bytes before held.size still end with held's tail checksum.
bool log_extends(const std::filesystem::path& log, const LogStamp& held, const LogStamp& now);

// The stamp `now` of a log that extends the log stamped `held`, with the
// whole log's CRC carried on from held's (reading only the appended bytes)
// when held has one. Throws Error if the log cannot be read.
LogStamp extend_stamp(const std::filesystem::path& log, const LogStamp& held, const LogStamp& now);

}  // namespace dipgraph
