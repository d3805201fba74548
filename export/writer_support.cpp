// Shared exporter machinery: buffered output, selections, escapers, numbers,
// format names and edge ids.
#include "export/detail/writer_support.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace dipgraph {

namespace {
constexpr std::string_view kFormats[] = {"graphml", "dot", "json", "csv", "gexf", "neo4j"};
}

std::optional<ExportFormat> parse_export_format(std::string_view s) {
  for (int i = 0; i < 6; ++i)
    if (kFormats[i] == s) return static_cast<ExportFormat>(i);
  return std::nullopt;
}

std::optional<ExportFormat> format_of_path(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "graphml" || ext == "xml") return ExportFormat::graphml;
  if (ext == "dot" || ext == "gv") return ExportFormat::dot;
  if (ext == "json") return ExportFormat::json;
  if (ext == "csv") return ExportFormat::csv;
  if (ext == "gexf") return ExportFormat::gexf;
  return std::nullopt;
}

std::string_view export_format_list() { return "graphml, dot, json, csv, gexf, neo4j"; }

std::string_view to_string(ExportFormat f) { return kFormats[static_cast<int>(f)]; }

ExportCounts write_graph(ExportFormat format, const KnowledgeGraph& graph, std::ostream& out,
                         const ExportOptions& options) {
  switch (format) {
    case ExportFormat::graphml: return write_graphml(graph, out, options);
    case ExportFormat::dot: return write_dot(graph, out, options);
    case ExportFormat::json: return write_json(graph, out, options);
    case ExportFormat::csv: return write_csv_events(graph, out, options);
    case ExportFormat::gexf: return write_gexf(graph, out, options);
    case ExportFormat::neo4j:
      throw Error("neo4j export writes a directory: give it with -o DIR");
  }
  return {};
}

std::string csv_field(std::string_view s) {
  std::string out;
  export_detail::append_csv_field(out, s);
  return out;
}

std::string edge_id(const KnowledgeGraph& graph, VertexId source, VertexId target, EdgeKind kind) {
  std::string out(to_string(kind));
  out += ':';
  out += graph.id(source);
  out += "->";
  out += graph.id(target);
  return out;
}

}  // namespace dipgraph

namespace dipgraph::export_detail {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Bytes an escaper must look at: controls, bytes >= 0x80 (UTF-8 to check)
// and the escaper's own ASCII characters.
struct Special {
  bool byte[256] = {};
  constexpr explicit Special(std::string_view chars) {
    for (int c = 0; c < 0x20; ++c) byte[c] = true;
    for (int c = 0x80; c < 0x100; ++c) byte[c] = true;
    for (char c : chars) byte[static_cast<unsigned char>(c)] = true;
  }
};

// Copies s to out; an ASCII byte for which esc(c) returns a replacement is
// replaced (an empty replacement drops it); forbidden controls and bad
// UTF-8 become U+FFFD. Only bytes marked in `special` are looked at.
template <class Esc>
void append_escaped(std::string& out, std::string_view s, const Special& special, Esc&& esc) {
  std::size_t i = 0, run = 0;
  const std::size_t n = s.size();
  auto replace = [&](std::string_view with, std::size_t len) {
    out.append(s.data() + run, i - run);
    out += with;
    i += len;
    run = i;
  };
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!special.byte[c]) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        replace(kReplacement, 1);
      } else if (std::optional<std::string_view> r = esc(static_cast<char>(c))) {
        replace(*r, 1);
      } else {
        ++i;
      }
      continue;
    }
    if (std::size_t len = detail::xml_char_length(s, i)) {
      i += len;
      continue;
    }
    replace(kReplacement, detail::bad_char_length(s, i));
  }
  out.append(s.data() + run, n - run);
}

using Escape = std::optional<std::string_view>;

Escape xml_text_esc(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '\r': return "&#13;";
    default: return std::nullopt;
  }
}

}  // namespace

void Output::flush() {
  os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
  if (!os_) throw Error("cannot write the export (disk full or output closed?)");
}

void Output::finish() {
  flush();
  os_.flush();
  if (!os_) throw Error("cannot write the export (disk full or output closed?)");
}

Selection::Selection(const KnowledgeGraph& graph, const ExportOptions& options) {
  if (!options.vertices) {
    vertices.resize(graph.vertex_count());
    for (VertexId v = 0; v < vertices.size(); ++v) vertices[v] = v;
    return;
  }
  mask.assign(graph.vertex_count(), 0);
  for (VertexId v : *options.vertices)
    if (v < mask.size() && !mask[v]) {
      mask[v] = 1;
      vertices.push_back(v);
    }
  std::sort(vertices.begin(), vertices.end());
}

void append_xml_text(std::string& out, std::string_view s) {
  static constexpr Special kSpecial("&<>\r");
  append_escaped(out, s, kSpecial, xml_text_esc);
}

