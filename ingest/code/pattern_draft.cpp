// The pattern coder's assembly pass (pattern_detail.hpp, assemble_draft and
// merge_repeats): from a trigger, its slots and its status to a Draft.
//
// The slots' mentions become actors; topics and the source's own country
// leave the target; symmetric events get participants; the status recodes
// intents and threats; the date, place, implied parties (who is where an
// act happens, who acts at home), name, quote and confidence follow
// (docs/pattern-coder.md). One event told twice in a sentence is one draft.
#include <algorithm>

#include "graph/cameo.hpp"
#include "ingest/code/pattern_detail.hpp"
#include "ingest/recognize/dates.hpp"

namespace dipgraph::ingest::pattern {

namespace {

// The ISO3 codes of `side`.
void codes_of(const std::vector<Actor>& side, CodeSet& codes) {
  codes.clear();
  for (const Actor& x : side)
    if (!x.country.empty()) codes.insert(x.country);
}

// Topics: countries talked about after a `topics` trigger ("spoke about ...
// Afghanistan"), not the source's; they are not targets.
void take_topics(const Sentence& st, const Trigger& t, const CodeSet& src_c, Fact& f,
                 std::vector<Actor>& target, CodeSet& tgt_c) {
  std::uint32_t e = st.seg_end(t.segment);
  for (std::int32_t mi : st.ms) {
    const Mention& m = st.a.mentions[mi];
    if (m.begin < t.end || m.begin >= e || st.attributed(m.begin)) continue;
    if (m.kind != MentionKind::country && m.kind != MentionKind::demonym) continue;
    std::string c = st.country_code(m.country);
    if (c.empty() || src_c.count(c)) continue;
    if (std::find(f.topics.begin(), f.topics.end(), c) == f.topics.end()) f.topics.push_back(c);
  }
  // Topic countries are not targets.
  target.erase(std::remove_if(target.begin(), target.end(),
                              [&](const Actor& x) {
                                return x.kind == ActorKind::country &&
                                       std::find(f.topics.begin(), f.topics.end(), x.country) !=
                                           f.topics.end();
                              }),
               target.end());
  codes_of(target, tgt_c);
}

// "describing Ghana and Togo as partners" said by Togo: not Togo itself,
// when the target names another country.
void drop_source_from_target(const CodeSet& src_c, std::vector<Actor>& target, CodeSet& tgt_c) {
  bool other = std::any_of(target.begin(), target.end(), [&](const Actor& x) {
    return !x.country.empty() && !src_c.count(x.country);
  });
  if (!other) return;
  target.erase(std::remove_if(target.begin(), target.end(),
                              [&](const Actor& x) {
                                return x.kind == ActorKind::country && src_c.count(x.country);
                              }),
               target.end());
  codes_of(target, tgt_c);
}

// The date of the text nearest to t; a date after the article's means the
// event is still to come.
void date_event(const Sentence& st, const Trigger& t, const std::string& article_day, Draft& d) {
  Fact& f = d.fact;
  const Analysis& a = st.a;
  d.tense = (f.status == Status::planned || f.status == Status::intended) ? 1
            : f.status == Status::occurred                                ? -1
                                                                          : 0;
  // An offer or pledge (root 03) is made when it is told: its day is past.
  if (f.status == Status::intended && cameo_root(f.cameo) == "03") d.tense = -1;
  int dk = pick_date(st, t);
  if (dk >= 0) {
    f.date = resolve_date(a.dates[dk], a.article_date, d.tense);
    d.own_date = !f.date.empty();
  }
  if (d.own_date && f.status == Status::occurred && a.article_date && f.date.size() >= 4) {
    std::string cut = article_day.substr(0, std::min(article_day.size(), f.date.size()));
    if (f.date.find('X') == std::string::npos && f.date > cut) f.status = Status::planned;
  }
}

// The place nearest to t ("spoke about the situation in Afghanistan": what
// was talked about is not where); a visit without a named city is in the
// visited country's capital or the country (a host receives at home).
void place_event(const Sentence& st, const Trigger& t, const EventPattern& p, const Group& target,
                 Draft& d) {
  Fact& f = d.fact;
  f.location = pick_place(st, t);
  if (f.location && (p.flags & kTopics) && !f.location->country.empty() &&
      std::find(f.topics.begin(), f.topics.end(), f.location->country) != f.topics.end())
    f.location.reset();
  d.own_place = f.location.has_value();
  if (!f.location && f.type == "visit" && f.cameo == "042") {
    for (std::int32_t mi : target)
      if (mi >= 0 && st.a.mentions[mi].kind == MentionKind::capital) {
        f.location = place_of(st, mi);
        break;
      }
  }
  if (!f.location && f.type == "visit") {
    // A visit to a country happens there; a host receives at home.
    const auto& side = f.cameo == "043" ? f.source : f.target;
    for (const Actor& x : side)
      if (x.kind == ActorKind::country || x.kind == ActorKind::person) {
        int c = st.dict.country_index(x.country);
        if (c >= 0) f.location = Location{st.dict.countries()[c].name, x.country};
        break;
      }
  }
}

Actor country_actor(const Country& cc) {
  return Actor{"country:" + cc.code, ActorKind::country, cc.name, cc.code, ""};
}

// No named target: material conflict, coercion, protest, yield and
// investigation hit who is where they happen ("fired at targets in
// Jericho"); coercion, protest and yield with no place are domestic.
// Protesters with no stated country are of the place of the protest.
// `source` is the source slot's group.
void implied_parties(const Sentence& st, const Group& source, Draft& d, CodeSet& src_c,
                     const CodeSet& tgt_c) {
  Fact& f = d.fact;
  const Dictionary& dict = st.dict;
  const Analysis& a = st.a;
  if (cameo_root(f.cameo) == "14" && f.source.empty() && f.participants.empty() && f.location &&
      !f.location->country.empty()) {
    int c = dict.country_index(f.location->country);
    if (c >= 0) {
      const Country& cc = dict.countries()[c];
      f.source.push_back(country_actor(cc));
      src_c.insert(cc.code);
      d.countries.insert(cc.code);
    }
  }
  // Violence against foreigners by attackers the text does not name ("a
  // roadside bomb near Kandahar killed two British soldiers") is coded to
  // the country where it happens.
  if (f.source.empty() && f.participants.empty() && !f.target.empty() && f.location &&
      !f.location->country.empty() && !tgt_c.count(f.location->country)) {
    std::string_view r = cameo_root(f.cameo);
    if (r == "18" || r == "19" || r == "20") {
      int c = dict.country_index(f.location->country);
      if (c >= 0) {
        const Country& cc = dict.countries()[c];
        f.source.push_back(country_actor(cc));
        d.countries.insert(cc.code);
      }
    }
  }
  bool target_country = std::any_of(f.target.begin(), f.target.end(),
                                    [](const Actor& x) { return !x.country.empty(); });
  if (!target_country && f.participants.empty()) {
    std::string_view r = cameo_root(f.cameo);
    int rn = r.size() == 2 ? (r[0] - '0') * 10 + (r[1] - '0') : 0;
    bool material = rn == 8 || rn == 9 || rn >= 14;
    bool domestic = rn == 8 || rn == 9 || rn == 14 || rn == 17;
    // "Egyptian police opened fire": police act at home.
    for (std::int32_t mi : source)
      if (mi >= 0 && a.mentions[mi].end < st.se && st.toks[a.mentions[mi].end].id == st.id.police)
        domestic = true;
    int c = -1;
    if (material && f.location && !f.location->country.empty())
      c = dict.country_index(f.location->country);
    else if (domestic && src_c.size() == 1)
      c = dict.country_index(*src_c.begin());
    if (c >= 0) {
      const Country& cc = dict.countries()[c];
      f.target.push_back(country_actor(cc));
      d.countries.insert(cc.code);
    }
  }
}

// Name of a summit, project or agreement: the noun phrase of the trigger.
// A verb alone ("attended") names nothing.
void name_event(const Sentence& st, const Trigger& t, const EventPattern& p, Fact& f) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const std::uint32_t sb = st.sb;
  bool verb_only = t.end == t.begin + 1 && !p.source.empty() &&
                   p.source[0].kind == RoleKind::subj && !(p.flags & kNeedsTarget) &&
                   f.type == "summit";
  if (!((f.type == "project" || f.type == "summit" || f.type == "agreement") && !verb_only)) return;
  std::uint32_t b = t.begin;
  while (b > sb) {
    const Tok& tk = toks[b - 1];
    bool content = tk.is(kWord) && !(tk.cls & (kFunction | kCalendar)) && a.mention_at[b - 1] < 0 &&
                   !(b - 1 < t.begin && toks[b - 1].is(kPossessive));
    if (tk.id == st.id.of && b - 1 > sb && toks[b - 2].is(kCap) && toks[b].is(kCap)) content = true;
    bool org = a.mention_at[b - 1] >= 0 &&
               a.mentions[a.mention_at[b - 1]].kind == MentionKind::org &&
               !a.mentions[a.mention_at[b - 1]].possessive;
    bool paren = st.is_punct(b - 1, '(') || st.is_punct(b - 1, ')') ||
                 (tk.is(kAllCaps) && b - 1 > sb && st.is_punct(b - 2, '('));
    if (!(content || org || paren) || (tk.is(kPunct) && !paren)) break;
    if (org)
      b = a.mentions[a.mention_at[b - 1]].begin;
    else
      --b;
  }
  while (b < t.begin && (toks[b].cls & kModifier) && !toks[b].is(kCap)) ++b;
  f.name = st.span_text(b, t.end);
}

// Quote: the first quoted words after the trigger in its sentence (empty
// if none).
std::string quote_after(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const std::uint32_t sb = st.sb, se = st.se;
  std::uint32_t quotes_before = 0;
  for (std::uint32_t i = sb; i < t.end; ++i) quotes_before += st.is_punct(i, '"');
  for (std::uint32_t i = t.end; i < se && i < t.end + 12; ++i) {
    if (st.is_punct(i, '"') && quotes_before++ % 2 == 1) continue;  // a closing quote
    if (!(st.is_punct(i, '"') || (st.is_punct(i, '\'') && toks[i].is(kSpaceBefore)))) continue;
    char q = st.text[toks[i].start];
    std::uint32_t j = i + 1;
    while (j < se && !st.is_punct(j, q) && !(q == '\'' && toks[j - 1].is(kPossessive) && j > i + 1))
      ++j;
    if (j > i + 1 && j - i <= 12) {
      std::uint32_t e = j;
      return st.span_text(i + 1, e);
    }
    break;
  }
  return {};
}

// Confidence (docs/pattern-coder.md): evidence of roles found, date, place.
double confidence(const Draft& d, const EventPattern& p, bool anaphoric) {
  const Fact& f = d.fact;
  double c = 0.35;
  if (!f.source.empty() || !f.participants.empty()) c += 0.2;
  if (!f.target.empty() || f.participants.size() >= 2) c += 0.2;
  if (d.own_date) c += 0.1;
  if (d.own_place) c += 0.05;
  if (anaphoric) c -= 0.1;
  if (p.flags & kWeak) c -= 0.1;
  return std::clamp(c, 0.05, 0.95);
}

}  // namespace

