// libFuzzer target: arbitrary bytes as a store's log (facts.jsonl in a
// scratch store). FactStore::load must not crash or throw and must name
// file:line for every damaged record; check(repair=true) must leave a log
// that loads with no diagnostic and exactly the facts that loaded before
// (check_store).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto problem = dipgraph::fuzz::check_store(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "store_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
