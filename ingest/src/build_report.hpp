// build_report — what one `build` did, machine-readable (OUT/build-report.json,
// docs/ingest.md "Build step"): the captures it read, how many items went
// in and came out, every reason an item was dropped, the language
// mismatches, what translation did, what was published, and how long it
// took. Everything except the time and memory figures is deterministic.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cluster.hpp"

namespace ingest {

// Why an item did not reach the API (the report counts each).
namespace drop {
constexpr const char* kNoTitle = "no-title";
constexpr const char* kNoLink = "no-http-link";
constexpr const char* kOld = "older-than-retention";
constexpr const char* kDuplicateUrl = "duplicate-url";
constexpr const char* kDuplicateTitle = "duplicate-title";
constexpr const char* kUnknownOutlet = "unknown-outlet";
constexpr const char* kNoCountry = "no-country";
constexpr const char* kIdCollision = "id-collision";
}  // namespace drop

struct DroppedItem {
    std::string url, outlet, reason, detail;
};

struct LanguageMismatch {
    std::string id, outlet, declared, detected;
};

struct TranslationStats {
    std::string engine;                          // "none", "apertium", "http"
    size_t items_needing = 0;                    // non-English items
    size_t texts_translated = 0;                 // by the engine in this build
    size_t texts_from_cache = 0;
    size_t texts_failed = 0;                     // the engine tried and failed
    size_t texts_unsupported = 0;                // no engine for the language
    size_t items_translated = 0;                 // items with a translated headline
    std::map<std::string, size_t> items_by_language;       // translated items per source language
    std::map<std::string, std::string> unsupported;        // language -> why
    std::vector<std::string> errors;                       // the first few failures, with the text's item
};

struct BuildReport {
    int64_t now = 0;
    int retention_hours = 0;
    std::vector<std::string> captures;           // ids read, oldest first
    std::vector<std::string> problems;           // sentences: tables, captures, entries that could not be read
    size_t entries_read = 0;                     // entries with a body
    size_t entries_without_body = 0;             // failed requests, 304 without a body
    size_t entries_unusable = 0;                 // a body that is not a feed / not GDELT data / damaged
    size_t observations = 0;                     // entries' items, before merging
    size_t items = 0;                            // distinct articles after merging
    std::map<std::string, size_t> dropped;       // reason -> count
    std::map<std::string, size_t> corrected;     // what was fixed rather than dropped -> count
    std::vector<DroppedItem> dropped_examples;   // the first few of each reason
    std::vector<LanguageMismatch> language_mismatches;
    TranslationStats translation;
    size_t stories = 0;                          // stories across outlets (cluster.hpp)
    ClusterStats clustering;
    size_t published = 0;                        // articles in the API
    size_t countries = 0, outlets = 0, pages = 0, documents = 0;
    uint64_t bytes = 0;
    std::vector<std::string> validation_violations;
    std::string release;
    bool unchanged = false;
    bool ok = false;
    std::string error;                           // why the build failed, when it did
    int64_t elapsed_ms = 0;
    std::vector<std::pair<std::string, int64_t>> stage_ms;  // "read", "normalise", "translate", "publish"
    long peak_rss_kb = 0;

    void drop_item(const char* reason, const std::string& url, const std::string& outlet, const std::string& detail = {});
};

// The report as JSON (ordered keys, one-space indent, trailing newline).
std::string report_json(const BuildReport& report);

// A few lines for the terminal.
std::string report_summary(const BuildReport& report);

}  // namespace ingest
