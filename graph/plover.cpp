// PLOVER beside CAMEO: reads data/plover.tsv once and answers lookups by the
// longest listed prefix of a CAMEO code. The table is data (STYLE 12): a
// user changes the mapping by editing the file, not the code.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "graph/cameo.hpp"
#include "graph/error.hpp"

namespace dipgraph {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool is_code(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string default_path() {
  const char* env = std::getenv("DIPGRAPH_DATA");
  std::string dir = env && *env ? env : DIPGRAPH_DATA_DIR;
  return dir + "/plover.tsv";
}

}  // namespace

std::vector<PloverCode> load_plover_table(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read the PLOVER table", path));
  std::vector<PloverCode> out;
  std::string line;
  bool header = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    if (!header) {
      if (cells.size() != 3 || cells[0] != "cameo" || cells[1] != "plover" || cells[2] != "mode")
        throw Error(fmt::format("{}:{}: expected the header \"cameo<TAB>plover<TAB>mode\"", path, n));
      header = true;
      continue;
    }
    if (cells.size() != 3)
      throw Error(fmt::format("{}:{}: {} columns, expected 3", path, n, cells.size()));
    if (!is_code(cells[0]))
      throw Error(fmt::format("{}:{}: \"{}\" is not a 2-4 digit CAMEO code", path, n, cells[0]));
    out.push_back({std::string(cells[0]), std::string(cells[1]), std::string(cells[2])});
  }
  if (!header) throw Error(fmt::format("{}: empty PLOVER table", path));
  std::sort(out.begin(), out.end(),
            [](const PloverCode& a, const PloverCode& b) { return a.cameo < b.cameo; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].cameo == out[i - 1].cameo)
      throw Error(fmt::format("{}: CAMEO code {} is listed twice", path, out[i].cameo));
  return out;
}

const PloverCode* find_plover(const std::vector<PloverCode>& table, std::string_view cameo) {
  if (!is_code(cameo)) return nullptr;
  for (std::size_t n = cameo.size(); n >= 2; --n) {
    std::string_view key = cameo.substr(0, n);
    auto it = std::lower_bound(table.begin(), table.end(), key,
                               [](const PloverCode& c, std::string_view k) { return c.cameo < k; });
    if (it != table.end() && it->cameo == key) return &*it;
  }
  return nullptr;
}

const PloverCode* find_plover(std::string_view cameo) {
  static const std::vector<PloverCode> table = [] {
    try {
      return load_plover_table(default_path());
    } catch (const Error& e) {
      std::fprintf(stderr, "dipgraph: warning: %s; PLOVER categories left empty\n", e.what());
      return std::vector<PloverCode>{};
    }
  }();
  return find_plover(table, cameo);
}

}  // namespace dipgraph
