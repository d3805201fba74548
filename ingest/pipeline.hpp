// The extraction pipeline as one call: read inputs, build Documents, extract
// facts, with worker threads over articles. Used by `dipgraph extract` and by
// `dipgraph build` for article inputs. Output order is the input order,
// whatever the number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "ingest/read/article.hpp"

namespace dipgraph::ingest {

struct ExtractOptions {
  std::string data_dir;                    // dictionaries (data/)
  std::string default_date;                // --date YYYY-MM-DD
  unsigned threads = 0;                    // 0 = all cores
  ReadOptions read;
  std::size_t max_facts_per_article = 10000;
};

struct ExtractStats {
  std::size_t articles = 0;        // articles read and processed
  std::size_t bytes = 0;           // bytes of article text processed
  std::size_t skipped_inputs = 0;  // inputs or records skipped with an error
  std::size_t facts = 0;           // facts emitted
};

// Reads every input (files, directories, "-"), extracts facts and calls
// `sink` once per article with that article's facts, in input order.
// `progress` (optional) is called from the calling thread now and then.
// Throws Error if the dictionaries cannot be loaded.
ExtractStats extract_inputs(const std::vector<std::string>& inputs, const ExtractOptions& options,
                            Diagnostics& diag,
                            const std::function<void(std::vector<Fact>&&)>& sink,
                            const std::function<void(const ExtractStats&)>& progress = {});

}  // namespace dipgraph::ingest
