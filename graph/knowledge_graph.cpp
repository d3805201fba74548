// KnowledgeGraph: building the Boost graph from facts (interning and
// sanitizing every string), the id index, entity resolution with near-match
// suggestions, and small undirected helpers (degree, edges_of, around).
#include "graph/knowledge_graph.hpp"

#include <fmt/core.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "graph/detail/boost_graph.hpp"
#include "graph/detail/files.hpp"
#include "graph/name_table.hpp"
#include "graph/snapshot.hpp"

namespace dipgraph {

namespace {
constexpr std::string_view kVertexKinds[] = {"country", "person", "organization", "place",
                                             "event"};
constexpr std::string_view kEdgeKinds[] = {"participant", "source",     "target",    "located_in",
                                           "in",          "represents", "member_of", "about"};
}  // namespace

std::string_view to_string(VertexKind kind) { return kVertexKinds[static_cast<int>(kind)]; }
std::string_view to_string(EdgeKind kind) { return kEdgeKinds[static_cast<int>(kind)]; }

std::optional<VertexKind> parse_vertex_kind(std::string_view s) {
  for (int i = 0; i < kVertexKindCount; ++i)
    if (kVertexKinds[i] == s) return static_cast<VertexKind>(i);
  return std::nullopt;
}

std::optional<EdgeKind> parse_edge_kind(std::string_view s) {
  for (int i = 0; i < kEdgeKindCount; ++i)
    if (kEdgeKinds[i] == s) return static_cast<EdgeKind>(i);
  return std::nullopt;
}


namespace {

using detail::BoostGraph;
using detail::GraphImpl;

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

VertexKind vertex_kind(ActorKind k) {
  switch (k) {
    case ActorKind::country: return VertexKind::country;
    case ActorKind::person: return VertexKind::person;
    case ActorKind::organization: return VertexKind::organization;
    case ActorKind::place: return VertexKind::place;
  }
  return VertexKind::country;
}

// The part of an id after its first ':' ("PAK" for "country:PAK").
std::string_view id_suffix(std::string_view id) {
  auto colon = id.find(':');
  return colon == std::string_view::npos ? id : id.substr(colon + 1);
}

bool is_membership_type(std::string_view type) {
  return type == "membership" || type == "accession" || type == "join";
}

// True if every byte of s is in 0x20..0x7F (text XML takes as it is),
// tested eight bytes at a time.
bool printable_ascii(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    // A byte >= 0x80, or (all bytes < 0x80) a byte < 0x20.
    if ((w & kHigh) || ((w - kOnes * 0x20) & ~w & kHigh)) return false;
  }
  for (; n > 0; ++p, --n)
    if (static_cast<unsigned char>(*p) < 0x20 || static_cast<unsigned char>(*p) >= 0x80)
      return false;
  return true;
}

class GraphBuilder {
 public:
  GraphBuilder(GraphImpl& impl, Diagnostics* diag) : impl_(impl), diag_(diag) {}

  void reserve(std::size_t vertices, std::size_t edges) {
    vertices_.reserve(vertices);
    detail::advise_huge_pages(vertices_.data(), vertices_.capacity() * sizeof(VertexData));
    pending_.reserve(edges);
    detail::advise_huge_pages(pending_.data(), pending_.capacity() * sizeof(Pending));
  }
  Diagnostics* diag() const { return diag_; }

