// Parsing a quoted passage of several sentences piece by piece.
//
// The sentence splitter keeps a quoted passage of several sentences as one
// sentence with its speaker ("X said, \"A. B. C.\""), so that the speaker
// stays with every part of it; the parser, trained on single sentences,
// reads such a span badly. analyze_pieces() parses each quoted sentence
// on its own and joins the pieces into one tree the coder reads as before.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "ingest/syntax/analyzer.hpp"

namespace dipgraph::ingest {

// Fills `out` for `words` (one sentence of the splitter). A break inside
// quotation marks ('.', '!' or '?', closing brackets after it, then a
// capitalized word; not after an initial) starts a new piece; each piece
// is analyzed alone, and the root of every piece hangs on the root of the
// piece that holds the first word outside the quotes (the attribution;
// else the first piece) as a "parataxis", as UD hangs a quote on its
// speech verb. Without such a break, the same as Analyzer::analyze.
void analyze_pieces(const syntax::Analyzer& an, const std::vector<std::string_view>& words,
                    const std::vector<syntax::Analyzer::Hint>& hints, syntax::Analysis& out,
                    syntax::Analyzer::Scratch& scratch);

// One sentence for analyze_pieces_batch().
struct PieceInput {
  std::vector<std::string_view> words;
  std::vector<syntax::Analyzer::Hint> hints;
};

// Working memory of analyze_pieces_batch(), reused from call to call.
struct PieceBatchScratch {
  syntax::Analyzer::Scratch analyzer;
  std::vector<syntax::ParserScratch> lanes{4};  // sentences parsed at a time
  std::vector<syntax::Parser::ParseJob> jobs;
  std::vector<std::vector<std::size_t>> cuts;
  std::vector<int> main_piece, roots;
  std::vector<std::vector<std::string_view>> piece_words;
  std::vector<syntax::Analysis> parts;
  std::vector<syntax::Analyzer::Hint> sub_hints;
};

// analyze_pieces() of every sentence of `in` into out[i] (resized to
// in.size()), the same analyses; the parses of all sentences and pieces run
// together (Parser::parse_batch), so that their lookups overlap.
void analyze_pieces_batch(const syntax::Analyzer& an, const std::vector<PieceInput>& in,
                          std::vector<syntax::Analysis>& out, PieceBatchScratch& s);

}  // namespace dipgraph::ingest
