// The fact store in PostgreSQL (graph/pg_store.hpp; docs/facts.md, "The
// database store"): the schema, merging batches in the database, reading
// all facts with COPY, check and migrate.
#include "graph/pg_store.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "graph/fact_json.hpp"
#include "graph/fact_merge.hpp"
#include "graph/pg_session.hpp"

namespace dipgraph {

using detail::PgError;
using detail::PgRow;
using detail::PgSession;

namespace {

// Schema version 1, documented table by table in docs/facts.md. Order keys
// (batch, ord) keep the file store's first-seen order: `batch` comes from a
// sequence, once per appended batch; `ord` is the row's place in the batch.
constexpr const char* kSchemaV1 = R"sql(
CREATE SCHEMA IF NOT EXISTS dipgraph;
CREATE TABLE dipgraph.meta (
  key   text PRIMARY KEY,
  value text NOT NULL);
CREATE TABLE dipgraph.state (
  one     boolean PRIMARY KEY DEFAULT true CHECK (one),
  changes bigint NOT NULL);
CREATE SEQUENCE dipgraph.batches;
CREATE TABLE dipgraph.facts (
  fid        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id         text PRIMARY KEY,
  type       text NOT NULL CHECK (type <> ''),
  cameo      text NOT NULL,
  root       text NOT NULL,
  quad_class smallint NOT NULL,
  goldstein  double precision NOT NULL,
  status     text NOT NULL,
  date       text NOT NULL,
  location_name    text,
  location_country text,
  name       text NOT NULL,
  quote      text NOT NULL,
  confidence double precision NOT NULL,
  batch      bigint NOT NULL,
  ord        integer NOT NULL);
CREATE TABLE dipgraph.actors (
  fid      bigint NOT NULL,
  side     smallint NOT NULL CHECK (side BETWEEN 0 AND 2),
  actor_id text NOT NULL CHECK (actor_id <> ''),
  kind     text NOT NULL,
  name     text NOT NULL,
  country  text NOT NULL,
  role     text NOT NULL,
  batch    bigint NOT NULL,
  ord      integer NOT NULL,
  PRIMARY KEY (fid, side, actor_id));
CREATE TABLE dipgraph.evidence (
  fid        bigint NOT NULL,
  article    text NOT NULL CHECK (article <> ''),
  sentence   bigint NOT NULL CHECK (sentence >= 0),
  start_byte bigint NOT NULL CHECK (start_byte >= 0),
  end_byte   bigint NOT NULL CHECK (end_byte >= start_byte),
  text       text NOT NULL,
  batch      bigint NOT NULL,
  ord        integer NOT NULL,
  PRIMARY KEY (fid, article, sentence, start_byte, end_byte));
CREATE TABLE dipgraph.topics (
  fid   bigint NOT NULL,
  topic text NOT NULL,
  batch bigint NOT NULL,
  ord   integer NOT NULL,
  PRIMARY KEY (fid, topic));
INSERT INTO dipgraph.state (changes) VALUES (0);
INSERT INTO dipgraph.meta VALUES ('schema_version', '1'), ('store_id', gen_random_uuid()::text);
)sql";

// Version 1 -> 2: evidence keeps its article's provenance.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE dipgraph.evidence
  ADD COLUMN title text NOT NULL DEFAULT '', ADD COLUMN url text NOT NULL DEFAULT '',
  ADD COLUMN outlet text NOT NULL DEFAULT '', ADD COLUMN published text NOT NULL DEFAULT '';
UPDATE dipgraph.meta SET value = '2' WHERE key = 'schema_version';
)sql";

// Version 2 -> 3: fact ids of schema 3; migrate_fact_ids() gives each fact
// whose id an older schema computed its schema 3 id first.
constexpr const char* kSchemaV3 = R"sql(
UPDATE dipgraph.meta SET value = '3' WHERE key = 'schema_version';
)sql";

