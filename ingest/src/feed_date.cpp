#include "feed_date.hpp"

#include <string>

#include "ascii.hpp"
#include "core/time_format.hpp"

namespace ingest {
namespace {

constexpr int64_t kHour = 3600;
constexpr size_t kMaxDateBytes = 120;

using ascii::is_digit;
using ascii::is_space;

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The broken-down time both parsers fill; offset in seconds east of UTC.
struct Fields {
    int year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0;
    int64_t offset = 0;
};

int64_t to_unix(const Fields& f) {
    if (f.year < 1970 || f.year > 2200 || f.month < 1 || f.month > 12 || f.day < 1 ||
        f.day > days_in_month(f.year, f.month) || f.hour < 0 || f.hour > 23 || f.minute < 0 || f.minute > 59 ||
        f.second < 0 || f.second > 60 || f.offset < -18 * kHour || f.offset > 18 * kHour)
        return 0;
    int64_t t = ng::unix_from_utc(f.year, f.month, f.day, f.hour, f.minute, f.second == 60 ? 59 : f.second) - f.offset;
    return t > 0 ? t : 0;
}

// Reads 1..max_digits digits at p (at least min_digits); -1 when there are fewer.
int read_number(std::string_view s, size_t& p, int min_digits, int max_digits) {
    int value = 0, n = 0;
    while (p < s.size() && n < max_digits && is_digit(s[p])) {
        value = value * 10 + (s[p++] - '0');
        ++n;
    }
    return n >= min_digits ? value : -1;
}

// [SECTION] zones

struct Zone {
    const char* name;
    int minutes;  // east of UTC
};

// RFC 822's North American zones keep their RFC meaning (CST is Central,
// not China; IST is India, the commonest in feeds, not Ireland or Israel).
constexpr Zone kZones[] = {
    {"GMT", 0},       {"UT", 0},       {"UTC", 0},      {"Z", 0},        {"WET", 0},      {"WEST", 60},
    {"BST", 60},      {"CET", 60},     {"CEST", 120},   {"MET", 60},     {"MEST", 120},   {"MEZ", 60},
    {"MESZ", 120},    {"EET", 120},    {"EEST", 180},   {"MSK", 180},    {"MSD", 240},    {"TRT", 180},
    {"SAST", 120},    {"WAT", 60},     {"CAT", 120},    {"EAT", 180},    {"IRST", 210},   {"GST", 240},
    {"PKT", 300},     {"IST", 330},    {"NPT", 345},    {"ICT", 420},    {"WIB", 420},    {"WITA", 480},
    {"WIT", 540},     {"SGT", 480},    {"MYT", 480},    {"PHT", 480},    {"HKT", 480},    {"AWST", 480},
    {"JST", 540},     {"KST", 540},    {"ACST", 570},   {"ACDT", 630},   {"AEST", 600},   {"AEDT", 660},
    {"NZST", 720},    {"NZDT", 780},   {"EST", -300},   {"EDT", -240},   {"CST", -360},   {"CDT", -300},
    {"MST", -420},    {"MDT", -360},   {"PST", -480},   {"PDT", -420},   {"AKST", -540},  {"AKDT", -480},
    {"HST", -600},    {"AST", -240},   {"ADT", -180},   {"NST", -210},   {"NDT", -150},   {"ART", -180},
    {"BRT", -180},    {"CLT", -240},   {"COT", -300},   {"PET", -300},   {"VET", -240},
};

bool equal_upper(std::string_view word, const char* name) {
    size_t i = 0;
    for (; i < word.size() && name[i]; ++i) {
        char c = word[i] >= 'a' && word[i] <= 'z' ? static_cast<char>(word[i] - 32) : word[i];
        if (c != name[i]) return false;
    }
    return i == word.size() && name[i] == '\0';
}

// A zone name's offset in seconds; false when the word is not a zone. RFC
// 822's military letters are unreliable (RFC 2822 says to read them as
// -0000), so single letters are UTC.
bool zone_offset(std::string_view word, int64_t& offset) {
    for (const Zone& z : kZones) {
        if (equal_upper(word, z.name)) {
            offset = z.minutes * 60;
            return true;
        }
    }
    if (word.size() == 1 && ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= 'a' && word[0] <= 'z'))) {
        offset = 0;
        return true;
    }
    return false;
}

