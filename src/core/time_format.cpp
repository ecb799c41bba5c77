#include "core/time_format.hpp"

#include <cstdio>

namespace ng {
namespace {

constexpr const char* kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` decimal digits at `pos`, advancing it; -1 on failure.
int read_digits(std::string_view s, size_t& pos, int n) {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
}

bool expect(std::string_view s, size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

bool valid_fields(int y, int mo, int d, int h, int mi, int sec) {
    return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= days_in_month(y, mo) && h >= 0 && h <= 23 &&
           mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60;
}

struct Civil {
    int year, month, day, hour, minute, second;
};

// Inverse of unix_from_utc (Howard Hinnant's civil_from_days).
Civil civil_from_unix(int64_t t) {
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t secs = t - days * 86400;
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return {y, m, d, static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60), static_cast<int>(secs % 60)};
}

}  // namespace

int64_t unix_from_utc(int year, int month, int day, int hour, int minute, int second) {
    // Howard Hinnant's days_from_civil.
    int64_t y = year - (month <= 2 ? 1 : 0);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

int64_t parse_rfc3339(std::string_view s) {
    size_t p = 0;
    int y = read_digits(s, p, 4);
    if (y < 0 || !expect(s, p, '-')) return 0;
    int mo = read_digits(s, p, 2);
    if (mo < 0 || !expect(s, p, '-')) return 0;
    int d = read_digits(s, p, 2);
    if (d < 0 || p >= s.size() || (s[p] != 'T' && s[p] != 't' && s[p] != ' ')) return 0;
    ++p;
    int h = read_digits(s, p, 2);
    if (h < 0 || !expect(s, p, ':')) return 0;
    int mi = read_digits(s, p, 2);
    if (mi < 0 || !expect(s, p, ':')) return 0;
    int sec = read_digits(s, p, 2);
    if (sec < 0 || !valid_fields(y, mo, d, h, mi, sec)) return 0;
    if (p < s.size() && s[p] == '.') {
        size_t start = ++p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        if (p == start) return 0;
    }
    int64_t offset = 0;
    if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
        ++p;
    } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
        int sign = s[p++] == '-' ? -1 : 1;
        int oh = read_digits(s, p, 2);
        if (oh < 0 || oh > 23 || !expect(s, p, ':')) return 0;
        int om = read_digits(s, p, 2);
        if (om < 0 || om > 59) return 0;
        offset = sign * (oh * 3600 + om * 60);
    } else {
        return 0;
    }
    if (p != s.size()) return 0;
    if (sec == 60) sec = 59;  // a leap second: close enough for a news reader
    return unix_from_utc(y, mo, d, h, mi, sec) - offset;
}

Timestamp make_timestamp(std::string_view rfc3339) {
    int64_t t = parse_rfc3339(rfc3339);
    if (t == 0) return {};
    return {std::string(rfc3339), t};
}

std::string format_rfc3339(int64_t t) {
    Civil c = civil_from_unix(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buf;
}

int64_t parse_http_date(std::string_view s) {
    // "Wed, 25 Nov 2026 06:40:00 GMT": fixed width, 29 characters.
    if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s.substr(25) != " GMT") return 0;
    size_t p = 5;
    int d = read_digits(s, p, 2);
    if (d < 0 || !expect(s, p, ' ')) return 0;
    int mo = 0;
    for (int i = 0; i < 12; ++i)
        if (s.substr(p, 3) == kMonths[i]) mo = i + 1;
    p += 3;
    if (mo == 0 || !expect(s, p, ' ')) return 0;
    int y = read_digits(s, p, 4);
    if (y < 0 || !expect(s, p, ' ')) return 0;
    int h = read_digits(s, p, 2);
    if (h < 0 || !expect(s, p, ':')) return 0;
    int mi = read_digits(s, p, 2);
    if (mi < 0 || !expect(s, p, ':')) return 0;
    int sec = read_digits(s, p, 2);
    if (sec < 0 || sec == 60 || !valid_fields(y, mo, d, h, mi, sec)) return 0;
    return unix_from_utc(y, mo, d, h, mi, sec);
}

std::string format_date(int64_t t) {
    if (t == 0) return {};
    Civil c = civil_from_unix(t);
    return std::to_string(c.day) + " " + kMonths[c.month - 1] + " " + std::to_string(c.year);
}

std::string format_relative_time(int64_t then, int64_t now) {
    if (then == 0) return {};
    int64_t ago = now - then;
    if (ago < -5 * 60) return format_date(then);
    if (ago < 60) return "just now";
    if (ago < 3600) return std::to_string(ago / 60) + " min ago";
    if (ago < 86400) return std::to_string(ago / 3600) + " h ago";
    if (ago < 2 * 86400) return "yesterday";
    if (ago < 7 * 86400) return std::to_string(ago / 86400) + " d ago";
    return format_date(then);
}

std::string describe_story_time(const Timestamp& published, const Timestamp& first_seen, int64_t now) {
    if (published.known()) return format_relative_time(published.seconds, now);
    if (first_seen.known()) return "first seen " + format_relative_time(first_seen.seconds, now);
    return {};
}

}  // namespace ng
