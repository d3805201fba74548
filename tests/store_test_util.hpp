// Fixtures shared by the store and snapshot tests (fact_store_test,
// fact_compact_test, graph_stream_test, snapshot_test): a temporary
// directory, whole-file reads and writes, a country actor.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/fact.hpp"

namespace dipgraph::store_test {

// A fresh temporary directory (/tmp/dipgraph-<what>-test-XXXXXX), removed
// with its contents at scope exit.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& what = "store") {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / ("dipgraph-" + what + "-test-XXXXXX")).string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
}

// The country `code` as a party: id country:CODE, named and coded CODE.
inline Actor country(const std::string& code) {
  Actor a;
  a.id = "country:" + code;
  a.kind = ActorKind::country;
  a.name = code;
  a.country = code;
  return a;
}

}  // namespace dipgraph::store_test
