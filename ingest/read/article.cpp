// read_articles: files, directories and stdin -> Articles (article.hpp).
//
// Every input is read in bounded memory: text and HTML files are checked
// against max_article_bytes before they are read (stdin is read up to the
// limit and then drained), JSONL batches are streamed line by line and a
// line over the limit is skipped without being kept. Each problem is one
// Diagnostics error with its place, and the reader moves on.
#include "ingest/read/article.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "graph/detail/json_keys.hpp"
#include "graph/fact.hpp"
#include "graph/json_precheck.hpp"
#include "ingest/read/dateline.hpp"
#include "ingest/read/document.hpp"
#include "ingest/read/html.hpp"
#include "ingest/read/utf8.hpp"

namespace dipgraph::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChunk = 1u << 20;
constexpr std::size_t kSmallChunk = 1u << 16;
constexpr std::size_t kSniffBytes = 4096;
// A JSONL line may exceed its article's text by this much (escapes, metadata).
constexpr std::size_t kLineSlack = 1u << 20;
// Bad lines of one JSONL file reported one by one; the rest are counted.
constexpr std::size_t kMaxLineErrorsShown = 20;

enum class Format { text, jsonl, html, sniff };

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

Format format_of(const fs::path& p) {
  const std::string ext = lower_ascii(p.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
  if (ext == ".html" || ext == ".htm") return Format::html;
  if (ext == ".txt" || ext == ".text") return Format::text;
  return Format::sniff;
}

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view skip_bom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

bool blank(std::string_view s) {
  s = skip_bom(s);
  return std::all_of(s.begin(), s.end(), is_space);
}

Format sniff(std::string_view head) {
  head = skip_bom(head);
  std::size_t k = 0;
  while (k < head.size() && is_space(head[k])) ++k;
  if (k < head.size() && head[k] == '{') return Format::jsonl;
  if (looks_like_html(head)) return Format::html;
  return Format::text;
}

// Printable ASCII and whitespace.
constexpr std::array<bool, 256> kTextByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = true;
  for (char c : {'\t', '\n', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// Why `s` is not text ("" if it is): NUL bytes, UTF-16, or mostly control
// bytes and invalid UTF-8 in its first 8 KiB.
std::string binary_reason(std::string_view s) {
  if (s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF')))
    return "binary file (UTF-16 text is not supported; convert it to UTF-8)";
  if (std::memchr(s.data(), '\0', s.size()) != nullptr) return "binary file (NUL bytes)";
  const std::string_view sample = s.substr(0, 8192);
  std::size_t bad = 0, chars = 0;
  for (std::size_t i = 0; i < sample.size();) {
    // A run of printable ASCII and whitespace, the common case.
    const std::size_t run_start = i;
    while (i < sample.size() && kTextByte[static_cast<unsigned char>(sample[i])]) ++i;
    chars += i - run_start;
    if (i == sample.size()) break;
    const unsigned char c = static_cast<unsigned char>(sample[i]);
    ++chars;
    if (c < 0x80) {  // a control byte
      ++bad;
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(sample, i);
    if (d.cp == utf8::kInvalid && i + d.len < sample.size()) ++bad;  // a cut at the end is fine
    i += d.len;
  }
  if (chars > 0 && bad * 4 > chars) return "binary file (mostly non-text bytes)";
  return "";
}

std::string errno_message(int err) { return std::generic_category().message(err); }

// Appends the rest of a stream to `out`, stopping once `out` holds more than
// `limit` bytes: an endless stream (/dev/zero, a pipe that never closes) is
// read no further than limit + 1 bytes. Returns out.size(); more than `limit`
// means too large (`out` is then cleared).
std::size_t read_bounded(std::FILE* f, std::string& out, std::size_t limit) {
  while (out.size() <= limit) {
    const std::size_t want = std::min(kSmallChunk, limit + 1 - out.size());
    const std::size_t at = out.size();
    out.resize(at + want);
    const std::size_t got = std::fread(out.data() + at, 1, want, f);
    out.resize(at + got);
    if (got == 0) break;
  }
  const std::size_t total = out.size();
  if (total > limit) std::string().swap(out);
  return total;
}

// What a file that is not regular is, for "not a regular file (...)".
std::string kind_of(const struct stat& st) {
  if (S_ISFIFO(st.st_mode)) return "a FIFO";
  if (S_ISCHR(st.st_mode)) return "a character device";
  if (S_ISBLK(st.st_mode)) return "a block device";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  if (S_ISDIR(st.st_mode)) return "a directory";
  return "not a regular file";
}

std::string not_regular(const struct stat& st) {
  return fmt::format("not a regular file ({}); skipped (pipe it to standard input as -)",
                     kind_of(st));
}

// Streams lines from a FILE in bounded memory.
class LineReader {
 public:
  LineReader(std::FILE* f, std::string_view prefix) : f_(f), buf_(new char[kChunk]) {
    if (!prefix.empty())  // an empty view may hold a null pointer, which memcpy must not get
      std::memcpy(buf_.get(), prefix.data(), std::min(prefix.size(), kChunk));
    end_ = std::min(prefix.size(), kChunk);
  }

  // The next line (without "\n" or "\r\n") into `line`; false at the end.
  // A line longer than `limit` is consumed but not kept: `too_long` is set
  // and `line` is empty. `length` is the line's full length.
  bool next(std::string& line, std::size_t limit, bool& too_long, std::size_t& length) {
    line.clear();
    too_long = false;
    length = 0;
    if (pos_ >= end_ && !fill()) return false;
    while (true) {
      const char* start = buf_.get() + pos_;
      const std::size_t avail = end_ - pos_;
      const void* nl = std::memchr(start, '\n', avail);
      const std::size_t take = nl ? static_cast<const char*>(nl) - start : avail;
      length += take;
      if (!too_long) {
        if (line.size() + take > limit) {
          too_long = true;
          std::string().swap(line);
        } else {
          line.append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        break;
      }
      if (!fill()) break;
    }
    if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

  bool failed() const { return std::ferror(f_) != 0; }

 private:
  bool fill() {
    pos_ = end_ = 0;
    if (eof_) return false;
    end_ = std::fread(buf_.get(), 1, kChunk, f_);
    if (end_ == 0) eof_ = true;
    return end_ > 0;
  }

  std::FILE* f_;
  std::unique_ptr<char[]> buf_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
};

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr && f != stdin) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Enough raw text for a headline and a dateline.
constexpr std::size_t kDatelinePrefix = 400;

// True if the start of the text has a character a dateline separator is
// made of ('-', ':', or a UTF-8 dash).
bool has_separator(std::string_view text) {
  const std::string_view head = text.substr(0, kDatelinePrefix);
  return head.find_first_of("-:\xE2") != std::string_view::npos;
}

std::string json_to_string(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  v.Accept(w);
  return std::string(sb.GetString(), sb.GetSize());
}

class Reader {
 public:
  Reader(const ReadOptions& options, Diagnostics& diag, const std::function<void(Article&&)>& sink)
      : options_(options), diag_(diag), sink_(sink) {}

  std::size_t skipped() const { return skipped_; }

  void input(const std::string& name) {
    if (name == "-") return read_stdin();
    std::error_code ec;
    const fs::file_status st = fs::status(name, ec);
    if (ec || !fs::exists(st)) {
      return fail(name, ec && ec != std::errc::no_such_file_or_directory
                            ? "cannot read: " + ec.message()
                            : "no such file or directory");
    }
    if (fs::is_directory(st)) return directory(name);
    if (!fs::is_regular_file(st)) {  // not opened: opening a FIFO blocks or kills its writer
      struct stat raw {};
      ::stat(name.c_str(), &raw);
      return fail(name, not_regular(raw));
    }
    file(name, format_of(name));
  }

  void finish_file(const std::string& name) {
    if (line_errors_ > kMaxLineErrorsShown)
      diag_.error(Place{name},
                  fmt::format("{} more bad lines not shown", line_errors_ - kMaxLineErrorsShown));
    line_errors_ = 0;
  }

 private:
  // Reports a skipped input or record. The bad lines of one JSONL file past
  // kMaxLineErrorsShown are only counted (finish_file reports how many).
  void fail(const std::string& file, std::string message, std::size_t line = 0) {
    ++skipped_;
    if (line != 0 && ++line_errors_ > kMaxLineErrorsShown) return;
    diag_.error(Place{file, line}, std::move(message));
  }

  void directory(const std::string& dir) {
    std::vector<fs::path> files;
    walk(dir, files);
    // Component by component ("a/x" before "a-b/x"), as string compares:
    // the separator sorts before every other byte.
    std::vector<std::pair<std::string, std::size_t>> keys(files.size());
    for (std::size_t k = 0; k < files.size(); ++k) {
      keys[k] = {files[k].string(), k};
      std::replace(keys[k].first.begin(), keys[k].first.end(), '/', '\x01');
    }
    std::sort(keys.begin(), keys.end());
    std::vector<fs::path> sorted;
    sorted.reserve(files.size());
    for (const auto& key : keys) sorted.push_back(std::move(files[key.second]));
    files = std::move(sorted);
    if (files.empty()) diag_.warning(Place{dir}, "no .txt, .jsonl or .html files found");
    for (const fs::path& p : files) file(p.string(), format_of(p));
  }

  // Collects the files of `dir` and its subdirectories with a known
  // extension. Whatever cannot be read is reported, not passed over: an
  // unreadable subdirectory, a dangling symbolic link or a loop of them, a
  // FIFO or device with a known extension. Symbolic links to files are
  // followed; to directories not (a warning), so a walk cannot loop.
  void walk(const std::string& dir, std::vector<fs::path>& files) {
    std::vector<fs::path> pending{fs::path(dir)};
    while (!pending.empty()) {
      const fs::path d = std::move(pending.back());
      pending.pop_back();
      std::error_code ec;
      fs::directory_iterator it(d, ec);
      for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const bool wanted = format_of(p) != Format::sniff;
        std::error_code lec, sec;
        const bool link = it->is_symlink(lec);
        const fs::file_status st = it->status(sec);  // follows links
        if (sec) {
          if (!wanted && !link) continue;
          if (sec == std::errc::too_many_symbolic_link_levels)
            fail(p.string(), "symbolic link loop; skipped");
          else if (link && sec == std::errc::no_such_file_or_directory)
            fail(p.string(), "dangling symbolic link; skipped");
          else
            fail(p.string(), "cannot read: " + sec.message());
        } else if (fs::is_directory(st)) {
          if (link)
            diag_.warning(Place{p.string()}, "symbolic link to a directory; not followed");
          else
            pending.push_back(p);
        } else if (wanted && fs::is_regular_file(st)) {
          files.push_back(p);
        } else if (wanted) {
          struct stat raw {};
          ::stat(p.c_str(), &raw);
          fail(p.string(), not_regular(raw));
        }
      }
      if (ec) fail(d.string(), "cannot read directory: " + ec.message());
    }
  }

  // Opens a regular file (a FIFO or a device is refused without blocking on
  // it: O_NONBLOCK, then fstat). Returns -1 after reporting the failure.
  int open_regular(const std::string& name, struct stat& st) {
    const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
      fail(name, "cannot open: " + errno_message(errno));
      return -1;
    }
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      const int err = errno;
      ::close(fd);
      fail(name, S_ISREG(st.st_mode) ? "cannot open: " + errno_message(err) : not_regular(st));
      return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
  }

  // Reads one named file, opened once: a sniffed file's first bytes are
  // kept for the reader that follows.
  void file(const std::string& name, Format format) {
    struct stat st {};
    const int fd = open_regular(name, st);
    if (fd < 0) return;
    if (format == Format::sniff || format == Format::jsonl) {
      File f(::fdopen(fd, "rb"));
      if (!f) {
        ::close(fd);
        return fail(name, "cannot open: " + errno_message(errno));
      }
      std::string head;
      if (format == Format::sniff) {
        head.resize(kSniffBytes);
        head.resize(std::fread(head.data(), 1, head.size(), f.get()));
        format = sniff(head);
      }
      if (format == Format::jsonl) return jsonl(f.get(), name, head);
      const std::size_t total = read_bounded(f.get(), head, options_.max_article_bytes);
      if (std::ferror(f.get())) return fail(name, "read error: " + errno_message(errno));
      if (total > options_.max_article_bytes) return too_large(name, st.st_size);
      return document(name, std::move(head), format);
    }
    // A regular text or HTML file is sized first and read in one go with
    // plain POSIX calls (the common case: many small files).
    {
      const std::size_t total = static_cast<std::size_t>(st.st_size);
      if (total > options_.max_article_bytes) {
        ::close(fd);
        return fail(name, fmt::format("article is {} bytes, over the limit of {} bytes; skipped",
                                      total, options_.max_article_bytes));
      }
      std::string content(total, '\0');
      std::size_t got = 0;
      while (got < total) {
        const ssize_t r = ::read(fd, content.data() + got, total - got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
          const int err = errno;
          ::close(fd);
          return fail(name, "read error: " + errno_message(err));
        }
        if (r == 0) break;  // the file shrank meanwhile
        got += static_cast<std::size_t>(r);
      }
      ::close(fd);
      content.resize(got);
      return document(name, std::move(content), format);
    }
  }

  // `size` is the file's size when known (a regular file), else -1.
  void too_large(const std::string& name, off_t size) {
    if (size >= 0 && static_cast<std::size_t>(size) > options_.max_article_bytes)
      return fail(name, fmt::format("article is {} bytes, over the limit of {} bytes; skipped",
                                    size, options_.max_article_bytes));
    fail(name,
         fmt::format("article is over the limit of {} bytes; skipped", options_.max_article_bytes));
  }

  void read_stdin() {
    const std::string name = "-";
    std::string head(kSniffBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), stdin));
    const Format format = sniff(head);
    if (format == Format::jsonl) return jsonl(stdin, name, head);
    const std::size_t total = read_bounded(stdin, head, options_.max_article_bytes);
    if (std::ferror(stdin)) return fail(name, "read error: " + errno_message(errno));
    if (total > options_.max_article_bytes) return too_large(name, -1);
    document(name, std::move(head), format);
  }

  // One text or HTML article from a whole file.
  void document(const std::string& name, std::string content, Format format) {
    if (blank(content))
      return fail(name, content.empty() ? "empty file" : "empty file (only whitespace)");
    if (std::string why = binary_reason(content); !why.empty()) return fail(name, why);
    Article a;
    a.origin = name;
    if (format == Format::html) {
      HtmlPage page = html_to_text(content);
      if (blank(page.text)) return fail(name, "no text in the HTML page");
      a.text = std::move(page.text);
      a.title = std::move(page.title);
      a.url = std::move(page.url);
      a.source = std::move(page.source);
      if (!page.date.empty()) {
        a.date = parse_date(page.date, options_.default_date);
        if (a.date.empty()) {
          diag_.warning(Place{name},
                        fmt::format("unrecognized date \"{}\" in the page; ignored", page.date));
        } else {
          a.date_source = DateSource::metadata;
        }
      }
    } else {
      const std::string_view body = skip_bom(content);
      a.text = body.size() == content.size() ? std::move(content) : std::string(body);
    }
    emit(std::move(a));
  }

  void jsonl(std::FILE* f, const std::string& name, std::string_view prefix) {
    LineReader reader(f, prefix);
    std::string line;
    bool too_long = false;
    std::size_t length = 0, line_no = 0;
    const std::size_t line_limit = options_.max_article_bytes + kLineSlack;
    bool any = false;
    while (reader.next(line, line_limit, too_long, length)) {
      ++line_no;
      if (too_long) {
        fail(name,
             fmt::format("line is {} bytes, over the limit of {} bytes; skipped", length,
                         line_limit),
             line_no);
        continue;
      }
      std::string_view view = line_no == 1 ? skip_bom(line) : std::string_view(line);
      if (blank(view)) continue;
      any = true;
      record(name, line_no, std::string(view));
    }
    if (reader.failed()) fail(name, "read error: " + errno_message(errno), line_no);
    finish_file(name);
    if (!any && !reader.failed() && line_no == 0)
      fail(name, "empty file");
    else if (!any && !reader.failed())
      fail(name, "empty file (only whitespace)");
  }

  // One JSONL record; `line` is parsed in place.
  void record(const std::string& name, std::size_t line_no, std::string line) {
    if (std::string why = json_precheck(line); !why.empty()) return fail(name, why, line_no);
    rapidjson::Document d;
    d.ParseInsitu<rapidjson::kParseIterativeFlag>(line.data());
    if (d.HasParseError()) {
      return fail(
          name,
          fmt::format("not JSON: {} at column {}", rapidjson::GetParseError_En(d.GetParseError()),
                      d.GetErrorOffset() + 1),
          line_no);
    }
    if (!d.IsObject()) return fail(name, "not a JSON object", line_no);
    if (std::string_view key; dipgraph::detail::duplicate_key(d, key))
      return fail(name, fmt::format("duplicate key \"{}\"", key), line_no);
    const auto text = d.FindMember("text");
    if (text == d.MemberEnd()) return fail(name, "missing \"text\"", line_no);
    if (!text->value.IsString()) return fail(name, "\"text\" is not a string", line_no);
    const std::string_view body(text->value.GetString(), text->value.GetStringLength());
    if (body.size() > options_.max_article_bytes) {
      return fail(name,
                  fmt::format("\"text\" is {} bytes, over the limit of {} bytes; skipped",
                              body.size(), options_.max_article_bytes),
                  line_no);
    }
    if (blank(body)) return fail(name, "empty \"text\"", line_no);

    Article a;
    a.origin = fmt::format("{}:{}", name, line_no);
    a.text = std::string(body);
    for (auto m = d.MemberBegin(); m != d.MemberEnd(); ++m) {
      const std::string_view key(m->name.GetString(), m->name.GetStringLength());
      const rapidjson::Value& v = m->value;
      if (key == "text") continue;
      if (key == "id" && (v.IsString() || v.IsNumber())) {
        a.id = json_to_string(v);
      } else if (key == "title" && v.IsString()) {
        a.title = json_to_string(v);
      } else if ((key == "source" || key == "outlet") && v.IsString()) {
        // The outlet: "source" wins when both are given.
        if (key == "source" || a.source.empty()) a.source = json_to_string(v);
      } else if (key == "url" && v.IsString()) {
        a.url = json_to_string(v);
      } else if (key == "date" && v.IsString()) {
        const std::string raw = json_to_string(v);
        a.date = parse_date(raw, options_.default_date);
        if (a.date.empty()) {
          if (!raw.empty())
            diag_.warning(Place{name, line_no},
                          fmt::format("unrecognized \"date\" \"{}\"; ignored", raw));
        } else {
          a.date_source = DateSource::metadata;
        }
      } else {
        a.metadata.emplace_back(std::string(key), json_to_string(v));
      }
    }
    emit(std::move(a));
  }

  // Fills id and date, then hands the article over.
  void emit(Article&& a) {
    if (a.id.empty()) a.id = article_id(a.text);
    if (a.date.empty() && has_separator(a.text)) {
      // The dateline, read from a normalized prefix of the text.
      std::size_t cut = std::min<std::size_t>(a.text.size(), kDatelinePrefix);
      while (cut < a.text.size() && cut > 0 &&
             (static_cast<unsigned char>(a.text[cut]) & 0xC0) == 0x80)
        --cut;
      Diagnostics quiet(false);
      const std::string prefix =
          normalize_text(std::string_view(a.text).substr(0, cut), a.origin, quiet);
      Dateline dl;
      if (find_dateline(prefix, options_.default_date, dl) && !dl.date.empty()) {
        a.date = std::move(dl.date);
        a.date_source = DateSource::dateline;
      }
    }
    if (a.date.empty() && is_iso_date(options_.default_date)) {
      a.date = options_.default_date;
      a.date_source = DateSource::default_date;
    }
    sink_(std::move(a));
  }

  const ReadOptions& options_;
  Diagnostics& diag_;
  const std::function<void(Article&&)>& sink_;
  std::size_t skipped_ = 0;
  std::size_t line_errors_ = 0;  // bad lines of the JSONL file being read
};

}  // namespace

std::string article_id(std::string_view text) { return fmt::format("a{:016x}", fnv1a64(text)); }

std::size_t read_articles(const std::vector<std::string>& inputs, const ReadOptions& options,
                          Diagnostics& diag, const std::function<void(Article&&)>& sink) {
  Reader reader(options, diag, sink);
  for (const std::string& input : inputs) reader.input(input);
  return reader.skipped();
}

}  // namespace dipgraph::ingest
