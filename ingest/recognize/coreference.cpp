// Visiting groups, pronouns, descriptions and groups -> what they refer to
// (recognize_detail.hpp, coreference.cpp part).
//
// References are resolved in reading order against what was read before:
// "he", "him", "his" to the sentence's or the last subject person; "it",
// "its" to the sentence's country or organization; "they" to its subject
// countries; "the two sides", "both countries" to the two countries most
// mentioned; "the two Koreas" to both; "Korean" alone to the Korea read;
// "the country" to the last country read (and the one before);
// "the delegation" to the last visiting group's country; "the embassy" to
// the last embassy's country. After each sentence its subject is kept for
// the next ones. Last, people without a country get the article's.
#include <algorithm>
#include <cctype>

#include "ingest/recognize/recognize_detail.hpp"

namespace dipgraph::ingest::detail {

void visiting_groups(SentenceState& sen) {
  ArticleState& art = sen.art;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  const auto& at = art.at;
  auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  art.last_org_before = art.last_org;
  // "a Chilean delegation", "Japan's trade team" are remembered for "the
  // delegation", "the visitors", "the team", "the mission" later on.
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    bool country_like = m.kind == MentionKind::demonym ||
                        ((m.kind == MentionKind::country || m.kind == MentionKind::metonym) && m.possessive);
    if (country_like && !m.anaphor) {
      std::uint32_t j = m.end;
      // one modifier word between: "a Kenyan trade delegation", "a high-level delegation"
      if (!sen.visitor_noun(j) && j < span.end && toks[j].is(kWord) && !toks[j].is(kCap) && at[j] < 0 &&
          !(toks[j].cls & kFunction))
        ++j;
      if (sen.visitor_noun(j)) art.last_delegation_country = m.country;
    }
    // An international organization named is remembered for "the bloc",
    // "the alliance", "the regional body" later on.
    if (m.kind == MentionKind::org && !m.anaphor && m.entity >= 0) {
      const std::string& kind = art.dict.organizations()[m.entity].kind;
      if (kind == "igo" || kind == "bloc" || kind == "un_agency") art.last_org = m.entity;
      if (m.end >= m.begin + 2 && toks[m.end - 1].is(kCap)) art.org_heads.emplace_back(art.tok_text(m.end - 1), m.entity);
    }
    // "the US Embassy", "Japan's embassy", "the embassy of Peru" are
    // remembered for "the embassy" later on.
    if (is_actor(m) && m.country >= 0 && m.kind != MentionKind::person && m.kind != MentionKind::group) {
      auto mission = [&](std::uint32_t i) { return i < span.end && sen.mission_noun(i); };
      bool before = mission(m.end);
      bool after = m.begin >= span.begin + 2 && toks[m.begin - 1].id == id.of && mission(m.begin - 2);
      if (before || after) art.last_embassy_country = m.country;
      // "the Iraqi parliament", "Iraq's foreign ministry", "the parliament
      // of Iraq" are remembered for "the parliament", "the ministry" later.
      if (m.kind != MentionKind::org) {
        std::uint32_t j = m.end;
        if (!sen.body_noun(j) && j < span.end && toks[j].is(kWord) && !toks[j].is(kCap) && at[j] < 0 &&
            !(toks[j].cls & kFunction))
          ++j;  // one modifier between
        TokenId body = sen.body_noun(j);
        if (!body && m.begin >= span.begin + 2 && toks[m.begin - 1].id == id.of) body = sen.body_noun(m.begin - 2);
        if (body) {
          auto& bc = art.body_country;
          auto it = std::find_if(bc.begin(), bc.end(), [&](const auto& p) { return p.first == body; });
          if (it == bc.end()) bc.emplace_back(body, m.country);
          else it->second = m.country;
        }
      }
    }
    if (m.kind == MentionKind::country || m.kind == MentionKind::demonym || m.kind == MentionKind::capital) {
      std::uint32_t b = m.begin;
      if (b >= span.begin + 2 && (toks[b - 1].id == id.from || toks[b - 1].id == id.of) && sen.visitor_noun(b - 2)) {
        if (m.kind == MentionKind::capital && toks[b - 1].id == id.from) continue;  // "a team from Nairobi" may be a city's
        art.last_delegation_country = m.country;
        Mention cm;
        cm.kind = MentionKind::country;
        cm.entity = cm.country = m.country;
        sen.replace(b - 2, m.end, cm);
        k = static_cast<std::size_t>(-1);
      }
    }
  }
}

