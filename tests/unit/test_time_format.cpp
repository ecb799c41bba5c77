#include <gtest/gtest.h>

#include "core/time_format.hpp"

using namespace ng;

constexpr int64_t kNov25 = 1795588800;  // 2026-11-25T06:40:00Z

TEST(TimeFormat, ParsesRfc3339InUtc) {
    EXPECT_EQ(parse_rfc3339("2026-11-25T06:40:00Z"), kNov25);
    EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01Z"), 1);
    EXPECT_EQ(parse_rfc3339("2000-02-29T00:00:00Z"), 951782400);
    EXPECT_EQ(parse_rfc3339("1969-12-31T23:59:59Z"), -1);
}

TEST(TimeFormat, ParsesOffsetsFractionsAndLowerCase) {
    EXPECT_EQ(parse_rfc3339("2026-11-25T07:40:00+01:00"), kNov25);
    EXPECT_EQ(parse_rfc3339("2026-11-24T22:10:00-08:30"), kNov25);
    EXPECT_EQ(parse_rfc3339("2026-11-25t06:40:00.123456z"), kNov25);
    EXPECT_EQ(parse_rfc3339("2026-11-25 06:40:00Z"), kNov25);
    EXPECT_EQ(parse_rfc3339("2016-12-31T23:59:60Z"), parse_rfc3339("2016-12-31T23:59:59Z"));  // leap second
}

TEST(TimeFormat, RejectsMalformedTimes) {
    for (const char* bad : {"", "2026-11-25", "2026-11-25T06:40:00", "2026-13-01T00:00:00Z",
                            "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-25T24:00:00Z",
                            "2026-11-25T06:60:00Z", "2026-11-25T06:40:00.Z", "2026-11-25T06:40:00+0100",
                            "2026-11-25T06:40:00Z ", " 2026-11-25T06:40:00Z", "20261125T064000Z", "yesterday",
                            "2026-11-25T06:40:00+24:00", "2026-1-25T06:40:00Z", "+2026-11-25T06:40:00Z"}) {
        EXPECT_EQ(parse_rfc3339(bad), 0) << bad;
    }
}

TEST(TimeFormat, FormatsRfc3339AndRoundTrips) {
    EXPECT_EQ(format_rfc3339(kNov25), "2026-11-25T06:40:00Z");
    EXPECT_EQ(format_rfc3339(-1), "1969-12-31T23:59:59Z");
    for (int64_t t : {int64_t(0), int64_t(951782400), kNov25, int64_t(4102444799)})
        EXPECT_EQ(parse_rfc3339(format_rfc3339(t)), t);
}

TEST(TimeFormat, TimestampKeepsTextOnlyWhenValid) {
    Timestamp ok = make_timestamp("2026-11-25T06:40:00Z");
    EXPECT_TRUE(ok.known());
    EXPECT_EQ(ok.text, "2026-11-25T06:40:00Z");
    EXPECT_EQ(ok.seconds, kNov25);
    Timestamp bad = make_timestamp("Tuesday");
    EXPECT_FALSE(bad.known());
    EXPECT_EQ(bad.text, "");
}

TEST(TimeFormat, ParsesHttpDates) {
    EXPECT_EQ(parse_http_date("Wed, 25 Nov 2026 06:40:00 GMT"), kNov25);
    EXPECT_EQ(parse_http_date("Wed, 25 Nov 2026 06:40:00 UTC"), 0);
    EXPECT_EQ(parse_http_date("Wed, 25 Foo 2026 06:40:00 GMT"), 0);
    EXPECT_EQ(parse_http_date("Wednesday, 25-Nov-26 06:40:00 GMT"), 0);
    EXPECT_EQ(parse_http_date("120"), 0);
}

TEST(TimeFormat, RelativeTimes) {
    int64_t now = kNov25;
    EXPECT_EQ(format_relative_time(0, now), "");
    EXPECT_EQ(format_relative_time(now - 10, now), "just now");
    EXPECT_EQ(format_relative_time(now + 60, now), "just now");  // small clock skew
    EXPECT_EQ(format_relative_time(now - 5 * 60, now), "5 min ago");
    EXPECT_EQ(format_relative_time(now - 59 * 60, now), "59 min ago");
    EXPECT_EQ(format_relative_time(now - 2 * 3600 - 59, now), "2 h ago");
    EXPECT_EQ(format_relative_time(now - 23 * 3600, now), "23 h ago");
    EXPECT_EQ(format_relative_time(now - 30 * 3600, now), "yesterday");
    EXPECT_EQ(format_relative_time(now - 3 * 86400, now), "3 d ago");
    EXPECT_EQ(format_relative_time(now - 8 * 86400, now), "17 Nov 2026");
    EXPECT_EQ(format_relative_time(now + 86400, now), "26 Nov 2026");  // the future: a plain date
}

TEST(TimeFormat, FormatsDates) {
    EXPECT_EQ(format_date(kNov25), "25 Nov 2026");
    EXPECT_EQ(format_date(951782400), "29 Feb 2000");
    EXPECT_EQ(format_date(0), "");
}

TEST(TimeFormat, FirstSeenIsNeverPresentedAsPublished) {
    int64_t now = kNov25;
    Timestamp published{"2026-11-25T04:40:00Z", now - 2 * 3600};
    Timestamp seen{"2026-11-25T05:40:00Z", now - 3600};
    EXPECT_EQ(describe_story_time(published, seen, now), "2 h ago");
    EXPECT_EQ(describe_story_time({}, seen, now), "first seen 1 h ago");
    EXPECT_EQ(describe_story_time({}, {}, now), "");
}
