// Coder: one parsed sentence and the recognizer's mentions -> coded events.
//
// Reads the parse tree of a sentence (syntax::Analysis) with the mentions
// the recognizer found in it and codes events the way a careful human coder
// does, by trigger classes (frames.hpp):
//   trigger   a word whose lemma and word class have a frame whose `when`
//             conditions hold on its dependents;
//   parties   from the frame's slots: the subject (a passive's "by" agent;
//             for a noun, the subject of the verb it is the object of), the
//             object, a preposition's object, possessives and national
//             modifiers, "between A and B"; coordinated actors all count;
//             subjects left out by control ("agreed to meet"), coordination
//             and participles are recovered from the tree;
//   status    from the tree (data/status.tsv): negation, modals, "yet to",
//             the verb the trigger is the complement of, conditions;
//   speech    a speech verb's complement events without a subject of their
//             own are credited to the speaker; an evaluative quote about
//             another party is praise or criticism of it;
//   gating    a frame fires only when its parties are actors (countries,
//             their people and bodies, organizations), two of them, and not
//             the same country on both sides.
// One main event per clause: a noun event that is the object of a verb
// event of the same root merges into it; an intention's or a plan's
// complement is coded once.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/fact.hpp"
#include "ingest/code/frames.hpp"
#include "ingest/code/tree.hpp"
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/recognizer.hpp"
#include "ingest/syntax/analysis.hpp"

namespace dipgraph::ingest {

// A status cue of data/status.tsv.
enum class CueWhere : std::uint8_t { mod, gov, mark, clause, noun, adj };
// Status strength order; kHypothetical means: no fact.
inline constexpr int kHypothetical = 100;

class StatusCues {
 public:
  // Reads data/status.tsv. Missing file: Error naming it; bad row: reported.
  static StatusCues load(const std::string& path, Diagnostics& diag);
  // The value of `lemma` at `where`: a Status as int, kHypothetical, or -1.
  int find(CueWhere where, const std::string& lemma) const;
  // The value of a gov cue for `lemma` in the passive ("be prepare" in
  // status.tsv), or -1.
  int find_passive(const std::string& lemma) const;

