// Coding events from the parse tree (coder.hpp).
#include "ingest/code/coder.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace dipgraph::ingest {

using syntax::Upos;

// ---------------------------------------------------------------- status cues

StatusCues StatusCues::load(const std::string& path, Diagnostics& diag) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot open the status cues", path));
  StatusCues s;
  std::string name = path.substr(path.find_last_of('/') + 1);
  std::string line;
  std::size_t n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) {
      diag.error(Place{name, n}, "expected 3 tab-separated columns: lemma where value");
      continue;
    }
    std::string lemma = line.substr(0, t1), where = line.substr(t1 + 1, t2 - t1 - 1),
                value = line.substr(t2 + 1);
    if (!header) {
      header = true;
      if (lemma == "lemma") continue;
    }
    int w = where == "mod" ? 0 : where == "gov" ? 1 : where == "mark" ? 2 : where == "clause" ? 3 : -1;
    int v = value == "hypothetical" ? kHypothetical : -1;
    if (v < 0) {
      auto st = parse_status(value);
      if (st) v = static_cast<int>(*st);
    }
    if (w < 0 || v < 0) {
      diag.error(Place{name, n}, fmt::format("unknown place '{}' or value '{}'", where, value));
      continue;
    }
    s.cues_[w][lemma] = v;
  }
  return s;
}

int StatusCues::find(CueWhere where, const std::string& lemma) const {
  const auto& m = cues_[static_cast<int>(where)];
  auto it = m.find(lemma);
  return it == m.end() ? -1 : it->second;
}

namespace {

// Strength of a status value when several cues hold.
int strength(int v) {
  if (v == kHypothetical) return 10;
  switch (static_cast<Status>(v)) {
    case Status::negated: return 9;
    case Status::negotiating: return 8;
    case Status::intended: return 7;
    case Status::planned: return 6;
    case Status::ongoing: return 5;
    case Status::occurred: return 1;
  }
  return 0;
}

// Acts aimed at someone by their nature: an appeal, praise, a demand,
// criticism, a rejection, a threat, a show of force, a sanction, coercion. Their target may
// go unsaid where the sentence names it elsewhere.
bool aimed(std::string_view cameo) {
  std::string_view r = cameo.substr(0, 2);
  return r == "02" || cameo == "051" || r == "10" || r == "11" || r == "12" || r == "13" || r == "15" ||
         r == "16" || r == "17";
}

bool is_rel(std::string_view r, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), r) != set.end();
}

}  // namespace

// ---------------------------------------------------------------- coder

struct Coder::Ctx {
  const CoderInput& in;
  const Tree& t;
  const Analysis& rec;
  int home_mention = -1;  // a mention of the article's home country, -1 if none
  mutable bool private_party = false;  // a slot named a private person (set by slot())
  int mention(int w) const {
    if (w < 0 || static_cast<std::size_t>(w) >= in.tok_of_word.size()) return -1;
    // "Ethiopian-born" tells a birthplace, not whom one acts for.
    int mi = rec.mention_at[in.tok_of_word[w]];
    if (mi < 0) return mi;
    auto born = [&](int x) {
      const std::string& l = t.lemma(x);
      return l == "bear" || l == "born" || (l.size() > 5 && l.compare(l.size() - 5, 5, "-born") == 0);
    };
    // the word after the mention's last word: "-born", "born", or "-" "born"
    int x = w;
    while (x + 1 < t.size() && rec.mention_at[in.tok_of_word[x + 1]] == mi) ++x;
    if (x + 1 < t.size() && (born(x + 1) || (t.lemma(x + 1) == "-" && x + 2 < t.size() && born(x + 2))))
      return -1;
    return mi;
  }
};

Coder::Coder(const Dictionary& dict, const FrameTable& frames, const StatusCues& cues,
             std::vector<std::string> agent_nouns)
    : dict_(dict), frames_(frames), cues_(cues), agent_nouns_(std::move(agent_nouns)) {
  domestic_class_ = frames_.class_index("domestic");
  private_class_ = frames_.class_index("private");
  std::sort(agent_nouns_.begin(), agent_nouns_.end());
}

