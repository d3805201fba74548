// Parsing a quoted passage of several sentences piece by piece (see
// quote_pieces.hpp).
#include "ingest/code/quote_pieces.hpp"

#include <cctype>

namespace dipgraph::ingest {
namespace {

// The first word of each piece of `words` into `cuts` (always starting
// with 0); returns the piece holding the first word outside the quotes
// (-1 if none).
int find_cuts(const std::vector<std::string_view>& words, std::vector<std::size_t>& cuts) {
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
  return main_piece;
}

// The words and hints of piece [b, e) of a sentence.
void piece_of(const std::vector<std::string_view>& words,
              const std::vector<syntax::Analyzer::Hint>& hints, std::size_t b, std::size_t e,
              std::vector<std::string_view>& sub, std::vector<syntax::Analyzer::Hint>& sub_hints) {
  sub.assign(words.begin() + static_cast<std::ptrdiff_t>(b),
             words.begin() + static_cast<std::ptrdiff_t>(e));
  sub_hints.assign(e - b, syntax::Analyzer::Hint::none);
  for (std::size_t w = b; w < e && w < hints.size(); ++w) sub_hints[w - b] = hints[w];
}

// Appends piece `part`, which starts at word `b`, to `out`; returns the
// piece's root (as a word of `out`, -1 if none).
int append_piece(const syntax::Analysis& part, std::size_t b, syntax::Analysis& out) {
  int root = -1;
  for (std::size_t w = 0; w < part.size(); ++w) {
    out.upos.push_back(part.upos[w]);
    out.xpos.push_back(part.xpos[w]);
    out.lemma.push_back(part.lemma[w]);
    out.head.push_back(part.head[w] < 0 ? -1 : part.head[w] + static_cast<int>(b));
    out.rel.push_back(part.rel[w]);
    if (part.head[w] < 0 && root < 0) root = static_cast<int>(b + w);
  }
  return root;
}

// Hangs the root of every piece on that of `main_piece` (the first piece
// if -1) as a parataxis.
void join_roots(const std::vector<int>& roots, int main_piece, syntax::Analysis& out) {
  if (main_piece < 0) main_piece = 0;
  syntax::Deprel parataxis = 0;
  syntax::parse_deprel("parataxis", parataxis);
  const int top = roots[static_cast<std::size_t>(main_piece)];
  for (std::size_t p = 0; p < roots.size(); ++p) {
    if (static_cast<int>(p) == main_piece || roots[p] < 0 || top < 0) continue;
    out.head[static_cast<std::size_t>(roots[p])] = top;
    out.rel[static_cast<std::size_t>(roots[p])] = parataxis;
  }
}

}  // namespace

void analyze_pieces(const syntax::Analyzer& an, const std::vector<std::string_view>& words,
                    const std::vector<syntax::Analyzer::Hint>& hints, syntax::Analysis& out,
                    syntax::Analyzer::Scratch& scratch) {
  thread_local std::vector<std::size_t> cuts;  // first word of each piece
  thread_local std::vector<std::string_view> sub;
  thread_local std::vector<syntax::Analyzer::Hint> sub_hints;
  thread_local syntax::Analysis part;
  const int main_piece = find_cuts(words, cuts);
  if (cuts.size() == 1) {
    an.analyze(words, hints, out, scratch);
    return;
  }
  out.clear();
  thread_local std::vector<int> roots;
  roots.clear();
  for (std::size_t p = 0; p < cuts.size(); ++p) {
    const std::size_t b = cuts[p], e = p + 1 < cuts.size() ? cuts[p + 1] : words.size();
    piece_of(words, hints, b, e, sub, sub_hints);
    an.analyze(sub, sub_hints, part, scratch);
    roots.push_back(append_piece(part, b, out));
  }
  join_roots(roots, main_piece, out);
}

void analyze_pieces_batch(const syntax::Analyzer& an, const std::vector<PieceInput>& in,
                          std::vector<syntax::Analysis>& out, PieceBatchScratch& s) {
  out.resize(in.size());
  // Tag and lemmatize every sentence (or each piece of it), then parse all
  // of them at once.
  s.jobs.clear();
  s.cuts.resize(in.size());
  s.main_piece.resize(in.size());
  std::size_t pieces = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    s.main_piece[i] = find_cuts(in[i].words, s.cuts[i]);
    if (s.cuts[i].size() > 1) pieces += s.cuts[i].size();
  }
  if (s.piece_words.size() < pieces) s.piece_words.resize(pieces);
  if (s.parts.size() < pieces) s.parts.resize(pieces);
  std::size_t k = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::vector<std::size_t>& cuts = s.cuts[i];
    if (cuts.size() == 1) {
      an.prepare(in[i].words, in[i].hints, out[i], s.analyzer);
      s.jobs.push_back({&in[i].words, &out[i]});
      continue;
    }
    for (std::size_t p = 0; p < cuts.size(); ++p, ++k) {
      const std::size_t b = cuts[p], e = p + 1 < cuts.size() ? cuts[p + 1] : in[i].words.size();
      piece_of(in[i].words, in[i].hints, b, e, s.piece_words[k], s.sub_hints);
      an.prepare(s.piece_words[k], s.sub_hints, s.parts[k], s.analyzer);
      s.jobs.push_back({&s.piece_words[k], &s.parts[k]});
    }
  }
  if (an.parser()) {
    an.parser()->parse_batch(s.jobs, s.lanes);
  } else {
    for (const syntax::Parser::ParseJob& j : s.jobs) {
      j.out->head.assign(j.words->size(), -1);
      j.out->rel.assign(j.words->size(), 0);
    }
  }
  k = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::vector<std::size_t>& cuts = s.cuts[i];
    if (cuts.size() == 1) continue;
    out[i].clear();
    s.roots.clear();
    for (std::size_t p = 0; p < cuts.size(); ++p, ++k)
      s.roots.push_back(append_piece(s.parts[k], cuts[p], out[i]));
    join_roots(s.roots, s.main_piece[i], out[i]);
  }
}

}  // namespace dipgraph::ingest