 private:
  std::unordered_map<std::string, int> cues_[6];
  std::unordered_map<std::string, int> passive_gov_;
};

// One sentence as the coder sees it.
struct CoderInput {
  const Analysis* rec = nullptr;            // the article's recognition
  const syntax::Analysis* syn = nullptr;    // this sentence's parse
  const std::vector<std::string_view>* words = nullptr;  // its words; set only for traces (--explain)
  std::vector<std::uint32_t> tok_of_word;   // word -> Tok index in rec->toks
  std::vector<std::int32_t> word_of_tok;    // Tok - first Tok -> first word, -1
  std::uint32_t first_tok = 0, end_tok = 0; // the sentence's Tok range
  int home_mention = -1;                    // a mention of the article's home country (dateline,
                                            // else the clearly most named country), -1 if none
  bool home_named_most = false;             // the home country is the one the article names most
  std::vector<std::int32_t> quote_speaker;  // a sentence opening with a quote right after one whose
                                            // speaker is named: that speaker ("we" of the quote)
  // Acts coded in the few sentences before, latest last: their CAMEO root
  // and source, for "the accusation", "the request" that refer back.
  struct RecentAct {
    char root[2];
    std::vector<std::int32_t> source;
    std::vector<std::int32_t> target;  // whom it was aimed at ("regrets the mistake": the victim)
    bool sym = false;                  // its parties acted together (a meeting, an agreement)
    std::string_view type;             // its fact type ("visit"; the frame table's, outlives it)
    std::string_view lemma;            // its trigger's lemma ("reopen"; the frame table's)
    bool hosting = false;              // a host's act (043): the source hosted the target
    char code[5] = {};                 // its CAMEO code ("166")
  };
  std::vector<RecentAct> recent_acts;
  // The last act of force (roots 18-20) told before in the article whose
  // maker is known: "condemned the attack", "support for the operation"
  // refer to it when they name no party of their own.
  RecentAct last_force{};
  // The last act of each other root told before in the article whose maker
  // is known (at most one per root): "criticized the visit", "welcomed the
  // agreement" refer to it when they name no party of their own.
  std::vector<RecentAct> last_acts;
  // The last criticism or accusation (root 11) told before in the article
  // aimed at someone: "Moscow dismissed the charges" paragraphs after them.
  RecentAct last_charge{};
};

// A coded event. Parties are mention indices; a negative entry -k-1 stands
// for the country of mention k (a person's "own country" or a group member).
struct CodedEvent {
  std::uint32_t frame = 0;
  int word = 0;                           // the trigger word
  std::string cameo, type;                // the frame's, or 051/111 from tone
  std::vector<std::int32_t> source, target;
  Status status = Status::occurred;
  int date = -1;                          // index into rec->dates
  int place = -1;                         // mention index of the place
  bool say = false;                       // a plain statement
  bool hypothetical = false;              // a condition, wish or speculation: no fact
  bool sym = false;                       // its parties act together (a meeting), no source and target
  bool directed = false;                  // a symmetric frame told one way ("agreed to lift X's ...")
  bool mutual = false;                    // a hostile act two parties do to each other: two directed facts
  bool sense_chosen = false;              // its lemma has frames of other roots: the tree chose this one
  std::string why;                        // trace: the tree paths used
};

class Coder {
 public:
  // `agent_nouns`: lemmas of nouns that name people or groups (the heads
  // that a national modifier makes an actor: "Japanese officials").
  Coder(const Dictionary& dict, const FrameTable& frames, const StatusCues& cues,
        std::vector<std::string> agent_nouns);
  // Codes one sentence; appends to `out`. `tree` is scratch. Appends to
  // `vetoed` the trigger words read and found not to tell an event here
  // (hypothetical, or a noun that is the content of another event):
  // the pattern coder's events at those words are dropped too.
  void code(const CoderInput& in, Tree& tree, std::vector<CodedEvent>& out,
            std::vector<int>& vetoed) const;
  const FrameTable& frames() const { return frames_; }

