// Facts <-> JSON lines (fact_json.hpp): parse_fact with its fast path, and
// the checks both readers share (UTF-8, digits, EDTF dates). The schema is
// docs/facts.md. The strict reader that names what is wrong is
// fact_json_dom.cpp (RapidJSON's DOM); writing is fact_json_write.cpp.
#include "graph/fact_json.hpp"

#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>

#include "graph/cameo.hpp"
#include "graph/detail/fact_json_checks.hpp"

namespace dipgraph {

namespace detail {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace detail

namespace {

using detail::digits;
using detail::valid_utf8;

}  // namespace

bool is_edtf_date(std::string_view d) {
  auto year_ok = [](std::string_view y) {
    if (y.size() != 4) return false;
    bool x_seen = false;
    for (char c : y) {
      if (c == 'X')
        x_seen = true;
      else if (c < '0' || c > '9' || x_seen)
        return false;  // X only as trailing digits
    }
    return y[0] != 'X' && y[1] != 'X';
  };
  if (d.size() == 4) return year_ok(d);
  if (d.size() != 7 && d.size() != 10) return false;
  if (!digits(d.substr(0, 4)) || d[4] != '-' || !digits(d.substr(5, 2))) return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  if (month < 1 || month > 12) return false;
  if (d.size() == 7) return true;
  if (d[7] != '-' || !digits(d.substr(8, 2))) return false;
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day >= 1 && day <= kDays[month - 1];
}

// ---------------------------------------------------------------------------
// The fast path: a pull parser that reads a fact line straight into a Fact,
// without building a DOM. It accepts only what the DOM path accepts and
// yields the same Fact; on anything unusual (an error, null, a duplicate
// key, a key write_fact does not write, a surrogate escape, a number it
// cannot convert exactly as RapidJSON does) it gives up and parse_fact
// falls back to the DOM path, which then also produces the error message.
// Store records and well-formed facts files take the fast path.

namespace detail {

bool valid_utf8(const unsigned char* s, std::size_t n) {
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (s[i + 1] < lo || s[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
    i += len;
  }
  return true;
}

}  // namespace detail

namespace {

// k == lit, compared inline (the length is a constant).
template <std::size_t N>
bool is(std::string_view k, const char (&lit)[N]) {
  return k.size() == N - 1 && std::memcmp(k.data(), lit, N - 1) == 0;
}

// Bytes up to the first '"', '\\' or control character from `p`, and
// whether any of them has its high bit set (non-ASCII).
const char* scan_string(const char* p, const char* end, bool& high) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                space = _mm_set1_epi8(0x20);
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmplt_epi8(v, space));  // signed: also bytes >= 0x80
    unsigned top = static_cast<unsigned>(_mm_movemask_epi8(v));
    unsigned stop = static_cast<unsigned>(_mm_movemask_epi8(special)) & ~top;
    if (stop != 0) {
      unsigned n = static_cast<unsigned>(__builtin_ctz(stop));
      if (top & ((1u << n) - 1)) high = true;
      return p + n;
    }
    if (top) high = true;
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) break;
    if (c >= 0x80) high = true;
  }
  return p;
}

class FastReader {
 public:
  FastReader(const char* p, const char* end) : p_(p), end_(end) {}

