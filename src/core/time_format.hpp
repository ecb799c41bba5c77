// time_format — the few time operations the news reader needs, in plain
// integer arithmetic (no time zone database, no locale, no <ctime> state):
// parse RFC 3339 and HTTP dates to Unix seconds, and describe a story's time
// relative to now. Unix second 0 means "unknown" throughout.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ng {

// A time as received (the RFC 3339 text) plus its parsed value.
struct Timestamp {
    std::string text;  // as sent by the source (RFC 3339); empty when unknown
    // Unix time: seconds since 1970-01-01T00:00:00Z; 0 when unknown. (Not named
    // `unix`: Emscripten predefines that as a macro.)
    int64_t seconds = 0;

    bool known() const { return seconds != 0; }
};

// Seconds since the epoch for a proleptic-Gregorian UTC date and time. Fields
// are not range-checked; callers validate.
int64_t unix_from_utc(int year, int month, int day, int hour, int minute, int second);

// "2026-11-25T06:40:00Z", "2026-11-25t06:40:00.123+02:00", "2026-11-25 06:40:00Z".
// Returns 0 for anything that is not a valid RFC 3339 date-time.
int64_t parse_rfc3339(std::string_view text);

// The Timestamp for an RFC 3339 string; unknown (empty text) when invalid.
Timestamp make_timestamp(std::string_view rfc3339);

// "2026-11-25T06:40:00Z".
std::string format_rfc3339(int64_t unix_seconds);

// IMF-fixdate, the form HTTP uses ("Wed, 25 Nov 2026 06:40:00 GMT"); 0 when invalid.
int64_t parse_http_date(std::string_view text);

// "25 Nov 2026"; empty for 0.
std::string format_date(int64_t unix_seconds);

// How long ago `then` was, for a story list: "just now", "5 min ago", "2 h ago",
// "yesterday" (24-48 h), "3 d ago" (under a week), else the date ("25 Nov 2026").
// Times more than 5 minutes in the future (clock skew) are shown as a date.
// Empty when `then` is unknown.
std::string format_relative_time(int64_t then, int64_t now);

// The time line a story shows. The publication time when known ("2 h ago");
// otherwise the crawler's first sighting, always labelled ("first seen 2 h ago")
// so a first-seen time is never presented as a publication time; empty when
// neither is known.
std::string describe_story_time(const Timestamp& published, const Timestamp& first_seen, int64_t now);

}  // namespace ng
