// ingest readers: .txt, .jsonl, .html, directories, and every bad-input path
// with its message (read_articles).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/read/article.hpp"
#include "ingest/read/html.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;
namespace fs = std::filesystem;

namespace {

// A fresh temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("dipgraph_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& content) const {
    const fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  std::size_t skipped = 0;

  std::string messages() const {
    std::string out;
    for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
    return out;
  }
};

ReadResult read(const std::vector<std::string>& inputs, ReadOptions options = {}) {
  Diagnostics diag(false);
  ReadResult r;
  r.skipped = read_articles(inputs, options, diag,
                            [&](Article&& a) { r.articles.push_back(std::move(a)); });
  r.diagnostics = diag.all();
  return r;
}

}  // namespace

TEST_CASE("reader: a .txt article with a dateline gets its date and a hash id") {
  TempDir dir;
  const std::string text = "July 11, Pakistan -- Officials met in Moscow on Thursday.\n";
  const std::string path = dir.write("a.txt", text);
  ReadOptions options;
  options.default_date = "2025-07-20";
  const ReadResult r = read({path}, options);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.skipped == 0);
  CHECK(r.diagnostics.empty());
  const Article& a = r.articles[0];
  CHECK(a.text == text);
  CHECK(a.origin == path);
  CHECK(a.date == "2025-07-11");
  CHECK(a.date_source == DateSource::dateline);
  CHECK(a.id == article_id(text));
  CHECK(a.id.size() == 17);
  CHECK(a.id[0] == 'a');
}

TEST_CASE("reader: a .txt article without a dateline takes the default date, or none") {
  TempDir dir;
  const std::string path = dir.write("b.txt", "Kenya and Ethiopia resumed talks on the dam.\n");
  ReadOptions options;
  options.default_date = "2024-03-02";
  ReadResult r = read({path}, options);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].date == "2024-03-02");
  CHECK(r.articles[0].date_source == DateSource::default_date);
  r = read({path});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].date.empty());
  CHECK(r.articles[0].date_source == DateSource::none);
}

TEST_CASE("reader: a .jsonl batch keeps id, title, date, source, url and other fields") {
  TempDir dir;
  const std::string path = dir.write(
      "batch.jsonl",
      R"({"id":"k1","text":"Nairobi hosted talks.","title":"Talks","date":"2025-03-04T10:00:00Z","source":"Daily","url":"http://x/1","lang":"en","rank":3})"
      "\n\n"
      R"({"text":"Second article.","date":"March 5, 2025"})"
      "\n");
  const ReadResult r = read({path});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.skipped == 0);
  const Article& a = r.articles[0];
  CHECK(a.id == "k1");
  CHECK(a.text == "Nairobi hosted talks.");
  CHECK(a.title == "Talks");
  CHECK(a.date == "2025-03-04");
  CHECK(a.date_source == DateSource::metadata);
  CHECK(a.source == "Daily");
  CHECK(a.url == "http://x/1");
  CHECK(a.origin == path + ":1");
  REQUIRE(a.metadata.size() == 2);
  CHECK(a.metadata[0] == std::pair<std::string, std::string>{"lang", "en"});
  CHECK(a.metadata[1] == std::pair<std::string, std::string>{"rank", "3"});
  CHECK(r.articles[1].id == article_id("Second article."));
  CHECK(r.articles[1].date == "2025-03-05");
  CHECK(r.articles[1].origin == path + ":3");
}

TEST_CASE("reader: bad JSONL records are reported with file and line and skipped") {
  TempDir dir;
  const std::string path = dir.write("batch.jsonl",
                                     "{\"text\":\"one\"}\n"
                                     "{\"text\": broken\n"
                                     "{\"id\":\"x\"}\n"
                                     "[1,2]\n"
                                     "{\"text\":42}\n"
                                     "{\"text\":\"   \"}\n"
                                     "{\"text\":\"two\",\"date\":\"sometime\"}\n");
  const ReadResult r = read({path});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].text == "two");
  CHECK(r.articles[1].date.empty());
  CHECK(r.skipped == 5);
  const std::string m = r.messages();
  CAPTURE(m);
  CHECK(m.find(path + ":2: not JSON: Invalid value. at column 10") != std::string::npos);
  CHECK(m.find(path + ":3: missing \"text\"") != std::string::npos);
  CHECK(m.find(path + ":4: not a JSON object") != std::string::npos);
  CHECK(m.find(path + ":5: \"text\" is not a string") != std::string::npos);
  CHECK(m.find(path + ":6: empty \"text\"") != std::string::npos);
  CHECK(m.find(path + ":7: warning: unrecognized \"date\" \"sometime\"; ignored") !=
        std::string::npos);
}

