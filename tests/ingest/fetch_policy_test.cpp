// The pure parts of polite fetching: the per-host schedule, Retry-After,
// host keys, the User-Agent, body decoding with its size cap, and the option
// parser the subcommands share.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_args.hpp"
#include "core/time_format.hpp"
#include "fetch_body.hpp"
#include "fetch_policy.hpp"
#include "gzip_reader.hpp"

using namespace ingest;

namespace {

// gzip (window 15+16), zlib (15) or raw deflate (-15) bytes of `text`.

// Feeds `bytes` in pieces of `step`, as a network delivers them.
bool feed_in_pieces(BodyDecoder& d, const std::string& bytes, size_t step) {
    for (size_t i = 0; i < bytes.size(); i += step)
        if (!d.feed(bytes.data() + i, std::min(step, bytes.size() - i))) return false;
    return true;
}

const std::string kFeed = "<rss version=\"2.0\"><channel><title>Alpha Courier</title>" + std::string(3000, ' ') + "</channel></rss>";

}  // namespace

// [SECTION] Schedule ------------------------------------------------------------------

TEST(HostScheduler, OneRequestAtATimePerHostWithARestBetween) {
    HostScheduler s(1000, 8);
    s.add(0, "a.example");
    s.add(1, "a.example");
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(0));
    EXPECT_EQ(s.start_next(0), std::nullopt) << "the host is busy";
    EXPECT_EQ(s.wait_ms(0), std::nullopt) << "waiting on a running request, not on time";
    s.finish(0, 100);
    EXPECT_EQ(s.start_next(500), std::nullopt) << "the host rests 1000 ms after the request ended";
    EXPECT_EQ(s.wait_ms(500), std::optional<int64_t>(600));
    EXPECT_EQ(s.start_next(1100), std::optional<size_t>(1));
    s.finish(1, 1200);
    EXPECT_TRUE(s.done());
}

TEST(HostScheduler, HostsRunInParallelUpToTheBound) {
    HostScheduler s(1000, 2);
    s.add(0, "a.example");
    s.add(1, "b.example");
    s.add(2, "c.example");
    EXPECT_TRUE(s.start_next(0));
    EXPECT_TRUE(s.start_next(0));
    EXPECT_EQ(s.start_next(0), std::nullopt) << "two requests in flight at most";
    EXPECT_EQ(s.running(), 2u);
    s.finish(0, 10);
    EXPECT_EQ(s.start_next(10), std::optional<size_t>(2)) << "a fresh host needs no rest";
}

TEST(HostScheduler, LongestQueueFirstThenFirstAdded) {
    HostScheduler s(0, 1);
    s.add(0, "short.example");
    s.add(1, "long.example");
    s.add(2, "long.example");
    s.add(3, "other.example");
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(1)) << "the host with the most work bounds the run: it goes first";
    s.finish(1, 0);
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(0)) << "equal queues: the host added first";
    s.finish(0, 0);
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(2));
    s.finish(2, 0);
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(3));
}

TEST(HostScheduler, DroppingAHostLeavesItsRunningRequestAndOtherHosts) {
    HostScheduler s(0, 4);
    s.add(0, "busy.example");
    s.add(1, "busy.example");
    s.add(2, "busy.example");
    s.add(3, "calm.example");
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(0));
    EXPECT_EQ(s.drop_host("busy.example"), (std::vector<size_t>{1, 2}));
    EXPECT_EQ(s.queued(), 1u);
    EXPECT_EQ(s.start_next(0), std::optional<size_t>(3));
    s.finish(0, 1);
    s.finish(3, 1);
    EXPECT_TRUE(s.done());
    EXPECT_TRUE(s.drop_host("unknown.example").empty());
    s.add(4, "a.example");
    s.add(5, "b.example");
    EXPECT_EQ(s.drop_all(), (std::vector<size_t>{4, 5}));
    EXPECT_TRUE(s.done());
}

// [SECTION] Retry-After, hosts, User-Agent ------------------------------------------

TEST(RetryAfter, SecondsAndDatesAreReadAndCapped) {
    const int64_t now = ng::parse_rfc3339("2026-11-30T10:00:00Z");
    EXPECT_EQ(parse_retry_after("120", now), now + 120);
    EXPECT_EQ(parse_retry_after(" 30 ", now), now + 30);
    EXPECT_EQ(parse_retry_after("Mon, 30 Nov 2026 11:00:00 GMT", now), now + 3600);
    EXPECT_EQ(parse_retry_after("Sun, 29 Nov 2026 11:00:00 GMT", now), now) << "a date in the past means now";
    EXPECT_EQ(parse_retry_after("999999999999", now), now + 24 * 3600) << "capped: no header retires a source for good";
    EXPECT_EQ(parse_retry_after("86400000", now, 3600), now + 3600);
    EXPECT_EQ(parse_retry_after("", now), std::nullopt);
    EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
    EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
}

