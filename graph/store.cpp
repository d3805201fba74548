// The Store interface: the file store behind it (FileStore, a thin adapter
// over FactStore), telling a database location from a directory, and
// masking passwords in locations shown to users.
#include "graph/store.hpp"

#include <cctype>
#include <string_view>

#include "graph/pg_store.hpp"

namespace dipgraph {

std::vector<Fact> Store::load(Diagnostics& diag) const {
  std::vector<Fact> facts;
  scan(
      diag, [&](const Fact& f) { facts.push_back(f); }, [&](std::size_t n) { facts.reserve(n); });
  return facts;
}

namespace {

class FileStore final : public Store {
 public:
  FileStore(const std::string& dir, bool create) : store_(dir, create) {}

  std::string name() const override { return store_.dir().string(); }

  std::size_t scan(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                   const std::function<void(std::size_t)>& on_begin) const override {
    return store_.scan(diag, on_fact, on_begin);
  }

  AppendStats append(const std::vector<Fact>& facts, Diagnostics& diag) override {
    return store_.append(facts, diag);
  }

  struct LockHold final : WriterHold {
    explicit LockHold(FactStore::Lock l) : lock(std::move(l)) {}
    FactStore::Lock lock;
  };
  std::unique_ptr<WriterHold> hold_writer(const std::function<void()>& on_wait) override {
    return std::make_unique<LockHold>(store_.lock(on_wait));
  }

  CheckStats check(Diagnostics& diag, bool repair, const std::function<void()>& on_wait) override {
    return store_.check(diag, repair, on_wait);
  }
  CompactStats compact(Diagnostics& diag, const std::function<void()>& on_wait) override {
    return store_.compact(diag, on_wait);
  }
  CompactStats compact_if_worth(Diagnostics& diag) override {
    return store_.compact_if_worth(diag);
  }
  FactStore* file_store() override { return &store_; }

 private:
  mutable FactStore store_;
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_uri(std::string_view s) {
  return starts_with(s, "postgresql://") || starts_with(s, "postgres://");
}

// libpq's connection keywords (the first one of a connection string).
constexpr std::string_view kConninfoKeywords[] = {"host",
                                                  "hostaddr",
                                                  "port",
                                                  "dbname",
                                                  "user",
                                                  "password",
                                                  "passfile",
                                                  "service",
                                                  "sslmode",
                                                  "sslrootcert",
                                                  "sslcert",
                                                  "sslkey",
                                                  "sslcrl",
                                                  "connect_timeout",
                                                  "options",
                                                  "application_name",
                                                  "target_session_attrs",
                                                  "channel_binding",
                                                  "gssencmode",
                                                  "client_encoding",
                                                  "keepalives",
                                                  "requiressl",
                                                  "krbsrvname",
                                                  "sslpassword"};

// Masks the value of every `password=` in a connection string: a plain
// word up to white space, or a single-quoted value with \' and \\ escapes.
std::string mask_conninfo(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    bool token_start = i == 0 || std::isspace(static_cast<unsigned char>(s[i - 1]));
    std::size_t k = i;
    for (std::string_view kw : {std::string_view("password"), std::string_view("sslpassword")}) {
      if (!token_start || s.compare(i, kw.size(), kw) != 0) continue;
      k = i + kw.size();
      while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
      if (k < s.size() && s[k] == '=') break;
      k = i;
    }
    if (k == i) {
      out += s[i++];
      continue;
    }
    // s[i, k) is "password  " and s[k] is '='
    out.append(s, i, k + 1 - i);
    std::size_t v = k + 1;
    while (v < s.size() && std::isspace(static_cast<unsigned char>(s[v]))) out += s[v++];
    if (v < s.size() && s[v] == '\'') {
      ++v;
      while (v < s.size() && s[v] != '\'') v += s[v] == '\\' && v + 1 < s.size() ? 2 : 1;
      if (v < s.size()) ++v;
    } else {
      while (v < s.size() && !std::isspace(static_cast<unsigned char>(s[v]))) ++v;
    }
    out += "***";
    i = v;
  }
  return out;
}

std::string mask_uri(const std::string& s) {
  std::size_t auth = s.find("://") + 3;
  std::size_t auth_end = s.find_first_of("/?", auth);
  if (auth_end == std::string::npos) auth_end = s.size();
  std::string out = s;
  std::size_t at = s.rfind('@', auth_end);
  if (at != std::string::npos && at >= auth) {
    std::size_t colon = s.find(':', auth);
    if (colon != std::string::npos && colon < at)
      out = s.substr(0, colon + 1) + "***" + s.substr(at);
  }
  // Query parameters: ?password=...&sslpassword=...
  std::size_t q = out.find('?');
  if (q == std::string::npos) return out;
  std::string masked = out.substr(0, q + 1);
  std::string_view rest(out);
  rest.remove_prefix(q + 1);
  while (true) {
    std::size_t amp = rest.find('&');
    std::string_view param = rest.substr(0, amp);
    if (starts_with(param, "password=") || starts_with(param, "sslpassword="))
      masked += std::string(param.substr(0, param.find('=') + 1)) + "***";
    else
      masked += param;
    if (amp == std::string_view::npos) break;
    masked += '&';
    rest.remove_prefix(amp + 1);
  }
  return masked;
}

}  // namespace

bool is_database_location(const std::string& location) {
  if (is_uri(location)) return true;
  std::size_t b = 0;
  while (b < location.size() && std::isspace(static_cast<unsigned char>(location[b]))) ++b;
  std::size_t e = b;
  while (e < location.size() &&
         (std::isalpha(static_cast<unsigned char>(location[e])) || location[e] == '_'))
    ++e;
  std::size_t eq = e;
  while (eq < location.size() && std::isspace(static_cast<unsigned char>(location[eq]))) ++eq;
  if (eq >= location.size() || location[eq] != '=') return false;
  std::string_view word(location.data() + b, e - b);
  for (std::string_view kw : kConninfoKeywords)
    if (word == kw) return true;
  return false;
}

std::string mask_password(const std::string& location) {
  return is_uri(location) ? mask_uri(location) : mask_conninfo(location);
}

std::unique_ptr<Store> open_store(const std::string& location, bool create) {
  if (is_database_location(location)) return open_pg_store(location, create);
  return std::make_unique<FileStore>(location, create);
}

}  // namespace dipgraph
