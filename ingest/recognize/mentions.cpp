// Dictionary matches -> mentions (recognize_detail.hpp, mentions.cpp part).
//
// Each sentence is matched against the Dictionary's entity phrases: longest
// match first, then earliest, ties of one span settled by kind (a country
// before an organization before a demonym ...) and current names before
// historical ones. Then the few mentions the dictionary cannot say alone are
// added or dropped: unnamed NGOs, "ethnic" demonyms, stances and backers.
#include <algorithm>

#include "ingest/recognize/recognize_detail.hpp"

namespace dipgraph::ingest::detail {

namespace {

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

bool by_begin(const Mention& x, const Mention& y) { return x.begin < y.begin; }

}  // namespace

// "Province", "State": a word saying what kind of unit the name before it is.
static bool region_word(std::string_view w) {
  for (std::string_view k : {"province", "state", "region", "governorate", "prefecture", "oblast", "county",
                             "district", "territory"})
    if (w.size() == k.size() && std::equal(w.begin(), w.end(), k.begin(), [](char a, char b) { return (a | 0x20) == b; }))
      return true;
  return false;
}

void lex_sentences(const Document& doc, const Dictionary& dict, Analysis& a) {
  a.toks.reserve(doc.text.size() / 5 + 16);
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    SentenceSpan span;
    span.begin = static_cast<std::uint32_t>(a.toks.size());
    lex(doc.text, doc.sentences[s].start, doc.sentences[s].end, dict.vocab(), dict.word_classes(),
        a.toks);
    span.end = static_cast<std::uint32_t>(a.toks.size());
    span.index = s;
    if (span.end > span.begin) a.sentences.push_back(span);
  }
}

void match_dictionary(ArticleState& art, std::uint32_t s) {
  const Dictionary& dict = art.dict;
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  const SentenceSpan& span = art.a.sentences[s];
  const auto& entries = dict.entity_entries();
  struct Cand {
    std::uint32_t begin, len, value;
  };
  std::vector<Cand> cands;
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
          // A region's name inside a longer capitalized name is a person's
          // ("Queen Amara", "Tiago Lopes Rocha"), save a kind word after it.
          if (e.kind == EntityKind::city && dict.cities()[e.index].region) {
            auto word = [&](std::size_t k) { return toks[k].is(kWord) && toks[k].is(kCap) && !(toks[k].cls & kFunction); };
            if (i > span.begin && word(i - 1)) return false;
            if (i + len < span.end && word(i + len) && !region_word(art.tok_text(i + len))) return false;
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
  // "North and South Korea", "East and West Germany": the first direction
  // word stands for its own country, the name it shares with the second.
  auto direction = [&](TokenId t) {
    return t != kNoToken && (t == id.north || t == id.south || t == id.east || t == id.west);
  };
  for (std::size_t ci = 0, n = cands.size(); ci < n; ++ci) {
    const Cand c = cands[ci];
    if (c.len < 2 || c.begin < span.begin + 2 || !direction(toks[c.begin].id) ||
        toks[c.begin - 1].id != id.and_ || !direction(toks[c.begin - 2].id) || !toks[c.begin - 2].is(kCap))
      continue;
    const std::uint32_t first = c.begin - 2;
    auto ids = [&](std::size_t k) { return k == 0 ? toks[first].id : toks[c.begin + k].id; };
    std::uint32_t value = 0;
    bool found = dict.entity_matcher().longest(ids, 0, c.len, [&](std::uint32_t len, std::uint32_t v) {
      if (len != c.len || entries[v].kind != EntityKind::country) return false;
      value = v;
      return true;
    }) != 0;
    if (found) cands.push_back({first, 1, value});
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
    return x.len != y.len ? x.len > y.len : x.begin < y.begin;
  });
  auto& ms = art.per_sentence[s];
  const auto& date = art.a.article_date;
  const int day = date ? date->y * 10000 + date->m * 100 + date->d : 0;
  for (const Cand& c : cands) {
    bool overlap = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return c.begin < m.end && m.begin < c.begin + c.len;
    });
    if (overlap) continue;
    const EntityEntry& e = entries[c.value];
    // "Latin America", "Latin American": not the United States.
    if (c.begin > span.begin && toks[c.begin - 1].id == id.latin && id.latin != kNoToken) continue;
    // "South American", "Central America", "North American": a region.
    if (c.begin > span.begin && (e.kind == EntityKind::country || e.kind == EntityKind::demonym) &&
        dict.countries()[e.index].code == "USA") {
      std::uint32_t prev = toks[c.begin - 1].id;
      if (prev != kNoToken && (prev == id.north || prev == id.south || prev == id.central)) continue;
    }
    // "South China Sea", "Sudan River": a geographic name, not the country.
    if (e.kind == EntityKind::country && c.begin + c.len < span.end &&
        toks[c.begin + c.len].is(kCap) &&
        std::find(id.geo.begin(), id.geo.end(), toks[c.begin + c.len].id) != id.geo.end())
      continue;
    // "the Minsk Group", "the Oslo Accords", "the Kyoto Protocol": a body
    // or a treaty named after the city it was made in, not the city's state.
    if ((e.kind == EntityKind::capital || e.kind == EntityKind::city) && c.begin + c.len < span.end &&
        toks[c.begin + c.len].is(kCap) &&
        std::find(id.named_for.begin(), id.named_for.end(), toks[c.begin + c.len].id) != id.named_for.end())
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
      // Capitals, seats and demonyms stand for the state of the article's
      // day (data/states.tsv): "Moscow" in 1987 is the Soviet Union.
      case EntityKind::demonym:
        m.kind = MentionKind::demonym, m.entity = m.country = dict.country_on(c.value, day);
        break;
      case EntityKind::metonym:
        m.kind = MentionKind::metonym, m.entity = m.country = dict.country_on(c.value, day);
        break;
      case EntityKind::capital:
        m.kind = MentionKind::capital;
        m.country = dict.country_on(c.value, day);
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
  std::sort(ms.begin(), ms.end(), by_begin);
}

