// Names that act in event-like clauses without resolving to an actor
// (unresolved.hpp): the recognizer's mentions, then, in each sentence with a
// trigger verb, the parse's arguments of that verb.
#include "ingest/code/unresolved.hpp"

#include <algorithm>
#include <array>

#include "ingest/code/parser_input.hpp"
#include "ingest/syntax/analyzer.hpp"

namespace dipgraph::ingest {

using syntax::Upos;

namespace {

// The relations through which a name acts in the clause of its verb.
std::vector<syntax::Deprel> acting_relations() {
  std::vector<syntax::Deprel> out;
  for (const char* r : {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent"}) {
    syntax::Deprel d = 0;
    if (syntax::parse_deprel(r, d)) out.push_back(d);
  }
  return out;
}

bool is_rel(syntax::Deprel d, const char* name) { return syntax::deprel_name(d) == name; }

}  // namespace

UnresolvedNames::UnresolvedNames(const Extractor& extractor, const FrameTable& frames)
    : extractor_(extractor), frames_(frames) {}

void UnresolvedNames::scan(const Document& doc) {
  static const std::vector<syntax::Deprel> kActing = acting_relations();
  const Analysis a = extractor_.recognizer().analyze(doc);
  const syntax::Analyzer& analyzer = extractor_.analyzer();
  std::string_view text = doc.text;
  std::vector<std::string_view> words;
  std::vector<std::uint32_t> tok_of_word;
  std::vector<syntax::Analyzer::Hint> hints;
  syntax::Analysis syn;
  syntax::Analyzer::Scratch scratch;
  std::string lower;
  for (const SentenceSpan& span : a.sentences) {
    bool trigger = false;
    for (std::uint32_t i = span.begin; i < span.end && !trigger; ++i) {
      if (!a.toks[i].is(kWord) || a.mention_at[i] >= 0) continue;
      std::string_view w = text.substr(a.toks[i].start, a.toks[i].end - a.toks[i].start);
      lower.assign(w.begin(), w.end());
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      trigger = frames_.is_trigger_lemma(analyzer.lemmatizer().lemma(lower, Upos::VERB));
    }
    if (!trigger) continue;
    words_of_sentence(text, a.toks, span.begin, span.end, words, tok_of_word);
    hints.assign(words.size(), syntax::Analyzer::Hint::none);
    for (std::size_t w = 0; w < words.size(); ++w)
      if (a.mention_at[tok_of_word[w]] >= 0 && a.toks[tok_of_word[w]].is(kCap))
        hints[w] = syntax::Analyzer::Hint::proper_noun;
    analyzer.analyze(words, hints, syn, scratch);
    const int n = static_cast<int>(syn.size());
    for (int c = 0; c < n; ++c) {
      int v = syn.head[c];
      if (v < 0 || syn.upos[c] != Upos::PROPN || syn.upos[v] != Upos::VERB) continue;
      if (std::find(kActing.begin(), kActing.end(), syn.rel[c]) == kActing.end()) continue;
      if (!frames_.is_trigger_lemma(syn.lemma[v])) continue;
      // The name: the word and its compound and flat proper-noun words.
      int lo = c, hi = c;
      for (int k = 0; k < n; ++k)
        if (syn.head[k] == c && syn.upos[k] == Upos::PROPN && (is_rel(syn.rel[k], "compound") || is_rel(syn.rel[k], "flat")))
          lo = std::min(lo, k), hi = std::max(hi, k);
      bool known = false;  // an actor, or a date ("on Monday")
      for (int k = lo; k <= hi && !known; ++k)
        known = a.mention_at[tok_of_word[k]] >= 0 || a.date_at[tok_of_word[k]] >= 0;
      if (known) continue;
      const Tok &first = a.toks[tok_of_word[lo]], &last = a.toks[tok_of_word[hi]];
      std::string name(text.substr(first.start, last.end - first.start));
      UnresolvedName& u = names_[name];
      if (u.count++ == 0) {
        const auto& s = doc.sentences[span.index];
        u.name = name;
        u.article = doc.article.id;
        u.example = std::string(text.substr(s.start, s.end - s.start));
      }
    }
  }
}

std::vector<UnresolvedName> UnresolvedNames::ranked() const {
  std::vector<UnresolvedName> out;
  out.reserve(names_.size());
  for (const auto& [name, u] : names_) out.push_back(u);
  std::sort(out.begin(), out.end(), [](const UnresolvedName& x, const UnresolvedName& y) {
    return x.count != y.count ? x.count > y.count : x.name < y.name;
  });
  return out;
}

}  // namespace dipgraph::ingest
