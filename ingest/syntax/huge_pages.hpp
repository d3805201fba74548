// HugePageAllocator: an allocator for the models' large lookup tables.
//
// The tagger's and parser's weight tables are tens of MB probed at random,
// so with 4 KB pages most probes also miss the TLB. Blocks of 2 MB and more
// are allocated 2 MB-aligned and marked MADV_HUGEPAGE (transparent huge
// pages, where the kernel allows them: "madvise" or "always" in
// /sys/kernel/mm/transparent_hugepage/enabled); smaller blocks come from
// operator new. Contents and behaviour are those of std::allocator; only
// the page size differs. Throws std::bad_alloc when memory is short.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace dipgraph::syntax {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHuge = std::size_t(2) << 20;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHuge) return static_cast<T*>(::operator new(bytes));
    const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure leaves 4 KB pages
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHuge) ::operator delete(p);
    else std::free(p);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const { return false; }
};

// A vector whose buffer uses huge pages once it reaches 2 MB.
template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace dipgraph::syntax
