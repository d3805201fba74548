// leaders.tsv names -> people (recognize_detail.hpp, leaders.cpp part).
//
// A sentence's leader names (full names, aliases, surnames) are found once,
// longest first; titles use them ("Chancellor Merkel", people.cpp) and so do
// names alone ("Vladimir Putin said"). Which row a name stands for is chosen
// by the title's office and the article's date; a matched person takes the
// file's name, so its id is the same in every article.
#include <algorithm>

#include "ingest/recognize/recognize_detail.hpp"

namespace dipgraph::ingest::detail {

namespace {

// Offices and titles, for matching "Chancellor Merkel" to a leaders.tsv row:
// 0 head of state or government, 1 foreign minister, 2 anything else.
int office_class(std::string_view office) {
  for (std::string_view f : {"Foreign Minister", "Secretary of State", "Foreign Secretary",
                             "External Affairs Minister", "Top Diplomat"})
    if (iequal(office, f)) return 1;
  if (iequal(office, "Vice President")) return 2;
  return 0;
}

// "Minister" in "Foreign Minister", "Secretary" in "Secretary of State":
// a title that is the first or last words of an office names it loosely.
bool word_affix(std::string_view title, std::string_view office) {
  if (title.size() >= office.size()) return false;
  std::size_t k = office.size() - title.size();
  return (iequal(office.substr(0, title.size()), title) && office[title.size()] == ' ') ||
         (iequal(office.substr(k), title) && office[k - 1] == ' ');
}

int title_class(std::string_view role, int rank) {
  int c = office_class(role);
  if (c == 1) return 1;
  return rank >= 1 && rank <= 2 ? 0 : 2;
}

}  // namespace

void find_leader_hits(SentenceState& sen) {
  const Dictionary& dict = sen.art.dict;
  const auto& toks = sen.art.a.toks;
  const auto& at = sen.art.at;
  const SentenceSpan& span = sen.span;
  auto& ms = sen.ms;
  for (std::uint32_t i = span.begin; i < span.end; ++i) {
    if (!toks[i].is(kWord) || toks[i].id == kNoToken || !dict.leader_matcher().can_start(toks[i].id)) continue;
    if (at[i] >= 0 && (ms[at[i]].kind == MentionKind::person || ms[at[i]].begin != i)) continue;
    LeaderHit h{i, i, {}, false};
    dict.leader_matcher().longest(
        [&](std::size_t k) { return toks[k].id; }, i, span.end,
        [&](std::uint32_t len, std::uint32_t value) {
          if (h.end > h.begin) {  // only the longest length
            if (len != h.end - h.begin) return true;
            h.values.push_back(value);
            return false;
          }
          // A name: its last word capitalized ("Kim Dae-jung": the head of
          // "Dae-jung"), no word inside another mention unless the name holds it.
          std::uint32_t head = i + len - 1;
          while (head > i && toks[head].is(kHyphenJoined)) --head;
          if (!sen.capital_at(i + len - 1) && !sen.capital_at(head)) return false;
          bool cap = false, full = !dict.leader_entries()[value].surname;
          for (std::uint32_t k = i; k < i + len; ++k) {
            cap |= sen.capital_at(k);
            if (!sen.inside_ok(k, i, i + len, full)) return false;
          }
          if (!cap) return false;
          h.end = i + len;
          h.values.push_back(value);
          return false;
        });
    if (h.end == h.begin) continue;
    for (std::uint32_t v : h.values) h.full |= !dict.leader_entries()[v].surname;
    i = h.end - 1;
    sen.hits.push_back(std::move(h));
  }
}

void drop_titles_in_names(SentenceState& sen) {
  // A title word inside a full name is part of the name: "Sheikh Hasina",
  // "Zayed bin Sultan Al Nahyan", "Ayatollah Khomeini".
  auto& ms = sen.ms;
  bool changed = false;
  for (const LeaderHit& h : sen.hits) {
    if (!h.full || h.end - h.begin < 2) continue;
    for (std::size_t k = 0; k < ms.size(); ++k)
      if (ms[k].kind == MentionKind::title && ms[k].begin >= h.begin && ms[k].end <= h.end) {
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k--));
        changed = true;
      }
  }
  if (changed) sen.reindex();
}

