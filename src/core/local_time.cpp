// local_time — country clocks (see local_time.hpp).
#include "core/local_time.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ng {
namespace {

// From the IANA database's zone.tab: the capital's zone for countries with
// several (the zones of the rest differ little or not at all), and the city
// named where they differ. Europe/Kiev and America/Godthab are the older
// names of Europe/Kyiv and America/Nuuk: browsers of every age know them.
constexpr CountryZone kZones[] = {
    {"AD", "Europe/Andorra", nullptr}, {"AE", "Asia/Dubai", nullptr}, {"AF", "Asia/Kabul", nullptr},
    {"AG", "America/Antigua", nullptr}, {"AI", "America/Anguilla", nullptr}, {"AL", "Europe/Tirane", nullptr},
    {"AM", "Asia/Yerevan", nullptr}, {"AO", "Africa/Luanda", nullptr},
    {"AR", "America/Argentina/Buenos_Aires", nullptr}, {"AS", "Pacific/Pago_Pago", nullptr},
    {"AT", "Europe/Vienna", nullptr}, {"AU", "Australia/Sydney", "Sydney"}, {"AW", "America/Aruba", nullptr},
    {"AX", "Europe/Mariehamn", nullptr}, {"AZ", "Asia/Baku", nullptr}, {"BA", "Europe/Sarajevo", nullptr},
    {"BB", "America/Barbados", nullptr}, {"BD", "Asia/Dhaka", nullptr}, {"BE", "Europe/Brussels", nullptr},
    {"BF", "Africa/Ouagadougou", nullptr}, {"BG", "Europe/Sofia", nullptr}, {"BH", "Asia/Bahrain", nullptr},
    {"BI", "Africa/Bujumbura", nullptr}, {"BJ", "Africa/Porto-Novo", nullptr},
    {"BL", "America/St_Barthelemy", nullptr}, {"BM", "Atlantic/Bermuda", nullptr}, {"BN", "Asia/Brunei", nullptr},
    {"BO", "America/La_Paz", nullptr}, {"BQ", "America/Kralendijk", nullptr},
    {"BR", "America/Sao_Paulo", "Brasília"}, {"BS", "America/Nassau", nullptr}, {"BT", "Asia/Thimphu", nullptr},
    {"BW", "Africa/Gaborone", nullptr}, {"BY", "Europe/Minsk", nullptr}, {"BZ", "America/Belize", nullptr},
    {"CA", "America/Toronto", "Toronto"}, {"CC", "Indian/Cocos", nullptr}, {"CD", "Africa/Kinshasa", "Kinshasa"},
    {"CF", "Africa/Bangui", nullptr}, {"CG", "Africa/Brazzaville", nullptr}, {"CH", "Europe/Zurich", nullptr},
    {"CI", "Africa/Abidjan", nullptr}, {"CK", "Pacific/Rarotonga", nullptr}, {"CL", "America/Santiago", "Santiago"},
    {"CM", "Africa/Douala", nullptr}, {"CN", "Asia/Shanghai", nullptr}, {"CO", "America/Bogota", nullptr},
    {"CR", "America/Costa_Rica", nullptr}, {"CU", "America/Havana", nullptr}, {"CV", "Atlantic/Cape_Verde", nullptr},
    {"CW", "America/Curacao", nullptr}, {"CX", "Indian/Christmas", nullptr}, {"CY", "Asia/Nicosia", nullptr},
    {"CZ", "Europe/Prague", nullptr}, {"DE", "Europe/Berlin", nullptr}, {"DJ", "Africa/Djibouti", nullptr},
    {"DK", "Europe/Copenhagen", nullptr}, {"DM", "America/Dominica", nullptr},
    {"DO", "America/Santo_Domingo", nullptr}, {"DZ", "Africa/Algiers", nullptr},
    {"EC", "America/Guayaquil", "Quito"}, {"EE", "Europe/Tallinn", nullptr}, {"EG", "Africa/Cairo", nullptr},
    {"EH", "Africa/El_Aaiun", nullptr}, {"ER", "Africa/Asmara", nullptr}, {"ES", "Europe/Madrid", "Madrid"},
    {"ET", "Africa/Addis_Ababa", nullptr}, {"FI", "Europe/Helsinki", nullptr}, {"FJ", "Pacific/Fiji", nullptr},
    {"FK", "Atlantic/Stanley", nullptr}, {"FM", "Pacific/Pohnpei", "Palikir"}, {"FO", "Atlantic/Faroe", nullptr},
    {"FR", "Europe/Paris", nullptr}, {"GA", "Africa/Libreville", nullptr}, {"GB", "Europe/London", nullptr},
    {"GD", "America/Grenada", nullptr}, {"GE", "Asia/Tbilisi", nullptr}, {"GF", "America/Cayenne", nullptr},
    {"GG", "Europe/Guernsey", nullptr}, {"GH", "Africa/Accra", nullptr}, {"GI", "Europe/Gibraltar", nullptr},
    {"GL", "America/Godthab", "Nuuk"}, {"GM", "Africa/Banjul", nullptr}, {"GN", "Africa/Conakry", nullptr},
    {"GP", "America/Guadeloupe", nullptr}, {"GQ", "Africa/Malabo", nullptr}, {"GR", "Europe/Athens", nullptr},
    {"GS", "Atlantic/South_Georgia", nullptr}, {"GT", "America/Guatemala", nullptr}, {"GU", "Pacific/Guam", nullptr},
    {"GW", "Africa/Bissau", nullptr}, {"GY", "America/Guyana", nullptr}, {"HK", "Asia/Hong_Kong", nullptr},
    {"HN", "America/Tegucigalpa", nullptr}, {"HR", "Europe/Zagreb", nullptr},
    {"HT", "America/Port-au-Prince", nullptr}, {"HU", "Europe/Budapest", nullptr}, {"ID", "Asia/Jakarta", "Jakarta"},
    {"IE", "Europe/Dublin", nullptr}, {"IL", "Asia/Jerusalem", nullptr}, {"IM", "Europe/Isle_of_Man", nullptr},
    {"IN", "Asia/Kolkata", nullptr}, {"IO", "Indian/Chagos", nullptr}, {"IQ", "Asia/Baghdad", nullptr},
    {"IR", "Asia/Tehran", nullptr}, {"IS", "Atlantic/Reykjavik", nullptr}, {"IT", "Europe/Rome", nullptr},
    {"JE", "Europe/Jersey", nullptr}, {"JM", "America/Jamaica", nullptr}, {"JO", "Asia/Amman", nullptr},
    {"JP", "Asia/Tokyo", nullptr}, {"KE", "Africa/Nairobi", nullptr}, {"KG", "Asia/Bishkek", nullptr},
    {"KH", "Asia/Phnom_Penh", nullptr}, {"KI", "Pacific/Tarawa", "Tarawa"}, {"KM", "Indian/Comoro", nullptr},
    {"KN", "America/St_Kitts", nullptr}, {"KP", "Asia/Pyongyang", nullptr}, {"KR", "Asia/Seoul", nullptr},
    {"KW", "Asia/Kuwait", nullptr}, {"KY", "America/Cayman", nullptr}, {"KZ", "Asia/Almaty", nullptr},
    {"LA", "Asia/Vientiane", nullptr}, {"LB", "Asia/Beirut", nullptr}, {"LC", "America/St_Lucia", nullptr},
    {"LI", "Europe/Vaduz", nullptr}, {"LK", "Asia/Colombo", nullptr}, {"LR", "Africa/Monrovia", nullptr},
    {"LS", "Africa/Maseru", nullptr}, {"LT", "Europe/Vilnius", nullptr}, {"LU", "Europe/Luxembourg", nullptr},
    {"LV", "Europe/Riga", nullptr}, {"LY", "Africa/Tripoli", nullptr}, {"MA", "Africa/Casablanca", nullptr},
    {"MC", "Europe/Monaco", nullptr}, {"MD", "Europe/Chisinau", nullptr}, {"ME", "Europe/Podgorica", nullptr},
    {"MF", "America/Marigot", nullptr}, {"MG", "Indian/Antananarivo", nullptr}, {"MH", "Pacific/Majuro", nullptr},
    {"MK", "Europe/Skopje", nullptr}, {"ML", "Africa/Bamako", nullptr}, {"MM", "Asia/Yangon", nullptr},
    {"MN", "Asia/Ulaanbaatar", "Ulaanbaatar"}, {"MO", "Asia/Macau", nullptr}, {"MP", "Pacific/Saipan", nullptr},
    {"MQ", "America/Martinique", nullptr}, {"MR", "Africa/Nouakchott", nullptr},
    {"MS", "America/Montserrat", nullptr}, {"MT", "Europe/Malta", nullptr}, {"MU", "Indian/Mauritius", nullptr},
    {"MV", "Indian/Maldives", nullptr}, {"MW", "Africa/Blantyre", nullptr},
    {"MX", "America/Mexico_City", "Mexico City"}, {"MY", "Asia/Kuala_Lumpur", nullptr},
    {"MZ", "Africa/Maputo", nullptr}, {"NA", "Africa/Windhoek", nullptr}, {"NC", "Pacific/Noumea", nullptr},
    {"NE", "Africa/Niamey", nullptr}, {"NF", "Pacific/Norfolk", nullptr}, {"NG", "Africa/Lagos", nullptr},
    {"NI", "America/Managua", nullptr}, {"NL", "Europe/Amsterdam", nullptr}, {"NO", "Europe/Oslo", nullptr},
    {"NP", "Asia/Kathmandu", nullptr}, {"NR", "Pacific/Nauru", nullptr}, {"NU", "Pacific/Niue", nullptr},
    {"NZ", "Pacific/Auckland", "Wellington"}, {"OM", "Asia/Muscat", nullptr}, {"PA", "America/Panama", nullptr},
    {"PE", "America/Lima", nullptr}, {"PF", "Pacific/Tahiti", "Papeete"},
    {"PG", "Pacific/Port_Moresby", "Port Moresby"}, {"PH", "Asia/Manila", nullptr}, {"PK", "Asia/Karachi", nullptr},
    {"PL", "Europe/Warsaw", nullptr}, {"PM", "America/Miquelon", nullptr}, {"PN", "Pacific/Pitcairn", nullptr},
    {"PR", "America/Puerto_Rico", nullptr}, {"PS", "Asia/Hebron", nullptr}, {"PT", "Europe/Lisbon", "Lisbon"},
    {"PW", "Pacific/Palau", nullptr}, {"PY", "America/Asuncion", nullptr}, {"QA", "Asia/Qatar", nullptr},
    {"RE", "Indian/Reunion", nullptr}, {"RO", "Europe/Bucharest", nullptr}, {"RS", "Europe/Belgrade", nullptr},
    {"RU", "Europe/Moscow", "Moscow"}, {"RW", "Africa/Kigali", nullptr}, {"SA", "Asia/Riyadh", nullptr},
    {"SB", "Pacific/Guadalcanal", nullptr}, {"SC", "Indian/Mahe", nullptr}, {"SD", "Africa/Khartoum", nullptr},
    {"SE", "Europe/Stockholm", nullptr}, {"SG", "Asia/Singapore", nullptr}, {"SH", "Atlantic/St_Helena", nullptr},
    {"SI", "Europe/Ljubljana", nullptr}, {"SJ", "Arctic/Longyearbyen", nullptr},
    {"SK", "Europe/Bratislava", nullptr}, {"SL", "Africa/Freetown", nullptr}, {"SM", "Europe/San_Marino", nullptr},
    {"SN", "Africa/Dakar", nullptr}, {"SO", "Africa/Mogadishu", nullptr}, {"SR", "America/Paramaribo", nullptr},
    {"SS", "Africa/Juba", nullptr}, {"ST", "Africa/Sao_Tome", nullptr}, {"SV", "America/El_Salvador", nullptr},
    {"SX", "America/Lower_Princes", nullptr}, {"SY", "Asia/Damascus", nullptr}, {"SZ", "Africa/Mbabane", nullptr},
    {"TC", "America/Grand_Turk", nullptr}, {"TD", "Africa/Ndjamena", nullptr}, {"TF", "Indian/Kerguelen", nullptr},
    {"TG", "Africa/Lome", nullptr}, {"TH", "Asia/Bangkok", nullptr}, {"TJ", "Asia/Dushanbe", nullptr},
    {"TK", "Pacific/Fakaofo", nullptr}, {"TL", "Asia/Dili", nullptr}, {"TM", "Asia/Ashgabat", nullptr},
    {"TN", "Africa/Tunis", nullptr}, {"TO", "Pacific/Tongatapu", nullptr}, {"TR", "Europe/Istanbul", nullptr},
    {"TT", "America/Port_of_Spain", nullptr}, {"TV", "Pacific/Funafuti", nullptr}, {"TW", "Asia/Taipei", nullptr},
    {"TZ", "Africa/Dar_es_Salaam", nullptr}, {"UA", "Europe/Kiev", nullptr}, {"UG", "Africa/Kampala", nullptr},
    {"US", "America/New_York", "New York"}, {"UY", "America/Montevideo", nullptr}, {"UZ", "Asia/Tashkent", nullptr},
    {"VA", "Europe/Vatican", nullptr}, {"VC", "America/St_Vincent", nullptr}, {"VE", "America/Caracas", nullptr},
    {"VG", "America/Tortola", nullptr}, {"VI", "America/St_Thomas", nullptr}, {"VN", "Asia/Ho_Chi_Minh", nullptr},
    {"VU", "Pacific/Efate", nullptr}, {"WF", "Pacific/Wallis", nullptr}, {"WS", "Pacific/Apia", nullptr},
    {"XK", "Europe/Belgrade", nullptr}, {"YE", "Asia/Aden", nullptr}, {"YT", "Indian/Mayotte", nullptr},
    {"ZA", "Africa/Johannesburg", nullptr}, {"ZM", "Africa/Lusaka", nullptr}, {"ZW", "Africa/Harare", nullptr},
};

}  // namespace

