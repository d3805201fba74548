// The extraction driver (extractor.hpp): recognize, parse the sentences
// that can hold a fact, code them, turn coded events into drafts (actors,
// date, place, evidence), fold.
#include "ingest/code/extractor.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

#include "graph/cameo.hpp"
#include "ingest/code/coder_detail.hpp"
#include "ingest/code/draft.hpp"
#include "ingest/code/parser_input.hpp"
#include "ingest/code/quote_pieces.hpp"
#include "ingest/code/readings.hpp"
#include "ingest/code/tree.hpp"
#include "ingest/syntax/analyzer.hpp"

namespace dipgraph::ingest {

namespace {

// An act two parties do to each other ("exchanged fire", "both countries
// put their troops on alert", "traded accusations", "praised each other":
// the coder's CodedEvent::mutual), read as one symmetric event, is each
// one's act against the other: two directed facts (their ids keep the
// direction, id schema 3). Events of more than two countries, or with a
// party of no country, stay as they are; so does fighting ("the two armies
// exchanged fire"), which the coding rules code with participants when the
// text gives no direction.
bool split_mutual(const Draft& d, std::vector<Draft>& drafts) {
  const Fact& f = d.fact;
  if (f.participants.empty() || !f.source.empty() || !f.target.empty() || d.countries.size() != 2)
    return false;
  if (f.cameo.size() >= 2 && ((f.cameo[0] == '1' && (f.cameo[1] == '8' || f.cameo[1] == '9')) || (f.cameo[0] == '2' && f.cameo[1] == '0')))
    return false;
  if (std::any_of(f.participants.begin(), f.participants.end(), [](const Actor& a) { return a.country.empty(); }))
    return false;
  const std::string& first = *d.countries.begin();
  for (int turn = 0; turn < 2; ++turn) {
    Draft one = d;
    one.fact.participants.clear();
    for (const Actor& a : f.participants) {
      const bool first_side = (a.country == first) == (turn == 0);
      (first_side ? one.fact.source : one.fact.target).push_back(a);
    }
    drafts.push_back(std::move(one));
  }
  return true;
}

// "Chile's foreign minister met her Peruvian counterpart in Lima": a
// meeting, talks or a summit of two states held in a city of one of them
// is that state's hosting of the other, whose visit there is a fact of its
// own (the coding rules count a visit and a meeting during it apart). Not
// a call (041), a mediation (045), a meeting placed only in a country, nor
// one still to come (who is to travel is not told).
void hosted_visit(const Draft& d, const Dictionary& dict, std::vector<Draft>& drafts) {
  const Fact& f = d.fact;
  if (!d.own_place || !f.location || f.location->country.empty() || d.countries.size() != 2 ||
      !d.countries.count(f.location->country) || !(f.cameo == "040" || f.cameo == "044" || f.cameo == "046") ||
      f.status != Status::occurred)
    return;
  const int lc = dict.country_index(f.location->country);
  if (lc < 0 || dict.countries()[lc].name == f.location->name) return;
  Draft v = d;
  Fact& visit = v.fact;
  visit.cameo = "042";
  visit.type = "visit";
  visit.name.clear();
  visit.source.clear();
  visit.target.clear();
  visit.participants.clear();
  for (const std::vector<Actor>* side : {&f.source, &f.target, &f.participants})
    for (const Actor& a : *side) {
      if (a.country.empty()) return;  // an organization's part is not told
      add_actor(a.country == f.location->country ? visit.target : visit.source, a);
    }
  if (visit.source.empty() || visit.target.empty()) return;
  drafts.push_back(std::move(v));
}

// "offered no evidence", "pledged no money": an object with "no" is no offer.
bool offers_nothing(const Tree& t, int w) {
  const int o = t.child(w, "obj");
  if (o < 0) return false;
  const int d = t.child(o, "det");
  return d >= 0 && t.lemma(d) == "no";
}

// The article's first tie between two countries told so far (not a
// statement), or null: the pair its story is about.
const Draft* first_tie(const std::vector<Draft>& drafts) {
  for (const Draft& d : drafts)
    if (!d.say && d.countries.size() >= 2) return &d;
  return nullptr;
}

// An offer, a pledge or a readiness to act that names no one it concerns
// ("Oslo offered to mediate", "Cairo is willing to host another round")
// is made to the parties of the story: those of the article's
// first tie between two countries, less the source's own. A mediator's
// offer concerns both sides; a side's offer, the other. Nothing when the
// article has told no such tie yet.
void story_target(const std::vector<Draft>& drafts, const std::vector<Actor>& source, std::vector<Actor>& target,
                  std::string& why) {
  const Draft* tie = first_tie(drafts);
  if (!tie) return;
  auto own = [&](const Actor& x) {
    return std::any_of(source.begin(), source.end(), [&](const Actor& y) {
      return x.id == y.id || (!x.country.empty() && x.country == y.country);
    });
  };
  for (const auto* side : {&tie->fact.source, &tie->fact.target, &tie->fact.participants})
    for (const Actor& x : *side)
      if (!own(x)) add_actor(target, x);
  if (!target.empty()) why += "target=story ";
}

using coder_detail::is_rel;

// "The talks began in March", "an accord signed in 1977 lapsed", "the
// clashes left 100 dead": a noun of a joint event that names no party of
// its own is an event of the story's parties, as "the two sides" would
// be. A noun that refers back to an event of its type told before (any
// place in its clause but what is asked for or talked about, "calls for
// talks", "news on the fighting", the occasion or time of another act,
// "said at the talks", "after the summit", or a noun set beside a clause
// to name its act, ", a project X opposes") is that event; the subject of a
// clause with no such event before it is the article's first tie between
// two countries (a summit, a gathering of many, is not a pair's).
// Nothing when the article has told no such tie yet.
void story_parties(const std::vector<Draft>& drafts, const Tree& t, int w, std::string_view type,
                   std::vector<Actor>& parties, std::string& why) {
  // (an event told by a participle on its noun, "an accord signed in
  // 1977", is the noun's)
  if (t.upos(w) == syntax::Upos::VERB && t.base(w) == "acl" && t.xpos(w) == "VBN" && t.head(w) >= 0) w = t.head(w);
  if (t.upos(w) != syntax::Upos::NOUN || t.rel(w) == "obj" || t.rel(w) == "appos" ||
      is_rel(t.marker(w), {"for", "on", "about", "over", "between", "among", "at", "during", "after", "before",
                           "since", "ahead", "following", "amid", "throughout"}))
    return;
  // (a noun with parties of its own that are no actors: "fights among
  // herders and farmers", "rebel attacks")
  // (nor does a noun that classes something: "X is an arrangement")
  // (nor force set in a named place, "fighting in Sudan", "clashes in
  // Gaza": the story's pair need not be its parties; "in May" is a time)
  const bool force = is_rel(type, {"fight", "assault", "mass_violence"});
  for (const int* k = t.kids_begin(w); k != t.kids_end(w); ++k)
    if (t.rel(*k) == "nmod:poss" || t.rel(*k) == "cop" || is_rel(t.marker(*k), {"between", "among"}) ||
        (force && t.upos(*k) == syntax::Upos::PROPN && !Tree::time_noun(t.lemma(*k)) &&
         is_rel(t.marker(*k), {"in", "inside", "across", "throughout"})))
      return;
  const Draft* tie = nullptr;
  for (auto d = drafts.rbegin(); d != drafts.rend() && !tie; ++d)
    if (!d->say && d->countries.size() >= 2 && d->fact.type == type) tie = &*d;
  if (!tie && t.rel(w).rfind("nsubj", 0) == 0 && type != "summit") tie = first_tie(drafts);
  if (!tie) return;
  for (const auto* side : {&tie->fact.source, &tie->fact.target, &tie->fact.participants})
    for (const Actor& x : *side) add_actor(parties, x);
  why += tie->fact.type == type ? "parties=story's tie of its type " : "parties=story's first tie ";
}

}  // namespace

using syntax::Upos;

namespace {

std::vector<std::string> read_word_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot open the word list", path));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

// A round-up's section head ("GREECE.", "UNITED STATES:"): a sentence
// that opens its paragraph, of no more than eight words all in capitals,
// naming one country. Its mention, else -1.
int section_head(const Analysis& a, const SentenceSpan& span, std::string_view text) {
  const auto& toks = a.toks;
  if (span.end - span.begin > 9) return -1;
  int head = -1;
  for (std::uint32_t i = span.begin; i < span.end; ++i) {
    if (!toks[i].is(kWord)) continue;
    for (std::uint32_t b = toks[i].start; b < toks[i].end; ++b)
      if (text[b] >= 'a' && text[b] <= 'z') return -1;
    const int mi = a.mention_at[i];
    if (mi < 0) continue;
    if (!is_actor(a.mentions[mi]) || a.mentions[mi].country < 0 || (head >= 0 && a.mentions[head].country != a.mentions[mi].country))
      return -1;
    head = mi;
  }
  return head;
}

}  // namespace

bool names_two_parties(const Fact& f) {
  std::vector<std::string> keys;
  // A person known by name alone, with no country and no organization, is
  // nobody's representative: no party between states (the organization of
  // an affiliated person is on the side beside it).
  auto add = [&](const std::vector<Actor>& side) {
    std::size_t before = keys.size();
    for (const Actor& x : side) {
      if (x.kind == ActorKind::person && x.country.empty()) continue;
      keys.push_back(x.country.empty() ? x.id : x.country);
      // An international organization's summit is a meeting of its member
      // states: it ties them. Alone in any other fact it is one party:
      // loan negotiations with the IMF or the Security Council meeting in
      // Geneva tie no two states named (session 26: sets E, H, I, J and
      // the news dev set gain).
      if (x.kind == ActorKind::organization && x.country.empty() && f.cameo.rfind("044", 0) == 0)
        keys.push_back(x.id + "#members");
    }
    return keys.size() > before;
  };
  bool source = add(f.source), target = add(f.target);
  add(f.participants);
  std::sort(keys.begin(), keys.end());
  bool two = std::unique(keys.begin(), keys.end()) - keys.begin() >= 2;
  if (f.source.empty() && f.target.empty()) return two;
  return two && source && target;
}

Extractor::Extractor(std::shared_ptr<const Dictionary> dict, FrameTable frames, StatusCues cues,
                     std::vector<std::string> agents, std::unique_ptr<syntax::Analyzer> analyzer)
    : dict_(std::move(dict)),
      recognizer_(dict_),
      frames_(std::move(frames)),
      cues_(std::move(cues)),
      patterns_(dict_),
      analyzer_(std::move(analyzer)) {
  coder_ = std::make_unique<Coder>(*dict_, frames_, cues_, std::move(agents));
  rite_class_ = frames_.class_index("rite");
  nonstate_class_ = frames_.class_index("nonstate");
  infrastructure_class_ = frames_.class_index("infrastructure");
  facility_class_ = frames_.class_index("facility");
  const char* trace = std::getenv("DIPGRAPH_TRACE");
  trace_ = trace && *trace && *trace != '0';
  // For measuring what the parse coder reads alone (docs/extraction.md).
  const char* patterns = std::getenv("DIPGRAPH_PATTERN_CODER");
  patterns_off_ = patterns && std::string_view(patterns) == "0";
}

Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::load(const std::string& data_dir, Diagnostics& diag) {
  auto dict = Dictionary::load(data_dir, diag);
  FrameTable frames = FrameTable::load(data_dir + "/frames.tsv", diag);
  StatusCues cues = StatusCues::load(data_dir + "/status.tsv", diag);
  auto agents = read_word_list(data_dir + "/agent_nouns.txt");
  auto analyzer = syntax::Analyzer::load(data_dir + "/syntax");
  std::unique_ptr<Extractor> e(
      new Extractor(std::move(dict), std::move(frames), std::move(cues), std::move(agents), std::move(analyzer)));
  e->calibration_ = Calibration::load_dir(data_dir, diag);
  return e;
}

Extractor::ParseCounts Extractor::parse_counts() const {
  return ParseCounts{sentences_.load(), tokens_.load(), parsed_.load(), parsed_tokens_.load()};
}

std::vector<Fact> Extractor::extract(const Document& doc, std::size_t max_facts) const {
  const Dictionary& dict = *dict_;
  const Analysis a = recognizer_.analyze(doc);
  std::string_view text = doc.text;
  const auto& toks = a.toks;
  const std::string article_day =
      a.article_date ? edtf(a.article_date->y, a.article_date->m, a.article_date->d) : std::string();
  auto country_code = [&](int c) { return c >= 0 ? dict.countries()[c].code : std::string(); };
  auto span_text = [&](std::uint32_t b, std::uint32_t e) {
    return std::string(text.substr(toks[b].start, toks[e - 1].end - toks[b].start));
  };

  // Per-thread scratch that keeps its capacity from article to article.
  thread_local syntax::Analysis syn;
  thread_local std::unique_ptr<syntax::Analyzer::Scratch> scratch;
  if (!scratch) scratch = std::make_unique<syntax::Analyzer::Scratch>();
  thread_local Tree tree;
  thread_local std::vector<CodedEvent> coded;
  thread_local std::vector<std::string_view> words;
  thread_local std::string lower, lemma;
  thread_local std::vector<syntax::Analyzer::Hint> hints;
  thread_local std::vector<char> left_out;
  std::vector<Draft> drafts;
  std::vector<int> vetoed;  // Toks of triggers the parse coder rejected
  std::vector<ChosenSense> senses;  // Toks whose sense (root) the parse coder chose

  auto actors_of = [&](const std::vector<std::int32_t>& group, std::vector<Actor>& out, CodeSet& countries,
                       bool& anaphoric) { add_mention_actors(dict, a, group, out, countries, anaphoric); };
  auto place_of = [&](std::int32_t mi) {
    const Mention& m = a.mentions[mi];
    Location loc;
    loc.name = span_text(m.begin, m.end);
    if (loc.name.size() > 4 && loc.name.compare(0, 4, "the ") == 0) loc.name.erase(0, 4);
    loc.country = country_code(m.country);
    if (m.kind == MentionKind::country) loc.name = dict.countries()[m.country].name;
    return loc;
  };

  CoderInput in;
  std::vector<std::uint32_t> recent_sentence;  // the sentence of each of in.recent_acts
  std::vector<std::int32_t> speaker;  // the last speaker named
  std::uint32_t speaker_sentence = UINT32_MAX - 1, speaker_paragraph = 0;
  // The article's home country: its dateline's, else the country named
  // clearly most often (at least twice, and more than any other).
  {
    int home = a.dateline_country;
    if (home < 0) {
      std::uint32_t best = 0, second = 0;
      for (std::size_t k = 0; k < a.country_counts.size(); ++k) {
        std::uint32_t n = a.country_counts[k];
        if (n > best) second = best, best = n, home = static_cast<int>(k);
        else if (n > second) second = n;
      }
      if (best < 2 || best == second) home = -1;
    }
    if (home >= 0 && static_cast<std::size_t>(home) < a.country_counts.size() && a.country_counts[home] > 0) {
      in.home_named_most = true;
      for (std::size_t k = 0; k < a.country_counts.size(); ++k)
        if (static_cast<int>(k) != home && a.country_counts[k] >= a.country_counts[home]) in.home_named_most = false;
    }
    for (std::size_t k = 0; k < a.mentions.size() && home >= 0; ++k)
      if (a.mentions[k].country == home && is_actor(a.mentions[k])) {
        in.home_mention = static_cast<int>(k);
        break;
      }
  }
  in.rec = &a;
  in.syn = &syn;
  in.words = trace_ ? &words : nullptr;  // the coder's traces only when asked
  ParseCounts counts;
  // A round-up's section head ("CHILE. The interior ministry said ...")
  // is the home, for its paragraph, of bodies that name no country.
  const int article_home = in.home_mention;
  const bool article_named_most = in.home_named_most;
  std::uint32_t section_paragraph = UINT32_MAX;
  for (std::uint32_t s = 0; s < a.sentences.size(); ++s) {
    const SentenceSpan& span = a.sentences[s];
    const std::uint32_t sb = span.begin, se = span.end;
    ++counts.sentences;
    counts.tokens += se - sb;
    if (const std::uint32_t para = doc.sentences[span.index].paragraph; para != section_paragraph) {
      in.home_mention = article_home;
      in.home_named_most = article_named_most;
      section_paragraph = UINT32_MAX;
      if (s == 0 || doc.sentences[a.sentences[s - 1].index].paragraph != para)
        if (const int head = section_head(a, span, text); head >= 0) {
          in.home_mention = head;
          in.home_named_most = true;
          section_paragraph = para;
          continue;
        }
    }
    // Parse only sentences that can hold a fact: an actor and a word that
    // may be a trigger (as a noun or a verb).
    // Every fact names two parties: a sentence needs two actor mentions
    // (pronouns and descriptions resolved count), or one and the article's
    // home country for "the government", "the police".
    // A quote opening right after a sentence that named its speaker
    // continues that speaker's words (coder.hpp, quote_speaker).
    auto opens_quote = [&](std::uint32_t t) { return toks[t].is(kPunct) && text[toks[t].start] == '"'; };
    in.quote_speaker.clear();
    if (sb < se && opens_quote(sb) && speaker_sentence + 1 == s &&
        doc.sentences[span.index].paragraph <= speaker_paragraph + 1)
      in.quote_speaker = speaker;
    // Acts of the three sentences before ("... denied the accusation").
    while (!recent_sentence.empty() && recent_sentence.front() + 3 < s) {
      recent_sentence.erase(recent_sentence.begin());
      in.recent_acts.erase(in.recent_acts.begin());
    }
    int actors = in.quote_speaker.empty() && in.recent_acts.empty() && in.last_force.source.empty() && in.last_acts.empty() ? 0 : 1, last = -1;
    int actor_country = -1, city_country = -1;
    // (a city or capital named: where one may be awaited, "is due in Lima")
    auto place_named = [&]() {
      for (std::uint32_t i = sb; i < se; ++i)
        if (const int mi = a.mention_at[i];
            mi >= 0 && (a.mentions[mi].kind == MentionKind::city || a.mentions[mi].kind == MentionKind::capital))
          return true;
      return false;
    };
    bool trigger = false;
    for (std::uint32_t i = sb; i < se && actors < 2; ++i) {
      int mi = a.mention_at[i];
      if (mi < 0 || mi == last) continue;
      const Mention& m = a.mentions[mi];
      if (m.kind == MentionKind::city) city_country = m.country;
      if (!is_actor(m)) continue;
      // "the two countries", "both sides": a group of several is two parties
      bool several = m.kind == MentionKind::group && m.entity >= 0 && a.groups[m.entity].size() >= 2;
      actors += several ? 2 : 1, last = mi, actor_country = m.country;
    }
    // One actor is enough where the next sentence opens a quote: it may
    // name the speaker of that quote.
    bool quote_next = s + 1 < a.sentences.size() && a.sentences[s + 1].begin < a.sentences[s + 1].end &&
                      opens_quote(a.sentences[s + 1].begin);
    // A city of another country stands for it where it is visited or
    // receives aid ("dropped food into Surabaya"): with a verb of such a
    // class (below).
    const bool by_city = actors == 1 && in.home_mention < 0 && !quote_next && city_country >= 0 &&
                         city_country != actor_country;
    // A sentence naming no party may tell a joint event of the story's
    // pair ("The talks began in March"): a noun of a joint event is its
    // trigger (story_parties).
    const bool story_noun_only = actors == 1 && in.home_mention < 0 && !quote_next && !by_city && last < 0;
    if (actors == 0 || (actors == 1 && in.home_mention < 0 && !quote_next && !by_city && !story_noun_only)) continue;
    for (std::uint32_t i = sb; i < se && !trigger; ++i) {
      if (!toks[i].is(kWord) || a.mention_at[i] >= 0) continue;
      to_lower(text.substr(toks[i].start, toks[i].end - toks[i].start), lower);
      if (by_city) {
        analyzer_->lemmatizer().lemma_into(lower, Upos::VERB, syntax::kNoXpos, lemma);
        const auto* fs = frames_.find(lemma, false);
        // (or is awaited there: "is due in Lima", "is expected in Quito")
        trigger = lemma == "due" || lemma == "expect";
        for (std::size_t k = 0; fs && k < fs->size() && !trigger; ++k) {
          const Frame& f = frames_.frame((*fs)[k]);
          trigger = f.type == "visit" || f.cameo.rfind("07", 0) == 0;
        }
        continue;
      }
      if (story_noun_only) {
        analyzer_->lemmatizer().lemma_into(lower, Upos::NOUN, syntax::kNoXpos, lemma);
        const auto* fs = frames_.find(lemma, true);
        for (std::size_t k = 0; fs && k < fs->size() && !trigger; ++k)
          trigger = (frames_.frame((*fs)[k]).flags & kFrameSym) != 0;
        continue;
      }
      analyzer_->lemmatizer().lemma_into(lower, Upos::VERB, syntax::kNoXpos, lemma);
      trigger = frames_.is_trigger_lemma(lemma) || ((lemma == "due" || lemma == "expect") && place_named());
      if (!trigger) {
        analyzer_->lemmatizer().lemma_into(lower, Upos::NOUN, syntax::kNoXpos, lemma);
        trigger = frames_.is_trigger_lemma(lemma, {rite_class_, infrastructure_class_, facility_class_});
      }
    }
    if (!trigger) continue;

    left_out_toks(text, toks, sb, se, analyzer_->lemmatizer(), left_out, lower);
    words_of_sentence(text, toks, sb, se, words, in.tok_of_word, &left_out);
    parser_hints(a, words, in.tok_of_word, analyzer_->lemmatizer(), hints, lower, lemma);
    analyze_pieces(*analyzer_, words, hints, syn, *scratch);
    ++counts.parsed;
    counts.parsed_tokens += se - sb;
    in.first_tok = sb;
    in.end_tok = se;
    in.word_of_tok.assign(se - sb, -1);
    for (std::size_t w = in.tok_of_word.size(); w-- > 0;) in.word_of_tok[in.tok_of_word[w] - sb] = static_cast<int>(w);
    coded.clear();
    std::size_t vetoed_before = vetoed.size();
    coder_->code(in, tree, coded, vetoed);
    for (const CodedEvent& e : coded)
      if ((frames_.frame(e.frame).flags & kFrameSay) && !e.source.empty()) {
        speaker = e.source;
        speaker_sentence = s;
        speaker_paragraph = doc.sentences[span.index].paragraph;
      }
    for (std::size_t k = vetoed_before; k < vetoed.size(); ++k) vetoed[k] = in.tok_of_word[vetoed[k]];
    for (const CodedEvent& e : coded)
      if (!e.say && !e.source.empty() && !e.hypothetical) {
        in.recent_acts.push_back(
            {{e.cameo[0], e.cameo[1]}, e.source, e.target, e.sym, frames_.frame(e.frame).type, frames_.frame(e.frame).lemma,
             e.cameo == "043"});
        e.cameo.copy(in.recent_acts.back().code, sizeof in.recent_acts.back().code - 1);
        recent_sentence.push_back(s);
        const char r0 = e.cameo[0], r1 = e.cameo[1];
        if (e.status == Status::negated) continue;
        // (the latest criticism aimed at another country: one a side
        // makes of its own, left out of the facts, answers nothing)
        auto country = [&](std::int32_t x) { return a.mentions[x < 0 ? -x - 1 : x].country; };
        if (r0 == '1' && r1 == '1' && !e.target.empty() && country(e.source[0]) != country(e.target[0]))
          in.last_charge = in.recent_acts.back();
        if ((r0 == '1' && (r1 == '8' || r1 == '9')) || (r0 == '2' && r1 == '0')) {
          in.last_force = in.recent_acts.back();
          continue;
        }
        const std::string_view type = in.recent_acts.back().type;
        auto same_type = [&](const CoderInput::RecentAct& x) { return x.type == type; };
        auto it = std::find_if(in.last_acts.begin(), in.last_acts.end(), same_type);
        if (it == in.last_acts.end()) in.last_acts.push_back(in.recent_acts.back());
        else *it = in.recent_acts.back();
      }
    // A word of several senses ("welcomed the president" / "welcomed the
    // decision", "sent aid" / "sent troops to the border"): the tree chose
    // one; the pattern coder, which cannot tell them, gives way on it.
    for (const CodedEvent& e : coded)
      if (e.sense_chosen) senses.push_back({static_cast<int>(in.tok_of_word[e.word]), {e.cameo[0], e.cameo[1]}});
    if (coded.empty()) continue;

    const auto& dsent = doc.sentences[span.index];
    const std::size_t first_draft = drafts.size();
    for (CodedEvent& e : coded) {
      const Frame& f = frames_.frame(e.frame);
      Draft d;
      d.position = in.tok_of_word[e.word];
      Fact& fct = d.fact;
      fct.type = e.type;
      fct.cameo = e.cameo;
      fct.status = e.status;
      bool anaphoric = false;
      CodeSet src_c, tgt_c;
      std::vector<Actor> src, tgt;
      actors_of(e.source, src, src_c, anaphoric);
      actors_of(e.target, tgt, tgt_c, anaphoric);
      // Nobody acts on itself: a target of the source's own country goes.
      tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                               [&](const Actor& x) {
                                 return std::any_of(src.begin(), src.end(), [&](const Actor& y) {
                                   return x.id == y.id || (!x.country.empty() && x.country == y.country);
                                 });
                               }),
                tgt.end());
      // "A and B agreed to reopen their embassies": a symmetric act read
      // one way by what its complement names stays symmetric when that
      // names only its own parties.
      bool sym = e.sym && (!e.directed || tgt.empty());
      // "Kenya and the UNHCR will fund a clinic": aid two parties give
      // together to no party named is cooperation between them (06).
      if (!sym && tgt.empty() && !e.say && e.cameo.rfind("07", 0) == 0) {
        std::set<std::string_view> givers;
        for (const Actor& x : src)
          givers.insert(x.country.empty() ? std::string_view(x.id) : std::string_view(x.country));
        if (givers.size() >= 2) {
          sym = true;
          fct.type = "cooperation";
          fct.cameo = "060";
          e.why += "joint aid: cooperation ";
        }
      }
      if (sym) {
        for (auto& x : src) add_actor(fct.participants, std::move(x));
        for (auto& x : tgt) add_actor(fct.participants, std::move(x));
        // (not a noun whose participle tells the same event: "an accord
        // signed in 1999", coded at "signed", Coder::background_pact)
        auto told_by_participle = [&](int w) {
          for (const int* k = tree.kids_begin(w); k != tree.kids_end(w); ++k)
            if (tree.base(*k) == "acl" && tree.xpos(*k) == "VBN" &&
                frames_.any_frame(tree.lemma(*k), false, [&](const Frame& g) { return g.type == f.type; }))
              return true;
          return false;
        };
        if (fct.participants.empty() && !e.say && !told_by_participle(e.word))
          story_parties(drafts, tree, e.word, fct.type, fct.participants, e.why);
        CodeSet all;
        for (const Actor& x : fct.participants)
          if (!x.country.empty()) all.insert(x.country);
        // A tie needs two parties: one-sided facts add nothing to the graph.
        if (all.size() < 2 && fct.participants.size() < 2) {
          if (trace_) fmt::print(stderr, "dipgraph trace: {}:{}: {} [{}] dropped: fewer than two parties; {}\n",
                                 doc.article.id, span.index, e.cameo, words[e.word], e.why);
          continue;
        }
        d.countries = all;
      } else {
        // (an act intended or aid offered: "offered to mediate", "pledged
        // aid"; "offered no evidence" offers nothing)
        // ("pledged to drive armed gangs from its soil": an act on
        // non-state parties concerns no state of the story)
        auto acts_on_nonstate = [&](int w) {
          const int x = tree.child(w, "xcomp");
          const int o = x >= 0 ? tree.child(x, "obj") : -1;
          return o >= 0 && frames_.in_class(nonstate_class_, tree.lemma(o));
        };
        // (one offerer's own: not a pair's pledge, not one reported inside a
        // noun's clause; coder_clause.cpp gives the same offer the other
        // party of the latest act, when the sentences before tell one)
        if (tgt.empty() && !src.empty() && src_c.size() < 2 && !e.say && e.cameo.rfind("03", 0) == 0 &&
            (e.cameo == "033" || e.status == Status::intended) && !offers_nothing(tree, e.word) &&
            tree.own_act(e.word, e.word) && !acts_on_nonstate(e.word))
          story_target(drafts, src, tgt, e.why);
        if (src.empty() || tgt.empty()) {
          if (trace_) fmt::print(stderr, "dipgraph trace: {}:{}: {} [{}] dropped: no {}; {}\n", doc.article.id,
                                 span.index, e.cameo, words[e.word], src.empty() ? "source" : "target", e.why);
          continue;
        }
        fct.source = std::move(src);
        fct.target = std::move(tgt);
        for (const Actor& x : fct.source)
          if (!x.country.empty()) d.countries.insert(x.country);
        for (const Actor& x : fct.target)
          if (!x.country.empty()) d.countries.insert(x.country);
      }
      d.say = e.say;
      d.sentence = span.index;
      // Date: a date expression hanging from the trigger (or the verb of a
      // noun event), else the sentence's only date.
      const Tree& tr = tree;
      int gov = tr.head(e.word);
      int date = -1, dates_here = 0, only = -1;
      // a relative clause opened by a relative word ("who", "that", "where")
      auto relative_word = [&](int v) {
        for (const int* k = tr.kids_begin(v); k != tr.kids_end(v); ++k)
          if (*k < v && (tr.xpos(*k) == "WP" || tr.xpos(*k) == "WDT" || tr.xpos(*k) == "WRB" || tr.lemma(*k) == "that"))
            return true;
        return false;
      };
      for (std::size_t k = 0; k < a.dates.size(); ++k) {
        const DateMention& dm = a.dates[k];
        if (dm.begin < sb || dm.begin >= se) continue;
        int w = in.word_of_tok[dm.begin - sb];
        // the date phrase's own head word ("year" of "last year's")
        for (int step = 0; step < 4 && tr.head(w) >= 0; ++step) {
          const int h = tr.head(w);
          if (in.tok_of_word[h] < dm.begin || in.tok_of_word[h] >= dm.end) break;
          w = h;
        }
        d.dates_read = true;
        // "invited X to visit in June": the date of the complement's act,
        // not of the invitation
        // (nor of an act in a clause the trigger is not in: "thanked X
        // and invited Y to visit in June" is not dated June, "granted
        // asylum to officers who fled two years ago" not two years ago)
        bool content = false;
        for (int x = w, step = 0; x >= 0 && step < 8 && !content; x = tr.head(x), ++step) {
          if (tr.base(x) != "xcomp" && tr.base(x) != "ccomp" && tr.rel(x) != "acl:relcl") continue;
          int y = e.word;
          for (int up = 0; up < 12 && y >= 0 && y != x; ++up) y = tr.head(y);
          // (a date between the trigger and the clause is the trigger's,
          // wherever the parser hung it: "met X on May 2 to discuss ...")
          // (a clause: a "to", "that" or a subject of its own)
          const bool clause = tr.child(x, "mark") >= 0 || tr.child(x, "nsubj") >= 0;
          // (a relative clause on an event noun tells the event's date: "at
          // the summit that takes place in August")
          const bool relative = tr.rel(x) == "acl:relcl" && relative_word(x) &&
                                !(tr.head(x) >= 0 && frames_.find(tr.lemma(tr.head(x)), true));
          content = y != x && ((w > x && clause && tr.rel(x) != "acl:relcl") || relative);
        }
        if (content) continue;
        // "last year's floods", "the scheduled October 28 elections": a date
        // inside a noun's phrase (after its determiner, possessive or
        // adjective), before the noun, dates that noun only
        const int hn = tr.head(w), first = in.word_of_tok[dm.begin - sb];
        bool in_phrase = tr.rel(w) == "nmod:poss";
        if (first > 0 && first - 1 != e.word)  // ("rejected Thursday a plan": the verb's)
          for (std::string_view x : {"DT", "POS", "PRP$", "JJ", "VBN"}) in_phrase |= tr.xpos(first - 1) == x;
        if (in_phrase && hn > w && tr.is_nominal(hn) && hn != e.word && !(f.noun && hn == gov)) continue;
        ++dates_here;
        only = static_cast<int>(k);
        // "is due in Lima on Friday and in Quito on Saturday": a visit told
        // by presence at a place (its word the place's, coder_actors.cpp)
        // is dated by the date phrase right after the place
        if (!f.noun && tr.is_nominal(e.word) && first >= 2 && first - 2 == tr.right_edge(e.word) &&
            tr.upos(first - 1) == Upos::ADP) {
          date = static_cast<int>(k);
          break;
        }
        for (int step = 0; step < 5 && w >= 0; ++step, w = tr.head(w)) {
          if (w == e.word || (f.noun && w == gov)) {
            date = static_cast<int>(k);
            break;
          }
          // "rebels who entered two years ago", "X will send aid, Y said on
          // Monday": a date hanging from another verb is that verb's
          if (tr.is_verb(w) && w != e.word) break;
        }
        if (date >= 0) break;
      }
      const bool own_date_phrase = date >= 0;  // hanging from the trigger, not only the sentence's
      if (date < 0 && dates_here == 1) date = only;
      int tense = fct.status == Status::planned || fct.status == Status::intended ? 1
                  : fct.status == Status::occurred                                 ? -1
                                                                                   : 0;
      // "pledged $5 million on Monday": the day of a pledge or offer told on
      // its own verb is when it was made, a day past.
      if (fct.status == Status::intended && own_date_phrase && !f.noun && tr.lemma(e.word) != "be") tense = -1;
      // The sentence's date taken for an event it does not hang from, when
      // it hangs from a verb in the past ("X will lend Y ..., the
      // governments said on Wednesday"): the day something was said or
      // done, not the day of an event still to come (left undated), and a
      // day past for one that happened.
      if (!own_date_phrase && date >= 0) {
        int w = in.word_of_tok[a.dates[date].begin - sb];
        while (w >= 0 && !tr.is_verb(w)) w = tr.head(w);
        if (w >= 0 && tr.xpos(w) == "VBD") {
          if (tense > 0) date = -1;
          else tense = -1;
        }
      }
      if (date >= 0) {
        fct.date = resolve_date(a.dates[date], a.article_date, tense);
        d.own_date = !fct.date.empty();
      }
      if (d.own_date && fct.status == Status::occurred && fct.date.size() >= 4 && !article_day.empty() &&
          fct.date.find('X') == std::string::npos) {
        std::string cut = article_day.substr(0, std::min(article_day.size(), fct.date.size()));
        if (fct.date > cut) fct.status = Status::planned;  // after the article: still to come
      }
      // "next week's summit", "talks next month": a date of the event's
      // own phrase counted forward from the article's is still to come,
      // even where the date written out ("2025-07" for next week) also
      // holds the article's day.
      if (own_date_phrase && fct.status == Status::occurred) {
        const DateMention& dm = a.dates[date];
        const bool forward = (dm.kind == DateKind::offset_days || dm.kind == DateKind::offset_weeks ||
                              dm.kind == DateKind::offset_months || dm.kind == DateKind::offset_years) &&
                             dm.offset > 0;
        if (forward) fct.status = Status::planned;
      }
      // Place: "in/at <place>" hanging from the trigger or its verb (or, for
      // a meeting, from whom it met: "met X's foreign minister in Lima").
      const int met = !f.noun && fct.cameo.rfind("04", 0) == 0 ? tr.child(e.word, "obj") : -1;
      for (int node : {e.word, f.noun ? gov : -1, met}) {
        if (node < 0 || fct.location) continue;
        for (const int* k = tr.kids_begin(node); k != tr.kids_end(node); ++k) {
          std::string_view b = tr.base(*k), p = tr.marker(*k);
          if (!(b == "obl" || b == "nmod") || !(p == "in" || p == "at")) continue;
          int mi = a.mention_at[in.tok_of_word[*k]];
          if (mi < 0) continue;
          MentionKind mk = a.mentions[mi].kind;
          if (mk == MentionKind::city || mk == MentionKind::capital || mk == MentionKind::country) {
            fct.location = place_of(mi);
            d.own_place = true;
            break;
          }
        }
      }
      if (!fct.location && fct.type == "visit" && fct.cameo == "042") {
        for (std::int32_t mi : e.target)
          if (mi >= 0 && (a.mentions[mi].kind == MentionKind::capital || a.mentions[mi].kind == MentionKind::city)) {
            fct.location = place_of(mi);
            break;
          }
        if (!fct.location)
          for (const Actor& x : fct.target)
            if (!x.country.empty()) {
              int c = dict.country_index(x.country);
              if (c >= 0) fct.location = Location{dict.countries()[c].name, x.country};
              break;
            }
      }
      // Name of a summit, project or agreement: the noun and its name words.
      if (f.noun && (fct.type == "summit" || fct.type == "project" || fct.type == "agreement")) {
        int lo = e.word;
        for (const int* k = tr.kids_begin(e.word); k != tr.kids_end(e.word); ++k)
          if ((tr.base(*k) == "compound" || tr.base(*k) == "amod" || tr.base(*k) == "flat") && *k < lo &&
              *k >= lo - 4)
            lo = *k;
        if (lo < e.word) fct.name = span_text(in.tok_of_word[lo], in.tok_of_word[e.word] + 1);
      }
      double c = 0.45;
      if (d.own_date) c += 0.1;
      if (d.own_place) c += 0.05;
      if (anaphoric) c -= 0.1;
      if (e.say) c -= 0.15;
      fct.confidence = std::clamp(c, 0.05, 0.95);
      fct.evidence.push_back(Evidence{doc.article.id, span.index, dsent.start, dsent.end,
                                      std::string(text.substr(dsent.start, dsent.end - dsent.start)), {}, {}, {}, {}});
      if (trace_)
        fmt::print(stderr, "dipgraph trace: {}:{}: {} {} [{}] {}\n", doc.article.id, span.index, fct.cameo,
                   to_string(fct.status), words[e.word], e.why);
      if (e.mutual && split_mutual(d, drafts)) continue;
      hosted_visit(d, dict, drafts);
      drafts.push_back(std::move(d));
    }
    // A statement only when nothing else was found in its sentence.
    bool other = false;
    for (std::size_t k = first_draft; k < drafts.size(); ++k) other |= !drafts[k].say;
    if (other)
      drafts.erase(std::remove_if(drafts.begin() + static_cast<std::ptrdiff_t>(first_draft), drafts.end(),
                                  [](const Draft& d) { return d.say; }),
                   drafts.end());
    if (drafts.size() > max_facts * 2) break;
  }
  sentences_ += counts.sentences;
  tokens_ += counts.tokens;
  parsed_ += counts.parsed;
  parsed_tokens_ += counts.parsed_tokens;
  // The pattern coder's events fold in with the parse coder's (a sentence
  // the pattern coder reads one-sidedly may still lend its date and place
  // to a fact told in full elsewhere); what stays one-sided goes.
  const std::size_t parse_drafts = drafts.size();
  if (!patterns_off_) patterns_.code(doc, a, drafts, max_facts);
  std::sort(vetoed.begin(), vetoed.end());
  prefer_tree_readings(drafts, parse_drafts, vetoed, senses);
  std::stable_sort(drafts.begin(), drafts.end(),
                   [](const Draft& x, const Draft& y) { return x.sentence < y.sentence; });
  std::vector<Fact> facts = fold_drafts(drafts, article_day, max_facts, calibration_);
  // A statement is someone's: "A and B are considering ..." read as a
  // statement between A and B names no speaker.
  facts.erase(std::remove_if(facts.begin(), facts.end(),
                             [](const Fact& f) {
                               return !names_two_parties(f) || (f.cameo.rfind("01", 0) == 0 && f.source.empty());
                             }),
              facts.end());
  return facts;
}

}  // namespace dipgraph::ingest
