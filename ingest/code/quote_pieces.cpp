// Parsing a quoted passage of several sentences piece by piece (see
// quote_pieces.hpp).
#include "ingest/code/quote_pieces.hpp"

#include <cctype>

namespace dipgraph::ingest {

void analyze_pieces(const syntax::Analyzer& an, const std::vector<std::string_view>& words,
                    const std::vector<syntax::Analyzer::Hint>& hints, syntax::Analysis& out,
                    syntax::Analyzer::Scratch& scratch) {
  thread_local std::vector<std::size_t> cuts;  // first word of each piece
  thread_local std::vector<std::string_view> sub;
  thread_local std::vector<syntax::Analyzer::Hint> sub_hints;
  thread_local syntax::Analysis part;
  cuts.assign(1, 0);
  bool quoted = false;
  int main_piece = -1;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view x = words[w];
    if (x == "\"") {
      quoted = !quoted;
      continue;
    }
    if (!quoted && main_piece < 0 && !x.empty() && std::isalnum(static_cast<unsigned char>(x[0])))
      main_piece = static_cast<int>(cuts.size()) - 1;
    if (!quoted || !(x == "." || x == "!" || x == "?")) continue;
    if (w > 0 && words[w - 1].size() == 1 &&
        std::isupper(static_cast<unsigned char>(words[w - 1][0])))
      continue;  // an initial
    std::size_t next = w + 1;
    while (next < words.size() && (words[next] == ")" || words[next] == "]")) ++next;
    if (next + 1 >= words.size() || words[next].empty() ||
        !std::isupper(static_cast<unsigned char>(words[next][0])))
      continue;
    cuts.push_back(next);
  }
  if (cuts.size() == 1) {
    an.analyze(words, hints, out, scratch);
    return;
  }
  if (main_piece < 0) main_piece = 0;
  out.clear();
  thread_local std::vector<int> roots;
  roots.clear();
  for (std::size_t p = 0; p < cuts.size(); ++p) {
    const std::size_t b = cuts[p], e = p + 1 < cuts.size() ? cuts[p + 1] : words.size();
    sub.assign(words.begin() + static_cast<std::ptrdiff_t>(b),
               words.begin() + static_cast<std::ptrdiff_t>(e));
    sub_hints.assign(e - b, syntax::Analyzer::Hint::none);
    for (std::size_t w = b; w < e && w < hints.size(); ++w) sub_hints[w - b] = hints[w];
    an.analyze(sub, sub_hints, part, scratch);
    int root = -1;
    for (std::size_t w = 0; w < part.size(); ++w) {
      out.upos.push_back(part.upos[w]);
      out.xpos.push_back(part.xpos[w]);
      out.lemma.push_back(part.lemma[w]);
      out.head.push_back(part.head[w] < 0 ? -1 : part.head[w] + static_cast<int>(b));
      out.rel.push_back(part.rel[w]);
      if (part.head[w] < 0 && root < 0) root = static_cast<int>(b + w);
    }
    roots.push_back(root);
  }
  syntax::Deprel parataxis = 0;
  syntax::parse_deprel("parataxis", parataxis);
  const int top = roots[static_cast<std::size_t>(main_piece)];
  for (std::size_t p = 0; p < roots.size(); ++p) {
    if (static_cast<int>(p) == main_piece || roots[p] < 0 || top < 0) continue;
    out.head[static_cast<std::size_t>(roots[p])] = top;
    out.rel[static_cast<std::size_t>(roots[p])] = parataxis;
  }
}

}  // namespace dipgraph::ingest
