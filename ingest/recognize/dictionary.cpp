// Loading the dictionary files and compiling their phrase matchers
// (dictionary.hpp). Every phrase goes through lex_phrase, the rule set the
// text itself is cut with, so a dictionary entry matches its words in text.
#include "ingest/recognize/dictionary.hpp"
#include "ingest/recognize/plurals.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace dipgraph::ingest {

namespace {

struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string_view> cells;
};

struct Tsv {
  std::vector<std::string> header;
  std::vector<TsvRow> rows;
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  for (;;) {
    std::size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Parses TSV text; the first non-comment, non-blank line is the header.
Tsv parse_tsv(const std::string& text) {
  Tsv t;
  std::string_view all(text);
  std::size_t line = 0, pos = 0;
  bool have_header = false;
  while (pos <= all.size()) {
    std::size_t e = all.find('\n', pos);
    std::string_view l = all.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos);
    ++line;
    pos = e == std::string_view::npos ? all.size() + 1 : e + 1;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (trim(l).empty() || trim(l).front() == '#') continue;
    auto cells = split(l, '\t');
    for (auto& c : cells) c = trim(c);
    if (!have_header) {
      for (auto c : cells) t.header.emplace_back(c);
      have_header = true;
      continue;
    }
    t.rows.push_back({line, std::move(cells)});
  }
  return t;
}

// Column indexes of `names` in the header; throws if one is missing.
std::vector<std::size_t> columns(const Tsv& t, const std::string& file,
                                 std::initializer_list<const char*> names) {
  std::vector<std::size_t> out;
  for (const char* n : names) {
    auto it = std::find(t.header.begin(), t.header.end(), n);
    if (it == t.header.end())
      throw Error(fmt::format("{}: missing column \"{}\" in the header line", file, n));
    out.push_back(static_cast<std::size_t>(it - t.header.begin()));
  }
  return out;
}

std::string_view cell(const TsvRow& r, std::size_t col) {
  return col < r.cells.size() ? r.cells[col] : std::string_view{};
}

std::vector<std::string_view> list(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  for (auto part : split(s, ';')) {
    part = trim(part);
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot open dictionary file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(fmt::format("{}: cannot read dictionary file", path));
  return ss.str();
}

bool all_caps_word(std::string_view w) {
  int upper = 0;
  for (unsigned char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2 || (upper == 1 && w.size() >= 2 && w.find('.') != std::string_view::npos);
}

}  // namespace

std::vector<std::string> inflect(const std::string& w) {
  std::vector<std::string> out{w};
  if (w.size() < 2) return out;
  auto ends = [&](std::string_view s) { return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0; };
  auto vowel = [](char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; };
  char last = w.back(), prev = w[w.size() - 2];
  // One-syllable consonant-vowel-consonant verbs double: ban -> banned,
  // stop -> stopping; not two-syllable ones (open -> opened, edit -> edited).
  bool cvc = w.size() <= 4 && w.size() >= 3 && !vowel(last) && last != 'w' && last != 'x' &&
             last != 'y' && vowel(prev) && !vowel(w[w.size() - 3]) &&
             (w.size() == 3 || !vowel(w[0]));
  if (cvc) {
    out.push_back(w + "s");
    out.push_back(w + last + "ed");
    out.push_back(w + last + "ing");
    return out;
  }
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) out.push_back(w + "es");
  else if (last == 'y' && !vowel(prev)) out.push_back(w.substr(0, w.size() - 1) + "ies");
  else out.push_back(w + "s");
  if (last == 'e') out.push_back(w + "d");
  else if (last == 'y' && !vowel(prev)) out.push_back(w.substr(0, w.size() - 1) + "ied");
  else out.push_back(w + "ed");
  if (last == 'e' && prev != 'e') out.push_back(w.substr(0, w.size() - 1) + "ing");
  else out.push_back(w + "ing");
  return out;
}

namespace {

int parse_status_name(std::string_view s) {
  auto st = parse_status(s);
  return st ? static_cast<int>(*st) : -1;
}

}  // namespace

std::vector<TokenId> Dictionary::intern_phrase(std::string_view phrase) {
  std::vector<TokenId> ids;
  for (const auto& w : lex_phrase(phrase)) ids.push_back(vocab_.intern(w));
  return ids;
}

void Dictionary::add_entity(std::string_view phrase, EntityKind kind, std::uint32_t index) {
  std::vector<RawTok> raw;
  lex_raw(phrase, 0, static_cast<std::uint32_t>(phrase.size()), raw);
  if (raw.empty() || raw.size() > 24) return;
  std::uint32_t caps = 0;
  for (std::size_t k = 0; k < raw.size(); ++k)
    if (all_caps_word(phrase.substr(raw[k].start, raw[k].end - raw[k].start))) caps |= 1u << k;
  EntityEntry e{kind, index, caps, kind != EntityKind::title};
  // A title written in lower case matches any case; one with capitals other
  // than acronyms ("Prime Minister") too: case is not significant for titles.
  auto value = static_cast<std::uint32_t>(entities_.size());
  entities_.push_back(e);
  entity_texts_.emplace_back(phrase);
  pending_entities_.emplace_back(intern_phrase(phrase), value);
}

void Dictionary::load_countries(const std::string& text, const std::string& file, Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"code", "name", "official", "aliases", "demonyms", "capital",
                             "metonyms", "status"});
  for (const auto& r : t.rows) {
    std::string_view code = cell(r, c[0]), name = cell(r, c[1]);
    if (code.size() != 3 || name.empty()) {
      diag.error({file, r.line}, "expected a 3-letter code and a name; row skipped");
      continue;
    }
    auto index = static_cast<std::uint32_t>(countries_.size());
    Country country{std::string(code), std::string(name), std::string(cell(r, c[7])), -1};
    add_entity(name, EntityKind::country, index);
    if (!cell(r, c[2]).empty()) add_entity(cell(r, c[2]), EntityKind::country, index);
    for (auto a : list(cell(r, c[3]))) add_entity(a, EntityKind::country, index);
    for (auto d : list(cell(r, c[4]))) {
      add_entity(d, EntityKind::demonym, index);
      std::string plural(d);
      char last = plural.empty() ? 's' : plural.back();
      if (std::string_view("sheyxzSHEYXZ").find(last) == std::string_view::npos &&
          plural.find(' ') == std::string::npos && plural.find('-') == std::string::npos) {
        plural += 's';
        add_entity(plural, EntityKind::demonym, index);
      }
    }
    for (auto cap : list(cell(r, c[5]))) {
      if (country.capital < 0) {
        country.capital = static_cast<int>(cities_.size());
        cities_.push_back({std::string(cap), static_cast<int>(index), 1, true});
      }
      add_entity(cap, EntityKind::capital, index);
    }
    for (auto m : list(cell(r, c[6]))) add_entity(m, EntityKind::metonym, index);
    countries_.push_back(std::move(country));
  }
  for (std::size_t i = 0; i < countries_.size(); ++i)
    country_codes_.emplace_back(countries_[i].code, static_cast<int>(i));
  std::sort(country_codes_.begin(), country_codes_.end());
}

