// fact_json: parsing (every error path with its message) and round trips.
#include <doctest/doctest.h>

#include "graph/fact_json.hpp"

using namespace dipgraph;

TEST_CASE("fact_json: a minimal fact gets id, root, quad class and mentions") {
  Fact f;
  std::string err;
  REQUIRE(parse_fact(R"({"type":"meeting","cameo":"043","participants":[{"id":"country:PAK"},{"id":"country:RUS"}],
     "evidence":[{"article":"a1","sentence":0,"start":0,"end":5,"text":"Hello"}]})", f, err));
  CHECK(f.root == "04");
  CHECK(f.quad_class == 1);
  CHECK(f.id.rfind("event:", 0) == 0);
  CHECK(f.mentions == 1);
  CHECK(f.participants[0].kind == ActorKind::country);
  CHECK(f.participants[0].country == "PAK");
}

TEST_CASE("fact_json: round trip keeps every field") {
  Fact f;
  std::string err;
  const char* line =
      R"({"id":"event:x","type":"project","cameo":"061","root":"06","quad_class":2,"goldstein":6.4,)"
      R"("status":"planned","date":"2025-08","source":[],"target":[],"participants":[{"id":"country:PAK","kind":"country","name":"Pakistan","country":"PAK"}],)"
      R"("location":{"name":"Karachi","country":"PAK"},"name":"steel mill","quote":"q\"x","topics":["AFG"],)"
      R"("evidence":[{"article":"a","sentence":2,"start":10,"end":20,"text":"C\u00f4te"}],"confidence":0.75,"mentions":1})";
  REQUIRE(parse_fact(line, f, err));
  std::string out;
  write_fact(f, out);
  Fact g;
  REQUIRE(parse_fact(out, g, err));
  CHECK(g.id == f.id);
  CHECK(g.status == Status::planned);
  CHECK(g.location == f.location);
  CHECK(g.quote == "q\"x");
  CHECK(g.evidence == f.evidence);
  CHECK(g.goldstein == doctest::Approx(6.4));
}

TEST_CASE("fact_json: errors name the problem") {
  struct Case { const char* line; const char* message; };
  const Case cases[] = {
      {"{", "not JSON"},
      {"[1]", "not a JSON object"},
      {R"({"participants":[{"id":"country:PAK"}]})", "missing \"type\""},
      {R"({"type":"meeting"})", "no actors"},
      {R"({"type":"meeting","participants":[{"name":"x"}]})", "missing \"id\" in \"participants\"[0]"},
      {R"({"type":"meeting","status":"maybe","participants":[{"id":"country:PAK"}]})", "unknown \"status\""},
      {R"({"type":"meeting","date":"2025-13","participants":[{"id":"country:PAK"}]})", "not an EDTF date"},
      {R"({"type":"meeting","cameo":"4x","participants":[{"id":"country:PAK"}]})", "not a 2-4 digit CAMEO code"},
      {R"({"type":"meeting","goldstein":11,"participants":[{"id":"country:PAK"}]})", "\"goldstein\" is 11"},
      {R"({"type":"meeting","participants":[{"id":"alien:x"}]})", "unknown actor kind"},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"evidence":[{"article":"a","start":5,"end":1}]})", "\"end\" before \"start\""},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}]} x)", "not JSON"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    Fact f;
    std::string err;
    CHECK_FALSE(parse_fact(c.line, f, err));
    CHECK(err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("fact_json: EDTF dates") {
  for (const char* ok : {"2025", "2025-08", "2025-07-10", "197X", "19XX"}) CHECK(is_edtf_date(ok));
  for (const char* bad : {"25", "2025-8", "2025-02-30", "X970", "2025-07-10T00", "1X7X"})
    CHECK_FALSE(is_edtf_date(bad));
}

namespace {

// Every field of two facts, doubles exactly.
void check_same_fact(const Fact& a, const Fact& b) {
  std::string ja, jb;
  write_fact(a, ja);
  write_fact(b, jb);
  CHECK(ja == jb);
  CHECK(a.goldstein == b.goldstein);
  CHECK(a.confidence == b.confidence);
}

const char* const kValidLines[] = {
    R"({"type":"meeting","cameo":"043","participants":[{"id":"country:PAK"},{"id":"country:RUS"}]})",
    R"({"id":"event:1","type":"visit","cameo":"042","root":"04","quad_class":1,"goldstein":1.9,"status":"planned","date":"2025-08","source":[{"id":"person:a-b","kind":"person","name":"A B","country":"PAK","role":"Minister"}],"target":[{"id":"country:CHN","kind":"country","name":"China","country":"CHN"}],"participants":[],"location":{"name":"Beijing","country":"CHN"},"name":"Visit","quote":"We \"agree\"\n","topics":["AFG","IND"],"evidence":[{"article":"a1","sentence":3,"start":10,"end":42,"text":"C\u00f4te d'Ivoire \u4e2d and \u00e9 / \/ \\ \t caf\u00E9"},{"article":"a2","sentence":0,"start":0,"end":0,"text":""}],"confidence":0.8125,"mentions":2,"crc":"00000000"})",
    R"({ "type" : "statement" , "source" : { "id" : "org:SCO" } , "goldstein" : -2.5 , "confidence" : 1 , "extra" : {"a":[1,2.5,-3,true,false,null,{"b":"c"}]} })",
    R"({"type":"criticism","cameo":"111","target":[{"id":"place:PAK:gwadar","name":"Gwadar \u00e9t\u00e9"}],"date":"197X","schema":1})",
    R"({"type":"meeting","participants":[{"id":"country:IND","country":"","role":""}],"evidence":[{"article":"z","text":"Привет, 世界"}]})",
};

}  // namespace

