// http_client — the fetch policy of the news reader, independent of how bytes
// travel. The web layer implements Transport (emscripten_fetch in the app,
// web/fetch.hpp; tests use a fake), and HttpClient adds what a news reader on a flaky
// network needs: per-attempt timeouts, cancellation, one request for identical
// concurrent GETs, retries with backoff for transient failures, Retry-After
// honoured for the whole host (no request to it starts inside the window it
// asked for), a per-host minimum interval between request starts (GDELT
// allows one request per 5 s), a byte limit per answer, and a bounded LRU
// cache that serves stale answers while it refreshes them. Only answers the
// request's decoder accepted are cached, with what it decoded: a bad answer
// is never kept as good, and the next request for it goes to the network.
// Time comes from injected clocks (a monotonic one for every wait, the wall
// clock only to read HTTP dates) and everything happens in tick(), so tests
// drive it exactly.
//
// Callback contract (HttpClient::get):
//  * Callbacks run only inside tick(), never inside get(), cancel() or the
//    transport's completion, so callers may call get()/cancel() from them.
//  * A request's callback runs once with its final result: success
//    (error.kind == None, body in response) or an error whose message is ready
//    to show. Http errors also carry the error answer (body cut to 64 KiB) so
//    an adapter can read a service's own error message.
//  * Stale-while-revalidate: when the cached answer is past its freshness but
//    within its stale window, the callback runs first with that answer
//    (from_cache and stale set) while the client refreshes it. It runs a
//    second time (refreshed set) only if the refresh brought a different body.
//    A failed refresh is silent: the stale answer stands. So: once, or twice
//    when the first delivery had stale == true; never an error after a stale
//    answer.
//  * After FetchHandle::cancel(), or when the handle is destroyed, the
//    callback never runs again. Cancelling the last waiter of a request
//    aborts the transport request.
//  * Identical concurrent GETs share one transport request; each waiter gets
//    its own callback. The first request's FetchOptions govern the shared one.
//  * Inside a Retry-After window of a host, a request to it waits for the
//    window to end, or, when the window is longer than retry_after_cap_ms,
//    fails at once with the server's wait in its message.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/news_error.hpp"

namespace ng {

// What a transport delivers for one GET.
struct HttpResponse {
    int status = 0;            // 0: no HTTP answer (network failure, CORS refusal)
    std::string body;
    std::string content_type;  // the Content-Type header; empty when unknown
    std::string retry_after;   // the Retry-After header; empty when absent
    bool too_large = false;    // the transport stopped reading at the byte limit
};

struct TransportRequest {
    std::string url;
    std::size_t max_bytes = 0;  // the transport may abort past this and set too_large
};

// An HTTP GET as the platform does it (web/fetch.hpp in the browser).
class Transport {
public:
    using RequestId = std::uint64_t;
    using DoneFn = std::function<void(HttpResponse)>;
    virtual ~Transport() = default;
    // Starts a GET. on_done runs exactly once (it may even run before start()
    // returns), unless cancel(id) ran first, after which it must not run.
    virtual RequestId start(const TransportRequest& request, DoneFn on_done) = 0;
    // Aborts a request; a no-op for ids that already finished.
    virtual void cancel(RequestId id) = 0;
};

// What a request's decoder made of a 2xx answer: an error, or the decoded
// document. The value's type is the decoder's business: the caller that set
// the decoder casts it back (std::static_pointer_cast).
struct Decoded {
    FetchError error;
    std::shared_ptr<const void> value;
};

struct FetchOptions {
    std::int64_t timeout_ms = 20000;        // per attempt, from when the transport starts it
    int max_attempts = 4;                   // the first try included
    std::size_t max_bytes = 8u << 20;       // larger answers are a TooLarge error
    bool use_cache = true;
    std::int64_t fresh_ms = 60 * 1000;      // a cached answer this young is used without asking
    std::int64_t stale_ms = 30 * 60 * 1000; // then, for this long, served stale while refreshing
    // Decodes and checks each 2xx answer before it counts as a success. A
    // rejected answer (an HTML page or a service's plain-text error sent with
    // status 200, a document that does not parse or has nothing usable in
    // it) is an error, never cached; RateLimited errors are retried like a
    // 429. An accepted one is cached with its decoded value, so a cache hit
    // is not decoded again. Without a decoder nothing is cached: bytes nobody
    // checked are not kept.
    std::function<Decoded(const HttpResponse&)> decode;
    // A server that refuses without CORS headers (GDELT's 429s) reaches the
    // page as no answer at all (status 0). When no_answer_error is set, such
    // an answer ends the request at once with that error (retrying soon would
    // only prolong the refusal), and no request to the same host starts for
    // no_answer_backoff_ms — later ones wait — when the host has a minimum
    // interval (set_min_interval).
    FetchError no_answer_error;
    std::int64_t no_answer_backoff_ms = 0;
};

struct FetchResult {
    std::string url;
    FetchError error;       // kind None on success
    HttpResponse response;  // the answer (success), the error answer (Http errors), else empty
    std::shared_ptr<const void> decoded;  // success with a decoder: what it made of the answer
    bool from_cache = false;
    bool stale = false;      // from the cache past its freshness; a refresh is under way
    bool refreshed = false;  // second delivery: the refresh changed the stale answer

