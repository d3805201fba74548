// Stub of the extraction pipeline until the extractor lands.
#include "ingest/pipeline.hpp"

namespace dipgraph::ingest {

ExtractStats extract_inputs(const std::vector<std::string>&, const ExtractOptions&, Diagnostics&,
                            const std::function<void(std::vector<Fact>&&)>&,
                            const std::function<void(const ExtractStats&)>&) {
  throw Error("reading articles is not implemented yet");
}

}  // namespace dipgraph::ingest
