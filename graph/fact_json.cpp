// Facts <-> JSON lines with RapidJSON: strict parsing with one-line reasons,
// compact writing. The schema is docs/facts.md.
#include "graph/fact_json.hpp"

#include <fmt/core.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "graph/cameo.hpp"

namespace dipgraph {

namespace {

using Value = rapidjson::Value;

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

struct Reader {
  std::string& error;

  bool fail(std::string msg) {
    error = std::move(msg);
    return false;
  }

  bool string_field(const Value& obj, const char* key, std::string& out, bool required,
                    const std::string& where = "") {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) {
      if (required) return fail(fmt::format("missing \"{}\"{}", key, where));
      return true;
    }
    if (!it->value.IsString()) return fail(fmt::format("\"{}\"{} is not a string", key, where));
    out.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
  }

  bool actor(const Value& v, Actor& a, const std::string& where) {
    if (!v.IsObject()) return fail(fmt::format("{} is not an object", where));
    std::string kind;
    if (!string_field(v, "id", a.id, true, " in " + where)) return false;
    if (a.id.empty()) return fail(fmt::format("empty \"id\" in {}", where));
    if (!string_field(v, "kind", kind, false, " in " + where)) return false;
    if (!string_field(v, "name", a.name, false, " in " + where)) return false;
    if (!string_field(v, "country", a.country, false, " in " + where)) return false;
    if (!string_field(v, "role", a.role, false, " in " + where)) return false;
    if (kind.empty()) {
      auto colon = a.id.find(':');
      kind = a.id.substr(0, colon == std::string::npos ? 0 : colon);
      if (kind == "org") kind = "organization";
    }
    auto k = parse_actor_kind(kind);
    if (!k) return fail(fmt::format("unknown actor kind \"{}\" in {}", kind, where));
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
      return actor(it->value, out.back(), fmt::format("\"{}\"", key));
    }
    if (!it->value.IsArray()) return fail(fmt::format("\"{}\" is not an array of actors", key));
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      out.emplace_back();
      if (!actor(it->value[i], out.back(), fmt::format("\"{}\"[{}]", key, i))) return false;
    }
    return true;
  }

  bool evidence(const Value& obj, Fact& fact) {
    auto it = obj.FindMember("evidence");
    if (it == obj.MemberEnd() || it->value.IsNull()) return true;
    if (!it->value.IsArray()) return fail("\"evidence\" is not an array");
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      const Value& e = it->value[i];
      std::string where = fmt::format(" in \"evidence\"[{}]", i);
      if (!e.IsObject()) return fail(fmt::format("\"evidence\"[{}] is not an object", i));
      Evidence ev;
      if (!string_field(e, "article", ev.article, true, where)) return false;
      if (!string_field(e, "text", ev.text, false, where)) return false;
      const char* nums[] = {"sentence", "start", "end"};
      std::uint64_t* outs[] = {nullptr, &ev.start, &ev.end};
      for (int k = 0; k < 3; ++k) {
        auto m = e.FindMember(nums[k]);
        if (m == e.MemberEnd() || m->value.IsNull()) continue;
        if (!m->value.IsUint64())
          return fail(fmt::format("\"{}\"{} is not a non-negative integer", nums[k], where));
        if (k == 0) {
          if (m->value.GetUint64() > 0xffffffffu)
            return fail(fmt::format("\"sentence\"{} is too large", where));
          ev.sentence = static_cast<std::uint32_t>(m->value.GetUint64());
        } else {
          *outs[k] = m->value.GetUint64();
        }
      }
      if (ev.end < ev.start) return fail(fmt::format("\"end\" before \"start\"{}", where));
      fact.evidence.push_back(std::move(ev));
    }
    return true;
  }

  bool number(const Value& obj, const char* key, double& out, double lo, double hi) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return true;
    if (!it->value.IsNumber()) return fail(fmt::format("\"{}\" is not a number", key));
    double v = it->value.GetDouble();
    if (!std::isfinite(v) || v < lo || v > hi)
      return fail(fmt::format("\"{}\" is {} (must be within {} .. {})", key, v, lo, hi));
    out = v;
    return true;
  }
};

}  // namespace

