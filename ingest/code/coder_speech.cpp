// Speakers and what they say (coder.hpp): quotes inside a sentence and
// quotes continued from the sentence before, the content of an appeal,
// "according to X", and reported speech: whose act a complement tells,
// and when a remark about another party is praise or criticism of it.
#include <fmt/core.h>

#include <algorithm>
#include <vector>

#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

// A quote inside the sentence after a clause that is no speech verb's ('X
// defended his decision: "I will ..."', 'X wrote on Twitter, "We ..."'):
// its "I" and "we", and its events without a subject, are those of the
// actor that is the subject of the clause outside the quote.
void Coder::inline_quote_speaker(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  const int n = tr.size();
  std::vector<char> quoted(n, 0);
  bool in = false, any = false;
  int opens = -1;
  for (int i = 0; i < n; ++i) {
    if (tr.lemma(i) == "\"") {
      in = !in;
      if (in && opens < 0) opens = i;
      continue;
    }
    quoted[i] = in;
    any |= in;
  }
  if (!any || opens < 1) return;
  // The subject of the last verb before the quote opens, outside it.
  int speaker = -1;
  for (int v = opens - 1; v >= 0 && speaker < 0; --v) {
    if (quoted[v] || !tr.is_verb(v)) continue;
    int s = tr.child(v, "nsubj");
    if (s >= 0 && !quoted[s] && actor_of_node(c, s, true, false) >= 0) speaker = s;
  }
  if (speaker < 0) return;
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    if (!e.source.empty() || !quoted[e.word]) continue;
    std::string w;
    int subj = subject_of(c, e.word, w);
    bool first_person = subj >= 0 && c.mention(subj) < 0 && is_rel(tr.lemma(subj), {"i", "we"});
    if (subj >= 0 && !first_person) continue;
    actors_at(c, speaker, true, false, e.source);
    if (!e.source.empty()) e.why += "source=quoting clause ";
  }
}

bool Coder::speech_verb(std::string_view lemma) const {
  return frames_.any_frame(lemma, false, [](const Frame& f) { return (f.flags & kFrameSay) != 0; });
}

int Coder::speech_verb_of_quoted(const Ctx& c, int w) const {
  const Tree& tr = c.t;
  // Which words lie inside quotation marks, in one pass.
  thread_local std::vector<char> inside;
  inside.assign(tr.size(), 0);
  for (int k = 0, open = 0; k < tr.size(); ++k) {
    if (tr.lemma(k) == "\"") open ^= 1;
    else inside[k] = static_cast<char>(open);
  }
  auto quoted = [&](int i) { return inside[i] != 0; };
  if (!quoted(w)) return -1;
  for (int v = tr.head(w), step = 0; v >= 0 && step < 12; v = tr.head(v), ++step) {
    if (!tr.is_verb(v) || quoted(v)) continue;
    return speech_verb(tr.lemma(v)) ? v : -1;
  }
  return -1;
}

// A quote that goes on after the sentence naming its speaker ('"...," X
// said. "We will ..."'): its "we" and "I" are the speaker's, as its reader
// takes them, unless the sentence names a speaker of its own.
void Coder::quoted_speaker(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  if (c.in.quote_speaker.empty()) return;
  for (std::size_t k = first; k < out.size(); ++k)
    if ((frames_.frame(out[k].frame).flags & kFrameSay) && !out[k].source.empty()) return;
  for (std::size_t k = first; k < out.size(); ++k) {
    if (!out[k].source.empty()) continue;
    std::string w;
    int subj = subject_of(c, out[k].word, w);
    if (subj < 0 || c.t.upos(subj) != Upos::PRON || c.mention(subj) >= 0) continue;
    if (c.t.lemma(subj) != "we" && c.t.lemma(subj) != "i") continue;
    out[k].source = c.in.quote_speaker;
    out[k].why += "source=speaker of the quote before ";
  }
}