void Dictionary::load_country_codes(const std::string& text, const std::string& file,
                                    Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"code", "iso2", "cow"});
  auto letters = std::find(t.header.begin(), t.header.end(), "cow_letters");
  for (const auto& r : t.rows) {
    int i = country_index(cell(r, c[0]));
    if (i < 0) {
      diag.error({file, r.line},
                 fmt::format("unknown country code \"{}\"; row skipped", cell(r, c[0])));
      continue;
    }
    Country& country = countries_[static_cast<std::size_t>(i)];
    country.iso2 = cell(r, c[1]);
    country.cow = cell(r, c[2]);
    if (letters != t.header.end())
      country.cow_letters = cell(r, static_cast<std::size_t>(letters - t.header.begin()));
  }
}

int day_number(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (s[i] < '0' || s[i] > '9') return 0;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}

void Dictionary::load_states(const std::string& text, const std::string& file, Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"code", "from", "to", "successors", "borrows"});
  for (const auto& r : t.rows) {
    StateSpan span;
    span.country = country_index(cell(r, c[0]));
    span.from = day_number(cell(r, c[1]));
    span.to = day_number(cell(r, c[2]));
    bool ok = span.country >= 0 && (span.from || cell(r, c[1]).empty()) &&
              (span.to || cell(r, c[2]).empty()) && !(span.from && span.to && span.to <= span.from);
    for (auto s : list(cell(r, c[3]))) {
      span.successors.push_back(country_index(s));
      ok = ok && span.successors.back() >= 0;
    }
    if (!ok) {
      diag.error({file, r.line},
                 "expected a known code, dates YYYY-MM-DD (from before to) and "
                 "known successor codes; row skipped");
      continue;
    }
    for (auto name : list(cell(r, c[4]))) {
      bool found = false;
      for (std::uint32_t e = 0; e < entities_.size(); ++e) {
        EntityKind k = entities_[e].kind;
        if (entity_texts_[e] != name ||
            (k != EntityKind::capital && k != EntityKind::metonym && k != EntityKind::demonym))
          continue;
        borrows_.push_back({e, span.country, span.from, span.to});
        found = true;
      }
      if (!found)
        diag.error({file, r.line},
                   fmt::format("\"{}\" is no capital, seat of government or "
                               "demonym of countries.tsv or cities.tsv; not borrowed",
                               name));
    }
    states_.push_back(std::move(span));
  }
  std::stable_sort(borrows_.begin(), borrows_.end(),
                   [](const Borrow& a, const Borrow& b) { return a.entry < b.entry; });
}

