// The pattern coder's inside: one sentence as it reads it, and the steps of
// PatternCoder::code (pattern_coder.cpp), which is their table of contents.
//
// Per sentence, in order: cut_clauses and find_attribution
// (pattern_sentence.cpp: segments and "According to X," / ", X said."),
// match_triggers (pattern_triggers.cpp), collect_mentions and
// collect_dates_and_places (pattern_places.cpp); then per trigger
// find_slots (pattern_roles.cpp: the mention groups of source and target),
// read_status (pattern_status.cpp: cues and verb forms) and assemble_draft
// (pattern_draft.cpp: parties, date, place, name, quote, confidence); last
// merge_repeats (pattern_draft.cpp). Each step fills a plain part of
// Sentence or returns a plain struct; the shared predicates (what governs a
// word, what is a place, coordinated groups) are Sentence's. Nothing here
// is public API: pattern_coder.hpp is.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/code/draft.hpp"
#include "ingest/read/document.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/recognizer.hpp"

namespace dipgraph::ingest::pattern {

inline constexpr std::uint16_t kFunction =
    kPrep | kDet | kBe | kAux | kSubord | kConj | kPronoun | kPronounPl | kNegation | kReport;

// Dictionary ids of the fixed words the steps test for (kNoToken for a word
// the vocabulary lacks); built once by PatternCoder's constructor.
struct Words {
  TokenId the, a, an, by, during, at, in, near, outside, and_, or_, as, well, also, according, to,
      of, with, between, among, said, said_like, quote_open, since, into, throughout, across;
  std::vector<TokenId> boundary_words;     // that which who ... (clause openers)
  std::vector<TokenId> adjunct_preps;      // during at (an event inside another's time and place)
  std::vector<TokenId> relative_words;     // which who whom whose where
  std::vector<TokenId> conditional_words;  // if unless until whether
  TokenId that, which, unless, if_, despite, police;
  std::vector<TokenId> gerund_preps;    // before after without of in by: "before allowing"
  std::vector<TokenId> group_nouns;     // members of, inhabitants of ...
  std::vector<TokenId> irregular_past;  // met held spoke ... (finite past forms)
  std::vector<TokenId> loose_adverbs;   // again also still ... (between subject and verb)
};

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
  std::int32_t mention;        // >= 0: a known place
  std::uint32_t name_end = 0;  // else: Toks [pos, name_end) and the country's mention
  std::int32_t country = -1;
};

// A group of mentions standing for one side of an event: indexes into
// Analysis::mentions, or -k-1 for the country of mention k.
using Group = std::vector<std::int32_t>;

// The source and target groups a trigger's roles found (find_slots).
struct Slots {
  Group source, target;
};

// One sentence of an article as the steps read it. The article part is set
// once; start() moves to a sentence, and the steps fill the rest in order.
// The vectors keep their capacity from sentence to sentence.
struct Sentence {
  Sentence(const Dictionary& dict, const Words& words, const Document& doc, const Analysis& a)
      : dict(dict),
        id(words),
        doc(doc),
        a(a),
        text(doc.text),
        toks(a.toks),
        patterns(dict.patterns()) {}

  // The article.
  const Dictionary& dict;
  const Words& id;
  const Document& doc;
  const Analysis& a;
  std::string_view text;
  const std::vector<Tok>& toks;
  const std::vector<EventPattern>& patterns;

  // The sentence: index into a.sentences and its Tok range [sb, se).
  std::uint32_t s = 0, sb = 0, se = 0;
  // cut_clauses: the segment of each Tok (seg[i - sb]); per segment what
  // opens it (seg_skip: 0 news, 1 a condition, 2 a relative clause) and
  // where it begins (seg_bounds[g]; seg_bounds[g + 1] is its end).
  std::vector<int> seg;
  std::vector<char> seg_skip;
  std::vector<std::uint32_t> seg_bounds;
  // find_attribution: Toks before lead_end ("According to X,") and from
  // tail_begin (", X said on Monday.") are attribution.
  std::uint32_t lead_end = 0, tail_begin = 0;
  // match_triggers: the triggers, in reading order.
  std::vector<Trigger> triggers;
  // collect_mentions: the mentions of the sentence, in order (indexes into
  // a.mentions).
  std::vector<std::int32_t> ms;
  // collect_dates_and_places: dates not in attribution (indexes into
  // a.dates) and place candidates (sorted by position).
  std::vector<std::size_t> dates;
  std::vector<PlaceCand> places;
  // Scratch of the steps.
  std::vector<char> boundary, purpose_seen;
  std::vector<std::uint32_t> quotes;
  std::vector<Trigger> trigger_scratch;

  // Moves to sentence `s` of a.sentences.
  void start(std::uint32_t index) {
    s = index;
    sb = a.sentences[index].begin;
    se = a.sentences[index].end;
  }

  std::string_view tok_text(std::uint32_t i) const {
    return text.substr(toks[i].start, toks[i].end - toks[i].start);
  }
  std::string span_text(std::uint32_t b, std::uint32_t e) const {
    return std::string(text.substr(toks[b].start, toks[e - 1].end - toks[b].start));
  }
  bool is_punct(std::uint32_t i, char c) const {
    return i < toks.size() && toks[i].is(kPunct) && text[toks[i].start] == c;
  }
  const Mention* mention_of(std::uint32_t i) const {
    return i < toks.size() && a.mention_at[i] >= 0 ? &a.mentions[a.mention_at[i]] : nullptr;
  }
  std::string country_code(int c) const {
    return c >= 0 ? dict.countries()[c].code : std::string();
  }
  int seg_of(std::uint32_t i) const { return seg[i - sb]; }
  std::uint32_t seg_begin(int g) const { return seg_bounds[g]; }
  std::uint32_t seg_end(int g) const { return seg_bounds[g + 1]; }
  bool attributed(std::uint32_t i) const { return i < lead_end || i >= tail_begin; }