std::optional<Draft> assemble_draft(const Sentence& st, const Trigger& t, const Slots& slots,
                                    const StatusReading& reading, const std::string& article_day) {
  const EventPattern& p = st.patterns[t.pattern];
  Draft d;
  Fact& f = d.fact;
  f.type = p.type;
  f.cameo = p.cameo;
  d.say = (p.flags & kSay) != 0;
  d.sentence = st.s;
  d.position = t.begin;
  d.end = t.end;
  bool anaphoric = false;
  CodeSet src_c, tgt_c;
  std::vector<Actor> source, target;
  add_mention_actors(st.dict, st.a, slots.source, source, src_c, anaphoric);
  add_mention_actors(st.dict, st.a, slots.target, target, tgt_c, anaphoric);
  f.status = reading.status < 0 ? Status::occurred : static_cast<Status>(reading.status);
  if (p.flags & kCharacterize) {
    if (reading.tone > 0)
      f.type = "praise", f.cameo = "051";
    else if (reading.tone < 0)
      f.type = "criticism", f.cameo = "111";
    else
      f.type = "statement", f.cameo = "010", d.say = true;
  }
  // A statement's target comes from its own slots ("told X"); a party
  // merely mentioned in a remark is none (the parse coder finds what a
  // remark is about).
  if (p.flags & kTopics) take_topics(st, t, src_c, f, target, tgt_c);
  if (!(p.flags & kSymmetric) && !src_c.empty()) drop_source_from_target(src_c, target, tgt_c);
  if (source.empty() && target.empty()) {
    // A protest with no named protesters still has its place ("thousands
    // demonstrated in Kirkuk"); anything else needs an actor.
    auto where = cameo_root(f.cameo) == "14" ? pick_place(st, t) : std::nullopt;
    if (!where || where->country.empty()) return std::nullopt;
  }
  // Symmetric events have participants, unless one side wants the event
  // ("eager to meet"): then who wants it is the source.
  bool sym = (p.flags & kSymmetric) &&
             !(f.status == Status::intended && !source.empty() && !target.empty());
  // (a joint appeal, statement or complaint aimed at no one named ties its
  // makers to nobody: "the leaders of A and B called for a ceasefire")
  const std::string_view root = cameo_root(f.cameo);
  const bool said_to_others = root == "01" || root == "02" || root == "10" || root == "11" || root == "12" ||
                              root == "13" || root == "14";
  bool mutual = !sym && target.empty() && src_c.size() >= 2 && !(p.flags & kNeedsTarget) && !said_to_others;
  if (sym || mutual) {
    for (Actor& x : source) add_actor(f.participants, std::move(x));
    for (Actor& x : target) add_actor(f.participants, std::move(x));
    if ((p.flags & kNeedsTarget) && f.participants.size() < 2) return std::nullopt;
  } else {
    if ((p.flags & kNeedsTarget) && target.empty()) return std::nullopt;
    f.source = std::move(source);
    f.target = std::move(target);
  }
  d.countries.insert(src_c.begin(), src_c.end());
  d.countries.insert(tgt_c.begin(), tgt_c.end());
  recode_by_status(st, t, f);
  date_event(st, t, article_day, d);
  place_event(st, t, p, slots.target, d);
  implied_parties(st, slots.source, d, src_c, tgt_c);
  name_event(st, t, p, f);
  f.quote = quote_after(st, t);
  f.confidence = confidence(d, p, anaphoric);
  const auto& dsent = st.doc.sentences[st.a.sentences[st.s].index];
  f.evidence.push_back(Evidence{st.doc.article.id, st.a.sentences[st.s].index, dsent.start,
                                dsent.end,
                                std::string(st.text.substr(dsent.start, dsent.end - dsent.start))});
  return d;
}

