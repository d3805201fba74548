// The graph's strings: sanitizing text for XML (every exporter writes the
// same text), name keys, and the StringPool that interns every label, code
// and date once (graph/detail/boost_graph.hpp).
#include <sys/mman.h>

#include <algorithm>
#include <cstring>

#include "graph/detail/boost_graph.hpp"
#include "graph/detail/files.hpp"
#include "graph/fact.hpp"

namespace dipgraph {

namespace detail {

namespace {
// 4 MiB: each block holds at least one whole 2 MiB huge page.
constexpr std::size_t kBlockSize = 4 << 20;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::size_t xml_char_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    if (i + k >= s.size()) return false;
    auto b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  if (c < 0x80) return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no surrogates
  if (c >= 0xE1 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    // U+FFFE and U+FFFF are not XML characters.
    if (c == 0xEF && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) return 0;
    return 3;
  }
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

std::size_t bad_char_length(std::string_view s, std::size_t i) {
  std::string_view rest = s.substr(i, 3);
  return rest == "\xEF\xBF\xBE" || rest == "\xEF\xBF\xBF" ? 3 : 1;
}

bool append_clean_text(std::string& out, std::string_view s) {
  std::size_t i = 0, run = 0;  // run: start of the clean stretch not yet copied
  bool clean = true;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = xml_char_length(s, i);
    if (n) {
      i += n;
      continue;
    }
    out.append(s.data() + run, i - run);
    out += kReplacement;
    clean = false;
    i += bad_char_length(s, i);
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
  return clean;
}

std::string name_key(std::string_view name) { return slugify(name); }

StringPool::StringPool() {
  views_.emplace_back();  // StrId 0 = ""
  ids_.insert(std::string_view(), 0, [this](StrId id) { return views_[id]; });
}

std::string_view StringPool::copy(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > capacity_ - used_) {
    std::size_t size = std::max(kBlockSize, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    advise_huge_pages(blocks_.back().get(), size);
    used_ = 0;
    capacity_ = size;
  }
  char* p = blocks_.back().get() + used_;
  std::memcpy(p, s.data(), s.size());
  used_ += s.size();
  bytes_ += s.size();
  return {p, s.size()};
}

StrId StringPool::intern(std::string_view s) {
  if (offsets_) throw Error("internal: interning into a read-only string pool");
  auto key_of = [this](StrId id) { return views_[id]; };
  if (StrId found = ids_.find(s, key_of); found != StringIndex::kMissing) return found;
  auto id = static_cast<StrId>(views_.size());
  views_.push_back(copy(s));
  ids_.insert(views_.back(), id, key_of);
  return id;
}

void StringPool::adopt(const char* bytes, std::uint64_t size, const std::uint64_t* offsets,
                       std::size_t count, const BlockGate* gate) {
  blocks_.clear();
  used_ = capacity_ = 0;
  ids_ = StringIndex{};
  views_.clear();
  views_.shrink_to_fit();
  borrowed_ = bytes;
  offsets_ = offsets;
  gate_ = gate;
  count_ = count;
  bytes_ = static_cast<std::size_t>(size);
}

void StringPool::extend(const StringPool& base, const std::vector<StrId>& interned) {
  blocks_.clear();
  used_ = capacity_ = 0;
  borrowed_ = nullptr;
  gate_ = nullptr;
  offsets_ = nullptr;
  count_ = 0;
  views_.clear();
  views_.reserve(base.size() + base.size() / 16 + 1024);
  advise_huge_pages(views_.data(), views_.capacity() * sizeof(std::string_view));
  for (std::size_t i = 0; i < base.size(); ++i) views_.push_back(base.view(static_cast<StrId>(i)));
  bytes_ = base.bytes();
  ids_ = StringIndex{};
  ids_.reserve(interned.size() + 16);
  auto key_of = [this](StrId id) { return views_[id]; };
  ids_.insert(std::string_view(), 0, key_of);
  for (StrId id : interned)
    if (id != 0 && id < views_.size()) ids_.insert(views_[id], id, key_of);
}

StrId StringPool::add(std::string_view s) {
  if (offsets_) throw Error("internal: adding to a read-only string pool");
  if (s.empty()) return 0;
  auto id = static_cast<StrId>(views_.size());
  views_.push_back(copy(s));
  return id;
}

}  // namespace detail

}  // namespace dipgraph
