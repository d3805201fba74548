// PhraseMatcher: a trie over token ids in flat vectors, compiled once from
// dictionary phrases and matched many times (longest match at a position,
// then the caller settles overlaps by "longest, then earliest").
//
// The root level is a dense array indexed by token id, behind a bitset of
// the ids that start a phrase (one bit test per text token, in cache);
// deeper levels are sorted edge runs searched linearly or by binary search.
// Each phrase carries one or more 32-bit values (the caller's payload,
// e.g. an index into a dictionary's entry table).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "ingest/syntax/lexer.hpp"

namespace dipgraph::ingest {

class PhraseMatcher {
 public:
  // Adds a phrase of token ids (none may be kNoToken) with a value. Adding
  // after freeze() is an error (ignored). Empty phrases are ignored.
  void add(const std::vector<TokenId>& phrase, std::uint32_t value);
  // Compiles the trie into flat vectors; `vocab_size` bounds the root array.
  void freeze(std::size_t vocab_size);
  std::size_t phrase_count() const { return phrases_; }
  // True if some phrase starts with `first` (a cheap pre-check).
  bool can_start(TokenId first) const {
    return first < root_.size() && (starts_[first >> 6] >> (first & 63) & 1u);
  }

  // Walks the trie over ids(i), ids(i+1), ... up to `end` (exclusive) and
  // offers the values of each accepting depth to accept(length, value),
  // longest depth first. Returns the first length for which accept returned
  // true, or 0. `ids` is any callable size_t -> TokenId.
  template <class Ids, class Accept>
  std::uint32_t longest(Ids&& ids, std::size_t i, std::size_t end, Accept&& accept) const {
    if (i >= end) return 0;
    TokenId first = ids(i);
    if (first == kNoToken || !can_start(first)) return 0;
    std::uint32_t node = root_[first];
    if (node == 0) return 0;
    // Accepting depths along the path (phrases are short).
    std::uint32_t stack_nodes[32];
    std::uint32_t stack_len[32];
    int top = 0;
    std::uint32_t len = 1;
    for (;;) {
      const Node& n = nodes_[node];
      if (n.value_count && top < 32) {
        stack_nodes[top] = node;
        stack_len[top] = len;
        ++top;
      }
      if (i + len >= end || n.edge_count == 0) break;
      TokenId next = ids(i + len);
      if (next == kNoToken) break;
      std::uint32_t child = find_edge(n, next);
      if (child == 0) break;
      node = child;
      ++len;
    }
    for (int k = top - 1; k >= 0; --k) {
      const Node& n = nodes_[stack_nodes[k]];
      for (std::uint32_t v = 0; v < n.value_count; ++v)
        if (accept(stack_len[k], values_[n.value_begin + v])) return stack_len[k];
    }
    return 0;
  }

 private:
  struct Node {
    std::uint32_t edge_begin = 0, edge_count = 0;
    std::uint32_t value_begin = 0, value_count = 0;
  };
  struct Edge {
    TokenId token;
    std::uint32_t child;
  };
  std::uint32_t find_edge(const Node& n, TokenId t) const {
    const Edge* b = edges_.data() + n.edge_begin;
    const Edge* e = b + n.edge_count;
    if (n.edge_count <= 8) {
      for (const Edge* p = b; p != e; ++p)
        if (p->token == t) return p->child;
      return 0;
    }
    const Edge* p = std::lower_bound(b, e, t, [](const Edge& x, TokenId k) { return x.token < k; });
    return p != e && p->token == t ? p->child : 0;
  }

  // Build-time trie.
  struct BuildNode {
    std::map<TokenId, std::uint32_t> children;
    std::vector<std::uint32_t> values;
  };
  std::vector<BuildNode> build_{BuildNode{}};
  bool frozen_ = false;
  std::size_t phrases_ = 0;

  // Frozen trie. Node 0 is the (unused) root; root_ maps a first token to its node.
  std::vector<std::uint32_t> root_;
  std::vector<std::uint64_t> starts_;  // one bit per token id: some phrase starts with it (small: stays in cache)
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> values_;
};

}  // namespace dipgraph::ingest
