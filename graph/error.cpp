// Diagnostics: formatting and the thread-safe sink.
#include "graph/error.hpp"

#include <fmt/core.h>

#include <cstdio>

namespace dipgraph {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.place.file.empty() ? std::string("dipgraph") : d.place.file;
  if (d.place.line != 0) out += fmt::format(":{}", d.place.line);
  if (d.place.offset != static_cast<std::size_t>(-1)) out += fmt::format(": byte {}", d.place.offset);
  out += d.severity == Severity::warning ? ": warning: " : ": ";
  out += d.message;
  return out;
}

void Diagnostics::report(Severity severity, Place place, std::string message) {
  Diagnostic d{severity, std::move(place), std::move(message)};
  std::lock_guard<std::mutex> lock(mutex_);
  if (echo_) {
    std::string line = format_diagnostic(d);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
  (severity == Severity::error ? errors_ : warnings_)++;
  items_.push_back(std::move(d));
}

std::size_t Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return warnings_;
}

std::vector<Diagnostic> Diagnostics::all() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return items_;
}

}  // namespace dipgraph
