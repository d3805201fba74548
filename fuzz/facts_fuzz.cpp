// libFuzzer target: the facts JSONL parser on arbitrary bytes. A parsed fact
// must serialize and parse back to the same JSON (write_fact is a fixed
// point); a refused line must come with a reason (check_facts).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto problem = dipgraph::fuzz::check_facts(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "facts_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
