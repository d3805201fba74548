// The pattern coder (pattern_coder.hpp): events from word order.
//
// Per sentence: cut it into segments (clauses: ';', ':', long quotes,
// parentheses, "that", "which", "who", "when", "while", "because", "if" ...)
// and attribution zones ("According to X,", ", X said."); match triggers;
// for each trigger find its actor groups by the roles its pattern names;
// then status, date, place, topics, name and quote; then fold per article.
#include "ingest/code/pattern_coder.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>

#include "graph/cameo.hpp"

namespace dipgraph::ingest {

struct PatternCoder::Ids {
  TokenId the, a, an, by, during, at, in, near, outside, and_, or_, as, well, also, according,
      to, of, with, between, among, said, said_like, quote_open, since, into, throughout, across;
  std::vector<TokenId> boundary_words;  // that which who ... (clause openers)
  std::vector<TokenId> adjunct_preps;   // during at (an event inside another's time and place)
  std::vector<TokenId> relative_words;  // which who whom whose where
  std::vector<TokenId> conditional_words;  // if unless until whether
  TokenId that, which, unless, if_, despite, police;
  std::vector<TokenId> gerund_preps;  // before after without of in by: "before allowing"
  std::vector<TokenId> group_nouns;  // members of, inhabitants of ...
  std::vector<TokenId> irregular_past;  // met held spoke ... (finite past forms)
  std::vector<TokenId> loose_adverbs;   // again also still ... (between subject and verb)
};

namespace {

constexpr std::uint16_t kFunction = kPrep | kDet | kBe | kAux | kSubord | kConj | kPronoun |
                                    kPronounPl | kNegation | kReport;

struct Trigger {
  std::uint32_t pattern = 0;
  std::uint32_t begin = 0, end = 0;  // Tok range of the whole match
  int segment = 0;
  bool adjunct = false;  // introduced by "during" / "at": lends its date and place
};

// A place candidate of a sentence: a mention (built into a Location only
// when used) or an unknown "in Name, Country" (name end and country mention).
struct PlaceCand {
  std::uint32_t pos;
  std::int32_t mention;         // >= 0: a known place
  std::uint32_t name_end = 0;   // else: Toks [pos, name_end) and the country's mention
  std::int32_t country = -1;
};

}  // namespace

PatternCoder::PatternCoder(std::shared_ptr<const Dictionary> dict) : dict_(std::move(dict)) {
  auto ids = std::make_shared<Ids>();
  auto w = [&](const char* s) { return dict_->word(s); };
  ids->the = w("the"), ids->a = w("a"), ids->an = w("an"), ids->by = w("by");
  ids->during = w("during"), ids->at = w("at"), ids->in = w("in"), ids->near = w("near");
  ids->outside = w("outside"), ids->and_ = w("and"), ids->or_ = w("or"), ids->as = w("as");
  ids->well = w("well"), ids->also = w("also"), ids->according = w("according");
  ids->to = w("to"), ids->of = w("of"), ids->with = w("with"), ids->between = w("between");
  ids->among = w("among"), ids->said = w("said"), ids->since = w("since"), ids->into = w("into");
  ids->throughout = w("throughout"), ids->across = w("across");
  for (const char* s : {"that", "which", "who", "whom", "whose", "when", "where", "while",
                        "because", "although", "though", "if", "unless", "until", "whereas", "whether",
                        "despite"})
    if (TokenId t = w(s)) ids->boundary_words.push_back(t);
  for (const char* s : {"during", "at"})
    if (TokenId t = w(s)) ids->adjunct_preps.push_back(t);
  for (const char* s : {"which", "who", "whom", "whose", "where"})
    if (TokenId t = w(s)) ids->relative_words.push_back(t);
  for (const char* s : {"if", "unless", "until", "whether"})
    if (TokenId t = w(s)) ids->conditional_words.push_back(t);
  ids->that = w("that");
  ids->which = w("which");
  ids->unless = w("unless");
  ids->if_ = w("if");
  ids->despite = w("despite");
  ids->police = w("police");
  for (const char* g : {"before", "after", "without", "of", "in", "by", "upon", "from"})
    if (TokenId t = w(g)) ids->gerund_preps.push_back(t);
  for (const char* g : {"members", "member", "inhabitants", "residents", "citizens", "people",
                        "supporters", "nationals", "groups", "group", "leaders", "officials",
                        "government", "army", "forces", "troops", "military", "regime", "administration"})
    if (TokenId t = w(g)) ids->group_nouns.push_back(t);
  for (const char* g : {"met", "held", "spoke", "told", "sent", "gave", "took", "made", "paid", "struck",
                        "fought", "broke", "began", "sold", "froze", "withdrew", "blew", "forgave", "shot",
                        "threw", "drew", "won", "led", "hit", "cut", "quit", "set"})
    if (TokenId t = w(g)) ids->irregular_past.push_back(t);
  for (const char* g : {"again", "also", "once", "then", "later", "further", "subsequently", "finally",
                        "repeatedly", "already", "swiftly", "quickly", "immediately", "publicly",
                        "formally", "officially", "strongly", "sharply", "flatly"})
    if (TokenId t = w(g)) ids->loose_adverbs.push_back(t);
  ids_ = ids;
  const char* trace = std::getenv("DIPGRAPH_TRACE");
  trace_ = trace && *trace && *trace != '0';
}


void PatternCoder::code(const Document& doc, const Analysis& a, std::vector<Draft>& drafts,
                        std::size_t max_facts) const {
  const Dictionary& dict = *dict_;
  const Ids& id = *ids_;
  std::string_view text = doc.text;
  const auto& toks = a.toks;
  const auto& patterns = dict.patterns();
  auto tok_text = [&](std::uint32_t i) { return text.substr(toks[i].start, toks[i].end - toks[i].start); };
  auto span_text = [&](std::uint32_t b, std::uint32_t e) {
    return std::string(text.substr(toks[b].start, toks[e - 1].end - toks[b].start));
  };
  auto is_punct = [&](std::uint32_t i, char c) {
    return i < toks.size() && toks[i].is(kPunct) && text[toks[i].start] == c;
  };
  auto mention_of = [&](std::uint32_t i) -> const Mention* {
    return i < toks.size() && a.mention_at[i] >= 0 ? &a.mentions[a.mention_at[i]] : nullptr;
  };
  auto country_code = [&](int c) { return c >= 0 ? dict.countries()[c].code : std::string(); };
  // Past a time expression at i ("Thursday", "on Friday", "last week"), else i.
  auto date_skip = [&](std::uint32_t i) -> std::uint32_t {
    if (i < toks.size() && a.date_at[i] >= 0) return std::max(i + 1, a.dates[a.date_at[i]].end);
    if (i + 1 < toks.size() && (toks[i].cls & kPrep) && a.date_at[i + 1] >= 0 &&
        a.dates[a.date_at[i + 1]].begin == i + 1)
      return std::max(i + 2, a.dates[a.date_at[i + 1]].end);
    return i;
  };

  // Drafts and folded drafts live in per-thread buffers that keep their
  // capacity from article to article (no regrowth, no page faults).
  const std::size_t drafts_before = drafts.size();
  const std::string article_day =
      a.article_date ? edtf(a.article_date->y, a.article_date->m, a.article_date->d) : std::string();
  // Per-sentence scratch, reused.
  std::vector<int> seg;
  std::vector<char> seg_skip, boundary;
  std::vector<std::uint32_t> quotes, seg_bounds;
  std::vector<Trigger> triggers, trigger_scratch;
  std::vector<std::int32_t> ms;
  std::vector<std::size_t> sentence_dates;
  std::vector<char> purpose_scratch;
  std::vector<PlaceCand> place_scratch;
  std::size_t date_cursor = 0;  // a.dates are sorted by position

  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    const SentenceSpan& span = a.sentences[s];
    const std::uint32_t sb = span.begin, se = span.end;
    const std::uint32_t len = se - sb;
    // Most sentences of an article tell no event: skip them at the cost of one
    // array load per word.
    {
      bool any = false;
      for (std::uint32_t i = sb; i < se && !any; ++i) any = dict.trigger_matcher().can_start(toks[i].id);
      if (!any) continue;
    }

    // Segments: seg[i - sb]; a boundary token opens the next segment.
    seg.assign(len, 0);
    {
      // Quotes: a quoted stretch longer than 6 words is its own segment.
      quotes.clear();
      for (std::uint32_t i = sb; i < se; ++i)
        if (is_punct(i, '"')) quotes.push_back(i);
      boundary.assign(len, 0);
      for (std::size_t q = 0; q + 1 < quotes.size(); q += 2)
        if (quotes[q + 1] - quotes[q] > 7) boundary[quotes[q] - sb] = boundary[quotes[q + 1] - sb] = 1;
      if (quotes.size() % 2 == 1) boundary[quotes.back() - sb] = 1;
      for (std::uint32_t i = sb; i < se; ++i) {
        if (a.mention_at[i] >= 0) continue;
        const Tok& t = toks[i];
        if (t.is(kPunct)) {
          char c = text[t.start];
          if (c == ';' || c == ':' || c == '(' || c == ')') boundary[i - sb] = 1;
        } else if ((t.cls & kSubord) &&
                   std::find(id.boundary_words.begin(), id.boundary_words.end(), t.id) !=
                       id.boundary_words.end()) {
          boundary[i - sb] = 1;
        } else if ((t.cls & kSubord) && i > sb && is_punct(i - 1, ',') && i + 1 < se &&
                   !(toks[i + 1].cls & kCalendar) && !toks[i + 1].is(kNumber)) {
          boundary[i - sb] = 1;  // ", as ...", ", after ...", ", since ..."
        } else if (t.id == id.since && i + 1 < se && !(toks[i + 1].cls & kCalendar) &&
                   !toks[i + 1].is(kNumber) && a.date_at[i + 1] < 0) {
          boundary[i - sb] = 1;
        }
      }
      int cur = 0;
      for (std::uint32_t k = 0; k < len; ++k) {
        if (boundary[k] && k > 0) ++cur;
        seg[k] = cur;
      }
      // What opens each segment: a relative clause ("which", "who", "where",
      // "that" after a noun) or a condition ("if", "unless", "until") tells
      // background or hypothetical events, not the news itself.
      seg_skip.assign(static_cast<std::size_t>(cur) + 1, 0);
      for (std::uint32_t k = 1; k < len; ++k) {
        if (!boundary[k] || seg[k] == seg[k - 1]) continue;
        const Tok& t = toks[sb + k];
        TokenId w = t.id;
        bool relative = std::find(id.relative_words.begin(), id.relative_words.end(), w) != id.relative_words.end();
        bool conditional = std::find(id.conditional_words.begin(), id.conditional_words.end(), w) != id.conditional_words.end() ||
                           w == id.despite;
        if (w == id.that) {
          const Tok& prev = toks[sb + k - 1];
          std::string_view pw = text.substr(prev.start, prev.end - prev.start);
          bool complement = (prev.cls & (kReport | kCalendar)) || prev.is(kPunct) ||
                            (pw.size() > 3 && pw.substr(pw.size() - 2) == "ly") ||
                            (pw.size() > 4 && pw.substr(pw.size() - 2) == "ed" && !prev.is(kCap));
          // After a trigger word ("demanded that", "agreed that") it is a complement too.
          if (!complement && prev.id != kNoToken) {
            dict.trigger_matcher().longest([&](std::size_t q) { return toks[q].id; }, sb + k - 1, se,
                                           [&](std::uint32_t, std::uint32_t) {
                                             complement = true;
                                             return true;
                                           });
          }
          relative = !complement && prev.is(kWord) && !(prev.cls & (kAux | kBe));
        }
        if (conditional) seg_skip[seg[k]] = 1;
        else if (relative) seg_skip[seg[k]] = 2;
      }
    }
    auto seg_of = [&](std::uint32_t i) { return seg[i - sb]; };
    seg_bounds.assign(seg_skip.size() + 1, se);
    for (std::uint32_t k = len; k-- > 0;) seg_bounds[seg[k]] = sb + k;
    auto seg_begin = [&](int g) { return seg_bounds[g]; };
    auto seg_end = [&](int g) { return seg_bounds[g + 1]; };

    // Attribution zones: "According to X," and ", X said (on Monday)."
    std::uint32_t lead_end = sb, tail_begin = se;
    if (toks[sb].id == id.according && id.according != kNoToken) {
      for (std::uint32_t i = sb; i < se; ++i)
        if (is_punct(i, ',')) {
          lead_end = i + 1;
          break;
        }
    }
    for (std::uint32_t i = se; i-- > sb + 2;) {
      if (!is_punct(i, ',')) continue;
      bool report = false;
      for (std::uint32_t j = i + 1; j < se && j <= i + 10; ++j)
        if (toks[j].cls & kReport) report = true;
      if (report) tail_begin = i;
      break;
    }
    auto attributed = [&](std::uint32_t i) { return i < lead_end || i >= tail_begin; };

    // Triggers.
    triggers.clear();
    for (std::uint32_t i = sb; i < se; ++i) {
      if (!toks[i].is(kWord) || toks[i].id == kNoToken) continue;
      if (a.mention_at[i] >= 0 && a.mentions[a.mention_at[i]].kind != MentionKind::title) continue;
      // "On March 9": a word of a date is no trigger.
      if (a.date_at[i] >= 0 && (toks[i].cls & kCalendar)) continue;
      Trigger best;
      std::uint32_t best_end = 0;
      dict.trigger_matcher().longest(
          [&](std::size_t k) { return toks[k].id; }, i, se,
          [&](std::uint32_t n, std::uint32_t value) {
            const EventPattern& p = patterns[value];
            // The tail, with gaps that stay inside the segment.
            std::uint32_t end = 0;
            auto match = [&](auto&& self, std::size_t k, std::uint32_t pos) -> bool {
              if (k == p.tail.size()) {
                end = pos;
                return true;
              }
              const PatternElement& el = p.tail[k];
              if (el.words.empty()) {
                for (int skip = 0; skip <= el.max_gap; ++skip) {
                  std::uint32_t q = pos + skip;
                  if (q >= se) break;
                  if (skip > 0 && (seg_of(q) != seg_of(pos) || toks[q - 1].is(kPunct))) break;
                  if (self(self, k + 1, q)) return true;
                }
                return false;
              }
              if (pos < se && std::find(el.words.begin(), el.words.end(), toks[pos].id) != el.words.end())
                return self(self, k + 1, pos + 1);
              return false;
            };
            if (!match(match, 0, i + n)) return false;
            if (end > best_end) {
              best_end = end;
              best.pattern = value;
            }
            return false;
          });
      if (best_end) {
        best.begin = i;
        best.end = best_end;
        triggers.push_back(best);
      }
    }
    // Compounds: adjacent triggers of one pattern line are one ("railway
    // connectivity", "steel mill project").
    std::sort(triggers.begin(), triggers.end(), [](const Trigger& x, const Trigger& y) { return x.begin < y.begin; });
    {
      auto& merged = trigger_scratch;
      merged.clear();
      for (const Trigger& t : triggers) {
        if (!merged.empty() && merged.back().end == t.begin &&
            patterns[merged.back().pattern].line == patterns[t.pattern].line &&
            patterns[t.pattern].tail.empty() && patterns[merged.back().pattern].tail.empty()) {
          merged.back().end = t.end;
          continue;
        }
        if (!merged.empty() && t.begin < merged.back().end && t.end <= merged.back().end &&
            patterns[merged.back().pattern].line == patterns[t.pattern].line)
          continue;
        merged.push_back(t);
      }
      triggers.swap(merged);
    }
    // Overlaps: longest, then earliest.
    std::sort(triggers.begin(), triggers.end(), [](const Trigger& x, const Trigger& y) {
      return x.end - x.begin != y.end - y.begin ? x.end - x.begin > y.end - y.begin : x.begin < y.begin;
    });
    {
      auto& kept = trigger_scratch;
      kept.clear();
      for (const Trigger& t : triggers) {
        bool overlap = std::any_of(kept.begin(), kept.end(), [&](const Trigger& k) {
          return t.begin < k.end && k.begin < t.end;
        });
        if (!overlap) kept.push_back(t);
      }
      triggers.swap(kept);
      std::sort(triggers.begin(), triggers.end(), [](const Trigger& x, const Trigger& y) { return x.begin < y.begin; });
    }
    // What governs a position: the preposition before it, skipping
    // determiners and modifiers ("in the northern city of", "to war-torn").
    auto governing_prep_rec = [&](auto& self, std::uint32_t b, std::uint32_t floor) -> TokenId {
      // "Pakistan-Russia": the second part is governed like the first.
      while (b > floor && toks[b].is(kHyphenJoined) && a.mention_at[b - 1] >= 0)
        b = a.mentions[a.mention_at[b - 1]].begin;
      std::uint32_t j = b;
      int skipped = 0;
      while (j > floor && skipped < 4) {
        const Tok& t = toks[j - 1];
        if ((t.cls & (kDet | kModifier | kNumberWord)) || t.is(kNumber) ||
            (t.is(kWord) && !t.is(kCap) && t.cls == 0 && (t.is(kHyphenJoined) || (j < toks.size() && toks[j].is(kHyphenJoined)))) ||
            // "in the annexed northern province", "to the disputed region of": a participle after a determiner
            (t.is(kWord) && !t.is(kCap) && t.cls == 0 && j >= floor + 2 && (toks[j - 2].cls & kDet) &&
             t.end - t.start > 4 && text.substr(t.end - 2, 2) == "ed")) {
          --j;
          ++skipped;
          continue;
        }
        break;
      }
      // "thousands of Colombians", "some of the Kenyans": a quantity, not a preposition.
      if (j > floor + 1 && toks[j - 1].id == id.of &&
          ((toks[j - 2].cls & (kNumberWord | kDet)) || toks[j - 2].is(kNumber) ||
           std::find(id.group_nouns.begin(), id.group_nouns.end(), toks[j - 2].id) != id.group_nouns.end()))
        return kNoToken;
      // "a first batch of Nepali troops", "a contingent of Fijian soldiers": a
      // part of the group, which acts.
      if (j > floor + 2 && toks[j - 1].id == id.of && a.mention_at[b] >= 0 &&
          a.mentions[a.mention_at[b]].kind == MentionKind::demonym && toks[j - 2].is(kWord) &&
          !toks[j - 2].is(kCap) && !(toks[j - 2].cls & (kFunction | kRoleNoun)) && a.mention_at[j - 2] < 0) {
        std::uint32_t d = j - 3;
        if (d > floor && !(toks[d].cls & kDet) && toks[d].is(kWord) && !(toks[d].cls & kFunction)) --d;
        if (toks[d].cls & kDet) return kNoToken;
      }
      // "miners affiliated with the Bolivian federation", "militias loyal to Iran":
      // the group they belong to stands for them.
      if (j > floor + 1 && (toks[j - 1].id == id.with || toks[j - 1].id == id.to)) {
        std::string_view w = tok_text(j - 2);
        if (w == "affiliated" || w == "loyal" || w == "linked" || w == "belonging" || w == "allied")
          return kNoToken;
      }
      if (j > floor && (toks[j - 1].cls & kPrep)) return toks[j - 1].id;
      // "to Chile and Peru": a conjunct is governed like the first.
      if (j > floor + 1 && (toks[j - 1].id == id.and_ || toks[j - 1].id == id.or_) &&
          a.mention_at[j - 2] >= 0 && is_actor(a.mentions[a.mention_at[j - 2]]) &&
          attributed(j - 2) == attributed(j)) {
        std::uint32_t first = a.mentions[a.mention_at[j - 2]].begin;
        if (first < b && first >= floor) return self(self, first, floor);
      }
      return kNoToken;
    };
    auto governing_prep = [&](std::uint32_t b, std::uint32_t floor) {
      return governing_prep_rec(governing_prep_rec, b, floor);
    };
    {
      auto& kept = trigger_scratch;
      kept.clear();
      for (std::size_t k = 0; k < triggers.size(); ++k) {
        const Trigger& t = triggers[k];
        bool absorbed = std::any_of(triggers.begin(), triggers.begin() + static_cast<std::ptrdiff_t>(k), [&](const Trigger& o) {
          return (patterns[o.pattern].flags & kAbsorb) && seg_of(o.begin) == seg_of(t.begin) && t.begin - o.end <= 6;
        });
        if (!absorbed) kept.push_back(t);
      }
      triggers.swap(kept);
    }
    {
      // "the trucks impounded last month": a participle right after a
      // noun (no auxiliary, no subject actor) describes, it does not report.
      auto& kept = trigger_scratch;
      kept.clear();
      for (const Trigger& t : triggers) {
        std::string_view w = tok_text(t.begin);
        bool ed = w.size() > 3 && w.substr(w.size() - 2) == "ed";
        if (ed && t.begin > sb) {
          const Tok& prev = toks[t.begin - 1];
          std::string_view pw = tok_text(t.begin - 1);
          bool noun = prev.is(kWord) && !prev.is(kCap) && prev.cls == 0 && a.mention_at[t.begin - 1] < 0 &&
                      !(pw.size() > 2 && pw.substr(pw.size() - 2) == "ly");
          // ... and no object follows ("seized last year", "held in", "jailed
          // for"), where a verb would have one ("the movement rejected an offer").
          std::uint32_t n = t.end;
          bool no_object = n >= se || toks[n].is(kPunct) || (toks[n].cls & (kPrep | kCalendar)) ||
                           a.date_at[n] >= 0;
          // A time between verb and object ("rejected Thursday a plan",
          // "rejected on Friday the offer"): the object follows it.
          std::uint32_t after = date_skip(n);
          if (after != n && after < se && ((toks[after].cls & kDet) || a.mention_at[after] >= 0))
            no_object = false;
          // A pattern with a gap has matched its object ("opened an investigation").
          const auto& tail = patterns[t.pattern].tail;
          bool has_object = std::any_of(tail.begin(), tail.end(), [](const PatternElement& el) { return el.words.empty(); });
          // ... or a noun right after the verb ("stopped work"), not a particle ("handed over", "blown up").
          if (t.end >= t.begin + 2) {
            std::string_view w2 = tok_text(t.begin + 1);
            bool particle = (toks[t.begin + 1].cls & kPrep) || w2 == "up" || w2 == "down" || w2 == "out" || w2 == "off";
            has_object |= !particle;
          }
          if (noun && no_object && !has_object) continue;
        }
        // "Syrian-backed", "US-led": part of an adjective.
        if (toks[t.begin].is(kHyphenJoined)) continue;
        // "before allowing", "without returning", "suspected of blowing up",
        // "in demanding": a gerund adjunct, not an event of its own.
        bool ing = w.size() > 4 && w.substr(w.size() - 3) == "ing";
        if (ing && t.begin > sb &&
            std::find(id.gerund_preps.begin(), id.gerund_preps.end(), toks[t.begin - 1].id) != id.gerund_preps.end())
          continue;
        // "the demand", "the pledge", "its criticism": a verbal event named by a
        // noun refers to one told elsewhere.
        {
          const EventPattern& p = patterns[t.pattern];
          std::string_view r = cameo_root(p.cameo);
          int rn = r.size() == 2 ? (r[0] - '0') * 10 + (r[1] - '0') : -1;  // no string compares per trigger
          bool verbal = rn == 1 || rn == 2 || rn == 3 || rn == 10 || rn == 11 || rn == 12;
          if (verbal && !(p.flags & kSymmetric) && !p.source.empty() && p.source[0].kind == RoleKind::subj &&
              t.begin > sb && (toks[t.begin - 1].cls & kDet) && !(toks[t.begin - 1].cls & (kPronoun | kPronounPl)))
            continue;
        }
        kept.push_back(t);
      }
      triggers.swap(kept);
    }
    {
      // Background and hypothetical clauses; purpose infinitives after an
      // event of the clause ("began a hunger strike to demand ...", "in protest").
      auto& kept = trigger_scratch;
      kept.clear();
      auto& purpose_seen = purpose_scratch;
      purpose_seen.assign(seg_skip.size(), 0);
      for (const Trigger& t : triggers) {
        int g = seg_of(t.begin);
        if (seg_skip[g] == 1) continue;
        if (purpose_seen[g]) continue;
        bool infinitive = t.begin > sb && (toks[t.begin - 1].id == id.to || toks[t.begin - 1].id == id.in);
        if (infinitive) {
          bool after_event = std::any_of(kept.begin(), kept.end(), [&](const Trigger& o) {
            const EventPattern& op = patterns[o.pattern];
            std::string_view r = cameo_root(op.cameo);
            return seg_of(o.begin) == g && !(op.flags & (kSay | kCharacterize)) && r != "01" && r != "02" &&
                   r != "03" && !(op.flags & kAbsorb);
          });
          if (after_event) {
            purpose_seen[g] = 1;
            continue;
          }
        }
        kept.push_back(t);
      }
      triggers.swap(kept);
    }
    for (Trigger& t : triggers) {
      t.segment = seg_of(t.begin);
      TokenId p = governing_prep(t.begin, sb);
      t.adjunct = p != kNoToken && std::find(id.adjunct_preps.begin(), id.adjunct_preps.end(), p) != id.adjunct_preps.end();
    }

    // Actor mentions of this sentence.
    ms.clear();
    for (std::uint32_t i = sb; i < se; ++i)
      if (a.mention_at[i] >= 0 && (ms.empty() || ms.back() != a.mention_at[i])) ms.push_back(a.mention_at[i]);
    auto is_place = [&](const Mention& m) {
      if (m.kind == MentionKind::city) return true;
      bool compound = (m.end < se && toks[m.end].is(kHyphenJoined)) || toks[m.begin].is(kHyphenJoined);
      if ((m.kind == MentionKind::capital || m.kind == MentionKind::country) && !compound) {
        TokenId p = governing_prep(m.begin, sb);
        return p != kNoToken && (p == id.in || p == id.at || p == id.near || p == id.outside || p == id.into ||
                                 p == id.throughout || p == id.across);
      }
      return false;
    };
    // "his counterpart", "their talks": a possessive pronoun is a determiner,
    // not the actor of a clause (it is for "poss": "his trip").
    auto determiner = [&](const Mention& m) {
      return m.anaphor && m.possessive && m.end - m.begin == 1 && m.end < se && toks[m.end].is(kWord);
    };
    auto actor_ok = [&](const Mention& m) { return is_actor(m) && !is_place(m) && !determiner(m); };
    // As actor_ok, but a preposition before `floor` (inside the trigger,
    // "arrived in Amman") does not make a place.
    auto actor_ok_after = [&](const Mention& m, std::uint32_t floor) {
      if (!is_actor(m) || determiner(m)) return false;
      if (m.kind == MentionKind::city) return false;
      if (m.kind == MentionKind::capital || m.kind == MentionKind::country) {
        TokenId p = governing_prep(m.begin, floor);
        return !(p != kNoToken && (p == id.in || p == id.at || p == id.near || p == id.outside));
      }
      return true;
    };
    // Coordinated group from mention index k (into ms) rightwards.
    auto expand = [&](std::size_t k, std::uint32_t limit) {
      std::vector<std::int32_t> group{ms[k]};
      std::uint32_t e = a.mentions[ms[k]].end;
      for (std::size_t o = k + 1; o < ms.size(); ++o) {
        const Mention& m = a.mentions[ms[o]];
        if (m.begin >= limit || !actor_ok(m) || attributed(m.begin) != attributed(a.mentions[ms[k]].begin)) break;
        bool connector = toks[m.begin].is(kHyphenJoined) && m.begin == e;
        bool ok = true;
        for (std::uint32_t i = e; i < m.begin; ++i) {
          const Tok& t = toks[i];
          if (is_punct(i, ',') || is_punct(i, '&') || t.id == id.and_ || t.id == id.or_ ||
              (t.id == id.as && i + 2 < m.begin && toks[i + 1].id == id.well)) {
            connector = true;
            if (t.id == id.as) i += 2;
            continue;
          }
          if (t.cls & (kDet | kModifier)) continue;
          ok = false;
          break;
        }
        if (!ok || !connector) break;
        group.push_back(ms[o]);
        e = m.end;
      }
      return group;
    };
    auto index_in_ms = [&](std::int32_t mi) {
      return static_cast<std::size_t>(std::find(ms.begin(), ms.end(), mi) - ms.begin());
    };
    auto find_subject = [&](const Trigger& t) -> std::vector<std::int32_t> {
      for (int g = t.segment; g >= 0; --g) {
        std::uint32_t b = seg_begin(g), e = g == t.segment ? t.begin : seg_end(g);
        for (std::size_t k = 0; k < ms.size(); ++k) {
          const Mention& m = a.mentions[ms[k]];
          if (m.begin < b || m.begin >= e) continue;
          if (!actor_ok(m) || attributed(m.begin)) {
            // "Farmers in Kenya", "residents of Gaza", "thousands of villagers
            // in northern Mali": people of a place, as the subject, act for
            // its country.
            bool place = m.country >= 0 && (m.kind == MentionKind::country || m.kind == MentionKind::capital ||
                                            m.kind == MentionKind::city);
            std::uint32_t pp = m.begin;
            while (pp > b && (toks[pp - 1].cls & (kDet | kModifier)) && a.mention_at[pp - 1] < 0) --pp;
            if (place && !attributed(m.begin) && pp > b + 1 && (toks[pp - 1].id == id.in || toks[pp - 1].id == id.of)) {
              std::uint32_t nn = pp - 2;
              std::string_view w = tok_text(nn);
              bool people = toks[nn].is(kWord) && (!toks[nn].is(kCap) || nn == sb) && a.mention_at[nn] < 0 &&
                            !(toks[nn].cls & (kFunction & ~kRoleNoun)) && w.size() > 3 && w.back() == 's' &&
                            !std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) { return o.begin == nn; });
              for (std::uint32_t q = b; q < nn && people; ++q)
                people = (toks[q].cls & (kDet | kNumberWord | kModifier)) || toks[q].is(kNumber) ||
                         toks[q].id == id.of || toks[q].id == id.to || is_punct(q, ',');
              if (people) return {-(ms[k] + 1)};
            }
            continue;
          }
          if (governing_prep(m.begin, b) != kNoToken) continue;
          return expand(k, e);
        }
        if (g > 0) {
          std::uint32_t bt = seg_begin(g);
          if (is_punct(bt, ';')) break;
        }
      }
      return {};
    };
    auto find_object = [&](const Trigger& t) -> std::vector<std::int32_t> {
      std::uint32_t e = seg_end(t.segment);
      bool seen_prep_actor = false;
      for (std::size_t k = 0; k < ms.size(); ++k) {
        const Mention& m = a.mentions[ms[k]];
        if (m.begin < t.end) continue;
        if (m.begin >= e || attributed(m.begin)) break;
        if (!actor_ok_after(m, t.end)) continue;
        TokenId gp = governing_prep(m.begin, t.end);
        // "bombed depots of the Chadian army": the object's owner.
        if (gp == id.of && !seen_prep_actor) {
          bool other = false;
          for (std::uint32_t i = t.end; i < m.begin; ++i) other |= (toks[i].cls & kPrep) && toks[i].id != id.of;
          if (!other) gp = kNoToken;
        }
        if (gp != kNoToken) {
          seen_prep_actor = true;
          continue;
        }
        // Another trigger in between ends the object side.
        bool crossed = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) {
          return o.begin >= t.end && o.begin < m.begin;
        });
        if (crossed) break;
        return expand(k, e);
      }
      return {};
    };
    auto find_after_prep = [&](const Trigger& t, TokenId prep) -> std::vector<std::int32_t> {
      std::uint32_t e = seg_end(t.segment);
      for (std::uint32_t q = t.end; q < se && q < t.end + 12; ++q) {
        // The preposition may open the next clause ("demanded that X ...").
        if (q >= e && !(q == e && toks[q].id == prep)) break;
        if (attributed(q)) break;
        if (toks[q].id != prep) continue;
        std::uint32_t limit = seg_end(seg_of(q));
        for (std::uint32_t r = q + 1; r < limit && r <= q + 5; ++r) {
          if (const Mention* m = mention_of(r)) {
            std::int32_t mi = a.mention_at[r];
            // The pattern asked for this preposition: "in Iraq" may be a target.
            if (determiner(*m)) continue;
            if (!is_actor(*m) || m->kind == MentionKind::city || m->begin != r) return {};
            return expand(index_in_ms(mi), limit);
          }
          const Tok& tk = toks[r];
          if ((tk.cls & kFunction & ~kDet) || tk.is(kPunct)) break;
        }
        // Not this one ("to commit to ... to the US"): try the next.
      }
      return {};
    };
    auto find_poss = [&](const Trigger& t) -> std::vector<std::int32_t> {
      std::uint32_t j = t.begin;
      int skipped = 0;
      while (j > sb && skipped < 6) {
        const Tok& tk = toks[j - 1];
        if (a.mention_at[j - 1] >= 0) break;
        if (is_punct(j - 1, ')') && j >= sb + 3 && is_punct(j - 3, '(')) {
          j -= 3;
          continue;
        }
        bool content = tk.is(kWord) && !(tk.cls & kFunction) && !(tk.cls & kCalendar);
        bool name_of = tk.id == id.of && j - 1 > sb && toks[j - 2].is(kCap);
        if (content || name_of) {
          --j;
          ++skipped;
          continue;
        }
        break;
      }
      if (j == sb || a.mention_at[j - 1] < 0) return {};
      std::int32_t mi = a.mention_at[j - 1];
      const Mention& m = a.mentions[mi];
      if (!actor_ok(m)) return {};
      bool modifier = m.possessive || m.kind == MentionKind::demonym || m.kind == MentionKind::org ||
                      m.kind == MentionKind::country || m.kind == MentionKind::metonym ||
                      m.kind == MentionKind::group || m.kind == MentionKind::capital;
      if (!modifier) return {};
      std::vector<std::int32_t> group{mi};
      // "Pakistan-Russia cooperation", "Russia and China's"
      std::int32_t cur = mi;
      while (true) {
        const Mention& c = a.mentions[cur];
        if (c.begin == sb) break;
        std::uint32_t p = c.begin;
        bool hyphen = toks[p].is(kHyphenJoined);
        std::uint32_t q = p;
        if (!hyphen && q > sb + 1 && (toks[q - 1].id == id.and_ || is_punct(q - 1, ','))) --q;
        else if (!hyphen) break;
        if (q == sb || a.mention_at[q - 1] < 0) break;
        std::int32_t prev = a.mention_at[q - 1];
        if (!actor_ok(a.mentions[prev])) break;
        group.insert(group.begin(), prev);
        cur = prev;
      }
      return group;
    };
    auto find_inner = [&](const Trigger& t) -> std::vector<std::int32_t> {
      std::vector<std::int32_t> g;
      for (std::int32_t mi : ms) {
        const Mention& m = a.mentions[mi];
        // Also one that begins inside and runs on ("summoned Togo's ambassador Koffi Mensah").
        if (m.begin > t.begin && m.begin < t.end && actor_ok_after(m, t.begin)) g.push_back(mi);
      }
      return g;
    };
    auto find_outer = [&](const Trigger& t) -> std::vector<std::int32_t> {
      // '"X must ...," he said': the speaker after the quote.
      if (tail_begin < se) {
        for (std::size_t k = 0; k < ms.size(); ++k) {
          const Mention& m = a.mentions[ms[k]];
          if (m.begin >= tail_begin && is_actor(m) && !is_place(m)) return expand(k, se);
        }
      }
      for (int g = t.segment - 1; g >= 0; --g) {
        std::uint32_t b = seg_begin(g), e = seg_end(g);
        for (std::size_t k = 0; k < ms.size(); ++k) {
          const Mention& m = a.mentions[ms[k]];
          if (m.begin < b || m.begin >= e) continue;
          if (!actor_ok(m) || attributed(m.begin)) continue;
          if (governing_prep(m.begin, b) != kNoToken) continue;
          return expand(k, e);
        }
      }
      return {};
    };
    // "Sharif's adviser": not Sharif himself but someone of his country.
    // Entries already negative (a country standing in for its mention) stay.
    auto heads = [&](std::vector<std::int32_t>& g) {
      for (std::int32_t& mi : g) {
        if (mi < 0) continue;
        const Mention& m = a.mentions[mi];
        if (m.kind == MentionKind::person && m.possessive && !m.anaphor && m.end < se &&
            toks[m.end].is(kWord) && a.mention_at[m.end] < 0)
          mi = -(mi + 1);
      }
    };
    // The country where the clause's subject is ("the dam in Egypt, which ...").
    auto find_place_country = [&](const Trigger& t) -> std::vector<std::int32_t> {
      for (int g = t.segment; g >= 0; --g) {
        std::uint32_t b = seg_begin(g), e = g == t.segment ? t.begin : seg_end(g);
        for (std::int32_t mi : ms) {
          const Mention& m = a.mentions[mi];
          if (m.begin < b || m.begin >= e || attributed(m.begin) || m.country < 0) continue;
          if (is_place(m)) return {-(mi + 1)};
        }
      }
      return {};
    };
    // The object of a relative clause opened by "which" or "that" is the noun
    // before it: its owner is the object ("Russia's trade fair, which the
    // Pakistani delegation is attending": Russia).
    auto find_antecedent = [&](const Trigger& t) -> std::vector<std::int32_t> {
      if (seg_skip[t.segment] != 2) return {};
      std::uint32_t r = seg_begin(t.segment);
      if (r <= sb + 1 || !(toks[r].id == id.that || toks[r].id == id.which)) return {};
      // The relative word is followed by its own subject, not by the verb.
      if (r + 1 >= t.begin) return {};
      // Back over the noun and its modifiers to the owner ("Russia's", "Kenyan"):
      // a determiner of the noun even after "at" ("at India's largest fair").
      std::uint32_t j = is_punct(r - 1, ',') ? r - 1 : r;
      for (int skipped = 0; j > sb && skipped < 6 && a.mention_at[j - 1] < 0; ++skipped, --j) {
        const Tok& tk = toks[j - 1];
        if (!tk.is(kWord) || (tk.cls & (kFunction | kCalendar))) return {};
      }
      if (j == sb || a.mention_at[j - 1] < 0) return {};
      std::int32_t mi = a.mention_at[j - 1];
      const Mention& m = a.mentions[mi];
      bool owner = m.possessive || m.kind == MentionKind::demonym || m.kind == MentionKind::org;
      if (!owner || !is_actor(m) || m.kind == MentionKind::city || determiner(m)) return {};
      return {mi};
    };
    auto resolve = [&](const Trigger& t, const std::vector<Role>& roles) -> std::vector<std::int32_t> {
      for (std::size_t ri = 0; ri < roles.size(); ++ri) {
        const Role& r = roles[ri];
        std::vector<std::int32_t> g;
        if (r.kind == RoleKind::prep) {
          // Of several prepositions in a row ("of|on|against|in") the nearest wins.
          std::size_t rj = ri;
          std::uint32_t best_pos = ~0u;
          while (rj < roles.size() && roles[rj].kind == RoleKind::prep) {
            std::vector<std::int32_t> cand = find_after_prep(t, roles[rj].prep);
            if (!cand.empty()) {
              std::uint32_t pos = a.mentions[cand[0]].begin;
              if (pos < best_pos) best_pos = pos, g = std::move(cand);
            }
            ++rj;
          }
          ri = rj - 1;
          heads(g);
          if (!g.empty()) return g;
          continue;
        }
        switch (r.kind) {
          case RoleKind::subj: g = find_subject(t); break;
          case RoleKind::obj:
            g = find_object(t);
            if (g.empty()) g = find_antecedent(t);
            break;
          case RoleKind::prep: g = find_after_prep(t, r.prep); break;
          case RoleKind::poss: g = find_poss(t); break;
          case RoleKind::inner: g = find_inner(t); break;
          case RoleKind::outer: g = find_outer(t); break;
          case RoleKind::place: g = find_place_country(t); break;
        }
        if (r.kind != RoleKind::poss && r.kind != RoleKind::place) heads(g);
        if (!g.empty()) return g;
      }
      return {};
    };
    // The trigger's first word is a finite past verb: "-ed" or an irregular
    // past form, not after a form of "be", an auxiliary or "to" ("will be
    // signed", "would have met", "to be held" are not).
    auto finite_past = [&](const Trigger& t) {
      std::string_view w = tok_text(t.begin);
      bool ed = w.size() > 3 && w.substr(w.size() - 2) == "ed";
      bool irregular = std::find(id.irregular_past.begin(), id.irregular_past.end(), toks[t.begin].id) !=
                       id.irregular_past.end();
      if (!ed && !irregular) return false;
      std::uint32_t j = t.begin;
      while (j > sb && j + 3 > t.begin) {
        const Tok& pv = toks[j - 1];
        std::string_view pw = tok_text(j - 1);
        bool adverb = std::find(id.loose_adverbs.begin(), id.loose_adverbs.end(), pv.id) != id.loose_adverbs.end() ||
                      (pw.size() > 4 && pw.substr(pw.size() - 2) == "ly") || (pv.cls & kNegation);
        if (!adverb) break;
        --j;
      }
      if (j == sb) return true;
      const Tok& pv = toks[j - 1];
      if ((pv.cls & (kBe | kAux | kDet)) || pv.id == id.to) return false;
      return true;
    };
    auto passive = [&](const Trigger& t) {
      std::uint32_t j = t.begin;
      int skipped = 0;
      while (j > sb && skipped < 2) {
        std::string_view w = tok_text(j - 1);
        bool adverb = toks[j - 1].id == id.also || (w.size() > 4 && w.substr(w.size() - 2) == "ly");
        if (!adverb) break;
        --j;
        ++skipped;
      }
      std::string_view w = tok_text(t.begin);
      bool participle = !(w.size() > 4 && w.substr(w.size() - 3) == "ing");  // "is refusing" is active
      if (toks[t.begin].cls & (kPrep | kDet)) participle = false;          // "were on alert" is no verb
      return participle && j > sb && (toks[j - 1].cls & kBe);
    };

    // Cue scan around a trigger: status (priority: negated, negotiating,
    // intended, planned, ongoing) and tone.
    auto cues = [&](std::uint32_t b, std::uint32_t e, int& status, int& tone, std::uint32_t limit = 0) {
      status = -1;
      tone = 0;
      static const int kPriority[] = {0, 2, 3, 4, 1, 5};  // by Status: occurred planned intended negotiating ongoing negated
      if (limit < e) limit = e;
      for (std::uint32_t i = b; i < e; ++i) {
        std::uint32_t got = dict.cue_matcher().longest(
            [&](std::size_t k) { return toks[k].id; }, i, limit, [&](std::uint32_t, std::uint32_t v) {
              const Cue& c = dict.cues()[v];
              if (c.kind == CueKind::tone) tone += c.value;
              else if (status < 0 || kPriority[c.value] > kPriority[status]) status = c.value;
              return true;
            });
        if (got > 1) i += got - 1;
      }
    };

    // Dates and places of this sentence, with the trigger nearest to each.
    sentence_dates.clear();
    while (date_cursor < a.dates.size() && a.dates[date_cursor].begin < sb) ++date_cursor;
    for (std::size_t k = date_cursor; k < a.dates.size() && a.dates[k].begin < se; ++k)
      if (!attributed(a.dates[k].begin)) sentence_dates.push_back(k);
    auto blocked = [&](const Trigger& t, std::uint32_t pos) {
      // Another (non-adjunct) trigger lies between t and pos.
      std::uint32_t lo = std::min(t.begin, pos), hi = std::max(t.end, pos);
      for (const Trigger& o : triggers) {
        if (&o == &t || o.adjunct) continue;
        // The event's own object ("attended the summit in Lima", "met at a
        // conference in Oslo") does not stand between it and its place or date.
        if (o.begin >= t.end && o.begin <= t.end + 4 &&
            cameo_root(patterns[o.pattern].cameo) == cameo_root(patterns[t.pattern].cameo))
          continue;
        if (o.begin >= lo && o.end <= hi && !(o.begin >= t.begin && o.end <= t.end)) return true;
      }
      return false;
    };
    auto distance = [&](const Trigger& t, std::uint32_t pos) {
      return pos >= t.end ? pos - t.end : t.begin > pos ? t.begin - pos : 0;
    };
    auto pick_date = [&](const Trigger& t) -> int {
      int best = -1;
      std::uint32_t best_d = ~0u;
      for (std::size_t k : sentence_dates) {  // own segment first
        const DateMention& d = a.dates[k];
        if (seg_of(d.begin) != t.segment || blocked(t, d.begin)) continue;
        std::uint32_t dist = distance(t, d.begin);
        if (dist < best_d) best_d = dist, best = static_cast<int>(k);
      }
      if (best >= 0) return best;
      for (std::size_t k : sentence_dates) {  // then the sentence
        const DateMention& d = a.dates[k];
        if (seg_of(d.begin) == t.segment) continue;
        std::uint32_t dist = distance(t, d.begin);
        if (dist < best_d) best_d = dist, best = static_cast<int>(k);
      }
      return best;
    };
    auto place_of = [&](std::int32_t mi) -> std::optional<Location> {
      const Mention& m = a.mentions[mi];
      Location loc;
      loc.name = span_text(m.begin, m.end);
      if (toks[m.end - 1].is(kPossessive)) loc.name = std::string(text.substr(toks[m.begin].start, toks[m.end - 1].end - toks[m.begin].start));
      if (loc.name.size() > 4 && loc.name.compare(0, 4, "the ") == 0) loc.name.erase(0, 4);
      loc.country = country_code(m.country);
      if (m.kind == MentionKind::country) loc.name = dict.countries()[m.country].name;
      // "Tianjin, China": the country named after a city.
      if (m.kind == MentionKind::city && is_punct(m.end, ',')) {
        if (const Mention* c = mention_of(m.end + 1))
          if (c->kind == MentionKind::country && c->begin == m.end + 1) loc.country = country_code(c->country);
      }
      return loc;
    };
    // Places: mentions after in/at/near, and unknown "in Name, Country".
    // Place candidates: a mention (built into a Location only when used) or
    // an unknown "in Name, Country" (name end and country mention).
    std::vector<PlaceCand>& places = place_scratch;
    places.clear();
    if (!triggers.empty()) {
      for (std::int32_t mi : ms) {
        const Mention& m = a.mentions[mi];
        if (attributed(m.begin)) continue;
        if (!is_place(m)) continue;
        if (m.kind == MentionKind::city && governing_prep(m.begin, sb) == kNoToken) continue;
        places.push_back({m.begin, mi});
      }
    }
    for (std::uint32_t i = sb; i + 3 < se && !triggers.empty(); ++i) {
      if (!(toks[i].id == id.in || toks[i].id == id.at) || attributed(i)) continue;
      std::uint32_t j = i + 1;
      while (j < se && toks[j].is(kCap) && a.mention_at[j] < 0 && toks[j].is(kWord) && !(toks[j].cls & (kCalendar | kFunction))) ++j;
      if (j == i + 1 || j - i > 4 || !is_punct(j, ',')) continue;
      const Mention* c = mention_of(j + 1);
      if (!c || c->kind != MentionKind::country || c->begin != j + 1 || c->possessive) continue;
      places.push_back({i + 1, -1, j, c->country});
    }
    std::sort(places.begin(), places.end(), [](const PlaceCand& x, const PlaceCand& y) { return x.pos < y.pos; });
    auto pick_place = [&](const Trigger& t) -> std::optional<Location> {
      const PlaceCand* best = nullptr;
      std::uint32_t best_d = ~0u;
      for (const PlaceCand& p : places) {
        if (seg_of(p.pos) != t.segment || blocked(t, p.pos)) continue;
        std::uint32_t dist = distance(t, p.pos);
        if (dist < best_d) best_d = dist, best = &p;
      }
      auto location = [&](const PlaceCand& p) -> std::optional<Location> {
        if (p.mention >= 0) return place_of(p.mention);
        return Location{span_text(p.pos, p.name_end), country_code(p.country)};
      };
      if (best) return location(*best);
      for (const PlaceCand& p : places) {  // a segment without triggers of its own
        int g = seg_of(p.pos);
        bool claimed = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) { return o.segment == g; });
        if (claimed) continue;
        std::uint32_t dist = distance(t, p.pos);
        if (dist < best_d) best_d = dist, best = &p;
      }
      return best ? location(*best) : std::nullopt;
    };

    // Actors of mentions.
    auto actors_of = [&](const std::vector<std::int32_t>& group, std::vector<Actor>& out,
                         CodeSet& countries, bool& anaphoric) {
      add_mention_actors(dict, a, group, out, countries, anaphoric);
    };

    const SentenceSpan& sspan = span;
    const auto& dsent = doc.sentences[sspan.index];
    auto evidence = [&] {
      return Evidence{doc.article.id, sspan.index, dsent.start, dsent.end,
                      std::string(text.substr(dsent.start, dsent.end - dsent.start))};
    };
    std::size_t first_draft = drafts.size();
    for (const Trigger& t : triggers) {
      const EventPattern& p = patterns[t.pattern];
      if ((p.flags & kSay) && attributed(t.begin)) continue;
      std::vector<std::int32_t> src = resolve(t, p.source), tgt = resolve(t, p.target);
      // "invited X to visit Y", "urged X to talk": X is the one to act.
      if (t.begin > sb && toks[t.begin - 1].id == id.to && !p.source.empty() &&
          p.source.back().kind == RoleKind::subj) {
        for (const Trigger& o : triggers) {
          if (o.end > t.begin || t.begin - o.end > 8 || seg_of(o.begin) != t.segment) continue;
          if (cameo_root(patterns[o.pattern].cameo) != "02") continue;
          std::vector<std::int32_t> controller = find_object(o);
          if (!controller.empty()) src = controller;
        }
      }
      // "offered to negotiate with Georgia", "agreed to meet Kenya": the target
      // of an intent is the target of what it intends.
      if (tgt.empty() && cameo_root(p.cameo) == "03") {
        for (const Trigger& o : triggers) {
          if (o.begin < t.end || o.begin > t.end + 3 || seg_of(o.begin) != t.segment) continue;
          tgt = resolve(o, patterns[o.pattern].target);
          break;
        }
      }
      // "Croatia fails to protect refugees, a rights group protested on Monday.":
      // a verb closing the sentence after ", <actor>" is said by that actor
      // about the subject of the clause before the comma.
      if (!(p.flags & kSay) && !p.source.empty() && p.source[0].kind == RoleKind::subj &&
          std::any_of(p.target.begin(), p.target.end(), [](const Role& r) { return r.kind == RoleKind::obj; })) {
        std::uint32_t c = t.begin;
        while (c > sb && !is_punct(c - 1, ',') && t.begin - c < 6) --c;
        bool closing = c > sb + 1 && is_punct(c - 1, ',');
        // ", which X is attending", ", as X demanded": not a bare noun phrase.
        for (std::uint32_t q = c; q < t.begin && closing; ++q)
          closing = !(toks[q].cls & (kSubord | kBe | kAux | kPronoun | kPronounPl | kConj));
        for (std::uint32_t q = t.end; q < se && closing; ++q) {
          const Tok& tk = toks[q];
          std::string_view w = tok_text(q);
          if (a.mention_at[q] >= 0) closing = is_place(a.mentions[a.mention_at[q]]);
          else
            closing = tk.is(kPunct) || (tk.cls & (kPrep | kDet | kCalendar)) || tk.is(kNumber) ||
                      a.date_at[q] >= 0 || (w.size() > 4 && w.substr(w.size() - 2) == "ly") ||
                      w == "here" || w == "there";
        }
        if (closing) {
          std::vector<std::int32_t> speaker, about;
          for (std::size_t k = 0; k < ms.size() && speaker.empty(); ++k) {
            const Mention& m = a.mentions[ms[k]];
            if (m.begin >= c && m.begin < t.begin && actor_ok(m)) speaker = expand(k, t.begin);
          }
          for (std::size_t k = 0; k < ms.size() && about.empty(); ++k) {
            const Mention& m = a.mentions[ms[k]];
            if (m.begin >= c - 1) break;
            if (actor_ok(m) && !attributed(m.begin) && governing_prep(m.begin, sb) == kNoToken)
              about = expand(k, c - 1);
          }
          if (!speaker.empty()) {
            heads(speaker);
            heads(about);
            src = speaker;
            tgt = about;
          }
        }
      }
      // "threatened to strike unless Uganda lifted the ban", "warned it would
      // expel diplomats if Russia did not ...": who must act is the target.
      {
        bool complement_subject = tgt.size() == 1 && tgt[0] >= 0 && a.mentions[tgt[0]].anaphor &&
                                  (toks[a.mentions[tgt[0]].begin].cls & (kPronoun | kPronounPl)) &&
                                  a.mentions[tgt[0]].end < se && (toks[a.mentions[tgt[0]].end].cls & (kAux | kBe));
        bool threat = cameo_root(p.cameo) == "13";
        std::uint32_t cond = se;
        for (std::uint32_t i = t.end; i < se && cond == se; ++i)
          if (toks[i].id == id.unless || (threat && toks[i].id == id.if_)) cond = i;
        if (cond < se && (tgt.empty() || complement_subject)) {
          for (std::size_t k = 0; k < ms.size(); ++k) {
            const Mention& m = a.mentions[ms[k]];
            if (m.begin <= cond || attributed(m.begin)) continue;
            if (m.begin >= seg_end(seg_of(cond))) break;
            if (!actor_ok(m) || governing_prep(m.begin, cond + 1) != kNoToken) continue;
            tgt = expand(k, seg_end(seg_of(cond)));
            heads(tgt);
            break;
          }
        }
      }
      bool subj_role = std::any_of(p.source.begin(), p.source.end(), [](const Role& r) { return r.kind == RoleKind::subj; });
      if (!(p.flags & kNoPassive) && subj_role && passive(t)) {
        std::vector<std::int32_t> agent;
        for (std::uint32_t q = t.end; q < seg_end(t.segment) && agent.empty(); ++q)
          if (toks[q].id == id.by) {
            Trigger at_by = t;
            at_by.end = q;
            agent = find_after_prep(at_by, id.by);
            heads(agent);
          }
        std::vector<std::int32_t> patient = find_subject(t);
        src = agent;
        tgt = patient;
      }
      // A relative clause ("which were built with Soviet aid", "where people
      // were killed") tells background: kept only with a source of its own.
      if (seg_skip[t.segment] == 2) {
        std::uint32_t g0 = seg_begin(t.segment), g1 = seg_end(t.segment);
        bool own = std::any_of(src.begin(), src.end(), [&](std::int32_t mi) {
          const Mention& m = a.mentions[mi < 0 ? -mi - 1 : mi];
          // A description ("the delegation", "the Kenyan officials") may tell
          // what is going on now ("which the delegation is attending"); a
          // pronoun, or a past verb, tells background.
          bool description = !(toks[m.begin].cls & (kPronoun | kPronounPl));
          return m.begin >= g0 && m.begin < g1 && (!m.anaphor || (description && !finite_past(t)));
        });
        if (!own) continue;
      }
      if ((p.flags & kSay) && src.empty()) {
        // "..., said the statement": the speaker after the verb.
        if (t.end < se && (toks[t.end].cls & kDet) && a.mention_at[t.end + 1 < se ? t.end + 1 : t.end] >= 0)
          src = find_object(t);
      }
      if (trace_) {
        auto names = [&](const std::vector<std::int32_t>& g) {
          std::string out;
          for (std::int32_t mi : g) {
            const Mention& m = a.mentions[mi < 0 ? -mi - 1 : mi];
            out += "[" + span_text(m.begin, m.end) + "]";
          }
          return out;
        };
        std::fprintf(stderr, "trace: s%u \"%s\" <- %s:%zu \"%s\" source=%s target=%s\n", sspan.index,
                     span_text(t.begin, t.end).c_str(), "events.tsv", p.line, p.text.c_str(),
                     names(src).c_str(), names(tgt).c_str());
      }
      Draft d;
      Fact& f = d.fact;
      f.type = p.type;
      f.cameo = p.cameo;
      d.say = (p.flags & kSay) != 0;
      d.sentence = s;
      d.position = t.begin;
      bool anaphoric = false;
      CodeSet src_c, tgt_c;
      std::vector<Actor> source, target;
      actors_of(src, source, src_c, anaphoric);
      actors_of(tgt, target, tgt_c, anaphoric);
      // Status and tone.
      int status = -1, tone = 0;
      {
        std::uint32_t g0 = seg_begin(t.segment);
        std::uint32_t b = t.begin >= g0 + 8 ? t.begin - 8 : g0;
        int tone_ignored = 0;
        cues(b, t.begin, status, tone_ignored);
        // A finite past verb ("rejected", "met", "discussed") reports what
        // happened: only a negation before it ("never signed") changes that;
        // "planned exercises and rejected", "discussed the planned road" do not.
        bool past = finite_past(t);
        if (past && status != static_cast<int>(Status::negated)) status = -1;
        // "invited X to visit", "said it wanted ... to hold talks": an
        // infinitive after an appeal, intent or speech is not (yet) an event.
        if (status < 0 && t.begin > sb && toks[t.begin - 1].id == id.to &&
            !(t.begin >= sb + 2 && (toks[t.begin - 2].cls & kBe))) {
          bool governed = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) {
            if (o.end > t.begin || seg_of(o.begin) != t.segment) return false;
            const EventPattern& op = patterns[o.pattern];
            std::string_view r = cameo_root(op.cameo);
            return (op.flags & kSay) || r == "02" || r == "03";
          });
          if (governed) status = static_cast<int>(Status::planned);
        }
        // What an appeal asks for is not (yet) an event: "invited X to Dhaka
        // for the signing of the agreement", "called for talks".
        if (status < 0 && !past && !(p.flags & kSay)) {
          bool asked = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) {
            return o.end <= t.begin && t.begin - o.end <= 10 && seg_of(o.begin) == t.segment &&
                   cameo_root(patterns[o.pattern].cameo) == "02";
          });
          if (asked) status = static_cast<int>(Status::planned);
        }
        // Coordinated with an earlier trigger of its clause: its status too
        // ("expected to meet X and sign an agreement").
        if (status < 0) {
          for (std::size_t k = first_draft; k < drafts.size(); ++k) {  // the drafts of this sentence
            const Draft& o = drafts[k];
            if (o.sentence != s || o.position >= t.begin || seg_of(o.position) != t.segment) continue;
            if (o.fact.status == Status::occurred) continue;
            // The "and" joins the verbs: only adverbs or "to" between it and
            // this trigger ("meet X and then sign", not "India and Bangladesh ... talks").
            bool joined = false;
            for (std::uint32_t i = t.begin; i-- > o.position;) {
              if (toks[i].id == id.and_ || toks[i].id == id.or_) {
                joined = true;
                break;
              }
              if (!(toks[i].id == id.to ||
                    std::find(id.loose_adverbs.begin(), id.loose_adverbs.end(), toks[i].id) != id.loose_adverbs.end()))
                break;
            }
            if (joined) status = static_cast<int>(o.fact.status);
          }
        }
        // After it ("the pipeline ... will open", "remained under negotiation"),
        // up to the next trigger.
        std::uint32_t ae = std::min(seg_end(t.segment), t.end + 6);
        for (const Trigger& o : triggers)
          if (o.begin >= t.end && o.begin < ae) ae = o.begin;
        int after_status = -1;
        // What follows a speech verb or a past verb is its content, not its status
        // ("said Belgrade would respond").
        if (!past && !(p.flags & kSay))
          cues(t.end, ae, after_status, tone_ignored, std::min(seg_end(t.segment), t.end + 8));
        if (status < 0) status = after_status;
        if (p.flags & kCharacterize) {
          int s2 = -1;
          std::uint32_t te = std::min(se, t.end + 16);
          cues(t.end, te, s2, tone);
        }
      }
      if (status < 0) status = p.status;
      f.status = status < 0 ? Status::occurred : static_cast<Status>(status);
      if (p.flags & kCharacterize) {
        if (tone > 0) f.type = "praise", f.cameo = "051";
        else if (tone < 0) f.type = "criticism", f.cameo = "111";
        else f.type = "statement", f.cameo = "010", d.say = true;
      }
      // A statement's target comes from its own slots ("told X"); a party
      // merely mentioned in a remark is none (the parse coder finds what a
      // remark is about).
      // Topics: countries talked about.
      if (p.flags & kTopics) {
        std::uint32_t e = seg_end(t.segment);
        for (std::int32_t mi : ms) {
          const Mention& m = a.mentions[mi];
          if (m.begin < t.end || m.begin >= e || attributed(m.begin)) continue;
          if (m.kind != MentionKind::country && m.kind != MentionKind::demonym) continue;
          std::string c = country_code(m.country);
          if (c.empty() || src_c.count(c)) continue;
          if (std::find(f.topics.begin(), f.topics.end(), c) == f.topics.end()) f.topics.push_back(c);
        }
        // Topic countries are not targets.
        target.erase(std::remove_if(target.begin(), target.end(), [&](const Actor& x) {
                       return x.kind == ActorKind::country &&
                              std::find(f.topics.begin(), f.topics.end(), x.country) != f.topics.end();
                     }),
                     target.end());
        tgt_c.clear();
        for (const Actor& x : target)
          if (!x.country.empty()) tgt_c.insert(x.country);
      }
      // "describing Ghana and Togo as partners" said by Togo: not Togo itself.
      if (!(p.flags & kSymmetric) && !src_c.empty()) {
        bool other = std::any_of(target.begin(), target.end(), [&](const Actor& x) {
          return !x.country.empty() && !src_c.count(x.country);
        });
        if (other) {
          target.erase(std::remove_if(target.begin(), target.end(), [&](const Actor& x) {
                         return x.kind == ActorKind::country && src_c.count(x.country);
                       }),
                       target.end());
          tgt_c.clear();
          for (const Actor& x : target)
            if (!x.country.empty()) tgt_c.insert(x.country);
        }
      }
      if (source.empty() && target.empty()) {
        // A protest with no named protesters still has its place ("thousands
        // demonstrated in Kirkuk"); anything else needs an actor.
        auto where = cameo_root(f.cameo) == "14" ? pick_place(t) : std::nullopt;
        if (!where || where->country.empty()) continue;
      }
      // Symmetric events have participants, unless one side wants the event
      // ("eager to meet"): then who wants it is the source.
      bool sym = (p.flags & kSymmetric) && !(f.status == Status::intended && !source.empty() && !target.empty());
      bool mutual = !sym && target.empty() && src_c.size() >= 2 && !(p.flags & kNeedsTarget);
      if (sym || mutual) {
        for (Actor& x : source) add_actor(f.participants, std::move(x));
        for (Actor& x : target) add_actor(f.participants, std::move(x));
        if ((p.flags & kNeedsTarget) && f.participants.size() < 2) continue;
      } else {
        if ((p.flags & kNeedsTarget) && target.empty()) continue;
        f.source = std::move(source);
        f.target = std::move(target);
      }
      d.countries.insert(src_c.begin(), src_c.end());
      d.countries.insert(tgt_c.begin(), tgt_c.end());
      // Intent: a meeting (or cooperation) one side wants.
      std::string_view root = cameo_root(f.cameo);
      if (f.status == Status::intended) {
        if (root == "04") f.type = "intent", f.cameo = "036";
        else if (root == "05") f.type = "intent", f.cameo = "032";
        else if (root == "06") f.type = "intent", f.cameo = "031";
        else if (root == "07") f.type = "intent", f.cameo = "033";
        else if (root == "08") f.type = "intent", f.cameo = "034";
      }
      // Future coercion is a threat ("will extend the curfew", "would tighten
      // the blockade"); so is a promise made conditional by "unless".
      {
        std::string_view r = cameo_root(f.cameo);
        int rn = r.size() == 2 ? (r[0] - '0') * 10 + (r[1] - '0') : 0;
        bool future = f.status == Status::planned || f.status == Status::intended;
        bool unless = false;
        for (std::uint32_t i = t.end; i < se; ++i) unless |= toks[i].id == id.unless;
        for (std::uint32_t i = t.end; i < se; ++i) unless |= toks[i].id == id.if_;
        if (future && (rn >= 17 || rn == 14 || rn == 15)) {
          f.type = "threat";
          f.cameo = rn == 17 ? "137" : rn == 14 ? "133" : "138";
          f.status = Status::occurred;
        } else if (future && (f.cameo.rfind("087", 0) == 0 || f.cameo.rfind("166", 0) == 0)) {
          f.type = "threat";  // "will withdraw its inspectors": a threat to halt involvement
          f.cameo = "136";
          f.status = Status::occurred;
        } else if (future && unless && rn >= 10 && rn != 13) {
          f.type = "threat";
          f.cameo = "130";
          f.status = Status::occurred;
        }
      }
      // Date.
      d.tense = (f.status == Status::planned || f.status == Status::intended) ? 1
                : f.status == Status::occurred ? -1 : 0;
      int dk = pick_date(t);
      if (dk >= 0) {
        f.date = resolve_date(a.dates[dk], a.article_date, d.tense);
        d.own_date = !f.date.empty();
      }
      if (d.own_date && f.status == Status::occurred && a.article_date && f.date.size() >= 4) {
        // A date after the article's means the event is still to come.
        std::string cut = article_day.substr(0, std::min(article_day.size(), f.date.size()));
        if (f.date.find('X') == std::string::npos && f.date > cut) f.status = Status::planned;
      }
      // Place ("spoke about the situation in Afghanistan": what was talked
      // about is not where).
      f.location = pick_place(t);
      if (f.location && (p.flags & kTopics) && !f.location->country.empty() &&
          std::find(f.topics.begin(), f.topics.end(), f.location->country) != f.topics.end())
        f.location.reset();
      d.own_place = f.location.has_value();
      if (!f.location && f.type == "visit" && f.cameo == "042") {
        for (std::int32_t mi : tgt)
          if (mi >= 0 && a.mentions[mi].kind == MentionKind::capital) {
            f.location = place_of(mi);
            break;
          }
      }
      if (!f.location && f.type == "visit") {
        // A visit to a country happens there; a host receives at home.
        const auto& side = f.cameo == "043" ? f.source : f.target;
        for (const Actor& x : side)
          if (x.kind == ActorKind::country || x.kind == ActorKind::person) {
            int c = dict.country_index(x.country);
            if (c >= 0) f.location = Location{dict.countries()[c].name, x.country};
            break;
          }
      }
      // No named target: material conflict, coercion, protest, yield and
      // investigation hit who is where they happen ("fired at targets in
      // Jericho"); coercion, protest and yield with no place are domestic.
      // Protesters with no stated country are of the place of the protest.
      if (cameo_root(f.cameo) == "14" && f.source.empty() && f.participants.empty() && f.location &&
          !f.location->country.empty()) {
        int c = dict.country_index(f.location->country);
        if (c >= 0) {
          const Country& cc = dict.countries()[c];
          f.source.push_back(Actor{"country:" + cc.code, ActorKind::country, cc.name, cc.code, ""});
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
            f.source.push_back(Actor{"country:" + cc.code, ActorKind::country, cc.name, cc.code, ""});
            d.countries.insert(cc.code);
          }
        }
      }
      bool target_country = std::any_of(f.target.begin(), f.target.end(), [](const Actor& x) { return !x.country.empty(); });
      if (!target_country && f.participants.empty()) {
        std::string_view r = cameo_root(f.cameo);
        int rn = r.size() == 2 ? (r[0] - '0') * 10 + (r[1] - '0') : 0;
        bool material = rn == 8 || rn == 9 || rn >= 14;
        bool domestic = rn == 8 || rn == 9 || rn == 14 || rn == 17;
        // "Egyptian police opened fire": police act at home.
        for (std::int32_t mi : src)
          if (mi >= 0 && a.mentions[mi].end < se && toks[a.mentions[mi].end].id == id.police) domestic = true;
        int c = -1;
        if (material && f.location && !f.location->country.empty()) c = dict.country_index(f.location->country);
        else if (domestic && src_c.size() == 1) c = dict.country_index(*src_c.begin());
        if (c >= 0) {
          const Country& cc = dict.countries()[c];
          f.target.push_back(Actor{"country:" + cc.code, ActorKind::country, cc.name, cc.code, ""});
          d.countries.insert(cc.code);
        }
      }
      // Name of a summit, project or agreement: the noun phrase of the trigger.
      // A verb alone ("attended") names nothing.
      bool verb_only = t.end == t.begin + 1 && !p.source.empty() && p.source[0].kind == RoleKind::subj &&
                       !(p.flags & kNeedsTarget) && f.type == "summit";
      if ((f.type == "project" || f.type == "summit" || f.type == "agreement") && !verb_only) {
        std::uint32_t b = t.begin;
        while (b > sb) {
          const Tok& tk = toks[b - 1];
          bool content = tk.is(kWord) && !(tk.cls & (kFunction | kCalendar)) && a.mention_at[b - 1] < 0 &&
                         !(b - 1 < t.begin && toks[b - 1].is(kPossessive));
          if (tk.id == id.of && b - 1 > sb && toks[b - 2].is(kCap) && toks[b].is(kCap)) content = true;
          bool org = a.mention_at[b - 1] >= 0 && a.mentions[a.mention_at[b - 1]].kind == MentionKind::org &&
                     !a.mentions[a.mention_at[b - 1]].possessive;
          bool paren = is_punct(b - 1, '(') || is_punct(b - 1, ')') || (tk.is(kAllCaps) && b - 1 > sb && is_punct(b - 2, '('));
          if (!(content || org || paren) || (tk.is(kPunct) && !paren)) break;
          if (org) b = a.mentions[a.mention_at[b - 1]].begin;
          else --b;
        }
        while (b < t.begin && (toks[b].cls & kModifier) && !toks[b].is(kCap)) ++b;
        f.name = span_text(b, t.end);
      }
      // Quote: the first quoted words after the trigger in its sentence.
      std::uint32_t quotes_before = 0;
      for (std::uint32_t i = sb; i < t.end; ++i) quotes_before += is_punct(i, '"');
      for (std::uint32_t i = t.end; i < se && i < t.end + 12; ++i) {
        if (is_punct(i, '"') && quotes_before++ % 2 == 1) continue;  // a closing quote
        if (!(is_punct(i, '"') || (is_punct(i, '\'') && toks[i].is(kSpaceBefore)))) continue;
        char q = text[toks[i].start];
        std::uint32_t j = i + 1;
        while (j < se && !is_punct(j, q) && !(q == '\'' && toks[j - 1].is(kPossessive) && j > i + 1)) ++j;
        if (j > i + 1 && j - i <= 12) {
          std::uint32_t e = j;
          f.quote = span_text(i + 1, e);
        }
        break;
      }
      // Confidence (docs/extraction.md): evidence of roles found, date, place.
      double c = 0.35;
      if (!f.source.empty() || !f.participants.empty()) c += 0.2;
      if (!f.target.empty() || f.participants.size() >= 2) c += 0.2;
      if (d.own_date) c += 0.1;
      if (d.own_place) c += 0.05;
      if (anaphoric) c -= 0.1;
      if (p.flags & kWeak) c -= 0.1;
      f.confidence = std::clamp(c, 0.05, 0.95);
      f.evidence.push_back(evidence());
      drafts.push_back(std::move(d));
    }
    // One event told twice in a sentence ("held a summit ..., their first
    // meeting"; "hosted X for talks"): same root, parties contained in another's.
    for (std::size_t k = first_draft; k < drafts.size(); ++k) {
      Draft& d = drafts[k];
      if (d.fact.evidence.empty()) continue;
      for (std::size_t o = first_draft; o < drafts.size(); ++o) {
        if (o == k || drafts[o].fact.evidence.empty()) continue;
        const Draft& x = drafts[o];
        if (cameo_root(x.fact.cameo) != cameo_root(d.fact.cameo) || x.say != d.say) continue;
        // An intent told by its verb and by what it intends ("offered to
        // negotiate with X": 030 and 036) is one: the specific code stays.
        bool intent = cameo_root(d.fact.cameo) == "03";
        bool specific = intent && x.fact.cameo != "030" && d.fact.cameo == "030";
        if (x.fact.status != d.fact.status && !specific) continue;
        bool contained = std::includes(x.countries.begin(), x.countries.end(), d.countries.begin(), d.countries.end());
        std::size_t xs = x.fact.source.size() + x.fact.target.size() + x.fact.participants.size();
        std::size_t ds = d.fact.source.size() + d.fact.target.size() + d.fact.participants.size();
        if (contained && (xs > ds || (xs == ds && x.countries.size() > d.countries.size()) ||
                          (xs == ds && x.countries == d.countries && (o < k || specific)))) {
          if (!drafts[o].own_date && d.own_date) drafts[o].fact.date = d.fact.date, drafts[o].own_date = true;
          if (!drafts[o].own_place && d.own_place) drafts[o].fact.location = d.fact.location, drafts[o].own_place = true;
          if (drafts[o].fact.name.empty()) drafts[o].fact.name = d.fact.name;
          d.fact.evidence.clear();  // dropped below
          break;
        }
      }
    }
    drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(first_draft), drafts.end(),
                                [](const Draft& d) { return d.fact.evidence.empty(); }),
                 drafts.end());
    // A statement only when nothing else was found in its sentence.
    bool other = false;
    for (std::size_t k = first_draft; k < drafts.size(); ++k) other |= !drafts[k].say;
    if (other)
      drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(first_draft), drafts.end(),
                                  [](const Draft& d) { return d.say; }),
                   drafts.end());
    if (drafts.size() > max_facts * 2) break;
  }

  (void)drafts_before;
}

}  // namespace dipgraph::ingest