  bool fact(Fact& f) {
    // clang-format off
    enum Key : unsigned {
      kId = 1u << 0, kType = 1u << 1, kCameo = 1u << 2, kRoot = 1u << 3, kStatus = 1u << 4,
      kDate = 1u << 5, kName = 1u << 6, kQuote = 1u << 7, kSource = 1u << 8,
      kTarget = 1u << 9, kParticipants = 1u << 10, kLocation = 1u << 11, kTopics = 1u << 12,
      kEvidence = 1u << 13, kQuad = 1u << 14, kGoldstein = 1u << 15, kConfidence = 1u << 16,
      kSchema = 1u << 17, kMentions = 1u << 18, kCrc = 1u << 19, kPlover = 1u << 20,
      kPloverMode = 1u << 21, kSources = 1u << 22
    };
    // clang-format on
    if (!lit('{')) return false;
    unsigned seen = 0;
    std::string_view status;
    double quad = 0;
    std::string_view k;
    do {
      if (!key(k)) return false;
      unsigned bit = 0;
      bool ok;
      // clang-format off
      if (is(k, "id")) bit = kId, ok = str(f.id);
      else if (is(k, "type")) bit = kType, ok = str(f.type);
      else if (is(k, "cameo")) bit = kCameo, ok = str(f.cameo);
      else if (is(k, "root")) bit = kRoot, ok = str(f.root);
      else if (is(k, "status")) bit = kStatus, ok = plain(status);
      else if (is(k, "date")) bit = kDate, ok = str(f.date);
      else if (is(k, "name")) bit = kName, ok = str(f.name);
      else if (is(k, "quote")) bit = kQuote, ok = str(f.quote);
      else if (is(k, "source")) bit = kSource, ok = actors(f.source);
      else if (is(k, "target")) bit = kTarget, ok = actors(f.target);
      else if (is(k, "participants")) bit = kParticipants, ok = actors(f.participants);
      else if (is(k, "location")) bit = kLocation, ok = location(f);
      else if (is(k, "topics")) bit = kTopics, ok = topics(f.topics);
      else if (is(k, "evidence")) bit = kEvidence, ok = evidence(f.evidence);
      else if (is(k, "quad_class")) bit = kQuad, ok = number(quad);
      else if (is(k, "goldstein")) bit = kGoldstein, ok = number(f.goldstein);
      else if (is(k, "confidence")) bit = kConfidence, ok = number(f.confidence);
      else if (is(k, "mentions")) bit = kMentions, ok = skip(0);  // recomputed from evidence
      else if (is(k, "sources")) bit = kSources, ok = skip(0);
      else if (is(k, "crc")) bit = kCrc, ok = skip(0);  // a store record's checksum
      else if (is(k, "plover")) bit = kPlover, ok = skip(0);  // derived from cameo
      else if (is(k, "plover_mode")) bit = kPloverMode, ok = skip(0);
      else if (is(k, "schema")) {
        std::uint64_t v = 0;
        bit = kSchema, ok = uint(v) && v <= static_cast<std::uint64_t>(kFactSchemaVersion);
      } else {
        return false;  // unknown keys: the DOM path checks them for duplicates
      }
      // clang-format on
      if (!ok || (seen & bit)) return false;
      seen |= bit;
    } while (lit(','));
    if (!lit('}')) return false;
    ws();
    if (p_ != end_) return false;

    // The checks and defaults of the DOM path (Reader::fact).
    if (f.type.empty()) return false;
    if (!f.cameo.empty() && (!digits(f.cameo) || f.cameo.size() < 2 || f.cameo.size() > 4))
      return false;
    if (!status.empty()) {
      auto s = parse_status(status);
      if (!s) return false;
      f.status = *s;
    }
    if (!f.date.empty() && !is_edtf_date(f.date)) return false;
    if (f.source.empty() && f.target.empty() && f.participants.empty()) return false;
    if (quad < 0 || quad > 4 || quad != std::floor(quad)) return false;
    f.quad_class = static_cast<int>(quad);
    if (f.goldstein < -10 || f.goldstein > 10) return false;
    if (f.confidence < 0 || f.confidence > 1) return false;
    if (!f.cameo.empty()) {
      if (f.root.empty()) f.root = f.cameo.substr(0, 2);
      if (f.quad_class == 0) f.quad_class = quad_class_of(f.cameo);
      if (!(seen & kGoldstein))
        if (const CameoCode* c = find_cameo(f.cameo)) f.goldstein = c->goldstein;
    }
    settle_fact_id(f);
    f.mentions = count_mentions(f.evidence);
    f.sources = count_sources(f.evidence);
    return true;
  }

 private:
  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool lit(char c) {
    ws();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }

  // A string without escapes or non-ASCII bytes, as a view into the line.
  bool plain(std::string_view& out) {
    if (!lit('"')) return false;
    const char* s = p_;
    while (p_ < end_ && *p_ != '"') {
      auto c = static_cast<unsigned char>(*p_);
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;
      ++p_;
    }
    if (p_ == end_) return false;
    out = std::string_view(s, static_cast<std::size_t>(p_ - s));
    ++p_;
    return true;
  }

  bool key(std::string_view& k) { return plain(k) && lit(':'); }

