#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <vector>

#include "../fixtures/fake_transport.hpp"
#include "core/http_client.hpp"

using namespace ng;

namespace {

const std::string kUrl = "https://news.example/api/v1/countries.json";
const int64_t kStart = 1795588800000;  // 2026-11-25T06:40:00Z in ms

// Options whose decoder accepts every answer: only decoded answers are cached.
FetchOptions cached(FetchOptions o = {}) {
    o.decode = [](const HttpResponse&) { return Decoded{}; };
    return o;
}

struct HttpClientTest : ::testing::Test {
    FakeTransport transport;
    int64_t now = kStart;  // the monotonic clock; the wall clock runs wall_offset ahead
    int64_t wall_offset = 0;
    std::unique_ptr<HttpClient> client = make_client({});
    std::vector<FetchResult> results;

    std::unique_ptr<HttpClient> make_client(HttpClientConfig config) {
        return std::make_unique<HttpClient>(
            transport, [this] { return now; }, [this] { return now + wall_offset; }, config);
    }
    HttpClient::Callback record() {
        return [this](const FetchResult& r) { results.push_back(r); };
    }
    void advance(int64_t ms) {
        now += ms;
        client->tick();
    }
    // Lets time pass in steps so queued and retried requests start.
    void run_for(int64_t ms, int64_t step = 100) {
        for (int64_t t = 0; t < ms; t += step) advance(step);
    }
};

}  // namespace

TEST_F(HttpClientTest, DeliversOnlyInsideTick) {
    FetchHandle h = client->get(kUrl, record());
    ASSERT_EQ(transport.requests.size(), 1u);
    EXPECT_EQ(transport.requests[0].request.url, kUrl);
    EXPECT_EQ(transport.requests[0].request.max_bytes, FetchOptions{}.max_bytes);
    transport.respond(0, answer(200, R"({"version":1})"));
    EXPECT_TRUE(results.empty());
    EXPECT_TRUE(h.pending());
    client->tick();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].ok());
    EXPECT_EQ(results[0].response.body, R"({"version":1})");
    EXPECT_FALSE(results[0].from_cache);
    EXPECT_FALSE(h.pending());
    EXPECT_TRUE(client->idle());
}

TEST_F(HttpClientTest, FreshCacheHitNeedsNoRequest) {
    FetchHandle a = client->get(kUrl, record(), cached());
    transport.respond(0, answer(200, "[1]"));
    advance(10);
    FetchHandle b = client->get(kUrl, record(), cached());
    EXPECT_EQ(transport.requests.size(), 1u);
    EXPECT_TRUE(results.size() == 1u);  // still not delivered: callbacks wait for tick()
    advance(10);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].from_cache);
    EXPECT_FALSE(results[1].stale);
    EXPECT_EQ(results[1].response.body, "[1]");
    EXPECT_GT(client->cache_bytes(), 3u);
}

