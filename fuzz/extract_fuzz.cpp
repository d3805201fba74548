// libFuzzer target: arbitrary bytes as an article's text -> Document -> the
// Extractor (dictionaries of DIPGRAPH_DATA_DIR, loaded once) -> facts. Every
// fact must serialize with write_fact and parse back with parse_fact to the
// same bytes, and its evidence must be the normalized text between its
// offsets (check_extract).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto extractor = [] {
    dipgraph::Diagnostics diag(true);
    return dipgraph::ingest::Extractor::load(DIPGRAPH_DATA_DIR, diag);
  }();
  auto problem = dipgraph::fuzz::check_extract(
      std::string_view(reinterpret_cast<const char*>(data), size), *extractor);
  if (!problem.empty()) {
    std::fprintf(stderr, "extract_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
