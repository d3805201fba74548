// File helpers shared by the store and the snapshot (graph/ .cpp files
// only): an owning file descriptor, whole writes, syncs, and errors that
// name the file. Every failure throws dipgraph::Error with the path and
// strerror(errno).
#pragma once

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
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

}  // namespace dipgraph::detail
