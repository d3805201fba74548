// Parsing a quoted passage of several sentences piece by piece.
//
// The sentence splitter keeps a quoted passage of several sentences as one
// sentence with its speaker ("X said, \"A. B. C.\""), so that the speaker
// stays with every part of it; the parser, trained on single sentences,
// reads such a span badly. analyze_pieces() parses each quoted sentence
// on its own and joins the pieces into one tree the coder reads as before.
#pragma once

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

}  // namespace dipgraph::ingest
