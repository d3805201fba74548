// The stamp of a fact log (graph/log_stamp.hpp): its length up to the last
// whole line, its file identity and CRC-32C checksums of its tail and of the
// whole, read with pread in chunks, never the whole log at once.
#include "graph/log_stamp.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "graph/detail/files.hpp"
#include "graph/fact_store.hpp"

namespace dipgraph {

namespace fs = std::filesystem;
using detail::Fd;
using detail::throw_errno;

namespace {

constexpr std::uint64_t kTailBytes = 64 * 1024;

}  // namespace

bool LogStamp::matches(const LogStamp& o) const {
  if (size != o.size || dev != o.dev || ino != o.ino || tail_crc != o.tail_crc || names != o.names)
    return false;
  return !(full && o.full) || crc == o.crc;
}

namespace {

// CRC-32C of bytes [from, to) of `fd`, continuing `crc`.
std::uint32_t crc_range(int fd, const fs::path& log, std::uint64_t from, std::uint64_t to,
                        std::uint32_t crc = 0) {
  if (to <= from) return crc;
  std::string buf(static_cast<std::size_t>(std::min<std::uint64_t>(to - from, 8u << 20)), '\0');
  for (std::uint64_t at = from; at < to;) {
    auto want = static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), to - at));
    ssize_t n = ::pread(fd, buf.data(), want, static_cast<off_t>(at));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno(log, "cannot read");
    if (n == 0) break;  // shrank under us: the stamp will not match
    crc = detail::crc32c({buf.data(), static_cast<std::size_t>(n)}, crc);
    at += static_cast<std::uint64_t>(n);
  }
  return crc;
}

std::uint32_t tail_crc_at(int fd, const fs::path& log, std::uint64_t size) {
  return crc_range(fd, log, size > kTailBytes ? size - kTailBytes : 0, size);
}

// The end of the last whole line of the first `size` bytes of `fd`: what a
// reader reads of a log that ends in a torn or unfinished record.
std::uint64_t whole_lines_end(int fd, const fs::path& log, std::uint64_t size) {
  std::string buf;
  for (std::uint64_t end = size; end > 0;) {
    std::uint64_t from = end > kTailBytes ? end - kTailBytes : 0;
    buf.resize(static_cast<std::size_t>(end - from));
    std::size_t got = 0;
    while (got < buf.size()) {
      ssize_t n = ::pread(fd, buf.data() + got, buf.size() - got, static_cast<off_t>(from + got));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw_errno(log, "cannot read");
      if (n == 0) return 0;  // shrank under us: the stamp will not match
      got += static_cast<std::size_t>(n);
    }
    auto nl = buf.rfind('\n');
    if (nl != std::string::npos) return from + nl + 1;
    end = from;
  }
  return 0;
}

}  // namespace

LogStamp stamp_log(const fs::path& log, bool full) {
  LogStamp st;
  st.full = full;
  Fd fd(detail::open_store_file(log, O_RDONLY));
  if (!fd) {
    if (errno == ENOENT) return st;
    throw_errno(log, "cannot open");
  }
  struct stat sb {};
  if (::fstat(fd.get(), &sb) != 0) throw_errno(log, "cannot stat");
  st.size = whole_lines_end(fd.get(), log, static_cast<std::uint64_t>(sb.st_size));
  st.dev = static_cast<std::uint64_t>(sb.st_dev);
  st.ino = static_cast<std::uint64_t>(sb.st_ino);
  st.tail_crc = tail_crc_at(fd.get(), log, st.size);
  if (full) st.crc = crc_range(fd.get(), log, 0, st.size);
  return st;
}

bool log_extends(const fs::path& log, const LogStamp& held, const LogStamp& now) {
  if (held.dev != now.dev || held.ino != now.ino || held.names != now.names ||
      held.size >= now.size)
    return false;
  // held.size ends a whole line (stamp_log), so the records after it start there.
  Fd fd(detail::open_store_file(log, O_RDONLY));
  if (!fd) return false;
  struct stat sb {};
  if (::fstat(fd.get(), &sb) != 0 || static_cast<std::uint64_t>(sb.st_ino) != now.ino ||
      static_cast<std::uint64_t>(sb.st_dev) != now.dev)
    return false;
  return tail_crc_at(fd.get(), log, held.size) == held.tail_crc;
}

LogStamp extend_stamp(const fs::path& log, const LogStamp& held, const LogStamp& now) {
  LogStamp st = now;
  st.full = held.full;
  st.crc = 0;
  if (!held.full) return st;
  Fd fd(detail::open_store_file(log, O_RDONLY));
  if (!fd) throw_errno(log, "cannot open");
  st.crc = crc_range(fd.get(), log, held.size, now.size, held.crc);
  return st;
}

}  // namespace dipgraph