  // Past a time expression at i ("Thursday", "on Friday", "last week"), else i.
  std::uint32_t date_skip(std::uint32_t i) const;
  // What governs position b: the preposition before it, skipping
  // determiners and modifiers ("in the northern city of", "to war-torn"),
  // not looking before `floor`; kNoToken if none.
  TokenId governing_prep(std::uint32_t b, std::uint32_t floor) const;
  // A city, or a capital or country after in/at/near/outside/into/
  // throughout/across.
  bool is_place(const Mention& m) const;
  // "his counterpart", "their talks": a possessive pronoun is a determiner,
  // not the actor of a clause (it is for "poss": "his trip").
  bool determiner(const Mention& m) const;
  bool actor_ok(const Mention& m) const { return is_actor(m) && !is_place(m) && !determiner(m); }
  // As actor_ok, but a preposition before `floor` (inside the trigger,
  // "arrived in Amman") does not make a place.
  bool actor_ok_after(const Mention& m, std::uint32_t floor) const;
  // The coordinated group from ms[k] rightwards, not past `limit`.
  Group expand(std::size_t k, std::uint32_t limit) const;
  // Where mention `mi` is in ms (ms.size() if it is not).
  std::size_t index_in_ms(std::int32_t mi) const;
};

// pattern_sentence.cpp: fills seg, seg_skip and seg_bounds. Cuts at ';',
// ':', parentheses, quotes longer than 6 words and clause openers; marks
// conditions and relative clauses.
void cut_clauses(Sentence& st);
// pattern_sentence.cpp: fills lead_end and tail_begin.
void find_attribution(Sentence& st);

// pattern_triggers.cpp: fills triggers: pattern matches (longest, then
// earliest; adjacent matches of one line are one compound) less those that
// are not events of their own (absorbed content, participles describing a
// noun, gerund adjuncts, nouns of an event told elsewhere, conditions,
// purposes), with their segments and adjunct marks. Needs the clauses and
// the attribution zones.
void match_triggers(Sentence& st);

// pattern_places.cpp: fills ms.
void collect_mentions(Sentence& st);
// pattern_places.cpp: fills dates and places. `date_cursor` is the first
// of a.dates not before this sentence's; kept by the caller across
// sentences (a.dates are sorted by position).
void collect_dates_and_places(Sentence& st, std::size_t& date_cursor);
// pattern_places.cpp: the date (index into a.dates) nearest to t in its
// clause that no other trigger stands in front of, else the nearest of the
// sentence; -1 if none.
int pick_date(const Sentence& st, const Trigger& t);
// pattern_places.cpp: the place nearest to t in its clause, else of a
// clause with no trigger of its own. `t` must be one of st.triggers.
std::optional<Location> pick_place(const Sentence& st, const Trigger& t);
// pattern_places.cpp: mention `mi` as a Location ("Tianjin, China": the
// country named after a city).
std::optional<Location> place_of(const Sentence& st, std::int32_t mi);

// pattern_roles.cpp: the source and target groups of trigger `t` (one of
// st.triggers) by the roles of its pattern, with the readings that move
// them (an appeal's addressee acts, an intent's target, a closing ", X
// said", who must act in an "unless" clause, the passive's agent, the
// speaker after a speech verb). Nothing when t tells no event: a speech
// verb in attribution, a relative clause without a source of its own.
std::optional<Slots> find_slots(const Sentence& st, const Trigger& t);

// pattern_status.cpp: true if t's first word is a finite past verb: "-ed" or
// an irregular past form, not after a form of "be", an auxiliary or "to"
// ("will be signed", "would have met", "to be held" are not).
bool finite_past(const Sentence& st, const Trigger& t);

// The status a trigger's cues and verb forms give, else its pattern's
// (Status as int; -1 for none, which is occurred), and the tone of what a
// characterization says (> 0 praise, < 0 criticism).
struct StatusReading {
  int status = -1;
  int tone = 0;
};
// pattern_status.cpp: reads t's status from cue phrases before and after
// it, its verb form, what governs it (an appeal, an intent, speech) and an
// earlier trigger it is coordinated with (`earlier`: this sentence's drafts
// so far); its tone from the cues after a characterization.
StatusReading read_status(const Sentence& st, const Trigger& t, std::span<const Draft> earlier);
// pattern_status.cpp: a wanted meeting or cooperation is an intent (036,
// 032, 031, 033, 034); future coercion, and a promise made conditional by
// "unless", is a threat (137, 133, 138, 136, 130).
void recode_by_status(const Sentence& st, const Trigger& t, Fact& f);

// pattern_draft.cpp: the draft of trigger t with slots `slots` and status
// `reading`, or nothing when it names no party it needs. `article_day` is
// the article date (EDTF) or empty.
std::optional<Draft> assemble_draft(const Sentence& st, const Trigger& t, const Slots& slots,
                                    const StatusReading& reading, const std::string& article_day);
// pattern_draft.cpp: one event told twice in one sentence ("held a summit
// ..., their first meeting"; "hosted X for talks"): of the drafts from
// `first` on, one whose parties another contains is dropped, lending it its
// date, place and name.
void merge_repeats(std::vector<Draft>& drafts, std::size_t first);

}  // namespace dipgraph::ingest::pattern