TEST(HostKey, HostAndNonDefaultPort) {
    EXPECT_EQ(host_key("https://Example.ORG/feed.xml"), "example.org");
    EXPECT_EQ(host_key("http://127.0.0.1:8081/feeds/a.xml"), "127.0.0.1:8081");
    EXPECT_EQ(host_key("https://a.example:443/x"), "a.example");
    EXPECT_EQ(host_key("http://a.example:80"), "a.example");
    EXPECT_EQ(host_key("https://a.example:8443?q=1"), "a.example:8443");
    EXPECT_EQ(host_key("https://[::1]:8443/x"), "[::1]:8443");
    EXPECT_EQ(host_key("ftp://files.example/feed"), "");
    EXPECT_EQ(host_key("/relative/feed.xml"), "");
}

TEST(UserAgent, NamesTheProjectVersionAndContact) {
    std::string ua = user_agent("https://news.example/about");
    EXPECT_EQ(ua.rfind(std::string("newsglobe-ingest/") + kIngestVersion + " (", 0), 0u) << ua;
    EXPECT_NE(ua.find("+https://news.example/about)"), std::string::npos) << ua;
}

TEST(GdeltMinuteStamps, TheFirstMinutesOfEachQuarterHourInTheWindow) {
    const int64_t now = ng::parse_rfc3339("2026-11-30T10:17:30Z");
    std::vector<std::string> stamps = gdelt_minute_stamps(now, 30, 8);
    // From 10:15 (two minutes before now, floored) back to 09:47:30: 10:15,
    // 10:07 … 10:00 after the quarter, then 09:52 … 09:48 after 09:45.
    std::vector<std::string> want = {"20261130101500", "20261130100700", "20261130100600", "20261130100500",
                                     "20261130100400", "20261130100300", "20261130100200", "20261130100100",
                                     "20261130100000", "20261130095200", "20261130095100", "20261130095000",
                                     "20261130094900", "20261130094800"};
    EXPECT_EQ(stamps, want);
    EXPECT_TRUE(gdelt_minute_stamps(now, 1, 8).empty()) << "nothing is old enough yet";
    EXPECT_EQ(gdelt_minute_stamps(now, 60, 1),
              (std::vector<std::string>{"20261130101500", "20261130100000", "20261130094500", "20261130093000"}))
        << "embedding files: on the quarter hour only";
}

TEST(FormatBytes, ReadableUnits) {
    EXPECT_EQ(format_bytes(800), "800 B");
    EXPECT_EQ(format_bytes(12 * 1024), "12 KB");
    EXPECT_EQ(format_bytes(5 * 1024 * 1024), "5.0 MB");
}

// [SECTION] Body decoding ------------------------------------------------------------

TEST(BodyDecoder, IdentityPassesThroughUnderTheCap) {
    BodyDecoder d("", 1 << 20);
    ASSERT_TRUE(feed_in_pieces(d, kFeed, 7));
    EXPECT_TRUE(d.finish());
    EXPECT_EQ(d.body(), kFeed);
}

TEST(BodyDecoder, GzipAndBothKindsOfDeflateDecodeInAnyPieces) {
    for (int bits : {15 + 16, 15, -15}) {
        std::string packed = compress_bytes(kFeed, bits);
        for (size_t step : {size_t{1}, size_t{5}, packed.size()}) {
            BodyDecoder d(bits > 15 ? "gzip" : "deflate", 1 << 20);
            ASSERT_TRUE(feed_in_pieces(d, packed, step)) << d.error();
            EXPECT_TRUE(d.finish()) << d.error();
            EXPECT_EQ(d.body(), kFeed) << "window bits " << bits << ", pieces of " << step;
        }
    }
}

TEST(BodyDecoder, ConcatenatedGzipMembersAreOneBody) {
    std::string packed = compress_bytes("<rss>", 31) + compress_bytes("</rss>", 31);
    BodyDecoder d("x-gzip", 1 << 20);
    ASSERT_TRUE(feed_in_pieces(d, packed, 3));
    EXPECT_TRUE(d.finish());
    EXPECT_EQ(d.body(), "<rss></rss>");
}

TEST(BodyDecoder, TruncatedGzipIsNamedAtTheEnd) {
    std::string packed = compress_bytes(kFeed, 31);
    BodyDecoder d("gzip", 1 << 20);
    ASSERT_TRUE(d.feed(packed.data(), packed.size() / 2));
    EXPECT_FALSE(d.finish());
    EXPECT_NE(d.error().find("truncated"), std::string::npos) << d.error();
    EXPECT_FALSE(d.too_large());
}