// The staging tables of one session, emptied at each commit.
constexpr const char* kStaging = R"sql(
CREATE TEMP TABLE IF NOT EXISTS st_facts (
  k integer PRIMARY KEY, fid bigint, id text, type text, cameo text, root text,
  quad_class smallint, goldstein double precision, status text, date text,
  location_name text, location_country text, name text, quote text,
  confidence double precision) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS st_actors (
  k integer, ord integer, side smallint, actor_id text, kind text, name text, country text,
  role text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS st_evidence (
  k integer, ord integer, article text, sentence bigint, start_byte bigint, end_byte bigint,
  text text, title text, url text, outlet text, published text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS st_topics (
  k integer, ord integer, topic text) ON COMMIT DELETE ROWS;
)sql";

// The merge rule of merge_fact (graph/fact_merge.hpp), row by row: blanks
// are filled, what is set stays, confidence is the higher one. Rows are
// taken in key order so that concurrent writers lock them in one order.
constexpr const char* kMergeFacts = R"sql(
INSERT INTO dipgraph.facts AS f (id, type, cameo, root, quad_class, goldstein, status, date,
    location_name, location_country, name, quote, confidence, batch, ord)
  SELECT id, type, cameo, root, quad_class, goldstein, status, date, location_name,
         location_country, name, quote, confidence, $1::bigint, k
  FROM st_facts ORDER BY id
ON CONFLICT (id) DO UPDATE SET
  cameo = CASE WHEN f.cameo = '' THEN EXCLUDED.cameo ELSE f.cameo END,
  root = CASE WHEN f.cameo = '' THEN EXCLUDED.root ELSE f.root END,
  quad_class = CASE WHEN f.cameo = '' THEN EXCLUDED.quad_class ELSE f.quad_class END,
  goldstein = CASE WHEN f.cameo = '' THEN EXCLUDED.goldstein ELSE f.goldstein END,
  date = CASE WHEN f.date = '' THEN EXCLUDED.date ELSE f.date END,
  name = CASE WHEN f.name = '' THEN EXCLUDED.name ELSE f.name END,
  quote = CASE WHEN f.quote = '' THEN EXCLUDED.quote ELSE f.quote END,
  location_name = COALESCE(f.location_name, EXCLUDED.location_name),
  location_country = CASE WHEN f.location_name IS NULL THEN EXCLUDED.location_country
                          ELSE f.location_country END,
  confidence = GREATEST(f.confidence, EXCLUDED.confidence)
WHERE (f.cameo = '' AND EXCLUDED.cameo <> '') OR (f.date = '' AND EXCLUDED.date <> '')
   OR (f.name = '' AND EXCLUDED.name <> '') OR (f.quote = '' AND EXCLUDED.quote <> '')
   OR (f.location_name IS NULL AND EXCLUDED.location_name IS NOT NULL)
   OR EXCLUDED.confidence > f.confidence
RETURNING fid, (xmax = 0)
)sql";

constexpr const char* kMergeActors = R"sql(
INSERT INTO dipgraph.actors AS a (fid, side, actor_id, kind, name, country, role, batch, ord)
  SELECT s.fid, x.side, x.actor_id, x.kind, x.name, x.country, x.role, $1::bigint, x.ord
  FROM st_actors x JOIN st_facts s USING (k) ORDER BY s.fid, x.side, x.actor_id
ON CONFLICT (fid, side, actor_id) DO UPDATE SET
  country = CASE WHEN a.country = '' THEN EXCLUDED.country ELSE a.country END,
  role = CASE WHEN a.role = '' THEN EXCLUDED.role ELSE a.role END,
  name = CASE WHEN (a.name = '' OR a.name = a.actor_id) AND EXCLUDED.name <> ''
                   AND EXCLUDED.name <> EXCLUDED.actor_id THEN EXCLUDED.name ELSE a.name END
WHERE (a.country = '' AND EXCLUDED.country <> '') OR (a.role = '' AND EXCLUDED.role <> '')
   OR ((a.name = '' OR a.name = a.actor_id) AND EXCLUDED.name <> ''
       AND EXCLUDED.name <> EXCLUDED.actor_id)
RETURNING fid
)sql";

constexpr const char* kMergeEvidence = R"sql(
INSERT INTO dipgraph.evidence (fid, article, sentence, start_byte, end_byte, text, title, url, outlet,
    published, batch, ord)
  SELECT s.fid, x.article, x.sentence, x.start_byte, x.end_byte, x.text, x.title, x.url, x.outlet,
         x.published, $1::bigint, x.ord
  FROM st_evidence x JOIN st_facts s USING (k)
  ORDER BY s.fid, x.article, x.sentence, x.start_byte, x.end_byte
ON CONFLICT DO NOTHING
RETURNING fid
)sql";

constexpr const char* kMergeTopics = R"sql(
INSERT INTO dipgraph.topics (fid, topic, batch, ord)
  SELECT s.fid, x.topic, $1::bigint, x.ord FROM st_topics x JOIN st_facts s USING (k)
  ORDER BY s.fid, x.topic
ON CONFLICT DO NOTHING
RETURNING fid
)sql";

