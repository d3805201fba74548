// The 64-bit finalizer the tagger and the parser hash their feature keys
// with (the constants of MurmurHash3's fmix64): every input bit moves every
// output bit, so keys spread over open-addressing tables.
#pragma once

#include <cstdint>

namespace dipgraph::syntax {

[[gnu::always_inline]] inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace dipgraph::syntax
