// Facts <-> JSON lines with RapidJSON: strict parsing with one-line reasons,
// compact writing. The schema is docs/facts.md.
#include "graph/fact_json.hpp"

#include <fmt/core.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>
#include <memory>
#include <unordered_set>

#include "graph/cameo.hpp"
#include "graph/detail/json_keys.hpp"
#include "graph/json_precheck.hpp"

namespace dipgraph {

namespace {

using Value = rapidjson::Value;

// Defined below with the fast path. RapidJSON's encoding check covers the
// raw bytes only: the escape of a lone low surrogate (u+DC00) decodes to bytes
// that are not UTF-8, so every string kept in a Fact is checked again.
bool valid_utf8(const unsigned char* s, std::size_t n);
bool valid_utf8(std::string_view s) {
  return valid_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

using Pool = rapidjson::MemoryPoolAllocator<rapidjson::CrtAllocator>;
using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, Pool, rapidjson::CrtAllocator>;

// A Document reused by each thread: values are allocated from a fixed buffer
// (cleared after every parse), so parsing one line does not call malloc
// unless the line is huge.
struct Scratch {
  static constexpr std::size_t kValueBytes = 256u << 10;
  std::unique_ptr<char[]> buffer{new char[kValueBytes]};
  Pool values{buffer.get(), kValueBytes};
  Document doc{&values, 4096};

  // Releases the values of the last parse.
  void reset() {
    doc.SetNull();
    values.Clear();
  }
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Where a nested value is, formatted only when an error is reported:
// "participants"[2], "location".
struct Where {
  const char* group = nullptr;
  int index = -1;
  std::string name() const {
    return index < 0 ? fmt::format("\"{}\"", group) : fmt::format("\"{}\"[{}]", group, index);
  }
  std::string in() const { return group ? " in " + name() : std::string(); }
};

struct Reader {
  std::string& error;

  bool fail(std::string msg) {
    error = std::move(msg);
    return false;
  }

  // The string member `key` as a view into the document; absent or null
  // leaves `out` unchanged.
  bool view_field(const Value& obj, const char* key, std::string_view& out, bool required,
                  Where where = {}) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) {
      if (required) return fail(fmt::format("missing \"{}\"{}", key, where.in()));
      return true;
    }
    if (!it->value.IsString())
      return fail(fmt::format("\"{}\"{} is not a string", key, where.in()));
    out = std::string_view(it->value.GetString(), it->value.GetStringLength());
    if (!valid_utf8(out))
      return fail(fmt::format("\"{}\"{} is not valid UTF-8", key, where.in()));
    return true;
  }

  bool string_field(const Value& obj, const char* key, std::string& out, bool required,
                    Where where = {}) {
    std::string_view v(nullptr, 0);  // RapidJSON strings never have a null data pointer
    if (!view_field(obj, key, v, required, where)) return false;
    if (v.data() != nullptr) out.assign(v.data(), v.size());
    return true;
  }

  bool actor(const Value& v, Actor& a, Where where) {
    if (!v.IsObject()) return fail(fmt::format("{} is not an object", where.name()));
    std::string_view kind;
    if (!string_field(v, "id", a.id, true, where)) return false;
    if (a.id.empty()) return fail(fmt::format("empty \"id\"{}", where.in()));
    if (!view_field(v, "kind", kind, false, where)) return false;
    if (!string_field(v, "name", a.name, false, where)) return false;
    if (!string_field(v, "country", a.country, false, where)) return false;
    if (!string_field(v, "role", a.role, false, where)) return false;
    if (kind.empty()) {
      auto colon = a.id.find(':');
      kind = std::string_view(a.id).substr(0, colon == std::string::npos ? 0 : colon);
      if (kind == "org") kind = "organization";
    }
    auto k = parse_actor_kind(kind);
    if (!k) return fail(fmt::format("unknown actor kind \"{}\"{}", kind, where.in()));
    a.kind = *k;
    if (a.kind == ActorKind::country && a.country.empty() && a.id.rfind("country:", 0) == 0)
      a.country = a.id.substr(8);
    if (a.name.empty()) a.name = a.id;
    return true;
  }

  bool actors(const Value& obj, const char* key, std::vector<Actor>& out) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return true;
    if (it->value.IsObject()) {  // a single actor is accepted for a list of one
      out.emplace_back();
      return actor(it->value, out.back(), Where{key});
    }
    if (!it->value.IsArray()) return fail(fmt::format("\"{}\" is not an array of actors", key));
    out.reserve(it->value.Size());
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      out.emplace_back();
      if (!actor(it->value[i], out.back(), Where{key, static_cast<int>(i)})) return false;
    }
    return true;
  }