// "Koreas", "Sudans", "Congos": the two countries whose names end in the
// word without its plural s ("North Korea" and "South Korea"); empty unless
// exactly two do ("Guineas" are three).
// Plural nouns that name the two sides of a pair ("both superpowers", "the
// two neighbours", "both heads of state", "the two armies", "the two border
// services", "the two men" after two officials). `people`: officials,
// who may be told by the last two states read with a title ("Taiwan's
// president ... Paraguay's president ... the two leaders").
struct PairNoun {
  std::string_view word;
  bool people;
};
constexpr PairNoun kPairNouns[] = {
    {"superpowers", false}, {"powers", false},   {"heads", true},       {"allies", false},
    {"rivals", false},      {"partners", false}, {"capitals", false},   {"neighbours", false},
    {"neighbors", false},   {"armies", false},   {"navies", false},     {"militaries", false},
    {"services", false},    {"coastguards", false}, {"leaders", true},  {"presidents", true},
    {"ministers", true},    {"premiers", true},  {"chancellors", true}, {"envoys", true},
    {"counterparts", true}, {"men", true},         {"women", true},
};
static const PairNoun* pair_noun_of(std::string_view word) {
  for (const PairNoun& p : kPairNouns)
    if (p.word == word) return &p;
  return nullptr;
}

static std::vector<std::int32_t> countries_sharing_name(const Dictionary& dict, std::string_view plural) {
  std::vector<std::int32_t> out;
  if (plural.size() < 4 || plural.back() != 's') return out;
  const std::string_view stem = plural.substr(0, plural.size() - 1);
  for (std::size_t c = 0; c < dict.countries().size(); ++c) {
    const std::string_view name = dict.countries()[c].name;
    if (name.size() >= stem.size() && name.substr(name.size() - stem.size()) == stem &&
        (name.size() == stem.size() || name[name.size() - stem.size() - 1] == ' '))
      out.push_back(static_cast<std::int32_t>(c));
  }
  if (out.size() != 2) out.clear();
  return out;
}

// "Korean" alone, which "North Korean" and "South Korean" share: the two
// countries whose demonyms it ends (-1, -1 if it is no such word).
static std::pair<int, int> split_demonym(const ArticleState& art, std::uint32_t i) {
  const Dictionary& dict = art.dict;
  const auto& entries = dict.entity_entries();
  int found[2] = {-1, -1};
  const TokenId dirs[2] = {art.id.north, art.id.south};
  for (int d = 0; d < 2; ++d) {
    if (dirs[d] == kNoToken) return {-1, -1};
    auto ids = [&](std::size_t k) { return k == 0 ? dirs[d] : art.a.toks[i].id; };
    dict.entity_matcher().longest(ids, 0, 2, [&](std::uint32_t len, std::uint32_t v) {
      if (len != 2 || entries[v].kind != EntityKind::demonym) return false;
      found[d] = static_cast<int>(entries[v].index);
      return true;
    });
  }
  if (found[0] < 0 || found[1] < 0 || found[0] == found[1]) return {-1, -1};
  return {found[0], found[1]};
}