std::string num(std::int64_t v) { return std::to_string(v); }
std::string real(double v) { return fmt::format("{}", v); }  // shortest exact form

bool has_nul(const std::string& s) { return s.find('\0') != std::string::npos; }

// Why `f` cannot be stored in the database, or "".
std::string unstorable(const Fact& f) {
  auto any_nul = [&] {
    for (const std::string* s : {&f.id, &f.type, &f.cameo, &f.root, &f.date, &f.name, &f.quote})
      if (has_nul(*s)) return true;
    if (f.location && (has_nul(f.location->name) || has_nul(f.location->country))) return true;
    for (const auto* group : {&f.source, &f.target, &f.participants})
      for (const Actor& a : *group)
        if (has_nul(a.id) || has_nul(a.name) || has_nul(a.country) || has_nul(a.role)) return true;
    for (const auto& t : f.topics)
      if (has_nul(t)) return true;
    for (const Evidence& e : f.evidence)
      if (has_nul(e.article) || has_nul(e.text)) return true;
    return false;
  };
  if (any_nul())
    return "a string holds a NUL character (\\u0000), which PostgreSQL text cannot store";
  for (const Evidence& e : f.evidence)
    if (e.start > static_cast<std::uint64_t>(INT64_MAX) ||
        e.end > static_cast<std::uint64_t>(INT64_MAX))
      return "an evidence offset is above 2^63-1, the largest a database store keeps";
  return "";
}

// The four staging tables' COPY data for one batch of facts (ids unique).
struct StagingData {
  std::string facts, actors, evidence, topics;
};

void field(std::string& out, std::string_view s) {
  detail::copy_escape(s, out);
  out += '\t';
}
void last(std::string& out, std::string_view s) {
  detail::copy_escape(s, out);
  out += '\n';
}

StagingData encode(const std::vector<Fact>& facts) {
  StagingData d;
  std::int64_t ord = 0;
  for (std::size_t k = 0; k < facts.size(); ++k) {
    const Fact& f = facts[k];
    std::string kk = num(static_cast<std::int64_t>(k));
    std::string& o = d.facts;
    o += kk + "\t\\N\t";
    field(o, f.id);
    field(o, f.type);
    field(o, f.cameo);
    field(o, f.root);
    o += num(f.quad_class) + '\t' + real(f.goldstein) + '\t';
    field(o, to_string(f.status));
    field(o, f.date);
    if (f.location) {
      field(o, f.location->name);
      field(o, f.location->country);
    } else {
      o += "\\N\t\\N\t";
    }
    field(o, f.name);
    field(o, f.quote);
    o += real(f.confidence) + '\n';
    int side = 0;
    for (const auto* group : {&f.source, &f.target, &f.participants}) {
      for (const Actor& a : *group) {
        d.actors += kk + '\t' + num(ord++) + '\t' + num(side) + '\t';
        field(d.actors, a.id);
        field(d.actors, to_string(a.kind));
        field(d.actors, a.name);
        field(d.actors, a.country);
        last(d.actors, a.role);
      }
      ++side;
    }
    for (const Evidence& e : f.evidence) {
      d.evidence += kk + '\t' + num(ord++) + '\t';
      field(d.evidence, e.article);
      d.evidence += num(e.sentence) + '\t' + num(static_cast<std::int64_t>(e.start)) + '\t' +
                    num(static_cast<std::int64_t>(e.end)) + '\t';
      field(d.evidence, e.text);
      field(d.evidence, e.title);
      field(d.evidence, e.url);
      field(d.evidence, e.outlet);
      last(d.evidence, e.published);
    }
    for (const auto& t : f.topics) {
      d.topics += kk + '\t' + num(ord++) + '\t';
      last(d.topics, t);
    }
  }
  return d;
}

// Runs `body` as one transaction, again after a retryable failure (with a
// growing, jittered pause), at most PgStore::kMaxAttempts times.
template <class Body>
void with_retries(PgSession& s, Body&& body) {
  std::mt19937 jitter(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    try {
      body();
      return;
    } catch (const PgError& e) {
      if (!e.retryable() || attempt >= PgStore::kMaxAttempts) {
        try {
          s.reset();
        } catch (const PgError&) {
        }
        if (e.retryable())
          throw Error(fmt::format("{} (gave up after {} attempts)", e.what(), attempt));
        throw;
      }
      int ms = std::min(2000, 25 << std::min(attempt, 7));
      std::this_thread::sleep_for(std::chrono::milliseconds(
          ms / 2 + static_cast<int>(jitter() % static_cast<unsigned>(ms / 2 + 1))));
      try {
        s.reset();
      } catch (const PgError&) {
        // still away: the next attempt fails fast and waits longer
      }
    }
  }
}

