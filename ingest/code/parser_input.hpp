// What the parser reads of a sentence: its words (a possessive split off,
// a few Toks left out) and the recognizer's hints to the tagger.
//
// The parser was trained on the treebank's sentences; news copy has marks
// and glued words it reads badly ("test-fired" as a noun and a verb, a
// clause broken at scare quotes). These functions turn a sentence of the
// splitter into the words it reads well, and say which words the
// recognizer already knows as names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/recognize/recognizer.hpp"
#include "ingest/syntax/analyzer.hpp"
#include "ingest/syntax/lexer.hpp"

namespace dipgraph::ingest {

// Splits the lexer's Toks of a sentence into the words the parser reads:
// a possessive "'s" becomes a word of its own. words[k] views `text`;
// tok_of_word[k] is the Tok index of word k. Toks marked in `skip`
// (indexed from `begin`) are left out.
void words_of_sentence(std::string_view text, const std::vector<Tok>& toks, std::uint32_t begin,
                       std::uint32_t end, std::vector<std::string_view>& words,
                       std::vector<std::uint32_t>& tok_of_word, const std::vector<char>* skip = nullptr);

// Marks in `skip` (resized to end - begin, indexed from `begin`) the Toks
// of the sentence the parser reads better without: scare quotes inside a
// clause ('said Paris "deeply regrets" the decision') and a prefix glued
// by a hyphen to a past form ("test-fired", "co-hosted"). `scratch`: a
// string that keeps its capacity.
void left_out_toks(std::string_view text, const std::vector<Tok>& toks, std::uint32_t begin, std::uint32_t end,
                   const syntax::Lemmatizer& lem, std::vector<char>& skip, std::string& scratch);

// Fills `hints` (one per word) from what the recognizer found in `a`:
// names are proper nouns and nationality adjectives adjectives, whatever
// the tagger thinks; a verb form glued to a prefix of stance ("anti-dumping
// duties") modifies the noun after it. `lower`, `lemma`: scratch strings.
void parser_hints(const Analysis& a, const std::vector<std::string_view>& words,
                  const std::vector<std::uint32_t>& tok_of_word, const syntax::Lemmatizer& lem,
                  std::vector<syntax::Analyzer::Hint>& hints, std::string& lower, std::string& lemma);

}  // namespace dipgraph::ingest