// An appeal or demand for an act between others ("called for talks
// between X and Y", "urged an end to the fighting between X and Y") is
// aimed at the parties of that act, when it names no one else.
void Coder::appeal_content(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    if (!e.target.empty() || e.source.empty() || (e.cameo.compare(0, 2, "02") != 0 && e.cameo.compare(0, 2, "10") != 0))
      continue;
    for (const int* d = tr.kids_begin(e.word); d != tr.kids_end(e.word) && e.target.empty(); ++d) {
      if (!(tr.rel(*d) == "obj" || (tr.base(*d) == "obl" && tr.marker(*d) == "for"))) continue;
      for (std::size_t j = first; j < out.size(); ++j) {
        if (j == k) continue;
        int y = out[j].word;
        int step = 0;
        while (step < 3 && y >= 0 && y != *d) y = tr.head(y), ++step;
        if (y != *d) continue;
        // (an act by one party is asked of that party: "called for the
        // withdrawal of Israeli troops from Lebanon" is aimed at Israel)
        const bool directed = !out[j].sym && !out[j].source.empty();
        for (const auto* side : {&out[j].source, &out[j].target})
          if (!(directed && side == &out[j].target))
            for (std::int32_t x : *side)
              if (std::find(e.source.begin(), e.source.end(), x) == e.source.end()) e.target.push_back(x);
        if (!e.target.empty()) {
          e.why += "target=content's parties ";
          break;
        }
      }
    }
  }
}

// "'...,' according to X", "according to a statement by X": X said it,
// as if with a speech verb (its complement: what the phrase hangs on).
void Coder::according_to(const Ctx& c, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  if (say_frame_ < 0) return;
  for (int w = 0; w < tr.size(); ++w) {
    if (tr.lemma(w) != "accord" || tr.base(w) != "case" || tr.head(w) < 0) continue;
    const int x = tr.head(w);
    CodedEvent e;
    actors_at(c, x, true, false, e.source);
    // "a statement by X", "a report from X's ministry"
    for (const int* d = tr.kids_begin(x); d != tr.kids_end(x) && e.source.empty(); ++d)
      if (tr.base(*d) == "nmod" && is_rel(tr.marker(*d), {"by", "from", "of"}))
        actors_at(c, *d, true, false, e.source);
    if (e.source.empty()) continue;
    e.frame = static_cast<std::uint32_t>(say_frame_);
    e.word = w;
    e.cameo = "010";
    e.type = "statement";
    e.say = true;
    if (c.in.words) e.why = fmt::format("according to: source=({}) ", (*c.in.words)[x]);
    out.push_back(std::move(e));
  }
}

// A remark read as the act it is: its code and type, no longer a statement
// (nor symmetric), aimed at `target` when one is given.
static void recode_remark(CodedEvent& e, const std::vector<std::int32_t>* target, const char* cameo, const char* type,
                          const char* why) {
  if (target) e.target = *target;
  e.cameo = cameo;
  e.type = type;
  e.say = false;
  e.sym = false;
  e.why += why;
}

