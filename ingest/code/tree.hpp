// Tree: reading one parsed sentence (syntax::Analysis) by its relations.
//
// Children lists, relation names with and without subtype ("nsubj:pass" is
// an "nsubj"), the preposition or particle a dependent carries ("with" of
// "with Japan"), voice, and the clause a word belongs to. Built once per
// parsed sentence over flat vectors; cheap to rebuild (reset() keeps
// capacity).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"

namespace dipgraph::ingest {

class Tree {
 public:
  void reset(const syntax::Analysis& a) {
    a_ = &a;
    const int n = static_cast<int>(a.size());
    head_.assign(a.head.begin(), a.head.end());
    rel_.resize(n);
    base_.resize(n);
    for (int i = 0; i < n; ++i) {
      rel_[i] = syntax::deprel_name(a.rel[i]);
      base_[i] = rel_[i].substr(0, rel_[i].find(':'));
    }
    index_kids();
    if (repair_buried_prepositions()) index_kids();
    if (repair_partitive_objects()) index_kids();
    if (repair_range_phrases()) index_kids();
    if (repair_reaction_phrases()) index_kids();
    if (repair_time_word_heads()) index_kids();
    if (repair_shifted_objects()) index_kids();
    if (repair_clause_conjunctions()) index_kids();
    if (repair_stolen_subjects()) index_kids();
    if (repair_gap_relatives()) index_kids();
    if (repair_subordinated_subjects()) index_kids();
    if (repair_prepositional_subordinators()) index_kids();
    if (repair_demonstrative_heads()) index_kids();
    if (repair_fronted_compounds()) index_kids();
    if (repair_quote_conjuncts()) index_kids();
    if (repair_said_numbers()) index_kids();
    if (repair_double_objects()) index_kids();
    if (repair_handed_over()) index_kids();
    if (repair_double_subjects()) index_kids();
    if (repair_finite_modifiers()) index_kids();
    if (repair_name_roots()) index_kids();
    if (repair_split_subjects()) index_kids();
    if (repair_noun_root_conjuncts()) index_kids();
    if (repair_fronted_participles()) index_kids();
    if (repair_noun_subjects()) index_kids();
    if (repair_passive_agents()) index_kids();
    if (repair_active_subjects()) index_kids();
    if (repair_joined_passives()) index_kids();
    if (repair_particle_prepositions()) index_kids();
    if (repair_compound_possessives()) index_kids();
    if (repair_relative_mains()) index_kids();
    if (repair_infinitive_mains()) index_kids();
    if (repair_referring_relatives()) index_kids();
    if (repair_list_appositions()) index_kids();
    if (repair_list_subjects()) index_kids();
    if (repair_fronted_phrase_roots()) index_kids();
    if (repair_name_complements()) index_kids();
    if (repair_between_conjuncts()) index_kids();
    if (repair_medium_phrases()) index_kids();
    if (repair_speech_sources()) index_kids();
    if (repair_name_clauses()) index_kids();
    if (repair_dated_names()) index_kids();
    if (repair_who_subjects()) index_kids();
    if (repair_who_conjuncts()) index_kids();
    if (repair_place_complements()) index_kids();
    if (repair_modifier_conjuncts()) index_kids();
    if (repair_adjective_conjuncts()) index_kids();
    if (repair_due_clauses()) index_kids();
    if (repair_clauses()) index_kids();
    if (repair_verb_relatives()) index_kids();
    if (repair_finite_conjuncts()) index_kids();
    if (repair_subject_conjuncts()) index_kids();
    if (repair_phrase_conjuncts()) index_kids();
    if (repair_that_conjuncts()) index_kids();
    if (repair_participle_conjuncts()) index_kids();
    if (repair_relative_objects()) index_kids();
    if (repair_semicolons()) index_kids();
    if (repair_dated_subjects()) index_kids();
    if (repair_object_complements()) index_kids();
    if (repair_aux_subjects()) index_kids();
    if (repair_infinitive_complements()) index_kids();
    if (repair_object_infinitives()) index_kids();
    if (repair_purpose_infinitives()) index_kids();
    if (repair_leftward_infinitives()) index_kids();
    if (repair_moved_infinitives()) index_kids();
    if (repair_complement_participles()) index_kids();
    if (repair_temporal_clauses()) index_kids();
    if (repair_quote_attributions()) index_kids();
    if (repair_said_objects()) index_kids();
    if (repair_stray_said_clauses()) index_kids();
    if (repair_said_subjects()) index_kids();
    if (repair_comma_participles()) index_kids();
    if (repair_conditional_mains()) index_kids();
    if (repair_modifier_clauses()) index_kids();
    if (repair_verb_modifiers()) index_kids();
    repair_outer_subjects();
    repair_subjects();
    // (after a cased "subject" has become the oblique it is)
    if (repair_fronted_subjects()) index_kids();
  }
  // Repairs of the parser's known slips, each a class of error (tree_repair_clauses.cpp,
  // tree_repair_speech.cpp, tree_repair_conjuncts.cpp, tree_repair_relatives.cpp,
  // tree_repair_infinitives.cpp, tree_repair_arguments.cpp, tree_repair_subjects.cpp); reset() applies
  // them in order.
  void repair_outer_subjects();
  bool repair_finite_conjuncts();
  bool repair_subject_conjuncts();
  bool repair_clause_conjunctions();
  bool repair_stolen_subjects();
  bool repair_gap_relatives();
  bool repair_subordinated_subjects();
  bool repair_prepositional_subordinators();
  bool repair_demonstrative_heads();
  bool repair_fronted_compounds();
  bool repair_quote_conjuncts();
  bool repair_said_numbers();
  bool repair_phrase_conjuncts();
  bool repair_that_conjuncts();
  bool repair_list_appositions();
  bool repair_list_subjects();
  bool repair_fronted_phrase_roots();
  bool repair_name_complements();
  bool repair_participle_conjuncts();
  bool repair_relative_objects();
  bool repair_semicolons();
  bool repair_aux_subjects();
  bool repair_dated_subjects();
  bool repair_dated_names();
  bool calendar_word(int i) const;
  bool repair_fronted_subjects();
  bool repair_object_complements();
  bool repair_quote_attributions();
  bool repair_said_objects();
  bool repair_handed_over();
  bool repair_double_subjects();
  bool repair_finite_modifiers();
  bool repair_name_roots();
  bool repair_split_subjects();
  bool repair_noun_root_conjuncts();
  bool repair_fronted_participles();
  bool repair_noun_subjects();
  bool repair_passive_agents();
  bool repair_active_subjects();
  bool repair_joined_passives();
  bool repair_particle_prepositions();
  bool repair_buried_prepositions();
  bool repair_partitive_objects();
  bool repair_range_phrases();
  bool repair_reaction_phrases();
  bool repair_time_word_heads();
  bool repair_shifted_objects();
  bool repair_compound_possessives();
  bool repair_relative_mains();
  bool repair_infinitive_mains();
  bool repair_referring_relatives();
  bool repair_stray_said_clauses();
  bool repair_said_subjects();
  bool repair_comma_participles();
  bool repair_conditional_mains();
  bool repair_modifier_clauses();
  bool repair_verb_modifiers();
  bool repair_temporal_clauses();
  bool repair_infinitive_complements();
  bool repair_object_infinitives();
  bool repair_purpose_infinitives();
  bool repair_leftward_infinitives();
  bool repair_moved_infinitives();
  bool repair_complement_participles();
  bool repair_clauses();
  bool repair_verb_relatives();
  bool verbless_sentence(int r, int v) const;
  bool repair_double_objects();
  bool repair_between_conjuncts();
  bool repair_medium_phrases();
  bool repair_speech_sources();
  bool repair_who_subjects();
  bool repair_who_conjuncts();
  bool repair_place_complements();
  bool repair_modifier_conjuncts();
  bool repair_adjective_conjuncts();
  bool repair_name_clauses();
  bool repair_due_clauses();
  void repair_subjects();
  // A verb of saying that reports a clause ("say", "claim", "announce",
  // "tell"), shared by the repairs of clauses said. With addressee false,
  // the verbs whose object is whom they address ("tell", "inform",
  // "assure", "warn") are left out: their noun object is no clause's
  // subject.
  static bool reports_clause(std::string_view lemma, bool addressee = true);
  // A noun that names a time: a day, a month, a part of the day or year
  // ("on Tuesday", "last week"); no one is asked or acted on there.
  static bool time_noun(std::string_view lemma);
  // A noun of a thing said or written ("statement", "letter", "interview"):
  // a "from" phrase on it says where the speaking came from.
  static bool speech_noun(std::string_view lemma);
  // Hang x on h with relation r ("conj", "nsubj", "acl:relcl").
  void attach(int x, int h, std::string_view r) {
    head_[x] = h;
    rel_[x] = r;
    base_[x] = r.substr(0, r.find(':'));
  }
  // x takes y's place: y's head and relation.
  void take_place(int x, int y) {
    head_[x] = head_[y];
    rel_[x] = rel_[y];
    base_[x] = base_[y];
  }
  // The first word of i's phrase (its leftmost descendant, or i).
  int left_edge(int i) const {
    while (kids_begin(i) != kids_end(i) && *kids_begin(i) < i) i = *kids_begin(i);
    return i;
  }
  void index_kids() {
    const int n = size();
    first_.assign(n + 1, 0);
    for (int i = 0; i < n; ++i)
      if (head_[i] >= 0) ++first_[head_[i] + 1];
    for (int i = 0; i < n; ++i) first_[i + 1] += first_[i];
    kids_.assign(first_[n], 0);
    fill_.assign(first_.begin(), first_.end() - 1);
    for (int i = 0; i < n; ++i)
      if (head_[i] >= 0) kids_[fill_[head_[i]]++] = i;
  }
  // True if node i carries a preposition: a "case" child tagged ADP before it.
  bool case_prep(int i) const {
    for (const int* k = kids_begin(i); k != kids_end(i) && *k < i; ++k)
      if (base_[*k] == "case" && upos(*k) == syntax::Upos::ADP) return true;
    return false;
  }
  // True if a "cc" word ("and", "or") opens node i's phrase: a child of i
  // or of one of its left children, before i.
  bool coordinated(int i) const {
    for (const int* k = kids_begin(i); k != kids_end(i) && *k < i; ++k) {
      if (base_[*k] == "cc") return true;
      for (const int* j = kids_begin(*k); j != kids_end(*k) && *j < *k; ++j)
        if (base_[*j] == "cc") return true;
    }
    return false;
  }
  // The last word of i's phrase (its rightmost descendant, or i).
  int right_edge(int i) const {
    while (kids_end(i) != kids_begin(i) && *(kids_end(i) - 1) > i) i = *(kids_end(i) - 1);
    return i;
  }
  int size() const { return static_cast<int>(rel_.size()); }
  int head(int i) const { return head_[i]; }
  std::string_view rel(int i) const { return rel_[i]; }    // "nsubj:pass"
  std::string_view base(int i) const { return base_[i]; }  // "nsubj"
  syntax::Upos upos(int i) const { return a_->upos[i]; }
  const std::string& lemma(int i) const { return a_->lemma[i]; }
  // Children of i in word order.
  const int* kids_begin(int i) const { return kids_.data() + first_[i]; }
  const int* kids_end(int i) const { return kids_.data() + first_[i + 1]; }
  // The first child of i with relation `r` (exact, or base when r has no ':'), -1 if none.
  int child(int i, std::string_view r) const {
    bool exact = r.find(':') != std::string_view::npos;
    for (const int* k = kids_begin(i); k != kids_end(i); ++k)
      if ((exact ? rel_[*k] : base_[*k]) == r) return *k;
    return -1;
  }
  // The lemma of the preposition or subordinator i carries ("case" or
  // "mark" child), or of its particle; empty if none.
  std::string_view marker(int i) const {
    for (const int* k = kids_begin(i); k != kids_end(i); ++k)
      if (base_[*k] == "case" || base_[*k] == "mark") return a_->lemma[*k];
    return {};
  }
  bool passive(int v) const {
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (rel_[*k] == "nsubj:pass" || rel_[*k] == "aux:pass" || rel_[*k] == "csubj:pass")
        return true;
    return false;
  }
  bool is_verb(int i) const { return upos(i) == syntax::Upos::VERB; }
  // A finite form by its tag: a past or a present ("VBD", "VBZ", "VBP").
  bool finite_tag(int i) const {
    const std::string& x = xpos(i);
    return x == "VBD" || x == "VBZ" || x == "VBP";
  }
  // (the normalizer makes every quotation mark a straight one)
  bool quote_mark(int i) const { return a_->lemma[i] == "\"" || a_->lemma[i] == "'"; }
  // A past participle modifying a noun ("Comoros, backed by AU forces"): a
  // passive without its auxiliary; the noun is what it acts on. With an
  // object of its own it is no passive ("after the body condemned X"):
  // the noun is its subject.
  bool reduced_passive(int v) const {
    return rel_[v] == "acl" && xpos(v) == "VBN" && head_[v] >= 0 && is_nominal(head_[v]) &&
           child(v, "obj") < 0;
  }
  // The Penn tag of i ("VB", "VBD", ...).
  const std::string& xpos(int i) const { return syntax::xpos_names()[a_->xpos[i]]; }
  // A clause whose verb says what should happen: a bare verb ("demanded that
  // Japan end ...") or one under "must", "should" or "shall".
  bool mandative(int v) const {
    // (a plural subject's bare verb is tagged as a present: "that the troops leave")
    if ((xpos(v) == "VB" || xpos(v) == "VBP") && child(v, "aux") < 0) {
      for (const int* k = kids_begin(v); k != kids_end(v); ++k)
        if (base_[*k] == "mark" && a_->lemma[*k] == "to") return false;
      return true;
    }
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (base_[*k] == "aux" &&
          (a_->lemma[*k] == "must" || a_->lemma[*k] == "should" || a_->lemma[*k] == "shall"))
        return true;
    return false;
  }
  bool is_nominal(int i) const {
    auto u = upos(i);
    return u == syntax::Upos::NOUN || u == syntax::Upos::PROPN || u == syntax::Upos::PRON;
  }
  // Word t tells an act of its own clause, not one reported inside a
  // noun's clause ("reports that he had offered ..."), and the phrase of x
  // names no one only by a personal pronoun object ("offered to sell them
  // arms": whom the tree leaves unnamed; "which" and "that" are no one).
  bool own_act(int t, int x) const {
    for (int y = t; head_[y] >= 0; y = head_[y])
      if (base_[y] == "acl" || is_nominal(head_[y])) return false;
    for (int y = left_edge(x); y <= right_edge(x); ++y)
      if (xpos(y) == "PRP" && (base_[y] == "obj" || base_[y] == "iobj")) return false;
    return true;
  }

 private:
  const syntax::Analysis* a_ = nullptr;
  std::vector<int> head_, first_, kids_, fill_;
  std::vector<std::string_view> rel_, base_;
};

}  // namespace dipgraph::ingest
