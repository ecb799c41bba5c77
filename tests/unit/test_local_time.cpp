// Country clocks: the core maps each country to its capital's IANA zone; the
// offset comes from elsewhere (the browser), here from a stand-in.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include "core/local_time.hpp"
#include "world_fixture.hpp"

namespace {

// Offsets on 2026-03-28 12:00 UTC, as the IANA database gives them: Israel
// and Palestine are already on summer time (they change on the Friday and
// Saturday before the EU's last Sunday of March).
const std::map<std::string, int> kSaturday28March = {
    {"Asia/Jerusalem", 180}, {"Asia/Hebron", 180}, {"Europe/Paris", 60}, {"America/New_York", -240},
    {"Asia/Kolkata", 330}, {"Asia/Kathmandu", 345}, {"Australia/Sydney", 660}};

std::optional<int> fake_browser(const char* zone, int64_t) {
    auto it = kSaturday28March.find(zone);
    return it == kSaturday28March.end() ? std::nullopt : std::optional<int>(it->second);
}

const int64_t kNoon28March = 1774699200;  // 2026-03-28 12:00:00 UTC

}  // namespace

TEST(LocalTime, EveryCountryOfTheMapHasItsCapitalsZone) {
    const ng::World& world = test_world();
    ASSERT_FALSE(world.countries.empty());
    std::set<std::string> missing;
    for (const ng::Country& c : world.countries)
        if (!c.iso.empty() && !ng::country_time_zone(c.iso)) missing.insert(c.iso);
    // Antarctica and the Heard and McDonald Islands have no capital (nor
    // anyone living there): their clocks are estimated from the longitude
    EXPECT_EQ(missing, (std::set<std::string>{"AQ", "HM"}));
}

TEST(LocalTime, TheTableHasOneWellFormedZonePerCountry) {
    std::set<std::string> seen;
    for (char a = 'A'; a <= 'Z'; ++a)
        for (char b = 'A'; b <= 'Z'; ++b) {
            std::string iso{a, b};
            std::optional<ng::CountryZone> z = ng::country_time_zone(iso);
            if (!z) continue;
            const std::string& zone = z->zone;
            EXPECT_NE(zone.find('/'), std::string::npos) << iso << " " << zone;  // Area/Location
            EXPECT_TRUE(std::isupper(static_cast<unsigned char>(zone[0]))) << zone;
            seen.insert(iso);
        }
    EXPECT_GT(seen.size(), 240u);
    EXPECT_FALSE(ng::country_time_zone("fr")) << "codes are upper case";
    EXPECT_FALSE(ng::country_time_zone("F"));
    EXPECT_FALSE(ng::country_time_zone("FRA"));
    EXPECT_FALSE(ng::country_time_zone(""));
}

TEST(LocalTime, IsraelAndPalestineHaveTheirOwnZonesNotAnEuRule) {
    EXPECT_EQ(ng::country_time_zone("IL")->zone, "Asia/Jerusalem");
    EXPECT_EQ(ng::country_time_zone("PS")->zone, "Asia/Hebron");
    ng::LocalTime il = ng::local_time("IL", 35, kNoon28March, fake_browser);
    ng::LocalTime fr = ng::local_time("FR", 2, kNoon28March, fake_browser);
    EXPECT_EQ(il.offset_minutes, 180);
    EXPECT_EQ(il.clock, "15:00");
    EXPECT_EQ(fr.offset_minutes, 60);
    EXPECT_EQ(fr.clock, "13:00");
}

TEST(LocalTime, CountriesWithSeveralZonesShowANamedCity) {
    EXPECT_EQ(ng::country_time_zone("US")->zone, "America/New_York");
    EXPECT_EQ(ng::country_time_zone("US")->city, "New York");
    EXPECT_EQ(ng::country_time_zone("BR")->city, "Bras\xc3\xadlia");
    EXPECT_EQ(ng::country_time_zone("FR")->city, "");
    ng::LocalTime t = ng::local_time("US", -98, kNoon28March, fake_browser);
    EXPECT_EQ(t.label, "in New York");
    EXPECT_EQ(t.clock, "08:00");
    EXPECT_EQ(ng::local_time("AU", 134, kNoon28March, fake_browser).label, "in Sydney");
    EXPECT_EQ(ng::local_time("IN", 79, kNoon28March, fake_browser).label, "local time");
    EXPECT_EQ(ng::local_time("NP", 84, kNoon28March, fake_browser).clock, "17:45");
    EXPECT_FALSE(ng::local_time("IN", 79, kNoon28March, fake_browser).estimated);
}

TEST(LocalTime, WithoutAZoneTheLongitudeGivesAnEstimate) {
    // no zone in the table
    ng::LocalTime aq = ng::local_time("AQ", 46, kNoon28March, fake_browser);
    EXPECT_TRUE(aq.estimated);
    EXPECT_EQ(aq.offset_minutes, 180);
    EXPECT_EQ(aq.label, "local time, estimated");
    // a zone the browser does not know (an old browser, a renamed zone)
    ng::LocalTime jp = ng::local_time("JP", 138, kNoon28March, fake_browser);
    EXPECT_TRUE(jp.estimated);
    EXPECT_EQ(jp.offset_minutes, 540);
    EXPECT_EQ(jp.clock, "21:00");
    // and no browser at all
    EXPECT_TRUE(ng::local_time("FR", 2, kNoon28March, nullptr).estimated);
    EXPECT_EQ(ng::local_time("US", -98, kNoon28March, nullptr).offset_minutes, -420);
}

TEST(LocalTime, OffsetsAndClocksReadTheUsualWay) {
    EXPECT_EQ(ng::format_utc_offset(0), "UTC");
    EXPECT_EQ(ng::format_utc_offset(60), "UTC+1");
    EXPECT_EQ(ng::format_utc_offset(330), "UTC+5:30");
    EXPECT_EQ(ng::format_utc_offset(-210), "UTC-3:30");
    EXPECT_EQ(ng::format_clock(kNoon28March), "12:00");
    EXPECT_EQ(ng::format_clock(59), "00:00");
    EXPECT_EQ(ng::format_clock(-60), "23:59");
}
