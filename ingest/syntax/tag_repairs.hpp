// The Analyzer's repairs to the tagger's tags, each a class of errors the
// tagger (trained on web text) makes on news text (docs/tag-repairs.md).
// Each takes the sentence's words and its Analysis with tags (and, where
// said, lemmas) and changes tags in place.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"
#include "ingest/syntax/lemmatizer.hpp"

namespace dipgraph::syntax::tag_repairs {

// True if the verb `lemma` tells someone something (tell, inform, assure,
// remind, warn ...): it takes a person as its object and then what it tells.
bool tells_someone(std::string_view lemma);

// True if `w` can open the noun phrase a modifier sits in: a lower-case
// word that is no function word ("Kenyan jets": yes; "Kenyan was": no).
bool noun_like_next(std::string_view w);

// Before lemmas. "India struck camps": a word tagged as a noun, not after a
// determiner, adjective, number or preposition, that WordNet knows only as
// an irregular past or participle of a verb is that verb. `named[i]`:
// word i is a name the recognizer found (left alone).
void verb_forms_taken_for_nouns(const std::vector<std::string_view>& words,
                                const std::vector<bool>& named, const Lemmatizer& lemmas,
                                Analysis& a);

// Before lemmas. "Mali's junta ordered ..." with "junta" tagged as a name:
// a word in lower case that WordNet knows as a noun, tagged as a proper
// noun and no name the recognizer found (`named[i]`), nor next to a proper
// noun ("Lula da Silva"), is a common noun.
void lower_case_names(const std::vector<std::string_view>& words, const std::vector<bool>& named,
                      const Lemmatizer& lemmas, Analysis& a);

// Before lemmas. "paid tribute to X" with "tribute" tagged as a verb: a
// word tagged as a verb that WordNet knows only as a noun (or its plural),
// never as a form of a verb or an adjective, is that noun. `named[i]`: left alone.
void nouns_taken_for_verbs(const std::vector<std::string_view>& words,
                           const std::vector<bool>& named, const Lemmatizer& lemmas, Analysis& a);

// A word WordNet knows only as a noun (no verb, adjective or adverb sense)
// tagged as an adverb is a noun ("paid tribute to X" had "tribute" as an
// adverb and lost its object).
void nouns_taken_for_adverbs(const std::vector<std::string_view>& words, const std::vector<bool>& named,
                             const Lemmatizer& lemmas, Analysis& a);

// Before lemmas. "X and its ally Y" with "ally" tagged as an adverb: a
// possessive determiner (not "her", also an object) opens a noun phrase; a
// word after it tagged as an adverb, before no adjective, adverb, noun,
// number or verb, that WordNet knows as a noun is that noun.
void adverbs_after_possessives(const std::vector<std::string_view>& words,
                               const Lemmatizer& lemmas, Analysis& a);

// "began joint patrols" with "joint" tagged a verb: before a noun or an
// adjective it is the adjective (the verb, "to joint meat", takes an object
// only as a noun phrase with a determiner).
void joint_taken_for_verb(const std::vector<std::string_view>& words, Analysis& a);

// Before lemmas. "X's leader, whose army patrols the lake, hailed ...",
// with "borders" tagged a plural noun: after "whose" and a singular noun,
// the relative clause's subject, a word in -s that WordNet knows as a verb
// is that clause's verb.
void presents_after_whose_subjects(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                   Analysis& a);

// "a call between X and newly elected President Y", with "elected" tagged
// a verb (and read as a second verb with Y its object): a participle right
// after an adverb of how recently or how it came about ("newly",
// "democratically") and before a noun or a name modifies that noun.
void participles_after_degree_adverbs(const std::vector<std::string_view>& words, Analysis& a);

// Before lemmas. "cut diplomatic and trade ties", with "trade" tagged as
// a verb: a base or present verb form after an adjective and "and"/"or",
// before a noun, that WordNet knows as a noun, is a noun modifier
// coordinated with the adjective (not after "be", an auxiliary or an
// adverb: "are ready and support peace").
void modifiers_taken_for_verbs(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                               Analysis& a);

// Before lemmas. "detained six Kenyan fishermen", with "fishermen" tagged
// as a number: a lower-case word of letters that is no number word and
// whose noun lemma WordNet knows is a noun (plural when its lemma differs).
void nouns_taken_for_numbers(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a);

// Before lemmas. "over reports that": no present tense follows a
// preposition; a verb in -s there whose stem is a WordNet noun is its plural.
// Before lemmas. "imposed export controls": a singular common noun in -s
// that WordNet does not know, whose stem it knows as a noun, is a plural.
void plurals_taken_for_singulars(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                 Analysis& a);

void plurals_after_prepositions(const std::vector<std::string_view>& words,
                                const Lemmatizer& lemmas, Analysis& a);

// Before lemmas. "Managua denies arming the guerrillas", with "denies" read as
// a plural noun: a word in -s tagged as a plural noun whose singular is no
// WordNet noun but whose stem is a WordNet verb is that verb's present.
void presents_taken_for_plurals(const std::vector<std::string_view>& words, const std::vector<bool>& named,
                                const Lemmatizer& lemmas, Analysis& a);

// Before lemmas. "X accused Y of ... and demanded compensation", with
// "demanded" tagged as an adjective of the noun after it: an "-ed" word
// that WordNet lists as no adjective but as a form of a verb, right after
// "and" that follows a noun phrase (no adjective or verb before "and")
// and before an object's first word, in a sentence with an earlier past
// tense, is that clause's second past tense.
void pasts_taken_for_adjectives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                Analysis& a);

