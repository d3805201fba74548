// Pictures through Graphviz: pruning, DOT text with styling and a legend,
// and the child process (posix_spawnp with an argument list, output to a
// temporary file renamed into place).
#include "export/render.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "export/detail/writer_support.hpp"
#include "graph/detail/boost_graph.hpp"

extern char** environ;

namespace dipgraph {

namespace {

using export_detail::append_dot_id;
using export_detail::append_dot_label;
using export_detail::append_xml_text;

constexpr std::size_t kMaxLabelChars = 48;

// "\"text\"" as a DOT quoted id.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  append_dot_id(out, s);
  return out + "\"";
}
// A quoted DOT label (escString), cut at kMaxLabelChars.
std::string label(std::string_view s, std::size_t max_chars = kMaxLabelChars) {
  std::string out = "\"";
  append_dot_label(out, s, max_chars);
  return out + "\"";
}

// The colour of a mean Goldstein value: red (-5 and below) through amber (0)
// to green (+5 and above), as #rrggbb.
std::string tone_color(double goldstein) {
  struct Rgb {
    double r, g, b;
  };
  constexpr Rgb kRed{0xc0, 0x39, 0x2b}, kAmber{0xd9, 0xa4, 0x1e}, kGreen{0x2e, 0x8b, 0x57};
  double t = std::clamp(goldstein, -5.0, 5.0) / 5.0;  // -1 .. 1
  Rgb a = kAmber, b = t < 0 ? kRed : kGreen;
  double u = std::fabs(t);
  auto mix = [&](double x, double y) { return static_cast<int>(std::lround(x + (y - x) * u)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}
// A lighter fill for event nodes of that tone.
std::string tone_fill(double goldstein) {
  std::string c = tone_color(goldstein);
  auto light = [&](int i) {
    int v = std::stoi(c.substr(i, 2), nullptr, 16);
    return (v + 3 * 255) / 4;
  };
  return fmt::format("#{:02x}{:02x}{:02x}", light(1), light(3), light(5));
}

// Graph attributes that suit the engine.
std::string layout_attrs(const std::string& engine, bool edge_labels) {
  if (engine == "dot") return "  graph [rankdir=LR, nodesep=0.25, ranksep=0.6, splines=true];\n";
  if (engine == "neato")
    return "  graph [overlap=false, splines=true, sep=\"+6\", esep=\"+3\", mode=major];\n";
  // sfdp: spline routing and edge labels cost the most on big pictures.
  return fmt::format("  graph [overlap=prism, overlap_scaling=2, splines={}, K=1.2];\n",
                     edge_labels ? "true" : "false");
}

std::string graph_header(std::string_view kind, const std::string& title) {
  std::string out = fmt::format("{} \"dipgraph\" {{\n", kind);
  out += "  graph [fontname=\"Helvetica\", fontsize=12, bgcolor=\"white\", outputorder=edgesfirst";
  if (!title.empty()) out += ", labelloc=b, labeljust=l, label=" + label(title, 400);
  out += "];\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n";
  return out;
}

// An HTML-like table node explaining colours and widths.
std::string legend(bool country_view, bool edge_labels) {
  std::string out =
      "  legend [shape=plaintext, margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#999999\" "
      "CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\" BGCOLOR=\"#fafafa\">\n"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>\n";
  struct Swatch {
    double g;
    const char* text;
  };
  for (Swatch s : {Swatch{5, "cooperative (mean Goldstein +5 and above)"}, Swatch{2.5, "+2.5"},
                   Swatch{0, "neutral (0)"}, Swatch{-2.5, "-2.5"},
                   Swatch{-5, "conflictual (-5 and below)"}}) {
    out += fmt::format(
        "<TR><TD WIDTH=\"28\" BGCOLOR=\"{}\"> </TD><TD ALIGN=\"LEFT\">", country_view ? tone_color(s.g) : tone_fill(s.g));
    append_xml_text(out, s.text);
    out += "</TD></TR>\n";
  }
  auto row = [&](std::string_view key, std::string_view text) {
    out += "<TR><TD>";
    append_xml_text(out, key);
    out += "</TD><TD ALIGN=\"LEFT\">";
    append_xml_text(out, text);
    out += "</TD></TR>\n";
  };
  if (country_view) {
    row("width", "tie strength: \u03a3 confidence \u00d7 (1 + ln mentions) \u00d7 recency");
    if (edge_labels) row("label", "number of facts");
    row("colour", "mean Goldstein of the tie's facts");
  } else {
    row("rounded", "event: type, date (colour: its Goldstein value)");
    row("box", "country");
    row("hexagon", "organization");
    row("ellipse", "person");
    row("note", "place");
  }
  out += "</TABLE>>];\n";
  return out;
}

}  // namespace

std::string choose_engine(std::string_view requested, std::size_t nodes, bool layered) {
  if (requested == "auto") {
    if (layered) return nodes <= kDotMaxNodes ? "dot" : "sfdp";
    return nodes <= kNeatoMaxNodes ? "neato" : "sfdp";
  }
  if (requested == "dot" || requested == "sfdp" || requested == "neato") return std::string(requested);
  throw Error(fmt::format("--engine \"{}\" is not one of dot, sfdp, neato, auto", requested));
}

std::string output_format(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  if (ext == ".dot" || ext == ".gv") return "dot";
  throw Error(fmt::format("{}: unknown picture format (use .svg, .png, .pdf, or .dot for the DOT text)",
                          path));
}

// The country view ---------------------------------------------------------------

DotPicture country_picture(const CountryView& view, const std::vector<double>& strengths,
                           const CountryPictureOptions& opt) {
  const KnowledgeGraph& graph = view.graph();
  const auto& ties = view.ties();
  if (strengths.size() != ties.size())
    throw Error(fmt::format("country_picture: {} strengths for {} ties", strengths.size(), ties.size()));
  DotPicture pic;
  pic.total_nodes = view.countries().size();
  pic.total_edges = ties.size();

  // Countries by total strength.
  std::unordered_map<VertexId, double> total;
  for (std::size_t i = 0; i < ties.size(); ++i) {
    total[ties[i].a] += strengths[i];
    total[ties[i].b] += strengths[i];
  }
  std::vector<VertexId> countries = view.countries();
  std::stable_sort(countries.begin(), countries.end(),
                   [&](VertexId x, VertexId y) { return total[x] > total[y]; });
  if (opt.top_countries && countries.size() > opt.top_countries) countries.resize(opt.top_countries);
  std::unordered_set<VertexId> kept(countries.begin(), countries.end());

  // Ties between kept countries, strongest first.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < ties.size(); ++i)
    if (kept.count(ties[i].a) && kept.count(ties[i].b)) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return strengths[x] > strengths[y]; });
  std::vector<char> drawn(ties.size(), 0);
  if (opt.ties_per_country == 0) {
    for (std::size_t i : order) drawn[i] = 1;
  } else {
    std::unordered_set<VertexId> has_strongest;
    for (std::size_t i : order)  // the first tie of a country down the list is its strongest
      if (!has_strongest.count(ties[i].a) || !has_strongest.count(ties[i].b)) {
        drawn[i] = 1;
        has_strongest.insert(ties[i].a);
        has_strongest.insert(ties[i].b);
      }
    std::unordered_map<VertexId, std::size_t> n;
    for (std::size_t i : order)
      if (drawn[i]) {
        ++n[ties[i].a];
        ++n[ties[i].b];
      }
    for (std::size_t i : order)
      if (!drawn[i] && (n[ties[i].a] < opt.ties_per_country || n[ties[i].b] < opt.ties_per_country)) {
        drawn[i] = 1;
        ++n[ties[i].a];
        ++n[ties[i].b];
      }
  }
  std::unordered_set<VertexId> with_tie;
  double max_strength = 0;
  for (std::size_t i : order)
    if (drawn[i]) {
      with_tie.insert(ties[i].a);
      with_tie.insert(ties[i].b);
      max_strength = std::max(max_strength, strengths[i]);
      ++pic.edges;
    }
  double max_total = 0;
  for (VertexId c : countries)
    if (with_tie.count(c)) max_total = std::max(max_total, total[c]);