// The actor mention standing for node n, or -1. A node inside an actor
// mention is that actor; a noun naming people or a body ("officials",
// "government", "forces") stands for the actor of its national modifier,
// possessive, compound or "of"/"from" phrase ("Japanese officials", "the
// government of Japan"). For other nouns ("Japanese goods") the modifier
// counts only outside the source slot: goods receive, they do not act.
int Coder::actor_of_node(const Ctx& c, int n, bool source, bool places) const {
  auto usable = [&](int mi) {
    if (mi < 0) return false;
    const Mention& m = c.rec.mentions[mi];
    if (is_actor(m)) return true;
    return places && m.kind == MentionKind::city;
  };
  int mi = c.mention(n);
  if (usable(mi)) return mi;
  // A place is no actor; a title stands for whom its modifiers name ("a UN
  // official", "the envoy of Japan").
  bool title = mi >= 0 && c.rec.mentions[mi].kind == MentionKind::title;
  if (mi >= 0 && !title) return -1;
  // "which", "who", "that" of a relative clause stand for its noun.
  if (c.t.upos(n) == Upos::PRON && c.t.head(n) >= 0 && c.t.rel(c.t.head(n)) == "acl:relcl" &&
      c.t.head(c.t.head(n)) >= 0) {
    const std::string& l = c.t.lemma(n);
    if (l == "which" || l == "who" || l == "whom" || l == "that")
      return actor_of_node(c, c.t.head(c.t.head(n)), source, places);
  }
  if (!c.t.is_nominal(n)) return -1;
  bool agent = title || std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(n)) ||
               armed_act(c.t.lemma(n));
  if (source && !agent) return -1;
  // A named possessive is the owner; beside it a national adjective says
  // something else ("CNN's Spanish service": its language). Not so "her
  // Bolivian counterpart".
  int owner = c.t.child(n, "nmod:poss");
  bool owned = owner >= 0 && c.t.upos(owner) != Upos::PRON;
  for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
    std::string_view r = c.t.rel(*k), b = c.t.base(*k);
    bool mod = r == "nmod:poss" || ((b == "amod" || b == "compound") && !owned) || b == "appos" || b == "flat";
    if (b == "nmod" && r != "nmod:poss") {
      std::string_view p = c.t.marker(*k);
      mod = p == "of" || p == "from";
      if (mod && !agent) mod = false;  // "the price of oil": no actor
    }
    if (!mod) continue;
    int mk = c.mention(*k);
    if (mk >= 0 && is_actor(c.rec.mentions[mk])) return mk;
    // "the Iraqi parliament's decision": the body's own modifier names it.
    if (mk < 0 && r == "nmod:poss" && std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(*k))) {
      int inner = actor_of_node(c, *k, source, places);
      if (inner >= 0) return inner;
    }
  }
  // "the government", "the police", "the authorities" without a country of
  // their own act for the country the article is about.
  if (frames_.in_class(domestic_class_, c.t.lemma(n)) && c.home_mention >= 0) {
    bool definite = false;
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k)
      definite |= c.t.base(*k) == "det" && c.t.lemma(*k) == "the";
    if (definite) return -c.home_mention - 1;
  }
  return -1;
}

// A directed event whose frame slots name no target ("Malawi filed a complaint
// on Monday", "denounced the operation"): the one other country the
// sentence names as an actor is its target, as a careful reader takes it.
// Nothing when the sentence names none or several.
void Coder::other_party(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                        std::vector<std::int32_t>& target, std::string& why) const {
  // A party's key: its country, else what it names (kind and entity).
  auto key = [&](std::int32_t x) {
    const Mention& m = c.rec.mentions[x < 0 ? -x - 1 : x];
    if (m.country >= 0) return std::pair<int, std::int32_t>{-1, m.country};
    return std::pair<int, std::int32_t>{static_cast<int>(m.kind), m.entity};
  };
  std::int32_t found = -1;
  bool place = false;  // a party's country also named as a place: no guess
  for (std::uint32_t i = c.in.first_tok; i < c.in.end_tok; ++i) {
    int mi = c.rec.mention_at[i];
    if (mi < 0 || (i > c.in.first_tok && c.rec.mention_at[i - 1] == mi)) continue;
    if (!is_actor(c.rec.mentions[mi])) continue;
    bool own = std::any_of(source.begin(), source.end(), [&](std::int32_t s) { return s == mi || key(s) == key(mi); });
    if (own) continue;
    // What a clause under the trigger says ("denied that the UK was
    // complicit") is content, not whom the act is aimed at.
    if (in_clause_of(c, c.in.word_of_tok[i - c.in.first_tok], t)) continue;
    if (found >= 0 && key(found) != key(mi)) return;  // several: no guess
    // A place ("the arrests in Caracas") is where, not whom.
    std::uint32_t last = std::min(c.rec.mentions[mi].end, c.in.end_tok) - 1;
    int w = c.in.word_of_tok[last - c.in.first_tok];
    if (w >= 0 && is_rel(c.t.marker(w), {"in", "at", "near", "inside", "within", "across", "throughout"})) {
      place = true;
      continue;
    }
    if (found < 0) found = mi;
  }
  if (place || found < 0) return;
  target.push_back(found);
  why += "target=sentence ";
}

// An arrest, detention or deportation told without who did it ("was
// arrested in Pakistan", "security forces detained ..."): the authorities
// of the country where it happened, named by "in <place>" under the
// trigger, else of the country the article is about.
void Coder::authority_of_place(const Ctx& c, int t, std::vector<std::int32_t>& source, std::string& why) const {
  const Tree& tr = c.t;
  for (const int* k = tr.kids_begin(t); k != tr.kids_end(t); ++k) {
    if (tr.base(*k) != "obl" || tr.marker(*k) != "in") continue;
    int mi = c.mention(*k);
    if (mi < 0) continue;
    const Mention& m = c.rec.mentions[mi];
    bool place = m.kind == MentionKind::country || m.kind == MentionKind::capital || m.kind == MentionKind::city;
    if (place && m.country >= 0) {
      source.push_back(-mi - 1);
      why += "source=place ";
      return;
    }
  }
  // Without a place: a subject that is a domestic body without a country
  // ("security forces", "police") or no subject at all.
  std::string w;
  int subj = subject_of(c, t, w);
  bool body = subj >= 0 && frames_.in_class(domestic_class_, tr.lemma(subj));
  if (subj >= 0 && !tr.passive(t)) {
    body |= tr.lemma(subj) == "force";
    if (!body) return;
  }
  if (c.home_mention >= 0 && (subj < 0 || body || tr.passive(t))) {
    source.push_back(-c.home_mention - 1);
    why += "source=home ";
  }
}