 private:
  struct Ctx;
  // True if a frame of the word (of `fs`) would hold but for a class of
  // its arguments written "!@CLASS" (its sense ruled out: "shells landed").
  bool gated_out(const Ctx& c, int w, const std::vector<std::uint32_t>& fs, bool adjective) const;
  // True if frame f holds for word t (with `open_gates`, its negated classes
  // of arguments left unchecked: gated_out).
  bool frame_holds(const Ctx& c, int t, const Frame& f, bool open_gates = false) const;
  void quoted_speaker(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  // True if noun event `w` is the act a reprisal answers ("in retaliation
  // for w", "in response to w"): another's act, not the clause subject's.
  bool answered_act(const Ctx& c, int w) const;
  void reported_speech(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out, std::vector<int>& vetoed) const;
  // "expelled X's envoy, saying he had spied": a reason said for a hostile
  // act is an accusation of its target (coder_speech.cpp).
  void stated_reasons(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  // One main event per clause: a noun event that is a verb event's object
  // of the same root, the content of an intent, plan, appeal or threat, a
  // hypothetical event: dropped or folded into the event above it
  // (coder_clause.cpp).
  void one_event_per_clause(const Ctx& c, std::size_t first, const std::vector<int>& trigger_of,
                            std::vector<CodedEvent>& out, std::vector<int>& vetoed) const;
  void according_to(const Ctx& c, std::vector<CodedEvent>& out) const;
  void inline_quote_speaker(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  // The speech verb outside the quote that word w of the quote hangs
  // under; -1 if w is in no quote or no speech verb of the sentence has it.
  int speech_verb_of_quoted(const Ctx& c, int w) const;
  // A verb lemma with a speech frame in frames.tsv ("say", "state", "add").
  bool speech_verb(std::string_view lemma) const;
  void appeal_content(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  void slot(const Ctx& c, int t, const Frame& f, const Slot& s, bool source,
            std::vector<std::int32_t>& out, std::string& why) const;
  int subject_of(const Ctx& c, int v, std::string& why, int depth = 0) const;
  void actors_at(const Ctx& c, int n, bool source, bool places, std::vector<std::int32_t>& out) const;
  int actor_of_node(const Ctx& c, int n, bool source, bool places) const;
  int adopter_of_relative(const Ctx& c, int n) const;
  void rebind_pronouns(Ctx& c) const;
  int place_of_noun(const Ctx& c, int n) const;
  std::vector<int> listed_after(const Ctx& c, int n) const;
  bool armed_act(const std::string& lemma) const;
  int victim_of_setting(const Ctx& c, int t) const;
  bool is_date(const Ctx& c, int w) const;
  void authority_of_place(const Ctx& c, int t, std::vector<std::int32_t>& source, std::string& why) const;
  // The mention of a country, capital or city with a country that an "in"
  // phrase on verb t names ("protested in Manila"), or -1.
  int place_in(const Ctx& c, int t) const;
  void presence_visits(const Ctx& c, std::vector<CodedEvent>& out) const;
  // A demand, criticism, rejection or warning naming no one, right after
  // another's request, demand or hostile act, answers its maker
  // (coder_context_parties.cpp).
  // "suspended its aid to X": a noun event that a measure of root 16
  // halts is that measure's object, no fact of its own (the coding rules
  // code the halting, "incl. halting aid", not the aid).
  // "X expelled two of Y's diplomats, and Y responded in kind": an answer
  // in kind that was made (not one threatened) is the act answered, done
  // back to its maker.
  void acts_in_kind(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  void halted_nouns(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  void answer_latest_acts(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const;
  void background_pact(const Ctx& c, int w, const Frame& f, CodedEvent& e) const;
  // Receivers of money or aid a purpose names; an agreement talks ended
  // without (coder_implied.cpp).
  void purpose_receivers(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const;
  void pact_not_reached(const Ctx& c, int w, const Frame& f, const std::vector<CodedEvent>& out,
                        const std::vector<int>& trigger_of, CodedEvent& e, std::string& why) const;
  // "complained that the tolls set in a 2015 deal with Togo are too high":
  // an agreement noun naming only whom it is "with" is the deal of the
  // subject of the clause it is told in (coder_context_parties.cpp).
  void pact_with_one(const Ctx& c, int w, const Frame& f, CodedEvent& e) const;
  bool pair_readings(const Ctx& c, const Frame& f, int w, CodedEvent& e, std::vector<CodedEvent>& out) const;
  // Words read as no event of their own (coder_vetoes.cpp): a phrasal
  // verb's particle, a work named only as a thing.
  void pattern_vetoes(const Ctx& c, std::vector<int>& vetoed) const;
  void rebind_descriptions(const Ctx& c, std::vector<std::int32_t>& source,
                           std::vector<std::int32_t>& target) const;
  bool in_clause_of(const Ctx& c, int w, int t) const;
  int clauses_below(const Ctx& c, int w, int t) const;
  bool pair_of(const Ctx& c, const std::vector<std::int32_t>& source, const std::vector<std::int32_t>& target, int& a,
               int& b) const;
  void answered_party(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                      std::vector<std::int32_t>& target, std::string& why, bool threat = false) const;
  // The maker a passive of summoning, recalling or expelling leaves
  // unnamed: the envoy's host, the envoy's own state, the state expelled
  // from (coder_implied.cpp).
  void unnamed_maker(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const;
  // Whom an objection an act is done over, an appeal for an act in a
  // state, or a message handed over is aimed at (coder_implied.cpp).
  void implied_target(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const;
  // Whom a warning is aimed at: the one its clause is about, or whom the
  // warner's own act would hit, of the kind that act names (coder_implied.cpp).
  void warned_target(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const;
  // "condemned the attack", "criticized the visit": a definite noun event
  // with no party of its own, the object of a directed act, is the act of
  // its kind told last before (CoderInput::last_force, last_acts); the act
  // is aimed at its makers. (An act of the root of `cameo`, the verb's own,
  // is that act told again, no reaction to it: "welcomed the visit" as a host.)
  // "X called on Y to ... Z repeated that call": a definite act noun with
  // no party of its own made again is aimed where the act of its kind
  // told last was.
  void repeated_act(const Ctx& c, int t, const std::string& cameo, const std::vector<std::int32_t>& source,
                    std::vector<std::int32_t>& target, std::string& why) const;
  void referred_act(const Ctx& c, int t, const std::string& cameo, const std::vector<std::int32_t>& source,
                    std::vector<std::int32_t>& target, std::string& why) const;
  // "demanded the withdrawal of Turkish forces", "called for the release of
  // the men": whom an appeal or demand for an act is aimed at, the one who
  // would do it (coder_context_parties.cpp).
  void demanded_act_party(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                          std::vector<std::int32_t>& target, std::string& why) const;
  // "shelled rebel positions inside Congo": force aimed at no state, in a
  // state's land, is aimed at that state (its country as the target).
  void force_territory(const Ctx& c, int t, const std::vector<std::int32_t>& source, std::vector<std::int32_t>& target,
                       std::string& why) const;
  // "accused X of ... and demanded compensation": a directed act told as
  // the second verb of a shared subject, with no target of its own, is
  // aimed at the first verb's object when that verb codes an act.
  void conjunct_target(const Ctx& c, int t, const std::vector<std::int32_t>& source, std::vector<std::int32_t>& target,
                       std::string& why) const;
  // Parties a place gives an act that names none: aid told in a story
  // from its receiver, an arrival in the dateline's state, a ban or arrest
  // by the authority of its place, protesters of the place they protest
  // in; `placed`: the source is the place of an arrest told by a noun.
  void place_parties(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why, bool& placed) const;
  // `material`: t is a material act (roots 14-20), which those who react
  // to it are not the target of. True when the pattern coder is to be
  // kept from aiming t at a party it passed over.
  [[nodiscard]] bool other_party(const Ctx& c, int t, const std::vector<std::int32_t>& source, std::vector<std::int32_t>& target,
                   std::string& why, bool material = false) const;
  // `act`: t is a noun naming a verbal act (a demand, an accusation, an
  // offer): the verb it is the object of does not say whether it was made.
  int status_of(const Ctx& c, int t, bool act = false) const;
  int gov_cue(const Ctx& c, int h) const;
  bool denied(const Ctx& c, int n) const;
  bool evaluating_verb(std::string_view lemma) const;
  bool accusing_verb(std::string_view lemma) const;
  bool content_verb(const Ctx& c, int v, const Frame& f) const;
  // The tone of head's subtree, or of the word head alone.
  int tone_of(const Ctx& c, int head, bool word_only = false) const;
  const Dictionary& dict_;
  const FrameTable& frames_;
  const StatusCues& cues_;
  std::vector<std::string> agent_nouns_;  // sorted
  int domestic_class_ = -1;               // frames.tsv @domestic: "government", "police"
  int private_class_ = -1;                // frames.tsv @private: "journalist", "student"
  int agreement_class_ = -1;              // frames.tsv @agreement: "treaty", "deal"
  int voice_class_ = -1;                  // frames.tsv @voice: "expressed", "voiced" (concern)
  int lodge_class_ = -1;                  // frames.tsv @lodge: "lodged", "filed" (a protest)
  int visit_class_ = -1;                  // frames.tsv @visit: "visit", "trip", "tour"
  int rite_class_ = -1;                   // frames.tsv @rite: "funeral", "inauguration"
  int charge_class_ = -1;                 // frames.tsv @charge: "accusation", "charge"
  int conduct_class_ = -1;                // frames.tsv @conduct: "adopted" a policy, "signed" a deal
  int endure_class_ = -1;                 // frames.tsv @endure: "tolerate", "repel" another's act
  int hinder_class_ = -1;                 // frames.tsv @hinder: "block", "delay" another's act
  int prisoner_class_ = -1;               // frames.tsv @prisoner: "hostage", "jailed"
  int carrier_class_ = -1;                // frames.tsv @carrier: "mission" of a "mediation mission"
  int proclaim_class_ = -1;               // frames.tsv @proclaim: "announced" or "ordered" an act of one's own
  int act_class_ = -1;                    // frames.tsv @act: "decision", "plan"
  int backing_class_ = -1;                // frames.tsv @backing: "support", "weight" given to another
  int wrongdoing_class_ = -1;             // frames.tsv @wrongdoing: "abuse", "crime" (that are investigated)
  int harmful_class_ = -1;                // frames.tsv @harmful: "bomb", "shelling"
  int reprisal_class_ = -1;               // frames.tsv @reprisal: "retaliate", "avenge"
  int border_class_ = -1;                 // frames.tsv @border: "border", "crossing"
  int ties_class_ = -1;                   // frames.tsv @ties: "relation", "tie"
  int nonstate_class_ = -1;               // frames.tsv @nonstate: "terrorist", "rebel"
  int craft_class_ = -1;                  // frames.tsv @craft: "helicopter", "warship"
  int utterance_class_ = -1;              // frames.tsv @utterance: "statement", "letter"
  int operation_class_ = -1;              // frames.tsv @operation: "operation", "intervention"
  int inkind_class_ = -1;                 // frames.tsv @inkind: "kind", "manner" ("responded in kind")
  int withdrawn_class_ = -1;              // frames.tsv @withdrawn: "withdrawal", "pullout"
  int freeing_class_ = -1;                // frames.tsv @freeing: "release", "return"
  int denial_class_ = -1;                 // frames.tsv @denial: "deny", "refute"
  int counterpart_class_ = -1;            // frames.tsv @counterpart: "her British counterpart"
  int authoring_class_ = -1;              // frames.tsv @authoring: "a U.S.-drafted resolution"
  int truce_class_ = -1;                  // frames.tsv @truce: "a ceasefire agreed in 1994"
  int untrue_class_ = -1;                 // frames.tsv @untrue: "the charge was false"
  int collection_class_ = -1;             // frames.tsv @collection: "a list of demands"
  int avowal_class_ = -1;                 // frames.tsv @avowal: "a message of support"
  int amount_class_ = -1;                 // frames.tsv @amount: "50 million euros in aid"
  int permission_class_ = -1;             // frames.tsv @permission: "denied entry"
  int refusal_class_ = -1;                // frames.tsv @refusal: "X's refusal to reopen"
  int subordinate_class_ = -1;            // frames.tsv @subordinate: "ordered its troops to ..."
  int count_class_ = -1;                  // frames.tsv @count: "thousands of X", "a group of X"
  int repeating_class_ = -1;              // frames.tsv @repeating: "repeated that call"
  int referring_class_ = -1;              // frames.tsv @referring: "the move", "the decision"
  int talks_class_ = -1;                  // frames.tsv @talks: "talk", "conference"
  int press_class_ = -1;                  // frames.tsv @press: "press", "news", "media"
  int infrastructure_class_ = -1;         // frames.tsv @infrastructure: "pipeline", "bridge"
  int facility_class_ = -1;               // frames.tsv @facility: "dam", "port"
  int novel_class_ = -1;                  // frames.tsv @novel: "new", "planned"
  int arms_class_ = -1;                   // frames.tsv @arms: "missile", "shell"
  int bombs_class_ = -1;                  // frames.tsv @bombs: "bomb", "rocket"
  int happen_class_ = -1;                 // frames.tsv @happen: "take (place)", "begin"
  int construction_class_ = -1;           // frames.tsv @construction: "build", "open", "construction"
  int say_frame_ = -1;                    // the verb "say" (010): the frame of "according to X"
  int meet_frame_ = -1;                   // the verb "meet" (040): a guest received by a person meets the host
  int visit_frame_ = -1;                  // the verb "visit" (042): the frame of presence visits
};

}  // namespace dipgraph::ingest
