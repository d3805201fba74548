// libFuzzer target: article text -> Document (normalizer, tokenizer,
// sentence splitter, dateline) on arbitrary bytes. Checks the Document's
// invariants (check_document): valid UTF-8 text, tokens and sentences in
// order and in bounds, sentences inside the body and on token boundaries.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto problem = dipgraph::fuzz::check_document(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "document_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
