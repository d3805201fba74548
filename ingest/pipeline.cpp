// The extraction pipeline (pipeline.hpp): a reader thread finds articles,
// worker threads turn each into a Document and its Facts, and the calling
// thread hands the results to the sink in input order.
//
// Work is handed out one article at a time through a bounded queue, so
// memory stays bounded by (queue + workers + reorder window) articles and a
// slow article does not stall the others. The Extractor is built once and
// shared read-only by all workers.
#include "ingest/pipeline.hpp"

#include <fmt/core.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "ingest/read/document.hpp"
#include "ingest/code/extractor.hpp"

namespace dipgraph::ingest {

namespace {

// Gives the evidence of `article` in `facts` the article's title, URL,
// outlet and date (a date of its metadata or dateline, not --date's).
void add_provenance(const Article& article, std::vector<Fact>& facts) {
  const bool dated = article.date_source == DateSource::metadata || article.date_source == DateSource::dateline;
  for (Fact& f : facts) {
    for (Evidence& e : f.evidence) {
      if (e.article != article.id) continue;
      e.title = article.title;
      e.url = article.url;
      e.outlet = article.source;
      if (dated) e.published = article.date;
    }
    f.sources = count_sources(f.evidence);
  }
}

struct Result {
  std::vector<Fact> facts;
  std::size_t bytes = 0;
};

Result process(const Extractor& extractor, Article&& article, const ExtractOptions& options,
               Diagnostics& diag) {
  Result r;
  r.bytes = article.text.size();
  Document doc = make_document(std::move(article), options.default_date, diag);
  // One fact more than the limit tells whether the article had more.
  const std::size_t limit = options.max_facts_per_article;
  r.facts = extractor.extract(doc, limit == static_cast<std::size_t>(-1) ? limit : limit + 1);
  add_provenance(doc.article, r.facts);
  if (r.facts.size() > limit) {
    r.facts.resize(limit);
    diag.warning(Place{doc.article.origin},
                 fmt::format("more than {} facts in this article (--max-facts-per-article); "
                             "the first {} kept",
                             limit, limit));
  }
  return r;
}

}  // namespace

ExtractStats extract_inputs(const std::vector<std::string>& inputs, const ExtractOptions& options,
                            Diagnostics& diag,
                            const std::function<void(std::vector<Fact>&&)>& sink,
                            const std::function<void(const ExtractStats&)>& progress) {
  auto extractor = Extractor::load(options.data_dir, diag);
  ReadOptions read = options.read;
  if (read.default_date.empty()) read.default_date = options.default_date;
  ExtractStats stats;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;

  auto deliver = [&](Result&& r) {
    stats.articles += 1;
    stats.bytes += r.bytes;
    stats.facts += r.facts.size();
    sink(std::move(r.facts));
  };
  auto last_progress = std::chrono::steady_clock::now();
  auto maybe_progress = [&] {
    if (!progress) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress < std::chrono::milliseconds(500)) return;
    last_progress = now;
    progress(stats);
  };

  if (threads == 1) {
    stats.skipped_inputs = read_articles(inputs, read, diag, [&](Article&& a) {
      deliver(process(*extractor, std::move(a), options, diag));
      maybe_progress();
    });
    if (progress) progress(stats);
    return stats;
  }

  std::mutex mu;
  std::condition_variable work_cv, space_cv, done_cv;
  std::deque<std::pair<std::size_t, Article>> queue;
  std::map<std::size_t, Result> results;
  const std::size_t max_queue = 4 * threads;
  const std::size_t max_pending = 16 * threads;  // results waiting for an earlier one
  std::size_t read_count = 0, next_out = 0;
  bool reading_done = false, stop = false;
  std::exception_ptr failure;

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<std::size_t, Article> job;
        {
          std::unique_lock lock(mu);
          work_cv.wait(lock, [&] { return !queue.empty() || reading_done || stop; });
          if (stop || queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
          space_cv.notify_one();
        }
        Result r;
        try {
          r = process(*extractor, std::move(job.second), options, diag);
        } catch (...) {
          std::lock_guard lock(mu);
          if (!failure) failure = std::current_exception();
          stop = true;
          work_cv.notify_all();
          space_cv.notify_all();
          done_cv.notify_all();
          return;
        }
        std::lock_guard lock(mu);
        results.emplace(job.first, std::move(r));
        done_cv.notify_one();
      }
    });
  }
  std::thread reader([&] {
    try {
      std::size_t skipped = read_articles(inputs, read, diag, [&](Article&& a) {
        std::unique_lock lock(mu);
        space_cv.wait(lock, [&] {
          return stop || (queue.size() < max_queue && read_count - next_out < max_pending);
        });
        if (stop) return;
        queue.emplace_back(read_count++, std::move(a));
        work_cv.notify_one();
      });
      std::lock_guard lock(mu);
      stats.skipped_inputs = skipped;
    } catch (...) {
      std::lock_guard lock(mu);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
    std::lock_guard lock(mu);
    reading_done = true;
    work_cv.notify_all();
    done_cv.notify_all();
  });

  // In-order delivery on the calling thread.
  for (;;) {
    Result r;
    {
      std::unique_lock lock(mu);
      done_cv.wait_for(lock, std::chrono::milliseconds(200), [&] {
        return stop || results.count(next_out) || (reading_done && next_out == read_count);
      });
      if (stop) break;
      auto it = results.find(next_out);
      if (it == results.end()) {
        if (reading_done && next_out == read_count) break;
        lock.unlock();
        maybe_progress();
        continue;
      }
      r = std::move(it->second);
      results.erase(it);
      ++next_out;
      space_cv.notify_one();
    }
    try {
      deliver(std::move(r));
      maybe_progress();
    } catch (...) {
      std::lock_guard lock(mu);
      if (!failure) failure = std::current_exception();
      stop = true;
      work_cv.notify_all();
      space_cv.notify_all();
      break;
    }
  }
  {
    std::lock_guard lock(mu);
    stop = true;
    work_cv.notify_all();
    space_cv.notify_all();
  }
  reader.join();
  for (auto& t : workers) t.join();
  if (failure) std::rethrow_exception(failure);
  if (progress) progress(stats);
  return stats;
}

}  // namespace dipgraph::ingest
