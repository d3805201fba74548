// Store locations: telling a database from a directory, masking passwords
// in anything shown, and the COPY text format of the database store.
#include <doctest/doctest.h>

#include "graph/pg_store.hpp"
#include "graph/store.hpp"

using namespace dipgraph;

TEST_CASE("store: database locations and directories are told apart") {
  struct Row {
    const char* location;
    bool database;
  };
  for (const Row& r :
       {Row{"postgresql://host/db", true}, Row{"postgres://u@h:5433/db", true},
        Row{"postgresql:///db?host=/tmp", true}, Row{"dbname=facts", true},
        Row{"host=db1 port=5432 dbname=facts", true}, Row{"  service = dipgraph", true},
        Row{"dipgraph.store", false}, Row{"./my=store", false}, Row{"name=x", false},
        Row{"/data/postgresql://x", false}, Row{"", false}}) {
    CAPTURE(r.location);
    CHECK(is_database_location(r.location) == r.database);
  }
}

TEST_CASE("store: passwords are masked in every form libpq accepts") {
  struct Row {
    const char* in;
    const char* out;
  };
  for (const Row& r : {
           Row{"postgresql://alice:s3cret@db.example/facts",
               "postgresql://alice:***@db.example/facts"},
           Row{"postgresql://alice:p@ss@db/facts", "postgresql://alice:***@db/facts"},
           Row{"postgresql://alice@db/facts", "postgresql://alice@db/facts"},
           Row{"postgresql://db/facts?user=a&password=s3cret&sslmode=require",
               "postgresql://db/facts?user=a&password=***&sslmode=require"},
           Row{"postgresql:///facts?host=/tmp", "postgresql:///facts?host=/tmp"},
           Row{"host=db password=s3cret dbname=facts", "host=db password=*** dbname=facts"},
           Row{"host=db password = 's3 \\' cret' dbname=f", "host=db password = *** dbname=f"},
           Row{"dbname=f sslpassword=k3y", "dbname=f sslpassword=***"},
           Row{"dbname=mypassword=x", "dbname=mypassword=x"},
       }) {
    CAPTURE(r.in);
    CHECK(mask_password(r.in) == r.out);
  }
}

TEST_CASE("store: COPY text fields escape and split back unchanged") {
  const std::string values[] = {"plain", "",     "tab\there",   "new\nline", "back\\slash",
                                "\\N",   "cr\r", "caf\xc3\xa9", "end\\"};
  std::string row;
  for (const auto& v : values) {
    if (!row.empty()) row += '\t';
    detail::copy_escape(v, row);
  }
  row += "\t\\N";
  std::vector<std::string> fields;
  std::vector<char> null;
  REQUIRE(detail::copy_split(row, fields, null));
  REQUIRE(fields.size() == std::size(values) + 1);
  for (std::size_t i = 0; i < std::size(values); ++i) {
    CAPTURE(i);
    CHECK(fields[i] == values[i]);
    CHECK(!null[i]);
  }
  CHECK(null.back());
  CHECK(detail::copy_split("a\\x41\\101\\b", fields, null));
  CHECK(fields[0] == "aAA\b");
  CHECK_FALSE(detail::copy_split("dangling\\", fields, null));
}
