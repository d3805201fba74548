// Analyzer: see analyzer.hpp.
#include "ingest/syntax/analyzer.hpp"

#include <algorithm>
#include <cctype>

namespace dipgraph::syntax {
namespace {
std::uint8_t xpos_index(std::string_view tag) {
  const auto& x = xpos_names();
  return static_cast<std::uint8_t>(std::find(x.begin(), x.end(), tag) - x.begin());
}
// True if `w` can open the noun phrase a modifier sits in: a lower-case
// word that is no function word (auxiliary, modal, pronoun, preposition,
// conjunction, speech verb).
bool noun_like_next(std::string_view w) {
  if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return false;
  static const std::string_view kFunction[] = {
      "is",   "was",   "are",  "were", "be",    "been", "has",    "have",  "had",   "will",  "would", "can",
      "could", "may",  "might", "must", "shall", "should", "said", "says",  "told",  "who",   "which", "that",
      "and",  "or",    "but",  "of",   "in",    "on",   "at",     "to",    "for",   "from",  "with",  "by",
      "as",   "than",  "who",  "whom", "whose", "he",   "she",    "it",    "they",  "not",   "also",  "did",
      "does", "do"};
  return std::find(std::begin(kFunction), std::end(kFunction), w) == std::end(kFunction);
}

// "Turkish jets struck militant positions, the ministry said": a clause
// told before a comma with no finite verb has its verb tagged as a
// participle ("struck", "bombed": the same form). A past participle right
// after the subject's noun, with an object's first word after it, in a
// first clause that has no other finite verb and no auxiliary is that
// clause's past tense. ("The envoy expelled Tuesday is ...", "Troops
// wounded in ..." keep their tags: a finite verb follows, or no object.)
void retag_headless_participle(const std::vector<std::string_view>& words, Analysis& out) {
  static const std::uint8_t kVBN = xpos_index("VBN"), kVBD = xpos_index("VBD");
  static const std::vector<std::uint8_t> kFinite = {xpos_index("VBD"), xpos_index("VBZ"), xpos_index("VBP"),
                                                    xpos_index("MD")};
  static const std::vector<std::uint8_t> kObjectStart = {
      xpos_index("DT"), xpos_index("JJ"), xpos_index("NN"),   xpos_index("NNS"), xpos_index("NNP"),
      xpos_index("NNPS"), xpos_index("PRP$"), xpos_index("CD"), xpos_index("PRP")};
  const std::size_t n = words.size();
  std::size_t end = 0;  // the first clause: up to a comma, semicolon, colon, dash or quote
  while (end < n && words[end] != "," && words[end] != ";" && words[end] != ":" && words[end] != "--" &&
         words[end] != "\"" && words[end] != "-")
    ++end;
  int participle = -1;
  for (std::size_t i = 0; i < end; ++i) {
    const std::uint8_t x = out.xpos[i];
    if (std::find(kFinite.begin(), kFinite.end(), x) != kFinite.end() || out.upos[i] == Upos::AUX) return;
    if (x != kVBN || out.upos[i] != Upos::VERB) continue;
    if (participle >= 0) return;  // two participles: no guess
    participle = static_cast<int>(i);
  }
  if (participle < 1 || static_cast<std::size_t>(participle) + 1 >= end) return;
  const std::size_t p = static_cast<std::size_t>(participle);
  const Upos before = out.upos[p - 1];
  if (before != Upos::NOUN && before != Upos::PROPN) return;
  // "Palestinians reject proposed changes": a plural noun seldom modifies
  // a noun, so a singular noun after one is a verb the tagger missed, and
  // the participle is what it says.
  static const std::uint8_t kNN = xpos_index("NN"), kNNS = xpos_index("NNS"), kNNPS = xpos_index("NNPS");
  if (p >= 2 && out.xpos[p - 1] == kNN && (out.xpos[p - 2] == kNNS || out.xpos[p - 2] == kNNPS)) return;
  if (std::find(kObjectStart.begin(), kObjectStart.end(), out.xpos[p + 1]) == kObjectStart.end()) return;
  if (out.lemma[p] == "be" || out.lemma[p] == "have") return;
  out.xpos[p] = kVBD;
}

}  // namespace

std::unique_ptr<Analyzer> Analyzer::load(const std::string& data_dir, bool with_parser) {
  auto a = std::make_unique<Analyzer>();
  a->tagger_ = Tagger::load(data_dir + "/tagger.bin");
  a->adjective_class_ = a->tagger_->class_of(Upos::ADJ, "JJ");
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
    if (!noun_like_next(words[i + 1])) continue;
    s.fixed.resize(n, -1);
    s.fixed[i] = adjective_class_;
  }
  tagger_->tag(words, s.fixed, out, s.tag);
  static const std::uint8_t kNNP = [] {
    const auto& x = xpos_names();
    return static_cast<std::uint8_t>(std::find(x.begin(), x.end(), "NNP") - x.begin());
  }();
  static const std::uint8_t kJJ = [] {
    const auto& x = xpos_names();
    return static_cast<std::uint8_t>(std::find(x.begin(), x.end(), "JJ") - x.begin());
  }();
  for (std::size_t i = 0; i < n && i < hints.size(); ++i) {
    Upos u = out.upos[i];
    if (hints[i] == Hint::proper_noun && u != Upos::PROPN && u != Upos::NOUN)
      out.upos[i] = Upos::PROPN, out.xpos[i] = kNNP;
    else if (hints[i] == Hint::adjective && u != Upos::ADJ && u != Upos::PROPN && u != Upos::NOUN)
      out.upos[i] = Upos::ADJ, out.xpos[i] = kJJ;
  }
  // "India struck camps in X": a word the tagger took for a noun that
  // WordNet knows only as an irregular past or participle of a verb (no
  // noun of that spelling; forms in -ing and -s aside) is that verb: a
  // past right after its subject's noun or pronoun, else (and for forms in
  // -n) a participle.
  static const std::uint8_t kVBN = xpos_index("VBN"), kVBDp = xpos_index("VBD");
  for (std::size_t i = 0; i < n; ++i) {
    if (out.upos[i] != Upos::NOUN || (i < hints.size() && hints[i] != Hint::none) || words[i].size() > 24) continue;
    // (a noun after a determiner, an adjective, a number or a preposition
    // is one: only the others are looked up)
    if (i > 0 && (out.upos[i - 1] == Upos::DET || out.upos[i - 1] == Upos::ADJ || out.upos[i - 1] == Upos::NUM ||
                  out.upos[i - 1] == Upos::ADP))
      continue;
    char low[25];
    for (std::size_t k = 0; k < words[i].size(); ++k)
      low[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[i][k])));
    const std::string_view form(low, words[i].size());
    if (form.size() < 4 || form.back() == 's' || form.ends_with("ing") || !lemmatizer_->verb_form_only(form)) continue;
    bool aux = false;
    for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      std::string_view w = words[k];
      aux |= w == "was" || w == "were" || w == "is" || w == "are" || w == "be" || w == "been" || w == "being" ||
             w == "has" || w == "have" || w == "had" || w == "having";
    }
    const bool after_subject =
        i > 0 && (out.upos[i - 1] == Upos::NOUN || out.upos[i - 1] == Upos::PROPN || out.upos[i - 1] == Upos::PRON);
    out.upos[i] = Upos::VERB;
    out.xpos[i] = !aux && after_subject && form.back() != 'n' ? kVBDp : kVBN;  // "stolen", "undergone": participles
  }
  // "over reports that ...", "amid fears of ...": no present tense follows
  // a preposition; a verb in -s there whose stem is a WordNet noun is that
  // noun's plural.
  static const std::uint8_t kVBZ = xpos_index("VBZ"), kNNS = xpos_index("NNS");
  for (std::size_t i = 1; i < n; ++i) {
    if (out.xpos[i] != kVBZ || words[i].size() < 4 || words[i].size() > 24 || words[i].back() != 's') continue;
    const std::string_view prev = words[i - 1];
    if (!(prev == "over" || prev == "amid" || prev == "despite" || prev == "following" || prev == "after" ||
          prev == "about" || prev == "of" || prev == "against" || prev == "with" || prev == "for" || prev == "by"))
      continue;
    char low[25];
    for (std::size_t k = 0; k < words[i].size(); ++k)
      low[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[i][k])));
    std::string_view stem(low, words[i].size() - 1);
    if (!lemmatizer_->noun_index_word(stem)) continue;
    out.upos[i] = Upos::NOUN;
    out.xpos[i] = kNNS;
  }
  out.lemma.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    lemmatizer_->lemma_into(words[i], out.upos[i], out.xpos[i], out.lemma[i]);
  // A verb after "and" or "or" takes the form of the verb it joins in
  // the tagger's eyes ("to wait and spoke" -> "spoke" VB); a form that
  // WordNet lists as an irregular inflection of another verb is no base
  // form: it is a past ("spoke", "met", "left"; forms in -n, which may be
  // participles, stay as tagged).
  static const std::uint8_t kVB = xpos_index("VB"), kVBD = xpos_index("VBD");
  for (std::size_t i = 1; i < n; ++i) {
    if (out.upos[i] != Upos::VERB || out.xpos[i] != kVB || words[i].empty() || words[i].back() == 'n') continue;
    const std::string& l = out.lemma[i];
    if (l == "be" || l == "have" || l == "do") continue;
    const std::string_view w = words[i];
    if (l.size() == w.size() && std::equal(l.begin(), l.end(), w.begin(), [](char a, char b) {
          return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
        }))
      continue;
    const std::string_view prev = words[i - 1];
    if (prev != "and" && prev != "or") continue;
    out.xpos[i] = kVBD;
  }
  retag_headless_participle(words, out);
  if (parser_) {
    parser_->parse(words, out, s.parse);
  } else {
    out.head.assign(n, -1);
    out.rel.assign(n, 0);
  }
}

}  // namespace dipgraph::syntax
