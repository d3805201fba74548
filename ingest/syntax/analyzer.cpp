// Analyzer: see analyzer.hpp.
#include "ingest/syntax/analyzer.hpp"

#include <algorithm>

namespace dipgraph::syntax {
namespace {
std::uint8_t xpos_index(std::string_view tag) {
  const auto& x = xpos_names();
  return static_cast<std::uint8_t>(std::find(x.begin(), x.end(), tag) - x.begin());
}
}  // namespace

std::unique_ptr<Analyzer> Analyzer::load(const std::string& data_dir, bool with_parser) {
  auto a = std::make_unique<Analyzer>();
  a->tagger_ = Tagger::load(data_dir + "/tagger.bin");
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
  tagger_->tag(words, out, s.tag);
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
  if (parser_) {
    parser_->parse(words, out, s.parse);
  } else {
    out.head.assign(n, -1);
    out.rel.assign(n, 0);
  }
}

}  // namespace dipgraph::syntax