// "+0100", "-05:00", "+01", "+5", "0100" (sign missing): seconds east of UTC.
bool numeric_offset(std::string_view s, int64_t& offset) {
    int sign = 1;
    size_t p = 0;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) sign = s[p++] == '-' ? -1 : 1;
    size_t digits_start = p;
    int hours = 0, minutes = 0;
    size_t digits = 0;
    while (p + digits < s.size() && is_digit(s[p + digits])) ++digits;
    if (digits == 4) {
        hours = (s[p] - '0') * 10 + (s[p + 1] - '0');
        minutes = (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
        p += 4;
    } else if (digits == 1 || digits == 2) {
        hours = read_number(s, p, 1, 2);
        if (p < s.size() && s[p] == ':') {
            ++p;
            minutes = read_number(s, p, 2, 2);
            if (minutes < 0) return false;
        }
    } else {
        return false;
    }
    if (p != s.size() || p == digits_start || hours > 18 || minutes > 59) return false;
    offset = sign * (hours * kHour + minutes * 60);
    return true;
}

// [SECTION] ISO 8601 / RFC 3339 variants

// "2026-11-25T06:40:00.5+01:00", "2026-11-25 06:40", "2026/11/25", "2026.11.25",
// "20261125T054000Z", "20261125054000".
int64_t parse_iso_like(std::string_view s) {
    Fields f;
    size_t p = 0;
    f.year = read_number(s, p, 4, 4);
    bool compact = p < s.size() && is_digit(s[p]);
    if (compact) {
        f.month = read_number(s, p, 2, 2);
        f.day = read_number(s, p, 2, 2);
    } else {
        if (p >= s.size() || (s[p] != '-' && s[p] != '/' && s[p] != '.')) return 0;
        char sep = s[p++];
        f.month = read_number(s, p, 1, 2);
        if (p >= s.size() || s[p] != sep) return 0;
        ++p;
        f.day = read_number(s, p, 1, 2);
    }
    if (f.month < 0 || f.day < 0) return 0;
    if (p < s.size() && (s[p] == 'T' || s[p] == 't' || is_space(s[p]) || (compact && is_digit(s[p])))) {
        if (!is_digit(s[p])) ++p;
        while (p < s.size() && is_space(s[p])) ++p;
        f.hour = read_number(s, p, 1, 2);
        if (p < s.size() && s[p] == ':') ++p;
        f.minute = read_number(s, p, 2, 2);
        if (f.hour < 0 || f.minute < 0) return 0;
        if (p < s.size() && (s[p] == ':' || is_digit(s[p]))) {
            if (s[p] == ':') ++p;
            f.second = read_number(s, p, 2, 2);
            if (f.second < 0) return 0;
        }
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            size_t start = ++p;
            while (p < s.size() && is_digit(s[p])) ++p;
            if (p == start) return 0;
        }
    }
    while (p < s.size() && is_space(s[p])) ++p;
    std::string_view zone = s.substr(p);
    if (!zone.empty() && !zone_offset(zone, f.offset) && !numeric_offset(zone, f.offset)) return 0;
    return to_unix(f);
}

// [SECTION] RFC 822 and other textual dates

// Month names: a word names a month when it is a prefix (3 letters or more)
// of one of these. Weekdays need no table: unknown words are skipped.
struct MonthName {
    const char* name;
    int month;
};
constexpr MonthName kMonthNames[] = {
    // English, French, German, Spanish, Portuguese, Italian, Dutch, Indonesian, Turkish.
    {"january", 1}, {"janvier", 1}, {"januar", 1}, {"jänner", 1}, {"enero", 1}, {"janeiro", 1}, {"gennaio", 1},
    {"januari", 1}, {"ocak", 1}, {"february", 2}, {"février", 2}, {"fevrier", 2}, {"februar", 2}, {"febrero", 2},
    {"fevereiro", 2}, {"febbraio", 2}, {"februari", 2}, {"şubat", 2}, {"march", 3}, {"mars", 3}, {"märz", 3},
    {"maerz", 3}, {"mrz", 3}, {"marzo", 3}, {"março", 3}, {"marco", 3}, {"maart", 3}, {"mrt", 3}, {"maret", 3},
    {"mart", 3}, {"april", 4}, {"avril", 4}, {"abril", 4}, {"aprile", 4}, {"nisan", 4}, {"may", 5}, {"mai", 5},
    {"mayo", 5}, {"maio", 5}, {"maggio", 5}, {"mei", 5}, {"mayıs", 5}, {"june", 6}, {"juin", 6}, {"juni", 6},
    {"junio", 6}, {"junho", 6}, {"giugno", 6}, {"haziran", 6}, {"july", 7}, {"juillet", 7}, {"juli", 7},
    {"julio", 7}, {"julho", 7}, {"luglio", 7}, {"temmuz", 7}, {"august", 8}, {"août", 8}, {"aout", 8},
    {"agosto", 8}, {"augustus", 8}, {"agustus", 8}, {"ağustos", 8}, {"september", 9}, {"septembre", 9},
    {"septiembre", 9}, {"setiembre", 9}, {"setembro", 9}, {"settembre", 9}, {"eylül", 9}, {"october", 10},
    {"octobre", 10}, {"oktober", 10}, {"octubre", 10}, {"outubro", 10}, {"ottobre", 10}, {"ekim", 10},
    {"november", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11}, {"kasım", 11}, {"december", 12},
    {"décembre", 12}, {"decembre", 12}, {"dezember", 12}, {"diciembre", 12}, {"dezembro", 12}, {"dicembre", 12},
    {"desember", 12}, {"aralık", 12},
    // Russian, nominative and genitive ("25 ноября 2026").
    {"январь", 1}, {"января", 1}, {"февраль", 2}, {"февраля", 2}, {"март", 3}, {"марта", 3}, {"апрель", 4},
    {"апреля", 4}, {"май", 5}, {"мая", 5}, {"июнь", 6}, {"июня", 6}, {"июль", 7}, {"июля", 7}, {"август", 8},
    {"августа", 8}, {"сентябрь", 9}, {"сентября", 9}, {"октябрь", 10}, {"октября", 10}, {"ноябрь", 11},
    {"ноября", 11}, {"декабрь", 12}, {"декабря", 12},
};