TEST_F(HttpClientTest, IdenticalGetsShareOneRequest) {
    std::vector<int> order;
    FetchHandle a = client->get(kUrl, [&](const FetchResult&) { order.push_back(1); });
    FetchHandle b = client->get(kUrl, [&](const FetchResult&) { order.push_back(2); });
    FetchHandle c = client->get(kUrl + "?other", [&](const FetchResult&) { order.push_back(3); });
    EXPECT_EQ(transport.requests.size(), 2u);
    transport.respond(0, answer(200));
    advance(1);
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

TEST_F(HttpClientTest, CancelledCallbacksNeverRun) {
    FetchHandle a = client->get(kUrl, record());
    FetchHandle b = client->get(kUrl, record());
    a.cancel();
    EXPECT_FALSE(a.pending());
    EXPECT_EQ(transport.open(), 1u);  // b still waits
    {
        FetchHandle dropped = client->get(kUrl, record());
    }  // destroying a handle cancels it
    transport.respond(0, answer(200));
    advance(1);
    EXPECT_EQ(results.size(), 1u);
}

TEST_F(HttpClientTest, CancellingTheLastWaiterAbortsTheTransport) {
    FetchHandle a = client->get(kUrl, record());
    a.cancel();
    EXPECT_TRUE(transport.requests[0].cancelled);
    EXPECT_TRUE(client->idle());
    advance(60000);
    EXPECT_TRUE(results.empty());
}

TEST_F(HttpClientTest, CancelAfterAnswerArrivedBeforeTick) {
    FetchHandle a = client->get(kUrl, record());
    transport.respond(0, answer(200));
    a.cancel();
    advance(1);
    EXPECT_TRUE(results.empty());
}

TEST_F(HttpClientTest, TimeoutsAreRetriedThenReported) {
    FetchOptions o;
    o.timeout_ms = 5000;
    o.max_attempts = 2;
    FetchHandle h = client->get(kUrl, record(), o);
    advance(4999);
    EXPECT_FALSE(transport.requests[0].cancelled);
    advance(1);
    EXPECT_TRUE(transport.requests[0].cancelled);
    FetchProgress p = h.progress();
    EXPECT_TRUE(p.active);
    EXPECT_EQ(p.attempts, 1);
    EXPECT_GE(p.retry_at_ms, now + 500);
    EXPECT_LE(p.retry_at_ms, now + 1000);
    EXPECT_EQ(p.last_error.kind, FetchError::Timeout);
    EXPECT_EQ(p.last_error.message.rfind("The news server at news.example did not answer within 5 s. Retrying in ", 0), 0u)
        << p.last_error.message;
    run_for(1000);
    ASSERT_EQ(transport.requests.size(), 2u);
    run_for(5000);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::Timeout);
    EXPECT_EQ(results[0].error.message, "The news server at news.example did not answer within 5 s. Tried 2 times.");
}

TEST_F(HttpClientTest, TransientStatusIsRetriedUntilSuccess) {
    FetchHandle h = client->get(kUrl, record());
    transport.respond(0, answer(503, "<html>down</html>"));
    advance(1);
    EXPECT_TRUE(results.empty());
    FetchProgress p = h.progress();
    EXPECT_EQ(p.last_error.status, 503);
    EXPECT_NE(p.last_error.message.find("is having trouble (HTTP 503). Retrying in 1 s."), std::string::npos)
        << p.last_error.message;
    run_for(1000);
    ASSERT_EQ(transport.requests.size(), 2u);
    transport.respond(1, answer(502));
    run_for(2000);
    ASSERT_EQ(transport.requests.size(), 3u);
    transport.respond(2, answer(200, "[2]"));
    advance(1);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].ok());
    EXPECT_EQ(results[0].response.body, "[2]");
}

TEST_F(HttpClientTest, RetryAfterSecondsIsHonoured) {
    FetchHandle h = client->get(kUrl, record());
    transport.respond(0, answer(429, "slow down", "text/plain", "30"));
    advance(0);
    EXPECT_EQ(h.progress().retry_at_ms, kStart + 30000);
    EXPECT_EQ(h.progress().last_error.kind, FetchError::RateLimited);
    EXPECT_EQ(h.progress().last_error.message, "The news server at news.example is busy (HTTP 429). Retrying in 30 s.");
    advance(29999);
    EXPECT_EQ(transport.requests.size(), 1u);
    advance(1);
    EXPECT_EQ(transport.requests.size(), 2u);
}

TEST_F(HttpClientTest, RetryAfterHttpDateIsHonoured) {
    FetchHandle h = client->get(kUrl, record());
    transport.respond(0, answer(503, "", "text/plain", "Wed, 25 Nov 2026 06:40:45 GMT"));  // 45 s after kStart
    advance(0);
    EXPECT_EQ(h.progress().retry_at_ms, kStart + 45000);
}

TEST_F(HttpClientTest, RetryAfterBeyondTheCapEndsTheRequest) {
    FetchHandle h = client->get(kUrl, record());
    transport.respond(0, answer(429, R"({"error":"quota"})", "application/json", "3600"));
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::RateLimited);
    EXPECT_EQ(results[0].error.status, 429);
    EXPECT_EQ(results[0].error.message,
              "The news server at news.example is busy (HTTP 429). It asks to wait 60 min before trying again.");
    EXPECT_EQ(results[0].response.body, R"({"error":"quota"})");  // adapters may read it
}

