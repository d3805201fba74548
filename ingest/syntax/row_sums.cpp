// Dense row sums (see row_sums.hpp).
#include "ingest/syntax/row_sums.hpp"

#include <immintrin.h>

#include <limits>

namespace dipgraph::syntax::detail {
namespace {

bool has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

// cols == 8 * G.
template <int G>
[[gnu::target("avx2")]] void sum_rows_avx2(const std::int16_t* const* rows, int m,
                                           std::int32_t* scores) {
  __m256i acc[G];
  for (int g = 0; g < G; ++g) acc[g] = _mm256_setzero_si256();
  for (int r = 0; r < m; ++r) {
    const std::int16_t* row = rows[r];
    for (int g = 0; g < G; ++g) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8 * g));
      acc[g] = _mm256_add_epi32(acc[g], _mm256_cvtepi16_epi32(x));
    }
  }
  for (int g = 0; g < G; ++g) {
    __m256i* out = reinterpret_cast<__m256i*>(scores + 8 * g);
    _mm256_storeu_si256(out, _mm256_add_epi32(_mm256_loadu_si256(out), acc[g]));
  }
}

void sum_rows_sse2(const std::int16_t* const* rows, int m, int cols, std::int32_t* scores) {
  for (int c = 0; c < cols; c += 8) {
    if (c + 8 > cols) {  // a last group of 4
      __m128i acc = _mm_setzero_si128();
      for (int r = 0; r < m; ++r) {
        const __m128i x = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(rows[r] + c));
        acc = _mm_add_epi32(acc, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
      }
      __m128i* out = reinterpret_cast<__m128i*>(scores + c);
      _mm_storeu_si128(out, _mm_add_epi32(_mm_loadu_si128(out), acc));
      break;
    }
    __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128();
    for (int r = 0; r < m; ++r) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[r] + c));
      lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
      hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
    }
    __m128i* out = reinterpret_cast<__m128i*>(scores + c);
    _mm_storeu_si128(out, _mm_add_epi32(_mm_loadu_si128(out), lo));
    _mm_storeu_si128(out + 1, _mm_add_epi32(_mm_loadu_si128(out + 1), hi));
  }
}

std::int32_t best_column_plain(const std::int32_t* scores, int n, int skip, int& col) {
  std::int32_t best = std::numeric_limits<std::int32_t>::min();
  for (int c = 0; c < n; ++c)
    if (c != skip && scores[c] > best) best = scores[c], col = c;
  return best;
}

// Eight columns at a time: the maximum (the skipped column read as
// INT32_MIN), then the first column holding it; the last n % 8 columns by
// the plain scan's rules.
[[gnu::target("avx2")]] std::int32_t best_column_avx2(const std::int32_t* scores, int n, int skip,
                                                      int& col) {
  constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
  const int nv = n / 8 * 8;
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i low = _mm256_set1_epi32(kMin);
  __m256i mx = low;
  for (int c = 0; c < nv; c += 8) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + c));
    const __m256i skipped =
        _mm256_cmpeq_epi32(_mm256_add_epi32(lanes, _mm256_set1_epi32(c)), _mm256_set1_epi32(skip));
    mx = _mm256_max_epi32(mx, _mm256_blendv_epi8(x, low, skipped));
  }
  __m128i m4 = _mm_max_epi32(_mm256_castsi256_si128(mx), _mm256_extracti128_si256(mx, 1));
  m4 = _mm_max_epi32(m4, _mm_shuffle_epi32(m4, 0x4e));
  m4 = _mm_max_epi32(m4, _mm_shuffle_epi32(m4, 0xb1));
  std::int32_t best = _mm_cvtsi128_si32(m4);
  for (int c = nv; c < n; ++c)
    if (c != skip && scores[c] > best) best = scores[c];
  if (best == kMin) return kMin;
  const __m256i want = _mm256_set1_epi32(best);
  for (int c = 0; c < nv; c += 8) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + c));
    unsigned bits =
        static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(x, want))));
    if (skip >= c && skip < c + 8) bits &= ~(1u << (skip - c));
    if (bits) {
      col = c + __builtin_ctz(bits);
      return best;
    }
  }
  for (int c = nv; c < n; ++c)
    if (c != skip && scores[c] == best) {
      col = c;
      return best;
    }
  return best;  // not reached: some column holds the maximum
}

}  // namespace

std::int32_t best_column(const std::int32_t* scores, int n, int skip, int& col) {
  if (n >= 8 && has_avx2()) return best_column_avx2(scores, n, skip, col);
  return best_column_plain(scores, n, skip, col);
}

void sum_rows(const std::int16_t* const* rows, int m, int cols, std::int32_t* scores) {
  if (m == 0) return;
  if (cols % 8 == 0 && cols <= 64 && has_avx2()) {
    switch (cols / 8) {
      case 1: return sum_rows_avx2<1>(rows, m, scores);
      case 2: return sum_rows_avx2<2>(rows, m, scores);
      case 3: return sum_rows_avx2<3>(rows, m, scores);
      case 4: return sum_rows_avx2<4>(rows, m, scores);
      case 5: return sum_rows_avx2<5>(rows, m, scores);
      case 6: return sum_rows_avx2<6>(rows, m, scores);
      case 7: return sum_rows_avx2<7>(rows, m, scores);
      case 8: return sum_rows_avx2<8>(rows, m, scores);
    }
  }
  sum_rows_sse2(rows, m, cols, scores);
}

}  // namespace dipgraph::syntax::detail
