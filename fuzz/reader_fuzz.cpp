// libFuzzer target: arbitrary bytes as a .jsonl batch, an .html page and a
// .txt file through read_articles (written to a scratch file once per input
// and name). Articles must have non-empty text within max_article_bytes, an
// id and an origin; every diagnostic names the file (check_reader).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto problem = dipgraph::fuzz::check_reader(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "reader_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
