// bench_ingest: throughput of the ingest stages, in MB/s of raw article text.
//
//   bench_ingest [--mb N] [--dir DIR] [--keep]
//
// Without --dir it generates a synthetic corpus of about N MB (default 64):
// news-like articles with datelines, hard-wrapped lines, smart quotes, em
// dashes, hyphenation at line ends, bracket insertions, URLs and some
// non-ASCII names, written to a temporary directory as .txt files and as
// one .jsonl batch. It then times, single-threaded: reading the .txt
// directory, reading the .jsonl batch, normalize_text, tokenize,
// split_sentences, make_document, and read + make_document together.
// Times are CPU time of the process (best of three runs), so the figures are
// MB/s per core.
// With --dir it reads DIR (any inputs read_articles accepts) instead.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/read/article.hpp"
#include "ingest/read/document.hpp"

using namespace dipgraph;
using namespace dipgraph::ingest;
namespace fs = std::filesystem;

namespace {

struct Rng {
  std::uint64_t s = 0x9E3779B97F4A7C15ull;
  std::uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[below(N)];
  }
};

constexpr const char* kPlaces[] = {"Nairobi", "Addis Ababa", "Brasília", "Buenos Aires", "Tokyo",
                                   "Seoul",   "Paris",       "Khartoum", "New Delhi",    "Dhaka",
                                   "Moscow",  "Islamabad",   "Kraków",   "São Paulo",    "Ankara"};
constexpr const char* kCountries[] = {
    "Kenya", "Ethiopia",   "Brazil", "Argentina", "Japan",  "South Korea", "France", "Sudan",
    "India", "Bangladesh", "Russia", "Pakistan",  "Poland", "Türkiye",     "Egypt"};
constexpr const char* kPeople[] = {"Foreign Minister Amina Odhiambo",
                                   "President Tomás Ferreira",
                                   "Prime Minister Kenji Morita",
                                   "Sen. Laura Whitfield",
                                   "Gen. Idris Mahmoud",
                                   "Mr. Rahul Verma",
                                   "Deputy Prime Minister Oleg Smirnov",
                                   "Dr. Marta Kowalska"};
constexpr const char* kVerbs[] = {"met",
                                  "criticized",
                                  "praised",
                                  "signed an agreement with",
                                  "held talks with",
                                  "threatened",
                                  "pledged aid to",
                                  "postponed a visit to",
                                  "urged",
                                  "welcomed"};
constexpr const char* kFiller[] = {"during a two-day visit",
                                   "on Thursday",
                                   "according to a note the ministry put out",
                                   "in the capital",
                                   "amid rising tensions over water rights",
                                   "after months of negotiations",
                                   "at the summit of the African Union",
                                   "in a joint press conference",
                                   "as part of a U.S.-backed initiative",
                                   "despite objections from the opposition",
                                   "worth about 2.5 billion dollars",
                                   "at 10:30 local time",
                                   "for the 1,000th time"};

std::string sentence(Rng& r) {
  std::string s;
  switch (r.below(5)) {
    case 0:
      s = fmt::format("{} {} {} {}, {}.", r.pick(kPeople), r.pick(kVerbs), r.pick(kCountries),
                      r.pick(kFiller), r.pick(kFiller));
      break;
    case 1:
      s = fmt::format(
          "\xE2\x80\x9CWe will work with {} on trade and security,\xE2\x80\x9D {} said {}.",
          r.pick(kCountries), r.pick(kPeople), r.pick(kFiller));
      break;
    case 2:
      s = fmt::format(
          "Officials in {} said the talks \xE2\x80\x94 the first since 2019 \xE2\x80\x94 "
          "would resume {}, and that the [foreign] ministers would meet again.",
          r.pick(kPlaces), r.pick(kFiller));
      break;
    case 3:
      s = fmt::format("{}\xE2\x80\x99s government {} {} {} (see https://example.org/news/{}).",
                      r.pick(kCountries), r.pick(kVerbs), r.pick(kCountries), r.pick(kFiller),
                      r.below(100000));
      break;
    default:
      s = fmt::format(
          "The co-operation between {} and {} grew by 3.5 percent {}\xE2\x80\xA6 analysts said.",
          r.pick(kCountries), r.pick(kCountries), r.pick(kFiller));
      break;
  }
  return s;
}

// One article, hard-wrapped at 76 columns, paragraphs of 2-4 sentences.
std::string article(Rng& r) {
  std::string text = fmt::format("{} {}, {} -- ", r.pick({"March", "July", "October"}),
                                 1 + r.below(28), r.pick(kPlaces));
  const std::size_t paragraphs = 4 + r.below(8);
  for (std::size_t p = 0; p < paragraphs; ++p) {
    std::string para;
    const std::size_t n = 2 + r.below(3);
    for (std::size_t k = 0; k < n; ++k) {
      if (!para.empty()) para += ' ';
      para += sentence(r);
    }
    // Wrap at 76 columns (by bytes), at spaces.
    std::size_t col = p == 0 ? text.size() : 0, last = 0;
    for (std::size_t k = 0; k < para.size(); ++k, ++col) {
      if (para[k] == ' ') last = k;
      if (col >= 76 && last != 0) {
        para[last] = '\n';
        col = k - last;
        last = 0;
      }
    }
    text += para;
    text += p + 1 < paragraphs ? "\n\n" : "\n";
  }
  return text;
}