// A description ("the country") names no party of its own clause: "the US
// promised aid to the country" is aid to the country read before the US.
void Coder::rebind_descriptions(const Ctx& c, const std::vector<std::int32_t>& source,
                                std::vector<std::int32_t>& target) const {
  auto country = [&](std::int32_t x) { return c.rec.mentions[x < 0 ? -x - 1 : x].country; };
  for (std::int32_t& x : target) {
    if (x < 0) continue;
    const Mention& m = c.rec.mentions[x];
    if (!m.anaphor || m.alt_country < 0 || m.kind != MentionKind::country) continue;
    if (std::none_of(source.begin(), source.end(), [&](std::int32_t s) { return country(s) == m.country; })) continue;
    for (std::size_t k = 0; k < c.rec.mentions.size(); ++k) {
      const Mention& o = c.rec.mentions[k];
      if (o.country == m.alt_country && is_actor(o) && o.kind != MentionKind::person) {
        x = static_cast<std::int32_t>(k);
        break;
      }
    }
  }
}

// True if word w lies in a clausal complement of trigger t.
bool Coder::in_clause_of(const Ctx& c, int w, int t) const {
  for (int step = 0; step < 12 && w >= 0; ++step) {
    int h = c.t.head(w);
    if (h == t) return c.t.base(w) == "ccomp";
    w = h;
  }
  return false;
}

// True if word w lies in a date expression ("on Wednesday" is no "call on").
bool Coder::is_date(const Ctx& c, int w) const {
  if (w < 0 || static_cast<std::size_t>(w) >= c.in.tok_of_word.size()) return false;
  std::uint32_t t = c.in.tok_of_word[w];
  return std::any_of(c.rec.dates.begin(), c.rec.dates.end(),
                     [&](const DateMention& d) { return t >= d.begin && t < d.end; });
}

// True if noun `lemma` names an armed act ("airstrike", "raid"): its national
// modifier is who struck ("a US airstrike killed ...").
bool Coder::armed_act(const std::string& lemma) const {
  const auto* fs = frames_.find(lemma, true);
  if (!fs) return false;
  for (std::uint32_t fi : *fs) {
    std::string_view r = std::string_view(frames_.frame(fi).cameo).substr(0, 2);
    if (r == "18" || r == "19") return true;
  }
  return false;
}

// Actors of node n and of the nodes coordinated with it ("Japan and China").
void Coder::actors_at(const Ctx& c, int n, bool source, bool places, std::vector<std::int32_t>& out) const {
  if (n < 0) return;
  auto add = [&](int mi) {
    if (mi >= 0 && std::find(out.begin(), out.end(), mi) == out.end()) out.push_back(mi);
  };
  add(actor_of_node(c, n, source, places));
  for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k)
    if (c.t.base(*k) == "conj") add(actor_of_node(c, *k, source, places));
  // "the Peruvian and Chilean sides", "North and South Korea": each
  // coordinated modifier of a noun naming people or bodies, or of a name.
  if (!c.t.is_nominal(n)) return;
  int own = c.mention(n);
  bool name = own >= 0 && is_actor(c.rec.mentions[own]);
  if (!name && !std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(n))) return;
  auto add_actor = [&](int w) {
    int mi = c.mention(w);
    if (mi >= 0 && is_actor(c.rec.mentions[mi])) add(mi);
  };
  for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
    std::string_view b = c.t.base(*k);
    if (b != "amod" && b != "compound" && c.t.rel(*k) != "nmod:poss") continue;
    bool coordinated = false;
    for (const int* j = c.t.kids_begin(*k); j != c.t.kids_end(*k); ++j)
      if (c.t.base(*j) == "conj") coordinated = true, add_actor(*j);
    if (coordinated && name) add_actor(*k);
  }
}