  // Continues the finished graph `base` (which must outlive the graph this
  // builds: its strings are viewed, not copied): its vertices, strings, ids,
  // placeholder labels and entity links are taken over, add_fact() goes on
  // from there and finish() extends base's rows.
  void extend_from(const GraphImpl& base) {
    GraphImpl& m = impl_;
    const detail::CsrGraph::Arrays& a = base.g.arrays();
    const std::uint32_t nv = a.num_vertices;
    reserve(nv + nv / 8 + 16, 0);
    vertices_.assign(a.vertices, a.vertices + nv);
    placeholder_.assign(nv, false);
    if (base.flags.size() == nv)
      for (VertexId v = 0; v < nv; ++v)
        placeholder_[v] = (base.flags[v] & VertexFlags::kPlaceholder) != 0;
    // The interned strings: every field interned when built (a code that
    // was only an organization's placeholder label is not among them: a
    // later fact naming it interns it again, which changes no answer).
    std::vector<StrId> interned;
    interned.reserve(nv * 4 + 16);
    for (VertexId v = 0; v < nv; ++v) {
      const VertexData& d = vertices_[v];
      for (StrId s : {d.label, d.type, d.cameo, d.root, d.date, d.article, d.title, d.url,
                      d.outlet, d.published, d.country, d.role})
        if (s) interned.push_back(s);
      if (d.kind != VertexKind::event) interned.push_back(d.id);
    }
    std::sort(interned.begin(), interned.end());
    interned.erase(std::unique(interned.begin(), interned.end()), interned.end());
    m.strings.extend(base.strings, interned);
    m.index.copy_from(base.index);
    std::copy(std::begin(base.kind_counts), std::end(base.kind_counts), m.kind_counts);
    m.stats = base.stats;
    for (VertexId v = 0; v < nv; ++v) {
      if (vertices_[v].kind == VertexKind::event) continue;
      for (std::uint32_t r = a.out_start[v]; r < a.out_start[v + 1]; ++r) {
        EdgeKind k = a.out_props[r].kind;
        if (k == EdgeKind::in || k == EdgeKind::represents || k == EdgeKind::member_of)
          linked_.insert((std::uint64_t{v} << 32) | a.out_target[r]);
      }
    }
    base_ = a;
    extending_ = true;
  }
  void set_fallback_names(NameLookup names) { fallback_names_ = std::move(names); }

  void add_fact(const Fact& f) {
    GraphImpl& m = impl_;
    std::string_view id = clean(f.id);
    if (find(id) != kNoVertex) {
      ++m.stats.duplicates;
      if (diag_)
        diag_->warning({}, fmt::format("fact {} appears more than once; later copies ignored", id));
      return;
    }
    VertexData d;
    d.kind = VertexKind::event;
    d.id = m.strings.add(id);
    d.label = intern(f.name.empty() ? f.type : f.name);
    d.type = intern(f.type);
    d.cameo = intern(f.cameo);
    d.root = intern(f.root);
    d.date = intern(f.date);
    d.status = f.status;
    d.quad_class = static_cast<std::uint8_t>(std::clamp(f.quad_class, 0, 4));
    d.goldstein = f.goldstein;
    d.confidence = f.confidence;
    d.mentions = f.mentions > 0 ? f.mentions : count_mentions(f);
    if (!f.evidence.empty()) set_first_evidence(d, f.evidence.front());
    VertexId ev = new_vertex(d);
    ++m.stats.events;

    seen_.clear();
    auto add_parties = [&](const std::vector<Actor>& group, EdgeKind kind) {
      for (const Actor& a : group) {
        VertexId p = entity(a);
        if (std::find(seen_.begin(), seen_.end(), p) != seen_.end()) continue;
        seen_.push_back(p);
        edge(p, ev, kind);
      }
    };
    add_parties(f.source, EdgeKind::source);
    add_parties(f.target, EdgeKind::target);
    add_parties(f.participants, EdgeKind::participant);

    if (f.location) edge(ev, place(*f.location), EdgeKind::located_in);

    topics_.clear();
    for (const std::string& t : f.topics) {
      if (t.empty()) continue;
      VertexId c = country(t);
      if (std::find(topics_.begin(), topics_.end(), c) != topics_.end()) continue;
      topics_.push_back(c);
      edge(ev, c, EdgeKind::about);
    }

    if (is_membership_type(f.type) && f.status == Status::occurred) {
      // Every non-organization party joins every organization party.
      for (VertexId a : seen_)
        if (vertices_[a].kind != VertexKind::organization)
          for (VertexId o : seen_)
            if (vertices_[o].kind == VertexKind::organization) link(a, o, EdgeKind::member_of);
    }
  }