void merge_repeats(std::vector<Draft>& drafts, std::size_t first_draft) {
  for (std::size_t k = first_draft; k < drafts.size(); ++k) {
    Draft& d = drafts[k];
    if (d.fact.evidence.empty()) continue;
    for (std::size_t o = first_draft; o < drafts.size(); ++o) {
      if (o == k || drafts[o].fact.evidence.empty()) continue;
      const Draft& x = drafts[o];
      if (cameo_root(x.fact.cameo) != cameo_root(d.fact.cameo) || x.say != d.say) continue;
      // A visit and the talks held during it are two events.
      if ((x.fact.type == "visit") != (d.fact.type == "visit")) continue;
      // An intent told by its verb and by what it intends ("offered to
      // negotiate with X": 030 and 036) is one: the specific code stays.
      bool intent = cameo_root(d.fact.cameo) == "03";
      bool specific = intent && x.fact.cameo != "030" && d.fact.cameo == "030";
      if (x.fact.status != d.fact.status && !specific) continue;
      bool contained = std::includes(x.countries.begin(), x.countries.end(), d.countries.begin(),
                                     d.countries.end());
      std::size_t xs = x.fact.source.size() + x.fact.target.size() + x.fact.participants.size();
      std::size_t ds = d.fact.source.size() + d.fact.target.size() + d.fact.participants.size();
      if (contained && (xs > ds || (xs == ds && x.countries.size() > d.countries.size()) ||
                        (xs == ds && x.countries == d.countries && (o < k || specific)))) {
        if (!drafts[o].own_date && d.own_date)
          drafts[o].fact.date = d.fact.date, drafts[o].own_date = true;
        if (!drafts[o].own_place && d.own_place)
          drafts[o].fact.location = d.fact.location, drafts[o].own_place = true;
        if (drafts[o].fact.name.empty()) drafts[o].fact.name = d.fact.name;
        d.fact.evidence.clear();  // dropped below
        break;
      }
    }
  }
  drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(first_draft),
                              drafts.end(), [](const Draft& d) { return d.fact.evidence.empty(); }),
               drafts.end());
}

}  // namespace dipgraph::ingest::pattern
