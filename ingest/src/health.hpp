// health — the feed-health report every fetch run writes next to the
// captures: health.json for programs (and for the next run, which continues
// the error streaks and honours the hosts' Retry-After from it) and
// health.txt for people. Per source: the last success, the error streak and
// the last error sentence, items and bytes in the last body, time taken; per
// outlet and per country, summaries; and the outlet table's own problems.
//
// Pure: the fetcher describes what one run learned (SourceOutcome) and
// update_health() folds it into the previous report.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "capture.hpp"

namespace ingest {

// What one run learned about one source.
struct SourceOutcome {
    SourceKind kind = SourceKind::Feed;
    bool listing = false;         // a GDELT file listing (feed.rss), not itself a source for build
    std::string url;
    std::string outlet;           // outlet id; empty for GDELT
    std::string country;          // ISO code of the outlet; empty for GDELT
    int status = 0;
    bool not_modified = false;    // 304: the previous body was kept
    bool skipped = false;         // not requested (the host asked us to wait)
    std::string error;            // why it is unusable (download or parse); empty when usable
    std::vector<std::string> warnings;  // usable, but worth knowing (e.g. from the feed parser)
    int items = -1;               // entries in the body; -1 when it was not parsed
    uint64_t bytes = 0;           // body size as stored
    int64_t elapsed_ms = 0;
    int64_t attempted_at = 0;     // Unix seconds

    bool ok() const { return error.empty() && !skipped; }
};

struct FeedHealth {
    SourceOutcome last;           // this run
    int64_t last_success = 0;     // Unix seconds; 0 never (as far as the reports go)
    int error_streak = 0;         // runs in a row that failed (skips do not count)
    int64_t failing_since = 0;    // first failure of the current streak
    std::string last_error;       // the latest error sentence, kept after recovery
    int64_t last_error_at = 0;
};

// A host that asked (429/503 with Retry-After) not to be asked again before `until`.
struct HostHold {
    std::string host;             // as host_key() writes it
    int64_t until = 0;
    std::string reason;
};

struct OutletHealth {
    std::string id, name, country;
    bool wide_tier = false;
    int feeds = 0, feeds_ok = 0, items = 0;
    // "ok" (every feed usable), "partial", "failing" (none usable), "waiting" (all skipped)
    std::string status;
};

struct CountryHealth {
    std::string country;
    int outlets = 0, outlets_ok = 0, feeds = 0, feeds_ok = 0, items = 0;
};

struct RunStats {
    int64_t started = 0, finished = 0;
    int requests = 0, ok = 0, not_modified = 0, failed = 0, skipped = 0, hosts = 0;
    uint64_t bytes = 0;           // bodies as stored (decoded)
    uint64_t received_bytes = 0;  // as sent over the network
    int items = 0;
};

struct HealthReport {
    int64_t generated = 0;
    std::string capture;          // the capture this run wrote
    RunStats run;
    std::vector<FeedHealth> feeds;          // in the order sources were configured
    std::vector<OutletHealth> outlets;
    std::vector<CountryHealth> countries;   // by ISO code
    std::vector<HostHold> holds;            // still in force
    std::vector<std::string> table_problems;
};

// An outlet as the report names it (from the outlet table).
struct OutletRef {
    std::string id, name, country;
    bool wide_tier = false;
};

// Folds one run into the previous report. Sources no longer configured are
// dropped; holds that have expired by `now` are dropped; `new_holds` replace
// older holds of the same host.
HealthReport update_health(const HealthReport& previous, std::vector<SourceOutcome> outcomes,
                           const std::vector<OutletRef>& outlets, std::vector<HostHold> new_holds,
                           std::vector<std::string> table_problems, const RunStats& run, std::string capture, int64_t now);

// The holds of `report` still in force at `now`.
std::vector<HostHold> active_holds(const HealthReport& report, int64_t now);

std::string health_to_json(const HealthReport& report);

// Reads a health.json; false (with `problem`) when the text is not one.
bool health_from_json(std::string_view text, HealthReport& out, std::string& problem);

// The report for people: the run, then every problem with its history,
// held hosts, per-country and per-outlet tables, the table's problems.
std::string health_to_text(const HealthReport& report);

}  // namespace ingest