  std::size_t node_count = 0;
  for (VertexId c : countries) node_count += with_tie.count(c);
  pic.nodes = node_count;
  pic.engine = choose_engine(opt.engine, pic.nodes, false);

  std::string& out = pic.dot;
  out = graph_header("graph", opt.title);
  out += layout_attrs(pic.engine, opt.edge_labels);
  out += "  node [shape=ellipse, style=filled, fillcolor=\"#eef3f8\", color=\"#5b7083\"];\n";
  out += "  edge [fontsize=9, fontcolor=\"#333333\"];\n";
  for (VertexId c : countries) {
    if (!with_tie.count(c)) continue;
    double share = max_total > 0 ? std::sqrt(total[c] / max_total) : 0;
    out += fmt::format("  {} [label={}, fontsize={:.1f}, tooltip={}];\n", quoted(graph.id(c)),
                       label(graph.label(c)), 10 + 8 * share,
                       label(fmt::format("{} ({}): {} partners", graph.label(c),
                                         graph.str(graph.vertex(c).country), view.ties_of(c).size()),
                             400));
  }
  for (std::size_t i : order) {
    if (!drawn[i]) continue;
    const CountryTie& t = ties[i];
    double share = max_strength > 0 ? std::sqrt(strengths[i] / max_strength) : 0;
    std::string dates;
    if (t.first_date)
      dates = t.first_date == t.last_date ? fmt::format(", {}", graph.str(t.first_date))
                                          : fmt::format(", {} .. {}", graph.str(t.first_date),
                                                        graph.str(t.last_date));
    std::string tip = fmt::format(
        "{} \u2013 {}: {} fact{} ({} cooperative, {} conflictual), mean Goldstein {:+.1f}, strength "
        "{:.2f}{}",
        graph.label(t.a), graph.label(t.b), t.count, t.count == 1 ? "" : "s", t.cooperative(),
        t.conflictual(), t.mean_goldstein(), strengths[i], dates);
    out += fmt::format("  {} -- {} [penwidth={:.2f}, color=\"{}\", tooltip={}", quoted(graph.id(t.a)),
                       quoted(graph.id(t.b)), 0.8 + 5.2 * share, tone_color(t.mean_goldstein()),
                       label(tip, 400));
    if (opt.edge_labels) out += fmt::format(", label=\"{}\"", t.count);
    out += "];\n";
  }
  out += legend(true, opt.edge_labels);
  out += "}\n";
  return pic;
}

