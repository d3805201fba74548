// Pictures through Graphviz: pruning, DOT text with styling and a legend,
// and the child process (posix_spawnp with an argument list, output to a
// temporary file renamed into place).
#include "export/render.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "export/detail/dot_style.hpp"
#include "export/detail/writer_support.hpp"
#include "graph/dates.hpp"
#include "graph/detail/boost_graph.hpp"

extern char** environ;

namespace dipgraph {

namespace {

using dot_style::graph_header;
using dot_style::label;
using dot_style::layout_attrs;
using dot_style::legend;
using dot_style::quoted;
using dot_style::tone_color;
using export_detail::append_xml_text;

}  // namespace

std::string choose_engine(std::string_view requested, std::size_t nodes, bool layered) {
  if (requested == "auto") {
    if (layered) return nodes <= kDotMaxNodes ? "dot" : "sfdp";
    return nodes <= kNeatoMaxNodes ? "neato" : "sfdp";
  }
  if (requested == "dot" || requested == "sfdp" || requested == "neato")
    return std::string(requested);
  throw Error(fmt::format("--engine \"{}\" is not one of dot, sfdp, neato, auto", requested));
}

std::string output_format(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  if (ext == ".dot" || ext == ".gv") return "dot";
  throw Error(fmt::format(
      "{}: unknown picture format (use .svg, .png, .pdf, or .dot for the DOT text)", path));
}

// The country view ---------------------------------------------------------------

DotPicture country_picture(const CountryView& view, const std::vector<double>& strengths,
                           const CountryPictureOptions& opt) {
  const KnowledgeGraph& graph = view.graph();
  const auto& ties = view.ties();
  if (strengths.size() != ties.size())
    throw Error(
        fmt::format("country_picture: {} strengths for {} ties", strengths.size(), ties.size()));
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
  if (opt.top_countries && countries.size() > opt.top_countries)
    countries.resize(opt.top_countries);
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
      if (!drawn[i] &&
          (n[ties[i].a] < opt.ties_per_country || n[ties[i].b] < opt.ties_per_country)) {
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
    out +=
        fmt::format("  {} [label={}, fontsize={:.1f}, tooltip={}];\n", quoted(graph.id(c)),
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
      dates = t.first_date == t.last_date
                  ? fmt::format(", {}", graph.str(t.first_date))
                  : fmt::format(", {} .. {}", graph.str(t.first_date), graph.str(t.last_date));
    std::string tip = fmt::format("{} \u2013 {}: {}, strength {:.2f}{}", graph.label(t.a),
                                  graph.label(t.b), tally_text(t), strengths[i], dates);
    out += fmt::format("  {} -- {} [penwidth={:.2f}, color=\"{}\", tooltip={}",
                       quoted(graph.id(t.a)), quoted(graph.id(t.b)), 0.8 + 5.2 * share,
                       tone_color(t.mean_goldstein()), label(tip, 400));
    if (opt.edge_labels) out += fmt::format(", label=\"{}\"", t.count);
    out += "];\n";
  }
  out += legend(true, opt.edge_labels);
  out += "}\n";
  return pic;
}

// The ego view ---------------------------------------------------------------------

namespace {

// Label lengths: entities by name, events by their table-row label.
constexpr std::size_t kEntityLabelChars = 48;
constexpr std::size_t kEventLabelChars = 80;

// The events of one pair of sides and one type, drawn as one node.
struct EventGroup {
  std::vector<VertexId> events;  // strongest first
  std::vector<VertexId> sources, targets, participants;
  std::int32_t first_day = 0, last_day = 0;
  StrId first_date = 0, last_date = 0;
};

}  // namespace

DotPicture ego_picture(const KnowledgeGraph& graph, const EgoPictureOptions& opt) {
  if (opt.center >= graph.vertex_count()) throw Error("ego_picture: no such center vertex");
  if (opt.depth < 1) throw Error("--depth must be at least 1");
  const auto& g = graph.impl().g;
  auto shown_kind = [&](VertexId v) { return opt.places || graph.kind(v) != VertexKind::place; };

  // The neighbourhood: a BFS that walks edges both ways and, unless places
  // are asked for, never through a place (a city links unrelated events).
  std::vector<int> dist(graph.vertex_count(), -1);
  std::vector<VertexId> around{opt.center};
  dist[opt.center] = 0;
  for (std::size_t i = 0; i < around.size(); ++i) {
    VertexId u = around[i];
    if (dist[u] == opt.depth) continue;
    detail::for_each_neighbor(g, u, [&](VertexId w, EdgeKind, bool) {
      if (dist[w] >= 0 || !shown_kind(w)) return;
      dist[w] = dist[u] + 1;
      around.push_back(w);
    });
  }
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

  // Group the kept events by type and sides (repeated events of one pair
  // collapse into one node with a count).
  std::vector<EventGroup> groups;
  std::map<std::tuple<StrId, std::vector<VertexId>, std::vector<VertexId>, std::vector<VertexId>>,
           std::size_t>
      group_of;
  std::vector<std::size_t> group_of_event(graph.vertex_count(), SIZE_MAX);
  std::vector<char> keep(graph.vertex_count(), 0);
  keep[opt.center] = 1;
  for (auto& [w, ev] : events) {
    std::vector<VertexId> src, tgt, par;
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      auto p = static_cast<VertexId>(boost::source(*it, g));
      EdgeKind k = g[*it].kind;
      (k == EdgeKind::source ? src : k == EdgeKind::target ? tgt : par).push_back(p);
      keep[p] = 1;
    }
    for (auto [it, end] = boost::out_edges(ev, g); it != end; ++it) {
      auto t = static_cast<VertexId>(boost::target(*it, g));
      if (shown_kind(t)) keep[t] = 1;
    }
    for (auto* v : {&src, &tgt, &par}) std::sort(v->begin(), v->end());
    StrId type = opt.collapse ? g[ev].type : static_cast<StrId>(ev);
    auto key = std::make_tuple(type, src, tgt, par);
    auto [it, inserted] = group_of.emplace(key, groups.size());
    if (inserted) {
      groups.emplace_back();
      groups.back().sources = src;
      groups.back().targets = tgt;
      groups.back().participants = par;
    }
    EventGroup& grp = groups[it->second];
    grp.events.push_back(ev);
    group_of_event[ev] = it->second;
    if (auto days = edtf_days(graph.str(g[ev].date))) {
      if (!grp.first_date || days->first < grp.first_day)
        grp.first_date = g[ev].date, grp.first_day = days->first;
      if (!grp.last_date || days->last > grp.last_day)
        grp.last_date = g[ev].date, grp.last_day = days->last;
    }
  }
  // The center's own country and organizations.
  for (auto [it, end] = boost::out_edges(opt.center, g); it != end; ++it) {
    auto v = static_cast<VertexId>(boost::target(*it, g));
    if (graph.kind(v) != VertexKind::event && shown_kind(v)) keep[v] = 1;
  }
  if (graph.kind(opt.center) == VertexKind::event)  // an event: its places, topics and parties
    detail::for_each_neighbor(g, opt.center, [&](VertexId other, EdgeKind, bool) {
      if (shown_kind(other)) keep[other] = 1;
    });
  for (auto& [w, ev] : events) keep[ev] = 0;  // drawn as their group

  std::vector<VertexId> nodes;
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (keep[v]) nodes.push_back(v);
  pic.nodes = nodes.size() + groups.size();
  pic.engine = choose_engine(opt.engine, pic.nodes, true);

  std::string& out = pic.dot;
  out = graph_header("digraph", opt.title);
  out += layout_attrs(pic.engine, opt.edge_labels);
  out += dot_style::graph_defaults();
  for (VertexId v : nodes) out += dot_style::entity_node(graph, v, kEntityLabelChars, v == opt.center);
  for (const EventGroup& grp : groups) {
    dot_style::EventNode e;
    e.event = grp.events.front();
    e.count = grp.events.size();
    e.sources = grp.sources;
    e.targets = grp.targets;
    e.participants = grp.participants;
    e.first_date = grp.first_date;
    e.last_date = grp.last_date;
    for (VertexId ev : grp.events) e.goldstein += graph.vertex(ev).goldstein;
    e.goldstein /= static_cast<double>(grp.events.size());
    out += dot_style::event_node(graph, e, kEventLabelChars, e.event == opt.center);
  }

  // Edges. Party edges read left to right: source -> event -> target, a
  // participant joined without an arrow; they carry no label (the legend
  // says it). Edges to places, topics and between entities are labelled
  // with their kind when edge_labels.
  std::size_t total_edges = 0;
  {
    std::vector<char> in_around(graph.vertex_count(), 0);
    for (VertexId v : around) in_around[v] = 1;
    for (VertexId u : around)
      for (auto [it, end] = boost::out_edges(u, g); it != end; ++it)
        total_edges += in_around[boost::target(*it, g)];
  }
  pic.total_edges = total_edges;
  std::set<std::tuple<VertexId, VertexId, EdgeKind>> drawn;
  auto drawn_end = [&](VertexId v) { return keep[v] || group_of_event[v] != SIZE_MAX; };
  auto node_of = [&](VertexId v) {
    return group_of_event[v] != SIZE_MAX ? groups[group_of_event[v]].events.front() : v;
  };
  auto edge = [&](VertexId from, VertexId to, EdgeKind k) {
    if (!drawn.emplace(from, to, k).second) return;
    out += dot_style::edge(graph, from, to, k, opt.edge_labels, dot_style::EdgeDirection::reading);
    ++pic.edges;
  };
  std::vector<VertexId> ends = nodes;
  for (const EventGroup& grp : groups) ends.insert(ends.end(), grp.events.begin(), grp.events.end());
  std::sort(ends.begin(), ends.end());
  for (VertexId u : ends)
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      auto v = static_cast<VertexId>(boost::target(*it, g));
      if (!drawn_end(v)) continue;
      edge(node_of(u), node_of(v), g[*it].kind);
    }
  out += legend(false, opt.edge_labels);
  out += "}\n";
  return pic;
}

