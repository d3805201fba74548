// Analysis: what the syntax stage adds to one sentence's words.
//
// The syntax stage (tagger, lemmatizer, parser) reads a sentence as a list
// of UD-style words (the lexer's Toks, with "'s" and "n't" as words of their
// own) and fills one Analysis: parallel vectors indexed by word. These are
// the plain structs the coder reads; the models that fill them live in
// tagger.hpp, lemmatizer.hpp and parser.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dipgraph::syntax {

// Universal POS tags (https://universaldependencies.org/u/pos/), in this order.
enum class Upos : std::uint8_t {
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
};
inline constexpr int kUposCount = 17;
std::string_view upos_name(Upos u);            // "NOUN"
bool parse_upos(std::string_view s, Upos& out);  // false if `s` is no UPOS

// Universal dependency relations, with the English subtypes EWT uses
// (nsubj:pass, obl:tmod, nmod:poss, compound:prt, acl:relcl, ...). Ids are
// indexes into deprel_names(); 0 is "root".
using Deprel = std::uint8_t;
const std::vector<std::string>& deprel_names();
std::string_view deprel_name(Deprel d);
bool parse_deprel(std::string_view s, Deprel& out);  // false if unknown

// One sentence after tagging, lemmatizing and parsing. All vectors have one
// entry per word. head[i] is the index of word i's head, -1 for the root.
struct Analysis {
  std::vector<Upos> upos;
  std::vector<std::uint8_t> xpos;    // index into xpos_names() (Penn tags: VBD, VBN, NNP, ...)
  std::vector<std::string> lemma;    // lower case ("met" -> "meet", "talks" -> "talk")
  std::vector<int> head;             // -1: root
  std::vector<Deprel> rel;
  std::size_t size() const { return upos.size(); }
  void clear() { upos.clear(); xpos.clear(); lemma.clear(); head.clear(); rel.clear(); }
};
const std::vector<std::string>& xpos_names();  // Penn Treebank tags as EWT uses them
// The index of Penn tag `tag` in xpos_names() (its size if unknown).
std::uint8_t xpos_index(std::string_view tag);

}  // namespace dipgraph::syntax