// The ego view ---------------------------------------------------------------------

DotPicture ego_picture(const KnowledgeGraph& graph, const EgoPictureOptions& opt) {
  if (opt.center >= graph.vertex_count()) throw Error("ego_picture: no such center vertex");
  if (opt.depth < 1) throw Error("--depth must be at least 1");
  const auto& g = graph.impl().g;
  std::vector<VertexId> around = graph.around(opt.center, opt.depth);
  DotPicture pic;
  pic.total_nodes = around.size();

  auto weight = [&](VertexId ev) {
    if (opt.event_weight) return opt.event_weight(ev);
    const VertexData& d = graph.vertex(ev);
    return d.confidence * (1.0 + std::log(std::max(1, d.mentions)));
  };
  std::vector<std::pair<double, VertexId>> events;
  for (VertexId v : around)
    if (graph.kind(v) == VertexKind::event && v != opt.center) events.emplace_back(weight(v), v);
  std::stable_sort(events.begin(), events.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  if (opt.top_events && events.size() > opt.top_events) events.resize(opt.top_events);

  std::vector<char> in_around(graph.vertex_count(), 0), keep(graph.vertex_count(), 0);
  for (VertexId v : around) in_around[v] = 1;
  keep[opt.center] = 1;
  // Kept events come whole: every party, place and topic, even one step
  // beyond the depth.
  for (auto& [w, ev] : events) {
    keep[ev] = 1;
    detail::for_each_neighbor(g, ev, [&](VertexId other, EdgeKind, bool) {
      if (graph.kind(other) != VertexKind::event) keep[other] = 1;
    });
  }
  // The center's own country, organizations and representatives when they
  // take part in a kept event, and its country and organizations always.
  for (auto [it, end] = boost::out_edges(opt.center, g); it != end; ++it) {
    auto v = static_cast<VertexId>(boost::target(*it, g));
    if (graph.kind(v) != VertexKind::event) keep[v] = 1;
  }
  if (graph.kind(opt.center) == VertexKind::event)  // an event: its places, topics and parties
    detail::for_each_neighbor(g, opt.center, [&](VertexId other, EdgeKind, bool) { keep[other] = 1; });

  std::vector<VertexId> nodes;
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (keep[v]) nodes.push_back(v);
  pic.nodes = nodes.size();
  pic.engine = choose_engine(opt.engine, pic.nodes, true);

  std::string& out = pic.dot;
  out = graph_header("digraph", opt.title);
  out += layout_attrs(pic.engine, opt.edge_labels);
  out += "  node [fontsize=10, style=filled, fillcolor=\"white\", color=\"#5b7083\"];\n";
  out += "  edge [fontsize=8, color=\"#7f8c8d\", fontcolor=\"#555555\", arrowsize=0.6];\n";
  for (VertexId v : nodes) {
    const VertexData& d = graph.vertex(v);
    std::string attrs;
    if (d.kind == VertexKind::event) {
      std::string text;
      std::string_view name = graph.label(v), type = graph.str(d.type);
      if (name != type) text = fmt::format("{}\n", name);
      text += type;
      if (d.date) text += fmt::format(", {}", graph.str(d.date));
      if (d.status != Status::occurred) text += fmt::format(" ({})", to_string(d.status));
      attrs = fmt::format("shape=box, style=\"rounded,filled\", fillcolor=\"{}\", label={}",
                          tone_fill(d.goldstein), label(text));
      std::string tip = fmt::format("{} {} (CAMEO {}, Goldstein {:+.1f})", type, graph.str(d.date),
                                    graph.str(d.cameo), d.goldstein);
      if (d.evidence) tip += fmt::format(": \"{}\" [{}]", graph.str(d.evidence), graph.str(d.article));
      attrs += ", tooltip=" + label(tip, 1000);
    } else {
      const char* shape = d.kind == VertexKind::country        ? "box"
                          : d.kind == VertexKind::organization ? "hexagon"
                          : d.kind == VertexKind::place        ? "note"
                                                               : "ellipse";
      std::string text(graph.label(v));
      if (d.kind == VertexKind::person && d.role)
        text += fmt::format("\n{}", graph.str(d.role));
      attrs = fmt::format("shape={}, label={}", shape, label(text));
      if (d.kind == VertexKind::country)
        attrs += ", style=\"filled,bold\", fillcolor=\"#eef3f8\"";
      attrs += ", tooltip=" + label(graph.id(v), 400);
    }
    if (v == opt.center) attrs += ", penwidth=3, color=\"#1f4e79\"";
    out += fmt::format("  {} [{}];\n", quoted(graph.id(v)), attrs);
  }
  std::vector<char> drawn_node(graph.vertex_count(), 0);
  for (VertexId v : nodes) drawn_node[v] = 1;
  std::size_t total_edges = 0;
  for (VertexId u : around)
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it)
      total_edges += in_around[boost::target(*it, g)];
  for (VertexId u : nodes)
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      auto v = static_cast<VertexId>(boost::target(*it, g));
      if (!drawn_node[v]) continue;
      EdgeKind k = g[*it].kind;
      std::string attrs;
      if (k == EdgeKind::source) attrs = "color=\"#34495e\", penwidth=1.4";
      if (k == EdgeKind::target) attrs = "color=\"#34495e\", penwidth=1.4, style=dashed";
      if (k == EdgeKind::represents || k == EdgeKind::member_of || k == EdgeKind::in)
        attrs = "style=dotted";
      if (opt.edge_labels)
        attrs += fmt::format("{}label=\"{}\"", attrs.empty() ? "" : ", ", to_string(k));
      out += fmt::format("  {} -> {}{}{}{};\n", quoted(graph.id(u)), quoted(graph.id(v)),
                         attrs.empty() ? "" : " [", attrs, attrs.empty() ? "" : "]");
      ++pic.edges;
    }
  pic.total_edges = total_edges;
  out += legend(false, opt.edge_labels);
  out += "}\n";
  return pic;
}