  // extend_from(): the event vertex `v` of the base graph takes the fields
  // of `f`, its fact with later records merged (same parties, place, topics,
  // type, status and name: the caller checks).
  void patch_event(VertexId v, const Fact& f) {
    VertexData& d = vertices_[v];
    d.cameo = intern(f.cameo);
    d.root = intern(f.root);
    d.date = intern(f.date);
    d.quad_class = static_cast<std::uint8_t>(std::clamp(f.quad_class, 0, 4));
    d.goldstein = f.goldstein;
    d.confidence = f.confidence;
    d.mentions = f.mentions > 0 ? f.mentions : count_mentions(f);
    if (d.article == 0 && !f.evidence.empty())  // its first evidence came later
      set_first_evidence(d, f.evidence.front());
  }

  // An event's first evidence: its sentence, article and the article's
  // provenance (each left 0 when empty).
  void set_first_evidence(VertexData& d, const Evidence& e) {
    d.evidence = impl_.strings.add(clean(e.text));
    d.article = intern(e.article);
    d.title = intern(e.title);
    d.url = intern(e.url);
    d.outlet = intern(e.outlet);
    d.published = intern(e.published);
  }

  void finish() {
    GraphImpl& m = impl_;
    m.flags.resize(vertices_.size());
    for (VertexId v = 0; v < vertices_.size(); ++v)
      m.flags[v] = VertexFlags::of(vertices_[v], placeholder_[v]);
    // Entities no fact named get their name from the caller's dictionary.
    if (fallback_names_) {
      for (VertexId v = 0; v < placeholder_.size(); ++v) {
        if (!placeholder_[v]) continue;
        std::string_view name = fallback_names_(m.strings.view(vertices_[v].id));
        if (name.empty()) continue;
        vertices_[v].label = intern(name);
        placeholder_[v] = false;
      }
    }

    // Resolution keys for every entity.
    for (VertexId v = 0; v < vertices_.size(); ++v) {
      const VertexData& d = vertices_[v];
      if (d.kind == VertexKind::event) continue;
      std::string_view id = m.strings.view(d.id);
      add_name(detail::name_key(m.strings.view(d.label)), v, 0);
      if (d.kind == VertexKind::country || d.kind == VertexKind::organization ||
          d.kind == VertexKind::person)
        add_name(detail::name_key(id_suffix(id)), v, 0);
      if (d.kind == VertexKind::person) {
        std::string key = detail::name_key(m.strings.view(d.label));
        auto dash = key.rfind('-');
        if (dash != std::string::npos && dash + 1 < key.size()) add_name(key.substr(dash + 1), v, 1);
      }
    }
    // Edges go in last, sorted into rows both ways.
    if (extending_)
      m.g.extend(base_, std::move(vertices_), pending_);
    else
      m.g.assign(std::move(vertices_), pending_);
    std::vector<Pending>().swap(pending_);
    vertices_.clear();
  }

 private:
  // The sanitized text of s (valid until the next call, or as long as s):
  // s itself when it is printable ASCII, the common case.
  std::string_view clean(std::string_view s) {
    if (printable_ascii(s)) return s;
    scratch_.clear();
    detail::append_clean_text(scratch_, s);
    return scratch_;
  }
  StrId intern(std::string_view s) { return s.empty() ? 0 : impl_.strings.intern(clean(s)); }

  // The vertex with this (sanitized) stable id, or kNoVertex.
  VertexId find(std::string_view id) const {
    return impl_.index.find(id, [this](std::uint32_t v) { return impl_.strings.view(vertices_[v].id); });
  }

  VertexId new_vertex(const VertexData& d) {
    auto v = static_cast<VertexId>(vertices_.size());
    vertices_.push_back(d);
    impl_.index.insert(impl_.strings.view(d.id), v,
                       [this](std::uint32_t x) { return impl_.strings.view(vertices_[x].id); });
    ++impl_.kind_counts[static_cast<int>(d.kind)];
    placeholder_.push_back(false);
    return v;
  }