// The subject of verb v: its nsubj; of a passive, the "by" agent; left out
// by control, coordination or a participle: recovered from the tree.
// Returns a node or -1.
int Coder::subject_of(const Ctx& c, int v, std::string& why, int depth) const {
  const Tree& t = c.t;
  if (v < 0 || depth > 4) return -1;
  if (t.passive(v)) {
    for (const int* k = t.kids_begin(v); k != t.kids_end(v); ++k)
      if (t.base(*k) == "obl" && t.marker(*k) == "by") {
        why += "agent ";
        return *k;
      }
    if (t.rel(v) == "acl" || t.rel(v) == "acl:relcl") return -1;
  }
  int s = t.child(v, "nsubj");
  if (s < 0 && !t.passive(v)) s = t.child(v, "nsubj:pass");
  if (s >= 0 && !t.passive(v)) {
    // "which met", "who visited": the relative pronoun stands for the noun.
    if (t.upos(s) == Upos::PRON && t.rel(v) == "acl:relcl" && c.mention(s) < 0) {
      why += "relcl ";
      return t.head(v);
    }
    why += "nsubj ";
    return s;
  }
  if (s >= 0) return -1;  // a passive without agent
  std::string_view r = t.rel(v);
  int h = t.head(v);
  if (h < 0) return -1;
  if (r == "xcomp") {
    // Object control ("urged Iran to talk"), else subject control.
    int o = t.child(h, "obj");
    if (o < 0) o = t.child(h, "iobj");
    if (o >= 0 && actor_of_node(c, o, true, false) >= 0) {
      why += "control(obj) ";
      return o;
    }
    why += "control ";
    return subject_of(c, h, why, depth + 1);
  }
  if (r == "conj" || r == "advcl" || r == "acl") {
    if (r == "acl" && t.is_nominal(h)) {
      why += "acl ";
      return h;  // "leaders gathering in Rome"
    }
    why += std::string(r) + " ";
    return subject_of(c, h, why, depth + 1);
  }
  return -1;
}

// True if verb v is a trigger of another root than noun frame f: the noun
// event is the content of v's event, not done by v's subject.
bool Coder::content_verb(const Ctx& c, int v, const Frame& f) const {
  if (c.t.upos(v) != Upos::VERB) return false;
  const auto* fs = frames_.find(c.t.lemma(v), false);
  if (!fs) return false;
  for (std::uint32_t fi : *fs) {
    const Frame& g = frames_.frame(fi);
    if (g.cameo.substr(0, 2) != f.cameo.substr(0, 2) && frame_holds(c, v, g)) return true;
  }
  return false;
}

bool Coder::frame_holds(const Ctx& c, int t, const Frame& f) const {
  const Tree& tr = c.t;
  auto obj_of = [&]() {
    int o = tr.child(t, "obj");
    if (o < 0 && tr.passive(t)) o = tr.child(t, "nsubj:pass");
    return o;
  };
  for (const Cond& k : f.when) {
    bool ok = false;
    switch (k.kind) {
      case CondKind::prep:
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !ok; ++d) {
          std::string_view b = tr.base(*d);
          if (b == "compound" && tr.rel(*d) == "compound:prt") ok = tr.lemma(*d) == k.word;
          else if (b == "obl" || b == "nmod" || b == "advmod" || b == "xcomp")
            ok = (tr.marker(*d) == k.word && !is_date(c, *d)) || (b == "advmod" && tr.lemma(*d) == k.word);
        }
        break;
      case CondKind::obj_class: {
        int o = f.noun ? t : obj_of();
        ok = o >= 0 && frames_.in_class(k.word_class, tr.lemma(o));
        break;
      }
      case CondKind::mod_class: {
        int o = f.noun ? t : obj_of();
        if (o >= 0) {
          ok = frames_.in_class(k.word_class, tr.lemma(o));
          for (const int* d = tr.kids_begin(o); d != tr.kids_end(o) && !ok; ++d)
            ok = frames_.in_class(k.word_class, tr.lemma(*d)) ||
                 (tr.base(*d) == "nmod" && frames_.in_class(k.word_class, tr.lemma(*d)));
        }
        break;
      }
      case CondKind::xcomp:
        ok = tr.child(t, "xcomp") >= 0;
        break;
      case CondKind::subj_class: {
        // the subject (recovered through control or coordination) is a word of CLASS
        std::string ignored;
        int sj = f.noun ? -1 : subject_of(c, t, ignored);
        ok = sj >= 0 && frames_.in_class(k.word_class, tr.lemma(sj));
        break;
      }
      case CondKind::prep_class:
        // on the trigger or on its object ("sent troops to the border")
        for (int n : {t, f.noun ? -1 : obj_of()}) {
          if (n < 0) continue;
          for (const int* d = tr.kids_begin(n); d != tr.kids_end(n) && !ok; ++d) {
            std::string_view b = tr.base(*d);
            ok = (b == "obl" || b == "nmod") && tr.marker(*d) == k.word &&
                 frames_.in_class(k.word_class, tr.lemma(*d));
          }
        }
        break;
    }
    if (!ok) return false;
  }
  return true;
}

