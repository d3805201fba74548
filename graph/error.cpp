// Diagnostics: formatting and the thread-safe sink.
#include "graph/error.hpp"

#include <fmt/core.h>

#include <cstdio>

namespace dipgraph {

namespace {

// Appends `s` with control characters escaped (\n, \t, \r, \xHH), so that a
// diagnostic stays one line whatever a file name or a quoted value holds.
void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7F) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += fmt::format("\\x{:02X}", u);
    }
  }
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  append_escaped(out, d.place.file.empty() ? std::string_view("dipgraph") : d.place.file);
  if (d.place.line != 0) out += fmt::format(":{}", d.place.line);
  if (d.place.offset != static_cast<std::size_t>(-1)) out += fmt::format(": byte {}", d.place.offset);
  out += d.severity == Severity::warning ? ": warning: " : ": ";
  append_escaped(out, d.message);
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