void append_xml_attr(std::string& out, std::string_view s) {
  static constexpr Special kSpecial("&<>\"\t\n\r");
  append_escaped(out, s, kSpecial, [](char c) -> Escape {
    switch (c) {
      case '"': return "&quot;";
      case '\t': return "&#9;";
      case '\n': return "&#10;";
      default: return xml_text_esc(c);
    }
  });
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr Special kSpecial("\"\\\t\n\r");
  append_escaped(out, s, kSpecial, [](char c) -> Escape {
    switch (c) {
      case '"': return "\\\"";
      case '\\': return "\\\\";
      case '\n': return "\\n";
      case '\r': return "\\r";
      case '\t': return "\\t";
      default: return std::nullopt;
    }
  });
}

namespace {

// Graphviz's scanner refuses a quoted string longer than 16,384 bytes
// ("longer than 16384?"): a longer one is written as pieces joined with '+',
// which DOT concatenates. `from` is where the quoted text (after the opening
// quote) begins; pieces end on a character and never inside an escape.
constexpr std::size_t kMaxDotQuoted = 16000;
void split_dot_quoted(std::string& out, std::size_t from) {
  if (out.size() - from <= kMaxDotQuoted) return;
  const std::string body = out.substr(from);
  out.resize(from);
  std::size_t piece = 0;
  for (std::size_t i = 0; i < body.size();) {
    std::size_t n = 1;
    if (body[i] == '\\' && i + 1 < body.size()) n = 2;
    while (i + n < body.size() && (static_cast<unsigned char>(body[i + n]) & 0xC0) == 0x80) ++n;
    if (piece + n > kMaxDotQuoted) {
      out += "\" + \"";
      piece = 0;
    }
    out.append(body, i, n);
    piece += n;
    i += n;
  }
}

}  // namespace

void append_dot_id(std::string& out, std::string_view s) {
  // Graphviz keeps a quoted ID as written except \" (a quote) and a
  // backslash before a newline (a line continuation); "\\" stays two
  // backslashes and newlines stay newlines. So the ID is written raw, with
  // quotes escaped, and names the node exactly as GraphML and JSON do. The
  // one thing DOT cannot spell is an odd run of backslashes before a quote,
  // a newline or the end: that run gets one backslash more.
  const std::size_t from = out.size();
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '"') {
      out += "\\\"";
      ++i;
    } else if (s[i] == '\\') {
      std::size_t j = i;
      while (j < s.size() && s[j] == '\\') ++j;
      const bool odd = (j - i) % 2 == 1;
      const bool before_special = j == s.size() || s[j] == '"' || s[j] == '\n';
      out.append(j - i + (odd && before_special ? 1 : 0), '\\');
      i = j;
    } else {
      const std::size_t j = s.find_first_of("\"\\", i);
      const std::size_t end = j == std::string_view::npos ? s.size() : j;
      out.append(s.data() + i, end - i);
      i = end;
    }
  }
  split_dot_quoted(out, from);
}

void append_csv_field(std::string& out, std::string_view s) {
  bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ' ||
                              s.find_first_of(",\"\r\n") != std::string_view::npos);
  if (quote) out += '"';
  static constexpr Special kSpecial("\"");
  append_escaped(out, s, kSpecial, [](char c) -> Escape {
    if (c == '"') return "\"\"";
    return std::nullopt;
  });
  if (quote) out += '"';
}

DaySpan day_span(std::string_view edtf) {
  DaySpan span;
  std::optional<DayRange> days = edtf_days(edtf);
  if (!days) return span;
  std::string first = civil_from_days(days->first), last = civil_from_days(days->last);
  if (first.size() != 10 || last.size() != 10) return span;  // a year beyond 0000..9999
  span.first = days->first;
  span.last = days->last;
  span.dated = true;
  std::copy(first.begin(), first.end(), span.start_buf);
  std::copy(last.begin(), last.end(), span.end_buf);
  return span;
}

void append_dot_label(std::string& out, std::string_view s, std::size_t max_chars) {
  const std::size_t from = out.size();
  // Cut at a character boundary after max_chars characters.
  std::size_t chars = 0, cut = s.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  static constexpr Special kSpecial("\"\\\n\r\t&");
  append_escaped(out, s.substr(0, cut), kSpecial, [](char c) -> Escape {
    switch (c) {
      case '"': return "\\\"";
      case '\\': return "\\\\";
      case '\n': return "\\n";
      case '\r': return "";
      case '\t': return " ";
      case '&': return "&amp;";
      default: return std::nullopt;
    }
  });
  if (cut < s.size()) out += "\xE2\x80\xA6";  // …
  split_dot_quoted(out, from);
}

void append_double(std::string& out, double x) {
  if (std::isnan(x)) {
    out += "NaN";
  } else if (std::isinf(x)) {
    out += x > 0 ? "INF" : "-INF";
  } else {
    fmt::format_to(std::back_inserter(out), "{}", x);
  }
}

}  // namespace dipgraph::export_detail