void Coder::slot(const Ctx& c, int t, const Frame& f, const Slot& s, bool source,
                 std::vector<std::int32_t>& out, std::string& why) const {
  const Tree& tr = c.t;
  // A noun event borrows the clause of the verb it is the object (or the
  // passive subject, or an oblique) of: "X imposed sanctions on Y".
  int gov = -1;
  if (f.noun && tr.head(t) >= 0 &&
      is_rel(tr.rel(t), {"obj", "nsubj:pass", "obl", "xcomp", "iobj"}))
    gov = tr.head(t);
  // ... unless that verb is an event of its own ("criticized the arrests":
  // the critic made no arrest): then the noun is its content.
  // A setting is no content: "in a conversation with X, Y said ...", "during
  // his visit, he criticized ...": the subject took part in it.
  bool setting = tr.base(t) == "obl" && is_rel(tr.marker(t), {"in", "during", "at", "after", "before", "on", "following", "amid"});
  if (gov >= 0 && !setting && content_verb(c, gov, f)) gov = -1;
  auto prep_children = [&](int n, std::string_view p, std::vector<int>& nodes) {
    if (n < 0) return;
    for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d) {
      std::string_view b = tr.base(*d);
      if ((b == "obl" || b == "nmod") && tr.marker(*d) == p) nodes.push_back(*d);
      // A phrase the parser hung on a date ("last July to X") belongs to
      // the date's head: dates take no such dependents.
      if (b == "obl" && is_date(c, *d))
        for (const int* e = tr.kids_begin(*d); e != tr.kids_end(*d); ++e)
          if (tr.base(*e) == "nmod" && tr.marker(*e) == p) nodes.push_back(*e);
    }
  };
  // "the call placed by X to Y", "the treaty signed by X": a noun event's
  // past participle lends its "by" agent and its prepositions.
  int part = -1;
  if (f.noun)
    for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && part < 0; ++d)
      if (tr.rel(*d) == "acl" && tr.is_verb(*d) && tr.xpos(*d) == "VBN") part = *d;
  bool places = f.type == "visit" && !source;
  std::vector<int> nodes;
  switch (s.kind) {
    case SlotKind::subj: {
      std::string w;
      int n = f.noun ? -1 : subject_of(c, t, w);
      if (f.noun) {
        if (gov >= 0 && tr.rel(t) != "nsubj:pass") n = subject_of(c, gov, w);
        else if (tr.base(t) == "nsubj") n = -1;
        // A predicate noun: "Armenia, which is in a conflict with Azerbaijan".
        else if (tr.child(t, "nsubj") >= 0 && tr.child(t, "cop") >= 0) n = subject_of(c, t, w);
        if (n < 0 && part >= 0)
          for (const int* d = tr.kids_begin(part); d != tr.kids_end(part) && n < 0; ++d)
            if (tr.base(*d) == "obl" && tr.marker(*d) == "by") n = *d, w += "participle-agent ";
      }
      if (n >= 0) {
        why += (source ? "source=" : "target=") + w;
        nodes.push_back(n);
      }
      break;
    }
    case SlotKind::obj:
      if (!f.noun) {
        int o = tr.passive(t) ? tr.child(t, "nsubj:pass") : tr.child(t, "obj");
        if (o < 0 && tr.passive(t) && (tr.rel(t) == "acl" ) && tr.is_nominal(tr.head(t))) o = tr.head(t);
        if (o >= 0) {
          nodes.push_back(o);
          why += source ? "source=obj " : "target=obj ";
        }
      }
      break;
    case SlotKind::iobj: {
      int o = tr.child(t, "iobj");
      if (o >= 0) nodes.push_back(o), why += "target=iobj ";
      break;
    }
    case SlotKind::poss:
      if (f.noun) {
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
          std::string_view r = tr.rel(*d), b = tr.base(*d);
          if (r == "nmod:poss" || b == "amod" || b == "compound") {
            int mi = c.mention(*d);
            if (mi >= 0 && is_actor(c.rec.mentions[mi])) nodes.push_back(*d);
          }
        }
        if (!nodes.empty()) why += source ? "source=poss " : "target=poss ";
      }
      break;
    case SlotKind::between:
      prep_children(t, "between", nodes);
      prep_children(t, "among", nodes);
      if (nodes.empty()) prep_children(gov, "between", nodes);
      if (!nodes.empty()) why += "parties=between ";
      break;
    case SlotKind::prep:
      prep_children(t, s.word, nodes);
      if (nodes.empty()) prep_children(gov, s.word, nodes);
      if (nodes.empty()) prep_children(part, s.word, nodes);
      // "sent X greetings" is "sent greetings to X": the governing verb's
      // indirect object.
      if (nodes.empty() && f.noun && s.word == "to" && gov >= 0 && tr.rel(t) == "obj") {
        int io = tr.child(gov, "iobj");
        if (io >= 0) nodes.push_back(io);
      }
      // "accused Japan of ...": a verb's preposition may hang on its object.
      if (nodes.empty() && !f.noun) {
        int o = tr.child(t, "obj");
        prep_children(o, s.word, nodes);
      }
      if (!nodes.empty()) why += fmt::format("{}=p:{} ", source ? "source" : "target", s.word);
      break;
  }
  // Private people ("told Japanese reporters", "met a Chilean businessman")
  // stand for their country only in what is done to people, and in their
  // own protests against another state.
  const std::string_view root = std::string_view(f.cameo).substr(0, 2);
  const bool done_to_people = root == "07" || root == "08" || root == "14" || root == "16" || root == "17" ||
                              root == "18" || root == "19" || root == "20";
  for (int n : nodes) {
    if (!done_to_people && frames_.in_class(private_class_, tr.lemma(n))) {
      if (c.in.words) why += fmt::format("({}: a private person) ", (*c.in.words)[n]);
      c.private_party = true;
      continue;
    }
    actors_at(c, n, source, places, out);
    if (c.in.words) why += fmt::format("({}{}) ", (*c.in.words)[n], out.empty() ? ": no actor" : "");
  }
}

