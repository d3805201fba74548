// Parser input (parser_input.hpp): the words the parser reads of a
// sentence and the recognizer's hints.
#include "ingest/code/parser_input.hpp"

#include "ingest/code/tree.hpp"
#include "ingest/read/document.hpp"

namespace dipgraph::ingest {

namespace {

using syntax::Upos;

// A prefix glued by a hyphen that makes a modifier of the word after it.
bool is_prefix_of_stance(std::string_view p) {
  return p == "anti" || p == "pro" || p == "non" || p == "counter" || p == "post" || p == "pre" ||
         p == "semi" || p == "multi";
}

// A prefix glued by a hyphen to a verb form that makes one verb of them.
bool is_prefix_of_verb(std::string_view p) { return p == "test" || p == "co"; }

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Participles whose form is their base's ("flood-hit", "state-run"), or
// that WordNet's exceptions do not list as a verb's.
bool is_bare_participle(std::string_view w) {
  return w == "hit" || w == "run" || w == "torn" || w == "stricken" || w == "ridden" || w == "born" || w == "set" ||
         w == "cut" || w == "built" || w == "made" || w == "won" || w == "struck";
}

}  // namespace

void words_of_sentence(std::string_view text, const std::vector<Tok>& toks, std::uint32_t begin,
                       std::uint32_t end, std::vector<std::string_view>& words,
                       std::vector<std::uint32_t>& tok_of_word, const std::vector<char>* skip) {
  words.clear();
  tok_of_word.clear();
  for (std::uint32_t i = begin; i < end; ++i) {
    const Tok& t = toks[i];
    if (skip && (*skip)[i - begin]) continue;
    // "Mr." is one word, as the treebank writes it: split, the parser
    // reads "Mr" and "Lee" as two subjects of "said Mr. Lee".
    if (i + 1 < end && toks[i + 1].start == t.end && t.end < text.size() && text[t.end] == '.' &&
        toks[i + 1].end == t.end + 1 && is_title_abbreviation(text.substr(t.start, t.end - t.start))) {
      words.push_back(text.substr(t.start, t.end + 1 - t.start));
      tok_of_word.push_back(i++);
      continue;
    }
    words.push_back(text.substr(t.start, t.end - t.start));
    tok_of_word.push_back(i);
    if (t.is(kPossessive)) {
      // "Russia's" -> "Russia" "'s"; "allies'" -> "allies" "'".
      std::size_t n = t.end + 1 < text.size() && text[t.end] == '\'' &&
                              (text[t.end + 1] == 's' || text[t.end + 1] == 'S')
                          ? 2
                          : 1;
      if (t.end < text.size()) {
        words.push_back(text.substr(t.end, n));
        tok_of_word.push_back(i);
      }
    }
  }
}

void left_out_toks(std::string_view text, const std::vector<Tok>& toks, std::uint32_t begin, std::uint32_t end,
                   const syntax::Lemmatizer& lem, std::vector<char>& skip, std::string& scratch) {
  auto word = [&](std::uint32_t i) { return text.substr(toks[i].start, toks[i].end - toks[i].start); };
  auto quote_tok = [&](std::uint32_t i) { return toks[i].end == toks[i].start + 1 && text[toks[i].start] == '"'; };
  // Whether the quote opening at Tok i sets off words of the clause: after
  // a verb (not one a determiner makes a noun: 'called the recall
  // "disproportionate"' keeps the complement its marks set off) or before
  // an adverb of manner.
  auto scare_quoted = [&](std::uint32_t i) {
    to_lower(word(i + 1), scratch);
    if (scratch.size() > 4 && ends_with(scratch, "ly") && lem.adverb_index_word(scratch)) return true;
    const Tok& p = toks[i - 1];
    if (p.is(kCap) || (p.cls & (kDet | kBe | kAux | kPronoun | kPronounPl | kPrep | kConj | kSubord | kReport))) return false;
    if (i >= 2 && (toks[i - 2].cls & kDet || toks[i - 2].is(kPossessive))) return false;
    to_lower(word(i - 1), scratch);
    if (scratch == "it" || scratch == "we" || scratch == "i" || scratch == "you" || scratch == "this") return false;
    std::string lemma;
    lem.lemma_into(scratch, Upos::VERB, syntax::kNoXpos, lemma);
    return lem.verb_index_word(lemma) && !Tree::reports_clause(lemma);
  };
  skip.assign(end - begin, 0);
  // Scare quotes: a few words quoted inside a clause ('said Paris "deeply
  // regrets" the decision', 'expressed "full solidarity" with X') are read
  // as the clause's own words: the parser, trained on quotes that open
  // speech, breaks the clause at their marks.
  for (std::uint32_t i = begin + 1; i + 1 < end; ++i) {
    if (!quote_tok(i) || !toks[i - 1].is(kWord)) continue;
    std::uint32_t j = i + 1;
    while (j < end && j <= i + 7 && toks[j].is(kWord)) ++j;
    if (j >= end || j == i + 1 || j > i + 7 || !quote_tok(j)) continue;
    if (scare_quoted(i)) skip[i - begin] = skip[j - begin] = 1;
    i = j;
  }
  // "test-fired", "co-hosted": a prefix glued by a hyphen to a past form
  // makes one verb; the parser, given the pieces, reads "test" as a noun of
  // the clause. It reads the verb alone.
  for (std::uint32_t i = begin; i + 1 < end; ++i) {
    if (!toks[i + 1].is(kHyphenJoined)) continue;
    to_lower(word(i), scratch);
    if (!is_prefix_of_verb(scratch)) continue;
    to_lower(word(i + 1), scratch);
    if (scratch.size() >= 4 && ends_with(scratch, "ed")) skip[i - begin] = 1;
  }
  // "flood-hit Pakistan", "war-torn Yemen": a common word glued by a
  // hyphen to a participle, before a name, is one modifier of the name
  // that names no party; the parser, given its pieces without the hyphen
  // (the treebank writes one), reads "to flood hit Pakistan" as an
  // infinitive. It reads the name alone. (A name so glued stays:
  // "Saudi-led", "U.S.-drafted" tell who; so does a compound before a
  // common noun, "state-run media", which the parser reads as modifiers.)
  for (std::uint32_t i = begin; i + 2 < end; ++i) {
    if (!toks[i + 1].is(kHyphenJoined) || toks[i].is(kCap) || !toks[i].is(kWord) || !toks[i + 2].is(kWord) ||
        !toks[i + 2].is(kCap) || toks[i + 2].is(kHyphenJoined) || (i > begin && toks[i].is(kHyphenJoined)))
      continue;
    // (a prefix is no word of its own: "co-chaired", "anti-dumping")
    to_lower(word(i), scratch);
    if (scratch.size() < 3 || is_prefix_of_verb(scratch) || is_prefix_of_stance(scratch)) continue;
    to_lower(word(i + 1), scratch);
    bool participle = is_bare_participle(scratch) || lem.irregular_verb_form(scratch);
    if (!participle && scratch.size() > 4 && ends_with(scratch, "ed")) {
      std::string lemma;
      lem.lemma_into(scratch, Upos::VERB, syntax::kNoXpos, lemma);
      participle = lemma != scratch && lem.verb_index_word(lemma);
    }
    if (participle) skip[i - begin] = skip[i + 1 - begin] = 1;
  }
}

void parser_hints(const Analysis& a, const std::vector<std::string_view>& words,
                  const std::vector<std::uint32_t>& tok_of_word, const syntax::Lemmatizer& lem,
                  std::vector<syntax::Analyzer::Hint>& hints, std::string& lower, std::string& lemma) {
  const auto& toks = a.toks;
  // Names the recognizer found are names, whatever the tagger thought
  // ("Norway" opening a sentence is no adverb).
  hints.assign(words.size(), syntax::Analyzer::Hint::none);
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::uint32_t ti = tok_of_word[w];
    int mi = a.mention_at[ti];
    if (mi < 0 || (w > 0 && tok_of_word[w - 1] == ti)) continue;
    // A lower-case word inside a name ("mainland China") modifies it.
    if (!toks[ti].is(kCap)) {
      const Mention& m = a.mentions[mi];
      if (toks[ti].is(kWord) && !(toks[ti].cls & (kPrep | kDet | kConj)) && m.kind == MentionKind::country &&
          ti + 1 < m.end && !m.anaphor)
        hints[w] = syntax::Analyzer::Hint::adjective;
      continue;
    }
    if (toks[ti].cls & kDet) continue;  // "The" of "The US" stays a determiner
    const Mention& m = a.mentions[mi];
    if (m.anaphor || m.kind == MentionKind::group) continue;
    hints[w] = m.kind == MentionKind::demonym ? syntax::Analyzer::Hint::adjective
                                              : syntax::Analyzer::Hint::proper_noun;
  }
  // "anti-dumping duties", "anti-bribery rules": a form of a verb glued
  // by a hyphen to a prefix of stance or degree, and the prefix, modify
  // the noun after them (the tagger reads "dumping" as a verb, "anti" as
  // a foreign word). (A name so glued stays: "the anti-balaka".)
  // ("President-elect": "elect" glued to a title is part of the title)
  for (std::size_t w = 1; w < words.size(); ++w) {
    if (!toks[tok_of_word[w]].is(kHyphenJoined) || tok_of_word[w - 1] == tok_of_word[w]) continue;
    if (words[w] == "elect" && hints[w] == syntax::Analyzer::Hint::none) {
      hints[w] = syntax::Analyzer::Hint::proper_noun;
      continue;
    }
    to_lower(words[w - 1], lower);
    if (!is_prefix_of_stance(lower)) continue;
    to_lower(words[w], lower);
    lem.lemma_into(lower, Upos::VERB, syntax::kNoXpos, lemma);
    if (!lem.verb_index_word(lemma)) continue;
    if (hints[w - 1] == syntax::Analyzer::Hint::none) hints[w - 1] = syntax::Analyzer::Hint::adjective;
    if (hints[w] == syntax::Analyzer::Hint::none) hints[w] = syntax::Analyzer::Hint::adjective;
  }
}

}  // namespace dipgraph::ingest