TEST_CASE("reader: missing, empty, whitespace-only and binary files are errors") {
  TempDir dir;
  const std::string empty = dir.write("empty.txt", "");
  const std::string spaces = dir.write("spaces.txt", " \n\t\n");
  const std::string nul = dir.write("nul.txt", std::string("abc\0def", 7));
  std::string noise;
  for (int k = 0; k < 400; ++k) noise += static_cast<char>(k % 2 ? 0x01 : 0xFF);
  const std::string bin = dir.write("noise.txt", noise);
  const std::string utf16 = dir.write("u16.txt", std::string("\xFF\xFEh\0i\0", 6));
  const std::string good = dir.write("good.txt", "Fine text.");
  const std::string missing = (dir.path / "missing.txt").string();
  const ReadResult r = read({missing, empty, spaces, nul, bin, utf16, good});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "Fine text.");
  CHECK(r.skipped == 6);
  const std::string m = r.messages();
  CAPTURE(m);
  CHECK(m.find(missing + ": no such file or directory") != std::string::npos);
  CHECK(m.find(empty + ": empty file\n") != std::string::npos);
  CHECK(m.find(spaces + ": empty file (only whitespace)") != std::string::npos);
  CHECK(m.find(nul + ": binary file (NUL bytes)") != std::string::npos);
  CHECK(m.find(bin + ": binary file (mostly non-text bytes)") != std::string::npos);
  CHECK(m.find(utf16 + ": binary file (UTF-16") != std::string::npos);
}

TEST_CASE("reader: articles over max_article_bytes are skipped in bounded memory") {
  TempDir dir;
  ReadOptions options;
  options.max_article_bytes = 1000;
  const std::string big = dir.write("big.txt", std::string(5000, 'x'));
  // A JSONL line far over the limit (line limit = max + 1 MiB slack).
  std::string huge_line = "{\"text\":\"" + std::string(3u << 20, 'y') + "\"}\n";
  const std::string batch =
      dir.write("batch.jsonl",
                huge_line + "{\"text\":\"" + std::string(2000, 'z') + "\"}\n{\"text\":\"ok\"}\n");
  const ReadResult r = read({big, batch}, options);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "ok");
  CHECK(r.skipped == 3);
  const std::string m = r.messages();
  CAPTURE(m);
  CHECK(m.find(big + ": article is 5000 bytes, over the limit of 1000 bytes; skipped") !=
        std::string::npos);
  CHECK(m.find(batch + ":1: line is " + std::to_string(huge_line.size() - 1) +
               " bytes, over the limit") != std::string::npos);
  CHECK(m.find(batch + ":2: \"text\" is 2000 bytes, over the limit of 1000 bytes; skipped") !=
        std::string::npos);
}

TEST_CASE("reader: directories are read recursively in sorted order, other files ignored") {
  TempDir dir;
  dir.write("b/2.txt", "Second.");
  dir.write("b-c.txt", "After b/.");
  dir.write("a.txt", "First.");
  dir.write("b/1.jsonl", "{\"text\":\"Batch one.\"}\n{\"text\":\"Batch two.\"}\n");
  dir.write("c/page.HTML", "<html><head><title>T</title></head><body><p>Page.</p></body></html>");
  dir.write("notes.md", "ignored");
  dir.write("image.png", "\x89PNG");
  const ReadResult r = read({dir.path.string()});
  std::vector<std::string> texts;
  for (const auto& a : r.articles) texts.push_back(a.text);
  CHECK(texts == std::vector<std::string>{"First.", "Batch one.", "Batch two.", "Second.",
                                          "After b/.", "Page."});
  CHECK(r.skipped == 0);
}

TEST_CASE("reader: a file with another extension is sniffed: JSONL, HTML or text") {
  TempDir dir;
  const std::string j = dir.write("feed.dat", "  {\"text\":\"From JSON.\"}\n");
  const std::string h = dir.write("page.dat", "<!DOCTYPE html><p>From HTML &amp; more.</p>");
  const std::string t = dir.write("note.dat", "Plain words.");
  const ReadResult r = read({j, h, t});
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].text == "From JSON.");
  CHECK(r.articles[1].text == "From HTML & more.");
  CHECK(r.articles[2].text == "Plain words.");
}

