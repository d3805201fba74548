// File helpers shared by the store and the snapshot (graph/ .cpp files
// only): an owning file descriptor, whole writes, syncs, and errors that
// name the file. Every failure throws dipgraph::Error with the path and
// strerror(errno).
#pragma once

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "graph/error.hpp"

namespace dipgraph::detail {

[[noreturn]] inline void throw_errno(const std::filesystem::path& p, std::string_view what) {
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

// open(2) of a file inside a store, never through a symbolic link: a
// facts.jsonl or LOCK pointing elsewhere would have a build cut and append
// to a user's file. Throws for a link; else returns open's result (errno set).
inline int open_store_file(const std::filesystem::path& p, int flags, mode_t mode = 0) {
  const int fd = ::open(p.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0 && errno == ELOOP)
    throw Error(
        fmt::format("{}: is a symbolic link; files of a store are never followed", p.string()));
  return fd;
}

inline void write_all(int fd, std::string_view data, const std::filesystem::path& p) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno(p, "cannot write");
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

inline void sync_fd(int fd, const std::filesystem::path& p) {
  if (::fdatasync(fd) != 0) throw_errno(p, "cannot sync to disk");
}

inline void sync_dir(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd) ::fsync(fd.get());  // best effort: some file systems refuse it
}

// Writes `parts` one after the other as the file `path`: to path +
// ".tmp.<pid>", then renamed over `path` (not synced: for caches, whose
// checksums find a file torn by a power cut). A reader sees the old file or
// the new one. Throws Error naming the file (the temp file is removed).
inline void replace_file(const std::filesystem::path& path,
                         std::initializer_list<std::string_view> parts) {
  std::filesystem::path tmp = path;
  tmp += fmt::format(".tmp.{}", ::getpid());
  try {
    Fd fd(open_store_file(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (!fd) throw_errno(tmp, "cannot create");
    for (std::string_view part : parts) write_all(fd.get(), part, tmp);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw_errno(path, "cannot replace");
  }
}

// Asks for transparent huge pages on a big buffer (advice only): on a VM
// every 4 KiB page fault is dear, and the store and the graph fill hundreds
// of MB once.
inline void advise_huge_pages(const void* data, std::size_t bytes) {
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

}  // namespace dipgraph::detail