const CountryZone* country_time_zone(std::string_view iso) {
    for (const CountryZone& z : kZones)
        if (iso == z.iso) return &z;
    return nullptr;
}

LocalTime local_time(std::string_view iso, double label_lon, int64_t now_unix, const ZoneOffset& offset_of) {
    LocalTime t;
    const CountryZone* zone = country_time_zone(iso);
    std::optional<int> offset = zone && offset_of ? offset_of(zone->zone, now_unix) : std::nullopt;
    if (offset) {
        t.offset_minutes = *offset;
        t.label = zone->city ? std::string("in ") + zone->city : "local time";
    } else {
        t.estimated = true;
        t.offset_minutes = int(std::lround(label_lon / 15.0)) * 60;
        t.label = "local time, estimated";
    }
    t.clock = format_clock(now_unix + int64_t(t.offset_minutes) * 60);
    return t;
}

std::string format_utc_offset(int minutes) {
    if (minutes == 0) return "UTC";
    char b[32];
    int m = std::abs(minutes);
    if (m % 60) std::snprintf(b, sizeof b, "UTC%s%d:%02d", minutes < 0 ? "-" : "+", m / 60, m % 60);
    else std::snprintf(b, sizeof b, "UTC%s%d", minutes < 0 ? "-" : "+", m / 60);
    return b;
}

std::string format_clock(int64_t unix_seconds) {
    int64_t s = ((unix_seconds % 86400) + 86400) % 86400;
    char b[16];
    std::snprintf(b, sizeof b, "%02d:%02d", int(s / 3600), int(s / 60 % 60));
    return b;
}

}  // namespace ng