TEST_F(HttpClientTest, PermanentErrorsAreNotRetried) {
    FetchHandle h = client->get(kUrl, record());
    transport.respond(0, answer(404, "no such file"));
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::Http);
    EXPECT_EQ(results[0].error.status, 404);
    EXPECT_EQ(results[0].error.message, "The news server at news.example has no such document (HTTP 404).");
    EXPECT_EQ(results[0].response.body, "no such file");
    EXPECT_EQ(transport.requests.size(), 1u);
}

TEST_F(HttpClientTest, ErrorMessagesByStatus) {
    struct Case {
        int status;
        const char* message;
    };
    for (Case c : {Case{401, "The news server refused access (HTTP 401)."},
                   Case{400, "The news server rejected the request (HTTP 400)."},
                   Case{500, "The news server failed (HTTP 500)."},
                   Case{304, "The news server gave an unexpected answer (HTTP 304)."}}) {
        results.clear();
        FetchHandle h = client->get("./api/v1/x" + std::to_string(c.status), record());
        transport.respond(transport.requests.size() - 1, answer(c.status));
        advance(0);
        ASSERT_EQ(results.size(), 1u);
        EXPECT_EQ(results[0].error.message, c.message);
    }
}

TEST_F(HttpClientTest, NetworkErrorsAreRetriedAndExplained) {
    FetchOptions o;
    o.max_attempts = 3;
    FetchHandle h = client->get(kUrl, record(), o);
    for (size_t i = 0; i < 3; ++i) {
        ASSERT_EQ(transport.requests.size(), i + 1);
        transport.respond(i, answer(0, ""));
        run_for(5000);
    }
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::Network);
    EXPECT_EQ(results[0].error.message,
              "Could not reach the news server at news.example. The network may be down, or the server does not "
              "allow requests from this page. Tried 3 times.");
}

TEST_F(HttpClientTest, NoAnswerCanMeanARefusalThatHoldsTheHost) {
    client->set_min_interval("api.gdeltproject.org", 5000);
    FetchOptions o;
    o.no_answer_error = make_error(FetchError::RateLimited, "The service is probably limiting requests.");
    o.no_answer_backoff_ms = 60000;
    FetchHandle a = client->get("https://api.gdeltproject.org/q?1", record(), o);
    transport.respond(0, answer(0, ""));
    advance(0);
    // Said at once, not retried.
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::RateLimited);
    EXPECT_EQ(results[0].error.message, "The service is probably limiting requests.");
    // The next request to the host waits out the minute; the 5 s interval is not enough.
    FetchHandle b = client->get("https://api.gdeltproject.org/q?2", record(), o);
    EXPECT_TRUE(b.progress().queued);
    run_for(59900);
    EXPECT_EQ(transport.requests.size(), 1u);
    run_for(200);
    ASSERT_EQ(transport.requests.size(), 2u);
    EXPECT_EQ(transport.requests[1].request.url, "https://api.gdeltproject.org/q?2");
    transport.respond(1, answer(200, "{}"));
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].ok());
    // Without the option, no answer stays a network error with short retries.
    FetchHandle c = client->get("https://news.example/x", record());
    transport.respond(2, answer(0, ""));
    advance(0);
    EXPECT_EQ(c.progress().last_error.kind, FetchError::Network);
    EXPECT_LT(c.progress().retry_at_ms, now + 2000);
}

TEST_F(HttpClientTest, AnswersOverTheByteLimitAreRefused) {
    FetchOptions o;
    o.max_bytes = 1000;
    FetchHandle a = client->get(kUrl, record(), o);
    EXPECT_EQ(transport.requests[0].request.max_bytes, 1000u);
    transport.respond(0, answer(200, std::string(1001, ' ')));
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::TooLarge);
    EXPECT_EQ(results[0].error.message, "The answer from the news server at news.example was larger than 1000 bytes, so "
                                        "it was not loaded.");

    FetchHandle b = client->get(kUrl + "?2", record());  // default limit, transport flags it
    HttpResponse big = answer(200, "{");
    big.too_large = true;
    transport.respond(1, big);
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[1].error.message,
              "The answer from the news server at news.example was larger than 8 MB, so it was not loaded.");
    EXPECT_EQ(client->cache_bytes(), 0u);
}