// Lower-cases ASCII, Latin-1 capitals and basic Cyrillic capitals, which is
// all the month table needs.
std::string lower_word(std::string_view w) {
    std::string out;
    for (size_t i = 0; i < w.size(); ++i) {
        auto c = static_cast<unsigned char>(w[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(w[i + 1]) <= 0x9E) {  // À..Þ
            out += w[i];
            out += static_cast<char>(w[++i] + 0x20);
        } else if (c == 0xD0 && i + 1 < w.size()) {  // А..Я -> а..я
            auto d = static_cast<unsigned char>(w[i + 1]);
            if (d >= 0x90 && d <= 0x9F) {
                out += '\xD0';
                out += static_cast<char>(d + 0x20);
            } else if (d >= 0xA0 && d <= 0xAF) {
                out += '\xD1';
                out += static_cast<char>(d - 0x20);
            } else {
                out += w[i];
                out += w[i + 1];
            }
            ++i;
        } else {
            out += w[i];
        }
    }
    return out;
}

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

int month_from_word(std::string_view word) {
    if (code_points(word) < 3) return 0;
    std::string w = lower_word(word);
    for (const MonthName& m : kMonthNames) {
        std::string_view name(m.name);
        if (w.size() <= name.size() && name.compare(0, w.size(), w) == 0) return m.month;
    }
    return 0;
}

// Numbers followed by 年/月/日 (Chinese, Japanese) or 년/월/일 (Korean).
enum class CjkUnit { None, Year, Month, Day };

CjkUnit cjk_unit_at(std::string_view s, size_t p) {
    static constexpr std::pair<const char*, CjkUnit> kUnits[] = {
        {"\xE5\xB9\xB4", CjkUnit::Year}, {"\xE6\x9C\x88", CjkUnit::Month}, {"\xE6\x97\xA5", CjkUnit::Day},
        {"\xEB\x85\x84", CjkUnit::Year}, {"\xEC\x9B\x94", CjkUnit::Month}, {"\xEC\x9D\xBC", CjkUnit::Day},
    };
    for (const auto& [mark, unit] : kUnits)
        if (s.compare(p, 3, mark) == 0) return unit;
    return CjkUnit::None;
}

// Reads "h:mm", "h:mm:ss", "h:mm:ss.fff" into f; false when malformed.
bool read_time(std::string_view token, Fields& f) {
    size_t p = 0;
    f.hour = read_number(token, p, 1, 2);
    if (f.hour < 0 || p >= token.size() || token[p] != ':') return false;
    ++p;
    f.minute = read_number(token, p, 2, 2);
    if (f.minute < 0) return false;
    f.second = 0;
    if (p < token.size() && token[p] == ':') {
        ++p;
        f.second = read_number(token, p, 2, 2);
        if (f.second < 0) return false;
    }
    if (p < token.size() && (token[p] == '.' || token[p] == ',')) {
        ++p;
        while (p < token.size() && is_digit(token[p])) ++p;
    }
    return p == token.size();
}

class TextualDate {
public:
    int64_t parse(std::string_view s) {
        size_t p = 0;
        while (p < s.size()) {
            char c = s[p];
            if (is_digit(c) || ((c == '+' || c == '-') && p + 1 < s.size() && is_digit(s[p + 1]))) {
                size_t start = p++;
                while (p < s.size() && (is_digit(s[p]) || ((s[p] == ':' || s[p] == '.') && p + 1 < s.size() &&
                                                           is_digit(s[p + 1]))))
                    ++p;
                if (CjkUnit unit = cjk_unit_at(s, p); unit != CjkUnit::None) {
                    if (!cjk_number(s.substr(start, p - start), unit)) return 0;
                    p += 3;
                } else if (!number(s.substr(start, p - start), p < s.size() && s[p] == '.')) {
                    return 0;
                }
            } else if (is_word_byte(c)) {
                size_t start = p;
                while (p < s.size() && is_word_byte(s[p])) ++p;
                if (!word(s.substr(start, p - start))) return 0;
            } else {
                ++p;  // spaces, commas, dots, slashes, parentheses
            }
        }
        if (!have_time_) f_.hour = f_.minute = f_.second = 0;
        if (pm_ && f_.hour < 12) f_.hour += 12;
        if (am_ && f_.hour == 12) f_.hour = 0;
        return to_unix(f_);
    }

private:
    static bool is_word_byte(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    }

    bool word(std::string_view w) {
        if (int m = month_from_word(w)) {
            f_.month = m;  // a later month word wins: "mar. 25 nov." starts with Tuesday in French
            return true;
        }
        if (have_time_ && (equal_upper(w, "AM") || equal_upper(w, "PM"))) {  // not German "am 25. Mai"
            (equal_upper(w, "PM") ? pm_ : am_) = true;
            return true;
        }
        int64_t offset = 0;
        if (have_time_ && !have_zone_ && zone_offset(w, offset)) {
            f_.offset = offset;
            have_zone_ = true;
            named_zone_ = true;
        }
        return true;  // weekdays, "de", "at", "г." and other words are skipped
    }

    bool number(std::string_view t, bool followed_by_dot) {
        if (t[0] == '+' || t[0] == '-') {
            int64_t offset = 0;
            if (!have_time_ || !numeric_offset(t, offset)) return false;
            // "GMT+0100" is GMT shifted; a second numeric zone is an error.
            if (have_zone_ && !named_zone_) return false;
            f_.offset = named_zone_ ? f_.offset + offset : offset;
            have_zone_ = true;
            named_zone_ = false;
            return true;
        }
        if (t.find(':') != std::string_view::npos) {
            if (have_time_) return false;
            have_time_ = true;
            return read_time(t, f_);
        }
        if (t.find('.') != std::string_view::npos) return dotted_date(t);
        if (t.size() == 4 && have_time_ && f_.year >= 0 && !have_zone_) {  // "0100": a zone without its sign
            have_zone_ = true;
            return numeric_offset(t, f_.offset);
        }
        size_t p = 0;
        int value = read_number(t, p, 1, 4);
        if (value < 0 || p != t.size()) return false;
        if (t.size() == 4 && f_.year < 0) {
            f_.year = value;
        } else if (t.size() <= 2 && f_.day < 0 && (f_.year < 0 || followed_by_dot || f_.month > 0)) {
            f_.day = value;
        } else if (t.size() == 2 && f_.year < 0) {
            f_.year = value < 50 ? 2000 + value : 1900 + value;  // RFC 2822's rule
        } else {
            return false;
        }
        return true;
    }

    // "25.11.2026" (day first, as in Europe); "25." alone is handled as a day.
    bool dotted_date(std::string_view t) {
        size_t p = 0;
        int d = read_number(t, p, 1, 2);
        if (d < 0 || p >= t.size() || t[p] != '.') return false;
        ++p;
        int m = read_number(t, p, 1, 2);
        if (m < 0 || p >= t.size() || t[p] != '.') return false;
        ++p;
        size_t year_start = p;
        int y = read_number(t, p, 2, 4);
        if (y < 0 || p != t.size() || f_.day >= 0) return false;
        f_.day = d;
        f_.month = m;
        f_.year = p - year_start == 2 ? 2000 + y : y;
        return true;
    }

    bool cjk_number(std::string_view t, CjkUnit unit) {
        size_t p = 0;
        int value = read_number(t, p, 1, 4);
        if (value < 0 || p != t.size()) return false;
        (unit == CjkUnit::Year ? f_.year : unit == CjkUnit::Month ? f_.month : f_.day) = value;
        return true;
    }

    Fields f_;
    bool have_time_ = false, have_zone_ = false, named_zone_ = false, pm_ = false, am_ = false;
};

}  // namespace

int64_t parse_feed_date(std::string_view text) {
    text = ascii::trim(text);
    if (text.empty() || text.size() > kMaxDateBytes) return 0;
    if (int64_t t = ng::parse_rfc3339(text)) return t > 0 ? t : 0;
    bool iso = text.size() >= 8 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) && is_digit(text[3]) &&
               (text[4] == '-' || text[4] == '/' || text[4] == '.' || is_digit(text[4]));
    if (iso) {
        if (int64_t t = parse_iso_like(text)) return t;
    }
    return TextualDate().parse(text);
}

}  // namespace ingest
