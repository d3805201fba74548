// write_fact (fact_json.hpp): a Fact as one compact JSON line, with
// RapidJSON's Writer; the keys and their order are docs/facts.md.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/cameo.hpp"
#include "graph/fact_json.hpp"

namespace dipgraph {

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
