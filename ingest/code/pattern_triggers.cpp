// The pattern coder's triggers (pattern_detail.hpp, match_triggers): the
// phrases of data/events.tsv found in a sentence, then the ones that are
// not an event of their own taken out.
//
// A pattern's anchor words are looked up in the trigger trie; its tail
// (words and gaps that stay inside the clause) is checked only where an
// anchor matched. Adjacent matches of one pattern line are one compound;
// of overlapping matches the longest, then the earliest, stays.
#include <algorithm>

#include "graph/cameo.hpp"
#include "ingest/code/pattern_detail.hpp"

namespace dipgraph::ingest::pattern {

namespace {

bool by_position(const Trigger& x, const Trigger& y) { return x.begin < y.begin; }

// The longest match of each pattern starting at each word, in reading order.
void match_phrases(Sentence& st) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const auto& patterns = st.patterns;
  const std::uint32_t sb = st.sb, se = st.se;
  auto& triggers = st.triggers;
  triggers.clear();
  for (std::uint32_t i = sb; i < se; ++i) {
    if (!toks[i].is(kWord) || toks[i].id == kNoToken) continue;
    if (a.mention_at[i] >= 0 && a.mentions[a.mention_at[i]].kind != MentionKind::title) continue;
    // "On March 9": a word of a date is no trigger.
    if (a.date_at[i] >= 0 && (toks[i].cls & kCalendar)) continue;
    Trigger best;
    std::uint32_t best_end = 0;
    st.dict.trigger_matcher().longest(
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
                if (skip > 0 && (st.seg_of(q) != st.seg_of(pos) || toks[q - 1].is(kPunct))) break;
                if (self(self, k + 1, q)) return true;
              }
              return false;
            }
            // (a word of a date is none of the pattern's words either: "held
            // talks in March" is no march)
            if (pos < se && !(a.date_at[pos] >= 0 && (toks[pos].cls & kCalendar)) &&
                std::find(el.words.begin(), el.words.end(), toks[pos].id) != el.words.end())
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
}

// Compounds: adjacent triggers of one pattern line are one ("railway
// connectivity", "steel mill project").
void join_compounds(Sentence& st) {
  const auto& patterns = st.patterns;
  auto& triggers = st.triggers;
  std::sort(triggers.begin(), triggers.end(), by_position);
  auto& merged = st.trigger_scratch;
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

// Overlaps: longest, then earliest; back in reading order.
void settle_overlaps(Sentence& st) {
  auto& triggers = st.triggers;
  std::sort(triggers.begin(), triggers.end(), [](const Trigger& x, const Trigger& y) {
    return x.end - x.begin != y.end - y.begin ? x.end - x.begin > y.end - y.begin
                                              : x.begin < y.begin;
  });
  auto& kept = st.trigger_scratch;
  kept.clear();
  for (const Trigger& t : triggers) {
    bool overlap = std::any_of(kept.begin(), kept.end(), [&](const Trigger& k) {
      return t.begin < k.end && k.begin < t.end;
    });
    if (!overlap) kept.push_back(t);
  }
  triggers.swap(kept);
  std::sort(triggers.begin(), triggers.end(), by_position);
}

// What an `absorb` pattern governs ("threatened to ban", "refused to ...")
// up to 6 words on in its clause is its content, not another event.
void drop_absorbed(Sentence& st) {
  const auto& patterns = st.patterns;
  auto& triggers = st.triggers;
  auto& kept = st.trigger_scratch;
  kept.clear();
  for (std::size_t k = 0; k < triggers.size(); ++k) {
    const Trigger& t = triggers[k];
    bool absorbed = std::any_of(
        triggers.begin(), triggers.begin() + static_cast<std::ptrdiff_t>(k), [&](const Trigger& o) {
          return (patterns[o.pattern].flags & kAbsorb) &&
                 st.seg_of(o.begin) == st.seg_of(t.begin) && t.begin - o.end <= 6;
        });
    if (!absorbed) kept.push_back(t);
  }
  triggers.swap(kept);
}

// True if t is a participle describing the noun before it: "the trucks
// impounded last month" (no auxiliary, no subject actor, no object).
bool describes_noun(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const std::uint32_t sb = st.sb, se = st.se;
  std::string_view w = st.tok_text(t.begin);
  bool ed = w.size() > 3 && w.substr(w.size() - 2) == "ed";
  if (!ed || t.begin <= sb) return false;
  const Tok& prev = toks[t.begin - 1];
  std::string_view pw = st.tok_text(t.begin - 1);
  bool noun = prev.is(kWord) && !prev.is(kCap) && prev.cls == 0 && a.mention_at[t.begin - 1] < 0 &&
              !(pw.size() > 2 && pw.substr(pw.size() - 2) == "ly");
  // ... and no object follows ("seized last year", "held in", "jailed
  // for"), where a verb would have one ("the movement rejected an offer").
  std::uint32_t n = t.end;
  bool no_object =
      n >= se || toks[n].is(kPunct) || (toks[n].cls & (kPrep | kCalendar)) || a.date_at[n] >= 0;
  // A time between verb and object ("rejected Thursday a plan",
  // "rejected on Friday the offer"): the object follows it.
  std::uint32_t after = st.date_skip(n);
  if (after != n && after < se && ((toks[after].cls & kDet) || a.mention_at[after] >= 0))
    no_object = false;
  // A pattern with a gap has matched its object ("opened an investigation").
  const auto& tail = st.patterns[t.pattern].tail;
  bool has_object = std::any_of(tail.begin(), tail.end(),
                                [](const PatternElement& el) { return el.words.empty(); });
  // ... or a noun right after the verb ("stopped work"), not a particle ("handed over", "blown
  // up").
  if (t.end >= t.begin + 2) {
    std::string_view w2 = st.tok_text(t.begin + 1);
    bool particle =
        (toks[t.begin + 1].cls & kPrep) || w2 == "up" || w2 == "down" || w2 == "out" || w2 == "off";
    has_object |= !particle;
  }
  return noun && no_object && !has_object;
}

// Words that name no event of their own: participles describing a noun,
// parts of an adjective, gerund adjuncts, nouns of an event told elsewhere.
void drop_non_events(Sentence& st) {
  const auto& toks = st.toks;
  const Words& id = st.id;
  const std::uint32_t sb = st.sb;
  auto& kept = st.trigger_scratch;
  kept.clear();
  for (const Trigger& t : st.triggers) {
    if (describes_noun(st, t)) continue;
    // "Syrian-backed", "US-led": part of an adjective.
    if (toks[t.begin].is(kHyphenJoined)) continue;
    // "before allowing", "without returning", "suspected of blowing up",
    // "in demanding": a gerund adjunct, not an event of its own.
    std::string_view w = st.tok_text(t.begin);
    bool ing = w.size() > 4 && w.substr(w.size() - 3) == "ing";
    if (ing && t.begin > sb &&
        std::find(id.gerund_preps.begin(), id.gerund_preps.end(), toks[t.begin - 1].id) !=
            id.gerund_preps.end())
      continue;
    // "the demand", "the pledge", "its criticism": a verbal event named by a
    // noun refers to one told elsewhere.
    {
      const EventPattern& p = st.patterns[t.pattern];
      std::string_view r = cameo_root(p.cameo);
      int rn =
          r.size() == 2 ? (r[0] - '0') * 10 + (r[1] - '0') : -1;  // no string compares per trigger
      bool verbal = rn == 1 || rn == 2 || rn == 3 || rn == 10 || rn == 11 || rn == 12;
      if (verbal && !(p.flags & kSymmetric) && !p.source.empty() &&
          p.source[0].kind == RoleKind::subj && t.begin > sb && (toks[t.begin - 1].cls & kDet) &&
          !(toks[t.begin - 1].cls & (kPronoun | kPronounPl)))
        continue;
    }
    kept.push_back(t);
  }
  st.triggers.swap(kept);
}

// Background and hypothetical clauses; purpose infinitives after an event
// of the clause ("began a hunger strike to demand ...", "in protest").
void drop_background(Sentence& st) {
  const auto& toks = st.toks;
  const Words& id = st.id;
  const auto& patterns = st.patterns;
  const std::uint32_t sb = st.sb;
  auto& kept = st.trigger_scratch;
  kept.clear();
  auto& purpose_seen = st.purpose_seen;
  purpose_seen.assign(st.seg_skip.size(), 0);
  for (const Trigger& t : st.triggers) {
    int g = st.seg_of(t.begin);
    if (st.seg_skip[g] == 1) continue;
    if (purpose_seen[g]) continue;
    bool infinitive =
        t.begin > sb && (toks[t.begin - 1].id == id.to || toks[t.begin - 1].id == id.in);
    if (infinitive) {
      bool after_event = std::any_of(kept.begin(), kept.end(), [&](const Trigger& o) {
        const EventPattern& op = patterns[o.pattern];
        std::string_view r = cameo_root(op.cameo);
        return st.seg_of(o.begin) == g && !(op.flags & (kSay | kCharacterize)) && r != "01" &&
               r != "02" && r != "03" && !(op.flags & kAbsorb);
      });
      if (after_event) {
        purpose_seen[g] = 1;
        continue;
      }
    }
    kept.push_back(t);
  }
  st.triggers.swap(kept);
}

// Each trigger's segment, and whether "during" or "at" introduces it.
void mark_adjuncts(Sentence& st) {
  const Words& id = st.id;
  for (Trigger& t : st.triggers) {
    t.segment = st.seg_of(t.begin);
    TokenId p = st.governing_prep(t.begin, st.sb);
    t.adjunct = p != kNoToken && std::find(id.adjunct_preps.begin(), id.adjunct_preps.end(), p) !=
                                     id.adjunct_preps.end();
  }
}

}  // namespace

void match_triggers(Sentence& st) {
  match_phrases(st);
  join_compounds(st);
  settle_overlaps(st);
  drop_absorbed(st);
  drop_non_events(st);
  drop_background(st);
  mark_adjuncts(st);
}

}  // namespace dipgraph::ingest::pattern
