// The feed-health report: streaks across runs, per-outlet and per-country
// summaries, Retry-After holds, the JSON the next run reads back, the text
// people read; and the repository's curated outlet table.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/time_format.hpp"
#include "health.hpp"
#include "outlets.hpp"

using namespace ingest;

namespace {

const int64_t T1 = ng::parse_rfc3339("2026-11-30T10:00:00Z");
const int64_t T2 = T1 + 900;
const int64_t T3 = T2 + 900;

SourceOutcome outcome(const std::string& url, const std::string& outlet, const std::string& country, int64_t at,
                      const std::string& error = "", int items = 5) {
    SourceOutcome o;
    o.url = url;
    o.outlet = outlet;
    o.country = country;
    o.attempted_at = at;
    o.error = error;
    o.status = error.empty() ? 200 : 404;
    o.items = error.empty() ? items : -1;
    return o;
}

const std::vector<OutletRef> kOutlets = {
    {"fr-le-monde", "Le Monde", "FR", false},
    {"fr-liberation", "Libération", "FR", false},
    {"de-zeit", "ZEIT ONLINE", "DE", false},
};

HealthReport fold(const HealthReport& previous, std::vector<SourceOutcome> outcomes, int64_t now,
                  std::vector<HostHold> holds = {}) {
    return update_health(previous, std::move(outcomes), kOutlets, std::move(holds), {"Outlet 9 was skipped: it needs a name."},
                         RunStats{}, "capture", now);
}

const FeedHealth& feed(const HealthReport& r, const std::string& url) {
    for (const FeedHealth& f : r.feeds)
        if (f.last.url == url) return f;
    ADD_FAILURE() << "no feed " << url;
    static FeedHealth none;
    return none;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(Health, StreaksGrowOnFailureAndResetOnSuccess) {
    const std::string url = "https://lemonde.example/rss";
    HealthReport r1 = fold({}, {outcome(url, "fr-le-monde", "FR", T1, "HTTP 404 Not Found.")}, T1);
    EXPECT_EQ(feed(r1, url).error_streak, 1);
    EXPECT_EQ(feed(r1, url).failing_since, T1);
    EXPECT_EQ(feed(r1, url).last_success, 0);

    HealthReport r2 = fold(r1, {outcome(url, "fr-le-monde", "FR", T2, "HTTP 404 Not Found.")}, T2);
    EXPECT_EQ(feed(r2, url).error_streak, 2);
    EXPECT_EQ(feed(r2, url).failing_since, T1) << "the streak's start is kept";

    HealthReport r3 = fold(r2, {outcome(url, "fr-le-monde", "FR", T3)}, T3);
    EXPECT_EQ(feed(r3, url).error_streak, 0);
    EXPECT_EQ(feed(r3, url).last_success, T3);
    EXPECT_EQ(feed(r3, url).last_error, "HTTP 404 Not Found.") << "the last error stays readable after recovery";
    EXPECT_EQ(feed(r3, url).last_error_at, T2);
}

TEST(Health, ASkipIsNeitherSuccessNorFailure) {
    const std::string url = "https://zeit.example/all";
    HealthReport r1 = fold({}, {outcome(url, "de-zeit", "DE", T1)}, T1);
    SourceOutcome skipped = outcome(url, "de-zeit", "DE", T2, "Skipped: zeit.example asked us to wait.");
    skipped.skipped = true;
    HealthReport r2 = fold(r1, {skipped}, T2);
    EXPECT_EQ(feed(r2, url).error_streak, 0);
    EXPECT_EQ(feed(r2, url).last_success, T1);
    EXPECT_FALSE(feed(r2, url).last.ok());
    EXPECT_EQ(r2.outlets[2].status, "waiting");
}

TEST(Health, OutletsAndCountriesSummariseTheirFeeds) {
    HealthReport r = fold({}, {outcome("https://lemonde.example/a", "fr-le-monde", "FR", T1, "", 20),
                               outcome("https://lemonde.example/b", "fr-le-monde", "FR", T1, "HTTP 500 Internal Server Error."),
                               outcome("https://liberation.example/a", "fr-liberation", "FR", T1, "The feed redirects in a loop."),
                               outcome("https://zeit.example/a", "de-zeit", "DE", T1, "", 7)},
                          T1);
    ASSERT_EQ(r.outlets.size(), 3u);
    EXPECT_EQ(r.outlets[0].status, "partial");
    EXPECT_EQ(r.outlets[0].feeds, 2);
    EXPECT_EQ(r.outlets[0].feeds_ok, 1);
    EXPECT_EQ(r.outlets[0].items, 20);
    EXPECT_EQ(r.outlets[1].status, "failing");
    EXPECT_EQ(r.outlets[2].status, "ok");
    ASSERT_EQ(r.countries.size(), 2u);
    EXPECT_EQ(r.countries[0].country, "DE");
    EXPECT_EQ(r.countries[1].country, "FR");
    EXPECT_EQ(r.countries[1].outlets, 2);
    EXPECT_EQ(r.countries[1].outlets_ok, 1);
    EXPECT_EQ(r.countries[1].feeds, 3);
    EXPECT_EQ(r.countries[1].items, 20);
}

TEST(Health, HoldsExpireAndAreRenewed) {
    HealthReport r1 = fold({}, {}, T1, {{"a.example", T1 + 600, "HTTP 429 with Retry-After: 600"},
                                        {"b.example", T1 + 7200, "HTTP 503 with Retry-After: 7200"}});
    EXPECT_EQ(active_holds(r1, T1 + 599).size(), 2u);
    EXPECT_EQ(active_holds(r1, T1 + 600).size(), 1u) << "a hold ends at its time";
    HealthReport r2 = fold(r1, {}, T2, {{"b.example", T2 + 60, "HTTP 429 with Retry-After: 60"}});
    ASSERT_EQ(r2.holds.size(), 1u) << "a.example's hold expired; b.example's was replaced";
    EXPECT_EQ(r2.holds[0].until, T2 + 60);
}

TEST(Health, JsonCarriesTheHistoryToTheNextRun) {
    const std::string url = "https://lemonde.example/rss";
    HealthReport r1 = fold({}, {outcome(url, "fr-le-monde", "FR", T1, "HTTP 404 Not Found.")}, T1,
                           {{"a.example:8080", T1 + 3600, "HTTP 429 with Retry-After: 3600"}});
    HealthReport back;
    std::string problem;
    ASSERT_TRUE(health_from_json(health_to_json(r1), back, problem)) << problem;
    ASSERT_EQ(back.feeds.size(), 1u);
    EXPECT_EQ(back.feeds[0].last.url, url);
    EXPECT_EQ(back.feeds[0].error_streak, 1);
    EXPECT_EQ(back.feeds[0].failing_since, T1);
    EXPECT_EQ(back.feeds[0].last_error, "HTTP 404 Not Found.");
    ASSERT_EQ(back.holds.size(), 1u);
    EXPECT_EQ(back.holds[0].host, "a.example:8080");
    EXPECT_EQ(back.holds[0].until, T1 + 3600);
    HealthReport r2 = fold(back, {outcome(url, "fr-le-monde", "FR", T2, "HTTP 404 Not Found.")}, T2);
    EXPECT_EQ(feed(r2, url).error_streak, 2);

    for (const char* bad : {"", "[]", "{\"format\": \"something else\"}", "{\"format\": 1}"})
        EXPECT_FALSE(health_from_json(bad, back, problem)) << bad;
}

TEST(Health, TextNamesEveryProblemWithItsHistory) {
    HealthReport r1 = fold({}, {outcome("https://lemonde.example/rss", "fr-le-monde", "FR", T1, "HTTP 404 Not Found."),
                                outcome("https://zeit.example/all", "de-zeit", "DE", T1)},
                           T1, {{"a.example", T1 + 60, "HTTP 429 with Retry-After: 60"}});
    HealthReport r2 = fold(r1, {outcome("https://lemonde.example/rss", "fr-le-monde", "FR", T2, "HTTP 404 Not Found."),
                                outcome("https://zeit.example/all", "de-zeit", "DE", T2)},
                           T2);
    std::string text = health_to_text(r2);
    EXPECT_NE(text.find("Problems (1):"), std::string::npos) << text;
    EXPECT_NE(text.find("https://lemonde.example/rss\n      HTTP 404 Not Found. Failing 2 runs in a row since 2026-11-30T10:00:00Z."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("FR  0/2 outlets"), std::string::npos) << text;
    EXPECT_NE(text.find("nothing usable"), std::string::npos) << text;
    EXPECT_NE(text.find("Outlet 9 was skipped"), std::string::npos) << text;
    EXPECT_EQ(text.find("Hosts that asked us to wait"), std::string::npos) << "a.example's hold has expired";
}

// [SECTION] The curated table ----------------------------------------------------------

TEST(CuratedOutlets, TheRepositoryTableCoversTheWorldAndLeavesTheRestToTheWideTier) {
    const std::string root = NEWSGLOBE_SOURCE_DIR;
    OutletTable table = load_outlet_table(root + "/ingest/outlets.json");
    EXPECT_TRUE(table.problems.empty()) << table.problems.front();
    EXPECT_GE(table.outlets.size(), 180u);
    EXPECT_NE(table.notice.find("MIT License, Copyright (c) 2024 Kagi Search"), std::string::npos) << table.notice;

    std::string list = read_file(root + "/ingest/feeds/country_feeds.json");
    std::map<std::string, int> per_country;
    bool open_licence = false;
    for (const Outlet& o : table.outlets) {
        ++per_country[o.country];
        EXPECT_FALSE(o.domain.empty()) << o.id;
        EXPECT_LE(o.feeds.size(), 2u) << o.id << ": a few feeds per outlet keep the run polite";
        if (o.allows_full_text()) {
            open_licence = true;
            EXPECT_FALSE(o.licence_url.empty()) << o.id;
        }
    }
    EXPECT_GE(per_country.size(), 60u);
    for (const auto& [country, n] : per_country) EXPECT_GE(n, 3) << country;
    EXPECT_TRUE(open_licence) << "Global Voices (CC BY 4.0) is marked";

    OutletTable wide = parse_feed_list(list, table);
    EXPECT_TRUE(wide.problems.empty());
    std::set<std::string> curated_domains;
    for (const Outlet& o : table.outlets) curated_domains.insert(o.domain);
    for (const Outlet& o : wide.outlets) EXPECT_FALSE(curated_domains.count(o.domain)) << o.id << " is curated already";
}