int Dictionary::country_on(std::uint32_t entry, int day) const {
  int own = static_cast<int>(entities_[entry].index);
  if (day == 0) return own;
  auto it = std::lower_bound(borrows_.begin(), borrows_.end(), entry,
                             [](const Borrow& b, std::uint32_t e) { return b.entry < e; });
  for (; it != borrows_.end() && it->entry == entry; ++it)
    if ((it->from == 0 || day >= it->from) && (it->to == 0 || day < it->to)) return it->country;
  return own;
}

int Dictionary::country_index(std::string_view code) const {
  auto it = std::lower_bound(country_codes_.begin(), country_codes_.end(), code,
                             [](const auto& p, std::string_view k) { return p.first < k; });
  return it != country_codes_.end() && it->first == code ? it->second : -1;
}

// A city that, as an actor, stands for an organization seated there
// ("Brussels imposed duties": the EU); as a place it stays the city.
void Dictionary::load_seats(const std::string& text, const std::string& file, Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"city", "organization"});
  for (const auto& r : t.rows) {
    auto city = std::find_if(cities_.begin(), cities_.end(), [&](const City& x) { return x.name == cell(r, c[0]); });
    auto org = std::find_if(orgs_.begin(), orgs_.end(), [&](const Organization& o) { return o.code == cell(r, c[1]); });
    if (city == cities_.end() || org == orgs_.end()) {
      diag.error({file, r.line}, "expected a city of cities.tsv and an organization code; row skipped");
      continue;
    }
    city->seat_of = static_cast<int>(org - orgs_.begin());
  }
}

void Dictionary::load_cities(const std::string& text, const std::string& file, Diagnostics& diag, bool regions) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"country", "city", "aliases", "population_rank"});
  for (const auto& r : t.rows) {
    int country = country_index(cell(r, c[0]));
    std::string_view name = cell(r, c[1]);
    if (country < 0 || name.empty()) {
      diag.error({file, r.line}, fmt::format("unknown country code \"{}\" or empty city; row skipped",
                                             cell(r, c[0])));
      continue;
    }
    int rank = 0;
    for (char ch : cell(r, c[3]))
      if (ch >= '0' && ch <= '9') rank = rank * 10 + (ch - '0');
    // The capital is already a city (from countries.tsv): only add its aliases.
    int cap = countries_[country].capital;
    bool is_capital = cap >= 0 && cities_[cap].name == name;
    std::uint32_t index;
    if (is_capital) {
      index = static_cast<std::uint32_t>(cap);
      if (rank) cities_[cap].rank = rank;
    } else {
      index = static_cast<std::uint32_t>(cities_.size());
      cities_.push_back({std::string(name), country, rank, false, regions});
      add_entity(name, EntityKind::city, index);
    }
    for (auto a : list(cell(r, c[2])))
      add_entity(a, is_capital ? EntityKind::capital : EntityKind::city,
                 is_capital ? static_cast<std::uint32_t>(country) : index);
  }
}