int Coder::status_of(const Ctx& c, int t) const {
  const Tree& tr = c.t;
  int best = static_cast<int>(Status::occurred);
  auto take = [&](int v) {
    if (v >= 0 && strength(v) > strength(best)) best = v;
  };
  // "the trip, which was cancelled", "talks that were postponed": a noun
  // event's relative clause tells what became of it.
  if (tr.is_nominal(t))
    for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
      if (tr.rel(*d) == "acl:relcl" && tr.is_verb(*d)) take(cues_.find(CueWhere::gov, tr.lemma(*d)));
      // ... or hangs on the noun's last word ("the trip to Egypt, which was cancelled")
      if (tr.base(*d) == "nmod" && *d > t)
        for (const int* r = tr.kids_begin(*d); r != tr.kids_end(*d); ++r)
          if (tr.rel(*r) == "acl:relcl" && tr.is_verb(*r)) take(cues_.find(CueWhere::gov, tr.lemma(*r)));
    }
  int x = t;
  for (int step = 0; step < 5 && x >= 0; ++step) {
    for (const int* d = tr.kids_begin(x); d != tr.kids_end(x); ++d) {
      std::string_view b = tr.base(*d);
      if (b == "advmod" || b == "aux" || b == "det" || b == "amod" || b == "neg")
        take(cues_.find(CueWhere::mod, tr.lemma(*d)));
      else if (b == "mark")
        take(cues_.find(CueWhere::mark, tr.lemma(*d)));
      // a participle before a noun event: "the planned trip", "the cancelled talks"
      if (b == "amod" && tr.is_verb(*d)) take(cues_.find(CueWhere::gov, tr.lemma(*d)));
    }
    std::string_view r = tr.rel(x);
    int h = tr.head(x);
    if (h < 0) break;
    if (r == "xcomp" || r == "obj" || r == "nsubj:pass") {
      take(cues_.find(CueWhere::gov, tr.lemma(h)));
      x = h;
      continue;
    }
    // "denied that it had attacked": the verb whose that-clause the trigger
    // heads; "reports that X had sent": the noun's.
    if (r == "ccomp" || (r == "acl" && tr.upos(h) == Upos::NOUN && tr.child(x, "mark") >= 0))
      take(cues_.find(CueWhere::clause, tr.lemma(h)));
    if (r == "conj") {
      x = h;
      continue;
    }
    // "the treaty remained under negotiation": a noun event as the subject
    // takes the cues of its verb's complements.
    if (r == "nsubj" && tr.is_nominal(x)) {
      for (const int* d = tr.kids_begin(h); d != tr.kids_end(h); ++d) {
        std::string_view b = tr.base(*d);
        if (b == "obl" || b == "advmod" || b == "xcomp" || b == "aux")
          take(cues_.find(CueWhere::mod, tr.lemma(*d)));
      }
    }
    break;
  }
  return best;
}

// The tone of the words of head's subtree: the sum of cues.tsv tones.
int Coder::tone_of(const Ctx& c, int head) const {
  const Tree& tr = c.t;
  int lo = head, hi = head;
  std::vector<int> stack{head};
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    lo = std::min(lo, n), hi = std::max(hi, n);
    for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d) stack.push_back(*d);
  }
  std::uint32_t b = c.in.tok_of_word[lo], e = c.in.tok_of_word[hi] + 1;
  const auto& toks = c.rec.toks;
  int tone = 0;
  for (std::uint32_t i = b; i < e; ++i) {
    dict_.cue_matcher().longest([&](std::size_t q) { return toks[q].id; }, i, e,
                                [&](std::uint32_t, std::uint32_t v) {
                                  const Cue& cue = dict_.cues()[v];
                                  if (cue.kind == CueKind::tone) tone += cue.value;
                                  return true;
                                });
  }
  return tone;
}

