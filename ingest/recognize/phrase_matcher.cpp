// PhraseMatcher construction (phrase_matcher.hpp).
#include "ingest/recognize/phrase_matcher.hpp"

namespace dipgraph::ingest {

void PhraseMatcher::add(const std::vector<TokenId>& phrase, std::uint32_t value) {
  if (frozen_ || phrase.empty()) return;
  std::uint32_t node = 0;
  for (TokenId t : phrase) {
    if (t == kNoToken) return;
    auto it = build_[node].children.find(t);
    if (it == build_[node].children.end()) {
      auto child = static_cast<std::uint32_t>(build_.size());
      build_[node].children.emplace(t, child);
      build_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  auto& values = build_[node].values;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  ++phrases_;
}

void PhraseMatcher::freeze(std::size_t vocab_size) {
  if (frozen_) return;
  frozen_ = true;
  nodes_.assign(build_.size(), Node{});
  root_.assign(vocab_size, 0);
  for (std::uint32_t k = 0; k < build_.size(); ++k) {
    BuildNode& b = build_[k];
    Node& n = nodes_[k];
    n.value_begin = static_cast<std::uint32_t>(values_.size());
    n.value_count = static_cast<std::uint32_t>(b.values.size());
    values_.insert(values_.end(), b.values.begin(), b.values.end());
    if (k == 0) {
      starts_.assign((root_.size() + 63) / 64, 0);
      for (auto [t, child] : b.children)
        if (t < root_.size()) {
          root_[t] = child;
          starts_[t >> 6] |= std::uint64_t{1} << (t & 63);
        }
      continue;
    }
    n.edge_begin = static_cast<std::uint32_t>(edges_.size());
    n.edge_count = static_cast<std::uint32_t>(b.children.size());
    for (auto [t, child] : b.children) edges_.push_back({t, child});
  }
  build_.clear();
  build_.shrink_to_fit();
}

}  // namespace dipgraph::ingest
