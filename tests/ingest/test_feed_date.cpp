#include <gtest/gtest.h>

#include "core/time_format.hpp"
#include "feed_date.hpp"

using ingest::parse_feed_date;
using ng::format_rfc3339;

namespace {

// Every form below means 2026-11-25T06:40:00Z unless stated otherwise.
constexpr const char* kUtc = "2026-11-25T06:40:00Z";

std::string parsed(const char* text) { return format_rfc3339(parse_feed_date(text)); }

}  // namespace

TEST(FeedDate, Rfc822AsSpecified) {
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 06:40:00 GMT"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 07:40:00 +0100"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 01:40:00 -0500"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 06:40:00 UT"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 06:40:00 Z"), kUtc);
}

TEST(FeedDate, Rfc822AsWritten) {
    EXPECT_EQ(parsed("25 Nov 2026 06:40:00 GMT"), kUtc);                 // no weekday
    EXPECT_EQ(parsed("Mon, 25 Nov 2026 06:40:00 GMT"), kUtc);            // wrong weekday
    EXPECT_EQ(parsed("Tue,25 Nov 2026 06:40:00 GMT"), kUtc);             // no space after the comma
    EXPECT_EQ(parsed("Wed, 5 Nov 2026 06:40:00 GMT"), "2026-11-05T06:40:00Z");  // one-digit day
    EXPECT_EQ(parsed("Wed, 25 Nov 26 06:40:00 GMT"), kUtc);              // two-digit year
    EXPECT_EQ(parsed("Wed, 25 Nov 99 06:40:00 GMT"), "1999-11-25T06:40:00Z");
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 06:40 GMT"), kUtc);               // no seconds
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 6:40:00 GMT"), kUtc);             // one-digit hour
    EXPECT_EQ(parsed("Wednesday, 25 November 2026 06:40:00 GMT"), kUtc);  // full names
    EXPECT_EQ(parsed("Wed, 25 NOV 2026 06:40:00 gmt"), kUtc);            // any case
    EXPECT_EQ(parsed("Wed, 25 Nov. 2026 06:40:00 GMT"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Sept 2026 06:40:00 GMT"), "2026-09-25T06:40:00Z");
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 06:40:00"), kUtc);                // no zone: UTC
    EXPECT_EQ(parsed("  Wed, 25 Nov 2026 06:40:00 GMT \n"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026"), "2026-11-25T00:00:00Z");       // no time
}

TEST(FeedDate, NamedAndNumericZones) {
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 01:40:00 EST"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 02:40:00 EDT"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 00:40:00 CST"), kUtc);
    EXPECT_EQ(parsed("Tue, 24 Nov 2026 22:40:00 PST"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 07:40:00 CET"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 08:40:00 CEST"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 09:40:00 MSK"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 15:40:00 JST"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 12:10:00 IST"), kUtc);            // India
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 17:40:00 AEDT"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 07:40:00 0100"), kUtc);           // a sign missing
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 07:40:00 +01:00"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 12:10:00 GMT+0530"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 09:40:00 UTC+3"), kUtc);
    EXPECT_EQ(parsed("Wed, 25 Nov 2026 06:40:00 A"), kUtc);              // military letters: unreliable, UTC
}

TEST(FeedDate, OtherOrdersAndClocks) {
    EXPECT_EQ(parsed("Wed Nov 25 07:40:00 CET 2026"), kUtc);             // ctime / Java's Date.toString()
    EXPECT_EQ(parsed("November 25, 2026 6:40 AM"), kUtc);                // US
    EXPECT_EQ(parsed("November 25, 2026 1:40 PM EST"), "2026-11-25T18:40:00Z");
    EXPECT_EQ(parsed("Nov 25, 2026 12:40 AM"), "2026-11-25T00:40:00Z");
    EXPECT_EQ(parsed("25.11.2026 07:40 +0100"), kUtc);                   // European dotted
    EXPECT_EQ(parsed("2026年11月25日 15:40 JST"), kUtc);                 // Chinese, Japanese
    EXPECT_EQ(parsed("2026년 11월 25일 15:40 KST"), kUtc);               // Korean
}

TEST(FeedDate, MonthNamesInOtherLanguages) {
    EXPECT_EQ(parsed("mer., 25 nov. 2026 07:40:00 +0100"), kUtc);        // French ("mar." is Tuesday, not March)
    EXPECT_EQ(parsed("25 décembre 2026 06:40"), "2026-12-25T06:40:00Z");
    EXPECT_EQ(parsed("Mittwoch, 25. November 2026 07:40 MEZ"), kUtc);    // German, "am" not a clock
    EXPECT_EQ(parsed("am 25. März 2026 um 07:40 Uhr"), "2026-03-25T07:40:00Z");
    EXPECT_EQ(parsed("25 Okt 2026 06:40"), "2026-10-25T06:40:00Z");
    EXPECT_EQ(parsed("miércoles, 25 de noviembre de 2026 06:40"), kUtc);  // Spanish
    EXPECT_EQ(parsed("martes, 25 de marzo de 2026"), "2026-03-25T00:00:00Z");
    EXPECT_EQ(parsed("25 de novembro de 2026 03:40 -0300"), kUtc);       // Portuguese
    EXPECT_EQ(parsed("25 dez 2026"), "2026-12-25T00:00:00Z");
    EXPECT_EQ(parsed("mercoledì 25 novembre 2026 07:40 CET"), kUtc);     // Italian
    EXPECT_EQ(parsed("25 mei 2026"), "2026-05-25T00:00:00Z");            // Dutch
    EXPECT_EQ(parsed("25 ноября 2026 09:40 MSK"), kUtc);                 // Russian, genitive
    EXPECT_EQ(parsed("25 Ноябрь 2026"), "2026-11-25T00:00:00Z");
    EXPECT_EQ(parsed("25 Kasım 2026 09:40 +0300"), kUtc);                // Turkish
}

TEST(FeedDate, Rfc3339AndIso8601Variants) {
    EXPECT_EQ(parsed("2026-11-25T06:40:00Z"), kUtc);
    EXPECT_EQ(parsed("2026-11-25T07:40:00+01:00"), kUtc);
    EXPECT_EQ(parsed("2026-11-25T06:40:00.123456Z"), kUtc);
    EXPECT_EQ(parsed("2026-11-25 06:40:00Z"), kUtc);                     // space instead of T
    EXPECT_EQ(parsed("2026-11-25T06:40:00"), kUtc);                      // no zone: UTC
    EXPECT_EQ(parsed("2026-11-25 06:40:00"), kUtc);
    EXPECT_EQ(parsed("2026-11-25T07:40:00+0100"), kUtc);                 // zone without colon
    EXPECT_EQ(parsed("2026-11-25T07:40:00+01"), kUtc);
    EXPECT_EQ(parsed("2026-11-25T07:40+01:00"), kUtc);                   // no seconds
    EXPECT_EQ(parsed("2026-11-25 07:40:00 +01:00"), kUtc);               // space before the zone
    EXPECT_EQ(parsed("2026-11-25T06:40:00 GMT"), kUtc);
    EXPECT_EQ(parsed("2026-11-25T06:40:00,5Z"), kUtc);
    EXPECT_EQ(parsed("2026-11-25"), "2026-11-25T00:00:00Z");             // a date alone
    EXPECT_EQ(parsed("2026/11/25 06:40"), kUtc);
    EXPECT_EQ(parsed("2026.11.25 06:40"), kUtc);
    EXPECT_EQ(parsed("20261125T064000Z"), kUtc);                         // GDELT's forms
    EXPECT_EQ(parsed("20261125064000"), kUtc);
}

TEST(FeedDate, UnparseableIsZero) {
    for (const char* bad : {"", "   ", "yesterday", "Wed, 32 Nov 2026 06:40:00 GMT", "Wed, 29 Feb 2026 06:40:00 GMT",
                            "Wed, 25 Nov 2026 25:40:00 GMT", "Wed, 25 Nov 2026 06:61:00 GMT", "25 Nov", "Nov 2026",
                            "2026-13-01T00:00:00Z", "2026-11-25T06:40:00+25:00", "1969-12-31T23:59:59Z",
                            "Wed, 25 Nov 2026 06:40:00 +0100 +0200", "12:00 12:00 25 Nov 2026", "1795588800",
                            "Wed, 25 Xyz 2026 06:40:00 GMT"})
        EXPECT_EQ(parse_feed_date(bad), 0) << bad;
    EXPECT_EQ(parse_feed_date(std::string(500, '2')), 0);
    EXPECT_EQ(parsed("Fri, 29 Feb 2028 06:40:00 GMT"), "2028-02-29T06:40:00Z");  // a leap day is fine
}
