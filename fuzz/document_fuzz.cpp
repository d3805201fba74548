// libFuzzer target: article text -> Document (normalizer, tokenizer,
// sentence splitter, dateline) on arbitrary bytes. Checks the Document's
// invariants: valid UTF-8 text, tokens and sentences in order and in bounds,
// sentences inside the body and on token boundaries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "graph/error.hpp"
#include "ingest/document.hpp"

namespace {

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n == 0 ? 1 : 0)) {
      if (n != 0) return false;
    }
    for (int k = 1; k <= n; ++k)
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dipgraph::Diagnostics diag(false);
  dipgraph::ingest::Article article;
  article.text.assign(reinterpret_cast<const char*>(data), size);
  article.origin = "fuzz.txt";
  auto doc = dipgraph::ingest::make_document(std::move(article), "2025-07-11", diag);
  check(valid_utf8(doc.text));
  check(doc.body_start <= doc.text.size());
  std::uint32_t last_end = 0;
  for (const auto& t : doc.tokens) {
    check(t.start < t.end && t.end <= doc.text.size());
    check(t.start >= last_end);
    last_end = t.end;
  }
  std::uint32_t last_sentence_end = doc.body_start;
  for (const auto& s : doc.sentences) {
    check(s.start <= s.end && s.end <= doc.text.size());
    check(s.start >= last_sentence_end);
    check(s.first_token <= s.end_token && s.end_token <= doc.tokens.size());
    if (s.first_token < s.end_token) {
      check(doc.tokens[s.first_token].start >= s.start);
      check(doc.tokens[s.end_token - 1].end <= s.end);
    }
    last_sentence_end = s.end;
  }
  return 0;
}