// Changes between two periods ------------------------------------------------------

DotPicture changes_picture(const KnowledgeGraph& graph, const std::vector<TieShift>& shifts,
                           const ChangesPictureOptions& opt) {
  DotPicture pic;
  std::vector<VertexId> countries;
  for (const TieShift& t : shifts) countries.insert(countries.end(), {t.a, t.b});
  std::sort(countries.begin(), countries.end());
  countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
  pic.nodes = pic.total_nodes = countries.size();
  pic.edges = pic.total_edges = shifts.size();
  pic.engine = choose_engine(opt.engine, pic.nodes, false);
  std::uint32_t max_facts = 1;
  for (const TieShift& t : shifts) max_facts = std::max(max_facts, t.facts_before + t.facts_after);

  std::string& out = pic.dot;
  out = graph_header("graph", opt.title);
  out += layout_attrs(pic.engine, opt.edge_labels);
  out += "  node [shape=ellipse, style=filled, fillcolor=\"#eef3f8\", color=\"#5b7083\"];\n";
  out += "  edge [fontsize=9, fontcolor=\"#333333\"];\n";
  for (VertexId c : countries)
    out += fmt::format("  {} [label={}, tooltip={}];\n", quoted(graph.id(c)),
                       label(graph.label(c)), label(graph.id(c), 400));
  for (const TieShift& t : shifts) {
    double share = std::sqrt(static_cast<double>(t.facts_before + t.facts_after) / max_facts);
    std::string colour, style = "solid", text;
    switch (t.kind) {
      case TieShift::appeared:
        colour = tone_color(t.goldstein_after);
        style = "bold";
        text = fmt::format("new {}", t.facts_after);
        break;
      case TieShift::vanished:
        colour = "#9e9e9e";
        style = "dashed";
        text = fmt::format("gone {}", t.facts_before);
        break;
      default:  // the shift on the Goldstein colour scale, doubled: +2.5 is full green
        colour = tone_color(2 * t.shift);
        text = fmt::format("{:+.1f}", t.shift);
        break;
    }
    std::string tip = fmt::format(
        "{} \u2013 {}: {} facts (mean Goldstein {:+.1f}) \u2192 {} facts ({:+.1f})", graph.label(t.a),
        graph.label(t.b), t.facts_before, t.goldstein_before, t.facts_after, t.goldstein_after);
    out += fmt::format("  {} -- {} [penwidth={:.2f}, color=\"{}\", style={}, tooltip={}",
                       quoted(graph.id(t.a)), quoted(graph.id(t.b)), 1.0 + 4.0 * share, colour,
                       style, label(tip, 400));
    if (opt.edge_labels) out += fmt::format(", label=\"{}\"", text);
    out += "];\n";
  }
  out +=
      "  legend [shape=plaintext, margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#999999\" "
      "CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\" BGCOLOR=\"#fafafa\">\n"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>\n";
  struct Row {
    std::string colour;
    const char* text;
  } rows[] = {{tone_color(5), "warmed (mean Goldstein up by 2.5 or more)"},
              {tone_color(0), "little change"},
              {tone_color(-5), "cooled (down by 2.5 or more)"},
              {"#9e9e9e", "vanished (dashed): facts before, none after"}};
  for (const Row& r : rows) {
    out += fmt::format("<TR><TD WIDTH=\"28\" BGCOLOR=\"{}\"> </TD><TD ALIGN=\"LEFT\">", r.colour);
    append_xml_text(out, r.text);
    out += "</TD></TR>\n";
  }
  out += "<TR><TD>bold</TD><TD ALIGN=\"LEFT\">appeared, in the colour of its tone</TD></TR>\n"
         "<TR><TD>width</TD><TD ALIGN=\"LEFT\">facts before and after</TD></TR>\n"
         "</TABLE>>];\n}\n";
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
    std::filesystem::path dir =
        p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path();
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

  std::vector<std::string> args = {picture.engine, "-T" + format, "-o", out.path(),
                                   dot_file.path()};
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
      throw Error(
          fmt::format("waiting for Graphviz `{}`: {}", picture.engine, std::strerror(errno)));
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
  while (!messages.empty() && (messages.back() == '\n' || messages.back() == '\r'))
    messages.pop_back();
  bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok) {
    std::string why = WIFSIGNALED(status)
                          ? fmt::format("was killed by signal {}", WTERMSIG(status))
                          : fmt::format("exited with status {}", WEXITSTATUS(status));
    throw Error(fmt::format("Graphviz `{}` {}{}{}; {} was left as it was", picture.engine, why,
                            messages.empty() ? "" : ": ", messages, path));
  }
  std::error_code ec;
  if (std::filesystem::file_size(out.path(), ec) == 0 || ec)
    throw Error(fmt::format("Graphviz `{}` wrote nothing{}{}; {} was left as it was",
                            picture.engine, messages.empty() ? "" : ": ", messages, path));
  if (!messages.empty()) std::fprintf(stderr, "graphviz: %s\n", messages.c_str());
  out.commit(path);
}

}  // namespace dipgraph
