// json_precheck: one pass over a JSON text, outside and inside strings,
// counting bracket depth and looking for NUL bytes (json_precheck.hpp).
#include "graph/json_precheck.hpp"

#include <fmt/core.h>

namespace dipgraph {

std::string json_precheck(std::string_view json) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '\0') {
      return fmt::format(
          "not JSON: raw NUL byte at column {} (control characters in strings must be escaped)",
          i + 1);
    }
    if (in_string) {
      if (c == '\\' && i + 1 < json.size() && json[i + 1] != '\0')
        ++i;  // the escaped byte cannot end the string
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        return fmt::format("not JSON: nested deeper than {} levels at column {}", kMaxJsonDepth,
                           i + 1);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return {};
}

}  // namespace dipgraph