bool is_edtf_date(std::string_view d) {
  auto year_ok = [](std::string_view y) {
    if (y.size() != 4) return false;
    bool x_seen = false;
    for (char c : y) {
      if (c == 'X') x_seen = true;
      else if (c < '0' || c > '9' || x_seen) return false;  // X only as trailing digits
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
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError() || !doc.IsObject()) return RecordKind::unknown;
  if (doc.HasMember("type") &&
      (doc.HasMember("source") || doc.HasMember("target") || doc.HasMember("participants")))
    return RecordKind::fact;
  if (doc.HasMember("text")) return RecordKind::article;
  return RecordKind::unknown;
}

bool parse_fact(std::string_view line, Fact& fact, std::string& error) {
  fact = Fact{};
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(
      line.data(), line.size());
  if (doc.HasParseError()) {
    error = fmt::format("not JSON: {} at column {}", rapidjson::GetParseError_En(doc.GetParseError()),
                        doc.GetErrorOffset() + 1);
    return false;
  }
  if (!doc.IsObject()) {
    error = "not a JSON object";
    return false;
  }
  Reader r{error};
  if (auto v = doc.FindMember("schema"); v != doc.MemberEnd()) {
    if (!v->value.IsInt() || v->value.GetInt() > kFactSchemaVersion)
      return r.fail(fmt::format("unsupported \"schema\" (this dipgraph reads version {})",
                                kFactSchemaVersion));
  }
  std::string status;
  if (!r.string_field(doc, "id", fact.id, false)) return false;
  if (!r.string_field(doc, "type", fact.type, true)) return false;
  if (fact.type.empty()) return r.fail("empty \"type\"");
  if (!r.string_field(doc, "cameo", fact.cameo, false)) return false;
  if (!r.string_field(doc, "root", fact.root, false)) return false;
  if (!r.string_field(doc, "status", status, false)) return false;
  if (!r.string_field(doc, "date", fact.date, false)) return false;
  if (!r.string_field(doc, "name", fact.name, false)) return false;
  if (!r.string_field(doc, "quote", fact.quote, false)) return false;
  if (!fact.cameo.empty() && (!digits(fact.cameo) || fact.cameo.size() < 2 || fact.cameo.size() > 4))
    return r.fail(fmt::format("\"cameo\" \"{}\" is not a 2-4 digit CAMEO code", fact.cameo));
  if (!status.empty()) {
    auto s = parse_status(status);
    if (!s) return r.fail(fmt::format("unknown \"status\" \"{}\"", status));
    fact.status = *s;
  }
  if (!fact.date.empty() && !is_edtf_date(fact.date))
    return r.fail(fmt::format("\"date\" \"{}\" is not an EDTF date (YYYY, YYYY-MM, YYYY-MM-DD, 197X)",
                              fact.date));
  if (!r.actors(doc, "source", fact.source) || !r.actors(doc, "target", fact.target) ||
      !r.actors(doc, "participants", fact.participants))
    return false;
  if (fact.source.empty() && fact.target.empty() && fact.participants.empty())
    return r.fail("no actors: \"source\", \"target\" and \"participants\" are all empty");
  if (auto v = doc.FindMember("location"); v != doc.MemberEnd() && !v->value.IsNull()) {
    if (!v->value.IsObject()) return r.fail("\"location\" is not an object");
    Location loc;
    if (!r.string_field(v->value, "name", loc.name, true, " in \"location\"")) return false;
    if (!r.string_field(v->value, "country", loc.country, false, " in \"location\"")) return false;
    fact.location = std::move(loc);
  }
  if (auto v = doc.FindMember("topics"); v != doc.MemberEnd() && !v->value.IsNull()) {
    if (!v->value.IsArray()) return r.fail("\"topics\" is not an array");
    for (auto& t : v->value.GetArray()) {
      if (!t.IsString()) return r.fail("\"topics\" holds a non-string");
      fact.topics.emplace_back(t.GetString(), t.GetStringLength());
    }
  }
  if (!r.evidence(doc, fact)) return false;
  double quad = 0;
  if (!r.number(doc, "quad_class", quad, 0, 4)) return false;
  if (quad != std::floor(quad)) return r.fail("\"quad_class\" is not an integer");
  fact.quad_class = static_cast<int>(quad);
  bool has_goldstein = doc.HasMember("goldstein") && !doc["goldstein"].IsNull();
  if (!r.number(doc, "goldstein", fact.goldstein, -10, 10)) return false;
  if (!r.number(doc, "confidence", fact.confidence, 0, 1)) return false;

  if (!fact.cameo.empty()) {
    if (fact.root.empty()) fact.root = fact.cameo.substr(0, 2);
    if (fact.quad_class == 0) fact.quad_class = quad_class_of(fact.cameo);
    if (!has_goldstein)
      if (const CameoCode* c = find_cameo(fact.cameo)) fact.goldstein = c->goldstein;
  }
  if (fact.id.empty()) fact.id = compute_fact_id(fact);
  fact.mentions = count_mentions(fact);
  return true;
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
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  write_string(w, "id", fact.id);
  write_string(w, "type", fact.type);
  if (!fact.cameo.empty()) write_string(w, "cameo", fact.cameo);
  if (!fact.root.empty()) write_string(w, "root", fact.root);
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
    for (const auto& t : fact.topics) w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
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
    w.EndObject();
  }
  w.EndArray();
  w.Key("confidence");
  w.Double(fact.confidence);
  w.Key("mentions");
  w.Int(fact.mentions);
  w.EndObject();
  out.append(buf.GetString(), buf.GetSize());
}

}  // namespace dipgraph
