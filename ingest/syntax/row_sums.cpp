// Dense row sums (see row_sums.hpp).
#include "ingest/syntax/row_sums.hpp"

#include <immintrin.h>

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

}  // namespace

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
