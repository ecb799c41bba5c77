// curate — the normalising stage of `build`: merged items become the
// articles to publish. Each gets its outlet and country, clean headline, a
// 1–2 sentence summary (and the full text only where the outlet's licence
// allows it), honest times (a publication time only when a feed stated one,
// never one in the future), a language checked by CLD2 against the declared
// one, the canonical link and a stable id; items outside the retention
// window, headlines one outlet repeats under another URL, and id collisions
// are dropped, each with its reason in the report.
#pragma once
#include <cstdint>
#include <vector>

#include "build.hpp"
#include "collect.hpp"

namespace ingest {

struct CurateOptions {
    int64_t now = 0;
    int retention_hours = 48;
    int64_t future_tolerance = 3600;  // a publication time later than now + this is a wrong clock
};

std::vector<BuildArticle> curate_items(std::vector<CollectedItem> items, const OutletIndex& outlets,
                                       const CurateOptions& options, BuildReport& report);

}  // namespace ingest