// Before lemmas. "agreed to free 43 fishermen", "to clear the way", with the
// verb tagged as an adjective (and "to" as a preposition): no adjective
// stands before a determiner, a number or a possessive pronoun, so a word
// WordNet lists as a verb, right after "to" and before one, is the
// infinitive's verb. So is one before a participle that opens a noun
// phrase ("to free detained reporters"; "to free trade" keeps its tag).
void infinitives_taken_for_adjectives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                      Analysis& a);

// Before lemmas. "Kenya will hand over three boats", with the verb tagged
// as a noun: a modal (with an adverb between or none) takes a verb, so a
// singular noun WordNet also lists as a verb, right after one and before
// a determiner, number, pronoun, particle or preposition, is that verb.
void nouns_after_modals(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a);

// After lemmas. "had brief telephone calls to X", with "calls"
// tagged as a present tense: a verb's object phrase (an adjective in it,
// then a singular noun) ends in a plural noun, not in a verb, so a word in
// -s whose stem WordNet knows as a noun there is that plural (not after
// a verb that may take a clause without "that": "said the new pact works").
void plurals_in_object_phrases(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a);

// After lemmas. "to wait and spoke": an irregular past tagged as a base
// form after "and" or "or" is a past.
void pasts_after_and(const std::vector<std::string_view>& words, Analysis& a);

// After lemmas. "Turkish jets struck positions, the ministry said": the
// participle of a first clause with no finite verb is its past tense.
void headless_participles(const std::vector<std::string_view>& words, Analysis& a);

// True for a word that is only ever a preposition ("amid", "despite",
// "via", "toward"), in any case.
bool only_preposition(std::string_view w);

// Before lemmas. "it shot down X" with "shot" tagged AUX: a word outside the
// closed class of auxiliaries tagged as one is a verb.
void verbs_taken_for_auxiliaries(const std::vector<std::string_view>& words, Analysis& a);

// Before lemmas. "If Russia attacks, ...": after a subordinating conjunction
// and a name or a subject pronoun, a plural noun in -s whose stem WordNet
// knows as a verb, before a comma, the end or the start of an object, is the
// present tense of that verb.
void presents_after_subordinators(const std::vector<std::string_view>& words,
                                  const Lemmatizer& lemmas, Analysis& a);

// After lemmas. "after officials accused Caracas of ...": a participle after
// a subordinating conjunction and a noun phrase, before an object, is a past.
void pasts_after_subordinators(const std::vector<std::string_view>& words, Analysis& a);

// After lemmas. "insisted that the United States lift all sanctions" with
// "lift" tagged as a past: a word tagged as a past whose form is its own
// lemma is a base form, unless it is one of the verbs whose past is their
// base ("put", "cut", "set", "hit" ...) or a word WordNet does not know as
// a verb (a misspelt past keeps its tag): a bare verb (VB).
void base_forms_taken_for_pasts(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                Analysis& a);

// "Turkey undertook to return ...", with an irregular past tagged as an
// adjective or noun: a word that is only a verb's past form (no adjective
// or noun of that spelling), after its subject and before a "to"
// infinitive, is that past.
void pasts_before_infinitives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                              Analysis& a);

// After lemmas. "agreed to hand over the airport" with "hand" tagged as a
// noun: a singular noun right after the "to" of a verb that takes an
// infinitive (the closed list below), before a determiner, number,
// pronoun or particle, whose form is a verb's, is that verb (VB).
void nouns_after_infinitive_to(const std::vector<std::string_view>& words, const Lemmatizer& lemmas, Analysis& a);

// After lemmas. "Egypt plans to buy jets" with "plans" tagged as a plural
// noun the name modifies: a plural noun right after a name, before "to"
// and a bare verb, whose lemma is a verb that takes an infinitive (a
// closed list: plan, aim, hope, want, seek, vow ...), is that verb's
// present (VBZ). ("Russia troops to fire": a noun.)
void presents_before_infinitives(const std::vector<std::string_view>& words, const Lemmatizer& lemmas,
                                 Analysis& a);

// After lemmas. "exchanged 30 captured soldiers": a past after a number that
// follows a verb, a preposition or a determiner, with a plural noun after
// it, modifies that noun: a participle, as before any noun.
void participles_after_numbers(const std::vector<std::string_view>& words, Analysis& a);

// After lemmas. "told reporters that China would ...": "that" after a
// verb of telling and its object opens a clause; no relative pronoun.
void that_after_told_object(const std::vector<std::string_view>& words, Analysis& a);

}  // namespace dipgraph::syntax::tag_repairs
