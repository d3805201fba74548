// The pattern coder (pattern_coder.hpp): events from word order.
//
// Per sentence: cut it into segments (clauses: ';', ':', long quotes,
// parentheses, "that", "which", "who", "when", "while", "because", "if" ...)
// and attribution zones ("According to X,", ", X said."); match triggers;
// for each trigger find its actor groups by the roles its pattern names;
// then status, date, place, topics, name and quote; then fold per article.
// This file is the table of contents; the steps are declared in
// pattern_detail.hpp and live in pattern_sentence.cpp (clauses, shared
// predicates), pattern_triggers.cpp, pattern_places.cpp (mentions, dates,
// places), pattern_roles.cpp (actor slots), pattern_status.cpp (cues) and
// pattern_draft.cpp (assembly).
#include "ingest/code/pattern_coder.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <span>

#include "ingest/code/pattern_detail.hpp"
#include "ingest/recognize/dates.hpp"

namespace dipgraph::ingest {

namespace {

// The sentence may hold a trigger: a word some pattern begins with (one
// array load per word; most sentences of an article tell no event).
bool may_trigger(const Dictionary& dict, const Analysis& a, const SentenceSpan& span) {
  for (std::uint32_t i = span.begin; i < span.end; ++i)
    if (dict.trigger_matcher().can_start(a.toks[i].id)) return true;
  return false;
}

// DIPGRAPH_TRACE: the trigger, its pattern line and the slots found.
void trace_slots(const pattern::Sentence& st, const pattern::Trigger& t,
                 const pattern::Slots& slots) {
  const EventPattern& p = st.patterns[t.pattern];
  auto names = [&](const std::vector<std::int32_t>& g) {
    std::string out;
    for (std::int32_t mi : g) {
      const Mention& m = st.a.mentions[mi < 0 ? -mi - 1 : mi];
      out += "[" + st.span_text(m.begin, m.end) + "]";
    }
    return out;
  };
  std::fprintf(stderr, "trace: s%u \"%s\" <- %s:%zu \"%s\" source=%s target=%s\n",
               st.a.sentences[st.s].index, st.span_text(t.begin, t.end).c_str(), "events.tsv",
               p.line, p.text.c_str(), names(slots.source).c_str(), names(slots.target).c_str());
}

}  // namespace

PatternCoder::PatternCoder(std::shared_ptr<const Dictionary> dict) : dict_(std::move(dict)) {
  auto ids = std::make_shared<pattern::Words>();
  auto w = [&](const char* s) { return dict_->word(s); };
  ids->the = w("the"), ids->a = w("a"), ids->an = w("an"), ids->by = w("by");
  ids->during = w("during"), ids->at = w("at"), ids->in = w("in"), ids->near = w("near");
  ids->outside = w("outside"), ids->and_ = w("and"), ids->or_ = w("or"), ids->as = w("as");
  ids->well = w("well"), ids->also = w("also"), ids->according = w("according");
  ids->to = w("to"), ids->of = w("of"), ids->with = w("with"), ids->between = w("between");
  ids->among = w("among"), ids->said = w("said"), ids->since = w("since"), ids->into = w("into");
  ids->throughout = w("throughout"), ids->across = w("across");
  for (const char* s :
       {"that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although",
        "though", "if", "unless", "until", "whereas", "whether", "despite"})
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
  for (const char* g :
       {"members", "member", "inhabitants", "residents", "citizens", "people", "supporters",
        "nationals", "groups", "group", "leaders", "officials", "government", "army", "forces",
        "troops", "military", "regime", "administration"})
    if (TokenId t = w(g)) ids->group_nouns.push_back(t);
  for (const char* g :
       {"met",    "held",   "spoke", "told",  "sent", "gave",  "took",     "made", "paid",
        "struck", "fought", "broke", "began", "sold", "froze", "withdrew", "blew", "forgave",
        "shot",   "threw",  "drew",  "won",   "led",  "hit",   "cut",      "quit", "set"})
    if (TokenId t = w(g)) ids->irregular_past.push_back(t);
  for (const char* g : {"again", "also", "once", "then", "later", "further", "subsequently",
                        "finally", "repeatedly", "already", "swiftly", "quickly", "immediately",
                        "publicly", "formally", "officially", "strongly", "sharply", "flatly"})
    if (TokenId t = w(g)) ids->loose_adverbs.push_back(t);
  words_ = ids;
  const char* trace = std::getenv("DIPGRAPH_TRACE");
  trace_ = trace && *trace && *trace != '0';
}

void PatternCoder::code(const Document& doc, const Analysis& a, std::vector<Draft>& drafts,
                        std::size_t max_facts) const {
  using namespace pattern;  // the steps (pattern_detail.hpp)
  const std::string article_day =
      a.article_date ? edtf(a.article_date->y, a.article_date->m, a.article_date->d)
                     : std::string();
  pattern::Sentence st(*dict_, *words_, doc,
                       a);      // its vectors are reused from sentence to sentence
  std::size_t date_cursor = 0;  // a.dates are sorted by position

  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    if (!may_trigger(*dict_, a, a.sentences[s])) continue;
    st.start(s);
    cut_clauses(st);
    find_attribution(st);
    match_triggers(st);
    collect_mentions(st);
    collect_dates_and_places(st, date_cursor);

    std::size_t first_draft = drafts.size();
    for (const Trigger& t : st.triggers) {
      std::optional<Slots> slots = find_slots(st, t);
      if (!slots) continue;
      if (trace_) trace_slots(st, t, *slots);
      StatusReading reading =
          read_status(st, t, std::span<const Draft>(drafts).subspan(first_draft));
      if (std::optional<Draft> d = assemble_draft(st, t, *slots, reading, article_day))
        drafts.push_back(std::move(*d));
    }
    merge_repeats(drafts, first_draft);
    // A statement only when nothing else was found in its sentence.
    bool other = false;
    for (std::size_t k = first_draft; k < drafts.size(); ++k) other |= !drafts[k].say;
    if (other)
      drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(first_draft),
                                  drafts.end(), [](const Draft& d) { return d.say; }),
                   drafts.end());
    if (drafts.size() > max_facts * 2) break;
  }
}

}  // namespace dipgraph::ingest
