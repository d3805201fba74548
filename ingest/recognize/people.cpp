// Titles, appositions, counterparts, known names and descriptions of
// officials by demonym -> people (recognize_detail.hpp, people.cpp part).
//
// A title mention is read with what extends it ("Deputy" + "Prime
// Minister", "(DPM)", "to the President", "on Energy Security", "of
// Fiji", a portfolio before it) and what precedes it (a demonym, a
// country's, an organization, "the"). Then it is attached: to the name after
// it, a known leader, an apposition on either side, a person read before
// with the same role, or else it stays a country's role. Capitalized words
// alone never make a person.
#include <algorithm>

#include "ingest/recognize/recognize_detail.hpp"

namespace dipgraph::ingest::detail {

namespace {

// A title mention with its extensions and what precedes it.
struct TitlePhrase {
  std::uint32_t te = 0;   // end of the title and its extensions
  std::uint32_t pb = 0;   // begin, with the demonym, country or organization before it
  bool has_det = false;   // "the", "a" or "an" right before pb
  bool former = false;    // "former", "late" or "ex-" before it: an office no longer held
  bool visiting = false;  // "the visiting minister": a guest from abroad
  std::string role, base_role;
  int country = -1, org = -1;
};

// A person named as out of office ("former President X"): no country or
// organization, now or from later mentions.
void no_longer_in_office(Person& p) {
  p.former = true;
  p.country = p.org = -1;
}

// Reads the title mention t of the sentence; changes nothing.
TitlePhrase read_title(SentenceState& sen, const Mention& t) {
  const ArticleState& art = sen.art;
  const Dictionary& dict = art.dict;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  const auto& at = art.at;
  const auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  TitlePhrase tp;
  std::uint32_t tb = t.begin, te = t.end;
  const Title& title = dict.titles()[t.entity];
  std::string base_role = title.role, role = title.role;
  int country = -1, org = -1;
  // Adjacent titles form one ("Deputy" + "Prime Minister").
  while (Mention* next = sen.mention_at(te)) {
    if (next->kind != MentionKind::title || next->begin != te) break;
    base_role += " " + dict.titles()[next->entity].role;
    role = base_role;
    te = next->end;
  }
  // Extensions: "(DPM)", "to the President", "on Energy Security", "of Fiji".
  for (;;) {
    if (art.is_punct(te, '(') && te + 2 < span.end && toks[te + 1].is(kAllCaps) && art.is_punct(te + 2, ')')) {
      te += 3;
      continue;
    }
    if (te + 2 < span.end && toks[te].id == id.to && toks[te + 1].id == id.the) {
      Mention* m = sen.mention_at(te + 2);
      if (m && m->kind == MentionKind::title && m->begin == te + 2) {
        role += " to the " + dict.titles()[m->entity].role;
        base_role = role;
        te = m->end;
        continue;
      }
    }
    if (te + 1 < span.end && (toks[te].id == id.of || toks[te].id == id.on || toks[te].id == id.for_)) {
      std::uint32_t j = te + 1;
      if (toks[j].id == id.the && j + 1 < span.end) ++j;
      Mention* m = sen.mention_at(j);
      // (a name that takes its "the", "the Arab League", begins before j)
      if (m && m->begin == te + 1) j = te + 1;
      if (m && m->begin == j && (m->kind == MentionKind::country || m->kind == MentionKind::demonym ||
                                 m->kind == MentionKind::capital)) {
        if (toks[te].id != id.of) break;
        country = m->country;
        te = m->end;
        continue;
      }
      if (m && m->begin == j && m->kind == MentionKind::org) {
        org = m->entity;
        te = m->end;
        // (an organ of it named after it is no name: "the president of
        // the ECOWAS Commission")
        const auto& organs = art.id.org_organs;
        if (te < span.end && toks[te].is(kCap) && art.at[te] < 0 &&
            std::find(organs.begin(), organs.end(), toks[te].id) != organs.end())
          ++te;
        continue;
      }
      std::uint32_t e = j;
      while (e < span.end) {
        if (toks[e].is(kWord) && toks[e].is(kCap) && at[e] < 0 && !(toks[e].cls & kCalendar)) {
          ++e;
          continue;
        }
        if (e > j && (toks[e].id == id.and_ || art.is_punct(e, '&') || art.is_punct(e, ',')) &&
            e + 1 < span.end && toks[e + 1].is(kCap) && at[e + 1] < 0 &&
            !(toks[e + 1].cls & kCalendar) && !(toks[e + 1].cls & kNotName & ~kModifier & ~kRoleNoun)) {
          // "Ports and Shipping"; a comma only inside a list ending in "and".
          if (art.is_punct(e, ',')) break;
          ++e;
          continue;
        }
        break;
      }
      if (e > j) {
        role += " " + std::string(art.tok_text(te)) + " " +
                std::string(art.text.substr(toks[j].start, toks[e - 1].end - toks[j].start));
        te = e;
        continue;
      }
    }
    break;
  }
  // Capitalized words right before a title are its portfolio ("Railways Minister").
  {
    std::uint32_t j = tb;
    while (j > span.begin && tb - j < 3 && toks[j - 1].is(kWord) && toks[j - 1].is(kCap) &&
           at[j - 1] < 0 && !(toks[j - 1].cls & (kNotName & ~kRoleNoun & ~kModifier)) &&
           !toks[j - 1].is(kAllCaps))
      --j;
    if (j < tb && j > span.begin && at[j - 1] >= 0) {  // only after a demonym or country
      const Mention& m = ms[at[j - 1]];
      if (m.kind == MentionKind::demonym || m.kind == MentionKind::country || m.kind == MentionKind::org) {
        std::string portfolio(art.text.substr(toks[j].start, toks[tb - 1].end - toks[j].start));
        role = portfolio + " " + role;
        base_role = role;
        tb = j;
      }
    }
  }
  // What precedes: a demonym, a country's, an organization; skipping "senior".
  // A city's or a province's official ("Mombasa's police chief") serves its country.
  std::uint32_t pb = tb;
  auto past = [&](std::uint32_t k) {
    return std::find(id.past_words.begin(), id.past_words.end(), toks[k].id) != id.past_words.end();
  };
  // "ex-president": the prefix is a word of its own.
  if (pb > span.begin && toks[pb].is(kHyphenJoined) && past(pb - 1)) --pb, tp.former = true;
  for (; pb > span.begin && (toks[pb - 1].cls & kModifier) && at[pb - 1] < 0; --pb) tp.former |= past(pb - 1);
  if (Mention* m = pb > span.begin ? sen.mention_at(pb - 1) : nullptr) {
    if (m->kind == MentionKind::demonym || m->kind == MentionKind::country ||
        ((m->kind == MentionKind::capital || m->kind == MentionKind::city) && m->possessive) ||
        m->kind == MentionKind::metonym) {
      if (country < 0) country = m->country;
      pb = m->begin;
    } else if (m->kind == MentionKind::org) {
      org = m->entity;
      if (country < 0) country = m->country;
      pb = m->begin;
    }
  }
  for (; pb > span.begin && (toks[pb - 1].cls & kModifier) && at[pb - 1] < 0; --pb) tp.former |= past(pb - 1);
  for (std::uint32_t j = pb; j < tb; ++j) tp.visiting |= art.tok_text(j) == "visiting";
  if (pb > span.begin && (toks[pb - 1].id == id.the || toks[pb - 1].id == id.a || toks[pb - 1].id == id.an)) {
    tp.has_det = true;
  }
  tp.te = te;
  tp.pb = pb;
  tp.role = std::move(role);
  tp.base_role = std::move(base_role);
  tp.country = country;
  tp.org = org;
  return tp;
}

// A plural title before a list of names ("Presidents A of X and B of Y",
// "Foreign Ministers A, B and C"): each name becomes a person with the
// title's role, its country from "of X", the leaders dictionary or a
// demonym before the title. False, changing nothing, unless at least two
// names follow.
bool plural_title_to_people(SentenceState& sen, const Mention& t) {
  ArticleState& art = sen.art;
  const Dictionary& dict = art.dict;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  const SentenceSpan& span = sen.span;
  const Title& title = dict.titles()[t.entity];
  const TitlePhrase tp = read_title(sen, t);
  struct Named {
    std::uint32_t b = 0, e = 0;
    std::vector<std::string> words;
    std::string shown;
    int country = -1, leader_row = -1;
  };
  std::vector<Named> names;
  for (std::uint32_t i = tp.te; i < span.end;) {
    Named n;
    n.b = i;
    n.e = sen.scan_name(i, n.words, n.shown);
    if (n.e == i) break;
    if (const LeaderHit* h = sen.hit_at(i); h && h->end >= n.e) {
      LeaderPick pick = pick_leader(art, *h, tp.role, title.rank, -1);
      if (pick.row >= 0) {
        n.leader_row = pick.row;
        n.shown = dict.leaders()[pick.row].name;
        n.words = name_words(n.shown);
        n.e = h->end;
        n.country = pick.country;
      }
    }
    if (n.e + 1 < span.end && toks[n.e].id == id.of) {
      const Mention* m = sen.mention_at(n.e + 1);
      if (m && m->begin == n.e + 1 && (m->kind == MentionKind::country || m->kind == MentionKind::demonym)) {
        n.country = m->country;
        n.e = m->end;
      }
    }
    if (n.country < 0) n.country = tp.country;
    i = n.e;
    names.push_back(std::move(n));
    if (i < span.end && art.is_punct(i, ',')) ++i;
    if (i < span.end && toks[i].id == id.and_) ++i;
    if (i == names.back().e) break;
  }
  if (names.size() < 2) return false;
  names.front().b = tp.pb;
  for (auto n = names.rbegin(); n != names.rend(); ++n) {
    Mention pm;
    pm.kind = MentionKind::person;
    pm.entity = sen.add_person(n->shown, n->words, tp.role, tp.base_role, n->country, tp.org);
    make_leader(art, pm.entity, n->leader_row);
    sen.replace(n->b, n->e, pm);
  }
  return true;
}

}  // namespace

// True if a one-word role ends a longer one ("minister" ends "Foreign
// Minister"; not a Deputy or Vice one, nor a Prime Minister, whom news
// calls "the prime minister" or "the premier", not "the minister").
static bool ends_role(std::string_view full, std::string_view role) {
  return role.find(' ') == std::string_view::npos && full.size() > role.size() + 1 &&
         iequal(full.substr(full.size() - role.size()), role) && full[full.size() - role.size() - 1] == ' ' &&
         full.rfind("Deputy", 0) != 0 && full.rfind("Vice", 0) != 0 && full.rfind("Prime", 0) != 0;
}

// The same role, or a one-word role ending the one read ("the minister"
// for "Interior Minister").
static bool same_role(std::string_view read, std::string_view role) {
  return iequal(read, role) || ends_role(read, role);
}

void titles_to_people(SentenceState& sen) {
  ArticleState& art = sen.art;
  const Dictionary& dict = art.dict;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    if (ms[k].kind != MentionKind::title) continue;
    const Title& title = dict.titles()[ms[k].entity];
    if (title.plural) {
      // Without a list of names, the plural is a plain noun ("the presidents").
      if (!plural_title_to_people(sen, ms[k])) {
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k));
        sen.reindex();
      }
      k = static_cast<std::size_t>(-1);
      continue;
    }
    const TitlePhrase tp = read_title(sen, ms[k]);
    const std::uint32_t te = tp.te, pb = tp.pb;
    const bool has_det = tp.has_det;
    const std::string& role = tp.role;
    const std::string& base_role = tp.base_role;
    int country = tp.country, org = tp.org;
    std::vector<std::string> words;
    std::string shown;
    std::uint32_t ne = sen.scan_name(te, words, shown);
    // "President Lula", "Chancellor Angela Merkel", "President George W. Bush".
    int leader_row = -1;
    {
      const LeaderHit* h = sen.hit_at(te);
      if (!h || h->end < ne)
        for (const LeaderHit& o : sen.hits)
          if (o.end == ne && o.begin > te) h = &o;  // "President Joseph R. Biden"
      if (h && h->end >= ne && h->end > te) {
        // "President Castro of Honduras": the country after the name is stated too.
        int stated = country;
        if (stated < 0 && h->end + 1 < span.end && toks[h->end].id == id.of) {
          Mention* m = sen.mention_at(h->end + 1);
          if (m && m->begin == h->end + 1 && (m->kind == MentionKind::country || m->kind == MentionKind::demonym))
            stated = m->country;
        }
        // An honorific ("Sheikh", "General", "Ayatollah") says no office: as without a title.
        // An exact office still counts ("Prince Albert II" of Monaco).
        bool honorific = title.rank >= 5 && role == title.role;
        LeaderPick pick = pick_leader(art, *h, role, title.rank, stated);
        if (honorific && pick.row < 0) {
          pick = pick_leader(art, *h, "", title.rank, stated);
          if (pick.row >= 0 && !(h->full && h->end - h->begin >= 2) && !dict.leaders()[pick.row].bare)
            pick.row = -1;
        }
        if (pick.row >= 0 && org < 0 && country < 0) org = dict.leaders()[pick.row].org;
        if (pick.row >= 0) {
          leader_row = pick.row;
          shown = dict.leaders()[pick.row].name;
          words = name_words(shown);
          ne = h->end;
        }
        if (country < 0 && pick.country >= 0 && org < 0) country = pick.country;
      }
    }
    Mention pm;
    pm.kind = MentionKind::person;
    if (!words.empty()) {
      // "King Hassan of Morocco"
      if (ne + 1 < span.end && toks[ne].id == id.of) {
        Mention* m = sen.mention_at(ne + 1);
        if (m && m->begin == ne + 1 && (m->kind == MentionKind::country || m->kind == MentionKind::demonym)) {
          if (country < 0) country = m->country;
          ne = m->end;
        }
      }
      pm.entity = sen.add_person(shown, words, role, base_role, country, org);
      make_leader(art, pm.entity, leader_row);
      if (tp.former) no_longer_in_office(art.a.people[pm.entity]);
      sen.replace(pb, ne, pm);
      k = static_cast<std::size_t>(-1);  // the list changed: restart
      continue;
    }
    // A known leader's name in an apposition ("the Foreign Minister,
    // Sergei Lavrov", "Sergei Lavrov, the Foreign Minister"): the leaders
    // dictionary gives the country the title leaves unsaid.
    auto known = [&](std::uint32_t b, std::uint32_t e) {
      const LeaderHit* h = sen.hit_at(b);
      if (!h || h->end < e) return -1;
      const LeaderPick pick = pick_leader(art, *h, role, title.rank, country);
      if (pick.row < 0) return -1;
      if (org < 0 && country < 0) org = dict.leaders()[pick.row].org;
      if (country < 0 && pick.country >= 0 && org < 0) country = pick.country;
      return pick.row;
    };
    if (art.is_punct(te, ',')) {
      std::uint32_t ne2 = sen.scan_name(te + 1, words, shown);
      bool closes = ne2 >= span.end || art.is_punct(ne2, ',') || art.is_punct(ne2, '.') ||
                    art.is_punct(ne2, ')') || art.is_punct(ne2, ';') || (toks[ne2].cls & kReport) ||
                    toks[ne2].id == id.and_;
      if (words.size() >= 2 && closes) {
        const int row = known(te + 1, ne2);
        pm.entity = sen.add_person(shown, words, role, base_role, country, org);
        make_leader(art, pm.entity, row);
        if (tp.former) no_longer_in_office(art.a.people[pm.entity]);
        sen.replace(pb, ne2, pm);
        k = static_cast<std::size_t>(-1);
        continue;
      }
    }
    // Apposition before: "Tomasz Wilk, [the] Adviser to the President ..."
    {
      std::uint32_t c = pb;
      if (has_det) --c;
      if (c > span.begin + 1 && art.is_punct(c - 1, ',')) {
        std::uint32_t nb = sen.scan_name_back(c - 1, words, shown);
        bool starts = nb == span.begin || art.is_punct(nb - 1, ',') || art.is_punct(nb - 1, '(') ||
                      (toks[nb - 1].cls & (kPrep | kConj | kReport | kDet));
        if (words.size() >= 2 && starts) {
          const int row = known(nb, c - 1);
          pm.entity = sen.add_person(shown, words, role, base_role, country, org);
          make_leader(art, pm.entity, row);
          if (tp.former) no_longer_in_office(art.a.people[pm.entity]);
          sen.replace(nb, te, pm);
          k = static_cast<std::size_t>(-1);
          continue;
        }
      }
    }
    // "the former Nigerian president", "a late leader" with no name: no
    // one acting for a state now, and no reference to one who is.
    if (tp.former) {
      Mention fm = ms[k];
      sen.replace(pb, te, fm);
      k = static_cast<std::size_t>(art.at[pb]);
      continue;
    }
    // A title alone: "the Chilean president", "the prime minister of Fiji".
    if (has_det || country >= 0) {
      int found = -1;
      // A generic title ("the Peruvian official") names anyone of that
      // country read before; a specific one needs the same role.
      bool generic = title.rank >= 4 && has_det && country >= 0;
      // "the president" without a country: of several holders read so far,
      // the one of the country the article names most (news calls its own
      // country's president "the president"), else the latest.
      int top = -1;
      if (country < 0) {
        for (std::size_t c = 0; c < art.a.country_counts.size(); ++c)
          if (art.a.country_counts[c] && (top < 0 || art.a.country_counts[c] > art.a.country_counts[top]))
            top = static_cast<int>(c);
      }
      int first_found = -1;
      for (int p = static_cast<int>(art.a.people.size()) - 1; p >= 0; --p) {
        const Person& pr = art.a.people[p];
        if (pr.former) continue;  // "the president" is no one out of office
        if (generic) {
          if (pr.country != country) continue;
        } else {
          // Same role, or a one-word role ending the person's ("the Ghanaian
          // minister" for a Foreign Minister; not for a Deputy or Vice one).
          bool same = iequal(pr.base_role, base_role);
          if (!same && ends_role(pr.base_role, base_role)) same = country >= 0 && pr.country == country;
          if (!same) continue;
          if (country >= 0 && pr.country >= 0 && pr.country != country) continue;
          // ("the OPEC secretary general" is no other body's)
          if (org >= 0 && pr.org != org) continue;
          // (one read without a country is the dateline's, which the end
          // of the reading gives them: "the Ghanaian minister" is not the
          // development minister of a story from Oslo)
          if (country >= 0 && pr.country < 0 && art.a.dateline_country >= 0 && art.a.dateline_country != country)
            continue;
          if (top >= 0 && pr.country != top) {
            if (first_found < 0) first_found = p;
            continue;
          }
        }
        found = p;
        break;
      }
      if (found < 0) found = first_found;
      // "the visiting minister": a guest from the country the story names
      // most besides the dateline's (a story datelined where the visit is)
      if (found < 0 && country < 0 && tp.visiting && art.a.dateline_country >= 0) {
        for (std::size_t c = 0; c < art.a.country_counts.size(); ++c)
          if (art.a.country_counts[c] && static_cast<int>(c) != art.a.dateline_country &&
              (country < 0 || art.a.country_counts[c] > art.a.country_counts[country]))
            country = static_cast<int>(c);
      }
      // "the minister" after "Ukraine's interior minister" with no name:
      // the latest such title read, of the same role or one ending it (as
      // for people above), stands for its country's office.
      if (found < 0 && country < 0 && has_det)
        for (auto r = art.roles_read.rbegin(); r != art.roles_read.rend() && country < 0; ++r)
          if (same_role(r->first, base_role)) country = r->second;
      // ... else, once the story has named the dateline's country, that
      // country's ("TALLINN - Estonia blamed ... the foreign minister told
      // a news conference"), as its bodies are (coreference.cpp)
      // (definite only: "a foreign ministry spokesman" may be anyone's)
      if (found < 0 && country < 0 && has_det && org < 0 && pb > 0 && toks[pb - 1].id == id.the) {
        const int home = art.a.dateline_country;
        if (home >= 0 && static_cast<std::size_t>(home) < art.a.country_counts.size() && art.a.country_counts[home] > 0)
          country = home;
      }
      if (found >= 0) {
        if (art.a.people[found].country < 0) art.a.people[found].country = country;
        pm.entity = found;
        pm.anaphor = true;
        sen.replace(has_det ? pb - 1 : pb, te, pm);
        k = static_cast<std::size_t>(-1);
        continue;
      }
      if (country >= 0) {
        art.roles_read.emplace_back(base_role, country);
        Mention rm;
        rm.kind = MentionKind::role;
        rm.country = country;
        rm.entity = country;
        rm.title = ms[k].entity;
        sen.replace(pb, te, rm);
        k = static_cast<std::size_t>(-1);
        continue;
      }
    }
  }
}