TEST_F(HttpClientTest, StaleAnswerFirstThenRefreshedWhenChanged) {
    FetchOptions o = cached();
    o.fresh_ms = 1000;
    o.stale_ms = 10000;
    FetchHandle first = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    advance(2000);  // past freshness, inside the stale window
    results.clear();

    FetchHandle h = client->get(kUrl, record(), o);
    ASSERT_EQ(transport.requests.size(), 2u);  // the background refresh
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].stale);
    EXPECT_TRUE(results[0].from_cache);
    EXPECT_EQ(results[0].response.body, "[1]");
    EXPECT_TRUE(h.pending());
    EXPECT_TRUE(h.progress().active);

    transport.respond(1, answer(200, "[2]"));
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].refreshed);
    EXPECT_FALSE(results[1].stale);
    EXPECT_EQ(results[1].response.body, "[2]");
    EXPECT_FALSE(h.pending());
}

TEST_F(HttpClientTest, UnchangedOrFailedRefreshIsSilent) {
    FetchOptions o = cached();
    o.fresh_ms = 1000;
    o.max_attempts = 1;
    FetchHandle first = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    advance(2000);
    results.clear();

    FetchHandle same = client->get(kUrl, record(), o);
    transport.respond(1, answer(200, "[1]"));
    advance(0);
    ASSERT_EQ(results.size(), 1u);  // only the stale delivery
    EXPECT_FALSE(same.pending());

    advance(2000);
    results.clear();
    FetchHandle failed = client->get(kUrl, record(), o);
    transport.respond(2, answer(500));
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].stale);
    EXPECT_FALSE(failed.pending());
}

TEST_F(HttpClientTest, StaleDeliveryQueuedBeforeTheRefreshStillArrives) {
    FetchOptions o = cached();
    o.fresh_ms = 1000;
    FetchHandle first = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    advance(2000);
    results.clear();
    FetchHandle h = client->get(kUrl, record(), o);
    transport.respond(1, answer(200, "[1]"));  // the refresh lands before the next tick
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].stale);
}

TEST_F(HttpClientTest, ExpiredEntriesAreRefetched) {
    FetchOptions o = cached();
    o.fresh_ms = 1000;
    o.stale_ms = 1000;
    FetchHandle first = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    advance(2001);
    FetchHandle again = client->get(kUrl, record(), o);
    EXPECT_EQ(transport.requests.size(), 2u);
    advance(0);
    EXPECT_EQ(results.size(), 1u);  // nothing stale was served
}

TEST_F(HttpClientTest, CacheEvictsLeastRecentlyUsedByBytes) {
    HttpClientConfig config;
    config.cache_bytes = 3000;
    client = make_client(config);
    auto fetch = [&](const std::string& url) {
        size_t before = transport.requests.size();
        FetchHandle h = client->get(url, record(), cached());
        if (transport.requests.size() > before) transport.respond(before, answer(200, std::string(900, 'x')));
        advance(0);
        return transport.requests.size() > before;  // true: it went to the network
    };
    EXPECT_TRUE(fetch("https://n.example/a"));
    EXPECT_TRUE(fetch("https://n.example/b"));
    EXPECT_FALSE(fetch("https://n.example/a"));  // a is now the most recent
    EXPECT_TRUE(fetch("https://n.example/c"));   // evicts b
    EXPECT_LE(client->cache_bytes(), 3000u);
    EXPECT_FALSE(fetch("https://n.example/a"));
    EXPECT_FALSE(fetch("https://n.example/c"));
    EXPECT_TRUE(fetch("https://n.example/b"));
    size_t before = transport.requests.size();
    FetchHandle h = client->get("https://n.example/bigger-than-cache", record(), cached());
    transport.respond(before, answer(200, std::string(5000, 'x')));
    advance(0);
    EXPECT_LE(client->cache_bytes(), 3000u);
}