TEST_CASE("fact_json: the fast parser reads well-formed lines exactly as the DOM parser") {
  for (std::string line : kValidLines) {
    CAPTURE(line);
    Fact fast, dom;
    std::string err;
    // A key write_fact does not write sends the line to the DOM parser,
    // which checks every object for duplicate keys.
    const bool unknown_key = line.find("\"extra\"") != std::string::npos;
    CHECK(detail::parse_fact_fast(line, fast) != unknown_key);
    REQUIRE(detail::parse_fact_dom(line, dom, err));
    if (!unknown_key) check_same_fact(fast, dom);
    std::string written;  // and what write_fact makes, as store records are
    write_fact(dom, written);
    CHECK(detail::parse_fact_fast(written, fast));
    check_same_fact(fast, dom);
  }
}

TEST_CASE("fact_json: the fast parser never accepts what the DOM parser rejects") {
  // Damaged variants of valid lines: where the fast parser says yes, the DOM
  // parser must say yes with the same fact; where it gives up, parse_fact
  // still answers like the DOM parser.
  std::uint64_t seed = 88172645463325252ull;
  auto next = [&] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  const std::string alphabet = "{}[]\":,\\ 0123456789.-eEtruefalsnul\x80\xc3\xa9\xed\xa0\x01u";
  std::size_t fast_ok = 0, dom_ok = 0;
  for (std::string base : kValidLines) {
    for (int round = 0; round < 3000; ++round) {
      std::string line = base;
      int edits = 1 + static_cast<int>(next() % 3);
      for (int e = 0; e < edits && !line.empty(); ++e) {
        std::size_t pos = next() % line.size();
        char c = alphabet[next() % alphabet.size()];
        switch (next() % 3) {
          case 0: line[pos] = c; break;
          case 1: line.erase(pos, 1); break;
          default: line.insert(pos, 1, c); break;
        }
      }
      CAPTURE(line);
      Fact fast, dom, any;
      std::string err, err2;
      bool f = detail::parse_fact_fast(line, fast);
      bool d = detail::parse_fact_dom(line, dom, err);
      if (f) {
        CHECK(d);
        if (d) check_same_fact(fast, dom);
      }
      CHECK(parse_fact(line, any, err2) == d);
      if (!d) CHECK(err2 == err);
      fast_ok += f;
      dom_ok += d;
    }
  }
  CHECK(fast_ok > 100);  // the comparison did happen
  CHECK(dom_ok >= fast_ok);
}

TEST_CASE("fact_json: sniff_record tells facts from articles") {
  struct Case {
    const char* line;
    RecordKind kind;
  };
  const Case cases[] = {
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}]})", RecordKind::fact},
      {R"({"type":"visit","source":{"id":"country:PAK"}})", RecordKind::fact},
      {R"({"id":"a1","text":"JAKARTA, Aug. 4 - ..."})", RecordKind::article},
      {R"({"type":"news","source":"Reuters","text":"..."})", RecordKind::article},
      {R"({"type":"meeting"})", RecordKind::unknown},
      {"not json", RecordKind::unknown},
      {"[1,2]", RecordKind::unknown},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(sniff_record(c.line) == c.kind);
  }
}

TEST_CASE("fact_json: deep nesting, raw NUL and duplicate keys are refused with a reason") {
  // Issue 13, B2/B3/W2/W3: nesting 150,000 deep crashed the recursive parser
  // (stack overflow); a raw NUL was "Missing a closing quotation mark"; a
  // duplicate key was read silently (FindMember takes the first).
  const std::string head = R"({"type":"meeting","participants":[{"id":"country:PAK"}],"x":)";
  struct Case {
    std::string line;
    const char* error;
  };
  const Case cases[] = {
      {head + std::string(150000, '[') + std::string(150000, ']') + "}",
       "not JSON: nested deeper than 64 levels at column 124"},
      {head + std::string(150000, '{'), "not JSON: nested deeper than 64 levels at column 124"},
      {std::string(R"({"type":"meet)") + '\0' + R"(ing","participants":[{"id":"country:PAK"}]})",
       "not JSON: raw NUL byte at column 14 (control characters in strings must be escaped)"},
      {R"({"type":"meeting","type":"visit","participants":[{"id":"country:PAK"}]})",
       "duplicate key \"type\""},
      {R"({"type":"meeting","participants":[{"id":"country:PAK","id":"country:IND"}]})",
       "duplicate key \"id\""},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"x":1,"x":2})",
       "duplicate key \"x\""},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"evidence":[{"article":""}]})",
       "empty \"article\" in \"evidence\"[0]"},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"evidence":[{"article":"a","start":0,"end":1180591620717411303424}]})",
       "\"end\" in \"evidence\"[0] is out of range (at most 18446744073709551615)"},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"evidence":[{"article":"a","sentence":4294967296}]})",
       "\"sentence\" in \"evidence\"[0] is out of range (at most 4294967295)"},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"evidence":[{"article":"a","end":-1}]})",
       "\"end\" in \"evidence\"[0] is not a non-negative integer"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line.substr(0, 200));
    Fact f, fast;
    std::string err;
    CHECK_FALSE(detail::parse_fact_fast(c.line, fast));
    CHECK_FALSE(parse_fact(c.line, f, err));
    CHECK(err == c.error);
  }
  CHECK(sniff_record(head + std::string(150000, '[')) == RecordKind::unknown);
  // 64 levels are still read.
  Fact f;
  std::string err;
  CHECK(parse_fact(head + std::string(63, '[') + std::string(63, ']') + "}", f, err));
}
