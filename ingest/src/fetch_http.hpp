// fetch_http — downloads many URLs politely with libcurl's multi interface:
// one request at a time per host with a rest in between, many hosts in
// parallel (bounded), conditional GET, connect/total/low-speed timeouts, at
// most N redirects (http and https only, loops named as such), a size cap on
// the decoded body, gzip/deflate. Every request ends in exactly one
// HttpResult whose `error` is a sentence fit for the feed-health report; no
// failure stops the others.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ingest {

struct HttpSettings {
    std::string user_agent;
    int64_t rest_ms = 1000;            // between two requests to one host
    size_t parallel = 16;              // requests in flight, over all hosts
    int64_t connect_timeout_ms = 10000;
    int64_t low_speed_bytes = 100;     // a body slower than this (bytes/s)...
    int64_t low_speed_seconds = 15;    // ...for this long is given up
    int max_redirects = 5;
};

struct HttpJob {
    std::string url;
    std::string etag;           // validators for a conditional GET (may be empty)
    std::string last_modified;
    uint64_t max_bytes = 5 * 1024 * 1024;
    int64_t timeout_ms = 30000; // the whole request, body included
};

// Why a request gave no usable answer. Network: the host could not be
// resolved or reached (how an offline machine shows).
enum class HttpFailure { None, Network, Timeout, TooLarge, Redirect, Encoding, Status, Skipped, Other };

struct HttpResult {
    HttpFailure failure = HttpFailure::None;
    std::string error;           // one sentence; empty when failure is None
    int status = 0;              // final HTTP status; 0 when none arrived
    std::string final_url;
    int redirects = 0;
    std::string content_type, etag, last_modified, retry_after;
    int64_t started_at = 0;      // Unix seconds
    int64_t elapsed_ms = 0;
    uint64_t received_bytes = 0; // as sent, before decompression
    std::string body;            // decoded; only for 2xx answers

    bool ok() const { return failure == HttpFailure::None; }
};

class HttpFetcher {
public:
    explicit HttpFetcher(HttpSettings settings);
    ~HttpFetcher();
    HttpFetcher(const HttpFetcher&) = delete;
    HttpFetcher& operator=(const HttpFetcher&) = delete;

    // Queues a request; allowed before and during run() (e.g. from a
    // callback that discovered more files). Returns its id.
    size_t add(HttpJob job);

    // Removes the queued requests to `url`'s host; each ends as Skipped with
    // `reason` (delivered after the current callback returns).
    void skip_host(const std::string& url, const std::string& reason);

    // Removes every queued request, each ending as Skipped with `reason`.
    void skip_all(const std::string& reason);

    // Runs until every request has ended, calling `done(id, result)` on this
    // thread as each ends. `result` may be moved from.
    void run(const std::function<void(size_t, HttpResult&)>& done);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ingest
