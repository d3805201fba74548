// Analyzer: see analyzer.hpp.
#include "ingest/syntax/analyzer.hpp"

#include "ingest/syntax/tag_repairs.hpp"

namespace dipgraph::syntax {

std::unique_ptr<Analyzer> Analyzer::load(const std::string& data_dir, bool with_parser) {
  auto a = std::make_unique<Analyzer>();
  a->tagger_ = Tagger::load(data_dir + "/tagger.bin");
  a->adjective_class_ = a->tagger_->class_of(Upos::ADJ, "JJ");
  a->preposition_class_ = a->tagger_->class_of(Upos::ADP, "IN");
  a->lemmatizer_ = Lemmatizer::load({data_dir + "/lemmas.tsv", data_dir + "/lemmas-extra.tsv"});
  if (with_parser) a->parser_ = Parser::load(data_dir + "/parser.bin");
  return a;
}

void Analyzer::analyze(const std::vector<std::string_view>& words, Analysis& out,
                       Scratch& s) const {
  static const std::vector<Hint> kNoHints;
  analyze(words, kNoHints, out, s);
}

void Analyzer::analyze(const std::vector<std::string_view>& words, const std::vector<Hint>& hints,
                       Analysis& out, Scratch& s) const {
  const std::size_t n = words.size();
  // A demonym before a noun ("Kenyan jets", "Eritrean warships") is an
  // adjective, and its noun is tagged knowing that: a rare demonym the
  // tagger takes for a name makes the noun after it a verb ("jets").
  // Demonyms as nouns keep the tagger's choice: plurals ("Kenyans"), and
  // one followed by a capital, a number, punctuation or a function word
  // ("a Kenyan was ...", "the Kenyan said").
  s.fixed.clear();
  for (std::size_t i = 0; i + 1 < n && i < hints.size(); ++i) {
    if (hints[i] != Hint::adjective || adjective_class_ < 0 || words[i].empty() || words[i].back() == 's') continue;
    if (!tag_repairs::noun_like_next(words[i + 1])) continue;
    s.fixed.resize(n, -1);
    s.fixed[i] = adjective_class_;
  }
  // Prepositions that are nothing else ("amid", "despite", "via"), rare in
  // the web text the tagger learned from ("amid" read as a verb).
  for (std::size_t i = 0; i < n && preposition_class_ >= 0; ++i)
    if (tag_repairs::only_preposition(words[i])) {
      s.fixed.resize(n, -1);
      s.fixed[i] = preposition_class_;
    }
  tagger_->tag(words, s.fixed, out, s.tag);
  // Names the tagger took for something else than a noun are names.
  static const std::uint8_t kNNP = xpos_index("NNP"), kJJ = xpos_index("JJ");
  s.named.assign(n, false);
  for (std::size_t i = 0; i < n && i < hints.size(); ++i) {
    s.named[i] = hints[i] != Hint::none;
    Upos u = out.upos[i];
    // (a name tagged as a common noun stays one, but not right after a
    // common noun in lower case: "a move Baku condemned" is no compound
    // "move Baku", the name opens a clause)
    const bool after_noun = u == Upos::NOUN && i > 0 && out.upos[i - 1] == Upos::NOUN && !words[i - 1].empty() &&
                            words[i - 1][0] >= 'a' && words[i - 1][0] <= 'z' && !words[i].empty() &&
                            words[i][0] >= 'A' && words[i][0] <= 'Z';
    if (hints[i] == Hint::proper_noun && u != Upos::PROPN && (u != Upos::NOUN || after_noun))
      out.upos[i] = Upos::PROPN, out.xpos[i] = kNNP;
    else if (hints[i] == Hint::adjective && u != Upos::ADJ && u != Upos::PROPN && u != Upos::NOUN)
      out.upos[i] = Upos::ADJ, out.xpos[i] = kJJ;
  }
  // (only with the recognizer's hints: where no names were looked for, as
  // in a treebank's web text, lower-case names are common)
  if (!hints.empty()) tag_repairs::lower_case_names(words, s.named, *lemmatizer_, out);
  tag_repairs::verb_forms_taken_for_nouns(words, s.named, *lemmatizer_, out);
  tag_repairs::verbs_taken_for_auxiliaries(words, out);
  tag_repairs::nouns_taken_for_verbs(words, s.named, *lemmatizer_, out);
  tag_repairs::nouns_taken_for_adverbs(words, s.named, *lemmatizer_, out);
  tag_repairs::adverbs_after_possessives(words, *lemmatizer_, out);
  tag_repairs::plurals_after_prepositions(words, *lemmatizer_, out);
  tag_repairs::plurals_taken_for_singulars(words, *lemmatizer_, out);
  tag_repairs::modifiers_taken_for_verbs(words, *lemmatizer_, out);
  tag_repairs::joint_taken_for_verb(words, out);
  tag_repairs::participles_after_degree_adverbs(words, out);
  tag_repairs::presents_after_whose_subjects(words, *lemmatizer_, out);
  tag_repairs::nouns_taken_for_numbers(words, *lemmatizer_, out);
  tag_repairs::presents_after_subordinators(words, *lemmatizer_, out);
  tag_repairs::pasts_taken_for_adjectives(words, *lemmatizer_, out);
  tag_repairs::presents_taken_for_plurals(words, s.named, *lemmatizer_, out);
  tag_repairs::infinitives_taken_for_adjectives(words, *lemmatizer_, out);
  tag_repairs::nouns_after_modals(words, *lemmatizer_, out);
  tag_repairs::pasts_before_infinitives(words, *lemmatizer_, out);
  out.lemma.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    lemmatizer_->lemma_into(words[i], out.upos[i], out.xpos[i], out.lemma[i]);
  tag_repairs::pasts_after_and(words, out);
  tag_repairs::headless_participles(words, out);
  tag_repairs::pasts_after_subordinators(words, out);
  tag_repairs::base_forms_taken_for_pasts(words, *lemmatizer_, out);
  tag_repairs::presents_before_infinitives(words, *lemmatizer_, out);
  tag_repairs::nouns_after_infinitive_to(words, *lemmatizer_, out);
  tag_repairs::participles_after_numbers(words, out);
  tag_repairs::that_after_told_object(words, out);
  tag_repairs::plurals_in_object_phrases(words, *lemmatizer_, out);
  if (parser_) {
    parser_->parse(words, out, s.parse);
  } else {
    out.head.assign(n, -1);
    out.rel.assign(n, 0);
  }
}

}  // namespace dipgraph::syntax