  // The entity vertex for `id` (sanitized), created with a placeholder label
  // (its code or id) when missing.
  VertexId find_or_make(std::string_view raw_id, VertexKind kind) {
    std::string_view id = clean(raw_id);
    if (VertexId v = find(id); v != kNoVertex) return v;
    VertexData d;
    d.kind = kind;
    d.id = impl_.strings.intern(id);
    std::string_view idv = impl_.strings.view(d.id);
    d.label = (kind == VertexKind::country || kind == VertexKind::organization)
                  ? impl_.strings.intern(id_suffix(idv))
                  : d.id;
    VertexId v = new_vertex(d);
    placeholder_[v] = true;
    if (kind == VertexKind::country) {
      vertices_[v].country = impl_.strings.intern(id_suffix(idv));
      vertices_[v].home = v;
    }
    return v;
  }

  VertexId country(std::string_view code) { return find_or_make("country:" + upper_ascii(code), VertexKind::country); }

  VertexId entity(const Actor& a) {
    VertexId v = find_or_make(a.id, vertex_kind(a.kind));
    if (placeholder_[v] && !a.name.empty() && a.name != a.id) {
      vertices_[v].label = intern(a.name);
      placeholder_[v] = false;
    }
    if (vertices_[v].role == 0 && !a.role.empty() && vertices_[v].kind == VertexKind::person)
      vertices_[v].role = intern(a.role);
    if (vertices_[v].country == 0 && !a.country.empty()) set_country(v, a.country);
    return v;
  }

  VertexId place(const Location& loc) {
    std::string id = loc.country.empty()
                         ? "place:" + slugify(loc.name)
                         : "place:" + upper_ascii(loc.country) + ":" + slugify(loc.name);
    VertexId v = find_or_make(id, VertexKind::place);
    if (placeholder_[v] && !loc.name.empty()) {
      vertices_[v].label = intern(loc.name);
      placeholder_[v] = false;
    }
    if (vertices_[v].country == 0 && !loc.country.empty()) set_country(v, loc.country);
    return v;
  }

  // Gives entity v its country (or, for "org:..." in a person's country
  // field, its organization) and the edge that says so.
  void set_country(VertexId v, std::string_view code) {
    VertexKind kind = vertices_[v].kind;
    if (kind == VertexKind::country) return;  // a country's code is its id
    if (code.rfind("org:", 0) == 0) {
      if (kind != VertexKind::place) link(v, find_or_make(code, VertexKind::organization), EdgeKind::member_of);
      return;
    }
    VertexId c = country(code);
    vertices_[v].country = vertices_[c].country;
    vertices_[v].home = c;
    link(v, c, kind == VertexKind::place ? EdgeKind::in : EdgeKind::represents);
  }

  // Queues an edge; finish() adds them all.
  void edge(VertexId from, VertexId to, EdgeKind kind) { pending_.push_back({from, to, kind}); }

  // An entity-to-entity edge, at most one per ordered pair.
  void link(VertexId from, VertexId to, EdgeKind kind) {
    if (from == to) return;
    if (!linked_.insert((std::uint64_t{from} << 32) | to).second) return;
    edge(from, to, kind);
  }

  void add_name(std::string key, VertexId v, std::uint8_t rank) {
    if (key.empty()) return;
    auto& entries = impl_.names[std::move(key)];
    for (auto& e : entries)
      if (e.vertex == v) {
        e.rank = std::min(e.rank, rank);
        return;
      }
    entries.push_back({v, rank});
  }

  using Pending = detail::CsrGraph::NewEdge;