// The schema version of the database behind `s`: 0 if it has no store.
int schema_version(PgSession& s) {
  auto rows = s.exec("SELECT to_regclass('dipgraph.meta') IS NOT NULL");
  if (rows.empty() || rows[0][0] != "t") return 0;
  rows = s.exec("SELECT value FROM dipgraph.meta WHERE key = 'schema_version'");
  if (rows.empty() || !rows[0][0]) return 0;
  return std::atoi(rows[0][0]->c_str());
}

}  // namespace

namespace {

std::string create_or_upgrade(PgSession& s);

std::string migrate_schema(PgSession& s) {
  std::string note;
  with_retries(s, [&] {
    // One creator at a time, whichever machine runs it. The lock is taken
    // before the transaction, whose catalog view then includes the tables
    // that the creator before us committed.
    s.exec("SELECT pg_advisory_lock(7226581447220341)");
    try {
      s.exec("BEGIN");
      note = create_or_upgrade(s);
      s.exec("COMMIT");
    } catch (...) {
      try {
        s.exec("ROLLBACK");
        s.exec("SELECT pg_advisory_unlock_all()");
      } catch (const PgError&) {
        // the connection is gone, and its locks with it
      }
      throw;
    }
    s.exec("SELECT pg_advisory_unlock_all()");
  });
  return note;
}

// Inside the upgrade's transaction: gives every fact whose id an older fact
// schema computed (settle_fact_id: a directed fact's schema 2 id, an
// undated fact's schema 1 id) the id a file store reads it with, and
// raises `state.changes` if any changed (readers' caches hold the old ids).
// A fact keeps its rows (they hang on its fid). Returns how many changed.
std::size_t migrate_fact_ids(PgSession& s) {
  // What an id is computed from: type, date, place, party ids by side, and
  // the smallest article of the evidence (bytewise, as compute_fact_id).
  std::unordered_map<std::int64_t, Fact> facts;
  std::vector<std::string> c;
  std::vector<char> null;
  s.copy_out(
      "COPY (SELECT f.fid, f.id, f.type, f.date, f.location_name, f.location_country, "
      "(SELECT min(e.article COLLATE \"C\") FROM dipgraph.evidence e WHERE e.fid = f.fid) "
      "FROM dipgraph.facts f) TO STDOUT",
      [&](std::string_view row) {
        if (!detail::copy_split(row, c, null) || c.size() != 7) return;
        Fact& f = facts[std::strtoll(c[0].c_str(), nullptr, 10)];
        f.id = std::move(c[1]);
        f.type = std::move(c[2]);
        f.date = std::move(c[3]);
        if (!null[4]) f.location = Location{std::move(c[4]), null[5] ? "" : std::move(c[5])};
        if (!null[6]) f.evidence.emplace_back().article = std::move(c[6]);
      });
  s.copy_out("COPY dipgraph.actors (fid, side, actor_id) TO STDOUT", [&](std::string_view row) {
    if (!detail::copy_split(row, c, null) || c.size() != 3) return;
    auto it = facts.find(std::strtoll(c[0].c_str(), nullptr, 10));
    if (it == facts.end()) return;
    Fact& f = it->second;
    auto& side = c[1] == "0" ? f.source : c[1] == "1" ? f.target : f.participants;
    side.emplace_back().id = std::move(c[2]);
  });
  std::string moved;  // COPY rows: fid, new id
  std::size_t changed = 0;
  for (auto& [fid, f] : facts) {
    const std::string old_id = f.id;
    settle_fact_id(f);
    if (f.id == old_id) continue;
    moved += fmt::format("{}\t", fid);
    detail::copy_escape(f.id, moved);
    moved += '\n';
    ++changed;
  }
  if (changed == 0) return 0;
  s.exec("CREATE TEMP TABLE st_ids (fid bigint PRIMARY KEY, id text NOT NULL) ON COMMIT DROP");
  s.copy_in("COPY st_ids FROM STDIN", moved);
  s.exec(
      "UPDATE dipgraph.facts f SET id = m.id FROM st_ids m WHERE f.fid = m.fid;"
      "UPDATE dipgraph.state SET changes = changes + 1");
  return changed;
}

std::string create_or_upgrade(PgSession& s) {
  std::string note;
  int version = schema_version(s);
  if (version > kPgSchemaVersion)
    throw Error(fmt::format("store \"{}\": schema version {} is newer than this dipgraph ({})",
                            s.name(), version, kPgSchemaVersion));
  if (version == 0) {
    s.exec(kSchemaV1);
    s.exec(kSchemaV2);
    s.exec(kSchemaV3);
    note = fmt::format("created the dipgraph schema, version {}", kPgSchemaVersion);
  } else if (version < kPgSchemaVersion) {
    // Steps from an older version to the next, one per version.
    if (version == 1) s.exec(kSchemaV2);
    std::size_t ids = 0;
    if (version <= 2) {
      ids = migrate_fact_ids(s);
      s.exec(kSchemaV3);
    }
    note = fmt::format("upgraded the schema from version {} to {}", version, kPgSchemaVersion);
    if (ids > 0) note += fmt::format(" ({} fact ids of an older fact schema migrated)", ids);
  } else {
    note = fmt::format("schema version {} is up to date", version);
  }
  return note;
}

}  // namespace