TEST_F(HttpClientTest, PerHostIntervalQueuesRequests) {
    client->set_min_interval("api.gdeltproject.org", 5000);
    FetchHandle a = client->get("https://api.gdeltproject.org/q?1", record());
    FetchHandle b = client->get("https://api.gdeltproject.org/q?2", record());
    FetchHandle c = client->get("https://api.gdeltproject.org/q?3", record());
    FetchHandle other = client->get("https://news.example/x", record());
    ASSERT_EQ(transport.requests.size(), 2u);  // q?1 and the other host
    EXPECT_TRUE(b.progress().queued);
    transport.respond(0, answer(200));
    advance(4999);
    EXPECT_EQ(transport.requests.size(), 2u);
    advance(1);
    ASSERT_EQ(transport.requests.size(), 3u);
    EXPECT_EQ(transport.requests[2].request.url, "https://api.gdeltproject.org/q?2");
    c.cancel();  // leaves the queue
    advance(5000);
    EXPECT_EQ(transport.requests.size(), 3u);
    FetchHandle d = client->get("https://api.gdeltproject.org/q?4", record());
    EXPECT_EQ(transport.requests.size(), 4u);  // the interval has passed
}

TEST_F(HttpClientTest, RetriesRespectTheHostInterval) {
    client->set_min_interval("news.example", 5000);
    FetchHandle a = client->get(kUrl, record());
    transport.respond(0, answer(503));
    run_for(4900);
    EXPECT_EQ(transport.requests.size(), 1u);  // backoff is ~1 s, the interval 5 s
    run_for(200);
    EXPECT_EQ(transport.requests.size(), 2u);
}

TEST_F(HttpClientTest, TheDecoderCanRefuseA200) {
    FetchOptions o;
    o.decode = [](const HttpResponse& r) {
        if (r.body.rfind("<", 0) == 0) return Decoded{make_error(FetchError::NotJson, "web page", r.status), nullptr};
        if (r.body == "slow down") return Decoded{make_error(FetchError::RateLimited, "Too fast.", r.status), nullptr};
        return Decoded{};
    };
    FetchHandle a = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "<html>"));
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::NotJson);
    EXPECT_EQ(client->cache_bytes(), 0u);  // refused answers are not cached

    FetchHandle b = client->get(kUrl, record(), o);
    ASSERT_EQ(transport.requests.size(), 2u);
    transport.respond(1, answer(200, "slow down"));
    advance(0);
    EXPECT_EQ(b.progress().last_error.message.substr(0, 22), "Too fast. Retrying in ");
    run_for(1000);
    ASSERT_EQ(transport.requests.size(), 3u);
    transport.respond(2, answer(200, "{}"));
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].ok());
}

TEST_F(HttpClientTest, JitterIsDeterministicPerSeed) {
    auto retry_time = [&](uint64_t seed) {
        FakeTransport t;
        int64_t clock = kStart;
        HttpClientConfig config;
        config.seed = seed;
        HttpClient c(t, [&] { return clock; }, [&] { return clock; }, config);
        FetchHandle h = c.get(kUrl, [](const FetchResult&) {});
        t.respond(0, answer(503));
        c.tick();
        return h.progress().retry_at_ms - kStart;
    };
    EXPECT_EQ(retry_time(7), retry_time(7));
    std::set<int64_t> seen;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
        int64_t delay = retry_time(seed);
        EXPECT_GE(delay, 500);
        EXPECT_LE(delay, 1000);
        seen.insert(delay);
    }
    EXPECT_GT(seen.size(), 4u);
}

TEST_F(HttpClientTest, BackoffGrowsAndIsCapped) {
    HttpClientConfig config;
    config.backoff_max_ms = 4000;
    client = make_client(config);
    FetchOptions o;
    o.max_attempts = 6;
    FetchHandle h = client->get(kUrl, record(), o);
    std::vector<int64_t> delays;
    for (size_t i = 0; i < 5; ++i) {
        transport.respond(i, answer(504));
        advance(0);
        delays.push_back(h.progress().retry_at_ms - now);
        run_for(h.progress().retry_at_ms - now, 1);
    }
    EXPECT_LE(delays[0], 1000);
    EXPECT_GE(delays[1], 1000);
    EXPECT_LE(delays[1], 2000);
    EXPECT_GE(delays[2], 2000);
    EXPECT_GE(delays[4], 2000);
    EXPECT_LE(delays[4], 4000);
}