  // A string, escapes decoded, UTF-8 validated.
  bool str(std::string& out) {
    if (!lit('"')) return false;
    out.clear();
    bool high = false;
    for (;;) {
      const char* s = p_;
      p_ = scan_string(p_, end_, high);
      out.append(s, static_cast<std::size_t>(p_ - s));
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_++ == '"') break;
      if (p_ == end_) return false;
      switch (*p_++) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (end_ - p_ < 4) return false;
          unsigned cp = 0;
          for (int i = 0; i < 4; ++i) {
            char h = *p_++;
            int d = h >= '0' && h <= '9'   ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10
                    : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                           : -1;
            if (d < 0) return false;
            cp = cp << 4 | static_cast<unsigned>(d);
          }
          if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // the DOM path decides
          if (cp < 0x80) {
            out += static_cast<char>(cp);
          } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default:
          return false;
      }
    }
    return !high || valid_utf8(reinterpret_cast<const unsigned char*>(out.data()), out.size());
  }

  // A non-negative integer without sign, fraction or exponent (IsUint64).
  bool uint(std::uint64_t& v) {
    ws();
    const char* s = p_;
    v = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') v = v * 10 + static_cast<unsigned>(*p_++ - '0');
    std::size_t n = static_cast<std::size_t>(p_ - s);
    if (n == 0 || n > 18 || (n > 1 && *s == '0')) return false;
    return p_ == end_ || (*p_ != '.' && *p_ != 'e' && *p_ != 'E');
  }

  // A number, converted as RapidJSON does when that is exact: a mantissa
  // below 2^53 scaled by an exact power of ten (correctly rounded).
  bool number(double& out) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    ws();
    bool neg = p_ < end_ && *p_ == '-';
    if (neg) ++p_;
    const char* s = p_;
    std::uint64_t m = 0;
    int digits_seen = 0, scale = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
      m = m * 10 + static_cast<unsigned>(*p_++ - '0');
      ++digits_seen;
    }
    if (digits_seen == 0 || (digits_seen > 1 && *s == '0')) return false;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      const char* f = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
        m = m * 10 + static_cast<unsigned>(*p_++ - '0');
        ++digits_seen;
        ++scale;
      }
      if (p_ == f) return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;  // rare: the DOM path
    if (digits_seen > 15 || scale > 22) return false;
    if (m == 0 && neg) return false;  // -0: the DOM path
    double d = static_cast<double>(m);
    if (scale > 0) d /= kPow10[scale];
    out = neg ? -d : d;
    return true;
  }

  bool actor(Actor& a) {
    if (!lit('{')) return false;
    enum : unsigned { kId = 1, kKind = 2, kName = 4, kCountry = 8, kRole = 16 };
    unsigned seen = 0;
    std::string_view k, kind;
    if (lit('}')) return false;  // no id
    do {
      if (!key(k)) return false;
      unsigned bit = 0;
      bool ok;
      // clang-format off
      if (is(k, "id")) bit = kId, ok = str(a.id);
      else if (is(k, "kind")) bit = kKind, ok = plain(kind);
      else if (is(k, "name")) bit = kName, ok = str(a.name);
      else if (is(k, "country")) bit = kCountry, ok = str(a.country);
      else if (is(k, "role")) bit = kRole, ok = str(a.role);
      else return false;  // as above
      // clang-format on
      if (!ok || (seen & bit)) return false;
      seen |= bit;
    } while (lit(','));
    if (!lit('}') || a.id.empty()) return false;
    if (kind.empty()) {
      auto colon = a.id.find(':');
      kind = std::string_view(a.id).substr(0, colon == std::string::npos ? 0 : colon);
      if (kind == "org") kind = "organization";
    }
    auto kk = parse_actor_kind(kind);
    if (!kk) return false;
    a.kind = *kk;
    if (a.kind == ActorKind::country && a.country.empty() && a.id.rfind("country:", 0) == 0)
      a.country = a.id.substr(8);
    if (a.name.empty()) a.name = a.id;
    return true;
  }

  // Parses into a reused scratch vector first, so that `out` is allocated
  // once, at its exact size.
  bool actors(std::vector<Actor>& out) {
    ws();
    if (p_ < end_ && *p_ == '{') return actor(out.emplace_back());  // a list of one
    if (!lit('[')) return false;
    if (lit(']')) return true;
    thread_local std::vector<Actor> tmp;
    tmp.clear();
    do {
      if (!actor(tmp.emplace_back())) return false;
    } while (lit(','));
    if (!lit(']')) return false;
    out.reserve(out.size() + tmp.size());
    for (auto& a : tmp) out.push_back(std::move(a));
    return true;
  }

  bool location(Fact& f) {
    if (!lit('{')) return false;
    Location loc;
    unsigned seen = 0;
    std::string_view k;
    if (lit('}')) return false;  // no name
    do {
      if (!key(k)) return false;
      unsigned bit = 0;
      bool ok;
      // clang-format off
      if (is(k, "name")) bit = 1, ok = str(loc.name);
      else if (is(k, "country")) bit = 2, ok = str(loc.country);
      else return false;  // as above
      // clang-format on
      if (!ok || (seen & bit)) return false;
      seen |= bit;
    } while (lit(','));
    if (!lit('}') || !(seen & 1)) return false;
    f.location = std::move(loc);
    return true;
  }

  bool topics(std::vector<std::string>& out) {
    if (!lit('[')) return false;
    if (lit(']')) return true;
    do {
      if (!str(out.emplace_back())) return false;
    } while (lit(','));
    return lit(']');
  }

  bool evidence(std::vector<Evidence>& result) {
    if (!lit('[')) return false;
    if (lit(']')) return true;
    thread_local std::vector<Evidence> out;  // as in actors()
    out.clear();
    do {
      Evidence& e = out.emplace_back();
      if (!lit('{')) return false;
      enum : unsigned {
        kArticle = 1, kText = 2, kSentence = 4, kStart = 8, kEnd = 16,
        kTitle = 32, kUrl = 64, kOutlet = 128, kPublished = 256
      };
      unsigned seen = 0;
      std::string_view k;
      if (lit('}')) return false;  // no article
      do {
        if (!key(k)) return false;
        unsigned bit = 0;
        bool ok;
        std::uint64_t v = 0;
        // clang-format off
        if (is(k, "article")) bit = kArticle, ok = str(e.article);
        else if (is(k, "text")) bit = kText, ok = str(e.text);
        else if (is(k, "title")) bit = kTitle, ok = str(e.title);
        else if (is(k, "url")) bit = kUrl, ok = str(e.url);
        else if (is(k, "outlet")) bit = kOutlet, ok = str(e.outlet);
        else if (is(k, "published")) bit = kPublished, ok = str(e.published);
        else if (is(k, "sentence"))
          bit = kSentence, ok = uint(v) && v <= 0xffffffffu, e.sentence = static_cast<std::uint32_t>(v);
        else if (is(k, "start")) bit = kStart, ok = uint(e.start);
        else if (is(k, "end")) bit = kEnd, ok = uint(e.end);
        else return false;  // as above
        // clang-format on
        if (!ok || (seen & bit)) return false;
        seen |= bit;
      } while (lit(','));
      if (!lit('}') || !(seen & kArticle) || e.article.empty() || e.end < e.start) return false;
    } while (lit(','));
    if (!lit(']')) return false;
    result.reserve(out.size());
    for (auto& e : out) result.push_back(std::move(e));
    return true;
  }

  // Skips any well-formed JSON value (of an unknown member).
  bool skip(int depth) {
    if (depth > 32) return false;
    ws();
    if (p_ == end_) return false;
    switch (*p_) {
      case '"': {
        std::string tmp;
        return str(tmp);
      }
      case '{': {
        ++p_;
        if (lit('}')) return true;
        std::string tmp;
        do {
          if (!str(tmp) || !lit(':') || !skip(depth + 1)) return false;
        } while (lit(','));
        return lit('}');
      }
      case '[': {
        ++p_;
        if (lit(']')) return true;
        do {
          if (!skip(depth + 1)) return false;
        } while (lit(','));
        return lit(']');
      }
      case 't':
        return word("true");
      case 'f':
        return word("false");
      case 'n':
        return word("null");
      default: {
        double d;
        return number(d);
      }
    }
  }

  bool word(std::string_view w) {
    if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w)
      return false;
    p_ += w.size();
    return true;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

namespace detail {

bool parse_fact_fast(std::string_view line, Fact& fact) {
  fact = Fact{};
  return FastReader(line.data(), line.data() + line.size()).fact(fact);
}

}  // namespace detail

bool parse_fact(std::string_view line, Fact& fact, std::string& error) {
  if (detail::parse_fact_fast(line, fact)) return true;
  return detail::parse_fact_dom(line, fact, error);
}

}  // namespace dipgraph
