// One libpq connection: statements with parameters, COPY in and out, and
// errors sorted into retryable and not (graph/pg_session.hpp).
#include "graph/pg_session.hpp"

#include <fmt/core.h>
#include <libpq-fe.h>

#include <cstring>

namespace dipgraph::detail {

namespace {

PGconn* as_conn(void* p) { return static_cast<PGconn*>(p); }

std::string trimmed(const char* msg) {
  std::string s = msg ? msg : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Serialization failure, deadlock, connection exceptions, the server
// shutting down or starting up: the transaction may succeed if run again.
bool retryable_state(const std::string& state) {
  return state == "40001" || state == "40P01" || state.rfind("08", 0) == 0 || state == "57P01" ||
         state == "57P02" || state == "57P03";
}

struct Result {
  PGresult* r;
  explicit Result(PGresult* p) : r(p) {}
  ~Result() { PQclear(r); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
};

}  // namespace

PgSession::PgSession(const std::string& conninfo, std::string name) : name_(std::move(name)) {
  conn_ = PQconnectdb(conninfo.c_str());
  if (!conn_) throw PgError(fmt::format("{}: cannot connect: out of memory", name_), "", false);
  if (PQstatus(as_conn(conn_)) != CONNECTION_OK) {
    std::string msg = trimmed(PQerrorMessage(as_conn(conn_)));
    PQfinish(as_conn(conn_));
    conn_ = nullptr;
    // A refused or unreachable server may come back; bad credentials won't,
    // but the caller only retries writes, a bounded number of times.
    throw PgError(fmt::format("{}: cannot connect: {}", name_, msg), "08001", true);
  }
  // Server notices ("relation already exists, skipping") are not for users.
  PQsetNoticeProcessor(
      as_conn(conn_), [](void*, const char*) {}, nullptr);
  try {
    if (PQsetClientEncoding(as_conn(conn_), "UTF8") != 0)
      fail("cannot set the client encoding to UTF8", nullptr);
    const char* enc = PQparameterStatus(as_conn(conn_), "server_encoding");
    if (!enc || std::strcmp(enc, "UTF8") != 0)
      throw PgError(fmt::format("{}: the database's encoding is {}, not UTF8 (create it with "
                                "ENCODING 'UTF8')",
                                name_, enc ? enc : "unknown"),
                    "", false);
  } catch (...) {
    PQfinish(as_conn(conn_));  // no destructor runs for a constructor that throws
    conn_ = nullptr;
    throw;
  }
}

PgSession::~PgSession() {
  if (conn_) PQfinish(as_conn(conn_));
}

void PgSession::fail(const std::string& what, const void* result) {
  const PGresult* r = static_cast<const PGresult*>(result);
  std::string state;
  if (r) {
    const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    if (s) state = s;
  }
  std::string msg = r ? trimmed(PQresultErrorMessage(r)) : "";
  if (msg.empty()) msg = trimmed(PQerrorMessage(as_conn(conn_)));
  bool lost = !conn_ || PQstatus(as_conn(conn_)) != CONNECTION_OK;
  if (lost && state.empty()) state = "08006";
  std::string text = fmt::format("{}: {}: {}", name_, what, msg.empty() ? "unknown error" : msg);
  throw PgError(text, state, lost || retryable_state(state));
}

std::vector<PgRow> PgSession::exec(const std::string& sql, const std::vector<PgParam>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  // Without parameters PQexec (which also runs several statements at once).
  Result res(params.empty()
                 ? PQexec(as_conn(conn_), sql.c_str())
                 : PQexecParams(as_conn(conn_), sql.c_str(), static_cast<int>(params.size()),
                                nullptr, values.data(), nullptr, nullptr, 0));
  ExecStatusType st = PQresultStatus(res.r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail("statement failed", res.r);
  std::vector<PgRow> rows(static_cast<std::size_t>(PQntuples(res.r)));
  int cols = PQnfields(res.r);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].resize(static_cast<std::size_t>(cols));
    for (int j = 0; j < cols; ++j)
      if (!PQgetisnull(res.r, static_cast<int>(i), j))
        rows[i][static_cast<std::size_t>(j)] =
            std::string(PQgetvalue(res.r, static_cast<int>(i), j),
                        static_cast<std::size_t>(PQgetlength(res.r, static_cast<int>(i), j)));
  }
  return rows;
}

void PgSession::finish_copy() {
  // Every result of the COPY is read (libpq needs that); the first failure
  // is thrown after.
  bool failed = false;
  std::string state, msg;
  while (PGresult* r = PQgetResult(as_conn(conn_))) {
    Result res(r);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && !failed) {
      failed = true;
      try {
        fail("COPY failed", r);
      } catch (const PgError& e) {
        state = e.sqlstate();
        msg = e.what();
      }
    }
  }
  if (failed) throw PgError(msg, state, state.empty() || retryable_state(state));
}

void PgSession::copy_in(const std::string& sql, std::string_view data) {
  {
    Result res(PQexec(as_conn(conn_), sql.c_str()));
    if (PQresultStatus(res.r) != PGRES_COPY_IN) fail("COPY failed", res.r);
  }
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t at = 0; at < data.size(); at += kChunk) {
    std::size_t n = std::min(kChunk, data.size() - at);
    if (PQputCopyData(as_conn(conn_), data.data() + at, static_cast<int>(n)) != 1)
      fail("COPY failed", nullptr);
  }
  if (PQputCopyEnd(as_conn(conn_), nullptr) != 1) fail("COPY failed", nullptr);
  finish_copy();
}

void PgSession::copy_out(const std::string& sql,
                         const std::function<void(std::string_view)>& on_row) {
  {
    Result res(PQexec(as_conn(conn_), sql.c_str()));
    if (PQresultStatus(res.r) != PGRES_COPY_OUT) fail("COPY failed", res.r);
  }
  char* buf = nullptr;
  int n;
  while ((n = PQgetCopyData(as_conn(conn_), &buf, 0)) > 0) {
    std::string_view row(buf, static_cast<std::size_t>(n));
    if (!row.empty() && row.back() == '\n') row.remove_suffix(1);
    try {
      on_row(row);
    } catch (...) {
      PQfreemem(buf);
      throw;
    }
    PQfreemem(buf);
  }
  if (n == -2) fail("COPY failed", nullptr);
  finish_copy();
}

void PgSession::reset() {
  if (PQstatus(as_conn(conn_)) == CONNECTION_OK &&
      PQtransactionStatus(as_conn(conn_)) != PQTRANS_UNKNOWN) {
    Result res(PQexec(as_conn(conn_), "ROLLBACK"));
    if (PQresultStatus(res.r) == PGRES_COMMAND_OK) return;
  }
  PQreset(as_conn(conn_));
  if (PQstatus(as_conn(conn_)) != CONNECTION_OK) fail("cannot reconnect", nullptr);
  if (PQsetClientEncoding(as_conn(conn_), "UTF8") != 0)
    fail("cannot set the client encoding to UTF8", nullptr);
}

}  // namespace dipgraph::detail
