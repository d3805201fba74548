// UTF-8 helpers that are not worth inlining (see utf8.hpp).
#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest::utf8 {

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    if (d.cp == kInvalid) {
      out.append(s.substr(i, d.len));
    } else {
      append(out, to_lower(d.cp));
    }
    i += d.len;
  }
  return out;
}

}  // namespace dipgraph::ingest::utf8
