// Sums of dense int16 weight rows into int32 scores, and the best of the
// sums: the inner loops of the parser's label scoring. Not a public API.
//
// Uses AVX2 when the processor has it (checked once; 8 columns per two
// instructions), else SSE2 (8 columns per seven). Integer sums, so the
// result is the same either way and in any order of the rows.
#pragma once

#include <cstdint>

namespace dipgraph::syntax::detail {

// scores[0..cols) += rows[0][0..cols) + ... + rows[m - 1][0..cols), each
// weight widened to int32. `cols` is a multiple of 4; rows need no alignment.
void sum_rows(const std::int16_t* const* rows, int m, int cols, std::int32_t* scores);
// The largest of scores[0..n) other than scores[skip] (skip may be -1 or
// out of range: none skipped), its first column into `col`; returns it.
// If none is above INT32_MIN (or n is 0), returns INT32_MIN and leaves `col`
// unchanged. Exactly what a scan keeping the first strictly greater score
// gives, with AVX2 when the processor has it.
std::int32_t best_column(const std::int32_t* scores, int n, int skip, int& col);

}  // namespace dipgraph::syntax::detail