PgStore::PgStore(const std::string& conninfo, bool create)
    : conninfo_(conninfo), name_(mask_password(conninfo)) {
  session_ = std::make_unique<PgSession>(conninfo_, name_);
  int version = 0;
  with_retries(*session_, [&] { version = schema_version(*session_); });
  if (version == 0 && create) {
    migrate_schema(*session_);
    version = kPgSchemaVersion;
  }
  if (version == 0)
    throw Error(
        fmt::format("store \"{}\": no dipgraph store in this database (create it with "
                    "`dipgraph build --store URI FILES` or `dipgraph check --store URI "
                    "--migrate`)",
                    name_));
  if (version > kPgSchemaVersion)
    throw Error(
        fmt::format("store \"{}\": schema version {} is newer than this dipgraph reads "
                    "({}); upgrade dipgraph",
                    name_, version, kPgSchemaVersion));
  if (version < kPgSchemaVersion)
    throw Error(
        fmt::format("store \"{}\": schema version {} is older than {}; run `dipgraph check "
                    "--store URI --migrate`",
                    name_, version, kPgSchemaVersion));
}

PgStore::~PgStore() = default;

std::string PgStore::name() const { return name_; }

std::string PgStore::migrate(const std::string& conninfo) {
  PgSession s(conninfo, mask_password(conninfo));
  return migrate_schema(s);
}

std::unique_ptr<Store::WriterHold> PgStore::hold_writer(const std::function<void()>&) {
  return std::make_unique<WriterHold>();  // many writers at once
}

AppendStats PgStore::append(const std::vector<Fact>& input, Diagnostics& diag) {
  AppendStats stats;
  // What a reader would see: each fact written out and read back (as the
  // file store decides), then folded by id within the batch.
  std::vector<Fact> batch;
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_map<std::size_t, MergeIndex> merging;
  // per fact of the batch: its reports, and the later ones that added to it
  std::vector<std::pair<std::size_t, std::size_t>> reports;
  std::string line, error;
  for (const Fact& in : input) {
    line.clear();
    write_fact(in, line);
    Fact f;
    std::string why;
    if (!parse_fact(line, f, error))
      why = error;
    else
      why = unstorable(f);
    if (!why.empty()) {
      diag.error(Place{name_}, fmt::format("fact {}: {}; not stored", in.id, why));
      ++stats.rejected;
      continue;
    }
    auto [it, inserted] = by_id.emplace(f.id, batch.size());
    if (inserted) {
      batch.push_back(std::move(f));
      reports.push_back({1, 0});
      continue;
    }
    std::size_t k = it->second;
    ++reports[k].first;
    if (batch[k].evidence.size() < kMergeIndexFrom ? merge_fact(batch[k], f)
                                                   : merging[k].merge(batch[k], f))
      ++reports[k].second;
  }
  if (batch.empty()) return stats;
  StagingData data = encode(batch);
  std::vector<char> outcome;  // per fact of the batch: 0 unchanged, 1 merged, 2 new
  with_retries(*session_, [&] {
    PgSession& s = *session_;
    s.exec("BEGIN");
    s.exec(kStaging);
    std::string no = *s.exec("SELECT nextval('dipgraph.batches')")[0][0];
    s.copy_in("COPY st_facts FROM STDIN", data.facts);
    s.copy_in("COPY st_actors FROM STDIN", data.actors);
    s.copy_in("COPY st_evidence FROM STDIN", data.evidence);
    s.copy_in("COPY st_topics FROM STDIN", data.topics);
    // Statistics of the batch's facts, so that finding their rows in a big
    // `facts` takes the index, never a scan of the whole table.
    s.exec("ANALYZE st_facts");
    std::unordered_set<std::string> touched, fresh;
    for (const PgRow& r : s.exec(kMergeFacts, {no})) {
      touched.insert(*r[0]);
      if (r[1] == "t") fresh.insert(*r[0]);
    }
    s.exec("UPDATE st_facts s SET fid = f.fid FROM dipgraph.facts f WHERE f.id = s.id");
    for (const char* sql : {kMergeActors, kMergeEvidence, kMergeTopics})
      for (const PgRow& r : s.exec(sql, {no})) touched.insert(*r[0]);
    if (!touched.empty()) s.exec("UPDATE dipgraph.state SET changes = changes + 1");
    // Which facts of the batch the database took something from.
    std::vector<PgRow> ks;
    if (!touched.empty()) ks = s.exec("SELECT k, fid FROM st_facts");
    s.exec("COMMIT");
    outcome.assign(batch.size(), 0);
    for (const PgRow& r : ks)
      if (touched.count(*r[1])) outcome[std::stoul(*r[0])] = fresh.count(*r[1]) ? 2 : 1;
  });
  // Counted per input fact, as the file store counts: a fact is new or
  // merged if the store took something from it, else unchanged; a later
  // report of an id in the batch is merged if it added to that fact and the
  // store took the fact.
  for (std::size_t k = 0; k < batch.size(); ++k) {
    auto [n, added_to] = reports[k];
    if (outcome[k] == 2)
      ++stats.added;
    else if (outcome[k] == 1)
      ++stats.merged;
    else
      ++stats.unchanged;
    std::size_t later_merged = outcome[k] ? added_to : 0;
    stats.merged += later_merged;
    stats.unchanged += n - 1 - later_merged;
  }
  return stats;
}