void Dictionary::load_organizations(const std::string& text, const std::string& file,
                                    Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"code", "name", "aliases", "kind", "members"});
  for (const auto& r : t.rows) {
    std::string_view code = cell(r, c[0]), name = cell(r, c[1]);
    if (code.empty() || name.empty()) {
      diag.error({file, r.line}, "expected a code and a name; row skipped");
      continue;
    }
    Organization o{std::string(code), std::string(name), std::string(cell(r, c[3])), {}, -1};
    for (auto m : list(cell(r, c[4]))) o.members.emplace_back(m);
    // A body of one state, or a non-state group based in one: that country is its actor's.
    if ((o.kind == "national" || o.kind == "armed_group" || o.kind == "party") &&
        o.members.size() == 1)
      o.country = country_index(o.members[0]);
    auto index = static_cast<std::uint32_t>(orgs_.size());
    // (news writes "the U.N. High Commissioner for Refugees" and "the UN
    // ..." for every "United Nations ..." body)
    auto add_name = [&](std::string_view a) {
      add_entity(a, EntityKind::org, index);
      if (a == "United Nations Organization") return;
      std::string_view the;
      if (a.substr(0, 4) == "the ") the = a.substr(0, 4), a.remove_prefix(4);
      for (std::string_view form : {"United Nations ", "UN ", "U.N. "}) {
        if (a.size() <= form.size() || a.substr(0, form.size()) != form) continue;
        for (std::string_view other : {"United Nations ", "UN ", "U.N. "})
          if (other != form)
            add_entity(std::string(the).append(other).append(a.substr(form.size())), EntityKind::org, index);
        break;
      }
    };
    add_name(name);
    for (auto a : list(cell(r, c[2]))) add_name(a);
    if (all_caps_word(code)) add_entity(code, EntityKind::org, index);
    orgs_.push_back(std::move(o));
  }
}

void Dictionary::load_leaders(const std::string& text, const std::string& file,
                              Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"country", "name", "surname", "aliases", "office", "start", "end", "flags"});
  auto year = [](std::string_view s, bool& ok) {
    int y = 0;
    for (char ch : s) {
      if (ch < '0' || ch > '9') ok = false;
      else y = y * 10 + (ch - '0');
    }
    return y;
  };
  // Rows of one name and country are one person.
  std::map<std::pair<std::string, int>, std::uint32_t> people;
  // A phrase is lexed once (a person's rows repeat their names).
  std::map<std::string, std::vector<TokenId>, std::less<>> interned;
  auto add_phrase = [&](std::string_view phrase, std::uint32_t leader, bool surname) {
    auto it = interned.find(phrase);
    if (it == interned.end()) it = interned.emplace(std::string(phrase), intern_phrase(phrase)).first;
    const std::vector<TokenId>& ids = it->second;
    if (ids.empty() || ids.size() > 12) return;
    auto value = static_cast<std::uint32_t>(leader_entries_.size());
    leader_entries_.push_back({leader, surname});
    leader_texts_.emplace_back(phrase);
    pending_leaders_.emplace_back(ids, value);
  };
  for (const auto& r : t.rows) {
    std::string_view code = cell(r, c[0]), name = cell(r, c[1]), office = cell(r, c[4]);
    int country = country_index(code), org = -1;
    if (country < 0)  // an office of an organization: "UN", "NATO"
      for (std::size_t k = 0; k < orgs_.size() && org < 0; ++k)
        if (orgs_[k].code == code) org = static_cast<int>(k);
    if ((country < 0 && org < 0) || name.empty() || office.empty()) {
      diag.error({file, r.line},
                 "expected a known country or organization code, a name and an office; row skipped");
      continue;
    }
    bool ok = !cell(r, c[5]).empty();
    int start = year(cell(r, c[5]), ok), end = year(cell(r, c[6]), ok);
    if (!ok || (end && end < start)) {
      diag.error({file, r.line}, "expected years start <= end (end may be empty); row skipped");
      continue;
    }
    std::string_view flags = cell(r, c[7]);
    if (!flags.empty() && flags != "bare" && flags != "-") {
      diag.error({file, r.line}, fmt::format("unknown flag \"{}\"; row skipped", flags));
      continue;
    }
    auto index = static_cast<std::uint32_t>(leaders_.size());
    // One person across countries and organizations: "António Guterres" was
    // Portugal's prime minister and is UN Secretary-General.
    auto [it, fresh] = people.emplace(std::make_pair(std::string(name), 0),
                                      static_cast<std::uint32_t>(people.size()));
    (void)fresh;
    leaders_.push_back({std::string(name), std::string(office), country, org, start, end,
                        flags == "bare", it->second});
    add_phrase(name, index, false);
    for (auto a : list(cell(r, c[3]))) add_phrase(a, index, false);
    auto surnames = list(cell(r, c[2]));
    std::string last;
    if (surnames.empty()) {
      // The last word of the name ("Merkel"), with a particle before it ("de Villepin").
      auto sp = name.rfind(' ');
      last = std::string(sp == std::string_view::npos ? name : name.substr(sp + 1));
      surnames.emplace_back(last);
    }
    for (auto sn : surnames) {
      add_phrase(sn, index, true);
      // "al-Assad" is also "Assad"; "el-Sisi" also "Sisi".
      for (std::string_view pre : {"al-", "Al-", "el-", "El-", "al ", "Al ", "el ", "El "})
        if (sn.size() > pre.size() + 1 && sn.substr(0, pre.size()) == pre)
          add_phrase(sn.substr(pre.size()), index, true);
    }
  }
  // `bare` is said of the person: every row of someone flagged once is.
  std::vector<char> bare(people.size(), 0);
  for (const Leader& l : leaders_) bare[l.person] |= l.bare;
  for (Leader& l : leaders_) l.bare = bare[l.person];
}

