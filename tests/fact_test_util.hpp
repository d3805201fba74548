// Helpers shared by the tests of facts, stores and graphs: a fact parsed
// from JSON (the test fails with the parser's message if it does not
// parse) and a temporary directory removed at scope exit.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "graph/fact.hpp"
#include "graph/fact_json.hpp"

namespace dipgraph::testing {

inline Fact parsed_fact(const std::string& json) {
  Fact f;
  std::string err;
  INFO(json);
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dipgraph-test-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace dipgraph::testing