TEST_F(HttpClientTest, DeferRunsInTheNextTickUnlessCancelled) {
    int ran = 0;
    FetchHandle a = client->defer([&] { ++ran; });
    FetchHandle b = client->defer([&] { ran += 10; });
    b.cancel();
    EXPECT_EQ(ran, 0);
    EXPECT_FALSE(client->idle());
    client->tick();
    EXPECT_EQ(ran, 1);
    EXPECT_FALSE(a.pending());
    EXPECT_TRUE(client->idle());
}

TEST_F(HttpClientTest, CallbacksMayStartAndCancelRequests) {
    FetchHandle second, third;
    FetchHandle first = client->get(kUrl, [&](const FetchResult&) {
        second = client->get(kUrl, record(), cached());  // a cache hit, delivered next tick
        third.cancel();
        first.cancel();  // cancelling itself while running is harmless
    }, cached());
    third = client->get(kUrl, record());
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    EXPECT_TRUE(results.empty());  // third was cancelled before its turn
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].from_cache);
}

TEST_F(HttpClientTest, StaleCallbackMayCancelItself) {
    FetchOptions o = cached();
    o.fresh_ms = 1000;
    FetchHandle first = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    advance(2000);
    int calls = 0;
    FetchHandle h;
    h = client->get(kUrl, [&](const FetchResult&) {
        ++calls;
        h.cancel();
    }, o);
    advance(0);
    EXPECT_EQ(calls, 1);
    EXPECT_TRUE(transport.requests[1].cancelled);
}

TEST_F(HttpClientTest, SynchronousTransportsWork) {
    struct Immediate : Transport {
        RequestId start(const TransportRequest&, DoneFn done) override {
            done(answer(200, "[0]"));
            return 1;
        }
        void cancel(RequestId) override {}
    } immediate;
    HttpClient c(immediate, [] { return kStart; }, [] { return kStart; });
    std::vector<FetchResult> got;
    FetchHandle h = c.get(kUrl, [&](const FetchResult& r) { got.push_back(r); });
    EXPECT_TRUE(got.empty());
    c.tick();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].response.body, "[0]");
}

TEST_F(HttpClientTest, HandlesOutliveTheClientSafely) {
    FetchHandle h = client->get(kUrl, record());
    Transport::DoneFn late = transport.requests[0].done;
    client.reset();
    EXPECT_TRUE(transport.requests[0].cancelled);
    EXPECT_FALSE(h.pending());
    h.cancel();
    late(answer(200));  // a transport that answers anyway must not crash
    EXPECT_TRUE(results.empty());
}

// [SECTION] only decoded answers are cached ----------------------------------------------

namespace {

// Decodes "[n]" into the number n; anything else is a bad document.
FetchOptions number_decoder(int* decodes) {
    FetchOptions o;
    o.decode = [decodes](const HttpResponse& r) {
        ++*decodes;
        if (r.body.size() < 3 || r.body.front() != '[' || r.body.back() != ']')
            return Decoded{make_error(FetchError::BadDocument, "Not a number list."), nullptr};
        return Decoded{{}, std::make_shared<int>(std::stoi(r.body.substr(1)))};
    };
    return o;
}

}  // namespace

TEST_F(HttpClientTest, AnAnswerThatFailsToDecodeIsNotCachedAndTheNextGetAsksAgain) {
    int decodes = 0;
    FetchOptions o = number_decoder(&decodes);
    FetchHandle a = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1"));  // truncated
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.kind, FetchError::BadDocument);
    EXPECT_EQ(client->cache_bytes(), 0u);
    // "Try again" right away, well inside any freshness window: it reaches the network
    FetchHandle b = client->get(kUrl, record(), o);
    ASSERT_EQ(transport.requests.size(), 2u);
    transport.respond(1, answer(200, "[7]"));
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    ASSERT_TRUE(results[1].ok());
    EXPECT_EQ(*std::static_pointer_cast<const int>(results[1].decoded), 7);
    EXPECT_GT(client->cache_bytes(), 0u);
}

