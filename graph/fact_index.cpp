// FactIndex: the writer's index of fact ids to record offsets, and its file
// DIR/facts.idx.
//
//   header  magic "DGFIDX\r\n", version 2 (1 hashed raw ids), byte-order
//           mark, the log's bytes and lines covered, its device and inode,
//           the CRC-32C of its last 64 KiB before the covered end, entry and
//           key counts, the body's CRC-32C and the header's own
//   body    {u64 key, u64 offset}[entries], by (key, offset)
#include "graph/detail/fact_index.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "graph/detail/files.hpp"
#include "graph/error.hpp"
#include "graph/fact_store.hpp"

namespace dipgraph::store_detail {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'D', 'G', 'F', 'I', 'D', 'X', '\r', '\n'};
constexpr std::uint32_t kVersion = 2, kEndian = 0x01020304u;
constexpr std::uint64_t kTailBytes = 64 * 1024;

struct Header {
  char magic[8];
  std::uint32_t version = kVersion, endian = kEndian;
  std::uint64_t covered = 0, lines = 0, dev = 0, ino = 0, entries = 0, keys = 0;
  std::uint32_t tail_crc = 0, body_crc = 0, header_crc = 0, pad = 0;
};
static_assert(sizeof(Header) == 80);

bool read_at(int fd, void* out, std::size_t n, std::uint64_t at) {
  auto* p = static_cast<char*>(out);
  while (n > 0) {
    ssize_t got = ::pread(fd, p, n, static_cast<off_t>(at));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got, at += static_cast<std::uint64_t>(got), n -= static_cast<std::size_t>(got);
  }
  return true;
}

// CRC-32C of the log's last min(64 KiB, end) bytes before `end`; false if
// they cannot be read.
bool tail_crc(int fd, std::uint64_t end, std::uint32_t& crc) {
  std::uint64_t from = end > kTailBytes ? end - kTailBytes : 0;
  std::string buf(static_cast<std::size_t>(end - from), '\0');
  if (!read_at(fd, buf.data(), buf.size(), from)) return false;
  crc = detail::crc32c(buf);
  return true;
}

}  // namespace

void FactIndex::clear() {
  sorted_.clear();
  recent_.clear();
  keys_ = 0;
  covered_ = 0;
  lines_ = 0;
  dirty_ = false;
}

void FactIndex::add(std::uint64_t key, std::uint64_t offset) {
  auto in_sorted = std::lower_bound(sorted_.begin(), sorted_.end(), Entry{key, 0},
                                    [](const Entry& a, const Entry& b) { return a.key < b.key; });
  if ((in_sorted == sorted_.end() || in_sorted->key != key) && recent_.find(key) == recent_.end())
    ++keys_;
  recent_.emplace(key, offset);
  dirty_ = true;
}

void FactIndex::find(std::uint64_t key, std::vector<std::uint64_t>& out) const {
  out.clear();
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), Entry{key, 0},
                             [](const Entry& a, const Entry& b) { return a.key < b.key; });
  for (; it != sorted_.end() && it->key == key; ++it) out.push_back(it->offset);
  std::size_t from_sorted = out.size();
  auto [b, e] = recent_.equal_range(key);
  for (; b != e; ++b) out.push_back(b->second);
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(from_sorted), out.end());
}

void FactIndex::merge_recent() {
  if (recent_.empty()) return;
  std::vector<Entry> more;
  more.reserve(recent_.size());
  for (const auto& [key, offset] : recent_) more.push_back({key, offset});
  recent_.clear();
  auto less = [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.offset < b.offset;
  };
  std::sort(more.begin(), more.end(), less);
  std::vector<Entry> all(sorted_.size() + more.size());
  std::merge(sorted_.begin(), sorted_.end(), more.begin(), more.end(), all.begin(), less);
  sorted_ = std::move(all);
}

bool FactIndex::load(const fs::path& file, int log_fd, const fs::path&, dev_t dev, ino_t ino,
                     std::uint64_t log_size) {
  clear();
  detail::Fd fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd) return false;
  Header h;
  if (!read_at(fd.get(), &h, sizeof h, 0) || std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 ||
      h.version != kVersion || h.endian != kEndian)
    return false;
  Header zeroed = h;
  zeroed.header_crc = 0;
  if (detail::crc32c({reinterpret_cast<const char*>(&zeroed), sizeof zeroed}) != h.header_crc)
    return false;
  if (h.dev != static_cast<std::uint64_t>(dev) || h.ino != static_cast<std::uint64_t>(ino) ||
      h.covered > log_size || h.entries > h.covered || h.keys > h.entries)
    return false;
  std::uint32_t crc = 0;
  if (!tail_crc(log_fd, h.covered, crc) || crc != h.tail_crc) return false;
  std::vector<Entry> entries(static_cast<std::size_t>(h.entries));
  if (!read_at(fd.get(), entries.data(), entries.size() * sizeof(Entry), sizeof h)) return false;
  if (detail::crc32c({reinterpret_cast<const char*>(entries.data()),
                      entries.size() * sizeof(Entry)}) != h.body_crc)
    return false;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].offset >= h.covered || (i > 0 && (entries[i - 1].key > entries[i].key ||
                                                     (entries[i - 1].key == entries[i].key &&
                                                      entries[i - 1].offset >= entries[i].offset))))
      return false;
  sorted_ = std::move(entries);
  keys_ = static_cast<std::size_t>(h.keys);
  covered_ = h.covered;
  lines_ = static_cast<std::size_t>(h.lines);
  return true;
}

void FactIndex::save(const fs::path& file, int log_fd, const fs::path& log, dev_t dev, ino_t ino,
                     std::uint64_t covered, std::size_t lines) {
  merge_recent();
  Header h;
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.covered = covered, h.lines = lines;
  h.dev = static_cast<std::uint64_t>(dev), h.ino = static_cast<std::uint64_t>(ino);
  h.entries = sorted_.size(), h.keys = keys_;
  if (!tail_crc(log_fd, covered, h.tail_crc)) detail::throw_errno(log, "cannot read");
  std::string_view body(reinterpret_cast<const char*>(sorted_.data()),
                        sorted_.size() * sizeof(Entry));
  h.body_crc = detail::crc32c(body);
  h.header_crc = detail::crc32c({reinterpret_cast<const char*>(&h), sizeof h});
  detail::replace_file(file, {{reinterpret_cast<const char*>(&h), sizeof h}, body});
  covered_ = covered;
  lines_ = lines;
  dirty_ = false;
}

}  // namespace dipgraph::store_detail
