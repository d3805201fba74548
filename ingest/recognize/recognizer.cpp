// Mentions, people and dates of a Document (recognizer.hpp).
//
// Order of work, per article: lex every sentence; match dictionary phrases
// (longest, then earliest); then, sentence by sentence in reading order,
// build people around titles, match known names, resolve pronouns and
// descriptions against what was read before; last, give people without a
// country the dateline's country.
#include "ingest/recognize/recognizer.hpp"

#include <algorithm>
#include <cstring>

#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest {

namespace {

constexpr std::uint16_t kFunction = kPrep | kDet | kBe | kAux | kSubord | kConj | kPronoun |
                                    kPronounPl | kNegation | kReport;
constexpr std::uint16_t kNotName = kPrep | kDet | kBe | kAux | kSubord | kConj | kPronoun |
                                   kPronounPl | kNegation | kReport | kCalendar | kRoleNoun |
                                   kModifier;

int kind_rank(EntityKind k) {
  switch (k) {
    case EntityKind::country: return 0;
    case EntityKind::org: return 1;
    case EntityKind::demonym: return 2;
    case EntityKind::capital: return 3;
    case EntityKind::metonym: return 4;
    case EntityKind::city: return 5;
    case EntityKind::title: return 6;
  }
  return 7;
}

std::string lower(std::string_view s) {
  std::string out;
  to_lower(s, out);
  return out;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

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

// True if a word begins with a capital letter: ASCII, or an upper-case letter
// of utf8::is_upper (Latin-1, Latin Extended-A and Additional, Greek, Cyrillic
// ...: "Özal", "Čaputová", "Đinđić", "Ứng") or Vietnamese Ơ, Ư; also after an
// elided particle ("d'Estaing", "O'Neill"). The lexer's kCap is ASCII only.
bool upper_initial(std::string_view w) {
  if (w.size() > 2 && w[1] == '\'' && (w[0] == 'd' || w[0] == 'D' || w[0] == 'l' || w[0] == 'L' || w[0] == 'O'))
    w.remove_prefix(2);
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  char32_t cp = utf8::decode(w, 0).cp;
  return cp != utf8::kInvalid && (utf8::is_upper(cp) || cp == 0x1A0 || cp == 0x1AF);
}

// "Luiz Inácio Lula da Silva" -> its lower-case words, as scan_name makes them.
std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : name) {
    if (ch == ' ') {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

}  // namespace

struct Recognizer::Ids {
  TokenId the, a, an, of, on, for_, to, and_, in, with, two, both, country, nation, kingdom,
      countries, nations, sides, side, parties, governments, leaders, neighbours, neighbors,
      delegations, states, he, she, him, his, her, they, them, their, according, latin, ethnic, it, its;
  std::vector<TokenId> person_nouns;  // official, minister, leader ...
  std::vector<TokenId> geo;           // sea, ocean, river ... after a country name
  TokenId counterpart, counterparts;
  std::vector<TokenId> visitor_nouns;  // delegation, delegates, visitors, team, mission
  TokenId delegation, from;
  // Unnamed NGOs: "a human rights group", "aid agencies".
  std::vector<TokenId> ngo_heads;        // group organization agency charity ...
  TokenId rights = kNoToken, human = kNoToken;
  std::vector<TokenId> aid_words;        // aid relief humanitarian
  std::int32_t ngo_rights = -1, ngo_aid = -1;  // organizations() rows NGO_RIGHTS, NGO_AID
};

bool is_actor(const Mention& m) {
  switch (m.kind) {
    case MentionKind::country:
    case MentionKind::demonym:
    case MentionKind::capital:
    case MentionKind::metonym:
    case MentionKind::org:
    case MentionKind::person:
    case MentionKind::role:
    case MentionKind::group:
      return true;
    default:
      return false;
  }
}

Recognizer::Recognizer(std::shared_ptr<const Dictionary> dict)
    : dict_(std::move(dict)), dates_(*dict_) {
  auto ids = std::make_shared<Ids>();
  auto w = [&](const char* s) { return dict_->word(s); };
  ids->the = w("the"), ids->a = w("a"), ids->an = w("an"), ids->of = w("of"), ids->on = w("on");
  ids->for_ = w("for"), ids->to = w("to"), ids->and_ = w("and"), ids->in = w("in");
  ids->with = w("with"), ids->two = w("two"), ids->both = w("both"), ids->country = w("country");
  ids->nation = w("nation"), ids->kingdom = w("kingdom"), ids->countries = w("countries");
  ids->nations = w("nations"), ids->sides = w("sides"), ids->side = w("side");
  ids->parties = w("parties"), ids->governments = w("governments"), ids->leaders = w("leaders");
  ids->neighbours = w("neighbours"), ids->neighbors = w("neighbors");
  ids->delegations = w("delegations"), ids->states = w("states"), ids->he = w("he");
  ids->she = w("she"), ids->him = w("him"), ids->his = w("his"), ids->her = w("her");
  ids->they = w("they"), ids->them = w("them"), ids->their = w("their");
  ids->according = w("according"), ids->latin = w("latin"), ids->ethnic = w("ethnic");
  ids->it = w("it"), ids->its = w("its");
  for (const char* s : {"official", "minister", "leader", "envoy", "diplomat", "spokesman",
                        "spokeswoman", "spokesperson", "negotiator", "representative",
                        "ambassador", "president", "premier", "counterpart"})
    ids->person_nouns.push_back(w(s));
  for (const char* s : {"sea", "ocean", "gulf", "strait", "straits", "river", "lake", "bay",
                        "peninsula", "basin", "channel", "canal", "desert", "highlands", "plateau"})
    if (TokenId t = w(s)) ids->geo.push_back(t);
  ids->counterpart = w("counterpart");
  ids->counterparts = w("counterparts");
  for (const char* s : {"delegation", "delegates", "visitors", "team", "mission"})
    if (TokenId t = w(s)) ids->visitor_nouns.push_back(t);
  ids->delegation = w("delegation");
  ids->from = w("from");
  for (const char* s : {"group", "groups", "organization", "organizations", "organisation",
                        "organisations", "agency", "agencies", "charity", "charities"})
    if (TokenId t = w(s)) ids->ngo_heads.push_back(t);
  ids->rights = w("rights"), ids->human = w("human");
  for (const char* s : {"aid", "relief", "humanitarian"})
    if (TokenId t = w(s)) ids->aid_words.push_back(t);
  for (std::size_t k = 0; k < dict_->organizations().size(); ++k) {
    const std::string& code = dict_->organizations()[k].code;
    if (code == "NGO_RIGHTS") ids->ngo_rights = static_cast<std::int32_t>(k);
    if (code == "NGO_AID") ids->ngo_aid = static_cast<std::int32_t>(k);
  }
  ids_ = ids;
}

Analysis Recognizer::analyze(const Document& doc) const {
  const Dictionary& dict = *dict_;
  const Ids& id = *ids_;
  std::string_view text = doc.text;
  Analysis a;
  a.article_date = parse_ymd(doc.article.date);

  // 1. Words.
  a.toks.reserve(doc.text.size() / 5 + 16);
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    SentenceSpan span;
    span.begin = static_cast<std::uint32_t>(a.toks.size());
    lex(text, doc.sentences[s].start, doc.sentences[s].end, dict.vocab(), dict.word_classes(),
        a.toks);
    span.end = static_cast<std::uint32_t>(a.toks.size());
    span.index = s;
    if (span.end > span.begin) a.sentences.push_back(span);
  }
  const auto& toks = a.toks;
  const std::uint32_t n = static_cast<std::uint32_t>(toks.size());
  auto tok_text = [&](std::uint32_t i) { return text.substr(toks[i].start, toks[i].end - toks[i].start); };
  auto is_punct = [&](std::uint32_t i, char c) {
    return i < n && toks[i].is(kPunct) && text[toks[i].start] == c;
  };

  // 2. Dictionary phrases, per sentence: longest, then earliest.
  std::vector<std::vector<Mention>> per_sentence(a.sentences.size());
  const auto& entries = dict.entity_entries();
  struct Cand {
    std::uint32_t begin, len, value;
  };
  std::vector<Cand> cands;
  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    const SentenceSpan& span = a.sentences[s];
    cands.clear();
    for (std::uint32_t i = span.begin; i < span.end; ++i) {
      if (!toks[i].is(kWord) || toks[i].id == kNoToken) continue;
      std::uint32_t best_len = 0, best_value = 0;
      int best_score = 1 << 30;
      dict.entity_matcher().longest(
          [&](std::size_t k) { return toks[k].id; }, i, span.end,
          [&](std::uint32_t len, std::uint32_t value) {
            if (best_len && len < best_len) return true;
            const EntityEntry& e = entries[value];
            for (std::uint32_t k = 0; k < len && k < 32; ++k)
              if ((e.caps_mask >> k & 1u) && !toks[i + k].is(kAllCaps)) return false;
            if (e.needs_capital) {
              bool cap = false;
              for (std::uint32_t k = 0; k < len; ++k) cap |= toks[i + k].is(kCap | kAllCaps);
              if (!cap) return false;
            }
            int score = kind_rank(e.kind) * 4;
            if (e.kind != EntityKind::title && e.kind != EntityKind::org &&
                e.kind != EntityKind::city) {
              std::uint32_t c = e.index;
              if (c < dict.countries().size() && dict.countries()[c].status == "historical")
                score += 2;
            }
            if (score < best_score) {
              best_score = score;
              best_value = value;
            }
            best_len = len;
            return false;
          });
      if (best_len) cands.push_back({i, best_len, best_value});
    }
    std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
      return x.len != y.len ? x.len > y.len : x.begin < y.begin;
    });
    auto& ms = per_sentence[s];
    for (const Cand& c : cands) {
      bool overlap = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return c.begin < m.end && m.begin < c.begin + c.len;
      });
      if (overlap) continue;
      const EntityEntry& e = entries[c.value];
      // "Latin America", "Latin American": not the United States.
      if (c.begin > span.begin && toks[c.begin - 1].id == id.latin && id.latin != kNoToken) continue;
      // "South China Sea", "Sudan River": a geographic name, not the country.
      if (e.kind == EntityKind::country && c.begin + c.len < span.end &&
          toks[c.begin + c.len].is(kCap) &&
          std::find(id.geo.begin(), id.geo.end(), toks[c.begin + c.len].id) != id.geo.end())
        continue;
      Mention m;
      m.begin = c.begin;
      m.end = c.begin + c.len;
      m.sentence = s;
      m.possessive = toks[m.end - 1].is(kPossessive);
      switch (e.kind) {
        case EntityKind::country:
          m.kind = MentionKind::country, m.entity = m.country = static_cast<int>(e.index);
          break;
        case EntityKind::demonym:
          m.kind = MentionKind::demonym, m.entity = m.country = static_cast<int>(e.index);
          break;
        case EntityKind::metonym:
          m.kind = MentionKind::metonym, m.entity = m.country = static_cast<int>(e.index);
          break;
        case EntityKind::capital:
          m.kind = MentionKind::capital;
          m.country = static_cast<int>(e.index);
          m.entity = dict.countries()[e.index].capital;
          break;
        case EntityKind::city:
          m.kind = MentionKind::city;
          m.entity = static_cast<int>(e.index);
          m.country = dict.cities()[e.index].country;
          break;
        case EntityKind::org:
          m.kind = MentionKind::org;
          m.entity = static_cast<int>(e.index);
          m.country = dict.organizations()[e.index].country;
          break;
        case EntityKind::title:
          m.kind = MentionKind::title;
          m.entity = static_cast<int>(e.index);
          break;
      }
      ms.push_back(m);
    }
    std::sort(ms.begin(), ms.end(), [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
    // "a human rights group", "international aid agencies": an unnamed NGO
    // (organizations.tsv NGO_RIGHTS, NGO_AID), unless a country or a name is
    // part of the description ("a Kenyan rights group" is Kenya's).
    for (std::uint32_t i = span.begin + 1; i < span.end; ++i) {
      // The qualifier first (four ids), the head noun only after one.
      TokenId q = toks[i - 1].id;
      if (q == kNoToken || (q != id.rights && std::find(id.aid_words.begin(), id.aid_words.end(), q) == id.aid_words.end()))
        continue;
      if (toks[i].id == kNoToken || toks[i].is(kCap) ||
          std::find(id.ngo_heads.begin(), id.ngo_heads.end(), toks[i].id) == id.ngo_heads.end())
        continue;
      std::uint32_t b = i - 1;
      std::int32_t org = -1;
      if (toks[b].id == id.rights && id.rights != kNoToken) {
        org = id.ngo_rights;
        if (b > span.begin && toks[b - 1].id == id.human) --b;
      } else if (std::find(id.aid_words.begin(), id.aid_words.end(), toks[b].id) != id.aid_words.end()) {
        org = id.ngo_aid;
      }
      if (org < 0 || (toks[b].is(kCap) && b != span.begin)) continue;
      if (b > span.begin && (toks[b - 1].is(kCap) && !(toks[b - 1].cls & kDet))) continue;
      bool taken = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return m.begin <= i && b < m.end + (m.end == b ? 1u : 0u);
      });
      if (taken) continue;
      Mention m;
      m.begin = b;
      m.end = i + 1;
      m.sentence = s;
      m.kind = MentionKind::org;
      m.entity = org;
      m.country = -1;
      m.possessive = toks[i].is(kPossessive);
      ms.insert(std::upper_bound(ms.begin(), ms.end(), m,
                                 [](const Mention& x, const Mention& y) { return x.begin < y.begin; }),
                m);
    }
    // "ethnic Albanians in Serbia" are of Serbia; "ethnic Turks" of no country named.
    for (std::size_t k = 0; k < ms.size(); ++k) {
      Mention& m = ms[k];
      if (m.kind != MentionKind::demonym || m.begin == span.begin || toks[m.begin - 1].id != id.ethnic) continue;
      std::uint32_t j = m.end;
      if (j < span.end && toks[j].is(kWord) && !toks[j].is(kCap) && !(toks[j].cls & kFunction)) ++j;
      int where = -1;
      if (j + 1 < span.end && (toks[j].id == id.in || toks[j].id == id.of)) {
        std::uint32_t q = j + 1;
        while (q < span.end && (toks[q].cls & (kDet | kModifier))) ++q;
        for (const Mention& o : ms)
          if (o.begin == q && (o.kind == MentionKind::country || o.kind == MentionKind::capital)) where = o.country;
      }
      if (where >= 0) {
        m.country = m.entity = where;
      } else {
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
      }
    }
    // "pro-Iranian militia", "anti-American protesters": a stance, not the
    // country acting; "the Syrian-backed Amal": the group acts, not Syria.
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      if (m.kind != MentionKind::demonym && m.kind != MentionKind::country) continue;
      bool stance = m.begin > span.begin && toks[m.begin].is(kHyphenJoined) &&
                    (iequal(tok_text(m.begin - 1), "pro") || iequal(tok_text(m.begin - 1), "anti"));
      bool backer = false;
      if (m.end + 1 < span.end && toks[m.end].is(kHyphenJoined) && !toks[m.end - 1].is(kPossessive)) {
        std::string_view w = tok_text(m.end);
        for (std::string_view b : {"backed", "sponsored", "supported", "funded", "allied", "aligned"})
          backer |= iequal(w, b);
        // only when a group follows: "Syrian-backed Amal", "Iranian-backed Houthis"
        backer = backer && k + 1 < ms.size() && ms[k + 1].kind == MentionKind::org && ms[k + 1].begin <= m.end + 3;
      }
      if (stance || backer) {
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
      }
    }
  }

  // Dateline: the country of its place.
  if (!doc.dateline_place.empty()) {
    std::vector<Tok> dt;
    lex(doc.dateline_place, 0, static_cast<std::uint32_t>(doc.dateline_place.size()), dict.vocab(),
        dict.word_classes(), dt);
    for (std::uint32_t i = 0; i < dt.size() && a.dateline_country < 0; ++i) {
      dict.entity_matcher().longest([&](std::size_t k) { return dt[k].id; }, i, dt.size(),
                                    [&](std::uint32_t, std::uint32_t value) {
                                      const EntityEntry& e = entries[value];
                                      if (e.kind == EntityKind::city)
                                        a.dateline_country = dict.cities()[e.index].country;
                                      else if (e.kind != EntityKind::org && e.kind != EntityKind::title)
                                        a.dateline_country = static_cast<int>(e.index);
                                      return a.dateline_country >= 0;
                                    });
    }
  }

  // 3. People and references, in reading order.
  a.country_counts.assign(dict.countries().size(), 0);
  std::vector<std::int32_t> at(n, -1);  // per tok: index in the sentence's mention list
  int last_subject_person = -1;
  int last_country = -1;
  int last_delegation_country = -1;  // of the last "Pakistani delegation" read
  std::vector<std::int32_t> prev_subject_countries;  // the last sentence's subject group

  auto find_person = [&](const std::vector<std::string>& words) -> int {
    // Same full name, or `words` is a tail of a known name ("Putin", "Sharif").
    for (int p = static_cast<int>(a.people.size()) - 1; p >= 0; --p) {
      const auto& pw = a.people[p].words;
      if (words.size() > pw.size()) continue;
      if (std::equal(words.rbegin(), words.rend(), pw.rbegin())) return p;
    }
    // A longer form of a known tail: "Vladimir Putin" after "Putin".
    for (int p = static_cast<int>(a.people.size()) - 1; p >= 0; --p) {
      const auto& pw = a.people[p].words;
      if (pw.size() < words.size() && std::equal(pw.rbegin(), pw.rend(), words.rbegin())) return p;
    }
    // A family name written first ("Park" for "Park Min-seo"), if only one person has it.
    if (words.size() == 1) {
      int found = -1;
      for (int p = 0; p < static_cast<int>(a.people.size()); ++p) {
        const auto& pw = a.people[p].words;
        if (pw.size() >= 2 && pw.front() == words[0]) {
          if (found >= 0) return -1;
          found = p;
        }
      }
      return found;
    }
    return -1;
  };

  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    const SentenceSpan& span = a.sentences[s];
    auto& ms = per_sentence[s];
    auto reindex = [&] {
      std::sort(ms.begin(), ms.end(), [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
      for (std::uint32_t i = span.begin; i < span.end; ++i) at[i] = -1;
      for (std::size_t k = 0; k < ms.size(); ++k)
        for (std::uint32_t i = ms[k].begin; i < ms[k].end; ++i) at[i] = static_cast<int>(k);
    };
    reindex();
    auto mention_at = [&](std::uint32_t i) -> Mention* {
      return i >= span.begin && i < span.end && at[i] >= 0 ? &ms[at[i]] : nullptr;
    };
    auto capital_at = [&](std::uint32_t i) {
      return toks[i].is(kCap | kAllCaps) || (toks[i].is(kWord) && upper_initial(tok_text(i)));
    };
    auto name_like = [&](std::uint32_t i) {
      if (i >= span.end) return false;
      const Tok& t = toks[i];
      return t.is(kWord) && capital_at(i) && at[i] < 0 && !(t.cls & kNotName);
    };
    // A personal name from i: capitalized words, particles inside, [brackets] skipped.
    auto scan_name = [&](std::uint32_t i, std::vector<std::string>& words, std::string& shown) {
      words.clear();
      shown.clear();
      std::uint32_t j = i, last = i;
      while (j < span.end && words.size() < 5) {
        if (is_punct(j, '[') || (is_punct(j, ']') && !words.empty())) {
          ++j;
          continue;
        }
        if (name_like(j)) {
          words.push_back(lower(tok_text(j)));
          if (!shown.empty()) shown += ' ';
          shown += tok_text(j);
          last = ++j;
          // "Min-seo", "Jean-Bertrand": one name word.
          while (j < span.end && toks[j].is(kHyphenJoined) && toks[j].is(kWord) && at[j] < 0 &&
                 !toks[j - 1].is(kPossessive)) {
            words.back() += "-" + lower(tok_text(j));
            shown += "-";
            shown += tok_text(j);
            last = ++j;
          }
          if (toks[j - 1].is(kPossessive)) break;
          continue;
        }
        if (!words.empty() && (toks[j].cls & kParticle) && j + 1 < span.end && name_like(j + 1) &&
            !toks[j].is(kCap)) {
          words.push_back(lower(tok_text(j)));
          shown += ' ';
          shown += tok_text(j);
          ++j;
          continue;
        }
        break;
      }
      return words.empty() ? i : last;
    };
    auto scan_name_back = [&](std::uint32_t end, std::vector<std::string>& words,
                              std::string& shown) -> std::uint32_t {
      // Name words ending right before `end`.
      std::uint32_t j = end;
      while (j > span.begin && name_like(j - 1) && end - j < 4) --j;
      words.clear();
      shown.clear();
      for (std::uint32_t k = j; k < end; ++k) {
        words.push_back(lower(tok_text(k)));
        if (!shown.empty()) shown += ' ';
        shown += tok_text(k);
      }
      return j;
    };
    auto add_person = [&](const std::string& shown, const std::vector<std::string>& words,
                          const std::string& role, const std::string& base_role, int country,
                          int org) {
      int p = find_person(words);
      if (p < 0) {
        p = static_cast<int>(a.people.size());
        Person person;
        person.name = shown;
        person.words = words;
        person.first_sentence = s;
        a.people.push_back(std::move(person));
      }
      Person& pr = a.people[p];
      if (words.size() > pr.words.size()) {
        pr.words = words;
        pr.name = shown;
      }
      if (pr.role.empty() || (pr.role.size() < role.size() && pr.base_role == base_role)) {
        pr.role = role;
        pr.base_role = base_role;
      }
      if (pr.country < 0) pr.country = country;
      if (pr.org < 0) pr.org = org;
      return p;
    };
    auto replace = [&](std::uint32_t b, std::uint32_t e, Mention m) {
      ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const Mention& x) { return x.begin < e && b < x.end; }),
               ms.end());
      m.begin = b;
      m.end = e;
      m.sentence = s;
      m.possessive = toks[e - 1].is(kPossessive);
      ms.push_back(m);
      reindex();
    };
    // Words [b, e) refer back to country c ("the delegation", "the country").
    auto replace_with_country = [&](std::uint32_t b, std::uint32_t e, int c) {
      Mention cm;
      cm.kind = MentionKind::country;
      cm.entity = cm.country = c;
      cm.anaphor = true;
      replace(b, e, cm);
    };

    // Leaders (leaders.tsv) named in this sentence: full names, aliases and
    // surnames, longest first; used by titles ("Chancellor Merkel"), alone
    // ("Vladimir Putin said") and for surnames of leaders (below, 3b').
    struct LeaderHit {
      std::uint32_t begin, end;
      std::vector<std::uint32_t> values;  // leader_entries() indexes
      bool full = false;                  // some value is a full name or alias
    };
    std::vector<LeaderHit> hits;
    // A full name may contain a place, a country or a title ("Santiago Peña",
    // "Joseph Muscat", "Israel Katz", "Stephenson King"): the name wins.
    auto inside_ok = [&](std::uint32_t k, std::uint32_t b, std::uint32_t e, bool full) {
      if (at[k] < 0) return true;
      const Mention& m = ms[at[k]];
      return full && e - b >= 2 && m.begin >= b && m.end <= e && m.end - m.begin < e - b &&
             m.kind != MentionKind::person && m.kind != MentionKind::group && m.kind != MentionKind::role;
    };
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
            if (!capital_at(i + len - 1) && !capital_at(head)) return false;
            bool cap = false, full = !dict.leader_entries()[value].surname;
            for (std::uint32_t k = i; k < i + len; ++k) {
              cap |= capital_at(k);
              if (!inside_ok(k, i, i + len, full)) return false;
            }
            if (!cap) return false;
            h.end = i + len;
            h.values.push_back(value);
            return false;
          });
      if (h.end == h.begin) continue;
      for (std::uint32_t v : h.values) h.full |= !dict.leader_entries()[v].surname;
      i = h.end - 1;
      hits.push_back(std::move(h));
    }
    // A title word inside a full name is part of the name: "Sheikh Hasina",
    // "Zayed bin Sultan Al Nahyan", "Ayatollah Khomeini".
    {
      bool changed = false;
      for (const LeaderHit& h : hits) {
        if (!h.full || h.end - h.begin < 2) continue;
        for (std::size_t k = 0; k < ms.size(); ++k)
          if (ms[k].kind == MentionKind::title && ms[k].begin >= h.begin && ms[k].end <= h.end) {
            ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k--));
            changed = true;
          }
      }
      if (changed) reindex();
    }
    // The leaders.tsv row a name stands for: one person, or only a country
    // (two President Bushes), or nothing. `role`/`rank`: the title before it
    // ("" if none): its office must fit. `stated`: a country the text gives
    // ("Russian President X"), which wins over the table. Among the rows
    // left, one in office at the article date is preferred.
    struct LeaderPick {
      int row = -1, country = -1;
    };
    const int year = a.article_date ? a.article_date->y : 0;
    auto pick_leader = [&](const LeaderHit& h, std::string_view role, int rank, int stated) {
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
    };
    auto hit_at = [&](std::uint32_t b) -> const LeaderHit* {
      for (const LeaderHit& h : hits)
        if (h.begin == b) return &h;
      return nullptr;
    };
    // Gives a person its leaders.tsv identity: the file's name (so the id is
    // the same in every article), office and country unless the text said.
    auto make_leader = [&](int p, int row) {
      Person& pr = a.people[p];
      if (pr.leader >= 0 || row < 0) return;
      const Leader& l = dict.leaders()[row];
      pr.leader = row;
      pr.name = l.name;
      pr.words = name_words(l.name);
      if (pr.role.empty()) pr.role = pr.base_role = l.office;
      if (pr.country < 0 && pr.org < 0) {
        pr.country = l.country;
        pr.org = l.org;  // "Jens Stoltenberg" in 2020 speaks for NATO
      }
    };

    // 3a. Titles -> people.
    for (std::size_t k = 0; k < ms.size(); ++k) {
      if (ms[k].kind != MentionKind::title) continue;
      std::uint32_t tb = ms[k].begin, te = ms[k].end;
      const Title& title = dict.titles()[ms[k].entity];
      std::string base_role = title.role, role = title.role;
      int country = -1, org = -1;
      // Adjacent titles form one ("Deputy" + "Prime Minister").
      while (Mention* next = mention_at(te)) {
        if (next->kind != MentionKind::title || next->begin != te) break;
        base_role += " " + dict.titles()[next->entity].role;
        role = base_role;
        te = next->end;
      }
      // Extensions: "(SAPM)", "to the Prime Minister", "on Foreign Affairs", "of Pakistan".
      for (;;) {
        if (is_punct(te, '(') && te + 2 < span.end && toks[te + 1].is(kAllCaps) && is_punct(te + 2, ')')) {
          te += 3;
          continue;
        }
        if (te + 2 < span.end && toks[te].id == id.to && toks[te + 1].id == id.the) {
          Mention* m = mention_at(te + 2);
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
          Mention* m = mention_at(j);
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
            continue;
          }
          std::uint32_t e = j;
          while (e < span.end) {
            if (toks[e].is(kWord) && toks[e].is(kCap) && at[e] < 0 && !(toks[e].cls & kCalendar)) {
              ++e;
              continue;
            }
            if (e > j && (toks[e].id == id.and_ || is_punct(e, '&') || is_punct(e, ',')) &&
                e + 1 < span.end && toks[e + 1].is(kCap) && at[e + 1] < 0 &&
                !(toks[e + 1].cls & kCalendar) && !(toks[e + 1].cls & kNotName & ~kModifier & ~kRoleNoun)) {
              // "Industries and Production"; a comma only inside a list ending in "and".
              if (is_punct(e, ',')) break;
              ++e;
              continue;
            }
            break;
          }
          if (e > j) {
            role += " " + std::string(tok_text(te)) + " " +
                    std::string(text.substr(toks[j].start, toks[e - 1].end - toks[j].start));
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
            std::string portfolio(text.substr(toks[j].start, toks[tb - 1].end - toks[j].start));
            role = portfolio + " " + role;
            base_role = role;
            tb = j;
          }
        }
      }
      // What precedes: a demonym, a country's, an organization; skipping "senior".
      std::uint32_t pb = tb;
      while (pb > span.begin && (toks[pb - 1].cls & kModifier) && at[pb - 1] < 0) --pb;
      bool has_det = false;
      if (Mention* m = pb > span.begin ? mention_at(pb - 1) : nullptr) {
        if (m->kind == MentionKind::demonym || m->kind == MentionKind::country ||
            (m->kind == MentionKind::capital && m->possessive) || m->kind == MentionKind::metonym) {
          if (country < 0) country = m->country;
          pb = m->begin;
        } else if (m->kind == MentionKind::org) {
          org = m->entity;
          if (country < 0) country = m->country;
          pb = m->begin;
        }
      }
      while (pb > span.begin && (toks[pb - 1].cls & kModifier) && at[pb - 1] < 0) --pb;
      if (pb > span.begin && (toks[pb - 1].id == id.the || toks[pb - 1].id == id.a || toks[pb - 1].id == id.an)) {
        has_det = true;
      }
      std::vector<std::string> words;
      std::string shown;
      std::uint32_t ne = scan_name(te, words, shown);
      // "President Lula", "Chancellor Angela Merkel", "President George W. Bush".
      int leader_row = -1;
      {
        const LeaderHit* h = hit_at(te);
        if (!h || h->end < ne)
          for (const LeaderHit& o : hits)
            if (o.end == ne && o.begin > te) h = &o;  // "President Joseph R. Biden"
        if (h && h->end >= ne && h->end > te) {
          // "President Castro of Honduras": the country after the name is stated too.
          int stated = country;
          if (stated < 0 && h->end + 1 < span.end && toks[h->end].id == id.of) {
            Mention* m = mention_at(h->end + 1);
            if (m && m->begin == h->end + 1 && (m->kind == MentionKind::country || m->kind == MentionKind::demonym))
              stated = m->country;
          }
          // An honorific ("Sheikh", "General", "Ayatollah") says no office: as without a title.
          // An exact office still counts ("Prince Albert II" of Monaco).
          bool honorific = title.rank >= 5 && role == title.role;
          LeaderPick pick = pick_leader(*h, role, title.rank, stated);
          if (honorific && pick.row < 0) {
            pick = pick_leader(*h, "", title.rank, stated);
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
          Mention* m = mention_at(ne + 1);
          if (m && m->begin == ne + 1 && (m->kind == MentionKind::country || m->kind == MentionKind::demonym)) {
            if (country < 0) country = m->country;
            ne = m->end;
          }
        }
        pm.entity = add_person(shown, words, role, base_role, country, org);
        make_leader(pm.entity, leader_row);
        replace(pb, ne, pm);
        k = static_cast<std::size_t>(-1);  // the list changed: restart
        continue;
      }
      if (is_punct(te, ',')) {
        std::uint32_t ne2 = scan_name(te + 1, words, shown);
        bool closes = ne2 >= span.end || is_punct(ne2, ',') || is_punct(ne2, '.') ||
                      is_punct(ne2, ')') || is_punct(ne2, ';') || (toks[ne2].cls & kReport) ||
                      toks[ne2].id == id.and_;
        if (words.size() >= 2 && closes) {
          pm.entity = add_person(shown, words, role, base_role, country, org);
          replace(pb, ne2, pm);
          k = static_cast<std::size_t>(-1);
          continue;
        }
      }
      // Apposition before: "Tariq Fatemi, [the] Special Assistant ..."
      {
        std::uint32_t c = pb;
        if (has_det) --c;
        if (c > span.begin + 1 && is_punct(c - 1, ',')) {
          std::uint32_t nb = scan_name_back(c - 1, words, shown);
          bool starts = nb == span.begin || is_punct(nb - 1, ',') || is_punct(nb - 1, '(') ||
                        (toks[nb - 1].cls & (kPrep | kConj | kReport | kDet));
          if (words.size() >= 2 && starts) {
            pm.entity = add_person(shown, words, role, base_role, country, org);
            replace(nb, te, pm);
            k = static_cast<std::size_t>(-1);
            continue;
          }
        }
      }
      // A title alone: "the Russian president", "the prime minister of Pakistan".
      if (has_det || country >= 0) {
        int found = -1;
        // A generic title ("the Pakistani official") names anyone of that
        // country read before; a specific one needs the same role.
        bool generic = title.rank >= 4 && has_det && country >= 0;
        for (int p = static_cast<int>(a.people.size()) - 1; p >= 0; --p) {
          const Person& pr = a.people[p];
          if (generic) {
            if (pr.country != country) continue;
          } else {
            // Same role, or a one-word role ending the person's ("the Ghanaian
            // minister" for a Foreign Minister; not for a Deputy or Vice one).
            bool same = iequal(pr.base_role, base_role);
            if (!same && base_role.find(' ') == std::string::npos && pr.base_role.size() > base_role.size() + 1 &&
                iequal(std::string_view(pr.base_role).substr(pr.base_role.size() - base_role.size()), base_role) &&
                pr.base_role[pr.base_role.size() - base_role.size() - 1] == ' ' &&
                pr.base_role.rfind("Deputy", 0) != 0 && pr.base_role.rfind("Vice", 0) != 0)
              same = country >= 0 && pr.country == country;
            if (!same) continue;
            if (country >= 0 && pr.country >= 0 && pr.country != country) continue;
          }
          found = p;
          break;
        }
        if (found >= 0) {
          if (a.people[found].country < 0) a.people[found].country = country;
          pm.entity = found;
          pm.anaphor = true;
          replace(has_det ? pb - 1 : pb, te, pm);
          k = static_cast<std::size_t>(-1);
          continue;
        }
        if (country >= 0) {
          Mention rm;
          rm.kind = MentionKind::role;
          rm.country = country;
          rm.entity = country;
          rm.title = ms[k].entity;
          replace(pb, te, rm);
          k = static_cast<std::size_t>(-1);
          continue;
        }
      }
    }

    // 3a'. "his Ghanaian counterpart, Ama Mensah": a person of that country,
    // with the role of the person whose counterpart they are.
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      if (m.kind != MentionKind::demonym && !(m.kind == MentionKind::country && m.possessive)) continue;
      std::uint32_t e = m.end;
      if (e + 2 >= span.end || (toks[e].id != id.counterpart && toks[e].id != id.counterparts)) continue;
      if (!is_punct(e + 1, ',')) continue;
      std::vector<std::string> words;
      std::string shown;
      std::uint32_t ne = scan_name(e + 2, words, shown);
      if (words.size() < 2) continue;
      std::string role;
      for (const Mention& o : ms)
        if (o.kind == MentionKind::person && o.begin < m.begin) {
          role = a.people[o.entity].base_role;
          break;
        }
      Mention pm;
      pm.kind = MentionKind::person;
      pm.entity = add_person(shown, words, role, role, m.country, -1);
      replace(m.begin, ne, pm);
      k = static_cast<std::size_t>(-1);
    }

    // 3b. Known names: "Overchuk", "Sharif's".
    // A word can start a known name only if it is one of the words of a known name.
    auto known_word = [&](std::uint32_t i) {
      std::string_view w = tok_text(i);
      for (const Person& p : a.people)
        for (const std::string& pw : p.words)
          if (pw.size() == w.size() && iequal(pw, w)) return true;
      return false;
    };
    for (std::uint32_t i = span.begin; i < span.end && !a.people.empty(); ++i) {
      if (!name_like(i) || !known_word(i)) continue;
      std::vector<std::string> words;
      std::string shown;
      std::uint32_t e = scan_name(i, words, shown);
      int p = find_person(words);
      if (p < 0) {
        // Try the last word alone ("Prime Minister Sharif" handled above; "Sharif said").
        i = e > i ? e - 1 : i;
        continue;
      }
      Mention pm;
      pm.kind = MentionKind::person;
      pm.entity = p;
      replace(i, e, pm);
      i = e - 1;
    }

    // 3b'. Leaders without a title: a full name ("Vladimir Putin said"), a
    // surname or alias of a leader read before ("Lula" after "President Luiz
    // Inácio Lula da Silva"), or a surname news uses alone (flag `bare`) when
    // the table gives one person for it at the article date ("Putin said").
    for (const LeaderHit& h : hits) {
      bool free = true;
      for (std::uint32_t k = h.begin; k < h.end; ++k) free &= inside_ok(k, h.begin, h.end, h.full);
      if (!free) continue;
      // Part of a longer name ("Bush Street", "Tom Bush") is someone else.
      if (h.begin > span.begin && name_like(h.begin - 1)) continue;
      if (h.end < span.end && name_like(h.end)) continue;
      int p = -1;
      for (int q = static_cast<int>(a.people.size()) - 1; q >= 0 && p < 0; --q) {
        const Person& pr = a.people[q];
        if (pr.leader < 0) continue;
        for (std::uint32_t v : h.values)
          if (dict.leaders()[dict.leader_entries()[v].leader].person == dict.leaders()[pr.leader].person) {
            p = q;
            break;
          }
      }
      if (p < 0) {
        LeaderPick pick = pick_leader(h, "", 0, -1);
        if (pick.row < 0) continue;
        const Leader& l = dict.leaders()[pick.row];
        bool full_name = h.full && h.end - h.begin >= 2;
        if (!full_name && !l.bare) continue;
        p = add_person(l.name, name_words(l.name), l.office, l.office, l.country, -1);
        make_leader(p, pick.row);
      }
      Mention pm;
      pm.kind = MentionKind::person;
      pm.entity = p;
      replace(h.begin, h.end, pm);
    }

    // 3b''. Visiting groups: "a delegation from Kenya" is Kenya's; "a
    // Pakistani delegation", "Japan's trade team" are remembered for "the
    // delegation", "the visitors", "the team", "the mission" later on.
    auto visitor_noun = [&](std::uint32_t i) {
      return i < span.end && toks[i].is(kWord) && !toks[i].is(kCap) && at[i] < 0 &&
             std::find(id.visitor_nouns.begin(), id.visitor_nouns.end(), toks[i].id) != id.visitor_nouns.end();
    };
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      bool country_like = m.kind == MentionKind::demonym ||
                          ((m.kind == MentionKind::country || m.kind == MentionKind::metonym) && m.possessive);
      if (country_like && !m.anaphor) {
        std::uint32_t j = m.end;
        // one modifier word between: "a Kenyan trade delegation", "a high-level delegation"
        if (!visitor_noun(j) && j < span.end && toks[j].is(kWord) && !toks[j].is(kCap) && at[j] < 0 &&
            !(toks[j].cls & kFunction))
          ++j;
        if (visitor_noun(j)) last_delegation_country = m.country;
      }
      if (m.kind == MentionKind::country || m.kind == MentionKind::demonym || m.kind == MentionKind::capital) {
        std::uint32_t b = m.begin;
        if (b >= span.begin + 2 && (toks[b - 1].id == id.from || toks[b - 1].id == id.of) && visitor_noun(b - 2)) {
          if (m.kind == MentionKind::capital && toks[b - 1].id == id.from) continue;  // "a team from Nairobi" may be a city's
          last_delegation_country = m.country;
          Mention cm;
          cm.kind = MentionKind::country;
          cm.entity = cm.country = m.country;
          replace(b - 2, m.end, cm);
          k = static_cast<std::size_t>(-1);
        }
      }
    }

    // 3c. Pronouns and descriptions.
    auto sentence_subject_person = [&](std::uint32_t before) -> int {
      for (const Mention& m : ms) {
        if (m.begin >= before) break;
        if (m.kind == MentionKind::person) return m.entity;
        if (is_actor(m)) {
          bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
          if (!prep) return -1;
        }
      }
      return -1;
    };
    for (std::uint32_t i = span.begin; i < span.end; ++i) {
      if (at[i] >= 0) continue;
      const Tok& t = toks[i];
      TokenId w = t.id;
      if (w == kNoToken) continue;
      // "the delegation": the last visiting group's country; with none, the
      // dateline's (a delegation is reported by its home press), unless the
      // sentence places it in the dateline's country ("arrived in Islamabad").
      if (w == id.the && visitor_noun(i + 1)) {
        int c = last_delegation_country;
        if (c < 0 && toks[i + 1].id == id.delegation && a.dateline_country >= 0) {
          bool at_home = false;
          for (const Mention& m : ms)
            at_home |= m.country == a.dateline_country && m.begin > span.begin &&
                       (toks[m.begin - 1].cls & kLocative) &&
                       (m.kind == MentionKind::capital || m.kind == MentionKind::city || m.kind == MentionKind::country);
          if (!at_home) c = a.dateline_country;
        }
        if (c < 0) continue;
        replace_with_country(i, i + 2, c);
        ++i;
        continue;
      }
      if (w == id.he || w == id.she || w == id.him || w == id.his || w == id.her) {
        int subj = sentence_subject_person(i);
        int p = -1;
        if (w == id.him || (w == id.her && !(i + 1 < span.end && toks[i + 1].is(kWord) && !(toks[i + 1].cls & kNotName)))) {
          // Object: not the nearest person of its own clause.
          int nearest = -1;
          for (const Mention& m : ms)
            if (m.begin < i && m.kind == MentionKind::person) nearest = m.entity;
          if (subj >= 0 && subj != nearest) p = subj;
          else if (last_subject_person >= 0 && last_subject_person != nearest) p = last_subject_person;
        } else {
          p = subj >= 0 ? subj : last_subject_person;
        }
        if (p >= 0) {
          Mention pm;
          pm.kind = MentionKind::person;
          pm.entity = p;
          pm.anaphor = true;
          replace(i, i + 1, pm);
          if (w == id.his || w == id.her) ms[at[i]].possessive = true;
        }
        continue;
      }
      // "it", "its": the country or organization the sentence is about, else
      // the last sentence's single subject country.
      if (w == id.it || w == id.its) {
        int c = -1;
        bool org = false;
        int org_entity = -1;
        for (const Mention& m : ms) {
          if (m.begin >= i) break;
          if (!is_actor(m) || m.kind == MentionKind::person || m.kind == MentionKind::group) continue;
          bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
          if (prep) continue;
          if (m.kind == MentionKind::org) {
            org = true;
            org_entity = m.entity;
          } else {
            c = m.country;
          }
          break;
        }
        if (c < 0 && !org && prev_subject_countries.size() == 1 && i == span.begin)
          c = prev_subject_countries[0];
        if (c < 0 && !org) continue;
        Mention cm;
        cm.kind = org ? MentionKind::org : MentionKind::country;
        cm.entity = org ? org_entity : c;
        cm.country = org ? dict.organizations()[org_entity].country : c;
        cm.anaphor = true;
        replace(i, i + 1, cm);
        if (w == id.its) ms[at[i]].possessive = true;
        continue;
      }
      if (w == id.they || w == id.them || w == id.their) {
        std::vector<std::int32_t> group;
        for (const Mention& m : ms) {
          if (m.begin >= i) break;
          if (!is_actor(m) || m.country < 0) continue;
          bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
          if (prep) continue;
          if (std::find(group.begin(), group.end(), m.country) == group.end()) group.push_back(m.country);
        }
        if (group.empty()) group = prev_subject_countries;
        if (group.empty()) continue;
        Mention gm;
        gm.kind = MentionKind::group;
        gm.entity = static_cast<int>(a.groups.size());
        gm.anaphor = true;
        a.groups.push_back(group);
        replace(i, i + 1, gm);
        if (w == id.their) ms[at[i]].possessive = true;
        continue;
      }
      // "the two countries", "both sides", "both foreign ministers", "Both" alone.
      if ((w == id.the && i + 2 < span.end && toks[i + 1].id == id.two) || w == id.both) {
        std::uint32_t j = w == id.both ? i + 1 : i + 2;
        std::uint32_t head = 0;
        for (std::uint32_t k = j; k < span.end && k < j + 3; ++k) {
          if ((toks[k].cls & kRoleNoun) && at[k] < 0) {
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
          // The two countries most mentioned so far.
          std::vector<std::int32_t> group;
          for (int round = 0; round < 2; ++round) {
            int best = -1;
            for (std::size_t c = 0; c < a.country_counts.size(); ++c) {
              if (!a.country_counts[c]) continue;
              if (std::find(group.begin(), group.end(), static_cast<int>(c)) != group.end()) continue;
              if (best < 0 || a.country_counts[c] > a.country_counts[best]) best = static_cast<int>(c);
            }
            if (best >= 0) group.push_back(best);
          }
          if (group.size() == 2) {
            Mention gm;
            gm.kind = MentionKind::group;
            gm.entity = static_cast<int>(a.groups.size());
            gm.anaphor = true;
            a.groups.push_back(group);
            replace(i, j + 1, gm);
            i = j;
          }
        }
        continue;
      }
      // "the country", "the nation": the country read last.
      if (w == id.the && i + 1 < span.end && !toks[i + 1].is(kCap) &&
          (toks[i + 1].id == id.country || toks[i + 1].id == id.nation || toks[i + 1].id == id.kingdom)) {
        int c = last_country;
        for (const Mention& m : ms) {
          if (m.begin >= i) break;
          bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
          bool place = (m.kind == MentionKind::capital || m.kind == MentionKind::city) && prep;
          if (is_actor(m) && !place && m.kind != MentionKind::person && m.country >= 0) c = m.country;
        }
        if (c < 0) continue;
        replace_with_country(i, i + 2, c);
        ++i;
        continue;
      }
    }
    // "the Pakistani official" -> the Pakistani person read last.
    for (std::size_t k = 0; k < ms.size(); ++k) {
      Mention& m = ms[k];
      if (m.kind != MentionKind::demonym) continue;
      std::uint32_t e = m.end;
      if (e >= span.end || m.begin == span.begin) continue;
      if (toks[m.begin - 1].id != id.the) continue;
      TokenId nn = toks[e].id;
      if (std::find(id.person_nouns.begin(), id.person_nouns.end(), nn) == id.person_nouns.end()) continue;
      int found = -1;
      for (int p = static_cast<int>(a.people.size()) - 1; p >= 0; --p)
        if (a.people[p].country == m.country) {
          found = p;
          break;
        }
      if (found < 0) continue;
      Mention pm;
      pm.kind = MentionKind::person;
      pm.entity = found;
      pm.anaphor = true;
      replace(m.begin - 1, e + 1, pm);
      k = static_cast<std::size_t>(-1);
    }

    // 3d. Bookkeeping for the next sentences.
    std::vector<std::int32_t> subject_countries;
    bool subject_seen = false;
    bool leading_attribution = toks[span.begin].id == id.according;
    for (const Mention& m : ms) {
      bool prep = m.begin > span.begin && (toks[m.begin - 1].cls & kPrep);
      if (leading_attribution) {
        // Skip "According to ... ," up to the first comma.
        bool after_comma = false;
        for (std::uint32_t i = span.begin; i < m.begin; ++i) after_comma |= is_punct(i, ',');
        if (!after_comma) continue;
      }
      if (!subject_seen && is_actor(m) && !prep) {
        subject_seen = true;
        if (m.kind == MentionKind::person) last_subject_person = m.entity;
        if (m.kind == MentionKind::group) {
          subject_countries = a.groups[m.entity];
        } else {
          int c = m.kind == MentionKind::person ? a.people[m.entity].country : m.country;
          if (c >= 0) subject_countries.push_back(c);
          // Coordinated subjects: "Russia and China ..."
          std::uint32_t e = m.end;
          for (const Mention& o : ms) {
            if (o.begin < e || !is_actor(o)) continue;
            bool joined = true;
            for (std::uint32_t i = e; i < o.begin; ++i)
              joined &= is_punct(i, ',') || toks[i].id == id.and_ || (toks[i].cls & (kDet | kModifier));
            if (!joined) break;
            int oc = o.kind == MentionKind::person ? a.people[o.entity].country : o.country;
            if (oc >= 0 && std::find(subject_countries.begin(), subject_countries.end(), oc) == subject_countries.end())
              subject_countries.push_back(oc);
            e = o.end;
          }
        }
      }
      int c = m.kind == MentionKind::person ? a.people[m.entity].country : m.country;
      bool place = (m.kind == MentionKind::capital || m.kind == MentionKind::city) && prep;
      if (c >= 0 && is_actor(m) && !place && m.kind != MentionKind::group) {
        ++a.country_counts[c];
        if (m.kind != MentionKind::person) last_country = c;
      }
    }
    if (!subject_countries.empty()) prev_subject_countries = subject_countries;
  }

  // 4. People without a country: the dateline's; without a dateline, the
  // one country the article names, if it names only one and not only as an
  // actor of its own ("criticized Peru"): as a demonym ("the Bolivian
  // opposition"), a place ("a curfew in Algiers") or a national body's.
  int fallback = a.dateline_country;
  if (fallback < 0) {
    bool several = false, setting = false;
    for (const auto& ms : per_sentence)
      for (const Mention& m : ms) {
        int c = m.kind == MentionKind::person ? a.people[m.entity].country : m.country;
        if (c < 0) continue;
        several |= fallback >= 0 && c != fallback;
        fallback = c;
        bool place = (m.kind == MentionKind::capital || m.kind == MentionKind::country) &&
                     m.begin > 0 && (a.toks[m.begin - 1].cls & kLocative);
        // "the Kenya Anti-Corruption Commission", "the Pakistan Army": a national body's name
        bool body = m.kind == MentionKind::country && !m.possessive && m.end < n &&
                    a.toks[m.end].is(kWord) && a.toks[m.end].is(kCap) &&
                    !(a.toks[m.end].cls & kNotName) &&
                    std::none_of(ms.begin(), ms.end(), [&](const Mention& o) { return o.begin == m.end; });
        setting |= m.kind == MentionKind::demonym || m.kind == MentionKind::city ||
                   m.kind == MentionKind::org || place || body;
      }
    if (several || !setting) fallback = -1;
  }
  for (Person& p : a.people)
    if (p.country < 0 && p.org < 0) p.country = fallback;

  // 5. Flatten.
  a.mention_at.assign(n, -1);
  for (auto& ms : per_sentence) {
    for (Mention& m : ms) {
      if (m.kind == MentionKind::person) m.country = a.people[m.entity].country;
      auto idx = static_cast<std::int32_t>(a.mentions.size());
      for (std::uint32_t i = m.begin; i < m.end; ++i) a.mention_at[i] = idx;
      a.mentions.push_back(m);
    }
  }

  // 6. Dates.
  for (const SentenceSpan& span : a.sentences) dates_.find(text, toks, span.begin, span.end, a.dates);
  a.date_at.assign(n, -1);
  for (std::size_t k = 0; k < a.dates.size(); ++k)
    for (std::uint32_t i = a.dates[k].begin; i < a.dates[k].end; ++i) a.date_at[i] = static_cast<int>(k);
  return a;
}

}  // namespace dipgraph::ingest