TEST_F(HttpClientTest, ACacheHitCarriesWhatWasDecodedWithoutDecodingAgain) {
    int decodes = 0;
    FetchOptions o = number_decoder(&decodes);
    FetchHandle a = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[3]"));
    advance(0);
    FetchHandle b = client->get(kUrl, record(), o);
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].from_cache);
    EXPECT_EQ(*std::static_pointer_cast<const int>(results[1].decoded), 3);
    EXPECT_EQ(decodes, 1);
    EXPECT_EQ(transport.requests.size(), 1u);
}

TEST_F(HttpClientTest, WithoutADecoderNothingIsCached) {
    FetchHandle a = client->get(kUrl, record());
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    EXPECT_EQ(client->cache_bytes(), 0u);
    FetchHandle b = client->get(kUrl, record());
    EXPECT_EQ(transport.requests.size(), 2u);
}

TEST_F(HttpClientTest, AStaleRefreshThatFailsToDecodeLeavesTheGoodAnswer) {
    int decodes = 0;
    FetchOptions o = number_decoder(&decodes);
    o.fresh_ms = 1000;
    FetchHandle a = client->get(kUrl, record(), o);
    transport.respond(0, answer(200, "[1]"));
    advance(0);
    advance(2000);
    FetchHandle b = client->get(kUrl, record(), o);
    transport.respond(1, answer(200, "<html>maintenance</html>"));
    advance(0);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[1].stale);
    EXPECT_EQ(*std::static_pointer_cast<const int>(results[1].decoded), 1);
    // the good answer is still what the cache holds
    FetchHandle c = client->get(kUrl, record(), o);
    advance(0);
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(*std::static_pointer_cast<const int>(results[2].decoded), 1);
}

// [SECTION] Retry-After holds the whole host, on the monotonic clock ---------------------

TEST_F(HttpClientTest, RetryAfterHoldsEveryRequestToTheHost) {
    FetchHandle a = client->get(kUrl, record());
    transport.respond(0, answer(429, "slow down", "text/plain", "2"));
    advance(0);
    // another document from the same server, asked for inside the window, waits for it
    FetchHandle b = client->get("https://news.example/api/v1/countries/FR/stories-1.json", record());
    FetchHandle other = client->get("https://elsewhere.example/x", record());
    EXPECT_EQ(transport.requests.size(), 2u);  // only the other host's
    EXPECT_TRUE(b.progress().queued);
    run_for(1999, 1);
    EXPECT_EQ(transport.requests.size(), 2u) << "no request inside the 2 s the server asked for";
    run_for(5, 1);
    EXPECT_EQ(transport.requests.size(), 4u);  // the retry and the held request, at 2 s
}

TEST_F(HttpClientTest, RetryAfterIsTimedOnTheMonotonicClockWhateverTheWallClockDoes) {
    FetchHandle a = client->get(kUrl, record());
    transport.respond(0, answer(429, "slow down", "text/plain", "3"));
    advance(0);
    wall_offset = 3600 * 1000;  // the system clock jumps an hour ahead
    run_for(2999, 1);
    EXPECT_EQ(transport.requests.size(), 1u);
    wall_offset = -3600 * 1000;  // and back
    run_for(2, 1);
    EXPECT_EQ(transport.requests.size(), 2u);
}

TEST_F(HttpClientTest, ALongRetryAfterFailsLaterRequestsAtOnceWithoutAsking) {
    FetchHandle a = client->get(kUrl, record());
    transport.respond(0, answer(429, "slow down", "text/plain", "600"));
    advance(0);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].error.message,
              "The news server at news.example is busy (HTTP 429). It asks to wait 10 min before trying again.");
    run_for(60 * 1000, 1000);
    FetchHandle again = client->get(kUrl, record());  // "Try again" a minute later
    advance(0);
    EXPECT_EQ(transport.requests.size(), 1u) << "no request inside the window";
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[1].error.kind, FetchError::RateLimited);
    EXPECT_EQ(results[1].error.message,
              "The news server at news.example is busy (HTTP 429). It asks to wait 9 min before trying again.");
    run_for(9 * 60 * 1000, 1000);
    FetchHandle later = client->get(kUrl, record());  // after the window: asks again
    EXPECT_EQ(transport.requests.size(), 2u);
}
