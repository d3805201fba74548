// The parser's label-scoring loops (ingest/syntax/row_sums.hpp): sums of
// int16 rows and the best column give what plain scans give, whichever
// instructions the processor has, for every width, skipped column and tie.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "ingest/syntax/row_sums.hpp"

using dipgraph::syntax::detail::best_column;
using dipgraph::syntax::detail::sum_rows;

namespace {

// The scan Parser::parse used before best_column: the first strictly
// greater score wins.
std::int32_t plain_best(const std::vector<std::int32_t>& s, int skip, int& col) {
  std::int32_t best = std::numeric_limits<std::int32_t>::min();
  for (int c = 0; c < static_cast<int>(s.size()); ++c)
    if (c != skip && s[c] > best) best = s[c], col = c;
  return best;
}

}  // namespace

TEST_CASE("row sums: best_column is the first strictly greatest column but the skipped one") {
  std::mt19937 rng(7);
  constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
  for (int n : {0, 1, 3, 7, 8, 9, 15, 16, 17, 60, 64, 70}) {
    for (int round = 0; round < 200; ++round) {
      // Few distinct values, so that ties are common; some INT32_MIN.
      const int range = round % 3 == 0 ? 3 : 1000;
      std::vector<std::int32_t> s(n);
      for (auto& v : s) {
        const int r = static_cast<int>(rng() % (range + 1));
        v = r == range ? kMin : r - range / 2;
      }
      const int skip = n == 0 ? -1 : static_cast<int>(rng() % (n + 2)) - 1;  // -1 .. n
      int want_col = -7, got_col = -7;
      const std::int32_t want = plain_best(s, skip, want_col);
      const std::int32_t got = best_column(s.data(), n, skip, got_col);
      CAPTURE(n);
      CAPTURE(skip);
      CHECK(got == want);
      CHECK(got_col == want_col);
    }
  }
}

TEST_CASE("row sums: no column above INT32_MIN leaves the column as it was") {
  constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
  for (int n : {4, 8, 60}) {
    CAPTURE(n);
    std::vector<std::int32_t> s(n, kMin);
    int col = -7;
    CHECK(best_column(s.data(), n, 2, col) == kMin);
    CHECK(col == -7);
    s[2] = 5;  // only the skipped column is above
    CHECK(best_column(s.data(), n, 2, col) == kMin);
    CHECK(col == -7);
    s[n - 1] = kMin + 1;
    CHECK(best_column(s.data(), n, 2, col) == kMin + 1);
    CHECK(col == n - 1);
  }
}

TEST_CASE("row sums: sum_rows adds int16 rows into int32 scores for every width") {
  std::mt19937 rng(11);
  for (int cols : {4, 8, 12, 16, 40, 64, 72}) {
    for (int m : {0, 1, 5, 40}) {
      std::vector<std::vector<std::int16_t>> store(m, std::vector<std::int16_t>(cols));
      std::vector<const std::int16_t*> rows;
      for (auto& r : store) {
        for (auto& w : r) w = static_cast<std::int16_t>(static_cast<int>(rng() % 65536) - 32768);
        rows.push_back(r.data());
      }
      std::vector<std::int32_t> got(cols, 3), want(cols, 3);
      for (const auto& r : store)
        for (int c = 0; c < cols; ++c) want[c] += r[c];
      sum_rows(rows.data(), m, cols, got.data());
      CAPTURE(cols);
      CAPTURE(m);
      CHECK(got == want);
    }
  }
}
