// Fuzzes the countries-index decoder of docs/api.md.
#include <cstdint>
#include <set>

#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ng::Result<ng::CountriesIndex> r = ng::decode_countries({reinterpret_cast<const char*>(data), size});
    fuzz::check_error(r.error);
    if (!r.ok()) return 0;
    fuzz::check_text(r.value.source_name, ng::kMaxNameBytes);
    std::set<std::string> seen;
    for (const ng::CountryEntry& c : r.value.countries) {
        fuzz::require(c.iso.size() == 2 && seen.insert(c.iso).second);
        fuzz::check_iso(c.iso);
        fuzz::require(c.story_count && *c.story_count >= 0);
        fuzz::check_text(c.name, ng::kMaxNameBytes);
    }
    return 0;
}
