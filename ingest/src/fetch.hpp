// fetch — the `fetch` step of newsglobe-ingest: downloads every configured
// source (the curated outlet table, optionally the wide tier from a bare
// feed list, optionally GDELT's article-list and embedding files) into one
// new immutable capture (capture.hpp), politely (fetch_http.hpp), and writes
// the feed-health report (health.hpp) next to the captures.
//
//   CAPTURES/<id>/        the captures, newest last; older than --keep-hours pruned
//   CAPTURES/health.json  per-source health; the next run continues from it
//   CAPTURES/health.txt   the same for people
//   CAPTURES/.fetch.lock  held while a fetch runs: a second one stops at once
//
// A dead or broken source never stops the run; it becomes a line in the
// health report. See docs/ingest.md for every option.
#pragma once
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>

namespace ingest {

struct FetchOptions {
    std::string outlets_path;    // the curated outlet table (may be empty)
    std::string feed_list_path;  // a bare feed list for the wide tier (may be empty)
    std::filesystem::path captures;
    bool gdelt = false;
    std::string gdelt_base = "http://data.gdeltproject.org/gdeltv3";  // holds gal/ and gsg_docembed/
    int gdelt_files = 4;         // newest listed files fetched per kind and run (each file once)
    // How files are found: "listing" (links in gal/feed.rss and gsg_docembed/feed.rss),
    // "minutes" (probing the minute stamps of the last gdelt_lookback_min minutes), or
    // "auto": the listing, and probing when it names no files or fails.
    std::string gdelt_discovery = "auto";
    int gdelt_lookback_min = 60;
    uint64_t gdelt_max_bytes = 64ull * 1024 * 1024;
    std::string contact;         // for the User-Agent
    double delay_s = 1.0;        // rest between two requests to one host
    int parallel = 16;           // requests in flight over all hosts
    double connect_timeout_s = 10;
    double timeout_s = 30;       // per feed; GDELT files get ten times as long
    double low_speed_s = 15;     // give up on a body slower than 100 bytes/s for this long
    uint64_t max_bytes = 5ull * 1024 * 1024;
    double keep_hours = 48;      // capture retention
};

// Exit statuses of `newsglobe-ingest fetch`.
enum FetchExit {
    kFetchOk = 0,           // a capture was written (some sources may have failed: see health)
    kFetchFailed = 1,       // no capture: unreadable outlet table, disk error
    kFetchUsage = 2,        // bad command line
    kFetchOffline = 3,      // a capture was written, but no host could be reached at all
    kFetchBusy = 4,         // another fetch holds the captures folder
};

// Runs one fetch; progress and the summary go to `out`, errors to `err`.
int run_fetch(const FetchOptions& options, std::ostream& out, std::ostream& err);

// `newsglobe-ingest fetch [options]`: argv[0] is the program, argv[1] "fetch".
int fetch_command(int argc, char** argv);

}  // namespace ingest
