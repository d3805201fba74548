// The pattern coder's status cues (pattern_detail.hpp, read_status and
// recode_by_status): whether an event happened, is planned, intended,
// negotiated, ongoing or negated, and the tone of a characterization.
//
// Cue phrases of data/cues.tsv up to 8 words before the trigger in its
// clause, or up to 6 after it (not past the next trigger), set the status;
// the strongest wins. A finite past verb reports what happened; an
// infinitive after an appeal, intent or speech is planned; a verb joined by
// "and" to an earlier trigger takes its status. Then intents and threats
// are recoded from the status (docs/pattern-coder.md, "Status and tone").
#include <algorithm>

#include "graph/cameo.hpp"
#include "ingest/code/pattern_detail.hpp"

namespace dipgraph::ingest::pattern {

namespace {

// Cue scan over [b, e) (phrases may run on to `limit`): status (priority:
// negated, negotiating, intended, planned, ongoing; -1 if none) and tone
// (the sum of the tone cues).
void cues(const Sentence& st, std::uint32_t b, std::uint32_t e, int& status, int& tone,
          std::uint32_t limit = 0) {
  const auto& toks = st.toks;
  status = -1;
  tone = 0;
  static const int kPriority[] = {
      0, 2, 3, 4, 1, 5};  // by Status: occurred planned intended negotiating ongoing negated
  if (limit < e) limit = e;
  for (std::uint32_t i = b; i < e; ++i) {
    std::uint32_t got = st.dict.cue_matcher().longest(
        [&](std::size_t k) { return toks[k].id; }, i, limit,
        [&](std::uint32_t, std::uint32_t v) {
          const Cue& c = st.dict.cues()[v];
          if (c.kind == CueKind::tone)
            tone += c.value;
          else if (status < 0 || kPriority[c.value] > kPriority[status])
            status = c.value;
          return true;
        });
    if (got > 1) i += got - 1;
  }
}

// "invited X to visit", "said it wanted ... to hold talks": an infinitive
// after an appeal, intent or speech is not (yet) an event.
bool governed_infinitive(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const std::uint32_t sb = st.sb;
  if (!(t.begin > sb && toks[t.begin - 1].id == st.id.to &&
        !(t.begin >= sb + 2 && (toks[t.begin - 2].cls & kBe))))
    return false;
  return std::any_of(st.triggers.begin(), st.triggers.end(), [&](const Trigger& o) {
    if (o.end > t.begin || st.seg_of(o.begin) != t.segment) return false;
    const EventPattern& op = st.patterns[o.pattern];
    std::string_view r = cameo_root(op.cameo);
    return (op.flags & kSay) || r == "02" || r == "03";
  });
}

// What an appeal asks for is not (yet) an event: "invited X to Dhaka for
// the signing of the agreement", "called for talks".
bool asked_for(const Sentence& st, const Trigger& t) {
  return std::any_of(st.triggers.begin(), st.triggers.end(), [&](const Trigger& o) {
    return o.end <= t.begin && t.begin - o.end <= 10 && st.seg_of(o.begin) == t.segment &&
           cameo_root(st.patterns[o.pattern].cameo) == "02";
  });
}

// Coordinated with an earlier trigger of its clause: its status too
// ("expected to meet X and sign an agreement"); -1 if none.
int coordinated_status(const Sentence& st, const Trigger& t, std::span<const Draft> earlier) {
  const auto& toks = st.toks;
  const Words& id = st.id;
  int status = -1;
  for (const Draft& o : earlier) {  // the drafts of this sentence
    if (o.sentence != st.s || o.position >= t.begin || st.seg_of(o.position) != t.segment) continue;
    if (o.fact.status == Status::occurred) continue;
    // The "and" joins the verbs: only adverbs or "to" between it and
    // this trigger ("meet X and then sign", not "India and Bangladesh ... talks").
    bool joined = false;
    for (std::uint32_t i = t.begin; i-- > o.position;) {
      if (toks[i].id == id.and_ || toks[i].id == id.or_) {
        joined = true;
        break;
      }
      if (!(toks[i].id == id.to || std::find(id.loose_adverbs.begin(), id.loose_adverbs.end(),
                                             toks[i].id) != id.loose_adverbs.end()))
        break;
    }
    if (joined) status = static_cast<int>(o.fact.status);
  }
  return status;
}

}  // namespace

bool finite_past(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const Words& id = st.id;
  const std::uint32_t sb = st.sb;
  std::string_view w = st.tok_text(t.begin);
  bool ed = w.size() > 3 && w.substr(w.size() - 2) == "ed";
  bool irregular = std::find(id.irregular_past.begin(), id.irregular_past.end(),
                             toks[t.begin].id) != id.irregular_past.end();
  if (!ed && !irregular) return false;
  std::uint32_t j = t.begin;
  while (j > sb && j + 3 > t.begin) {
    const Tok& pv = toks[j - 1];
    std::string_view pw = st.tok_text(j - 1);
    bool adverb = std::find(id.loose_adverbs.begin(), id.loose_adverbs.end(), pv.id) !=
                      id.loose_adverbs.end() ||
                  (pw.size() > 4 && pw.substr(pw.size() - 2) == "ly") || (pv.cls & kNegation);
    if (!adverb) break;
    --j;
  }
  if (j == sb) return true;
  const Tok& pv = toks[j - 1];
  if ((pv.cls & (kBe | kAux | kDet)) || pv.id == id.to) return false;
  return true;
}

StatusReading read_status(const Sentence& st, const Trigger& t, std::span<const Draft> earlier) {
  const EventPattern& p = st.patterns[t.pattern];
  int status = -1, tone = 0;
  std::uint32_t g0 = st.seg_begin(t.segment);
  std::uint32_t b = t.begin >= g0 + 8 ? t.begin - 8 : g0;
  int tone_ignored = 0;
  cues(st, b, t.begin, status, tone_ignored);
  // A finite past verb ("rejected", "met", "discussed") reports what
  // happened: only a negation before it ("never signed") changes that;
  // "planned exercises and rejected", "discussed the planned road" do not.
  bool past = finite_past(st, t);
  if (past && status != static_cast<int>(Status::negated)) status = -1;
  if (status < 0 && governed_infinitive(st, t)) status = static_cast<int>(Status::planned);
  if (status < 0 && !past && !(p.flags & kSay) && asked_for(st, t))
    status = static_cast<int>(Status::planned);
  if (status < 0) status = coordinated_status(st, t, earlier);
  // After it ("the pipeline ... will open", "remained under negotiation"),
  // up to the next trigger.
  std::uint32_t ae = std::min(st.seg_end(t.segment), t.end + 6);
  for (const Trigger& o : st.triggers)
    if (o.begin >= t.end && o.begin < ae) ae = o.begin;
  int after_status = -1;
  // What follows a speech verb or a past verb is its content, not its status
  // ("said Belgrade would respond").
  if (!past && !(p.flags & kSay))
    cues(st, t.end, ae, after_status, tone_ignored, std::min(st.seg_end(t.segment), t.end + 8));
  if (status < 0) status = after_status;
  if (p.flags & kCharacterize) {
    int s2 = -1;
    std::uint32_t te = std::min(st.se, t.end + 16);
    cues(st, t.end, te, s2, tone);
  }
  if (status < 0) status = p.status;
  return {status, tone};
}

void recode_by_status(const Sentence& st, const Trigger& t, Fact& f) {
  const auto& toks = st.toks;
  const std::uint32_t se = st.se;
  // Intent: a meeting (or cooperation) one side wants.
  std::string_view root = cameo_root(f.cameo);
  // An offer, promise or pledge is intended by nature (as the parse
  // coder reads it).
  if (root == "03" && f.status == Status::occurred) f.status = Status::intended;
  if (f.status == Status::intended) {
    if (root == "04")
      f.type = "intent", f.cameo = "036";
    else if (root == "05")
      f.type = "intent", f.cameo = "032";
    else if (root == "06")
      f.type = "intent", f.cameo = "031";
    else if (root == "07")
      f.type = "intent", f.cameo = "033";
    else if (root == "08")
      f.type = "intent", f.cameo = "034";
  }
  // Future coercion is a threat ("will extend the curfew", "would tighten
  // the blockade"); so is a promise made conditional by "unless". Not what
  // parties plan to do together ("agreed to hold joint patrols"): a threat
  // is aimed at someone.
  if (!f.participants.empty()) return;
  std::string_view r = cameo_root(f.cameo);
  int rn = r.size() == 2 ? (r[0] - '0') * 10 + (r[1] - '0') : 0;
  bool future = f.status == Status::planned || f.status == Status::intended;
  bool unless = false;
  for (std::uint32_t i = t.end; i < se; ++i) unless |= toks[i].id == st.id.unless;
  for (std::uint32_t i = t.end; i < se; ++i) unless |= toks[i].id == st.id.if_;
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

}  // namespace dipgraph::ingest::pattern