void counterparts(SentenceState& sen) {
  ArticleState& art = sen.art;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  // With the role of the person whose counterpart they are.
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    if (m.kind != MentionKind::demonym && !(m.kind == MentionKind::country && m.possessive)) continue;
    std::uint32_t e = m.end;
    if (e + 2 >= span.end || (toks[e].id != id.counterpart && toks[e].id != id.counterparts)) continue;
    if (!art.is_punct(e + 1, ',')) continue;
    std::vector<std::string> words;
    std::string shown;
    std::uint32_t ne = sen.scan_name(e + 2, words, shown);
    if (words.size() < 2) continue;
    std::string role;
    for (const Mention& o : ms)
      if (o.kind == MentionKind::person && o.begin < m.begin) {
        role = art.a.people[o.entity].base_role;
        break;
      }
    Mention pm;
    pm.kind = MentionKind::person;
    pm.entity = sen.add_person(shown, words, role, role, m.country, -1);
    sen.replace(m.begin, ne, pm);
    k = static_cast<std::size_t>(-1);
  }
}

void known_names(SentenceState& sen) {
  ArticleState& art = sen.art;
  const SentenceSpan& span = sen.span;
  // A word can start a known name only if it is one of the words of a known
  // name, or the first part of one joined by hyphens ("Qureshi" of
  // "Qureshi-Malik", which the name scan reads whole).
  auto known_word = [&](std::uint32_t i) {
    std::string_view w = art.tok_text(i);
    for (const Person& p : art.a.people)
      for (const std::string& pw : p.words)
        if ((pw.size() == w.size() || (pw.size() > w.size() && pw[w.size()] == '-')) &&
            iequal(std::string_view(pw).substr(0, w.size()), w))
          return true;
    return false;
  };
  for (std::uint32_t i = span.begin; i < span.end && !art.a.people.empty(); ++i) {
    if (!sen.name_like(i) || !known_word(i)) continue;
    std::vector<std::string> words;
    std::string shown;
    std::uint32_t e = sen.scan_name(i, words, shown);
    int p = art.find_person(words);
    if (p < 0) {
      // Try the last word alone ("Prime Minister Nordvik" handled above; "Nordvik said").
      i = e > i ? e - 1 : i;
      continue;
    }
    Mention pm;
    pm.kind = MentionKind::person;
    pm.entity = p;
    sen.replace(i, e, pm);
    i = e - 1;
  }
}