// `stated` wins over the table. Among the rows left, one in office at the
// article date is preferred; one person with several offices and no date to
// choose gets the latest.
LeaderPick pick_leader(const ArticleState& art, const LeaderHit& h, std::string_view role, int rank,
                       int stated) {
  const Dictionary& dict = art.dict;
  const int year = art.year;
  LeaderPick pick;
  int tclass = role.empty() ? -1 : title_class(role, rank);
  int best = -1;
  std::vector<std::uint32_t> rows;
  for (std::uint32_t v : h.values) {
    std::uint32_t r = dict.leader_entries()[v].leader;
    const Leader& l = dict.leaders()[r];
    if (stated >= 0 && l.country != stated) continue;  // also drops organizations' offices
    if (year && l.start > year + 1) continue;  // not yet in office
    int score = 0;
    if (tclass >= 0) {
      if (iequal(l.office, role)) score += 4;
      else if (tclass != 2 && office_class(l.office) == tclass) score += 2;
      else if (word_affix(role, l.office)) score += 1;
      else continue;
    }
    if (year) {
      int end = l.end ? l.end : 9999;
      if (year >= l.start && year <= end) score += 3;
      else if (year + 1 >= l.start && year <= end + 1) score += 1;
    }
    if (score > best) best = score, rows.clear();
    if (score == best) rows.push_back(r);
  }
  if (rows.empty()) return pick;
  const Leader& first = dict.leaders()[rows[0]];
  bool one_person = true, one_country = true;
  std::uint32_t latest = rows[0];
  for (std::uint32_t r : rows) {
    const Leader& l = dict.leaders()[r];
    one_person &= l.person == first.person;
    one_country &= l.country == first.country && l.org == first.org;
    if (l.start > dict.leaders()[latest].start) latest = r;
  }
  // One person with several offices and no date to choose: the latest.
  if (one_person) pick.row = static_cast<int>(latest);
  if (one_country) pick.country = dict.leaders()[pick.row >= 0 ? latest : rows[0]].country;
  return pick;
}

void make_leader(ArticleState& art, int p, int row) {
  Person& pr = art.a.people[p];
  if (pr.leader >= 0 || row < 0) return;
  const Leader& l = art.dict.leaders()[row];
  pr.leader = row;
  pr.name = l.name;
  pr.words = name_words(l.name);
  if (pr.role.empty()) pr.role = pr.base_role = l.office;
  if (pr.country < 0 && pr.org < 0 && !pr.former) {
    pr.country = l.country;
    pr.org = l.org;  // "Jens Stoltenberg" in 2020 speaks for NATO
  }
}

// A full name ("Vladimir Putin said"), a surname or alias of a leader read
// before ("Niinistö" after "President Sauli Niinistö"), or a surname
// news uses alone (flag `bare`) when the table gives one person for it at the
// article date ("Putin said").
void untitled_leaders(SentenceState& sen) {
  ArticleState& art = sen.art;
  const Dictionary& dict = art.dict;
  const SentenceSpan& span = sen.span;
  for (const LeaderHit& h : sen.hits) {
    bool free = true;
    for (std::uint32_t k = h.begin; k < h.end; ++k) free &= sen.inside_ok(k, h.begin, h.end, h.full);
    if (!free) continue;
    // Part of a longer name ("Bush Street", "Tom Bush") is someone else.
    if (h.begin > span.begin && sen.name_like(h.begin - 1)) continue;
    if (h.end < span.end && sen.name_like(h.end)) continue;
    int p = -1;
    for (int q = static_cast<int>(art.a.people.size()) - 1; q >= 0 && p < 0; --q) {
      const Person& pr = art.a.people[q];
      if (pr.leader < 0) continue;
      for (std::uint32_t v : h.values)
        if (dict.leaders()[dict.leader_entries()[v].leader].person == dict.leaders()[pr.leader].person) {
          p = q;
          break;
        }
    }
    if (p < 0) {
      LeaderPick pick = pick_leader(art, h, "", 0, -1);
      if (pick.row < 0) continue;
      const Leader& l = dict.leaders()[pick.row];
      bool full_name = h.full && h.end - h.begin >= 2;
      if (!full_name && !l.bare) continue;
      p = sen.add_person(l.name, name_words(l.name), l.office, l.office, l.country, -1);
      make_leader(art, p, pick.row);
    }
    Mention pm;
    pm.kind = MentionKind::person;
    pm.entity = p;
    sen.replace(h.begin, h.end, pm);
  }
}

}  // namespace dipgraph::ingest::detail
