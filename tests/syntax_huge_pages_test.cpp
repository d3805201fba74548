// Tests of HugePageAllocator (ingest/syntax/huge_pages.hpp): large blocks
// are 2 MB-aligned, small ones are ordinary, and both behave as vectors.
#include <doctest/doctest.h>

#include <cstdint>

#include "ingest/syntax/huge_pages.hpp"

using namespace dipgraph::syntax;

TEST_CASE("huge_pages: vectors of any size keep their contents; blocks of 2 MB are 2 MB-aligned") {
  for (std::size_t n : {std::size_t(0), std::size_t(10), std::size_t(1) << 20, std::size_t(3) << 20}) {
    CAPTURE(n);
    HugeVector<std::uint32_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint32_t>(i * 2654435761u);
    HugeVector<std::uint32_t> copy = v;
    v.push_back(7);  // regrows
    REQUIRE(v.size() == n + 1);
    bool same = true;
    for (std::size_t i = 0; i < n; ++i) same = same && v[i] == copy[i];
    CHECK(same);
    CHECK(v.back() == 7);
    if (v.capacity() * sizeof(std::uint32_t) >= HugePageAllocator<std::uint32_t>::kHuge)
      CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % HugePageAllocator<std::uint32_t>::kHuge == 0);
  }
}
