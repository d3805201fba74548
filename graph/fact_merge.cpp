// Folding facts of one id (merge_fact), and the MergeIndex that keeps
// folding many reports of one fact linear.
#include "graph/fact_merge.hpp"

#include <algorithm>
#include <string_view>

namespace dipgraph {

namespace {

bool merge_actors(std::vector<Actor>& into, const std::vector<Actor>& from) {
  bool changed = false;
  for (const Actor& a : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const Actor& b) { return b.id == a.id; });
    if (it == into.end()) {
      into.push_back(a);
      changed = true;
      continue;
    }
    if (it->country.empty() && !a.country.empty()) {
      it->country = a.country;
      changed = true;
    }
    if (it->role.empty() && !a.role.empty()) {
      it->role = a.role;
      changed = true;
    }
    if ((it->name.empty() || it->name == it->id) && !a.name.empty() && a.name != a.id) {
      it->name = a.name;
      changed = true;
    }
  }
  return changed;
}

bool same_place(const Evidence& a, const Evidence& b) {
  return a.sentence == b.sentence && a.start == b.start && a.end == b.end && a.article == b.article;
}

std::uint64_t place_key(const Evidence& e) {
  std::uint64_t h = fnv1a64(e.article);
  h = (h ^ e.sentence) * 1099511628211ull;
  h = (h ^ e.start) * 1099511628211ull;
  h = (h ^ e.end) * 1099511628211ull;
  return h;
}

// Small evidence lists: a scan is cheaper than any set.
bool merge_evidence_small(std::vector<Evidence>& into, const std::vector<Evidence>& from) {
  bool changed = false;
  for (const Evidence& e : from) {
    bool seen = std::any_of(into.begin(), into.end(),
                            [&](const Evidence& f) { return same_place(e, f); });
    if (!seen) {
      into.push_back(e);
      changed = true;
    }
  }
  return changed;
}

template <class T>
bool fill(T& into, const T& from) {
  if (into.empty() && !from.empty()) {
    into = from;
    return true;
  }
  return false;
}

// Everything of merge_fact except evidence and mentions.
bool merge_fields(Fact& into, const Fact& from) {
  bool changed = false;
  changed |= merge_actors(into.source, from.source);
  changed |= merge_actors(into.target, from.target);
  changed |= merge_actors(into.participants, from.participants);
  for (const auto& t : from.topics) {
    if (std::find(into.topics.begin(), into.topics.end(), t) == into.topics.end()) {
      into.topics.push_back(t);
      changed = true;
    }
  }
  if (into.cameo.empty() && !from.cameo.empty()) {
    into.cameo = from.cameo;
    into.root = from.root;
    into.quad_class = from.quad_class;
    into.goldstein = from.goldstein;
    changed = true;
  }
  changed |= fill(into.date, from.date);
  changed |= fill(into.name, from.name);
  changed |= fill(into.quote, from.quote);
  if (!into.location && from.location) {
    into.location = from.location;
    changed = true;
  }
  if (from.confidence > into.confidence) {
    into.confidence = from.confidence;
    changed = true;
  }
  return changed;
}

}  // namespace

std::string fact_clash(const Fact& known, const Fact& incoming) {
  if (known.type != incoming.type) return "type " + known.type + " vs " + incoming.type;
  if (!known.date.empty() && !incoming.date.empty() && known.date != incoming.date)
    return "date " + known.date + " vs " + incoming.date;
  // Two dyads without a common party are two events; a report naming one
  // party only may be a partial mention of the same one.
  std::vector<const Actor*> a = parties(known), b = parties(incoming);
  if (a.size() < 2 || b.size() < 2) return {};
  for (const Actor* x : a)
    for (const Actor* y : b)
      if (x->id == y->id) return {};
  return "no party in common";
}

bool merge_fact(Fact& into, const Fact& from) {
  bool changed = false;
  if (into.evidence.size() * from.evidence.size() <= 64) {
    changed = merge_evidence_small(into.evidence, from.evidence);
    changed |= merge_fields(into, from);
    into.mentions = count_mentions(into);
    into.sources = count_sources(into.evidence);
    return changed;
  }
  MergeIndex index;
  return index.merge(into, from);
}

void MergeIndex::clear() {
  places_.clear();
  articles_.clear();
  article_of_.clear();
  parent_.clear();
  texts_.clear();
  outlets_.clear();
  indexed_ = 0;
  mentions_ = 0;
  sources_ = 0;
}

bool MergeIndex::index(const Fact& into, std::uint32_t i) {
  const Evidence& e = into.evidence[i];
  std::uint64_t key = place_key(e);
  auto [lo, hi] = places_.equal_range(key);
  for (auto it = lo; it != hi; ++it)
    if (same_place(into.evidence[it->second], e)) return false;
  places_.emplace(key, i);
  if (article_of_.size() <= i) article_of_.resize(i + 1);
  std::uint64_t akey = fnv1a64(e.article);
  auto [alo, ahi] = articles_.equal_range(akey);
  auto known = std::find_if(alo, ahi, [&](const auto& x) { return into.evidence[x.second].article == e.article; });
  if (known != ahi) {
    article_of_[i] = article_of_[known->second];
  } else {
    articles_.emplace(akey, i);
    article_of_[i] = static_cast<std::uint32_t>(parent_.size());
    parent_.push_back(article_of_[i]);
    ++mentions_;
  }
  if (!e.text.empty()) {  // a sentence another article has too: one story
    std::uint64_t tkey = fnv1a64(e.text);
    auto [tlo, thi] = texts_.equal_range(tkey);
    auto same = std::find_if(tlo, thi, [&](const auto& x) { return into.evidence[x.second].text == e.text; });
    if (same == thi) {
      texts_.emplace(tkey, i);
    } else {
      auto root = [&](std::uint32_t a) {
        while (parent_[a] != a) a = parent_[a] = parent_[parent_[a]];
        return a;
      };
      std::uint32_t a = root(article_of_[i]), b = root(article_of_[same->second]);
      if (a != b) parent_[a] = b, --mentions_;
    }
  }
  if (!e.outlet.empty()) {
    std::uint64_t okey = fnv1a64(e.outlet);
    auto [olo, ohi] = outlets_.equal_range(okey);
    if (std::none_of(olo, ohi, [&](const auto& x) { return into.evidence[x.second].outlet == e.outlet; }))
      outlets_.emplace(okey, i), ++sources_;
  }
  return true;
}

void MergeIndex::sync(const Fact& into) {
  if (indexed_ > into.evidence.size()) clear();
  if (indexed_ == 0) places_.reserve(into.evidence.size() * 2);
  // A duplicate already in `into` stays there, unindexed (as merge_fact leaves it).
  for (; indexed_ < into.evidence.size(); ++indexed_)
    index(into, static_cast<std::uint32_t>(indexed_));
}

bool MergeIndex::merge(Fact& into, const Fact& from) {
  sync(into);
  bool changed = false;
  for (const Evidence& e : from.evidence) {
    into.evidence.push_back(e);
    if (index(into, static_cast<std::uint32_t>(indexed_))) {
      ++indexed_;
      changed = true;
    } else {
      into.evidence.pop_back();
    }
  }
  changed |= merge_fields(into, from);
  into.mentions = mentions_;
  into.sources = sources_;
  return changed;
}

}  // namespace dipgraph
