// Errors and diagnostics: the two tiers of failure in dipgraph.
//
// A bad record (one line of a facts file, one article) is reported to a
// Diagnostics sink with its place ("batch.jsonl:17: missing \"text\"") and
// skipped; the batch goes on. An unusable flag, file or I/O failure throws
// dipgraph::Error, which main() maps to an exit code.
#pragma once

#include <cstddef>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dipgraph {

// The one exception type of dipgraph. what() is a complete message for the
// user, naming the file (and line) involved.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Where a diagnostic happened: a file (or "-" for stdin) and a 1-based line,
// 0 when the line is not meaningful; offset is a byte offset when known.
struct Place {
  std::string file;
  std::size_t line = 0;
  std::size_t offset = static_cast<std::size_t>(-1);
};

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  Place place;
  std::string message;
};

// "FILE:LINE: message" (or "FILE: message", "FILE:byte N: message").
std::string format_diagnostic(const Diagnostic& d);

// Collects diagnostics; thread-safe. By default also prints each one to
// stderr as it arrives (set echo=false for tests).
class Diagnostics {
 public:
  explicit Diagnostics(bool echo = true) : echo_(echo) {}
  void report(Severity severity, Place place, std::string message);
  void error(Place place, std::string message) { report(Severity::error, std::move(place), std::move(message)); }
  void warning(Place place, std::string message) { report(Severity::warning, std::move(place), std::move(message)); }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  std::vector<Diagnostic> all() const;
  void set_echo(bool echo) { echo_ = echo; }

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  bool echo_;
};

}  // namespace dipgraph
