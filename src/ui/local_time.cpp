// local_time — country clocks from a small offset table (see local_time.hpp).
#include "ui/local_time.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace ng::ui {
namespace {

enum Dst { None, EU, US, AU, NZ, CL, EG };

struct Zone {
    const char* iso;
    int offset;        // standard time, minutes east of UTC
    Dst dst;
    const char* city;  // for countries with several zones: whose clock is shown
};

// Standard offsets as of 2025. Countries spanning several zones show their
// capital's or largest city's clock and say so.
constexpr Zone kZones[] = {
    // Europe
    {"IS", 0, None, nullptr}, {"IE", 0, EU, nullptr}, {"GB", 0, EU, nullptr}, {"PT", 0, EU, "Lisbon"},
    {"ES", 60, EU, "Madrid"}, {"FR", 60, EU, nullptr}, {"BE", 60, EU, nullptr}, {"NL", 60, EU, nullptr},
    {"LU", 60, EU, nullptr}, {"DE", 60, EU, nullptr}, {"CH", 60, EU, nullptr}, {"AT", 60, EU, nullptr},
    {"IT", 60, EU, nullptr}, {"MT", 60, EU, nullptr}, {"MC", 60, EU, nullptr}, {"SM", 60, EU, nullptr},
    {"VA", 60, EU, nullptr}, {"AD", 60, EU, nullptr}, {"LI", 60, EU, nullptr}, {"DK", 60, EU, nullptr},
    {"NO", 60, EU, nullptr}, {"SE", 60, EU, nullptr}, {"PL", 60, EU, nullptr}, {"CZ", 60, EU, nullptr},
    {"SK", 60, EU, nullptr}, {"HU", 60, EU, nullptr}, {"SI", 60, EU, nullptr}, {"HR", 60, EU, nullptr},
    {"BA", 60, EU, nullptr}, {"RS", 60, EU, nullptr}, {"ME", 60, EU, nullptr}, {"MK", 60, EU, nullptr},
    {"AL", 60, EU, nullptr}, {"XK", 60, EU, nullptr}, {"GR", 120, EU, nullptr}, {"BG", 120, EU, nullptr},
    {"RO", 120, EU, nullptr}, {"MD", 120, EU, nullptr}, {"UA", 120, EU, nullptr}, {"FI", 120, EU, nullptr},
    {"EE", 120, EU, nullptr}, {"LV", 120, EU, nullptr}, {"LT", 120, EU, nullptr}, {"CY", 120, EU, nullptr},
    {"BY", 180, None, nullptr}, {"RU", 180, None, "Moscow"}, {"TR", 180, None, nullptr},
    {"GE", 240, None, nullptr}, {"AM", 240, None, nullptr}, {"AZ", 240, None, nullptr},
    // Middle East and Asia
    {"IL", 120, EU, nullptr}, {"PS", 120, EU, nullptr}, {"LB", 120, EU, nullptr}, {"JO", 180, None, nullptr},
    {"SY", 180, None, nullptr}, {"IQ", 180, None, nullptr}, {"SA", 180, None, nullptr}, {"KW", 180, None, nullptr},
    {"BH", 180, None, nullptr}, {"QA", 180, None, nullptr}, {"YE", 180, None, nullptr}, {"AE", 240, None, nullptr},
    {"OM", 240, None, nullptr}, {"IR", 210, None, nullptr}, {"AF", 270, None, nullptr}, {"PK", 300, None, nullptr},
    {"UZ", 300, None, nullptr}, {"TJ", 300, None, nullptr}, {"TM", 300, None, nullptr}, {"KZ", 300, None, nullptr},
    {"KG", 360, None, nullptr}, {"MV", 300, None, nullptr}, {"IN", 330, None, nullptr}, {"LK", 330, None, nullptr},
    {"NP", 345, None, nullptr}, {"BD", 360, None, nullptr}, {"BT", 360, None, nullptr}, {"MM", 390, None, nullptr},
    {"TH", 420, None, nullptr}, {"VN", 420, None, nullptr}, {"KH", 420, None, nullptr}, {"LA", 420, None, nullptr},
    {"ID", 420, None, "Jakarta"}, {"MY", 480, None, nullptr}, {"SG", 480, None, nullptr}, {"BN", 480, None, nullptr},
    {"PH", 480, None, nullptr}, {"CN", 480, None, nullptr}, {"HK", 480, None, nullptr}, {"MO", 480, None, nullptr},
    {"TW", 480, None, nullptr}, {"MN", 480, None, "Ulaanbaatar"}, {"KR", 540, None, nullptr},
    {"KP", 540, None, nullptr}, {"JP", 540, None, nullptr}, {"TL", 540, None, nullptr},
    // Africa
    {"MA", 60, None, nullptr}, {"EH", 60, None, nullptr}, {"DZ", 60, None, nullptr}, {"TN", 60, None, nullptr},
    {"LY", 120, None, nullptr}, {"EG", 120, EG, nullptr}, {"SD", 120, None, nullptr}, {"SS", 120, None, nullptr},
    {"ET", 180, None, nullptr}, {"ER", 180, None, nullptr}, {"DJ", 180, None, nullptr}, {"SO", 180, None, nullptr},
    {"KE", 180, None, nullptr}, {"UG", 180, None, nullptr}, {"TZ", 180, None, nullptr}, {"RW", 120, None, nullptr},
    {"BI", 120, None, nullptr}, {"CD", 60, None, "Kinshasa"}, {"CG", 60, None, nullptr}, {"CM", 60, None, nullptr},
    {"NG", 60, None, nullptr}, {"NE", 60, None, nullptr}, {"TD", 60, None, nullptr}, {"CF", 60, None, nullptr},
    {"GA", 60, None, nullptr}, {"GQ", 60, None, nullptr}, {"AO", 60, None, nullptr}, {"BJ", 60, None, nullptr},
    {"GH", 0, None, nullptr}, {"CI", 0, None, nullptr}, {"SN", 0, None, nullptr}, {"ML", 0, None, nullptr},
    {"BF", 0, None, nullptr}, {"GN", 0, None, nullptr}, {"SL", 0, None, nullptr}, {"LR", 0, None, nullptr},
    {"GM", 0, None, nullptr}, {"GW", 0, None, nullptr}, {"MR", 0, None, nullptr}, {"TG", 0, None, nullptr},
    {"CV", -60, None, nullptr}, {"ZM", 120, None, nullptr}, {"ZW", 120, None, nullptr}, {"MW", 120, None, nullptr},
    {"MZ", 120, None, nullptr}, {"ZA", 120, None, nullptr}, {"NA", 120, None, nullptr}, {"BW", 120, None, nullptr},
    {"LS", 120, None, nullptr}, {"SZ", 120, None, nullptr}, {"MG", 180, None, nullptr}, {"KM", 180, None, nullptr},
    {"MU", 240, None, nullptr}, {"SC", 240, None, nullptr},
    // Americas
    {"US", -300, US, "New York"}, {"CA", -300, US, "Toronto"}, {"MX", -360, None, "Mexico City"},
    {"GT", -360, None, nullptr}, {"BZ", -360, None, nullptr}, {"SV", -360, None, nullptr}, {"HN", -360, None, nullptr},
    {"NI", -360, None, nullptr}, {"CR", -360, None, nullptr}, {"PA", -300, None, nullptr}, {"CU", -300, US, nullptr},
    {"JM", -300, None, nullptr}, {"HT", -300, US, nullptr}, {"BS", -300, US, nullptr}, {"DO", -240, None, nullptr},
    {"PR", -240, None, nullptr}, {"TT", -240, None, nullptr}, {"BB", -240, None, nullptr}, {"CO", -300, None, nullptr},
    {"EC", -300, None, "Quito"}, {"PE", -300, None, nullptr}, {"VE", -240, None, nullptr}, {"GY", -240, None, nullptr},
    {"SR", -180, None, nullptr}, {"BO", -240, None, nullptr}, {"BR", -180, None, "Brasília"}, {"PY", -180, None, nullptr},
    {"UY", -180, None, nullptr}, {"AR", -180, None, nullptr}, {"CL", -240, CL, "Santiago"}, {"GL", -120, None, "Nuuk"},
    // Oceania
    {"AU", 600, AU, "Sydney"}, {"NZ", 720, NZ, "Wellington"}, {"PG", 600, None, nullptr}, {"FJ", 720, None, nullptr},
    {"SB", 660, None, nullptr}, {"VU", 660, None, nullptr}, {"NC", 660, None, nullptr}, {"WS", 780, None, nullptr},
    {"TO", 780, None, nullptr},
};

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

int year_of(int64_t days) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return int(int64_t(yoe) + era * 400 + (m <= 2));
}

