// The checks both fact readers share (graph/ .cpp files only): defined in
// fact_json.cpp beside the fast path that uses them most, used by the
// strict reader in fact_json_dom.cpp too.
#pragma once

#include <cstddef>
#include <string_view>

namespace dipgraph::detail {

// True if `s` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), which is what RapidJSON's validation accepts.
// RapidJSON's encoding check covers the raw bytes only: the escape of a
// lone low surrogate (u+DC00) decodes to bytes that are not UTF-8, so
// every string kept in a Fact is checked again.
bool valid_utf8(const unsigned char* s, std::size_t n);
inline bool valid_utf8(std::string_view s) {
  return valid_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

// True if `s` is one or more ASCII digits.
bool digits(std::string_view s);

}  // namespace dipgraph::detail
