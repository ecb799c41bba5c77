// collect — the first stage of `build`: every capture of the retention
// window, every entry with a body, parsed by kind (feeds with parse_feed,
// GDELT article lists with gdelt_files), and the observations of one article
// (one canonical URL) merged: the outlet that ranks best keeps it (curated
// table, then the wide tier, then GDELT; then the outlet id), its newest
// observation gives the mutable fields, the first capture that held it
// gives first_seen, and `published` is the newest time an observation
// stated (never invented). GDELT's GSG document embeddings, when captured,
// are attached to the articles with the same canonical URL, for story
// clustering.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "build_report.hpp"
#include "capture.hpp"
#include "outlets.hpp"

namespace ingest {

// How much a source is trusted for an article's text: outlets' own feeds
// over GDELT's lossy copies.
enum class SourceRank { CuratedFeed = 0, WideFeed = 1, Gdelt = 2 };

// One article as one source showed it once.
struct Observation {
    SourceRank rank = SourceRank::CuratedFeed;
    std::string outlet_id;     // the outlet table's id; for GDELT rows, the outlet whose domain matches, else empty
    std::string capture_id;
    int64_t seen_at = 0;       // when the entry was requested (Unix seconds)
    // How recent the content is: seen_at for a fresh answer; for a 304 the
    // time of that feed's last fresh answer (0 when outside the window), as
    // a 304's body is older news than another feed's newer answer.
    int64_t fresh_at = 0;
    std::string title, description;
    std::vector<std::string> content;  // full-text paragraphs, when the feed carries them
    std::string link;          // absolute http(s) URL as the source gave it
    int64_t published = 0;     // 0: not stated
    std::string language;      // item-level language tag, normalised; empty when not stated
    std::string feed_title;    // the channel title (names wide-tier outlets)
    // GDELT rows carry their own outlet description.
    std::string domain, outlet_name, country;
};

// An article after merging: the observation that gives its fields, plus
// what the other observations add.
struct CollectedItem {
    std::string canonical_url;
    Observation best;
    int64_t first_seen = 0;
    int64_t published = 0;
    std::vector<float> embedding;  // GDELT's GSG document embedding for this URL (newest file), or empty
};

struct OutletIndex {
    std::map<std::string, const Outlet*> by_id;
    std::map<std::string, const Outlet*> by_domain;  // homepage hosts without "www."
    void add(const Outlet& outlet);
    const Outlet* find_domain(std::string host) const;  // the host or a parent domain of it
};

// Reads and merges. Captures must be those of the window, oldest first.
// Problems (unreadable bodies, error pages, unknown outlets) go into the
// report with counts; nothing here aborts.
std::vector<CollectedItem> collect_items(const std::vector<Capture>& captures, const OutletIndex& outlets,
                                         BuildReport& report);

// The ISO country a domain's top-level domain names ("pe" → "PE", "uk" → "GB"),
// or empty for generic TLDs and ccTLDs used as generic ones (.io, .tv, .co…).
std::string country_of_domain(const std::string& host);

}  // namespace ingest