TEST_CASE("reader: an HTML page loses scripts, styles, comments and furniture, keeps metadata") {
  TempDir dir;
  const std::string path =
      dir.write("page.html",
                "<!DOCTYPE html><html><head><title>Brazil &amp; Argentina sign deal</title>"
                "<meta property=\"article:published_time\" content=\"2025-05-02T08:00:00Z\">"
                "<meta property=\"og:site_name\" content=\"The Courier\">"
                "<link rel=\"canonical\" href=\"https://example.org/deal\">"
                "<style>p { color: red; }</style><script>var x = '<p>no</p>';</script></head>"
                "<body><nav><a href=\"/\">Home</a> <a>World</a></nav>"
                "<h1>Deal signed</h1><!-- a comment <p>hidden</p> -->"
                "<p>BRAS&Iacute;LIA &#8212; Ministers signed\n   the accord&#x2019;s text.</p>"
                "<p>It&#39;s a <b>caf&eacute;</b> deal.<br>Second line.</p>"
                "<footer>Copyright</footer></body></html>");
  const ReadResult r = read({path});
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.title == "Brazil & Argentina sign deal");
  CHECK(a.date == "2025-05-02");
  CHECK(a.date_source == DateSource::metadata);
  CHECK(a.source == "The Courier");
  CHECK(a.url == "https://example.org/deal");
  CHECK(a.text ==
        "Deal signed\n\nBRAS\xC3\x8DLIA \xE2\x80\x94 Ministers signed the accord\xE2\x80\x99s "
        "text.\n\n"
        "It's a caf\xC3\xA9 deal.\nSecond line.");
}

TEST_CASE("html: character references") {
  struct Case {
    const char* in;
    char32_t cp;
    std::size_t len;
  };
  const Case cases[] = {
      {"&amp;", '&', 5},       {"&eacute;", 0xE9, 8},   {"&#8217;", 0x2019, 7},
      {"&#x2019;", 0x2019, 8}, {"&#X2019;", 0x2019, 8}, {"&nbsp;", 0xA0, 6},
      {"&rsquo;", 0x2019, 7},  {"&#0;", 0xFFFD, 4},     {"&#xD800;", 0xFFFD, 8},
      {"&amp", 0, 0},          {"&bogus;", 0, 0},       {"& x", 0, 0},
      {"&#;", 0, 0},           {"&Scaron;", 0x160, 8},
  };
  for (const Case& c : cases) {
    const std::string in = c.in;
    CAPTURE(in);
    char32_t cp = 0;
    const std::size_t len = match_entity(c.in, 0, cp);
    CHECK(len == c.len);
    if (len != 0) CHECK(cp == c.cp);
  }
}

TEST_CASE("html: unclosed comments, scripts and tags never run past the end") {
  const char* pages[] = {
      "<p>a<!-- never closed", "<script>x", "<p>a <b", "<", "<nav><p>x", "&", "a<1"};
  for (const char* p : pages) {
    const std::string page_text = p;
    CAPTURE(page_text);
    const HtmlPage page = html_to_text(p);
    CHECK(page.text.size() <= std::string_view(p).size());
  }
  CHECK(html_to_text("<p>a <b").text == "a");
  CHECK(html_to_text("a<1").text == "a<1");
}

TEST_CASE("reader: stdin is sniffed: JSONL when it starts with '{', else one text article") {
  TempDir dir;
  const std::string batch = dir.write("in.jsonl", "\n {\"text\":\"From stdin.\"}\n{\"bad\n");
  REQUIRE(std::freopen(batch.c_str(), "rb", stdin) != nullptr);
  ReadResult r = read({"-"});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "From stdin.");
  CHECK(r.articles[0].origin == "-:2");
  CHECK(r.skipped == 1);
  CHECK(r.messages().find("-:3: not JSON:") != std::string::npos);

  const std::string text = dir.write("in.txt", "WASHINGTON (AP) -- Talks began.");
  REQUIRE(std::freopen(text.c_str(), "rb", stdin) != nullptr);
  r = read({"-"});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "WASHINGTON (AP) -- Talks began.");
  CHECK(r.articles[0].origin == "-");

  const std::string empty = dir.write("empty.txt", "");
  REQUIRE(std::freopen(empty.c_str(), "rb", stdin) != nullptr);
  r = read({"-"});
  CHECK(r.articles.empty());
  CHECK(r.messages() == "-: empty file\n");
}

TEST_CASE("reader: a file that cannot be opened is an error, the rest goes on") {
  if (::geteuid() == 0) {
    MESSAGE("not checked: running as root, which can open any file");
    return;
  }
  TempDir dir;
  const std::string locked = dir.write("locked.txt", "Secret.");
  fs::permissions(locked, fs::perms::none);
  const ReadResult r = read({locked, dir.write("ok.txt", "Open.")});
  CHECK(r.articles.size() == 1);
  CHECK(r.skipped == 1);
  CHECK(r.messages().find(locked + ": cannot open: Permission denied") != std::string::npos);
}