// Day number of the n-th (1-based; -1 = last) `weekday` (0 = Sunday) of a month.
int64_t nth_weekday(int year, unsigned month, int weekday, int n) {
    if (n > 0) {
        int64_t first = days_from_civil(year, month, 1);
        int wd = int((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
        return first + (weekday - wd + 7) % 7 + 7 * (n - 1);
    }
    int64_t last = days_from_civil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
    int wd = int((last + 4) % 7 + 7) % 7;
    return last - (wd - weekday + 7) % 7;
}

// Whether daylight saving is in effect at `now` (UTC seconds).
bool in_dst(Dst rule, int std_offset, int64_t now) {
    if (rule == None) return false;
    int year = year_of(now / 86400);
    auto at = [](int64_t day, int utc_minutes) { return day * 86400 + int64_t(utc_minutes) * 60; };
    int64_t start = 0, end = 0;
    switch (rule) {
        case EU:
            start = at(nth_weekday(year, 3, 0, -1), 60);
            end = at(nth_weekday(year, 10, 0, -1), 60);
            return now >= start && now < end;
        case US:
            start = at(nth_weekday(year, 3, 0, 2), 120 - std_offset);
            end = at(nth_weekday(year, 11, 0, 1), 120 - std_offset - 60);
            return now >= start && now < end;
        case EG:
            start = at(nth_weekday(year, 4, 5, -1), -std_offset);
            end = at(nth_weekday(year, 10, 4, -1) + 1, -std_offset - 60);
            return now >= start && now < end;
        case AU:  // southern summer: on from October, off from April
            start = at(nth_weekday(year, 10, 0, 1), 120 - std_offset);
            end = at(nth_weekday(year, 4, 0, 1), 120 - std_offset);
            return now >= start || now < end;
        case NZ:
            start = at(nth_weekday(year, 9, 0, -1), 120 - std_offset);
            end = at(nth_weekday(year, 4, 0, 1), 120 - std_offset);
            return now >= start || now < end;
        case CL:
            start = at(nth_weekday(year, 9, 0, 1), -std_offset);
            end = at(nth_weekday(year, 4, 0, 1), -std_offset - 60);
            return now >= start || now < end;
        case None: break;
    }
    return false;
}

}  // namespace

std::string format_utc_offset(int minutes) {
    if (minutes == 0) return "UTC";
    char b[32];
    int m = std::abs(minutes);
    if (m % 60) std::snprintf(b, sizeof b, "UTC%s%d:%02d", minutes < 0 ? "-" : "+", m / 60, m % 60);
    else std::snprintf(b, sizeof b, "UTC%s%d", minutes < 0 ? "-" : "+", m / 60);
    return b;
}

LocalTime local_time(const std::string& iso, double label_lon, int64_t now_unix) {
    LocalTime t;
    const Zone* zone = nullptr;
    for (const Zone& z : kZones)
        if (iso == z.iso) zone = &z;
    if (zone) {
        t.offset_minutes = zone->offset + (in_dst(zone->dst, zone->offset, now_unix) ? 60 : 0);
        t.label = zone->city ? std::string("in ") + zone->city : "local time";
    } else {
        t.estimated = true;
        t.offset_minutes = int(std::lround(label_lon / 15.0)) * 60;
        t.label = "local time, estimated";
    }
    int64_t local = now_unix + int64_t(t.offset_minutes) * 60;
    int64_t secs = ((local % 86400) + 86400) % 86400;
    char b[16];
    std::snprintf(b, sizeof b, "%02d:%02d", int(secs / 3600), int(secs / 60 % 60));
    t.clock = b;
    return t;
}

}  // namespace ng::ui
