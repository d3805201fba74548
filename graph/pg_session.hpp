// PgSession: one libpq connection with the few operations the database
// store needs (statements with parameters, COPY in and out), and errors
// sorted into retryable (serialization failure, deadlock, lost connection,
// server restart) and not. Internal to graph/pg_store.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"

namespace dipgraph::detail {

// A failed statement or connection. what() names the masked location;
// `sqlstate` is the server's error code ("" for client-side failures).
class PgError : public Error {
 public:
  PgError(const std::string& message, std::string sqlstate, bool retryable)
      : Error(message), sqlstate_(std::move(sqlstate)), retryable_(retryable) {}
  const std::string& sqlstate() const { return sqlstate_; }
  // Worth running the whole transaction again (after reconnect()).
  bool retryable() const { return retryable_; }

 private:
  std::string sqlstate_;
  bool retryable_;
};

using PgRow = std::vector<std::optional<std::string>>;  // nullopt = SQL NULL
using PgParam = std::optional<std::string>;

class PgSession {
 public:
  // Connects (client encoding UTF8; the server's must be UTF8). `name` is
  // the masked location for messages. Throws PgError.
  PgSession(const std::string& conninfo, std::string name);
  ~PgSession();
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  // Runs one statement; values only as parameters ($1, $2, ...), in text
  // form. Returns the rows of its result. Without parameters `sql` may hold
  // several statements (the rows are the last one's). Throws PgError.
  std::vector<PgRow> exec(const std::string& sql, const std::vector<PgParam>& params = {});
  // COPY ... FROM STDIN with `data` in COPY text format. Throws PgError.
  void copy_in(const std::string& sql, std::string_view data);
  // COPY ... TO STDOUT; `on_row` gets each row without its newline.
  void copy_out(const std::string& sql, const std::function<void(std::string_view)>& on_row);
  // Connects again after a lost connection (or rolls back an open
  // transaction on a live one). Throws PgError if the server stays away.
  void reset();
  const std::string& name() const { return name_; }

 private:
  [[noreturn]] void fail(const std::string& what, const void* result);
  void finish_copy();
  void* conn_ = nullptr;  // PGconn*
  std::string name_;
};

}  // namespace dipgraph::detail