DatabaseState PgStore::state() const {
  // Asked between batches, so a connection lost there is retried as well.
  std::vector<PgRow> rows;
  with_retries(*session_, [&] {
    rows = session_->exec(
        "SELECT (SELECT value FROM dipgraph.meta WHERE key = 'store_id'), "
        "(SELECT changes FROM dipgraph.state), "
        "(SELECT value FROM dipgraph.meta WHERE key = 'schema_version')");
  });
  DatabaseState st;
  st.store_id = rows[0][0].value_or("");
  st.changes = std::atoll(rows[0][1].value_or("0").c_str());
  st.schema = std::atoi(rows[0][2].value_or("0").c_str());
  return st;
}

namespace {

// Parses a decimal integer field; false if it is not one.
bool to_int(const std::string& s, std::int64_t& v) {
  char* end = nullptr;
  errno = 0;
  v = std::strtoll(s.c_str(), &end, 10);
  return !s.empty() && end == s.c_str() + s.size() && errno == 0;
}

// Where a child row (actor, evidence, topic) went: its fact, which list
// (0-2 the actor groups, 3 evidence, 4 topics), its place in that list as
// it arrived, and its order key. Rows arrive in the table's order; sorting
// these small records tells the order of a file store's fold.
struct Slot {
  std::uint32_t fact, pos;
  std::int64_t batch, ord;
  std::uint8_t list;
};

// Puts the rows of one list of one fact ([b, e) of the sorted slots) in
// key order, moving them only if they arrived out of it.
template <class T>
void reorder(std::vector<T>& rows, const Slot* b, const Slot* e) {
  bool sorted = true;
  for (const Slot* p = b; p != e && sorted; ++p)
    sorted = p->pos == static_cast<std::uint32_t>(p - b);
  if (sorted) return;
  std::vector<T> out;
  out.reserve(rows.size());
  for (const Slot* p = b; p != e; ++p) out.push_back(std::move(rows[p->pos]));
  rows = std::move(out);
}

}  // namespace

std::size_t PgStore::scan(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                          const std::function<void(std::size_t)>& on_begin) const {
  return scan_at(diag, on_fact, on_begin, {});
}

