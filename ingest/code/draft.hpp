// Draft: a fact before folding, with what folding needs to know.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/fact.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/recognizer.hpp"

namespace dipgraph::ingest {

class Calibration;

// A small sorted set of ISO3 codes (a few per fact: one allocation, no nodes).
class CodeSet {
 public:
  void insert(const std::string& c) {
    if (v_.capacity() == 0) v_.reserve(4);
    auto it = std::lower_bound(v_.begin(), v_.end(), c);
    if (it == v_.end() || *it != c) v_.insert(it, c);
  }
  template <class It>
  void insert(It b, It e) {
    for (; b != e; ++b) insert(*b);
  }
  std::size_t count(const std::string& c) const { return std::binary_search(v_.begin(), v_.end(), c); }
  bool empty() const { return v_.empty(); }
  void clear() { v_.clear(); }
  std::size_t size() const { return v_.size(); }
  auto begin() const { return v_.begin(); }
  auto end() const { return v_.end(); }
  friend bool operator==(const CodeSet& a, const CodeSet& b) { return a.v_ == b.v_; }

 private:
  std::vector<std::string> v_;
};

struct Draft {
  Fact fact;
  CodeSet countries;  // party countries (ISO3)
  bool own_date = false, own_place = false;
  // The parse coder read the sentence's dates and chose among them (maybe
  // none: "invited X to visit in June" is not dated June); the pattern
  // coder's reading of the same word takes that choice.
  bool dates_read = false;
  bool say = false;
  std::uint32_t sentence = 0;
  std::uint32_t position = 0;  // the pattern coder's trigger Tok
  std::uint32_t end = 0;       // one past the last Tok its pattern matched (0: position only)
  int tense = 0;               // -1 past, +1 future, 0 unknown
};

// Adds `a` to `side` unless an actor with its id is there.
inline void add_actor(std::vector<Actor>& side, Actor a) {
  for (const Actor& x : side)
    if (x.id == a.id) return;
  side.push_back(std::move(a));
}

// Adds the actors of mentions `group` of `a` to `out` and their countries
// to `countries`: a country, demonym, capital, metonym, role or city stands
// for its country; a group for its countries; an organization and a person
// for themselves (a person without a country but with an organization also
// brings the organization). A negative entry -k-1 is the country of mention
// k. Sets `anaphoric` when a party came through a pronoun or description.
void add_mention_actors(const Dictionary& dict, const Analysis& a, const std::vector<std::int32_t>& group,
                        std::vector<Actor>& out, CodeSet& countries, bool& anaphoric);

// Folds the drafts of one article (in reading order) into facts: one event
// told in several sentences (same type, status and party countries, dates
// and places that do not disagree; or a follow-up sentence up to 8
// sentences on, without date or place of its own, that shares a party) is
// one fact with all its evidence.
// Then finishes each fact: the article date for a current event without
// one, root, quad class, Goldstein value, confidence (the coders' score,
// rounded to 0.01, through `calibration`), mentions and id. At most
// `max_facts` are returned. `drafts` is consumed.
std::vector<Fact> fold_drafts(std::vector<Draft>& drafts, const std::string& article_day,
                              std::size_t max_facts, const Calibration& calibration);

}  // namespace dipgraph::ingest
