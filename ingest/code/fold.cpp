// Folding the drafts of one article into facts (draft.hpp).
#include <cmath>
#include <set>

#include "graph/cameo.hpp"
#include "ingest/code/calibrate.hpp"
#include "ingest/code/draft.hpp"

namespace dipgraph::ingest {

void add_mention_actors(const Dictionary& dict, const Analysis& a, const std::vector<std::int32_t>& group,
                        std::vector<Actor>& out, CodeSet& countries, bool& anaphoric) {
  auto code_of = [&](int c) { return c >= 0 ? dict.countries()[c].code : std::string(); };
  auto add_country = [&](int c) {
    if (c < 0) return;
    const Country& cc = dict.countries()[c];
    add_actor(out, Actor{"country:" + cc.code, ActorKind::country, cc.name, cc.code, ""});
    countries.insert(cc.code);
  };
  for (std::int32_t mi : group) {
    bool country_only = mi < 0;
    if (country_only) mi = -mi - 1;
    const Mention& m = a.mentions[mi];
    anaphoric |= m.anaphor;
    if (country_only) {
      add_country(m.country);
      continue;
    }
    switch (m.kind) {
      case MentionKind::country:
      case MentionKind::demonym:
      case MentionKind::metonym:
      case MentionKind::capital:
      case MentionKind::role:
      case MentionKind::city:
        add_country(m.country);
        break;
      case MentionKind::group:
        for (int c : a.groups[m.entity]) add_country(c);
        break;
      case MentionKind::org: {
        const Organization& o = dict.organizations()[m.entity];
        std::string c = code_of(o.country);
        add_actor(out, Actor{"org:" + o.code, ActorKind::organization, o.name, c, ""});
        if (!c.empty()) countries.insert(c);
        // A state's own body (army, parliament, state media, central bank)
        // acts for the state: the country is a party too.
        if (o.kind == "national") add_country(o.country);
        break;
      }
      case MentionKind::person: {
        const Person& p = a.people[m.entity];
        std::string c = code_of(p.country);
        add_actor(out, Actor{"person:" + slugify(p.name), ActorKind::person, p.name, c, p.role});
        if (!c.empty()) countries.insert(c);
        if (c.empty() && p.org >= 0) {
          const Organization& o = dict.organizations()[p.org];
          add_actor(out, Actor{"org:" + o.code, ActorKind::organization, o.name, code_of(o.country), ""});
        }
        break;
      }
      default:
        break;
    }
  }
}

namespace {

// The key of an actor on a side: its country, else its own id.
const std::string& side_key(const Actor& a) { return a.country.empty() ? a.id : a.country; }

bool shares_key(const std::vector<Actor>& a, const std::vector<Actor>& b) {
  return std::any_of(a.begin(), a.end(), [&](const Actor& x) {
    return std::any_of(b.begin(), b.end(), [&](const Actor& y) { return side_key(x) == side_key(y); });
  });
}

// The parties of a fact by side key (countries, and organizations or people
// of no country by id): "the EU and Mercosur" fold like two countries.
std::set<std::string> party_keys(const Fact& f) {
  std::set<std::string> keys;
  for (const auto* side : {&f.source, &f.target, &f.participants})
    for (const Actor& a : *side) keys.insert(side_key(a));
  return keys;
}

// True if d is a speech act (an appeal, demand, criticism or rejection)
// made by a person named in it whom o does not name: a second official's
// own words, not the first act told again ("officials asked X ...; the
// foreign minister urged X ..."). Meetings and other shared events still
// fold, whoever is named.
bool other_speaker(const Fact& o, const Fact& d) {
  const std::string_view root = cameo_root(d.cameo);
  if (root != "02" && root != "10" && root != "11" && root != "12") return false;
  bool named = false;
  for (const Actor& x : d.source) {
    if (x.kind != ActorKind::person) continue;
    named = true;
    if (std::any_of(o.source.begin(), o.source.end(), [&](const Actor& y) { return y.id == x.id; })) return false;
  }
  return named;
}

// True if meeting d names people of two countries, none of whom o names
// while o names people of its own: "X met Y" and later "Z spoke with W"
// are two talks between the two countries, not one told again (which
// names its people again, or calls them "the two leaders").
bool other_people(const Fact& o, const Fact& d) {
  if (d.type != "meeting") return false;
  std::set<std::string> countries;
  for (const auto* side : {&d.source, &d.target, &d.participants})
    for (const Actor& x : *side) {
      if (x.kind != ActorKind::person) continue;
      if (!x.country.empty()) countries.insert(x.country);
      for (const auto* oside : {&o.source, &o.target, &o.participants})
        if (std::any_of(oside->begin(), oside->end(), [&](const Actor& y) { return y.id == x.id; })) return false;
    }
  if (countries.size() < 2) return false;
  for (const auto* oside : {&o.source, &o.target, &o.participants})
    if (std::any_of(oside->begin(), oside->end(), [](const Actor& y) { return y.kind == ActorKind::person; }))
      return true;
  return false;
}

// True if o and d each name bodies with no country (organizations: "the
// UN", "the IMF") and neither's are among the other's: two acts.
bool other_bodies(const Fact& o, const Fact& d) {
  auto any_body = [](const Fact& f) {
    for (const auto* side : {&f.source, &f.target, &f.participants})
      for (const Actor& a : *side)
        if (a.kind == ActorKind::organization && a.country.empty()) return true;
    return false;
  };
  if (!any_body(o) || !any_body(d)) return false;  // (most facts: no sets built)
  auto bodies = [](const Fact& f) {
    std::set<std::string> b;
    for (const auto* side : {&f.source, &f.target, &f.participants})
      for (const Actor& a : *side)
        if (a.kind == ActorKind::organization && a.country.empty()) b.insert(a.id);
    return b;
  };
  const std::set<std::string> x = bodies(o), y = bodies(d);
  if (x.empty() || y.empty()) return false;
  return !std::includes(x.begin(), x.end(), y.begin(), y.end()) &&
         !std::includes(y.begin(), y.end(), x.begin(), x.end());
}

// True if draft d tells the act of o the other way round (o: X -> Y, d:
// Y -> X): two acts, not one, unless one of them is a host's 043.
bool reversed(const Fact& o, const Fact& d) {
  if (o.cameo == "043" || d.cameo == "043") return false;
  return shares_key(d.source, o.target) || shares_key(d.target, o.source);
}

// Nobody acts on itself: target actors of a source's country (or the
// source itself) leave the target; a fact left without one is dropped later.
void tidy_sides(Fact& f) {
  if (f.source.empty()) return;
  f.target.erase(std::remove_if(f.target.begin(), f.target.end(),
                                [&](const Actor& x) {
                                  return std::any_of(f.source.begin(), f.source.end(),
                                                     [&](const Actor& y) { return side_key(x) == side_key(y); });
                                }),
                 f.target.end());
}

// Splits the visit out[k] into one visit per country of its `side`
// (appended to `out`, the last in place of out[k]); a host's visit keeps
// its place only when it is in that host's country.
void split_visit(std::vector<Draft>& out, std::size_t k, std::vector<Actor> Fact::*side) {
  if (out[k].fact.cameo != "042" || (out[k].fact.*side).size() < 2) return;
  std::vector<std::vector<Actor>> groups;  // grouped by country
  for (Actor& x : out[k].fact.*side) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const std::vector<Actor>& h) { return side_key(h[0]) == side_key(x); });
    if (g == groups.end()) groups.push_back({std::move(x)});
    else g->push_back(std::move(x));
  }
  for (std::size_t h = 0; h < groups.size(); ++h) {
    Draft one = h + 1 < groups.size() ? out[k] : std::move(out[k]);
    one.fact.*side = std::move(groups[h]);
    if (side == &Fact::target && one.fact.location && one.fact.location->country != one.fact.target[0].country)
      one.fact.location.reset();
    if (h + 1 < groups.size()) out.push_back(std::move(one));
    else out[k] = std::move(one);
  }
}

}  // namespace