// Reported speech: a speech verb's complement ("X said Y would ...", or
// "Y will ..., X said") credits the speaker where the complement's event
// has no source of its own or a first-person one; an evaluative quote
// about another party ("Japan is a trusted friend") is praise or criticism.
void Coder::reported_speech(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out,
                            std::vector<int>& vetoed) const {
  const Tree& tr = c.t;
  for (std::size_t k = first; k < out.size(); ++k) {
    const Frame& f = frames_.frame(out[k].frame);
    if (!(f.flags & (kFrameSay | kFrameCharact))) continue;
    int v = out[k].word;
    std::vector<int> comps;
    for (const int* d = tr.kids_begin(v); d != tr.kids_end(v); ++d)
      if (tr.base(*d) == "ccomp" || tr.base(*d) == "parataxis") comps.push_back(*d);
    if (tr.base(v) == "parataxis" && tr.head(v) >= 0) comps.push_back(tr.head(v));
    // "..., according to X": what the phrase hangs on is what X said.
    if (tr.lemma(v) == "accord" && tr.head(v) >= 0 && tr.head(tr.head(v)) >= 0) comps.push_back(tr.head(tr.head(v)));
    const std::vector<std::int32_t> speaker = out[k].source;
    if (speaker.empty()) continue;
    for (int cw : comps) {
      // "said X was harbouring rebels, a charge X denied": a remark its own
      // apposition calls a charge or an accusation is one, aimed at the
      // complement's subject.
      {
        bool charge = false;
        for (int d = tr.left_edge(cw); d <= tr.right_edge(cw) && !charge; ++d)
          charge = tr.base(d) == "appos" && frames_.in_class(charge_class_, tr.lemma(d));
        // (however the parser hung it: ", a charge" right after the complement)
        int after = tr.right_edge(cw) + 1;
        // (the comma may close the complement's phrase or follow it)
        const bool comma = tr.lemma(after - 1) == "," || (after < tr.size() && tr.lemma(after) == ",");
        if (comma) {
          if (tr.lemma(after - 1) != ",") ++after;
          while (after < tr.size() && tr.upos(after) == Upos::DET) ++after;
          charge |= after < tr.size() && tr.upos(after) == Upos::NOUN && frames_.in_class(charge_class_, tr.lemma(after));
        }
        std::vector<std::int32_t> accused;
        if (charge && out[k].cameo == "010") {
          int subj = tr.child(cw, "nsubj");
          if (subj < 0) subj = tr.child(cw, "nsubj:pass");
          actors_at(c, subj, false, false, accused);
        }
        if (!accused.empty()) {
          recode_remark(out[k], &accused, "112", "criticism", "a charge ");
          continue;
        }
      }
      // "said the charge was false", "said the accusations were baseless":
      // a charge called untrue is rejected; it answers the latest
      // accusation aimed at the speaker (root 11, told before).
      if (const int charged = tr.child(cw, "nsubj");
          out[k].cameo == "010" && charged >= 0 && tr.child(cw, "cop") >= 0 &&
          frames_.in_class(untrue_class_, tr.lemma(cw)) && frames_.in_class(charge_class_, tr.lemma(charged)) &&
          tr.child(charged, "nmod:poss") < 0) {
        std::vector<std::int32_t> accusers;
        if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
              return a.root[0] == '1' && a.root[1] == '1' && c.any_among(a.target, speaker);
            }))
          c.add_others(a->source, speaker, accusers);
        if (!accusers.empty()) {
          vetoed.push_back(charged);
          recode_remark(out[k], &accusers, "120", "reject", "a charge called untrue ");
          continue;
        }
      }
      // Events inside the complement ("the new sanctions were illegal": an
      // act that is the subject of a copula's judgement is what is judged,
      // no event that makes the remark a report of it).
      bool any = false;
      const int judged = tr.child(cw, "cop") >= 0 ? tr.child(cw, "nsubj") : -1;
      std::vector<std::size_t> credited;  // those given the speaker as source here
      std::vector<std::size_t> inner;     // the events told in the complement
      for (std::size_t j = first; j < out.size(); ++j) {
        if (j == k) continue;
        int x = out[j].word;
        bool inside = false;
        for (int step = 0; step < 6 && x >= 0; ++step, x = tr.head(x))
          if (x == cw) {
            inside = true;
            break;
          }
        // A noun event as a setting ("said at the meeting that ...") is
        // not what was said.
        // Nor is a noun that only names a kind of another noun ("war
        // maniacs", "aid workers").
        if (!inside || (tr.base(out[j].word) == "obl" && tr.upos(out[j].word) == Upos::NOUN) ||
            (tr.base(out[j].word) == "compound" && frames_.frame(out[j].frame).noun))
          continue;
        // "X's actions are a threat to peace": a noun event as the
        // complement's predicate, with no maker of its own, says what X's
        // acts are; it is the evaluation, no event.
        if (out[j].word == cw && tr.child(cw, "cop") >= 0 && frames_.frame(out[j].frame).noun && out[j].source.empty())
          continue;
        if (out[j].word != judged) any = true;
        inner.push_back(j);
        // "Seoul said Pyongyang had sent troops to Russia": an act in what
        // was said whose own subject names its maker is that maker's; word
        // order (the pattern coder) would credit the speaker.
        if (!out[j].source.empty() && !out[j].target.empty() && !frames_.frame(out[j].frame).noun &&
            tr.child(out[j].word, "nsubj") >= 0) {
          const bool speakers_own = std::any_of(out[j].source.begin(), out[j].source.end(), [&](std::int32_t x) {
            return std::any_of(speaker.begin(), speaker.end(), [&](std::int32_t y) { return c.country_of(x) == c.country_of(y); });
          });
          if (!speakers_own) vetoed.push_back(out[j].word);
        }
        // "X will provide $5 million in aid to Y, Z said": a noun event
        // that is part of an act told with its own maker is that act's,
        // not the speaker's.
        bool part_of_act = false;
        if (frames_.frame(out[j].frame).noun)
          for (int a = tr.head(out[j].word), step = 0; a >= 0 && step < 3 && !part_of_act; a = tr.head(a), ++step)
            for (std::size_t q = first; q < out.size(); ++q)
              if (q != j && q != k && out[q].word == a && !out[q].source.empty()) part_of_act = true;
        if (out[j].source.empty() && !part_of_act) {
          int s = -1;
          std::string w;
          int subj = subject_of(c, out[j].word, w);
          if (subj >= 0 && tr.upos(subj) == Upos::PRON && c.mention(subj) < 0) s = subj;
          // ("X was killed at the airport, police said": a passive act of
          // force or coercion with its maker unsaid is no act of the one
          // who tells it)
          const std::string_view r2 = std::string_view(out[j].cameo).substr(0, 2);
          const bool unsaid_maker = subj < 0 && (tr.passive(out[j].word) || tr.reduced_passive(out[j].word)) &&
                                    (coder_detail::armed_root(out[j].cameo) || r2 == "17");
          if ((subj < 0 || s >= 0) && !unsaid_maker) {
            out[j].source = speaker;
            out[j].why += "source=speaker ";
            credited.push_back(j);
          }
        }
      }
      // "said the crash was X's doing", "the war is Y's fault": blame laid
      // on X is an accusation of X.
      // ("X's doing" read as a gerund with "X's" its subject, the same.)
      // (With a hedge before it, "was 'likely' X's doing", the parser may
      // make the blame a conjunct or a clause of the hedge.)
      std::vector<std::int32_t> blamed;
      const int hedged = tr.child(cw, "cop") >= 0 && tr.upos(cw) == Upos::ADJ ? tr.child(cw, "ccomp") : -1;
      for (int bw : {cw, tr.child(cw, "conj"), hedged}) {
        if (bw < 0 || !blamed.empty()) continue;
        const bool gerund = tr.lemma(bw) == "do" && tr.xpos(bw) == "VBG";
        if (!((tr.child(cw, "cop") >= 0 && is_rel(tr.lemma(bw), {"fault", "doing", "responsibility"})) || gerund))
          continue;
        for (const int* d = tr.kids_begin(bw); d != tr.kids_end(bw); ++d)
          if (tr.rel(*d) == "nmod:poss" || (tr.base(*d) == "nmod" && tr.marker(*d) == "of") ||
              (gerund && tr.base(*d) == "nsubj" && tr.child(*d, "case") >= 0 && tr.lemma(tr.child(*d, "case")) == "'s"))
            actors_at(c, *d, false, false, blamed);
      }
      if (!blamed.empty()) {
        // The act blamed ("the explosion was X's doing") is X's, not the
        // speaker's; the pattern coder, which would make it the speaker's
        // act against X, does not read it either.
        for (std::size_t j : credited) {
          out[j].source = blamed;
          out[j].why += "source=blamed ";
        }
        if (int act = tr.child(cw, "nsubj"); act >= 0) vetoed.push_back(act);
        recode_remark(out[k], &blamed, "112", "criticism", "blame ");
        continue;
      }
      // "X must stop ...", "X must withdraw": what another party must do,
      // said, is a demand on it (whatever act it names); so in a second
      // clause said ("that the raids were unacceptable and that X must stop
      // them").
      {
        std::vector<std::int32_t> asked;
        const int second = tr.child(cw, "conj");
        for (int mw : {cw, second >= 0 && tr.child(second, "nsubj") >= 0 ? second : -1}) {
          if (mw < 0 || !asked.empty() || out[k].cameo.rfind("01", 0) != 0) continue;
          bool must = false;
          for (const int* d = tr.kids_begin(mw); d != tr.kids_end(mw); ++d)
            must |= tr.base(*d) == "aux" && tr.lemma(*d) == "must";
          // (an act whose frame reads the obligation itself, "two envoys
          // must leave": an expulsion, is told, no demand)
          if (!must || std::any_of(out.begin() + first, out.end(), [&](const CodedEvent& e) {
                return e.word == mw && frames_.frame(e.frame).asks(CondKind::must);
              }))
            continue;
          int sj = tr.child(mw, "nsubj");
          if (sj < 0) sj = tr.child(mw, "nsubj:pass");
          actors_at(c, sj, false, false, asked);
        }
        if (!asked.empty()) {
          recode_remark(out[k], &asked, "100", "demand", "demand (must) ");
          continue;
        }
      }
      // A verb that judges its subject's act ("X had violated the treaty")
      // makes the remark an evaluation even with an event inside; so does
      // what its subject tries or seeks to do ("X was trying to sabotage
      // the talks"), or how it acts ("X's demands went too far").
      // (a remark read as an act in another complement stays that act)
      auto judging_tone = [&](int w) {
        int t = tone_of(c, w, true);
        for (const int* d = tr.kids_begin(w); d != tr.kids_end(w) && t == 0; ++d) {
          if (tr.base(*d) == "xcomp" && tr.is_verb(*d)) t = tone_of(c, *d, true);
          if (tr.base(*d) == "advmod") t = tone_of(c, *d);
        }
        return t;
      };
      // "Pakistan's military said Afghan troops had opened fire on its
      // posts": force told as done by another is the speaker's accusation
      // of its maker (the act stands as a fact too). (Not an arrest or a
      // seizure: "officials said X's police detained six fishermen"
      // reports the detention, which the coding rules count alone.)
      // ("... said Sudanese aircraft had dropped bombs near a border town",
      // "... said X's troops crossed the frontier": force or an incursion
      // a state's officials tell with no target named is aimed at that
      // state, and so is the show of force a state tells of: root 15)
      if (out[k].cameo == "010") {
        std::vector<std::int32_t> accused;
        for (std::size_t j : inner) {
          CodedEvent& e = out[j];
          const int r = (e.cameo[0] - '0') * 10 + (e.cameo[1] - '0');
          const bool force = (r >= 18 && r <= 20) || r == 15;
          if (force && e.target.empty() && !e.source.empty() && !e.sym && !c.any_among(e.source, speaker) &&
              std::all_of(speaker.begin(), speaker.end(), [&](std::int32_t x) { return c.country_of(x) >= 0; })) {
            e.target = speaker;
            e.why += "target=the state that tells it ";
          }
          // (a third state's police or press that reports force between
          // two others accuses no one: "X's agents killed a Y diplomat in
          // Z, Z's police said")
          if (force && e.status == Status::occurred && !e.hypothetical && !e.sym &&
              (e.target.empty() || c.any_among(e.target, speaker) ||
               std::none_of(e.target.begin(), e.target.end(), [&](std::int32_t x) { return c.country_of(x) >= 0; })))
            c.add_others(e.source, speaker, accused);
          // ... so is arming or funding an armed group ("told reporters
          // Kampala armed the rebels"), which the coding rules do not count alone
          if (r == 7 && e.status == Status::occurred && !e.hypothetical &&
              std::any_of(e.target.begin(), e.target.end(), [&](std::int32_t x) {
                const Mention& m = c.party(x);
                return m.kind == MentionKind::org && m.entity >= 0 &&
                       dict_.organizations()[m.entity].kind == "armed_group";
              }))
            c.add_others(e.source, speaker, accused);
        }
        if (!accused.empty()) {
          recode_remark(out[k], &accused, "112", "criticism", "a hostile act of another told ");
          continue;
        }
      }
      if (any && (tr.child(cw, "cop") >= 0 || judging_tone(cw) == 0)) {
        if (out[k].cameo == "010") out[k].say = true;
        continue;
      }
      // What the complement is about: the actors of its subject ("Japan
      // is ...", "ties with Russia are ...").
      std::vector<std::int32_t> about;
      int subj = tr.child(cw, "nsubj");
      if (subj < 0) subj = tr.child(cw, "nsubj:pass");
      actors_at(c, subj, false, false, about);
      for (const int* d = subj < 0 ? nullptr : tr.kids_begin(subj); d && d != tr.kids_end(subj); ++d)
        if (tr.base(*d) == "nmod" || tr.rel(*d) == "nmod:poss") actors_at(c, *d, false, false, about);
      // An evaluation: "<X> is a <good|bad> ...": copula with an actor
      // subject; or a verb that judges what its subject did ("X had
      // violated the treaty", "interfered in ...").
      int tone = tr.child(cw, "cop") >= 0 ? tone_of(c, cw) : tone_of(c, cw, true);
      // ... or whose object names a wrong done ("X made another
      // provocation", "was spreading lies"): the object and its adjectives.
      if (const int o = tr.child(cw, "obj"); tone == 0 && tr.child(cw, "cop") < 0 && o >= 0) {
        tone = tone_of(c, o, true);
        for (const int* d = tr.kids_begin(o); d != tr.kids_end(o); ++d)
          if (tr.base(*d) == "amod") tone += tone_of(c, *d, true);
      }
      // ... or the predicate of a verb that links like "be" ("X remains our
      // closest partner", "Y has become a threat")
      if (const int x = tr.child(cw, "xcomp") >= 0 ? tr.child(cw, "xcomp") : tr.child(cw, "obj");
          tone == 0 && x >= 0 && is_rel(tr.lemma(cw), {"remain", "become", "stay"}) &&
          (tr.upos(x) == Upos::NOUN || tr.upos(x) == Upos::ADJ))
        tone = tone_of(c, x);
      if (tone == 0 && tr.child(cw, "cop") < 0) tone = judging_tone(cw);
      // ... or a subject that names another's conduct in words of blame or
      // praise ("X's intransigence leaves us no choice", "the reckless
      // conduct of Y has ..."): the noun and its adjectives.
      if (tone == 0 && tr.child(cw, "cop") < 0 && subj >= 0 && tr.upos(subj) == Upos::NOUN && c.mention(subj) < 0 &&
          !about.empty()) {
        tone = tone_of(c, subj, true);
        for (const int* d = tr.kids_begin(subj); d != tr.kids_end(subj); ++d)
          if (tr.base(*d) == "amod") tone += tone_of(c, *d, true);
      }
      // A judgement denied ("X is not an enemy", "would not harm ties") is
      // no evaluation either way.
      for (const int* d = tr.kids_begin(cw); d != tr.kids_end(cw); ++d)
        if (tr.base(*d) == "advmod" && is_rel(tr.lemma(*d), {"not", "never", "n't"})) tone = 0;
      // The speaker's own stance on another's act or words ("I cannot
      // accept X's lies"): about X, in the tone of the noun.
      if (about.empty() && subj >= 0 && tr.upos(subj) == Upos::PRON && c.mention(subj) < 0 &&
          is_rel(tr.lemma(subj), {"i", "we"})) {
        const int o = tr.child(cw, "obj");
        for (const int* d = o < 0 ? nullptr : tr.kids_begin(o); d && d != tr.kids_end(o); ++d)
          if (tr.rel(*d) == "nmod:poss" || (tr.base(*d) == "nmod" && tr.marker(*d) == "of"))
            actors_at(c, *d, false, false, about);
        if (!about.empty()) tone = tone_of(c, o, true);
      }
      // "This is a provocation", "It was a flagrant violation": a pronoun
      // that stands for what was just told, judged, is about the maker of
      // the latest act told before by another (words of praise only of a
      // friendly act: "This is a good day" after a sanction told as
      // background is the speaker's own day, no praise of the sanction).
      if (about.empty() && tone != 0 && subj >= 0 && tr.upos(subj) == Upos::PRON && c.mention(subj) < 0 &&
          is_rel(tr.lemma(subj), {"this", "that", "it"}) && tr.child(cw, "cop") >= 0 && !out[k].source.empty())
        if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
              return !a.source.empty() && !c.any_among(a.source, out[k].source);
            });
            a && (tone < 0 || a->root[0] == '0'))
          c.add_others(a->source, out[k].source, about);
      // "the move was a provocation", "the visit violated ...": a definite
      // noun with no party of its own that refers back to an act told
      // before by another (a referring noun, or an event noun of the act's
      // type), judged, is about that act's maker, as "this" is.
      if (about.empty() && tone != 0 && subj >= 0 && tr.upos(subj) == Upos::NOUN && c.mention(subj) < 0 &&
          !out[k].source.empty()) {
        bool definite = false;
        std::vector<std::int32_t> own;
        for (const int* d = tr.kids_begin(subj); d != tr.kids_end(subj); ++d) {
          if (tr.base(*d) == "det") definite |= is_rel(tr.lemma(*d), {"the", "this", "that", "these", "those"});
          if (is_rel(tr.base(*d), {"nmod", "amod", "compound"})) actors_at(c, *d, false, true, own);
        }
        auto by_another = [&](const CoderInput::RecentAct& a) {
          return !a.source.empty() && !c.any_among(a.source, out[k].source);
        };
        const CoderInput::RecentAct* a = nullptr;
        if (definite && own.empty()) {
          if (frames_.in_class(referring_class_, tr.lemma(subj))) {
            a = c.latest_act(by_another);
          } else if (const auto* fs = frames_.find(tr.lemma(subj), true)) {
            for (std::uint32_t fi = 0; fi < fs->size() && !a; ++fi)
              for (const CoderInput::RecentAct& x : c.in.last_acts)
                if (x.type == frames_.frame((*fs)[fi]).type && by_another(x)) a = &x;
          }
        }
        if (a && (tone < 0 || a->root[0] == '0')) {
          c.add_others(a->source, out[k].source, about);
          if (!about.empty() && c.in.words) out[k].why += "about=maker of the act its subject refers to ";
        }
      }
      if (!about.empty() && tone != 0) {
        recode_remark(out[k], &about, tone > 0 ? "051" : "111", tone > 0 ? "praise" : "criticism", "evaluation ");
      } else if (!about.empty() && out[k].target.empty() && out[k].cameo == "010") {
        // A comment on another party: a statement about it.
        out[k].target = about;
        out[k].why += "target=about ";
      }
    }
    if ((f.flags & kFrameCharact) && out[k].cameo == f.cameo) {
      // (what the object is called sets the tone, not a clause beside it:
      // 'called it "an insult" meant to please its partners')
      // (the word it is called, when that word has a tone of its own:
      // "unjustified between partners" is blame, whatever its phrase adds)
      const int named = tr.child(v, "xcomp");
      int tone = named >= 0 ? tone_of(c, named, true) : 0;
      if (tone == 0 && named >= 0) tone = tone_of(c, named);
      if (tone == 0) tone = tone_of(c, v);
      if (tone != 0) {
        recode_remark(out[k], nullptr, tone > 0 ? "051" : "111", tone > 0 ? "praise" : "criticism", "");
        // "calling the incident a provocation": an object that names no
        // party leaves whom it is aimed at to the sentence's other party
        // (a definite noun: "the incident", "the expulsion")
        const int o = tr.child(v, "obj");
        bool definite = false;
        for (const int* d = o < 0 ? nullptr : tr.kids_begin(o); d && d != tr.kids_end(o); ++d)
          definite |= tr.base(*d) == "det" && is_rel(tr.lemma(*d), {"the", "this", "that"});
        if (out[k].target.empty() && !out[k].source.empty() && definite && tr.upos(o) == Upos::NOUN) {
          // (nor by word order at one it passed over, coder.cpp)
          if (other_party(c, v, out[k].source, out[k].target, out[k].why, false)) vetoed.push_back(v);
        }
      }
    }
  }
}

