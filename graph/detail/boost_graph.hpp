// The Boost side of KnowledgeGraph: the adjacency_list type, the string pool
// and the indexes. Include only from .cpp files of graph/, queries/, export/
// (it pulls in Boost.Graph); everything else uses graph/knowledge_graph.hpp.
//
// Layout: adjacency_list<vecS, vecS, bidirectionalS, VertexData, EdgeProps,
// no_property, vecS>. Vertex descriptors are the dense VertexIds; edges are
// kept in one vector (EdgeListS = vecS) so each edge costs one record plus an
// out- and an in-entry. Bidirectional keeps the stored direction (exports are
// directed graphs) while in_edges lets queries walk the graph as undirected
// in O(degree): see for_each_neighbor.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace dipgraph::detail {

// Bundled edge property.
struct EdgeProps {
  EdgeKind kind = EdgeKind::participant;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         VertexData, EdgeProps, boost::no_property, boost::vecS>;
using BoostVertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using BoostEdge = boost::graph_traits<BoostGraph>::edge_descriptor;

// Append-only string storage: bytes live in fixed blocks that never move,
// so string_views stay valid. intern() stores each distinct string once;
// add() stores without looking (for strings known to be unique, such as
// evidence sentences). StrId 0 is "".
class StringPool {
 public:
  StringPool();
  StrId intern(std::string_view s);
  StrId add(std::string_view s);
  std::string_view view(StrId id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }
  std::size_t bytes() const { return bytes_; }

 private:
  std::string_view copy(std::string_view s);
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0, capacity_ = 0, bytes_ = 0;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, StrId> ids_;
};

// One resolution key (a normalized name or code) and what it names.
struct NameEntry {
  VertexId vertex;
  std::uint8_t rank;  // 0 code or full name, 1 surname
};

struct GraphImpl {
  BoostGraph g;
  StringPool strings;
  std::unordered_map<std::string_view, VertexId> index;  // stable id -> vertex
  // Normalized (slugified) names and codes of entities -> vertices.
  std::unordered_map<std::string, std::vector<NameEntry>> names;
  std::size_t kind_counts[kVertexKindCount] = {};
  BuildStats stats;
};

// Calls f(other, kind, outgoing) for every edge touching v: out-edges first
// (outgoing = true, other = target), then in-edges (other = source).
template <class F>
inline void for_each_neighbor(const BoostGraph& g, VertexId v, F&& f) {
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
    f(static_cast<VertexId>(boost::target(*it, g)), g[*it].kind, true);
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
    f(static_cast<VertexId>(boost::source(*it, g)), g[*it].kind, false);
}

// Appends `s` to `out` as valid UTF-8 holding only characters XML 1.0
// allows: each malformed byte, C0 control other than tab/LF/CR (NUL
// included), U+FFFE and U+FFFF becomes U+FFFD. Returns true if `s` was
// already clean (then `out` got `s` unchanged).
bool append_clean_text(std::string& out, std::string_view s);

// Length in bytes of the well-formed UTF-8 sequence at s[i] if it encodes a
// character XML 1.0 allows, else 0 (i < s.size()).
std::size_t xml_char_length(std::string_view s, std::size_t i);
// When xml_char_length(s, i) is 0: how many bytes one U+FFFD replaces (3 for
// the well-formed U+FFFE / U+FFFF, else 1).
std::size_t bad_char_length(std::string_view s, std::size_t i);

// The resolution key of a name: slugify() (lower-case ASCII, non-ASCII kept,
// runs of other characters -> '-').
std::string name_key(std::string_view name);

}  // namespace dipgraph::detail