void Coder::code(const CoderInput& in, Tree& tree, std::vector<CodedEvent>& out,
                 std::vector<int>& vetoed) const {
  tree.reset(*in.syn);
  Ctx c{in, tree, *in.rec};
  c.home_mention = in.home_mention;
  const Tree& tr = tree;
  const int n = tr.size();
  const std::size_t first = out.size();
  if (in.words && std::getenv("DIPGRAPH_TREE"))
    for (int w = 0; w < n; ++w)
      fmt::print(stderr, "tree {} {} {} {} {}\n", w, (*in.words)[w], syntax::upos_name(tr.upos(w)), tr.head(w), tr.rel(w));
  std::vector<int> trigger_of(n, -1);  // word -> index into out
  thread_local std::string scratch;
  for (int w = 0; w < n; ++w) {
    Upos u = tr.upos(w);
    bool noun = u == Upos::NOUN;
    if (!(noun || u == Upos::VERB)) continue;
    int mi = c.mention(w);
    if (mi >= 0 && c.rec.mentions[mi].kind != MentionKind::title) continue;
    const auto* fs = frames_.find(tr.lemma(w), noun);
    if (!fs) continue;
    for (std::uint32_t fi : *fs) {
      const Frame& f = frames_.frame(fi);
      if (!frame_holds(c, w, f)) continue;
      CodedEvent e;
      e.frame = fi;
      e.word = w;
      e.cameo = f.cameo;
      e.type = f.type;
      if (in.words) e.why = fmt::format("{} {} (frames.tsv:{}): ", f.lemma, f.noun ? "N" : "V", f.line);
      // The tree paths are written down only when traced; else into a
      // scratch string that keeps its capacity (no allocation per slot).
      scratch.clear();
      std::string& why = in.words ? e.why : scratch;
      c.private_party = false;
      for (const Slot& s : f.source) {
        slot(c, w, f, s, true, e.source, why);
        if (!e.source.empty()) break;
      }
      for (const Slot& s : f.target) {
        slot(c, w, f, s, false, e.target, why);
        if (!e.target.empty()) break;
      }
      rebind_descriptions(c, e.source, e.target);
      // "told Japanese reporters": a private party is no party here; the
      // pattern coder's reading of this word goes too.
      if (c.private_party && (e.source.empty() || e.target.empty())) vetoed.push_back(w);
      // "we are working with A and with B": a symmetric act whose subject
      // is no known party does not tie A and B to each other.
      if ((f.flags & kFrameSym) && !f.noun && e.source.empty() && e.target.size() > 1) {
        std::string ignored;
        if (subject_of(c, w, ignored) >= 0) e.target.clear();
      }
      // "demanded that Japan end ...", "urged that Iran ...": the one asked
      // is the subject of the clause that says what is asked.
      if (e.target.empty() && !f.noun && (f.cameo.rfind("02", 0) == 0 || f.cameo.rfind("10", 0) == 0)) {
        int cc = tr.child(w, "ccomp");
        if (cc >= 0 && tr.mandative(cc)) {
          int subj = tr.child(cc, "nsubj");
          if (subj < 0) subj = tr.child(cc, "nsubj:pass");
          actors_at(c, subj, false, false, e.target);
          if (!e.target.empty()) why += "target=ccomp ";
        }
      }
      if (e.target.empty() && !e.source.empty() && !(f.flags & (kFrameSym | kFrameSay)) && aimed(f.cameo))
        other_party(c, w, e.source, e.target, why);
      if (e.source.empty() && !f.noun && (f.cameo == "173" || f.cameo == "174"))
        authority_of_place(c, w, e.source, why);
      int st = status_of(c, w);
      // A noun that is another event's content ("criticized the arrests"):
      // the act is nobody's here.
      bool content = f.noun && tr.head(w) >= 0 && tr.rel(w) == "obj" && content_verb(c, tr.head(w), f);
      if (st == kHypothetical || content) vetoed.push_back(w);
      e.hypothetical = st == kHypothetical;
      e.status = e.hypothetical ? Status::occurred : static_cast<Status>(st);
      // An offer, promise or pledge is intended by nature, unless negated.
      if (f.cameo.rfind("03", 0) == 0 && e.status != Status::negated) e.status = Status::intended;
      e.say = (f.flags & kFrameSay) != 0;
      trigger_of[w] = static_cast<int>(out.size());
      out.push_back(std::move(e));
      break;  // the first frame that holds
    }
  }
  if (out.size() == first) return;

  // Reported speech: a speech verb's complement ("X said Y would ...", or
  // "Y will ..., X said") credits the speaker where the complement's event
  // has no source of its own or a first-person one; an evaluative quote
  // about another party ("Japan is a trusted friend") is praise or criticism.
  for (std::size_t k = first; k < out.size(); ++k) {
    const Frame& f = frames_.frame(out[k].frame);
    if (!(f.flags & (kFrameSay | kFrameCharact))) continue;
    int v = out[k].word;
    std::vector<int> comps;
    for (const int* d = tr.kids_begin(v); d != tr.kids_end(v); ++d)
      if (tr.base(*d) == "ccomp" || tr.base(*d) == "parataxis") comps.push_back(*d);
    if (tr.base(v) == "parataxis" && tr.head(v) >= 0) comps.push_back(tr.head(v));
    const std::vector<std::int32_t> speaker = out[k].source;
    if (speaker.empty()) continue;
    for (int cw : comps) {
      // Events inside the complement.
      bool any = false;
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
        if (!inside || (tr.base(out[j].word) == "obl" && tr.upos(out[j].word) == Upos::NOUN)) continue;
        any = true;
        if (out[j].source.empty()) {
          int s = -1;
          std::string w;
          int subj = subject_of(c, out[j].word, w);
          if (subj >= 0 && tr.upos(subj) == Upos::PRON && c.mention(subj) < 0) s = subj;
          if (subj < 0 || s >= 0) {
            out[j].source = speaker;
            out[j].why += "source=speaker ";
          }
        }
      }
      if (any) {
        out[k].say = true;
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
      // An evaluation: "<X> is a <good|bad> ...": copula with an actor subject.
      int tone = tr.child(cw, "cop") >= 0 ? tone_of(c, cw) : 0;
      if (!about.empty() && tone != 0) {
        out[k].target = about;
        out[k].cameo = tone > 0 ? "051" : "111";
        out[k].type = tone > 0 ? "praise" : "criticism";
        out[k].say = false;
        out[k].why += "evaluation ";
      } else if (!about.empty() && out[k].target.empty() && out[k].cameo == "010") {
        // A comment on another party: a statement about it.
        out[k].target = about;
        out[k].why += "target=about ";
      }
    }
    if ((f.flags & kFrameCharact) && out[k].cameo == f.cameo) {
      int tone = tone_of(c, v);
      if (tone != 0) {
        out[k].cameo = tone > 0 ? "051" : "111";
        out[k].type = tone > 0 ? "praise" : "criticism";
        out[k].say = false;
      }
    }
  }

  // One main event per clause.
  std::vector<char> drop(out.size() - first, 0);
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    const Frame& f = frames_.frame(e.frame);
    int h = tr.head(e.word);
    // A noun event that is the object of a verb event of the same root.
    if (f.noun && h >= 0 && trigger_of[h] >= 0) {
      CodedEvent& g = out[trigger_of[h]];
      if (g.cameo.substr(0, 2) == e.cameo.substr(0, 2)) {
        if (g.target.empty()) g.target = e.target;
        if (g.source.empty()) g.source = e.source;
        drop[k - first] = 1;
        continue;
      }
    }
    // "agreed to meet": an intent to meet (036), not a settlement; the
    // meeting's trigger tells it, with its parties.
    if (f.flags & kFramePlan) {
      int x = tr.child(e.word, "xcomp");
      if (x >= 0 && trigger_of[x] >= 0 && out[trigger_of[x]].cameo.rfind("04", 0) == 0) {
        CodedEvent& m = out[trigger_of[x]];
        m.cameo = "036";
        m.type = "intent";
        if (m.status != Status::negated) m.status = Status::intended;
        m.directed = !m.target.empty();  // "agreed to meet X": the subject's intent, aimed at X
        drop[k - first] = 1;
        continue;
      }
    }
    // "offered to mediate", "urged X to talk", "threatened to impose": the
    // complement is the content of the intention, appeal or threat.
    if (f.flags & (kFrameIntent | kFrameControl | kFramePlan) || e.cameo.substr(0, 2) == "13" ||
        e.cameo.substr(0, 2) == "10" || e.cameo.substr(0, 2) == "02") {
      int x = tr.child(e.word, "xcomp");
      if (x < 0) continue;
      // Events inside the complement are its content.
      for (std::size_t j = first; j < out.size(); ++j) {
        if (j == k) continue;
        int y = out[j].word;
        for (int step = 0; step < 4 && y >= 0; ++step, y = tr.head(y))
          if (y == x) {
            if (e.target.empty()) {
              e.target = out[j].target;
              // "agreed to lift sanctions on X": one way, as below
              if ((f.flags & kFramePlan) && !e.source.empty() && !e.target.empty()) e.directed = true;
            }
            drop[j - first] = 1;
            break;
          }
      }
      // Else the complement's own prepositions name the target ("promised
      // to continue aid to X").
      if (e.target.empty()) {
        std::vector<int> stack{x};
        while (!stack.empty() && e.target.empty()) {
          int y = stack.back();
          stack.pop_back();
          for (const int* d = tr.kids_begin(y); d != tr.kids_end(y); ++d) {
            std::string_view b = tr.base(*d);
            bool wanted = false;
            if (b == "obl" || b == "nmod")
              for (const Slot& sl : f.target) wanted |= sl.kind == SlotKind::prep && tr.marker(*d) == sl.word;
            // "agreed to resume imports of U.S. beef": what an agreement
            // is about names its other party.
            if ((f.flags & kFramePlan) && (b == "obj" || b == "obl" || b == "nmod")) wanted = true;
            if (wanted) actors_at(c, *d, false, false, e.target);
            if (b == "obj" || b == "obl" || b == "nmod" || b == "xcomp") stack.push_back(*d);
          }
        }
        if (!e.target.empty()) {
          e.why += "target=complement ";
          // "agreed to lift the embargo on X": the subject agreed to act
          // on X, one way; "agreed with X to ..." keeps both sides.
          if ((f.flags & kFramePlan) && !e.source.empty()) e.directed = true;
        }
      }
    }
  }
  for (std::size_t k = first; k < out.size(); ++k)
    if (out[k].hypothetical) drop[k - first] = 1;
  std::size_t w = first;
  for (std::size_t k = first; k < out.size(); ++k)
    if (!drop[k - first]) {
      if (w != k) out[w] = std::move(out[k]);
      ++w;
    }
  out.resize(w);
}

}  // namespace dipgraph::ingest