void Dictionary::load_titles(const std::string& text, const std::string& file, Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"phrase", "role", "rank"});
  for (const auto& r : t.rows) {
    std::string_view phrase = cell(r, c[0]);
    if (phrase.empty()) {
      diag.error({file, r.line}, "empty title phrase; row skipped");
      continue;
    }
    int rank = 0;
    for (char ch : cell(r, c[2]))
      if (ch >= '0' && ch <= '9') rank = rank * 10 + (ch - '0');
    std::string role(cell(r, c[1]).empty() ? phrase : cell(r, c[1]));
    auto index = static_cast<std::uint32_t>(titles_.size());
    titles_.push_back({std::string(phrase), role, rank});
    add_entity(phrase, EntityKind::title, index);
    std::string plural = plural_title(phrase);
    if (!plural.empty()) {
      titles_.push_back({plural, role, rank, true});
      add_entity(plural, EntityKind::title, index + 1);
    }
  }
}

void Dictionary::load_events(const std::string& text, const std::string& file, Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"pattern", "type", "cameo", "source", "target", "flags"});
  for (const auto& r : t.rows) {
    auto fail = [&](const std::string& why) { diag.error({file, r.line}, why + "; pattern skipped"); };
    std::string_view pattern = cell(r, c[0]), type = cell(r, c[1]), cameo = cell(r, c[2]);
    if (pattern.empty() || type.empty()) {
      fail("empty pattern or type");
      continue;
    }
    if (cameo.size() < 2 || cameo.size() > 4 ||
        !std::all_of(cameo.begin(), cameo.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      fail(fmt::format("\"{}\" is not a 2-4 digit CAMEO code", cameo));
      continue;
    }
    EventPattern base;
    base.text = std::string(pattern);
    base.type = std::string(type);
    base.cameo = std::string(cameo);
    base.line = r.line;
    bool ok = true;
    auto parse_roles = [&](std::string_view s, std::vector<Role>& out) {
      if (s.empty() || s == "-") return;
      for (auto part : split(s, '|')) {
        part = trim(part);
        if (part == "subj") out.push_back({RoleKind::subj, kNoToken});
        else if (part == "obj") out.push_back({RoleKind::obj, kNoToken});
        else if (part == "poss") out.push_back({RoleKind::poss, kNoToken});
        else if (part == "inner") out.push_back({RoleKind::inner, kNoToken});
        else if (part == "outer") out.push_back({RoleKind::outer, kNoToken});
        else if (part == "place") out.push_back({RoleKind::place, kNoToken});
        else if (!part.empty()) out.push_back({RoleKind::prep, vocab_.intern(std::string(part))});
      }
    };
    parse_roles(cell(r, c[3]), base.source);
    parse_roles(cell(r, c[4]), base.target);
    for (auto f : split(cell(r, c[5]), ',')) {
      f = trim(f);
      if (f.empty() || f == "-") continue;
      if (f == "sym") base.flags |= kSymmetric;
      else if (f == "topics") base.flags |= kTopics;
      else if (f == "charact") base.flags |= kCharacterize;
      else if (f == "say") base.flags |= kSay;
      else if (f == "target") base.flags |= kNeedsTarget;
      else if (f == "active") base.flags |= kNoPassive;
      else if (f == "weak") base.flags |= kWeak;
      else if (f == "absorb") base.flags |= kAbsorb;
      else if (f.substr(0, 7) == "status=") {
        base.status = parse_status_name(f.substr(7));
        if (base.status < 0) ok = false;
      } else {
        fail(fmt::format("unknown flag \"{}\"", f));
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // Phrases separated by ';' share the other columns.
    for (auto phrase : split(pattern, ';')) {
    phrase = trim(phrase);
    if (phrase.empty()) continue;
    ok = true;
    // Elements: words with alternatives (a|b), optional words (a?), inflected
    // words (a~), gaps (* or *N).
    struct RawElem {
      std::vector<TokenId> words;
      int gap = -1;
      bool optional = false;
    };
    std::vector<RawElem> elems;
    for (auto w : split(phrase, ' ')) {
      if (w.empty()) continue;
      RawElem e;
      if (w[0] == '*') {
        e.gap = w.size() > 1 ? std::atoi(std::string(w.substr(1)).c_str()) : 4;
        elems.push_back(e);
        continue;
      }
      if (w.back() == '?') {
        e.optional = true;
        w.remove_suffix(1);
      }
      for (auto alt : split(w, '|')) {
        bool infl = !alt.empty() && alt.back() == '~';
        if (infl) alt.remove_suffix(1);
        auto words = lex_phrase(alt);
        if (words.size() != 1) {
          fail(fmt::format("\"{}\" is not one word", alt));
          ok = false;
          break;
        }
        for (const auto& form : infl ? inflect(words[0]) : words) e.words.push_back(vocab_.intern(form));
      }
      if (!ok) break;
      elems.push_back(std::move(e));
    }
    if (!ok) continue;
    if (elems.empty() || elems[0].gap >= 0) {
      fail("a pattern must start with a word");
      continue;
    }
    // Expand optional words into variants.
    std::vector<std::size_t> optional;
    for (std::size_t k = 0; k < elems.size(); ++k)
      if (elems[k].optional) optional.push_back(k);
    if (optional.size() > 4) {
      fail("more than 4 optional words");
      continue;
    }
    for (std::uint32_t mask = 0; mask < (1u << optional.size()); ++mask) {
      std::vector<const RawElem*> seq;
      for (std::size_t k = 0, o = 0; k < elems.size(); ++k) {
        if (elems[k].optional) {
          if (mask & (1u << o++)) continue;  // this variant drops it
        }
        seq.push_back(&elems[k]);
      }
      if (seq.empty() || seq[0]->gap >= 0) continue;
      std::size_t anchor = 0;
      while (anchor < seq.size() && seq[anchor]->gap < 0) ++anchor;
      EventPattern p = base;
      for (std::size_t k = anchor; k < seq.size(); ++k)
        p.tail.push_back({seq[k]->words, seq[k]->gap < 0 ? 0 : seq[k]->gap});
      auto index = static_cast<std::uint32_t>(patterns_.size());
      patterns_.push_back(std::move(p));
      // Every combination of the anchor's alternatives is a trie phrase.
      std::vector<std::vector<TokenId>> phrases{{}};
      for (std::size_t k = 0; k < anchor; ++k) {
        std::vector<std::vector<TokenId>> next;
        for (const auto& ph : phrases)
          for (TokenId w : seq[k]->words) {
            next.push_back(ph);
            next.back().push_back(w);
          }
        phrases.swap(next);
        if (phrases.size() > 4096) break;
      }
      for (auto& ph : phrases) pending_triggers_.emplace_back(std::move(ph), index);
    }
    }
  }
}

void Dictionary::load_cues(const std::string& text, const std::string& file, Diagnostics& diag) {
  Tsv t = parse_tsv(text);
  auto c = columns(t, file, {"phrase", "kind", "value"});
  for (const auto& r : t.rows) {
    std::string_view phrase = cell(r, c[0]), kind = cell(r, c[1]), value = cell(r, c[2]);
    Cue cue{CueKind::status, 0};
    if (kind == "status") {
      cue.value = parse_status_name(value);
      if (cue.value < 0) {
        diag.error({file, r.line}, fmt::format("unknown status \"{}\"; row skipped", value));
        continue;
      }
    } else if (kind == "tone" && (value == "+" || value == "-")) {
      cue.kind = CueKind::tone;
      cue.value = value == "+" ? 1 : -1;
    } else {
      diag.error({file, r.line}, fmt::format("unknown cue \"{}\" \"{}\"; row skipped", kind, value));
      continue;
    }
    if (phrase.empty()) continue;
    auto index = static_cast<std::uint32_t>(cues_.size());
    cues_.push_back(cue);
    pending_cues_.emplace_back(intern_phrase(phrase), index);
  }
}

void Dictionary::finish() {
  // Dates, pronouns and grammar words need ids even if no dictionary uses them.
  add_grammar();
  for (auto& [ph, v] : pending_entities_) entity_matcher_.add(ph, v);
  for (auto& [ph, v] : pending_triggers_) trigger_matcher_.add(ph, v);
  for (auto& [ph, v] : pending_cues_) cue_matcher_.add(ph, v);
  for (auto& [ph, v] : pending_leaders_) leader_matcher_.add(ph, v);
  pending_entities_.clear();
  pending_leaders_.clear();
  pending_triggers_.clear();
  pending_cues_.clear();
  classes_.resize(vocab_.size(), 0);
  entity_matcher_.freeze(vocab_.size());
  trigger_matcher_.freeze(vocab_.size());
  cue_matcher_.freeze(vocab_.size());
  leader_matcher_.freeze(vocab_.size());
}

std::shared_ptr<const Dictionary> Dictionary::from_sources(const DictionarySources& src,
                                                           Diagnostics& diag) {
  auto d = std::make_shared<Dictionary>();
  d->load_countries(src.countries, "countries.tsv", diag);
  d->load_cities(src.cities, "cities.tsv", diag);
  d->load_organizations(src.organizations, "organizations.tsv", diag);
  d->load_titles(src.titles, "titles.tsv", diag);
  d->load_events(src.events, "events.tsv", diag);
  d->load_cues(src.cues, "cues.tsv", diag);
  if (!src.leaders.empty()) d->load_leaders(src.leaders, "leaders.tsv", diag);
  if (!src.country_codes.empty())
    d->load_country_codes(src.country_codes, "country_codes.tsv", diag);
  if (!src.states.empty()) d->load_states(src.states, "states.tsv", diag);
  if (!src.seats.empty()) d->load_seats(src.seats, "seats.tsv", diag);
  d->finish();
  return d;
}

std::shared_ptr<const Dictionary> Dictionary::load(const std::string& data_dir, Diagnostics& diag) {
  std::string dir = data_dir.empty() ? "." : data_dir;
  if (dir.back() != '/') dir += '/';
  auto d = std::make_shared<Dictionary>();
  d->load_countries(read_file(dir + "countries.tsv"), dir + "countries.tsv", diag);
  d->load_cities(read_file(dir + "cities.tsv"), dir + "cities.tsv", diag);
  // Provinces and states (scripts/make-regions.py): places, read like cities.
  if (std::ifstream(dir + "regions.tsv")) d->load_cities(read_file(dir + "regions.tsv"), dir + "regions.tsv", diag, true);
  d->load_organizations(read_file(dir + "organizations.tsv"), dir + "organizations.tsv", diag);
  d->load_titles(read_file(dir + "titles.tsv"), dir + "titles.tsv", diag);
  d->load_events(read_file(dir + "events.tsv"), dir + "events.tsv", diag);
  d->load_cues(read_file(dir + "cues.tsv"), dir + "cues.tsv", diag);
  d->load_leaders(read_file(dir + "leaders.tsv"), dir + "leaders.tsv", diag);
  if (std::ifstream(dir + "country_codes.tsv"))
    d->load_country_codes(read_file(dir + "country_codes.tsv"), dir + "country_codes.tsv", diag);
  if (std::ifstream(dir + "states.tsv"))
    d->load_states(read_file(dir + "states.tsv"), dir + "states.tsv", diag);
  if (std::ifstream(dir + "seats.tsv")) d->load_seats(read_file(dir + "seats.tsv"), dir + "seats.tsv", diag);
  d->finish();
  return d;
}

}  // namespace dipgraph::ingest
