// The strict fact reader (fact_json.hpp, detail::parse_fact_dom):
// RapidJSON's DOM, every field checked, a one-line reason for the first one
// wrong. parse_fact comes here when its fast path (fact_json.cpp) gives up.
// Also sniff_record, which needs only the DOM.
#include <fmt/core.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <memory>

#include "graph/cameo.hpp"
#include "graph/detail/fact_json_checks.hpp"
#include "graph/detail/json_keys.hpp"
#include "graph/fact_json.hpp"
#include "graph/json_precheck.hpp"

namespace dipgraph {

namespace {

using Value = rapidjson::Value;
using detail::digits;
using detail::valid_utf8;

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
    if (!valid_utf8(out)) return fail(fmt::format("\"{}\"{} is not valid UTF-8", key, where.in()));
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
      if (!string_field(e, "title", ev.title, false, where) ||
          !string_field(e, "url", ev.url, false, where) ||
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

namespace detail {

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

}  // namespace dipgraph
