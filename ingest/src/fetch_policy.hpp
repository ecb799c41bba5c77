// fetch_policy — the rules of polite fetching, kept apart from libcurl so
// they can be tested on their own: which request may start when (one at a
// time per host, a rest between two requests to the same host, a bound on
// parallel connections), how a Retry-After header reads, what the
// User-Agent says, and how sizes are written for people.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

// The version the User-Agent and the capture's "tool" field name.
constexpr const char* kIngestVersion = "1.0";

// "newsglobe-ingest/1.0 (news reader feed fetcher; +CONTACT)". The contact
// is a URL (or mailto:) where a publisher can reach whoever runs the fetcher.
std::string user_agent(std::string_view contact);

// The politeness key of an http(s) URL: its host, lower-cased, with the port
// when it is not the scheme's default ("example.org", "127.0.0.1:8081").
// Two ports are two servers. Empty for anything that is not an http(s) URL.
std::string host_key(std::string_view url);

// Reads a Retry-After value (delta-seconds or an HTTP-date) received at
// `now` (Unix seconds) into the time to come back, capped at now + max_wait
// so that a misconfigured header cannot retire a source for good. Empty
// when the value is absent or unreadable.
std::optional<int64_t> parse_retry_after(std::string_view value, int64_t now, int64_t max_wait = 24 * 3600);

// The minute stamps ("20261130101600") at which GDELT may have published a
// file in the `lookback_minutes` before `now` (Unix seconds), newest first:
// the first `minutes_after_quarter` minutes after each quarter hour (GAL
// files come at varying minutes 0–7 after it; GSG embedding files exactly on
// it, about 20 minutes late), except the last two minutes (a file appears a
// little after its stamp). GDELT offers no listing of them.
std::vector<std::string> gdelt_minute_stamps(int64_t now, int lookback_minutes, int minutes_after_quarter);

// "800 B", "12 KB", "5.0 MB" (powers of 1024).
std::string format_bytes(uint64_t bytes);

// Decides the order requests start in. Each host has a queue; a host runs
// one request at a time and rests `rest_ms` after each before the next one
// starts; at most `max_active` requests run at once, over all hosts. Among
// hosts that may start, the one with the longest queue goes first (it bounds
// the run's length), ties broken by the order hosts were first added, so a
// schedule is deterministic. Times are milliseconds on any monotonic clock.
class HostScheduler {
public:
    HostScheduler(int64_t rest_ms, size_t max_active);

    void add(size_t job, const std::string& host);

    // The job that may start at `now`, marked running; empty when none may.
    std::optional<size_t> start_next(int64_t now);

    // A running job ended at `now`: its host rests from now on.
    void finish(size_t job, int64_t now);

    // Removes the host's queued jobs (a running one is left to finish) and
    // returns them, in queue order.
    std::vector<size_t> drop_host(const std::string& host);

    // Removes every queued job (running ones finish), in host order.
    std::vector<size_t> drop_all();

    // Milliseconds from `now` until a queued job's host may start again
    // (0: one may start now, if a connection is free); empty when nothing is
    // queued or every queued job waits for a running one on its host.
    std::optional<int64_t> wait_ms(int64_t now) const;

    bool done() const { return queued_ == 0 && running_.empty(); }
    size_t running() const { return running_.size(); }
    size_t queued() const { return queued_; }

private:
    struct Host {
        std::deque<size_t> queue;
        bool busy = false;
        int64_t rested_at = 0;  // may start again from this time
        size_t order = 0;
        bool started = false;   // has run a request (the first needs no rest)
    };
    bool ready(const Host& h, int64_t now) const;

    int64_t rest_ms_;
    size_t max_active_;
    std::map<std::string, Host> hosts_;
    std::map<size_t, std::string> running_;  // job -> host
    size_t queued_ = 0;
};

}  // namespace ingest