std::size_t PgStore::scan_at(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                             const std::function<void(std::size_t)>& on_begin,
                             const std::function<bool(const DatabaseState&)>& on_state) const {
  struct Row {
    std::int64_t batch, ord;
    Fact fact;
  };
  std::vector<Row> facts;
  std::vector<Slot> slots;
  std::size_t bad = 0;
  bool stopped = false;
  PgSession& s = *session_;
  auto report = [&](const char* table, std::string_view row, const char* why) {
    if (++bad <= 20)
      diag.error(Place{name_},
                 fmt::format("table {}: bad row ({}): {}", table, why, row.substr(0, 200)));
  };
  with_retries(s, [&] {
    facts.clear();
    slots.clear();
    bad = 0;
    s.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (on_state && !on_state(state())) {
      stopped = true;
      s.exec("COMMIT");
      return;
    }
    std::unordered_map<std::int64_t, std::size_t> by_fid;
    std::vector<std::string> c;
    std::vector<char> null;
    std::int64_t n[4];
    s.copy_out(
        "COPY dipgraph.facts (fid, batch, ord, id, type, cameo, root, quad_class, goldstein, "
        "status, date, location_name, location_country, name, quote, confidence) TO STDOUT",
        [&](std::string_view row) {
          auto status = detail::copy_split(row, c, null) && c.size() == 16 ? parse_status(c[9])
                                                                           : std::nullopt;
          std::int64_t qc;
          if (!status || !to_int(c[0], n[0]) || !to_int(c[1], n[1]) || !to_int(c[2], n[2]) ||
              !to_int(c[7], qc))
            return report("facts", row, "unreadable");
          by_fid[n[0]] = facts.size();
          Row& r = facts.emplace_back();
          r.batch = n[1];
          r.ord = n[2];
          Fact& f = r.fact;
          f.id = std::move(c[3]);
          f.type = std::move(c[4]);
          f.cameo = std::move(c[5]);
          f.root = std::move(c[6]);
          f.quad_class = static_cast<int>(qc);
          f.goldstein = std::strtod(c[8].c_str(), nullptr);
          f.status = *status;
          f.date = std::move(c[10]);
          if (!null[11]) f.location = Location{std::move(c[11]), null[12] ? "" : std::move(c[12])};
          f.name = std::move(c[13]);
          f.quote = std::move(c[14]);
          f.confidence = std::strtod(c[15].c_str(), nullptr);
        });
    // A child row's fact, by fid; npos (reported) if unknown.
    auto fact_of = [&](const std::string& fid, const char* table, std::string_view row) {
      std::int64_t id;
      auto it = to_int(fid, id) ? by_fid.find(id) : by_fid.end();
      if (it == by_fid.end()) {
        report(table, row, "no such fact");
        return std::string::npos;
      }
      return it->second;
    };
    s.copy_out(
        "COPY dipgraph.actors (fid, batch, ord, side, actor_id, kind, name, country, role) "
        "TO STDOUT",
        [&](std::string_view row) {
          std::int64_t side;
          std::optional<ActorKind> kind;
          if (!detail::copy_split(row, c, null) || c.size() != 9 || !to_int(c[1], n[1]) ||
              !to_int(c[2], n[2]) || !to_int(c[3], side) || side < 0 || side > 2 ||
              !(kind = parse_actor_kind(c[5])))
            return report("actors", row, "unreadable");
          std::size_t fact = fact_of(c[0], "actors", row);
          if (fact == std::string::npos) return;
          Fact& f = facts[fact].fact;
          auto& list = side == 0 ? f.source : side == 1 ? f.target : f.participants;
          slots.push_back({static_cast<std::uint32_t>(fact),
                           static_cast<std::uint32_t>(list.size()), n[1], n[2],
                           static_cast<std::uint8_t>(side)});
          list.push_back(
              {std::move(c[4]), *kind, std::move(c[6]), std::move(c[7]), std::move(c[8])});
        });
    s.copy_out(
        "COPY dipgraph.evidence (fid, batch, ord, article, sentence, start_byte, end_byte, "
        "text, title, url, outlet, published) TO STDOUT",
        [&](std::string_view row) {
          std::int64_t sent, start, end;
          if (!detail::copy_split(row, c, null) || c.size() != 12 || !to_int(c[1], n[1]) ||
              !to_int(c[2], n[2]) || !to_int(c[4], sent) || !to_int(c[5], start) ||
              !to_int(c[6], end) || sent < 0 || sent > 0xffffffffll || start < 0 || end < start)
            return report("evidence", row, "unreadable");
          std::size_t fact = fact_of(c[0], "evidence", row);
          if (fact == std::string::npos) return;
          auto& list = facts[fact].fact.evidence;
          slots.push_back({static_cast<std::uint32_t>(fact),
                           static_cast<std::uint32_t>(list.size()), n[1], n[2], 3});
          list.push_back({std::move(c[3]), static_cast<std::uint32_t>(sent),
                          static_cast<std::uint64_t>(start), static_cast<std::uint64_t>(end),
                          std::move(c[7]), std::move(c[8]), std::move(c[9]), std::move(c[10]),
                          std::move(c[11])});
        });
    s.copy_out("COPY dipgraph.topics (fid, batch, ord, topic) TO STDOUT",
               [&](std::string_view row) {
                 if (!detail::copy_split(row, c, null) || c.size() != 4 || !to_int(c[1], n[1]) ||
                     !to_int(c[2], n[2]))
                   return report("topics", row, "unreadable");
                 std::size_t fact = fact_of(c[0], "topics", row);
                 if (fact == std::string::npos) return;
                 auto& list = facts[fact].fact.topics;
                 slots.push_back({static_cast<std::uint32_t>(fact),
                                  static_cast<std::uint32_t>(list.size()), n[1], n[2], 4});
                 list.push_back(std::move(c[3]));
               });
    s.exec("COMMIT");
  });
  if (stopped) return 0;
  if (bad > 20) diag.warning(Place{name_}, fmt::format("{} more bad rows not shown", bad - 20));
  // Children in their order of arrival, then facts in first-seen order.
  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
    return std::tie(a.fact, a.list, a.batch, a.ord) < std::tie(b.fact, b.list, b.batch, b.ord);
  });
  for (std::size_t i = 0, j; i < slots.size(); i = j) {
    for (j = i + 1;
         j < slots.size() && slots[j].fact == slots[i].fact && slots[j].list == slots[i].list;
         ++j) {
    }
    Fact& f = facts[slots[i].fact].fact;
    const Slot *b = &slots[i], *e = b + (j - i);
    switch (slots[i].list) {
      case 0:
        reorder(f.source, b, e);
        break;
      case 1:
        reorder(f.target, b, e);
        break;
      case 2:
        reorder(f.participants, b, e);
        break;
      case 3:
        reorder(f.evidence, b, e);
        break;
      default:
        reorder(f.topics, b, e);
    }
  }
  std::vector<Slot>().swap(slots);
  std::vector<std::size_t> order(facts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(facts[a].batch, facts[a].ord) < std::tie(facts[b].batch, facts[b].ord);
  });
  if (on_begin) on_begin(facts.size());
  std::size_t count = 0;
  for (std::size_t i : order) {
    Fact& f = facts[i].fact;
    if (f.source.empty() && f.target.empty() && f.participants.empty()) {
      diag.error(Place{name_}, fmt::format("fact {}: no actors; skipped", f.id));
      continue;
    }
    f.mentions = count_mentions(f);
    f.sources = count_sources(f.evidence);
    on_fact(f);
    ++count;
  }
  return count;
}