std::vector<Fact> fold_drafts(std::vector<Draft>& drafts, const std::string& article_day,
                              std::size_t max_facts, const Calibration& calibration) {
  std::vector<Draft> out;
  out.reserve(drafts.size());
  for (Draft& d : drafts) {
    // (a target of the source's own country is no party of the act: tidied
    // first, it cannot make "X -> Y, X" read as Y's act on X reversed)
    tidy_sides(d.fact);
    Draft* target = nullptr;
    const Draft* occasion = nullptr;  // a follow-up's event, when it names a new party
    for (std::size_t k = out.size(); k-- > 0;) {
      Draft& o = out[k];
      if (o.fact.type != d.fact.type || o.fact.status != d.fact.status) continue;
      // One event coded at two depths ("030" and "036", "141" and "143")
      // is one: the same type and root fold; visits 042/043 too.
      // (Told in two sentences, two codes are two acts: "eager to meet"
      // and, later, "reiterated their commitment to ...".)
      if (o.fact.cameo != d.fact.cameo && o.fact.type != "visit" &&
          !(cameo_root(o.fact.cameo) == cameo_root(d.fact.cameo) &&
            (o.fact.cameo.back() == '0' || d.fact.cameo.back() == '0') &&
            (o.sentence == d.sentence || o.fact.type != "intent")))
        continue;
      if (reversed(o.fact, d.fact)) continue;
      if (other_speaker(o.fact, d.fact) || other_people(o.fact, d.fact)) continue;
      // (bodies with no country count as parties too when told in two
      // sentences: "X appealed to the UN ... X urged the IMF" are two appeals)
      bool same_parties = d.countries.empty() ? !d.fact.participants.empty() && party_keys(o.fact) == party_keys(d.fact)
                                              : o.countries == d.countries &&
                                                    (o.sentence == d.sentence || !other_bodies(o.fact, d.fact));
      bool date_ok = !d.own_date || !o.own_date || o.fact.date == d.fact.date;
      bool place_ok = !d.own_place || !o.own_place || o.fact.location == d.fact.location;
      if (same_parties && date_ok && place_ok) {
          target = &o;
        break;
      }
      // A follow-up sentence: no date or place of its own, a shared party.
      // A directed follow-up names no new party: its countries are among
      // the event's (or the event's among its); an appeal to others is
      // another appeal.
      auto within = [](const auto& x, const auto& y) {
        return std::all_of(x.begin(), x.end(), [&](const std::string& c) { return y.count(c) > 0; });
      };
      // A symmetric one too, but for a summit: "X met Y on Monday. X also
      // met Z." is two meetings, not one of three.
      const bool directed = !d.fact.source.empty() || !d.fact.target.empty();
      const bool shared = std::any_of(d.countries.begin(), d.countries.end(),
                                      [&](const std::string& c) { return o.countries.count(c) > 0; });
      // (a body with no country, "the AU", that o does not name is a new
      // party too: "X met Y. He also met the AU chairman" is two meetings)
      auto new_body = [&]() {
        std::set<std::string> have;
        for (const auto* side : {&o.fact.source, &o.fact.target, &o.fact.participants})
          for (const Actor& a : *side) have.insert(a.id);
        for (const auto* side : {&d.fact.source, &d.fact.target, &d.fact.participants})
          for (const Actor& a : *side)
            if (a.kind == ActorKind::organization && a.country.empty() && !have.count(a.id)) return true;
        return false;
      };
      // (nor one whose maker is none of the event's: "the IMF released $1
      // billion to X; China extended $2 billion" are two acts of aid)
      const bool other_maker = !d.fact.source.empty() && !o.fact.source.empty() &&
                               !shares_key(d.fact.source, o.fact.source) &&
                               !shares_key(d.fact.source, o.fact.target);
      if (!d.own_date && !d.own_place && d.sentence > o.sentence && d.sentence - o.sentence <= 8 && !d.say && shared &&
          !new_body() && !other_maker) {
        if (d.fact.type == "summit" || within(d.countries, o.countries) || within(o.countries, d.countries)) {
          target = &o;
          break;
        }
        // ... told on the same occasion: its date.
        if (!directed && !occasion && d.sentence - o.sentence <= 1) occasion = &o;
      }
    }
    if (!target) {
      if (occasion && occasion->own_date) d.fact.date = occasion->fact.date;
      out.push_back(std::move(d));
      continue;
    }
    Fact& f = target->fact;
    // A host (043) receives the visitor of a visit (042): its sides swap.
    bool swap = (f.cameo == "042" && d.fact.cameo == "043") || (f.cameo == "043" && d.fact.cameo == "042");
    // The first reading's shape wins: a symmetric event read again one way
    // ("exchanged fire" and "fired on") stays symmetric, and a directed one
    // read again as symmetric keeps its sides.
    const bool sym_first = f.source.empty() && f.target.empty() && !f.participants.empty();
    const bool directed_first = !f.source.empty() && !f.target.empty() && f.participants.empty();
    const bool directed_next = !d.fact.source.empty() || !d.fact.target.empty();
    if (sym_first && directed_next) {
      // (Told again in a later sentence, what it is aimed at is that
      // sentence's detail, no party of the event: "A and B signed a pact.
      // The two countries agreed to build a railway to C".)
      const bool later = d.sentence != target->sentence;
      for (auto& x : d.fact.source) add_actor(f.participants, std::move(x));
      if (!later)
        for (auto& x : d.fact.target) add_actor(f.participants, std::move(x));
    } else {
      for (auto& x : d.fact.source) add_actor(swap ? f.target : f.source, std::move(x));
      for (auto& x : d.fact.target) add_actor(swap ? f.source : f.target, std::move(x));
    }
    for (auto& x : d.fact.participants) {
      bool sided = (directed_first && std::any_of(f.source.begin(), f.source.end(), [&](const Actor& y) {
                     return y.id == x.id || (!x.country.empty() && x.country == y.country);
                   })) ||
                   (directed_first && std::any_of(f.target.begin(), f.target.end(), [&](const Actor& y) {
                      return y.id == x.id || (!x.country.empty() && x.country == y.country);
                    }));
      if (!sided) add_actor(f.participants, std::move(x));
    }
    for (auto& t : d.fact.topics)
      if (std::find(f.topics.begin(), f.topics.end(), t) == f.topics.end()) f.topics.push_back(t);
    bool seen = std::any_of(f.evidence.begin(), f.evidence.end(),
                            [&](const Evidence& e) { return e.sentence == d.fact.evidence[0].sentence; });
    if (!seen) f.evidence.push_back(d.fact.evidence[0]);
    if (!target->own_date && d.own_date) f.date = d.fact.date, target->own_date = true;
    if (!target->own_place && d.own_place) f.location = d.fact.location, target->own_place = true;
    if (f.name.empty()) f.name = d.fact.name;
    if (f.quote.empty()) f.quote = d.fact.quote;
    if (f.cameo.size() < d.fact.cameo.size() || (f.cameo.size() == d.fact.cameo.size() && f.cameo.back() == '0' &&
                                                  d.fact.cameo.back() != '0' && !swap))
      f.cameo = d.fact.cameo;
    f.confidence = std::min(0.98, 1.0 - (1.0 - f.confidence) * (1.0 - d.fact.confidence * 0.5));
    target->countries.insert(d.countries.begin(), d.countries.end());
  }

  // A trip to several countries is one visit per host country; visitors
  // of several countries travelling together ("the Kenyan and South
  // Sudanese envoys are due in Addis Ababa") make one visit each.
  for (std::size_t k = 0, n = out.size(); k < n; ++k) split_visit(out, k, &Fact::target);
  for (std::size_t k = 0, n = out.size(); k < n; ++k) split_visit(out, k, &Fact::source);
  std::vector<Fact> facts;
  facts.reserve(out.size());
  for (Draft& d : out) {
    if (facts.size() >= max_facts) break;
    Fact& f = d.fact;
    tidy_sides(f);
    if (f.date.empty() && (f.status == Status::occurred || f.status == Status::ongoing)) f.date = article_day;
    f.root = std::string(cameo_root(f.cameo));
    f.quad_class = quad_class_of(f.cameo);
    const CameoCode* code = find_cameo(f.cameo);
    if (code && f.type != "summit") f.type = std::string(code->type);
    if (!code) code = find_cameo(f.root);
    f.goldstein = code ? code->goldstein : 0.0;
    f.confidence = std::round(f.confidence * 100.0) / 100.0;
    f.confidence = std::round(calibration.apply(f) * 100.0) / 100.0;
    f.mentions = count_mentions(f);
    f.id = compute_fact_id(f);
    facts.push_back(std::move(f));
  }
  drafts.clear();
  return facts;
}

}  // namespace dipgraph::ingest