TEST(BodyDecoder, CorruptGzipStopsWithASentence) {
    std::string packed = compress_bytes(kFeed, 31);
    for (size_t i = 12; i < packed.size() - 8; ++i) packed[i] = static_cast<char>(packed[i] ^ 0x5A);
    BodyDecoder d("gzip", 1 << 20);
    EXPECT_FALSE(feed_in_pieces(d, packed, 64));
    EXPECT_NE(d.error().find("corrupt"), std::string::npos) << d.error();
}

TEST(BodyDecoder, TheCapAppliesToTheDecodedSize) {
    std::string bomb = compress_bytes(std::string(8 << 20, ' '), 31);  // 8 MB of spaces, a few KB sent
    ASSERT_LT(bomb.size(), 64u * 1024);
    BodyDecoder d("gzip", 1 << 20);
    EXPECT_FALSE(feed_in_pieces(d, bomb, 4096));
    EXPECT_TRUE(d.too_large());
    EXPECT_NE(d.error().find("1.0 MB limit"), std::string::npos) << d.error();
    EXPECT_LE(d.body().size(), 1u << 20);
}

TEST(BodyDecoder, AnEncodingNotAskedForIsRefused) {
    BodyDecoder d("br", 1 << 20);
    EXPECT_FALSE(d.feed("abc", 3));
    EXPECT_NE(d.error().find("\"br\""), std::string::npos) << d.error();
}

TEST(BodyDecoder, AnEmptyGzipBodyIsAnEmptyBody) {
    BodyDecoder d("gzip", 1 << 20);
    EXPECT_TRUE(d.finish());
    EXPECT_EQ(d.body(), "");
}

// [SECTION] Option parser -------------------------------------------------------------

namespace {
struct Argv {
    std::vector<std::string> words;
    std::vector<char*> ptrs;
    explicit Argv(std::vector<std::string> w) : words(std::move(w)) {
        for (std::string& s : words) ptrs.push_back(s.data());
    }
    int argc() const { return static_cast<int>(ptrs.size()); }
    char** argv() { return ptrs.data(); }
};

ArgParser make_parser() {
    return ArgParser("fetch", "test", {{"--outlets", "FILE", "table"}, {"--wide", "", "flag"},
                                       {"--delay", "SECONDS", "rest"}, {"--max-bytes", "SIZE", "cap"}});
}
}  // namespace

TEST(ArgParser, ValuesFlagsAndTypedReaders) {
    Argv a({"newsglobe-ingest", "fetch", "--outlets", "t.json", "--wide", "--delay=0.25", "--max-bytes", "1.5MB"});
    ArgParser p = make_parser();
    ASSERT_TRUE(p.parse(a.argc(), a.argv(), 2)) << p.error();
    EXPECT_EQ(p.value("--outlets"), std::optional<std::string>("t.json"));
    EXPECT_TRUE(p.has("--wide"));
    double delay = 1;
    ASSERT_TRUE(p.number("--delay", delay, 0, 60));
    EXPECT_DOUBLE_EQ(delay, 0.25);
    uint64_t cap = 0;
    ASSERT_TRUE(p.bytes("--max-bytes", cap, 1, 1u << 30));
    EXPECT_EQ(cap, 1572864u);
}

TEST(ArgParser, MistakesAreNamed) {
    {
        Argv a({"x", "fetch", "--outlet", "t.json"});
        ArgParser p = make_parser();
        EXPECT_FALSE(p.parse(a.argc(), a.argv(), 2));
        EXPECT_NE(p.error().find("Unknown option --outlet"), std::string::npos) << p.error();
    }
    {
        Argv a({"x", "fetch", "--outlets"});
        ArgParser p = make_parser();
        EXPECT_FALSE(p.parse(a.argc(), a.argv(), 2));
        EXPECT_NE(p.error().find("needs a value"), std::string::npos) << p.error();
    }
    {
        Argv a({"x", "fetch", "--delay", "soon", "--max-bytes", "5 parsecs"});
        ArgParser p = make_parser();
        ASSERT_TRUE(p.parse(a.argc(), a.argv(), 2));
        double delay = 1;
        EXPECT_FALSE(p.number("--delay", delay, 0, 60));
        EXPECT_DOUBLE_EQ(delay, 1) << "the default is kept";
        uint64_t cap = 7;
        EXPECT_FALSE(p.bytes("--max-bytes", cap, 1, 1u << 30));
        EXPECT_EQ(cap, 7u);
    }
    {
        Argv a({"x", "fetch", "--help"});
        ArgParser p = make_parser();
        EXPECT_TRUE(p.parse(a.argc(), a.argv(), 2));
        EXPECT_TRUE(p.help_requested());
        EXPECT_NE(p.usage().find("--outlets FILE"), std::string::npos);
    }
}