void add_unnamed_ngos(ArticleState& art, std::uint32_t s) {
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  const SentenceSpan& span = art.a.sentences[s];
  auto& ms = art.per_sentence[s];
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
    ms.insert(std::upper_bound(ms.begin(), ms.end(), m, by_begin), m);
  }
}

void settle_ethnic_demonyms(ArticleState& art, std::uint32_t s) {
  const WordIds& id = art.id;
  const auto& toks = art.a.toks;
  const SentenceSpan& span = art.a.sentences[s];
  auto& ms = art.per_sentence[s];
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
}

void drop_stances(ArticleState& art, std::uint32_t s) {
  const auto& toks = art.a.toks;
  const SentenceSpan& span = art.a.sentences[s];
  auto& ms = art.per_sentence[s];
  // "pro-Iranian militia", "anti-American protesters": a stance, not the
  // country acting; "the Syrian-backed Amal": the group acts, not Syria.
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    if (m.kind != MentionKind::demonym && m.kind != MentionKind::country) continue;
    bool stance = m.begin > span.begin && toks[m.begin].is(kHyphenJoined) &&
                  (iequal(art.tok_text(m.begin - 1), "pro") || iequal(art.tok_text(m.begin - 1), "anti"));
    bool backer = false;
    if (m.end + 1 < span.end && toks[m.end].is(kHyphenJoined) && !toks[m.end - 1].is(kPossessive)) {
      std::string_view w = art.tok_text(m.end);
      for (std::string_view b : {"backed", "sponsored", "supported", "funded", "allied", "aligned"})
        backer |= iequal(w, b);
      // only when a group follows: "Syrian-backed Amal", "Iranian-backed Houthis"
      backer = backer && k + 1 < ms.size() && ms[k + 1].kind == MentionKind::org && ms[k + 1].begin <= m.end + 3;
    }
    // "Turkish-mediated talks", "a U.S.-brokered truce": the go-between
    // of talks held by others, no party of them.
    bool mediator = false;
    if (m.end < span.end && toks[m.end].is(kHyphenJoined) && !toks[m.end - 1].is(kPossessive))
      for (std::string_view b : {"mediated", "brokered", "facilitated"}) mediator |= iequal(art.tok_text(m.end), b);
    if (stance || backer || mediator) {
      ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k));
      --k;
    }
  }
}

void seats_as_organizations(ArticleState& art, std::uint32_t s) {
  const Dictionary& dict = art.dict;
  const auto& toks = art.a.toks;
  const SentenceSpan& span = art.a.sentences[s];
  auto& ms = art.per_sentence[s];
  // A city in no phrase of place: no preposition or determiner before it, or
  // before the conjunct it is joined to ("in Paris and Brussels").
  auto bare = [&](const Mention& m) {
    std::uint32_t k = m.begin;
    return !(k > span.begin && (toks[k - 1].cls & (kPrep | kDet)));
  };
  for (std::size_t k = 0; k < ms.size(); ++k) {
    Mention& m = ms[k];
    if ((m.kind != MentionKind::capital && m.kind != MentionKind::city) || m.entity < 0) continue;
    const int org = dict.cities()[m.entity].seat_of;
    if (org < 0 || !bare(m)) continue;
    // "Brussels-based", "Brussels Airport": a name or a compound of the city.
    if (m.end < span.end && !m.possessive && (toks[m.end].is(kHyphenJoined) || toks[m.end].is(kCap))) continue;
    // "Washington and Brussels agreed": the conjunct before must be bare too.
    bool joined_to_place = false;
    for (std::size_t q = k; q > 0; --q) {
      const Mention& o = ms[q - 1];
      bool joint = o.end + 1 == ms[q].begin &&
                   (art.is_punct(o.end, ',') || toks[o.end].id == art.id.and_);
      if (!joint) break;
      joined_to_place |= !bare(o);
    }
    if (joined_to_place) continue;
    m.kind = MentionKind::org;
    m.entity = org;
    m.country = dict.organizations()[org].country;
  }
}

int dateline_country(const Document& doc, const Dictionary& dict) {
  int country = -1;
  if (doc.dateline_place.empty()) return country;
  const auto& entries = dict.entity_entries();
  std::vector<Tok> dt;
  lex(doc.dateline_place, 0, static_cast<std::uint32_t>(doc.dateline_place.size()), dict.vocab(),
      dict.word_classes(), dt);
  for (std::uint32_t i = 0; i < dt.size() && country < 0; ++i) {
    dict.entity_matcher().longest([&](std::size_t k) { return dt[k].id; }, i, dt.size(),
                                  [&](std::uint32_t, std::uint32_t value) {
                                    const EntityEntry& e = entries[value];
                                    if (e.kind == EntityKind::city)
                                      country = dict.cities()[e.index].country;
                                    else if (e.kind != EntityKind::org && e.kind != EntityKind::title)
                                      country = static_cast<int>(e.index);
                                    return country >= 0;
                                  });
  }
  return country;
}

}  // namespace dipgraph::ingest::detail
