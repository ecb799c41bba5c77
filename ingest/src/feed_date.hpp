// feed_date — the dates feeds really write, to Unix seconds.
//
// RFC 822/1123 (RSS's pubDate) with the deviations found in the wild: no
// weekday or a wrong one (ignored), one-digit days and hours, two-digit
// years (RFC 2822: < 50 is 20xx), missing seconds, full month and day names,
// month names in French, German, Spanish, Portuguese, Italian, Dutch,
// Russian and a few more, named zones (GMT, UT, EST … PDT, CET/CEST,
// MSK, JST, IST = India, …), numeric zones with or without a sign or colon,
// "GMT+3", AM/PM, the ctime order ("Tue Nov 25 06:40:00 CET 2026"), US
// order ("November 25, 2026 6:40 PM"), "25.11.2026 06:40".
//
// RFC 3339 / ISO 8601 (Atom, dc:date) and its variants: a space instead of
// 'T', no zone (taken as UTC), fractional seconds, "+0100" and "+01",
// minutes without seconds, a date alone (midnight UTC), and the compact
// forms GDELT uses ("20261125T054000Z", "20261125054000").
//
// A date without a zone is read as UTC. Anything else, and dates before
// 1970 or after 2200, give 0 ("unknown").
#pragma once
#include <cstdint>
#include <string_view>

namespace ingest {

int64_t parse_feed_date(std::string_view text);

}  // namespace ingest
