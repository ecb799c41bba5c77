// local_time — a country's time of day for the panel header, without a time
// zone database. A small table gives the standard UTC offset (and the
// daylight-saving rule) of the ~170 countries people read most, naming the
// city for countries that span several zones; anything else is estimated
// from the country's longitude (round(lon / 15) hours) and labelled as such.
#pragma once
#include <cstdint>
#include <string>

namespace ng::ui {

struct LocalTime {
    std::string clock;   // "14:32"
    std::string label;   // "local time", "in New York", "estimated from longitude"
    bool estimated = false;
    int offset_minutes = 0;  // in effect now (daylight saving included)
};

// Local time for a country at `now_unix`; `label_lon` is the country's label
// point, used when the table has no entry.
LocalTime local_time(const std::string& iso, double label_lon, int64_t now_unix);

// "UTC+5:30", "UTC-3", "UTC" (a hyphen: Noto Sans has no U+2212 minus sign).
std::string format_utc_offset(int minutes);

}  // namespace ng::ui