  bool evidence(const Value& obj, Fact& fact) {
    auto it = obj.FindMember("evidence");
    if (it == obj.MemberEnd() || it->value.IsNull()) return true;
    if (!it->value.IsArray()) return fail("\"evidence\" is not an array");
    fact.evidence.reserve(it->value.Size());
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      const Value& e = it->value[i];
      Where where{"evidence", static_cast<int>(i)};
      if (!e.IsObject()) return fail(fmt::format("\"evidence\"[{}] is not an object", i));
      Evidence& ev = fact.evidence.emplace_back();
      if (!string_field(e, "article", ev.article, true, where)) return false;
      if (ev.article.empty()) return fail(fmt::format("empty \"article\"{}", where.in()));
      if (!string_field(e, "text", ev.text, false, where)) return false;
      if (!string_field(e, "title", ev.title, false, where) || !string_field(e, "url", ev.url, false, where) ||
          !string_field(e, "outlet", ev.outlet, false, where) ||
          !string_field(e, "published", ev.published, false, where))
        return false;
      const char* nums[] = {"sentence", "start", "end"};
      std::uint64_t* outs[] = {nullptr, &ev.start, &ev.end};
      for (int k = 0; k < 3; ++k) {
        auto m = e.FindMember(nums[k]);
        if (m == e.MemberEnd() || m->value.IsNull()) continue;
        if (m->value.IsNumber() && !m->value.IsUint64() && m->value.GetDouble() >= 0 &&
            m->value.GetDouble() == std::floor(m->value.GetDouble()))
          return fail(fmt::format("\"{}\"{} is out of range (at most {})", nums[k], where.in(),
                                  k == 0 ? std::uint64_t{0xffffffffu} : UINT64_MAX));
        if (!m->value.IsUint64())
          return fail(fmt::format("\"{}\"{} is not a non-negative integer", nums[k], where.in()));
        if (k == 0) {
          if (m->value.GetUint64() > 0xffffffffu)
            return fail(fmt::format("\"sentence\"{} is out of range (at most {})", where.in(),
                                    0xffffffffu));
          ev.sentence = static_cast<std::uint32_t>(m->value.GetUint64());
        } else {
          *outs[k] = m->value.GetUint64();
        }
      }
      if (ev.end < ev.start) return fail(fmt::format("\"end\" before \"start\"{}", where.in()));
    }
    return true;
  }

  // `present` tells whether the member was there (and not null).
  bool number(const Value& obj, const char* key, double& out, double lo, double hi,
              bool* present = nullptr) {
    auto it = obj.FindMember(key);
    if (present) *present = false;
    if (it == obj.MemberEnd() || it->value.IsNull()) return true;
    if (!it->value.IsNumber()) return fail(fmt::format("\"{}\" is not a number", key));
    double v = it->value.GetDouble();
    if (!std::isfinite(v) || v < lo || v > hi)
      return fail(fmt::format("\"{}\" is {} (must be within {} .. {})", key, v, lo, hi));
    out = v;
    if (present) *present = true;
    return true;
  }

  // The fields of a parsed fact object.
  bool fact(const Value& doc, Fact& fact) {
    if (!doc.IsObject()) return fail("not a JSON object");
    if (auto v = doc.FindMember("schema"); v != doc.MemberEnd()) {
      if (!v->value.IsInt() || v->value.GetInt() > kFactSchemaVersion)
        return fail(fmt::format("unsupported \"schema\" (this dipgraph reads version {})",
                                kFactSchemaVersion));
    }
    std::string_view status;
    if (!string_field(doc, "id", fact.id, false)) return false;
    if (!string_field(doc, "type", fact.type, true)) return false;
    if (fact.type.empty()) return fail("empty \"type\"");
    if (!string_field(doc, "cameo", fact.cameo, false)) return false;
    if (!string_field(doc, "root", fact.root, false)) return false;
    if (!view_field(doc, "status", status, false)) return false;
    if (!string_field(doc, "date", fact.date, false)) return false;
    if (!string_field(doc, "name", fact.name, false)) return false;
    if (!string_field(doc, "quote", fact.quote, false)) return false;
    if (!fact.cameo.empty() &&
        (!digits(fact.cameo) || fact.cameo.size() < 2 || fact.cameo.size() > 4))
      return fail(fmt::format("\"cameo\" \"{}\" is not a 2-4 digit CAMEO code", fact.cameo));
    if (!status.empty()) {
      auto s = parse_status(status);
      if (!s) return fail(fmt::format("unknown \"status\" \"{}\"", status));
      fact.status = *s;
    }
    if (!fact.date.empty() && !is_edtf_date(fact.date))
      return fail(fmt::format(
          "\"date\" \"{}\" is not an EDTF date (YYYY, YYYY-MM, YYYY-MM-DD, 197X)", fact.date));
    if (!actors(doc, "source", fact.source) || !actors(doc, "target", fact.target) ||
        !actors(doc, "participants", fact.participants))
      return false;
    if (fact.source.empty() && fact.target.empty() && fact.participants.empty())
      return fail("no actors: \"source\", \"target\" and \"participants\" are all empty");
    if (auto v = doc.FindMember("location"); v != doc.MemberEnd() && !v->value.IsNull()) {
      if (!v->value.IsObject()) return fail("\"location\" is not an object");
      Location loc;
      if (!string_field(v->value, "name", loc.name, true, Where{"location"})) return false;
      if (!string_field(v->value, "country", loc.country, false, Where{"location"})) return false;
      fact.location = std::move(loc);
    }
    if (auto v = doc.FindMember("topics"); v != doc.MemberEnd() && !v->value.IsNull()) {
      if (!v->value.IsArray()) return fail("\"topics\" is not an array");
      for (auto& t : v->value.GetArray()) {
        if (!t.IsString()) return fail("\"topics\" holds a non-string");
        std::string_view topic(t.GetString(), t.GetStringLength());
        if (!valid_utf8(topic)) return fail("\"topics\" holds a string that is not valid UTF-8");
        fact.topics.emplace_back(topic);
      }
    }
    if (!evidence(doc, fact)) return false;
    double quad = 0;
    if (!number(doc, "quad_class", quad, 0, 4)) return false;
    if (quad != std::floor(quad)) return fail("\"quad_class\" is not an integer");
    fact.quad_class = static_cast<int>(quad);
    bool has_goldstein = false;
    if (!number(doc, "goldstein", fact.goldstein, -10, 10, &has_goldstein)) return false;
    if (!number(doc, "confidence", fact.confidence, 0, 1)) return false;

    if (!fact.cameo.empty()) {
      if (fact.root.empty()) fact.root = fact.cameo.substr(0, 2);
      if (fact.quad_class == 0) fact.quad_class = quad_class_of(fact.cameo);
      if (!has_goldstein)
        if (const CameoCode* c = find_cameo(fact.cameo)) fact.goldstein = c->goldstein;
    }
    // Last, so that a bad field is named first: a key given twice is
    // refused at any depth (which one counts is left open by JSON).
    if (std::string_view key; detail::duplicate_key(doc, key))
      return fail(fmt::format("duplicate key \"{}\"", key));
    settle_fact_id(fact);
    fact.mentions = count_mentions(fact.evidence);
    fact.sources = count_sources(fact.evidence);
    return true;
  }
};

