// The names of the tag sets of analysis.hpp: UPOS, the UD relations English
// EWT uses, and the Penn XPOS tags. The order of each list is the id order
// the models store, so entries are only ever appended.
#include "ingest/syntax/analysis.hpp"

#include <algorithm>

#include <array>

namespace dipgraph::syntax {

namespace {

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

}  // namespace

std::string_view upos_name(Upos u) {
  auto i = static_cast<std::size_t>(u);
  return i < kUposNames.size() ? kUposNames[i] : "X";
}

bool parse_upos(std::string_view s, Upos& out) {
  for (std::size_t i = 0; i < kUposNames.size(); ++i) {
    if (kUposNames[i] == s) {
      out = static_cast<Upos>(i);
      return true;
    }
  }
  return false;
}

const std::vector<std::string>& deprel_names() {
  static const std::vector<std::string> names = {
      "root",      "punct",        "case",          "nsubj",      "det",        "advmod",
      "obj",       "amod",         "obl",           "conj",       "compound",   "mark",
      "nmod",      "cc",           "aux",           "cop",        "advcl",      "nmod:poss",
      "xcomp",     "ccomp",        "flat",          "acl:relcl",  "parataxis",  "appos",
      "nummod",    "acl",          "aux:pass",      "nsubj:pass", "obl:tmod",   "nmod:tmod",
      "obl:npmod", "nmod:npmod",   "obl:unmarked",  "nmod:unmarked", "discourse", "list",
      "compound:prt", "iobj",      "expl",          "fixed",      "nmod:desc",  "obl:agent",
      "csubj",     "nsubj:outer",  "det:predet",    "vocative",   "goeswith",   "advcl:relcl",
      "cc:preconj", "reparandum",  "orphan",        "csubj:pass", "dislocated", "dep",
      "csubj:outer", "flat:foreign", "det:poss",    "obl:arg",    "expl:pv",    "clf"};
  return names;
}

std::string_view deprel_name(Deprel d) {
  const auto& n = deprel_names();
  return d < n.size() ? std::string_view(n[d]) : std::string_view("dep");
}

bool parse_deprel(std::string_view s, Deprel& out) {
  const auto& n = deprel_names();
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] == s) {
      out = static_cast<Deprel>(i);
      return true;
    }
  }
  return false;
}

const std::vector<std::string>& xpos_names() {
  static const std::vector<std::string> names = {
      "NN",  "IN",  "DT",   "NNP", "PRP", "JJ",  "RB",  ".",   "VB",  "NNS", ",",   "CC",
      "VBP", "VBD", "VBZ",  "CD",  "VBN", "VBG", "MD",  "TO",  "PRP$", "-RRB-", "-LRB-", "WDT",
      ":",   "WRB", "``",   "WP",  "''",  "RP",  "UH",  "HYPH", "POS", "NNPS", "JJS", "JJR",
      "NFP", "ADD", "EX",   "RBR", "GW",  "$",   "SYM", "PDT", "FW",  "RBS", "LS",  "AFX",
      "WP$", "XX"};
  return names;
}

std::uint8_t xpos_index(std::string_view tag) {
  const auto& x = xpos_names();
  return static_cast<std::uint8_t>(std::find(x.begin(), x.end(), tag) - x.begin());
}

}  // namespace dipgraph::syntax