  GraphImpl& impl_;
  Diagnostics* diag_;
  std::vector<VertexData> vertices_;  // the graph's vertices until finish()
  std::vector<Pending> pending_;
  std::string scratch_;
  std::vector<bool> placeholder_;
  NameLookup fallback_names_;
  std::vector<VertexId> seen_, topics_;
  std::unordered_set<std::uint64_t> linked_;
  detail::CsrGraph::Arrays base_;  // extend_from(): the rows of the graph continued
  bool extending_ = false;
};

int kind_order(VertexKind k) {
  switch (k) {
    case VertexKind::country: return 0;
    case VertexKind::organization: return 1;
    case VertexKind::person: return 2;
    case VertexKind::place: return 3;
    case VertexKind::event: return 4;
  }
  return 5;
}

}  // namespace

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<GraphImpl>()) {}
KnowledgeGraph::KnowledgeGraph(std::unique_ptr<detail::GraphImpl> impl) : impl_(std::move(impl)) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

struct KnowledgeGraph::Builder::State {
  State(Diagnostics* diag) : builder(*graph.impl_, diag) {}
  KnowledgeGraph graph;
  GraphBuilder builder;
};

KnowledgeGraph::Builder::Builder(KnowledgeGraph base, Diagnostics* diag)
    : state_(std::make_unique<State>(diag)) {
  std::shared_ptr<const GraphImpl> kept(std::move(base.impl_));
  state_->builder.extend_from(*kept);
  state_->graph.impl_->backing = kept;  // base's strings (and its mapping) stay alive
}

KnowledgeGraph::Builder::Builder(Diagnostics* diag, std::size_t expected_facts)
    : state_(std::make_unique<State>(diag)) {
  if (expected_facts > 0) reserve(expected_facts);
}
KnowledgeGraph::Builder::~Builder() = default;
KnowledgeGraph::Builder::Builder(Builder&&) noexcept = default;
KnowledgeGraph::Builder& KnowledgeGraph::Builder::operator=(Builder&&) noexcept = default;

void KnowledgeGraph::Builder::reserve(std::size_t facts) {
  GraphImpl& m = *state_->graph.impl_;
  m.index.reserve(facts + facts / 8 + 16);
  m.strings.reserve(facts * 2 + 1024);
  state_->builder.reserve(facts + facts / 8 + 16, facts * 5);
}

void KnowledgeGraph::Builder::set_fallback_names(NameLookup names) {
  state_->builder.set_fallback_names(std::move(names));
}

void KnowledgeGraph::Builder::update_event(VertexId v, const Fact& fact) {
  state_->builder.patch_event(v, fact);
}

void KnowledgeGraph::Builder::add(const Fact& fact) {
  ++state_->graph.impl_->stats.facts;
  state_->builder.add_fact(fact);
}

KnowledgeGraph KnowledgeGraph::Builder::finish() {
  state_->builder.finish();
  KnowledgeGraph kg = std::move(state_->graph);
  Diagnostics* diag = state_->builder.diag();
  state_ = std::make_unique<State>(diag);
  return kg;
}

KnowledgeGraph KnowledgeGraph::build(const std::vector<Fact>& facts, Diagnostics* diag,
                                     const NameLookup& names) {
  Builder b(diag, facts.size());
  if (names) b.set_fallback_names(names);
  for (const Fact& f : facts) b.add(f);
  return b.finish();
}

std::size_t KnowledgeGraph::vertex_count() const { return impl_->g.num_vertices(); }
std::size_t KnowledgeGraph::edge_count() const { return impl_->g.num_edges(); }
std::size_t KnowledgeGraph::count(VertexKind kind) const {
  return impl_->kind_counts[static_cast<int>(kind)];
}
const BuildStats& KnowledgeGraph::stats() const { return impl_->stats; }
const GraphSummary* KnowledgeGraph::summary() const {
  return impl_->summary ? &*impl_->summary : nullptr;
}
const VertexData& KnowledgeGraph::vertex(VertexId v) const { return impl_->g[v]; }
std::string_view KnowledgeGraph::str(StrId s) const { return impl_->strings.view(s); }
std::size_t KnowledgeGraph::string_count() const { return impl_->strings.size(); }

