// PostgreSQL's COPY text format, both ways: the database store sends its
// batches and reads its tables in it (graph/pg_store.hpp). Every value goes
// through these, never into SQL text.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "graph/pg_store.hpp"

namespace dipgraph {

namespace detail {

void copy_escape(std::string_view s, std::string& out) {
  for (char ch : s) {
    const char* escaped = ch == '\\'   ? "\\\\"
                          : ch == '\n' ? "\\n"
                          : ch == '\r' ? "\\r"
                          : ch == '\t' ? "\\t"
                                       : nullptr;
    if (escaped)
      out += escaped;
    else
      out += ch;
  }
}

bool copy_split(std::string_view row, std::vector<std::string>& fields,
                std::vector<char>& is_null) {
  fields.clear();
  is_null.clear();
  std::string cur;
  bool null = false;
  for (std::size_t i = 0;; ++i) {
    if (i == row.size() || row[i] == '\t') {
      fields.push_back(std::move(cur));
      is_null.push_back(null);
      cur.clear();
      null = false;
      if (i == row.size()) return true;
      continue;
    }
    if (row[i] != '\\') {  // a run of plain bytes, appended at once
      std::size_t j = i;
      while (j < row.size() && row[j] != '\t' && row[j] != '\\') ++j;
      cur.append(row.data() + i, j - i);
      i = j - 1;
      continue;
    }
    if (++i == row.size()) return false;
    switch (row[i]) {
      case 'N':
        if (!cur.empty() || (i + 1 < row.size() && row[i + 1] != '\t')) return false;
        null = true;
        break;
      case 'b':
        cur += '\b';
        break;
      case 'f':
        cur += '\f';
        break;
      case 'n':
        cur += '\n';
        break;
      case 'r':
        cur += '\r';
        break;
      case 't':
        cur += '\t';
        break;
      case 'v':
        cur += '\v';
        break;
      case 'x': {
        int v = 0, k = 0;
        for (; k < 2 && i + 1 < row.size() && std::isxdigit(static_cast<unsigned char>(row[i + 1]));
             ++k)
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(row[++i]))
                            ? row[i] - '0'
                            : (row[i] | 0x20) - 'a' + 10);
        if (k == 0) return false;
        cur += static_cast<char>(v);
        break;
      }
      default:
        if (row[i] >= '0' && row[i] <= '7') {
          int v = row[i] - '0';
          for (int k = 1; k < 3 && i + 1 < row.size() && row[i + 1] >= '0' && row[i + 1] <= '7';
               ++k)
            v = v * 8 + (row[++i] - '0');
          cur += static_cast<char>(v);
        } else {
          cur += row[i];  // \\ and any other escaped character stand for themselves
        }
    }
  }
}

}  // namespace detail

}  // namespace dipgraph