CheckStats PgStore::check(Diagnostics& diag, bool repair, const std::function<void()>&) {
  CheckStats st;
  std::size_t errors_before = diag.error_count();
  st.facts = scan(diag, [](const Fact&) {});
  std::size_t bad_rows = diag.error_count() - errors_before;
  std::vector<PgRow> rows;
  with_retries(*session_, [&] {
    rows = session_->exec(
        "SELECT (SELECT count(*) FROM dipgraph.facts), NULL, "
        "(SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
        "  JOIN pg_namespace n ON n.oid = c.relnamespace "
        "  WHERE n.nspname = 'dipgraph' AND c.relkind = 'r')");
  });
  std::int64_t v;
  st.records = to_int(rows[0][0].value_or(""), v) ? static_cast<std::size_t>(v) : 0;
  st.good = st.facts;
  st.damaged = bad_rows;  // unreadable rows, rows of no fact, facts without actors
  st.bytes = to_int(rows[0][2].value_or(""), v) ? static_cast<std::uint64_t>(v) : 0;
  (void)repair;  // nothing half-written can exist: every batch is one transaction
  return st;
}

CompactStats PgStore::compact(Diagnostics&, const std::function<void()>&) {
  CompactStats st;
  std::vector<PgRow> rows;
  with_retries(*session_, [&] { rows = session_->exec("SELECT count(*) FROM dipgraph.facts"); });
  std::int64_t v = 0;
  to_int(rows[0][0].value_or(""), v);
  st.records_before = st.facts = static_cast<std::size_t>(v);
  return st;  // one row per fact already
}

CompactStats PgStore::compact_if_worth(Diagnostics&) { return {}; }  // never worth it

std::unique_ptr<Store> open_pg_store(const std::string& conninfo, bool create) {
  return std::make_unique<PgStore>(conninfo, create);
}

}  // namespace dipgraph
