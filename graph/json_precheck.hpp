// What RapidJSON must not be handed: JSON nested too deeply (a recursive
// reader or writer of the value would overflow the stack) and raw NUL bytes
// (RapidJSON takes one for the end of the text and reports a missing quote).
// Every JSON line dipgraph reads (articles, facts, store records) goes through
// json_precheck before it is parsed, with RapidJSON's iterative parser.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dipgraph {

// Objects and arrays nested deeper than this are refused. A fact is 4 deep,
// an article record 1 deep plus its metadata.
inline constexpr std::size_t kMaxJsonDepth = 64;

// "" if `json` may be parsed; else a one-line reason with a 1-based column:
// "not JSON: nested deeper than 64 levels at column 65", "not JSON: raw NUL
// byte at column 12 (control characters in strings must be escaped)". Only
// brackets outside strings count; the rest of the syntax is left to the parser.
std::string json_precheck(std::string_view json);

}  // namespace dipgraph