    bool ok() const { return error.ok(); }
};

// Where a request stands, for loading states ("Retrying in 12 s").
struct FetchProgress {
    bool active = false;           // a network request for this handle is queued, running or waiting
    bool queued = false;           // held back by its host's minimum interval
    int attempts = 0;              // attempts started so far
    std::int64_t retry_at_ms = 0;  // when the next attempt starts after a failure (monotonic clock); 0 when none is planned
    FetchError last_error;         // the latest failed attempt, e.g. "... busy (HTTP 429). Retrying in 30 s."
};

struct HttpClientCore;

// A caller's hold on one request. Move-only; destroying it cancels the request.
class FetchHandle {
public:
    FetchHandle() = default;
    FetchHandle(FetchHandle&& other) noexcept;
    FetchHandle& operator=(FetchHandle&& other) noexcept;
    FetchHandle(const FetchHandle&) = delete;
    FetchHandle& operator=(const FetchHandle&) = delete;
    ~FetchHandle() { cancel(); }

    void cancel();
    // True until the final callback has run (or the handle was cancelled).
    bool pending() const;
    FetchProgress progress() const;

private:
    friend class HttpClient;
    FetchHandle(std::weak_ptr<HttpClientCore> core, std::uint64_t id) : core_(std::move(core)), id_(id) {}

    std::weak_ptr<HttpClientCore> core_;
    std::uint64_t id_ = 0;
};

struct HttpClientConfig {
    std::size_t cache_bytes = 32u << 20;        // LRU bound on cached bodies and keys
    std::int64_t backoff_base_ms = 1000;        // first retry after ~1 s, then doubling
    std::int64_t backoff_max_ms = 30 * 1000;
    std::int64_t retry_after_cap_ms = 120 * 1000;  // a longer Retry-After ends the request instead
    std::uint64_t seed = 0x6e6577736c6f6265;    // jitter; fixed seeds make retry times reproducible
};

class HttpClient {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds
    using Callback = std::function<void(const FetchResult&)>;

    // monotonic_ms times every wait (timeouts, backoff, Retry-After, cache
    // freshness): it never jumps when the system clock is set. wall_ms
    // (since 1970) only turns a Retry-After given as an HTTP date into a wait.
    HttpClient(Transport& transport, Clock monotonic_ms, Clock wall_ms, HttpClientConfig config = {});
    ~HttpClient();  // aborts running transport requests; no callback runs afterwards
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // GETs `url` under the contract at the top of this file.
    FetchHandle get(const std::string& url, Callback callback, FetchOptions options = {});

    // Runs `task` in the next tick() unless the handle is cancelled first: lets
    // answers computed locally arrive the same way as fetched ones.
    FetchHandle defer(std::function<void()> task);

    // Requests to `host` (as url_host() spells it) start at least `interval_ms`
    // apart; later ones wait in a first-in, first-out queue.
    void set_min_interval(const std::string& host, std::int64_t interval_ms);

    // Processes transport completions, timeouts, due retries and queued
    // starts, then runs callbacks. Call every frame.
    void tick();

    // True when nothing is queued, running, waiting to retry or to be
    // delivered: the caller may stop ticking until the next get().
    bool idle() const;

    std::size_t cache_bytes() const;

private:
    std::shared_ptr<HttpClientCore> core_;
};

}  // namespace ng
