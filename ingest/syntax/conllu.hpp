// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// The syntax stage trains on UD treebanks and `dipgraph parse --conllu`
// re-annotates them, so both directions live here. Sentences are kept as the
// file spells them (strings, "_" for empty fields); multiword token lines
// ("3-4\tdon't\t...") are kept verbatim so a file can be written back with
// its original tokenization. Empty nodes ("8.1") are skipped.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace dipgraph::syntax {

// One word line. head: 0 = root, else the 1-based index of the head word, as
// in the file; -1 when the file has "_".
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, deps, misc;
  int head = 0;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // whole lines, with their leading "#"
  std::vector<ConlluWord> words;
  // Range lines ("3-4\tdon't\t_..."), verbatim, each with the 0-based index
  // of the word it precedes.
  std::vector<std::pair<int, std::string>> multiword;
};

// Reads every sentence of `in` (sentences end at a blank line or at the end
// of input). Throws dipgraph::Error "origin:LINE: reason" on a line that is
// not a comment, a blank, or 10 tab-separated fields with a valid id and
// head, or on word ids out of sequence.
std::vector<ConlluSentence> read_conllu(std::istream& in, const std::string& origin);

// Writes one sentence: comments, range and word lines, then a blank line.
void write_conllu(std::ostream& out, const ConlluSentence& sentence);

}  // namespace dipgraph::syntax
