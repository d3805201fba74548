// dipgraph changes: how country ties changed between two periods
// (docs/queries.md, "changes"): the ties that appeared, vanished, warmed
// and cooled most, with counts, tone before and after, and the facts that
// moved them; text, --json or --csv. Exit 1 when nothing changed.
#include <fmt/core.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "export/exporters.hpp"
#include "graph/error.hpp"
#include "queries/changes.hpp"

namespace dipgraph::cli {

namespace {

struct ChangesArgs {
  GraphSource source;
  std::string from, to;
  std::size_t top = 10;
  bool json = false, csv = false;
};

std::string num(double x) {
  if (!std::isfinite(x)) return "null";
  return x == 0 ? "0" : fmt::format("{:.6g}", x);
}

std::string jstr(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string code(const KnowledgeGraph& g, VertexId c) {
  std::string_view iso = g.str(g.vertex(c).country);
  return std::string(iso.empty() ? g.label(c) : iso);
}

std::string tone_text(const ToneSummary& t) {
  if (!t.count) return "none";
  return fmt::format("{} ({:+.1f})", t.count, t.mean_goldstein());
}

std::string tone_json(const KnowledgeGraph& g, const ToneSummary& t) {
  return fmt::format(
      "{{\"facts\": {}, \"cooperative\": {}, \"conflictual\": {}, \"mean_goldstein\": {}, "
      "\"first_date\": {}, \"last_date\": {}}}",
      t.count, t.cooperative(), t.conflictual(), t.count ? num(t.mean_goldstein()) : "null",
      jstr(g.str(t.first_date)), jstr(g.str(t.last_date)));
}

void run_changes(const ChangesArgs& a, Globals& glob) {
  if (a.json && a.csv) throw Error("--json and --csv exclude each other");
  DateWindow from = parse_period(a.from, "--from"), to = parse_period(a.to, "--to");
  if (!a.source.filter.since.empty() || !a.source.filter.until.empty())
    throw Error("changes: the periods are --from and --to; --since/--until do not apply");
  Diagnostics diag;
  KnowledgeGraph g = load_graph(a.source, glob, diag);
  Changes ch = find_changes(g, from, to, a.top);
  const std::pair<ChangeKind, const std::vector<TieChange>*> lists[] = {
      {ChangeKind::appeared, &ch.appeared},
      {ChangeKind::vanished, &ch.vanished},
      {ChangeKind::warmed, &ch.warmed},
      {ChangeKind::cooled, &ch.cooled}};
  std::size_t total = 0;
  for (auto& [k, v] : lists) total += v->size();
  std::string out;
  if (a.csv) {
    out = "change,a_id,a_name,b_id,b_name,facts_before,facts_after,goldstein_before,"
          "goldstein_after,shift,evidence_event,evidence_date,evidence_type,article,sentence\r\n";
    for (auto& [kind, list] : lists)
      for (const TieChange& c : *list) {
        VertexId ev = c.evidence.empty() ? kNoVertex : c.evidence.front();
        const VertexData* d = ev == kNoVertex ? nullptr : &g.vertex(ev);
        std::string fields[] = {
            std::string(to_string(kind)), std::string(g.id(c.a)), std::string(g.label(c.a)),
            std::string(g.id(c.b)), std::string(g.label(c.b)), std::to_string(c.before.count),
            std::to_string(c.after.count), c.before.count ? num(c.before.mean_goldstein()) : "",
            c.after.count ? num(c.after.mean_goldstein()) : "", num(c.shift),
            d ? std::string(g.id(ev)) : "", d ? std::string(g.str(d->date)) : "",
            d ? std::string(g.str(d->type)) : "", d ? std::string(g.str(d->article)) : "",
            d ? std::string(g.str(d->evidence)) : ""};
        for (std::size_t i = 0; i < std::size(fields); ++i) {
          if (i) out += ',';
          out += csv_field(fields[i]);
        }
        out += "\r\n";
      }
  } else if (a.json) {
    out = fmt::format("{{\"from\": {{\"since\": {}, \"until\": {}, \"facts\": {}}}, \"to\": "
                      "{{\"since\": {}, \"until\": {}, \"facts\": {}}}",
                      jstr(from.since), jstr(from.until), ch.facts_before, jstr(to.since),
                      jstr(to.until), ch.facts_after);
    for (auto& [kind, list] : lists) {
      out += fmt::format(",\n \"{}\": [", to_string(kind));
      for (std::size_t i = 0; i < list->size(); ++i) {
        const TieChange& c = (*list)[i];
        out += fmt::format(
            "{}\n  {{\"a\": {{\"id\": {}, \"label\": {}}}, \"b\": {{\"id\": {}, \"label\": {}}}, "
            "\"before\": {}, \"after\": {}, \"shift\": {}, \"evidence\": [",
            i ? "," : "", jstr(g.id(c.a)), jstr(g.label(c.a)), jstr(g.id(c.b)), jstr(g.label(c.b)),
            tone_json(g, c.before), tone_json(g, c.after), num(c.shift));
        for (std::size_t j = 0; j < c.evidence.size(); ++j) {
          const VertexData& d = g.vertex(c.evidence[j]);
          out += fmt::format(
              "{}{{\"id\": {}, \"type\": {}, \"date\": {}, \"goldstein\": {}, \"article\": {}, "
              "\"text\": {}}}",
              j ? ", " : "", jstr(g.id(c.evidence[j])), jstr(g.str(d.type)), jstr(g.str(d.date)),
              num(d.goldstein), jstr(g.str(d.article)), jstr(g.str(d.evidence)));
        }
        out += "]}";
      }
      out += "]";
    }
    out += "}\n";
  } else {
    out = fmt::format("Changes from {}..{} ({} facts) to {}..{} ({} facts)\n", from.since,
                      from.until, ch.facts_before, to.since, to.until, ch.facts_after);
    for (auto& [kind, list] : lists) {
      if (list->empty()) continue;
      out += fmt::format("\n{} ({}):\n", to_string(kind), list->size());
      for (const TieChange& c : *list) {
        std::string shift =
            c.before.count && c.after.count ? fmt::format(", tone {:+.1f}", c.shift) : "";
        out += fmt::format("  {} \u2013 {}  facts {} \u2192 {}{}\n", code(g, c.a), code(g, c.b),
                           tone_text(c.before), tone_text(c.after), shift);
        for (VertexId ev : c.evidence) {
          const VertexData& d = g.vertex(ev);
          out += fmt::format("      {} {} ({:+.1f})", d.date ? g.str(d.date) : "undated",
                             g.str(d.type), d.goldstein);
          if (d.evidence) out += fmt::format(": \"{}\" [{}]", g.str(d.evidence), g.str(d.article));
          out += "\n";
        }
      }
    }
  }
  if (!total) std::fprintf(stderr, "dipgraph: no tie changed between the two periods\n");
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  glob.exit_code = !total || diag.error_count() ? kExitPartial : kExitOk;
}

}  // namespace

void add_changes_command(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ChangesArgs>();
  auto* cmd = app.add_subcommand(
      "changes", "country ties that appeared, vanished, warmed and cooled between two periods");
  cmd->add_option("--from", args->from, "the first period: FROM..TO of EDTF dates, or one date")
      ->required();
  cmd->add_option("--to", args->to, "the second period")->required();
  add_graph_source_options(cmd, args->source);
  cmd->add_option("--top", args->top, "at most N ties of each kind (default 10, 0 = all)");
  cmd->add_flag("--json", args->json, "JSON output with stable ids");
  cmd->add_flag("--csv", args->csv, "CSV table (RFC 4180) instead of text");
  cmd->callback([args, &g] { run_changes(*args, g); });
}

}  // namespace dipgraph::cli