// "In Beijing, spokesman Lin Hao said ...", "In Moscow on Monday, ...":
// the place a sentence opens with is where its speakers speak from.
void placed_speakers(SentenceState& sen) {
  std::uint32_t comma = 0;
  const int setting = sen.opening_setting(&comma);
  if (setting < 0) return;
  for (const Mention& m : sen.ms) {
    if (m.kind != MentionKind::person || m.begin <= comma) continue;
    Person& p = sen.art.a.people[m.entity];
    if (p.country < 0 && p.org < 0 && !p.former) p.country = setting;
  }
}

// "the Kenyan official", "the Ugandan minister": a demonym and a noun of
// an official after "the" are the latest person read of that country.
void demonym_descriptions(SentenceState& sen) {
  ArticleState& art = sen.art;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    Mention& m = ms[k];
    if (m.kind != MentionKind::demonym) continue;
    std::uint32_t e = m.end;
    if (e >= span.end || m.begin == span.begin) continue;
    if (toks[m.begin - 1].id != id.the) continue;
    TokenId nn = toks[e].id;
    if (std::find(id.person_nouns.begin(), id.person_nouns.end(), nn) == id.person_nouns.end()) continue;
    int found = -1;
    for (int p = static_cast<int>(art.a.people.size()) - 1; p >= 0; --p)
      if (art.a.people[p].country == m.country) {
        found = p;
        break;
      }
    if (found < 0) continue;
    Mention pm;
    pm.kind = MentionKind::person;
    pm.entity = found;
    pm.anaphor = true;
    sen.replace(m.begin - 1, e + 1, pm);
    k = static_cast<std::size_t>(-1);
  }
}

}  // namespace dipgraph::ingest::detail