TEST_CASE(
    "reader: deep nesting, raw NUL and duplicate keys in JSONL are errors with file and line") {
  // Issue 13, B1/W2/W3.
  TempDir dir;
  const std::string good = R"({"id":"g","text":"Pakistan and India met."})";
  const std::string batch =
      dir.write("b.jsonl", good + "\n" + R"({"text":"x","m":)" + std::string(90000, '[') +
                               std::string(90000, ']') + "}\n" + std::string(R"({"text":"a)") +
                               '\0' + "b\"}\n" + R"({"id":"one","text":"first","id":"two"})" +
                               "\n" + R"({"text":"first","text":"second"})" + "\n" + good + "\n");
  const ReadResult r = read({batch});
  CHECK(r.articles.size() == 2);
  CHECK(r.skipped == 4);
  const std::string m = r.messages();
  CAPTURE(m);
  CHECK(m.find(batch + ":2: not JSON: nested deeper than 64 levels at column 80") !=
        std::string::npos);
  CHECK(m.find(batch + ":3: not JSON: raw NUL byte at column 11") != std::string::npos);
  CHECK(m.find(batch + ":4: duplicate key \"id\"") != std::string::npos);
  CHECK(m.find(batch + ":5: duplicate key \"text\"") != std::string::npos);
}

TEST_CASE("reader: devices and FIFOs are refused without reading or blocking") {
  // Issue 13, B4/W5: /dev/zero never ended; a FIFO blocked the reader.
  TempDir dir;
  const std::string fifo = (dir.path / "pipe.jsonl").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string good = dir.write("good.txt", "Pakistan and India met.");
  const ReadResult r = read({"/dev/zero", fifo, good, "/dev/urandom"});
  CHECK(r.articles.size() == 1);
  CHECK(r.skipped == 3);
  const std::string m = r.messages();
  CAPTURE(m);
  CHECK(m.find("/dev/zero: not a regular file (a character device); skipped") != std::string::npos);
  CHECK(m.find(fifo + ": not a regular file (a FIFO); skipped") != std::string::npos);
  CHECK(m.find("/dev/urandom: not a regular file (a character device)") != std::string::npos);
}

TEST_CASE("reader: unreadable entries of a directory are reported, not passed over") {
  // Issue 13, W4/W5: links that loop or dangle and FIFOs were skipped silently.
  TempDir dir;
  dir.write("in/a.txt", "Pakistan and India met.");
  fs::create_symlink("missing.txt", dir.path / "in" / "dangling.txt");
  fs::create_symlink("loop2.txt", dir.path / "in" / "loop1.txt");
  fs::create_symlink("loop1.txt", dir.path / "in" / "loop2.txt");
  fs::create_directory_symlink("..", dir.path / "in" / "up");
  REQUIRE(::mkfifo((dir.path / "in" / "p.txt").c_str(), 0600) == 0);
  const std::string in = (dir.path / "in").string();
  const ReadResult r = read({in});
  CHECK(r.articles.size() == 1);
  CHECK(r.skipped == 4);
  const std::string m = r.messages();
  CAPTURE(m);
  CHECK(m.find(in + "/dangling.txt: dangling symbolic link; skipped") != std::string::npos);
  CHECK(m.find(in + "/loop1.txt: symbolic link loop; skipped") != std::string::npos);
  CHECK(m.find(in + "/p.txt: not a regular file (a FIFO)") != std::string::npos);
  CHECK(m.find(in + "/up: warning: symbolic link to a directory; not followed") !=
        std::string::npos);
}

TEST_CASE("reader: the bad lines of one JSONL file are shown up to 20, then counted") {
  // Issue 13, W1: extract printed every bad line of a junk file.
  TempDir dir;
  std::string junk;
  for (int i = 0; i < 100; ++i) junk += "junk\n";
  const std::string batch = dir.write("junk.jsonl", junk);
  const ReadResult r = read({batch});
  CHECK(r.skipped == 100);
  REQUIRE(r.diagnostics.size() == 21);
  CHECK(format_diagnostic(r.diagnostics[19]).rfind(batch + ":20: not JSON", 0) == 0);
  CHECK(format_diagnostic(r.diagnostics[20]) == batch + ": 80 more bad lines not shown");
}

TEST_CASE("diagnostics: control characters of a file name or message are escaped") {
  // Issue 13, W6: a file name with a newline split the FILE: reason line.
  Diagnostic d{Severity::error, Place{"a\nb\t\x01.txt", 3}, "bad \"x\ny\""};
  CHECK(format_diagnostic(d) == "a\\nb\\t\\x01.txt:3: bad \"x\\ny\"");
}