// "Latvia told a Russian attache to leave, saying he had sought
// secrets", "seized a trawler, saying it had been fishing illegally": the
// reason a state gives, in a clause of saying hung on its own hostile act
// (reduced relations, expulsion, sanctions, seizure, arrest) or on the
// verb that reports it ("announced a levy on X, saying ..."), blames that
// act's target: an accusation (112), as the coding rules code the charge
// behind a measure apart from the measure.
void Coder::stated_reasons(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    if (!e.say || !e.target.empty() || e.source.empty() || tr.base(e.word) != "advcl" || tr.xpos(e.word) != "VBG")
      continue;
    // (the reason is about the target: its state, its people, or someone
    // told by a personal pronoun, "saying he had spied"; not "saying the
    // decision was final")
    const int cc = tr.child(e.word, "ccomp");
    if (cc < 0) continue;
    int sj = tr.child(cc, "nsubj");
    if (sj < 0) sj = tr.child(cc, "nsubj:pass");
    if (sj < 0) continue;
    std::vector<std::int32_t> about;
    actors_at(c, sj, false, false, about);
    const bool pronoun = tr.upos(sj) == Upos::PRON && is_rel(tr.lemma(sj), {"he", "she", "they"});
    if (about.empty() && !pronoun) continue;
    const int h = tr.head(e.word);
    for (std::size_t j = first; j < out.size(); ++j) {
      const CodedEvent& act = out[j];
      // (the act itself, or the one the verb the reason hangs on reports:
      // "announced that the levy would apply, saying ...")
      int up = act.word;
      for (int step = 0; step < 4 && up >= 0 && up != h; ++step) up = tr.head(up);
      if (j == k || up != h || act.target.empty() || act.status == Status::negated) continue;
      if (act.word != h && !(tr.is_verb(h) && Tree::reports_clause(tr.lemma(h)))) continue;
      if (!(act.cameo.rfind("16", 0) == 0 || act.cameo.rfind("17", 0) == 0)) continue;
      if (!std::all_of(e.source.begin(), e.source.end(), [&](std::int32_t x) { return c.among(x, act.source); }))
        continue;
      if (!std::all_of(about.begin(), about.end(), [&](std::int32_t x) {
            return std::any_of(act.target.begin(), act.target.end(),
                               [&](std::int32_t y) { return c.country_of(x) == c.country_of(y); });
          }))
        continue;
      recode_remark(e, &act.target, "112", "criticism", "the reason given for a hostile act: accusation ");
      break;
    }
  }
}

}  // namespace dipgraph::ingest
