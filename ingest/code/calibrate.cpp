// Calibrated confidence (calibrate.hpp): the features of a finished fact
// and the logistic model of data/calibration.tsv.
#include "ingest/code/calibrate.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

namespace dipgraph::ingest {

namespace {

enum class Kind { bias, coder, evidence, countries, directed, person, organization, located, status, quad, root };

struct Parsed {
  Kind kind;
  int arg = 0;  // status=S: the Status; quad=N, root=NN: the number
};

// The feature a name stands for; nullopt (with `why`) for anything else.
std::optional<Parsed> parse_feature(std::string_view name, std::string& why) {
  static constexpr std::pair<std::string_view, Kind> kPlain[] = {
      {"bias", Kind::bias},         {"coder", Kind::coder},
      {"evidence", Kind::evidence}, {"countries", Kind::countries},
      {"directed", Kind::directed}, {"person", Kind::person},
      {"organization", Kind::organization}, {"located", Kind::located}};
  for (const auto& [n, k] : kPlain)
    if (name == n) return Parsed{k};
  std::size_t eq = name.find('=');
  std::string_view key = name.substr(0, eq), value = eq == std::string_view::npos ? "" : name.substr(eq + 1);
  if (eq != std::string_view::npos && key == "status") {
    if (auto s = parse_status(value)) return Parsed{Kind::status, static_cast<int>(*s)};
    why = fmt::format("unknown status '{}' (occurred, planned, intended, negotiating, ongoing, negated)", value);
    return std::nullopt;
  }
  if (eq != std::string_view::npos && (key == "quad" || key == "root")) {
    int n = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    bool ok = ec == std::errc() && p == value.data() + value.size() &&
              (key == "quad" ? value.size() == 1 && n >= 1 && n <= 4 : value.size() == 2 && n >= 1 && n <= 20);
    if (ok) return Parsed{key == "quad" ? Kind::quad : Kind::root, n};
    why = key == "quad" ? fmt::format("quad class '{}' is not 1 .. 4", value)
                        : fmt::format("CAMEO root '{}' is not two digits 01 .. 20", value);
    return std::nullopt;
  }
  why = fmt::format(
      "unknown feature '{}' (bias, coder, evidence, countries, directed, person, organization, located, "
      "status=S, quad=N, root=NN)",
      name);
  return std::nullopt;
}

bool any_party(const Fact& f, ActorKind kind) {
  for (const auto* side : {&f.source, &f.target, &f.participants})
    for (const Actor& a : *side)
      if (a.kind == kind) return true;
  return false;
}

double value_of(const Fact& f, const Parsed& p) {
  switch (p.kind) {
    case Kind::bias:
      return 1.0;
    case Kind::coder: {
      double c = std::clamp(f.confidence, 0.02, 0.98);
      return std::log(c / (1.0 - c));
    }
    case Kind::evidence:
      return std::log(static_cast<double>(std::max<std::size_t>(1, f.evidence.size())));
    case Kind::countries: {
      std::vector<std::string_view> cs;
      for (const auto* side : {&f.source, &f.target, &f.participants})
        for (const Actor& a : *side)
          if (!a.country.empty()) cs.push_back(a.country);
      std::sort(cs.begin(), cs.end());
      return std::unique(cs.begin(), cs.end()) - cs.begin() >= 2 ? 1.0 : 0.0;
    }
    case Kind::directed:
      return !f.source.empty() && !f.target.empty() ? 1.0 : 0.0;
    case Kind::person:
      return any_party(f, ActorKind::person) ? 1.0 : 0.0;
    case Kind::organization:
      return any_party(f, ActorKind::organization) ? 1.0 : 0.0;
    case Kind::located:
      return f.location ? 1.0 : 0.0;
    case Kind::status:
      return f.status == static_cast<Status>(p.arg) ? 1.0 : 0.0;
    case Kind::quad:
      return f.quad_class == p.arg ? 1.0 : 0.0;
    case Kind::root:
      return f.root.size() == 2 && (f.root[0] - '0') * 10 + (f.root[1] - '0') == p.arg ? 1.0 : 0.0;
  }
  return 0.0;
}

// Features whose weight may not be negative.
bool monotone(Kind k) { return k == Kind::coder || k == Kind::evidence || k == Kind::countries; }

}  // namespace

Calibration Calibration::load(const std::string& path, Diagnostics& diag) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot open the calibration", path));
  Calibration c;
  bool header = false;
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    std::string name = line.substr(0, tab);
    std::string weight = tab == std::string::npos ? std::string() : line.substr(tab + 1);
    if (!header) {
      if (name != "feature" || weight != "weight")
        throw Error(fmt::format("{}:{}: expected the header 'feature<TAB>weight'", path, n));
      header = true;
      continue;
    }
    auto bad = [&](const std::string& why) { diag.error(Place{path, n}, why + "; row skipped"); };
    if (tab == std::string::npos || weight.find('\t') != std::string::npos) {
      bad("expected two columns: feature and weight");
      continue;
    }
    std::string why;
    auto parsed = parse_feature(name, why);
    if (!parsed) {
      bad(why);
      continue;
    }
    double w = 0.0;
    auto [p, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), w);
    if (ec != std::errc() || p != weight.data() + weight.size() || !std::isfinite(w)) {
      bad(fmt::format("weight '{}' is not a number", weight));
      continue;
    }
    if (monotone(parsed->kind) && w < 0) {
      bad(fmt::format("'{}' may not lower the confidence (weight {} < 0)", name, weight));
      continue;
    }
    if (std::any_of(c.terms_.begin(), c.terms_.end(), [&](const Term& t) { return t.name == name; })) {
      bad(fmt::format("feature '{}' given twice", name));
      continue;
    }
    c.terms_.push_back(Term{name, w, static_cast<int>(parsed->kind), parsed->arg});
  }
  if (!header) throw Error(fmt::format("{}: empty calibration (expected the header 'feature<TAB>weight')", path));
  return c;
}

Calibration Calibration::load_dir(const std::string& data_dir, Diagnostics& diag) {
  std::string path = data_dir + "/calibration.tsv";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Calibration();
  return load(path, diag);
}

double Calibration::feature(const Fact& f, const std::string& name) {
  std::string why;
  auto parsed = parse_feature(name, why);
  return parsed ? value_of(f, *parsed) : 0.0;
}

double Calibration::apply(const Fact& f) const {
  if (terms_.empty()) return f.confidence;
  double z = 0.0;
  for (const Term& t : terms_) z += t.weight * value_of(f, Parsed{static_cast<Kind>(t.kind), t.arg});
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace dipgraph::ingest