std::string json_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// CPU seconds of this process (user + system): MB/s per core, not skewed
// by other programs waiting for the same cores.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void report(const char* stage, std::size_t bytes, double secs) {
  fmt::print("{:<32} {:>8.1f} MB in {:>6.3f} s CPU  {:>8.1f} MB/s\n", stage, bytes / 1e6, secs,
             bytes / 1e6 / secs);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = 64;
  std::string dir;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--mb" && i + 1 < argc) {
      mb = std::strtoul(argv[++i], nullptr, 10);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: bench_ingest [--mb N] [--dir DIR] [--keep]\n");
      return 2;
    }
  }

  Diagnostics diag(true);
  ReadOptions options;
  options.default_date = "2025-07-11";
  std::vector<std::string> inputs;
  fs::path tmp;
  if (dir.empty()) {
    tmp = fs::temp_directory_path() / fmt::format("dipgraph_bench_ingest_{}", ::getpid());
    fs::create_directories(tmp / "txt");
    Rng rng;
    std::size_t bytes = 0, files = 0;
    std::ofstream batch(tmp / "batch.jsonl", std::ios::binary);
    while (bytes < mb * 1000000) {
      const std::string a = article(rng);
      std::ofstream(tmp / "txt" / fmt::format("{:06}.txt", files++), std::ios::binary) << a;
      batch << "{\"id\":\"b" << files << "\",\"text\":\"" << json_escape(a) << "\"}\n";
      bytes += a.size();
    }
    fmt::print("generated {} articles, {:.1f} MB, in {}\n", files, bytes / 1e6, tmp.string());
  }

  // Each stage runs three times; the best run counts (the machine is shared).
  auto best_of = [](auto&& run) {
    double best = 1e99;
    for (int k = 0; k < 3; ++k) {
      const double t0 = cpu_seconds();
      run();
      best = std::min(best, cpu_seconds() - t0);
    }
    return best;
  };
  const std::string txt_input = dir.empty() ? (tmp / "txt").string() : dir;

  std::vector<Article> articles;
  std::size_t raw_bytes = 0;
  read_articles({txt_input}, options, diag, [&](Article&& a) {
    raw_bytes += a.text.size();
    articles.push_back(std::move(a));
  });
  Diagnostics quiet(false);
  report(dir.empty() ? "read .txt files" : "read inputs", raw_bytes, best_of([&] {
           read_articles({txt_input}, options, quiet, [&](Article&& a) { (void)a; });
         }));
  if (dir.empty()) {
    report("read .jsonl batch", raw_bytes, best_of([&] {
             read_articles({(tmp / "batch.jsonl").string()}, options, quiet,
                           [&](Article&& a) { (void)a; });
           }));
  }

  std::vector<std::string> normalized(articles.size());
  std::size_t norm_bytes = 0;
  for (std::size_t k = 0; k < articles.size(); ++k) {
    normalized[k] = normalize_text(articles[k].text, articles[k].origin, diag);
    norm_bytes += normalized[k].size();
  }
  report("normalize_text", raw_bytes, best_of([&] {
           for (const Article& a : articles) normalize_text(a.text, a.origin, quiet);
         }));

  std::size_t token_count = 0, sentence_count = 0;
  report("tokenize (normalized bytes)", norm_bytes, best_of([&] {
           token_count = 0;
           for (const std::string& t : normalized) token_count += tokenize(t).size();
         }));

  std::vector<std::vector<Token>> tokens(articles.size());
  for (std::size_t k = 0; k < articles.size(); ++k) tokens[k] = tokenize(normalized[k]);
  report("split_sentences (normalized)", norm_bytes, best_of([&] {
           sentence_count = 0;
           for (std::size_t k = 0; k < articles.size(); ++k)
             sentence_count += split_sentences(normalized[k], tokens[k]).size();
         }));
  tokens.clear();
  tokens.shrink_to_fit();

  report("make_document", raw_bytes, best_of([&] {
           for (const Article& a : articles) make_document(a, options.default_date, quiet);
         }));
  report("read + make_document", raw_bytes, best_of([&] {
           read_articles({txt_input}, options, quiet, [&](Article&& a) {
             make_document(std::move(a), options.default_date, quiet);
           });
         }));
  if (dir.empty()) {
    report("read .jsonl + make_document", raw_bytes, best_of([&] {
             read_articles({(tmp / "batch.jsonl").string()}, options, quiet, [&](Article&& a) {
               make_document(std::move(a), options.default_date, quiet);
             });
           }));
  }
  fmt::print("{} articles, {} tokens, {} sentences\n", articles.size(), token_count,
             sentence_count);

  if (!tmp.empty() && !keep) fs::remove_all(tmp);
  return 0;
}
