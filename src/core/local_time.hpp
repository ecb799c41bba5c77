// local_time — a country's time of day, for the country panel's header.
// The core keeps only which IANA time zone speaks for each country: its
// capital's, and for a country whose zones differ, the city whose clock is
// shown. The offset in force comes from the IANA database the browser ships
// (web::utc_offset_minutes, through Intl.DateTimeFormat), so every country
// follows its real daylight-saving rules. A country without a zone here (or
// a zone the browser does not know) gets an estimate from its longitude,
// labelled as such.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ng {

struct CountryZone {
    std::string zone;  // IANA time zone, e.g. "Europe/Paris"
    std::string city;  // for countries whose zones differ: whose clock is shown; else ""
};

// The zone of a country's capital (or named city), by ISO 3166-1 alpha-2 code.
std::optional<CountryZone> country_time_zone(std::string_view iso);

struct LocalTime {
    std::string clock;       // "14:32"
    std::string label;       // "local time", "in New York", "local time, estimated"
    bool estimated = false;  // from the longitude: no zone, or the browser does not know it
    int offset_minutes = 0;  // east of UTC, in force now (daylight saving included)
};

// The UTC offset in minutes that `zone` has at `unix_seconds`, or nullopt
// when it is unknown (the browser's answer, or a test's).
using ZoneOffset = std::optional<int> (*)(const char* zone, int64_t unix_seconds);

// Local time for a country at `now_unix`; `label_lon` is the country's label
// point, for the estimate.
LocalTime local_time(std::string_view iso, double label_lon, int64_t now_unix, const ZoneOffset& offset_of);

// "UTC+5:30", "UTC-3", "UTC" (a hyphen: Noto Sans has no U+2212 minus sign).
std::string format_utc_offset(int minutes);

// "HH:MM" of a time of day, `unix_seconds` shifted by nothing (a UTC clock).
std::string format_clock(int64_t unix_seconds);

}  // namespace ng