std::string KnowledgeGraph::provenance_text(VertexId ev) const {
  const VertexData& d = vertex(ev);
  std::string out;
  if (d.kind != VertexKind::event) return out;
  if (d.title) out = fmt::format("\u201c{}\u201d", str(d.title));
  for (StrId s : {d.outlet, d.published, d.url})
    if (s) out += (out.empty() ? "" : ", ") + std::string(str(s));
  return out;
}

VertexId KnowledgeGraph::find(std::string_view stable_id) const {
  return impl_->find(stable_id);
}

std::span<const std::uint8_t> KnowledgeGraph::vertex_flags() const { return impl_->flags; }

std::span<const EventKeys> KnowledgeGraph::event_keys() const {
  if (!impl_->event_keys) return {};
  check_event_key_blocks(*this);
  return {impl_->event_keys, vertex_count()};
}

std::size_t KnowledgeGraph::degree(VertexId v) const {
  return impl_->g.out_degree(v) + impl_->g.in_degree(v);
}

std::vector<EdgeRef> KnowledgeGraph::edges_of(VertexId v) const {
  std::vector<EdgeRef> out;
  out.reserve(degree(v));
  detail::for_each_neighbor(impl_->g, v, [&](VertexId other, EdgeKind kind, bool outgoing) {
    out.push_back(outgoing ? EdgeRef{v, other, kind} : EdgeRef{other, v, kind});
  });
  return out;
}

