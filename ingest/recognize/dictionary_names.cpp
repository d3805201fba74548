// dictionary_names: the recognizer's phrases (Dictionary::entity_text,
// leader_text) turned into resolver entries with stable ids.
#include "ingest/recognize/dictionary_names.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "graph/fact.hpp"

namespace dipgraph::ingest {

NameTable dictionary_names(const Dictionary& dict) {
  NameTable table;
  const auto& countries = dict.countries();
  const auto& orgs = dict.organizations();
  auto country = [&](std::size_t i, std::string_view text, NameRank rank, const char* what) {
    table.add(text, {"country:" + countries[i].code, countries[i].name, rank, what, {}, {}});
  };
  for (std::size_t i = 0; i < countries.size(); ++i) {
    const Country& c = countries[i];
    country(i, c.code, NameRank::code, "ISO alpha-3");
    country(i, c.iso2, NameRank::related, "ISO alpha-2");
    country(i, c.cow, NameRank::related, "Correlates of War number");
    for (std::size_t s = 0, e; s <= c.cow_letters.size(); s = e + 1) {  // "GMY;GFR"
      e = std::min(c.cow_letters.find(';', s), c.cow_letters.size());
      country(i, std::string_view(c.cow_letters).substr(s, e - s), NameRank::related,
              "Correlates of War code");
    }
  }
  for (std::size_t i = 0; i < orgs.size(); ++i)
    table.add(orgs[i].code, {"org:" + orgs[i].code, orgs[i].name, NameRank::code, "code", {}, {}});
  const auto& entries = dict.entity_entries();
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const EntityEntry& x = entries[e];
    std::string_view text = dict.entity_text(e);
    switch (x.kind) {
      case EntityKind::country:
        country(x.index, text, NameRank::name, "name");
        break;
      case EntityKind::demonym:
        country(x.index, text, NameRank::related, "demonym");
        break;
      case EntityKind::capital:
        country(x.index, text, NameRank::related, "capital");
        break;
      case EntityKind::metonym:
        country(x.index, text, NameRank::related, "seat of government");
        break;
      case EntityKind::org:
        table.add(
            text,
            {"org:" + orgs[x.index].code, orgs[x.index].name, NameRank::name, "name", {}, {}});
        break;
      case EntityKind::city:
      case EntityKind::title:
        break;  // places and titles are not entities a query names
    }
  }
  // States in time: borrowed names, and who came before and after whom.
  auto iso = [](int day) {
    return fmt::format("{:04}-{:02}-{:02}", day / 10000, day / 100 % 100, day % 100);
  };
  for (const Borrow& b : dict.borrows()) {
    std::string what =
        fmt::format("{} {}",
                    entries[b.entry].kind == EntityKind::demonym   ? "demonym"
                    : entries[b.entry].kind == EntityKind::capital ? "capital"
                                                                   : "seat of government",
                    b.to ? "until " + iso(b.to) : "since " + iso(b.from));
    table.add(dict.entity_text(b.entry),
              {"country:" + countries[b.country].code, countries[b.country].name, NameRank::former,
               what, b.from ? iso(b.from) : "", b.to ? iso(b.to) : ""});
  }
  auto describe = [&](int i) {
    return fmt::format("{} (country:{})", countries[i].name, countries[i].code);
  };
  std::unordered_map<int, std::string> before;  // successor -> its predecessors and days
  std::unordered_map<int, std::string> last_day;  // successor -> its latest succession day
  for (const StateSpan& s : dict.states()) {
    std::string after;
    for (int x : s.successors) {
      after += (after.empty() ? "" : " and ") + describe(x);
      std::string& b = before[x];
      b += (b.empty() ? "" : ", ") + describe(s.country) + (s.to ? " on " + iso(s.to) : "");
      if (s.to) last_day[x] = std::max(last_day[x], iso(s.to));
    }
    if (!s.successors.empty() && s.to)
      table.set_note("country:" + countries[s.country].code,
                     fmt::format("{} is a former state (until {}), succeeded by {}; the facts of "
                                 "each are their own",
                                 describe(s.country), iso(s.to), after));
  }
  for (const auto& [i, text] : before)
    table.set_note(
        "country:" + countries[i].code,
        fmt::format("{} succeeded {}; the facts of each are their own", describe(i), text), last_day[i]);
  const auto& leaders = dict.leaders();
  const auto& leader_entries = dict.leader_entries();
  for (std::size_t e = 0; e < leader_entries.size(); ++e) {
    const Leader& l = leaders[leader_entries[e].leader];
    bool surname = leader_entries[e].surname;
    table.add(dict.leader_text(e), {"person:" + slugify(l.name),
                                    l.name,
                                    surname ? NameRank::surname : NameRank::name,
                                    surname ? "surname" : "name",
                                    {},
                                    {}});
  }
  return table;
}

}  // namespace dipgraph::ingest
