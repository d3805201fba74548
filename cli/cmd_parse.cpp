// dipgraph parse: the syntax stage's view of a text, as CoNLL-U on stdout.
//
//   dipgraph parse [--no-parse] INPUT...          articles (as `extract` reads them)
//   dipgraph parse --conllu [--no-parse] FILE...  the sentences and words of CoNLL-U files
//
// Articles are cut into sentences by the reader and into UD-style words by
// the extractor's lexer (possessive "'s" and "n't" split off, a hyphen inside
// a word is a word "-"); each sentence is printed with "# sent_id" (article
// id and sentence number) and "# text". With --conllu the files' sentences,
// words, comments and multiword ranges are kept, and UPOS, XPOS, LEMMA, HEAD
// and DEPREL are replaced by ours (FEATS and DEPS become "_"), so the output
// can be scored against the file (scripts/score-conllu.py). --no-parse
// leaves HEAD and DEPREL as "_". Unreadable inputs are reported and skipped
// (exit 1); a malformed CoNLL-U file or missing model exits 2.
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "graph/error.hpp"
#include "ingest/read/article.hpp"
#include "ingest/read/document.hpp"
#include "ingest/syntax/lexer.hpp"
#include "ingest/syntax/analyzer.hpp"
#include "ingest/syntax/conllu.hpp"

namespace dipgraph::cli {

namespace {

using namespace dipgraph::syntax;

struct ParseFlags {
  bool conllu = false;
  bool no_parse = false;
  std::vector<std::string> inputs;
};

// The UD words of text[begin, end): the lexer's words with "'s" / "'" of a
// possessive, "n't" and inner hyphens as words of their own. Views into text.
void ud_words(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<ingest::RawTok>& raw, std::vector<std::string_view>& out) {
  raw.clear();
  out.clear();
  ingest::lex_raw(text, begin, end, raw);
  for (const ingest::RawTok& r : raw) {
    if ((r.flags & ingest::kHyphenJoined) && r.start > begin && text[r.start - 1] == '-')
      out.push_back(text.substr(r.start - 1, 1));
    out.push_back(text.substr(r.start, r.end - r.start));
    if (r.flags & ingest::kPossessive) {
      std::size_t n = (r.end + 1 < end && (text[r.end + 1] | 0x20) == 's') ? 2 : 1;
      out.push_back(text.substr(r.end, n));
    }
  }
}

// Our annotation of `words` into the CoNLL-U word lines.
void fill(const Analysis& a, bool parsed, std::vector<ConlluWord>& words) {
  const auto& xn = xpos_names();
  for (std::size_t i = 0; i < words.size(); ++i) {
    ConlluWord& w = words[i];
    w.upos = upos_name(a.upos[i]);
    w.xpos = xn[a.xpos[i]];
    w.lemma = a.lemma[i].empty() ? "_" : a.lemma[i];
    w.feats = "_";
    w.deps = "_";
    if (parsed) {
      w.head = a.head[i] + 1;
      w.deprel = deprel_name(a.rel[i]);
    } else {
      w.head = -1;
      w.deprel = "_";
    }
    if (w.misc.empty()) w.misc = "_";
  }
}

void run_parse(const ParseFlags& flags, Globals& g) {
  auto analyzer = Analyzer::load(resolve_data_dir(g.data_dir) + "/syntax", !flags.no_parse);
  const bool parsed = analyzer->parser() != nullptr;
  Analyzer::Scratch scratch;
  Analysis a;
  std::vector<std::string_view> words;
  std::size_t sentences = 0, total_words = 0;
  if (flags.conllu) {
    for (const std::string& path : flags.inputs) {
      std::ifstream in(path);
      if (!in) throw Error(path + ": cannot open");
      for (ConlluSentence& s : read_conllu(in, path)) {
        words.clear();
        for (const ConlluWord& w : s.words) words.emplace_back(w.form);
        analyzer->analyze(words, a, scratch);
        fill(a, parsed, s.words);
        write_conllu(std::cout, s);
        ++sentences;
        total_words += words.size();
      }
    }
  } else {
    Diagnostics diag;
    std::vector<ingest::RawTok> raw;
    ingest::ReadOptions ro;
    std::size_t skipped = ingest::read_articles(flags.inputs, ro, diag, [&](ingest::Article&& art) {
      ingest::Document doc = ingest::make_document(std::move(art), "", diag);
      for (std::uint32_t k = 0; k < doc.sentences.size(); ++k) {
        const ingest::Sentence& sent = doc.sentences[k];
        ud_words(doc.text, sent.start, sent.end, raw, words);
        if (words.empty()) continue;
        analyzer->analyze(words, a, scratch);
        ConlluSentence s;
        s.comments.push_back(fmt::format("# sent_id = {}-{}", doc.article.id, k + 1));
        std::string text(doc.sentence_text(k));
        for (char& c : text)
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        s.comments.push_back("# text = " + text);
        s.words.resize(words.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
          s.words[i].form = words[i];
          const char* after = words[i].data() + words[i].size();
          bool space = after < doc.text.data() + sent.end &&
                       (*after == ' ' || *after == '\n' || *after == '\t');
          s.words[i].misc = (space || i + 1 == words.size()) ? "_" : "SpaceAfter=No";
        }
        fill(a, parsed, s.words);
        write_conllu(std::cout, s);
        ++sentences;
        total_words += words.size();
      }
    });
    if (skipped > 0) g.exit_code = kExitPartial;
  }
  std::cout.flush();
  if (!std::cout) throw Error("parse: cannot write to standard output");
  if (!g.quiet) std::fprintf(stderr, "parse: %zu sentences, %zu words\n", sentences, total_words);
}

}  // namespace

void add_parse_command(CLI::App& app, Globals& g) {
  auto flags = std::make_shared<ParseFlags>();
  auto* cmd = app.add_subcommand("parse", "tag, lemmatize and parse; CoNLL-U on stdout");
  cmd->add_flag("--conllu", flags->conllu,
                "inputs are CoNLL-U files: keep their sentences and words, replace the annotation");
  cmd->add_flag("--no-parse", flags->no_parse, "tags and lemmas only (HEAD and DEPREL are _)");
  cmd->add_option("inputs", flags->inputs, "files, directories or - for stdin")->required();
  cmd->callback([flags, &g] { run_parse(*flags, g); });
}

}  // namespace dipgraph::cli