std::vector<VertexId> KnowledgeGraph::around(VertexId center, int depth) const {
  std::vector<VertexId> out;
  if (center >= vertex_count()) return out;
  std::vector<bool> seen(vertex_count());
  std::vector<VertexId> frontier{center}, next;
  seen[center] = true;
  out.push_back(center);
  for (int d = 0; d < depth && !frontier.empty(); ++d) {
    next.clear();
    for (VertexId u : frontier)
      detail::for_each_neighbor(impl_->g, u, [&](VertexId w, EdgeKind, bool) {
        if (seen[w]) return;
        seen[w] = true;
        next.push_back(w);
        out.push_back(w);
      });
    std::swap(frontier, next);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string describe(const KnowledgeGraph& graph, VertexId v) {
  std::string_view id = graph.id(v), label = graph.label(v);
  if (label.empty() || label == id) return std::string(id);
  return fmt::format("{} ({})", label, id);
}

Resolution KnowledgeGraph::resolve(std::string_view query, const NameTable* names) const {
  Resolution r;
  auto found = [&](VertexId v) {
    r.outcome = Resolution::Outcome::found;
    r.vertex = v;
    return r;
  };
  if (VertexId v = find(query); v != kNoVertex) return found(v);
  if (auto colon = query.find(':'); colon != std::string_view::npos) {
    std::string prefix = lower_ascii(query.substr(0, colon));
    if (prefix == "organization") prefix = "org";
    std::string_view rest = query.substr(colon + 1);
    for (const std::string& tail : {upper_ascii(rest), lower_ascii(rest), slugify(rest)}) {
      if (VertexId v = find(prefix + ":" + tail); v != kNoVertex) return found(v);
    }
    // place:pak:lahore
    if (prefix == "place") {
      auto c2 = rest.find(':');
      if (c2 != std::string_view::npos)
        if (VertexId v = find("place:" + upper_ascii(rest.substr(0, c2)) + ":" +
                              slugify(rest.substr(c2 + 1)));
            v != kNoVertex)
          return found(v);
    }
  }
  auto list_of = [&](const std::vector<VertexId>& vs) {
    std::string list;
    for (VertexId v : vs) list += (list.empty() ? "" : ", ") + describe(*this, v);
    return list;
  };

  // Every entity the query names, with the best rank it names it by: the
  // graph's own labels and ids (codes and full names rank as names, surnames
  // as surnames) and the dictionary's names (graph/name_table.hpp).
  std::vector<std::pair<NameRank, VertexId>> hits;
  auto hit = [&](NameRank rank, VertexId v) {
    for (auto& h : hits)
      if (h.second == v) {
        h.first = std::min(h.first, rank);
        return;
      }
    hits.emplace_back(rank, v);
  };
  std::string key = detail::name_key(query);
  // A place's name is a last resort: "Moscow" is the country before the city.
  auto graph_rank = [&](const detail::NameEntry& e) {
    return e.rank == 0 && kind(e.vertex) != VertexKind::place ? NameRank::name : NameRank::surname;
  };
  if (auto it = impl_->names.find(key); !key.empty() && it != impl_->names.end())
    for (const auto& e : it->second) hit(graph_rank(e), e.vertex);
  const NameEntry* absent = nullptr;  // a dictionary entity no fact names
  if (names)
    for (const NameEntry& e : names->find(query)) {
      if (VertexId v = find(e.id); v != kNoVertex)
        hit(e.rank, v);
      else if (!absent || e.rank < absent->rank)
        absent = &e;
    }
  if (!hits.empty()) {
    auto better = [&](const std::pair<NameRank, VertexId>& a,
                      const std::pair<NameRank, VertexId>& b) {
      if (a.first != b.first) return a.first < b.first;
      return kind_order(vertex(a.second).kind) < kind_order(vertex(b.second).kind);
    };
    auto best = *std::min_element(hits.begin(), hits.end(), better);
    for (const auto& h : hits)
      if (!better(best, h) && !better(h, best)) r.candidates.push_back(h.second);
    std::sort(r.candidates.begin(), r.candidates.end());
    if (r.candidates.size() == 1) return found(r.candidates.front());
    r.outcome = Resolution::Outcome::ambiguous;
    r.message = fmt::format("\"{}\" is ambiguous: {}; give an id", query, list_of(r.candidates));
    return r;
  }
  r.outcome = Resolution::Outcome::unknown;
  if (absent) {
    r.message = fmt::format("\"{}\" is {} ({}, by its {}), which no fact here names", query,
                            absent->label, absent->id, absent->what);
    return r;
  }

  // Unknown: near matches by prefix or edit distance over every name of an
  // entity in the graph (its labels and ids, and its dictionary names).
  struct Near {
    std::size_t distance;
    NameRank rank;
    std::size_t degree;
    VertexId v;
  };
  std::vector<Near> near;
  std::string folded = fold_name(query);
  std::size_t max_d = suggestion_distance(folded.size());
  auto distance = [&](std::string_view name) {
    if (folded.size() >= 2 && name.size() > folded.size() &&
        name.compare(0, folded.size(), folded) == 0)
      return std::size_t{1};  // a prefix counts as one edit
    return bounded_edit_distance(folded, name, max_d);
  };
  if (!folded.empty()) {
    for (const auto& [name, entries] : impl_->names) {
      std::size_t d = distance(fold_name(name));
      if (d > max_d) continue;
      for (const auto& e : entries) near.push_back({d, graph_rank(e), degree(e.vertex), e.vertex});
    }
    if (names)
      for (const auto& [name, entries] : names->all()) {
        std::size_t d = distance(name);
        if (d > max_d) continue;
        for (const NameEntry& e : entries)
          if (VertexId v = find(e.id); v != kNoVertex) near.push_back({d, e.rank, degree(v), v});
      }
  }
  std::sort(near.begin(), near.end(), [&](const Near& a, const Near& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.degree != b.degree) return a.degree > b.degree;
    return id(a.v) < id(b.v);
  });
  for (const Near& n : near) {
    if (r.candidates.size() == 5) break;
    if (std::find(r.candidates.begin(), r.candidates.end(), n.v) == r.candidates.end())
      r.candidates.push_back(n.v);
  }
  if (r.candidates.empty())
    r.message = fmt::format("unknown entity \"{}\": no id, code or name matches", query);
  else
    r.message =
        fmt::format("unknown entity \"{}\"; did you mean {}?", query, list_of(r.candidates));
  return r;
}

VertexId KnowledgeGraph::resolve_or_throw(std::string_view query, const NameTable* names) const {
  Resolution r = resolve(query, names);
  if (!r.ok()) throw Error(r.message);
  return r.vertex;
}

}  // namespace dipgraph
