// Internals shared by the parse coder's files (coder.cpp, coder_actors.cpp,
// coder_status.cpp): the per-sentence context and small helpers.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "ingest/code/coder.hpp"
#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

struct Coder::Ctx {
  const CoderInput& in;
  const Tree& t;
  const Analysis& rec;
  int home_mention = -1;  // a mention of the article's home country, -1 if none
  mutable bool private_party = false;  // a slot named a private person (set by slot())
  mutable bool nonstate_agent = false;  // a noun event names its own non-state agent (set by slot())
  mutable bool thing_agent = false;     // a passive's "by" agent is a thing ("backed by documents")
  mutable bool unknown_owner = false;   // a noun event's possessor names a maker not known (set by slot())
  // The mention a party stands for: a slot's value, or -(index + 1) for a
  // mention named elsewhere than the sentence's words.
  const Mention& party(std::int32_t x) const { return rec.mentions[x < 0 ? -x - 1 : x]; }
  int country_of(std::int32_t x) const { return party(x).country; }
  // True if party x is of the country of one of `parties` ("its own side").
  // (parties of no country, organizations, are the same side only when they
  // name the same one: the GCC is not the Arab League's side)
  bool among(std::int32_t x, const std::vector<std::int32_t>& parties) const {
    const Mention& m = party(x);
    return std::any_of(parties.begin(), parties.end(), [&](std::int32_t p) {
      const Mention& o = party(p);
      if (m.country >= 0 || o.country >= 0) return o.country == m.country;
      return o.kind == m.kind && o.entity == m.entity;
    });
  }
  // True if one of `xs` is of the country of one of `parties`.
  bool any_among(const std::vector<std::int32_t>& xs, const std::vector<std::int32_t>& parties) const {
    return std::any_of(xs.begin(), xs.end(), [&](std::int32_t x) { return among(x, parties); });
  }
  // The latest act told in the sentences before that satisfies `pred`, or null.
  template <class Pred>
  const CoderInput::RecentAct* latest_act(Pred&& pred) const {
    for (auto a = in.recent_acts.rbegin(); a != in.recent_acts.rend(); ++a)
      if (pred(*a)) return &*a;
    return nullptr;
  }
  // The makers of an act told before: its source, and for an act done
  // together (a meeting, an agreement) its other parties too.
  static std::vector<std::int32_t> makers_of(const CoderInput::RecentAct& a) {
    std::vector<std::int32_t> makers = a.source;
    if (a.sym) makers.insert(makers.end(), a.target.begin(), a.target.end());
    return makers;
  }
  // Appends to `out` the `makers` not of the country of one of `parties`
  // (the other side of an act answered or referred to).
  void add_others(const std::vector<std::int32_t>& makers, const std::vector<std::int32_t>& parties,
                  std::vector<std::int32_t>& out) const {
    for (std::int32_t x : makers)
      if (!among(x, parties)) out.push_back(x);
  }
  // Possessive pronouns the tree binds elsewhere than the recognizer did
  // (word, mention): set once per sentence by Coder::rebind_pronouns.
  std::vector<std::pair<int, int>> rebound{};
  int mention(int w) const {
    if (w < 0 || static_cast<std::size_t>(w) >= in.tok_of_word.size()) return -1;
    for (const auto& r : rebound)
      if (r.first == w) return r.second;
    // "Ethiopian-born" tells a birthplace, not whom one acts for.
    int mi = rec.mention_at[in.tok_of_word[w]];
    if (mi < 0) return mi;
    auto born = [&](int x) {
      const std::string& l = t.lemma(x);
      return l == "bear" || l == "born" || (l.size() > 5 && l.compare(l.size() - 5, 5, "-born") == 0);
    };
    // the word after the mention's last word: "-born", "born", or "-" "born"
    int x = w;
    while (x + 1 < t.size() && rec.mention_at[in.tok_of_word[x + 1]] == mi) ++x;
    if (x + 1 < t.size() && (born(x + 1) || (t.lemma(x + 1) == "-" && x + 2 < t.size() && born(x + 2))))
      return -1;
    return mi;
  }
};

namespace coder_detail {

// Acts aimed at someone by their nature: an appeal, praise, a demand,
// criticism, a rejection, a threat, a show of force, a sanction, coercion. Their target may
// go unsaid where the sentence names it elsewhere.
inline bool aimed(std::string_view cameo) {
  std::string_view r = cameo.substr(0, 2);
  return r == "02" || cameo == "051" || r == "10" || r == "11" || r == "12" || r == "13" || r == "15" ||
         r == "16" || r == "17";
}

// Verbs that answer a verbal act ("accept the demands", "has yet to answer
// the request"): the act was someone else's, made before; neither the
// answer's subject nor its status is the act's.
// The threat of an act of root R (two digits): to reduce relations or
// sanction 131, to coerce 137, to use force 138; none for other acts.
inline const char* threat_code(std::string_view r) {
  if (r == "16") return "131";
  if (r == "17") return "137";
  if (r == "18" || r == "19" || r == "20") return "138";
  return nullptr;
}

// The intent code (03x) of a cooperative act (a CAMEO code) one side
// means to do; nullptr for other roots. Mediation (045) has its own (039).
inline const char* intent_code(std::string_view cameo) {
  if (cameo == "045") return "039";
  const std::string_view r = cameo.substr(0, 2);
  if (r == "04") return "036";
  if (r == "05") return "032";
  if (r == "06") return "031";
  if (r == "07") return "033";
  if (r == "08") return "034";
  return nullptr;
}

// Roots 18-20: assault, fight, mass violence.
inline bool force_root(std::string_view cameo) {
  return cameo.size() >= 2 &&
         ((cameo[0] == '1' && (cameo[1] == '8' || cameo[1] == '9')) || (cameo[0] == '2' && cameo[1] == '0'));
}

inline bool answering_verb(std::string_view lemma) {
  static constexpr std::string_view kAnswer[] = {
      "answer", "consider", "study",  "receive", "ignore",  "review",  "examine", "heed",   "weigh",
      "accept", "reject",   "refuse", "decline", "deny",    "dismiss", "welcome", "grant",  "approve",
      "meet",   "fulfil",   "fulfill", "satisfy", "rebuff", "spurn"};
  return std::find(std::begin(kAnswer), std::end(kAnswer), lemma) != std::end(kAnswer);
}

// Acts of force: assault, fight, mass violence (roots 18, 19, 20).
inline bool armed_root(std::string_view cameo) {
  std::string_view r = cameo.substr(0, 2);
  return r == "18" || r == "19" || r == "20";
}

inline bool is_rel(std::string_view r, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), r) != set.end();
}

}  // namespace coder_detail

}  // namespace dipgraph::ingest