// Running Graphviz -------------------------------------------------------------------

namespace {

// A file created next to `path` (same directory, so rename is atomic),
// removed on destruction unless released.
class TempFile {
 public:
  explicit TempFile(const std::string& path) {
    std::filesystem::path p(path);
    std::filesystem::path dir = p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path();
    std::string templ = (dir / ("." + p.filename().string() + ".tmp.XXXXXX")).string();
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());
    if (fd < 0)
      throw Error(fmt::format("{}: cannot create a temporary file in {}: {}", path, dir.string(),
                              std::strerror(errno)));
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    path_ = buf.data();
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  // Renames the file to `dest`; throws Error on failure.
  void commit(const std::string& dest) {
    if (::rename(path_.c_str(), dest.c_str()) != 0)
      throw Error(fmt::format("{}: cannot write: {}", dest, std::strerror(errno)));
    path_.clear();
  }

 private:
  std::string path_;
};

void write_text(const std::string& path, std::string_view text, const std::string& shown) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  f.close();
  if (!f) throw Error(fmt::format("{}: write error", shown));
}

std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

}  // namespace

void render_file(const DotPicture& picture, const std::string& path, double timeout_seconds) {
  std::string format = output_format(path);
  TempFile out(path);
  if (format == "dot") {
    write_text(out.path(), picture.dot, path);
    out.commit(path);
    return;
  }
  TempFile dot_file(path + ".dot");
  TempFile err_file(path + ".err");
  write_text(dot_file.path(), picture.dot, path);

  std::vector<std::string> args = {picture.engine, "-T" + format, "-o", out.path(), dot_file.path()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.path().c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, picture.engine.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    throw Error(fmt::format("cannot run Graphviz `{}`: {}{}", picture.engine, std::strerror(rc),
                            rc == ENOENT ? " (install Graphviz, e.g. apt install graphviz)" : ""));

  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(timeout_seconds));
  int status = 0;
  auto pause = std::chrono::milliseconds(2);
  for (;;) {
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR)
      throw Error(fmt::format("waiting for Graphviz `{}`: {}", picture.engine, std::strerror(errno)));
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw Error(fmt::format(
          "Graphviz `{}` took more than {:.0f} s for {} nodes and {} edges; draw fewer (--top) or "
          "leave edge labels out (--no-edge-labels); {} was left as it was",
          picture.engine, timeout_seconds, picture.nodes, picture.edges, path));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
  std::string messages = read_text(err_file.path());
  while (!messages.empty() && (messages.back() == '\n' || messages.back() == '\r')) messages.pop_back();
  bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok) {
    std::string why = WIFSIGNALED(status) ? fmt::format("was killed by signal {}", WTERMSIG(status))
                                          : fmt::format("exited with status {}", WEXITSTATUS(status));
    throw Error(fmt::format("Graphviz `{}` {}{}{}; {} was left as it was", picture.engine, why,
                            messages.empty() ? "" : ": ", messages, path));
  }
  std::error_code ec;
  if (std::filesystem::file_size(out.path(), ec) == 0 || ec)
    throw Error(fmt::format("Graphviz `{}` wrote nothing{}{}; {} was left as it was", picture.engine,
                            messages.empty() ? "" : ": ", messages, path));
  if (!messages.empty()) std::fprintf(stderr, "graphviz: %s\n", messages.c_str());
  out.commit(path);
}

}  // namespace dipgraph