std::string json_error(const Document& doc) {
  return fmt::format("not JSON: {} at column {}", rapidjson::GetParseError_En(doc.GetParseError()),
                     doc.GetErrorOffset() + 1);
}

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

RecordKind sniff_record(std::string_view line) {
  if (!json_precheck(line).empty()) return RecordKind::unknown;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (doc.HasParseError() || !doc.IsObject()) return RecordKind::unknown;
  if (doc.HasMember("text")) return RecordKind::article;  // facts keep text in evidence
  if (doc.HasMember("type") &&
      (doc.HasMember("source") || doc.HasMember("target") || doc.HasMember("participants")))
    return RecordKind::fact;
  return RecordKind::unknown;
}

// ---------------------------------------------------------------------------
// The fast path: a pull parser that reads a fact line straight into a Fact,
// without building a DOM. It accepts only what the DOM path accepts and
// yields the same Fact; on anything unusual (an error, null, a duplicate
// key, a key write_fact does not write, a surrogate escape, a number it
// cannot convert exactly as RapidJSON does) it gives up and parse_fact
// falls back to the DOM path, which then also produces the error message.
// Store records and well-formed facts files take the fast path.

namespace {

// True if `s` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), which is what RapidJSON's validation accepts.
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

bool parse_fact_dom(std::string_view line, Fact& fact, std::string& error) {
  fact = Fact{};
  Scratch& sc = scratch();
  if (error = json_precheck(line); !error.empty()) return false;
  sc.doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(line.data(),
                                                                                       line.size());
  bool ok = sc.doc.HasParseError() ? (error = json_error(sc.doc), false)
                                   : Reader{error}.fact(sc.doc, fact);
  sc.reset();
  return ok;
}

}  // namespace detail

