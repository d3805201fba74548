// Duplicate keys in a parsed RapidJSON value. JSON leaves their meaning open
// (RapidJSON's FindMember finds the first, a loop over members sees the
// last), so dipgraph refuses them. Included only by .cpp files that already
// use RapidJSON; a template so that this header does not include it.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace dipgraph::detail {

// True if some object of `v` (searched depth first) has a key twice; `key`
// is then that key.
// Recursive: call it only on values whose depth json_precheck has bounded.
// Time O(n log n) in the number of members.
template <typename Value>
bool duplicate_key(const Value& v, std::string_view& key) {
  if (v.IsArray()) {
    for (const auto& e : v.GetArray())
      if (duplicate_key(e, key)) return true;
    return false;
  }
  if (!v.IsObject()) return false;
  std::vector<std::string_view> names;
  names.reserve(v.MemberCount());
  for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
    names.emplace_back(m->name.GetString(), m->name.GetStringLength());
    if (duplicate_key(m->value, key)) return true;
  }
  std::sort(names.begin(), names.end());
  const auto d = std::adjacent_find(names.begin(), names.end());
  if (d == names.end()) return false;
  key = *d;
  return true;
}

}  // namespace dipgraph::detail