void pronouns_and_descriptions(SentenceState& sen) {
  ArticleState& art = sen.art;
  Analysis& a = art.a;
  const Dictionary& dict = art.dict;
  const WordIds& id = art.id;
  const auto& toks = a.toks;
  const auto& at = art.at;
  auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  auto quotes_before = [&](std::uint32_t k) { return sen.quotes_before(k); };
  // Toks [b, e) stand for the states of `group`: one group mention.
  auto replace_with_group = [&](std::uint32_t b, std::uint32_t e, std::vector<std::int32_t> group,
                                bool possessive = false) {
    Mention gm;
    gm.kind = MentionKind::group;
    gm.entity = static_cast<int>(a.groups.size());
    gm.anaphor = true;
    gm.possessive = possessive;
    a.groups.push_back(std::move(group));
    sen.replace(b, e, gm);
  };
  auto sentence_subject_person = [&](std::uint32_t before) -> int {
    // '"... X's lies," he said': who is named inside a closed quote is not
    // the one who speaks after it.
    const bool outside = quotes_before(before) % 2 == 0;
    for (const Mention& m : ms) {
      if (m.begin >= before) break;
      if (outside && quotes_before(m.begin) % 2 == 1) continue;
      if (m.kind == MentionKind::person) return m.entity;
      if (is_actor(m)) {
        bool prep = in_prepositional_phrase(toks, span, m);
        if (!prep) return -1;
      }
    }
    return -1;
  };
  // The sentence's subject before tok `before` when it is an official
  // named by a title alone ("the Estonian prime minister"), else null.
  auto sentence_subject_role = [&](std::uint32_t before) -> const Mention* {
    for (const Mention& m : ms) {
      if (m.begin >= before) break;
      if (!is_actor(m)) continue;
      bool prep = in_prepositional_phrase(toks, span, m);
      if (prep) continue;
      return m.kind == MentionKind::role ? &m : nullptr;
    }
    return nullptr;
  };
  // Tok `k` opens the sentence, or follows only an opening phrase of time
  // ("On Tuesday", "Later that day") or one a comma closes ("Later,").
  auto opens_clause = [&](std::uint32_t k) {
    if (k == span.begin || (k > span.begin && art.is_punct(k - 1, ',') && quotes_before(k) == 0)) return true;
    for (std::uint32_t t = span.begin; t < k; ++t)
      if (!(toks[t].cls & (kCalendar | kPrep | kDet)) && !(t == span.begin && toks[t].is(kCap) && at[t] < 0))
        return false;
    return true;
  };
  for (std::uint32_t i = span.begin; i < span.end; ++i) {
    // A description of a country refers to the country read last (the
    // countries read so far, the latest last) ...
    auto countries_read = [&]() {
      std::vector<int> read = art.recent_countries;
      for (const Mention& m : ms) {
        if (m.begin >= i) break;
        bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
        bool place = (m.kind == MentionKind::capital || m.kind == MentionKind::city) && prep;
        if (is_actor(m) && !place && m.kind != MentionKind::person && m.country >= 0) {
          read.erase(std::remove(read.begin(), read.end(), m.country), read.end());
          read.push_back(m.country);
        }
      }
      return read;
    };
    // ... and the one before it, the most mentioned of the others (the
    // latest on a tie), for the coder to take when the last is the clause's
    // own subject
    auto replace_with_read = [&](std::uint32_t end, const std::vector<int>& read) {
      sen.replace_with_country(i, end, read.back());
      int alt = -1;
      for (std::size_t r = 0; r + 1 < read.size(); ++r)
        if (alt < 0 || art.a.country_counts[read[r]] >= art.a.country_counts[alt]) alt = read[r];
      ms[art.at[i]].alt_country = alt;
    };
    // "its neighbour", "its ally": a country named before ("X accused its
    // neighbour": the other one, as the coder picks it; "its" may already
    // be read as a pronoun). ("its ally Y" names the ally.)
    if (art.tok_text(i) == "its" && i + 1 < span.end && at[i + 1] < 0 &&
        (art.tok_text(i + 1) == "neighbour" || art.tok_text(i + 1) == "neighbor" ||
         art.tok_text(i + 1) == "ally") &&
        !(i + 2 < span.end && (toks[i + 2].is(kCap) || at[i + 2] >= 0))) {
      const std::vector<int> read = countries_read();
      if (read.size() < 2) continue;
      replace_with_read(i + 2, read);
      ++i;
      continue;
    }
    if (at[i] >= 0) continue;
    const Tok& t = toks[i];
    TokenId w = t.id;
    if (w == kNoToken) continue;
    // ("its two allies", "their two neighbours": the pair is the owner's
    // others, not the countries this sentence named before; read below.
    // Only a noun of states in relation to the owner: "its two
    // ambassadors", "their two countries" are the owner's own.)
    const bool owned = (w == id.its || w == id.their || w == id.his || w == id.her) && i + 2 < span.end &&
                       toks[i + 1].id == id.two &&
                       [](std::string_view x) {
                         return x == "allies" || x == "rivals" || x == "partners" || x == "neighbours" ||
                                x == "neighbors";
                       }(art.tok_text(i + 2));
    // "the delegation": the last visiting group's country; with none, the
    // dateline's (a delegation is reported by its home press), unless the
    // sentence places it in the dateline's country ("arrived in Santiago").
    if (w == id.the && sen.visitor_noun(i + 1)) {
      int c = art.last_delegation_country;
      if (c < 0 && toks[i + 1].id == id.delegation && a.dateline_country >= 0) {
        bool at_home = false;
        for (const Mention& m : ms)
          at_home |= m.country == a.dateline_country && m.begin > span.begin &&
                     (toks[m.begin - 1].cls & kLocative) &&
                     (m.kind == MentionKind::capital || m.kind == MentionKind::city || m.kind == MentionKind::country);
        if (!at_home) c = a.dateline_country;
      }
      if (c < 0) continue;
      sen.replace_with_country(i, i + 2, c);
      ++i;
      continue;
    }
    // "the bloc", "the alliance", "the regional body": the international
    // organization named last (in this sentence before it, if one is:
    // "complained to the OAS and asked the organization's council ...").
    int org_here = -1;
    if (w == id.the)
      for (const Mention& m : ms) {  // (sorted by begin)
        if (m.begin >= i) break;
        if (m.kind == MentionKind::org && m.entity >= 0 && !m.anaphor) org_here = m.entity;
      }
    // (not one named later in its own sentence: "urged the bloc to act
    // before NATO troops leave")
    if (w == id.the && (art.last_org_before >= 0 || org_here >= 0)) {
      const int org = org_here >= 0 ? org_here : art.last_org_before;
      auto collective = [&](std::uint32_t j) {
        std::string_view x = art.tok_text(j);
        return x == "bloc" || x == "alliance" || x == "organization" || x == "organisation" || x == "body" ||
               x == "grouping";
      };
      std::uint32_t j = i + 1;
      // one lower-case modifier between: "the regional body", "the Western alliance" aside
      if (j < span.end && !collective(j) && toks[j].is(kWord) && !toks[j].is(kCap) && at[j] < 0 &&
          !(toks[j].cls & kFunction))
        ++j;
      // "body" only with its modifier ("the world body"): "the body" alone is a corpse.
      bool bare_body = j == i + 1 && j < span.end && art.tok_text(j) == "body";
      // (a name after it is its own, "the alliance Aukus"; not after its
      // possessive: "the organization's Permanent Council")
      if (j < span.end && at[j] < 0 && collective(j) && !bare_body &&
          !(j + 1 < span.end && (toks[j + 1].id == id.of || (toks[j + 1].is(kCap) && !toks[j].is(kPossessive))))) {
        Mention om;
        om.kind = MentionKind::org;
        om.entity = org;
        om.country = dict.organizations()[org].country;
        om.anaphor = true;
        sen.replace(i, j + 1, om);
        i = j;
        continue;
      }
    }
    // "the Fund", "the Bank", "the Commission": the organization named
    // before by a longer name that ends in that word ("the International
    // Monetary Fund", "the World Bank"), the latest so named.
    // In lower case only a council, commission, fund or assembly ("the
    // council's secretary-general" after "the Gulf Cooperation Council"):
    // "the bank", "the agency", "the union" are as often another one.
    if (w == id.the && i + 1 < span.end && at[i + 1] < 0 && toks[i + 1].is(kWord) &&
        !(i + 2 < span.end && (toks[i + 2].id == id.of || toks[i + 2].is(kCap)))) {
      const std::string_view head = art.tok_text(i + 1);
      const bool cap = toks[i + 1].is(kCap);
      auto same = [&](std::string_view x) {
        if (cap) return x == head;
        if (x.size() != head.size() || !(x == "Council" || x == "Commission" || x == "Fund" || x == "Assembly"))
          return false;
        for (std::size_t k = 0; k < x.size(); ++k)
          if (std::tolower(static_cast<unsigned char>(x[k])) != head[k]) return false;
        return true;
      };
      auto o = std::find_if(art.org_heads.rbegin(), art.org_heads.rend(),
                            [&](const auto& x) { return same(x.first); });
      if (o != art.org_heads.rend()) {
        Mention om;
        om.kind = MentionKind::org;
        om.entity = o->second;
        om.country = dict.organizations()[o->second].country;
        om.anaphor = true;
        sen.replace(i, i + 2, om);
        ++i;
        continue;
      }
    }
    // "the embassy": the last embassy's country read ("the US Embassy").
    if (w == id.the && i + 1 < span.end && sen.mission_noun(i + 1) && at[i + 1] < 0 && art.last_embassy_country >= 0 &&
        !(i + 2 < span.end && (toks[i + 2].id == id.of || toks[i + 2].is(kCap)))) {
      sen.replace_with_country(i, i + 2, art.last_embassy_country);
      ++i;
      continue;
    }
    // "the North", "the South" (capitalized, alone): the country read last
    // whose name opens with that word ("South Korea", "South Sudan").
    // Lower case ("fired shells into the north") only where a direction
    // word aims at it and both halves of the pair were read ("North Korea"
    // and "South Korea"): else it is a region.
    if (w == id.the && i + 1 < span.end && at[i + 1] < 0 &&
        (toks[i + 1].id == id.north || toks[i + 1].id == id.south) &&
        !(i + 2 < span.end && (toks[i + 2].id == id.of || (toks[i + 2].is(kWord) && toks[i + 2].is(kCap))))) {
      std::string_view dir = toks[i + 1].id == id.north ? "North " : "South ";
      std::string_view other = toks[i + 1].id == id.north ? "South " : "North ";
      int found = -1;
      bool pair = false;
      for (auto c = art.recent_countries.rbegin(); c != art.recent_countries.rend(); ++c) {
        const std::string& name = dict.countries()[*c].name;
        if (found < 0 && name.compare(0, dir.size(), dir) == 0) found = *c;
        pair |= name.compare(0, other.size(), other) == 0;
      }
      const std::string_view before = i > span.begin ? art.tok_text(i - 1) : std::string_view();
      const bool aimed = before == "into" || before == "across" || before == "toward" || before == "towards" ||
                         before == "against";
      if (found >= 0 && (toks[i + 1].is(kCap) || (pair && aimed))) {
        sen.replace_with_country(i, i + 2, found);
        ++i;
        continue;
      }
    }
    // "the parliament", "the government": the country of the last body of
    // that noun read ("the Iraqi parliament"), unless named here ("the
    // government of Peru", "the government in Lima").
    // (one modifier between: "the foreign ministry"; with none read, a
    // story's dateline names its country's bodies plainly, once the story
    // has named that country: "TALLINN - Estonia blamed ... the foreign
    // ministry said")
    if (w == id.the && i + 1 < span.end) {
      std::uint32_t b = i + 1;
      if (!sen.body_noun(b) && b + 1 < span.end && toks[b].is(kWord) && !toks[b].is(kCap) && at[b] < 0 &&
          !(toks[b].cls & kFunction))
        ++b;
      TokenId body = sen.body_noun(b);
      auto it = std::find_if(art.body_country.begin(), art.body_country.end(),
                             [&](const auto& p) { return body && p.first == body; });
      const int home = art.a.dateline_country;
      const bool home_named = home >= 0 && static_cast<std::size_t>(home) < art.a.country_counts.size() &&
                              art.a.country_counts[home] > 0;
      // ("In Rabat, the interior ministry told ...": a setting that opens the
      // sentence seats the body there.)
      std::uint32_t comma = 0;
      int setting = body ? sen.opening_setting(&comma) : -1;
      if (comma >= i) setting = -1;
      const int country = body && setting >= 0                 ? setting
                          : it != art.body_country.end() ? it->second
                          : body && home_named           ? home
                                                         : -1;
      if (country >= 0 &&
          !(b + 1 < span.end && (toks[b + 1].id == id.of || toks[b + 1].id == id.in || toks[b + 1].is(kCap)))) {
        sen.replace_with_country(i, b + 1, country);
        i = b;
        continue;
      }
    }
    if (!owned && (w == id.he || w == id.she || w == id.him || w == id.his || w == id.her)) {
      int subj = sentence_subject_person(i);
      int p = -1;
      if (w == id.him || (w == id.her && !(i + 1 < span.end && toks[i + 1].is(kWord) && !(toks[i + 1].cls & kNotName)))) {
        // Object: not the nearest person of its own clause.
        int nearest = -1;
        for (const Mention& m : ms)
          if (m.begin < i && m.kind == MentionKind::person) nearest = m.entity;
        if (subj >= 0 && subj != nearest) p = subj;
        else if (art.last_subject_person >= 0 && art.last_subject_person != nearest) p = art.last_subject_person;
      } else {
        p = subj >= 0 ? subj : art.last_subject_person;
        // "The Lithuanian minister arrived ... He promised ...": an
        // official named by title alone who was the subject since the
        // last named person (in this sentence or before) is "he".
        const Mention* role = subj >= 0 ? nullptr : sentence_subject_role(i);
        if (!role && subj < 0 && art.last_subject_is_role && quotes_before(i) % 2 == 0) role = &art.last_subject_role;
        if (role && (w == id.he || w == id.she || w == id.his || w == id.her)) {
          Mention rm = *role;
          rm.anaphor = true;
          rm.possessive = false;
          sen.replace(i, i + 1, rm);
          if (w == id.his || w == id.her) ms[at[i]].possessive = true;
          continue;
        }
        // '"... X's lies," he said': the speaker after a closed quote is
        // none of the people it names; the one the sentence before named
        // last besides them.
        if (quotes_before(i) > 0 && quotes_before(i) % 2 == 0) {
          auto quoted = [&](int e) {
            return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
              return m.begin < i && m.kind == MentionKind::person && m.entity == e && quotes_before(m.begin) % 2 == 1;
            });
          };
          if (p >= 0 && quoted(p)) {
            p = -1;
            for (auto r = art.prev_persons.rbegin(); r != art.prev_persons.rend() && p < 0; ++r)
              if (!quoted(*r)) p = *r;
          }
        }
        // '"He has sent us greetings," X said': inside a quote, "he" is
        // never its speaker (who says "I"); the one named before besides.
        if (quotes_before(i) % 2 == 1) {
          auto speaker = [&](int e) {
            return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
              if (m.kind != MentionKind::person || m.entity != e || quotes_before(m.begin) % 2 == 1) return false;
              return (m.end < span.end && (toks[m.end].cls & kReport)) ||
                     (m.begin > span.begin && (toks[m.begin - 1].cls & kReport));
            });
          };
          if (p >= 0 && speaker(p)) {
            p = -1;
            for (auto r = art.prev_persons.rbegin(); r != art.prev_persons.rend() && p < 0; ++r)
              if (!speaker(*r)) p = *r;
          }
        }
      }
      if (p >= 0) {
        Mention pm;
        pm.kind = MentionKind::person;
        pm.entity = p;
        pm.anaphor = true;
        sen.replace(i, i + 1, pm);
        if (w == id.his || w == id.her) ms[at[i]].possessive = true;
      }
      continue;
    }
    // "it", "its": the country or organization the sentence is about, else
    // the last sentence's single subject country (when it opens the
    // sentence, or follows only an opening phrase of time, "On Monday its
    // envoy said ...", or one closed by a comma, "Later, it ...").
    if (!owned && (w == id.it || w == id.its)) {
      int c = -1;
      bool org = false;
      int org_entity = -1;
      for (const Mention& m : ms) {
        if (m.begin >= i) break;
        if (!is_actor(m) || m.kind == MentionKind::person || m.kind == MentionKind::group) continue;
        // "The debris of the Russian satellite ... once it arrives": an
        // actor inside a phrase of a thing ("of the ...") is not its subject.
        if (in_prepositional_phrase(toks, span, m)) continue;
        if (m.kind == MentionKind::org) {
          org = true;
          org_entity = m.entity;
        } else {
          c = m.country;
        }
        break;
      }
      // ("it was X's plea that ended ...", "it is unclear": an "it" before
      // a copula stands for nothing)
      const bool copula = w == id.it && i + 1 < span.end && (toks[i + 1].cls & kBe);
      if (c < 0 && !org && art.prev_subject_countries.size() == 1 && !copula &&
          (i == span.begin || opens_clause(i)))
        c = art.prev_subject_countries[0];
      if (c < 0 && !org) continue;
      Mention cm;
      cm.kind = org ? MentionKind::org : MentionKind::country;
      cm.entity = org ? org_entity : c;
      cm.country = org ? dict.organizations()[org_entity].country : c;
      cm.anaphor = true;
      sen.replace(i, i + 1, cm);
      if (w == id.its) ms[at[i]].possessive = true;
      continue;
    }
    if (!owned && (w == id.they || w == id.them || w == id.their)) {
      std::vector<std::int32_t> group;
      auto add = [&](std::int32_t c) {
        if (c >= 0 && std::find(group.begin(), group.end(), c) == group.end()) group.push_back(c);
      };
      for (const Mention& m : ms) {
        if (m.begin >= i) break;
        bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
        if (prep) continue;
        // a group read before ("regional leaders", "both sides") is theirs
        if (m.kind == MentionKind::group && m.anaphor && is_actor(m)) {
          for (std::int32_t c : a.groups[m.entity]) add(c);
          continue;
        }
        if (!is_actor(m) || m.country < 0) continue;
        // "he", "she", "it" are one party, not "they"
        if (m.anaphor && m.end == m.begin + 1 && !toks[m.begin].is(kCap)) continue;
        add(m.country);
      }
      if (group.empty()) group = art.prev_subject_countries;
      if (group.empty()) continue;
      replace_with_group(i, i + 1, group);
      if (w == id.their) ms[at[i]].possessive = true;
      continue;
    }
    // "the two Koreas", "the Koreas", "both Sudans": the two countries of that name.
    if (w == id.the || w == id.both) {
      std::uint32_t j = i + 1;
      if (j < span.end && toks[j].id == id.two && w == id.the) ++j;
      if (j < span.end && at[j] < 0 && toks[j].is(kCap)) {
        std::vector<std::int32_t> pair = countries_sharing_name(dict, art.tok_text(j));
        if (!pair.empty()) {
          replace_with_group(i, j + 1, pair, toks[j].is(kPossessive));
          i = j;
          continue;
        }
      }
    }
    // "Korean" alone, "a Korean delegation": the one of North and South
    // Korea the article has read, if it has read only one; none before a
    // name or a place ("Korean War", "Korean peninsula"), nor joined ("Korean-American").
    if (toks[i].is(kCap) && !toks[i].is(kHyphenJoined)) {
      const auto [north, south] = split_demonym(art, i);
      const bool named = i + 1 < span.end && toks[i + 1].is(kWord) &&
                         (toks[i + 1].is(kCap) || toks[i + 1].is(kHyphenJoined) ||
                          std::find(id.geo.begin(), id.geo.end(), toks[i + 1].id) != id.geo.end());
      if (north >= 0 && !named) {
        // (read so far, this sentence's words before it included)
        const std::vector<int> rc = countries_read();
        const bool has_n = std::find(rc.begin(), rc.end(), north) != rc.end();
        const bool has_s = std::find(rc.begin(), rc.end(), south) != rc.end();
        if (has_n != has_s) {
          Mention dm;
          dm.kind = MentionKind::demonym;
          dm.entity = dm.country = has_n ? north : south;
          dm.possessive = toks[i].is(kPossessive);
          sen.replace(i, i + 1, dm);
        }
        continue;
      }
    }
    // "the two countries", "both sides", "both foreign ministers", "Both" alone.
    // "Each side blamed the other", "each capital accused the other of
    // ...": each of the two, told against the other, is the pair too.
    auto each_other = [&]() {
      if (!iequal(art.tok_text(i), "each")) return false;
      for (std::uint32_t k = i + 2; k + 1 < span.end; ++k)
        if (toks[k].id == id.the && art.tok_text(k + 1) == "other") return true;
      return false;
    };
    // "the three states", "the four countries": the last list of as many
    // states the article gave
    if (w == id.the && i + 2 < span.end && at[i + 1] < 0) {
      const std::string_view num = art.tok_text(i + 1);
      const std::size_t count = num == "three" ? 3 : num == "four" ? 4 : num == "five" ? 5 : num == "six" ? 6 : 0;
      std::uint32_t head = 0;
      // (nouns of states or of those who speak for them: "the three
      // diplomats" may be anyone's)
      auto states_noun = [&](std::uint32_t k) {
        const std::string_view x = art.tok_text(k);
        return x == "countries" || x == "states" || x == "nations" || x == "governments" || x == "leaders" ||
               x == "presidents" || x == "capitals" || x == "neighbours" || x == "neighbors" || x == "allies" ||
               x == "members" || x == "sides" || x == "delegations";
      };
      for (std::uint32_t k = i + 2; count && k < span.end && k < i + 4 && !head; ++k)
        if (states_noun(k) && at[k] < 0) head = k;
      if (head && art.last_list.size() == count) {
        replace_with_group(i, head + 1, art.last_list);
        i = head;
        continue;
      }
    }
    const bool each = each_other();
    if ((w == id.the && i + 2 < span.end && toks[i + 1].id == id.two) || owned || w == id.both || each) {
      std::uint32_t j = (w == id.the || owned) ? i + 2 : i + 1;
      std::uint32_t head = 0;
      auto pair_noun = [&](std::uint32_t k) { return pair_noun_of(art.tok_text(k)) != nullptr; };
      for (std::uint32_t k = j; k < span.end && k < j + 3; ++k) {
        if (((toks[k].cls & kRoleNoun) || pair_noun(k)) && at[k] < 0) {
          head = k;
          break;
        }
        if (at[k] >= 0 && ms[at[k]].kind == MentionKind::title) {
          head = ms[at[k]].end - 1;
          break;
        }
        if (!(toks[k].is(kWord) && !toks[k].is(kCap) && !(toks[k].cls & kFunction))) break;
      }
      bool alone = w == id.both && head == 0 && i + 1 < span.end && !toks[i + 1].is(kWord);
      bool alone_subject = w == id.both && head == 0 && i + 1 < span.end &&
                           (toks[i + 1].cls & (kAux | kBe)) == 0 && toks[i + 1].is(kWord) &&
                           !toks[i + 1].is(kCap) && !(toks[i + 1].cls & (kDet | kPrep));
      if (head || alone || (alone_subject && i == span.begin)) {
        if (!head) head = i;
        j = head;
        // The two countries the sentence named before (by name, not by
        // pronoun: "after talks with his Kenyan counterpart, Tanzania's
        // president said the two countries ..."), else the two countries
        // most mentioned so far.
        std::vector<std::int32_t> group, own;
        for (const Mention& m : ms) {
          if (m.begin >= i) break;
          if (owned) {
            if (const int c = country_of(a, m); c >= 0 && is_actor(m)) own.push_back(c);
            continue;
          }
          const int c = country_of(a, m);
          if (!is_actor(m) || m.anaphor || c < 0 || std::find(group.begin(), group.end(), c) != group.end()) continue;
          // (a place: "arrived in Moscow")
          if ((m.kind == MentionKind::capital || m.kind == MentionKind::city) && m.begin > span.begin &&
              (toks[m.begin - 1].cls & kPrep))
            continue;
          // (an owner in an apposition that describes the one before: "China,
          // Pakistan's closest ally, urged both countries ...")
          if (m.possessive && m.begin >= span.begin + 2 && art.is_punct(m.begin - 1, ',') &&
              std::any_of(ms.begin(), ms.end(), [&](const Mention& o) { return o.end + 1 == m.begin && is_actor(o); }))
            continue;
          group.push_back(c);
        }
        if (group.size() != 2) group.clear();
        // ... else the two the sentence before had as its subject ("Japan
        // and the Philippines signed ... The two countries also agreed"; not
        // two it named in passing: "... built with Soviet aid").
        auto is_own = [&](std::int32_t c) { return std::find(own.begin(), own.end(), c) != own.end(); };
        auto none_own = [&](const std::vector<std::int32_t>& g) { return std::none_of(g.begin(), g.end(), is_own); };
        const auto& ps = art.prev_subject_countries;
        if (group.empty() && ps.size() == 2 && none_own(ps) &&
            std::all_of(ps.begin(), ps.end(), [&](std::int32_t c) {
              return std::find(art.prev_countries.begin(), art.prev_countries.end(), c) != art.prev_countries.end();
            }))
          group = ps;
        // ... else the last two states the article joined by "and" ("The
        // presidents of Armenia and Azerbaijan held talks in Tbilisi ... the
        // two presidents"), else the two it names most.
        if (group.empty() && art.last_pair.size() == 2 && none_own(art.last_pair)) group = art.last_pair;
        // ... else, for people ("the two leaders", "the two ministers"),
        // the states of the last two officials read by their titles
        // ("Taiwan's president ... Paraguay's president ... the two
        // leaders"), else the two it names most.
        const PairNoun* pn = head ? pair_noun_of(art.tok_text(head)) : nullptr;
        if (group.empty() && pn && pn->people) {
          std::vector<std::int32_t> officials;
          for (auto r = art.roles_read.rbegin(); r != art.roles_read.rend() && officials.size() < 2; ++r)
            if (r->second >= 0 && !is_own(r->second) &&
                std::find(officials.begin(), officials.end(), r->second) == officials.end())
              officials.push_back(r->second);
          if (officials.size() == 2) group = officials;
        }
        for (int round = 0; round < 2 && group.size() < 2; ++round) {
          int best = -1;
          for (std::size_t c = 0; c < a.country_counts.size(); ++c) {
            if (!a.country_counts[c] || is_own(static_cast<std::int32_t>(c))) continue;
            if (std::find(group.begin(), group.end(), static_cast<int>(c)) != group.end()) continue;
            if (best < 0 || a.country_counts[c] > a.country_counts[best]) best = static_cast<int>(c);
          }
          if (best >= 0) group.push_back(best);
        }
        if (group.size() == 2) {
          replace_with_group(i, j + 1, group);
          i = j;
        }
      }
      continue;
    }
    // "the leaders", "the presidents", "the governments" right after a
    // sentence that named several countries: theirs ("... between Chile
    // and Peru. X urged the leaders to ...").
    // "The leaders of each country", "of both countries", "of the two
    // nations" tell the same countries one by one.
    auto distributive_end = [&](std::uint32_t k) -> std::uint32_t {
      if (k >= span.end || toks[k].id != id.of) return 0;
      ++k;
      if (k < span.end && toks[k].id == id.the) ++k;
      if (k >= span.end || !(toks[k].id == id.both || toks[k].id == id.two || art.tok_text(k) == "each" ||
                             art.tok_text(k) == "all"))
        return 0;
      ++k;
      if (k < span.end && (toks[k].id == id.country || toks[k].id == id.nation || toks[k].id == id.countries ||
                           toks[k].id == id.nations))
        return k + 1;
      return 0;
    };
    // "regional leaders" after a list of the countries visited: the same,
    // for a list of up to eight.
    const bool regional = art.tok_text(i) == "regional" && art.prev_countries.size() <= 8;
    if ((w == id.the || regional) && i + 1 < span.end && at[i + 1] < 0 && toks[i + 1].id != kNoToken &&
        (toks[i + 1].id == id.leaders || toks[i + 1].id == id.presidents || toks[i + 1].id == id.governments) &&
        art.prev_countries.size() >= 2 && (art.prev_countries.size() <= 4 || regional)) {
      std::uint32_t end = i + 2;
      if (std::uint32_t d = distributive_end(i + 2)) end = d;
      else if (i + 2 < span.end && (toks[i + 2].id == id.of || toks[i + 2].is(kCap))) continue;
      replace_with_group(i, end, art.prev_countries);
      i = end - 1;
      continue;
    }
    // "the country", "the nation", "the impoverished nation": the country
    // read last. The one read before it is kept too: a description does not
    // repeat its own clause's subject ("the US promised aid to the
    // country"), which only the parse can tell (coder.cpp).
    if (w == id.the) {
      auto country_noun = [&](std::uint32_t j) {
        return toks[j].id == id.country || toks[j].id == id.nation || toks[j].id == id.kingdom;
      };
      // A modifier that picks one out ("the only country", "the other
      // nation", "the largest country") makes no reference back.
      auto picks_out = [&](std::uint32_t j) {
        std::string_view x = art.tok_text(j);
        return x == "only" || x == "other" || x == "first" || x == "last" || x == "next" || x == "second" ||
               (x.size() > 4 && x.substr(x.size() - 3) == "est");
      };
      std::uint32_t j = i + 1;
      while (j < span.end && j < i + 3 && !country_noun(j) && toks[j].is(kWord) && !toks[j].is(kCap) &&
             at[j] < 0 && !(toks[j].cls & kFunction) && !picks_out(j))
        ++j;
      if (j >= span.end || toks[j].is(kCap) || !country_noun(j)) continue;
      if (j + 1 < span.end && (toks[j + 1].id == id.of || toks[j + 1].is(kCap))) continue;  // "the nation of Laos"
      std::vector<int> read = countries_read();
      if (read.empty()) continue;
      // (a description that opens its sentence, before any party of it,
      // continues the sentence before's subject rather than what that
      // sentence named last: "X is one of few states that recognise Y. The
      // country's president ..." is X's)
      const auto& ps = art.prev_subject_countries;
      const bool first = std::none_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.begin < i && is_actor(m); });
      if (first && ps.size() == 1 && ps[0] != read.back()) {
        if (auto r = std::find(read.begin(), read.end(), ps[0]); r != read.end()) {
          read.erase(r);
          read.push_back(ps[0]);
        }
      }
      replace_with_read(j + 1, read);
      i = j;
      continue;
    }
  }
}

}  // namespace dipgraph::ingest::detail