bool parse_fact(std::string_view line, Fact& fact, std::string& error) {
  if (detail::parse_fact_fast(line, fact)) return true;
  return detail::parse_fact_dom(line, fact, error);
}

namespace {

template <class W>
void write_string(W& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

template <class W>
void write_actor(W& w, const Actor& a) {
  w.StartObject();
  write_string(w, "id", a.id);
  w.Key("kind");
  auto kind = to_string(a.kind);
  w.String(kind.data(), static_cast<rapidjson::SizeType>(kind.size()));
  write_string(w, "name", a.name);
  if (!a.country.empty()) write_string(w, "country", a.country);
  if (!a.role.empty()) write_string(w, "role", a.role);
  w.EndObject();
}

}  // namespace

void write_fact(const Fact& fact, std::string& out) {
  // One buffer and writer per thread, reused: no allocation per fact.
  thread_local rapidjson::StringBuffer buf;
  thread_local rapidjson::Writer<rapidjson::StringBuffer> w;
  buf.Clear();
  w.Reset(buf);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  write_string(w, "id", fact.id);
  write_string(w, "type", fact.type);
  if (!fact.cameo.empty()) write_string(w, "cameo", fact.cameo);
  if (!fact.root.empty()) write_string(w, "root", fact.root);
  // PLOVER beside CAMEO, derived from the code (data/plover.tsv); readers
  // skip these keys, so facts with or without them read alike.
  if (const PloverCode* p = find_plover(fact.cameo); p && !p->event.empty()) {
    write_string(w, "plover", p->event);
    if (!p->mode.empty()) write_string(w, "plover_mode", p->mode);
  }
  w.Key("quad_class");
  w.Int(fact.quad_class);
  w.Key("goldstein");
  w.Double(fact.goldstein);
  w.Key("status");
  auto status = to_string(fact.status);
  w.String(status.data(), static_cast<rapidjson::SizeType>(status.size()));
  if (!fact.date.empty()) write_string(w, "date", fact.date);
  for (auto [key, group] : {std::pair{"source", &fact.source}, std::pair{"target", &fact.target},
                            std::pair{"participants", &fact.participants}}) {
    w.Key(key);
    w.StartArray();
    for (const auto& a : *group) write_actor(w, a);
    w.EndArray();
  }
  if (fact.location) {
    w.Key("location");
    w.StartObject();
    write_string(w, "name", fact.location->name);
    if (!fact.location->country.empty()) write_string(w, "country", fact.location->country);
    w.EndObject();
  }
  if (!fact.name.empty()) write_string(w, "name", fact.name);
  if (!fact.quote.empty()) write_string(w, "quote", fact.quote);
  if (!fact.topics.empty()) {
    w.Key("topics");
    w.StartArray();
    for (const auto& t : fact.topics)
      w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
    w.EndArray();
  }
  w.Key("evidence");
  w.StartArray();
  for (const auto& e : fact.evidence) {
    w.StartObject();
    write_string(w, "article", e.article);
    w.Key("sentence");
    w.Uint(e.sentence);
    w.Key("start");
    w.Uint64(e.start);
    w.Key("end");
    w.Uint64(e.end);
    write_string(w, "text", e.text);
    // Provenance only when known: records without it stay as they were.
    if (!e.title.empty()) write_string(w, "title", e.title);
    if (!e.url.empty()) write_string(w, "url", e.url);
    if (!e.outlet.empty()) write_string(w, "outlet", e.outlet);
    if (!e.published.empty()) write_string(w, "published", e.published);
    w.EndObject();
  }
  w.EndArray();
  w.Key("confidence");
  w.Double(fact.confidence);
  w.Key("mentions");
  w.Int(fact.mentions);
  if (fact.sources > 0) {
    w.Key("sources");
    w.Int(fact.sources);
  }
  w.EndObject();
  out.append(buf.GetString(), buf.GetSize());
  if (buf.GetSize() > (1u << 20)) {  // do not keep a huge fact's buffer around
    buf.Clear();
    buf.ShrinkToFit();
  }
}

}  // namespace dipgraph
