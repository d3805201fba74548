// libFuzzer target: the facts JSONL parser on arbitrary bytes. A parsed fact
// must serialize and parse back to the same JSON (write_fact is a fixed point).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graph/fact_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  dipgraph::Fact fact;
  std::string error;
  if (!dipgraph::parse_fact(line, fact, error)) {
    if (error.empty()) std::abort();  // every failure has a reason
    return 0;
  }
  std::string once;
  dipgraph::write_fact(fact, once);
  dipgraph::Fact again;
  if (!dipgraph::parse_fact(once, again, error)) std::abort();
  std::string twice;
  dipgraph::write_fact(again, twice);
  if (once != twice) std::abort();
  return 0;
}
