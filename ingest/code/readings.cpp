// The tree's reading wins where both coders read the same words
// (readings.hpp). Written for dipgraph.
#include "ingest/code/readings.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "graph/cameo.hpp"

namespace dipgraph::ingest {

void prefer_tree_readings(std::vector<Draft>& drafts, std::size_t parse_drafts, const std::vector<int>& vetoed,
                          const std::vector<ChosenSense>& senses) {
  // A word both coders read is dated as the tree dates it, when the tree
  // saw the sentence's dates ("thanked X for its help during last year's
  // floods": not last year).
  // (the tree's drafts indexed by sentence and word, first draft first)
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> read_at;
  for (std::size_t j = 0; j < parse_drafts; ++j)
    if (drafts[j].dates_read) read_at.emplace_back(drafts[j].sentence, drafts[j].position, j);
  std::sort(read_at.begin(), read_at.end());
  for (std::size_t k = parse_drafts; k < drafts.size() && !read_at.empty(); ++k) {
    Draft& d = drafts[k];
    auto it = std::lower_bound(
        read_at.begin(), read_at.end(),
        std::make_tuple(std::size_t{d.sentence}, std::size_t{d.position}, std::size_t{0}));
    for (; it != read_at.end() && std::get<0>(*it) == d.sentence && std::get<1>(*it) == d.position;
         ++it) {
      const Draft& p = drafts[std::get<2>(*it)];
      if (cameo_root(p.fact.cameo) != cameo_root(d.fact.cameo)) continue;
      d.fact.date = p.fact.date;
      d.own_date = p.own_date;
      break;
    }
  }
  // An agreement the parse read in a sentence is reached, not only intended:
  // the pattern coder's intent of that sentence sharing its parties goes.
  auto agreed = [&](const Draft& d) {
    if (d.fact.cameo.rfind("03", 0) != 0) return false;
    for (std::size_t k = 0; k < parse_drafts; ++k) {
      const Draft& p = drafts[k];
      if (p.sentence != d.sentence || p.fact.cameo.rfind("05", 0) != 0 || p.fact.type != "agreement") continue;
      if (std::any_of(d.countries.begin(), d.countries.end(), [&](const auto& c) { return p.countries.count(c) > 0; }))
        return true;
    }
    return false;
  };
  auto other_sense = [&](const Draft& d) {
    // A threat the pattern coder reads from an act promised on a condition
    // ("will withdraw X unless ...") is a stance on that act, no other sense.
    if (cameo_root(d.fact.cameo) == "13") return false;
    bool chosen = false, same = false;
    // On the pattern's first or last word ("held a news conference").
    const int b = static_cast<int>(d.position), last = static_cast<int>(std::max(d.end, d.position + 1)) - 1;
    for (const ChosenSense& s : senses)
      if (s.tok == b || s.tok == last) chosen = true, same |= d.fact.cameo.compare(0, 2, s.root, 2) == 0;
    return chosen && !same;
  };
  // One word that both coders read between the same parties, in two roots
  // ("banned X from flying": a sanction, and a restriction): one act, the
  // tree's reading. Phrases of several words the pattern coder matched keep
  // their own reading.
  // Only among hostile material acts (roots 14-20): an intent or threat
  // the pattern coder reads from a planned act ("eager to meet", "will
  // withdraw ... unless") is a reading of its own.
  auto material = [](const std::string& cameo) {
    return cameo.size() >= 2 && (cameo[0] == '2' || (cameo[0] == '1' && cameo[1] >= '4'));
  };
  auto reread = [&](const Draft& d) {
    if (d.end > d.position + 1 || !material(d.fact.cameo)) return false;
    for (std::size_t k = 0; k < parse_drafts; ++k) {
      const Draft& p = drafts[k];
      if (p.sentence == d.sentence && p.position == d.position && p.countries == d.countries &&
          p.fact.cameo.compare(0, 2, d.fact.cameo, 0, 2) != 0 && material(p.fact.cameo))
        return true;
    }
    return false;
  };
  // The same word read in the same root with another status ("denied that
  // it had attacked"), with another source, with more parties of another
  // clause, or with fewer of the parties the tree found ("X and
  // its ally Y cut ties with Z" read as X alone), or with the same parties
  // in another code of that root no more specific than the tree's: the
  // tree's reading wins.
  // How specific a CAMEO code is: its digits, a root's general code (x0,
  // "070") counting as the root alone.
  auto specificity = [](const std::string& cameo) {
    return cameo.size() == 3 && cameo[2] == '0' ? 2 : static_cast<int>(cameo.size());
  };
  auto sources = [](const Draft& x) {
    std::set<std::string> out;
    for (const Actor& a : x.fact.source) out.insert(a.country);
    return out;
  };
  auto targets = [](const Draft& x) {
    std::set<std::string> out;
    for (const Actor& a : x.fact.target) out.insert(a.country);
    return out;
  };
  auto restated = [&](const Draft& d) {
    for (std::size_t k = 0; k < parse_drafts; ++k) {
      const Draft& p = drafts[k];
      // ... or, for an event between parties, with a party the tree's
      // reading lacks, from another clause ("A and B held talks, a day
      // after C's helicopters ...", "having met X, A flew to B for talks
      // with C": X did not talk with C) (the tree's word may be the noun
      // right after the words, which they modify: "held separate
      // telephone calls with A and B", one with each).
      if (p.sentence == d.sentence && p.position >= d.position && p.position <= std::max(d.end, d.position + 1) &&
          p.fact.source.empty() && d.fact.source.empty() && p.countries.size() >= 2 &&
          !std::includes(p.countries.begin(), p.countries.end(), d.countries.begin(), d.countries.end()) &&
          p.fact.cameo.compare(0, 2, d.fact.cameo, 0, 2) == 0)
        return true;
      // ... or with another source ("cancelled the visit of X": the tree
      // knows who visits whom; "recalled its envoy after X recognized Y":
      // the subject of the clause, not of the sentence; "the American air
      // strikes": the tree's word inside the words' phrase).
      if (p.sentence == d.sentence && p.position >= d.position && p.position < std::max(d.end, d.position + 1) &&
          p.fact.cameo.compare(0, 2, d.fact.cameo, 0, 2) == 0 && !d.fact.source.empty() &&
          !p.fact.source.empty() && sources(p) != sources(d))
        return true;
      // ... or with the same source and a target the tree's shares nothing
      // with ("X's visit to Y alarmed Z": the tree knows whom the visit was
      // to, word order takes the last name).
      if (p.sentence == d.sentence && p.position == d.position &&
          p.fact.cameo.compare(0, 2, d.fact.cameo, 0, 2) == 0 && !p.fact.source.empty() &&
          sources(p) == sources(d) && !p.fact.target.empty() && !d.fact.target.empty()) {
        const std::set<std::string> tp = targets(p), td = targets(d);
        if (std::none_of(td.begin(), td.end(), [&](const std::string& x) { return tp.count(x) > 0; })) return true;
      }
      // ... or a word a few words after the tree's verb of the same root,
      // between the same parties, with another status or a code no more
      // specific: the verb's object or complement, the same act read by
      // the tree ("signed a deal to build a pipeline": the tree's building
      // is planned, the pipeline no project done; "offered to mediate":
      // 039, no other intent 036).
      if (p.sentence == d.sentence && d.end <= d.position + 1 && d.position > p.position &&
          d.position <= p.position + 4 && p.countries == d.countries &&
          p.fact.cameo.compare(0, 2, d.fact.cameo, 0, 2) == 0 &&
          (p.fact.status != d.fact.status ||
           (p.fact.cameo != d.fact.cameo && specificity(p.fact.cameo) >= specificity(d.fact.cameo))))
        return true;
      // ... or with the same parties in another code of the root ("lifted
      // its restrictions": 085 by the tree, 081 by the words).
      if (p.position == d.position && p.sentence == d.sentence &&
          (p.fact.status != d.fact.status ||
           (p.countries != d.countries &&
            std::includes(p.countries.begin(), p.countries.end(), d.countries.begin(), d.countries.end())) ||
           (p.countries == d.countries && p.fact.cameo != d.fact.cameo &&
            specificity(p.fact.cameo) >= specificity(d.fact.cameo))) &&
          p.fact.cameo.compare(0, 2, d.fact.cameo, 0, 2) == 0)
        return true;
    }
    return false;
  };
  drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(parse_drafts), drafts.end(),
                              [&](const Draft& d) {
                                return std::binary_search(vetoed.begin(), vetoed.end(),
                                                          static_cast<int>(d.position)) ||
                                       agreed(d) || other_sense(d) || restated(d) || reread(d);
                              }),
               drafts.end());
}

}  // namespace dipgraph::ingest
