// local_time — country clocks (see local_time.hpp).
#include "core/local_time.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ng {
namespace {

// From the IANA database's zone.tab, one country a line: "ISO zone[ city]".
// Countries with several zones have the capital's (the zones of the rest
// differ little or not at all), and name the city where they differ.
// Europe/Kiev and America/Godthab are the older names of Europe/Kyiv and
// America/Nuuk: browsers of every age know them. (One string rather than an
// array of structs: the app downloads it, and pointers would add half again.)
constexpr char kZones[] =
    "AD Europe/Andorra\n"
    "AE Asia/Dubai\n"
    "AF Asia/Kabul\n"
    "AG America/Antigua\n"
    "AI America/Anguilla\n"
    "AL Europe/Tirane\n"
    "AM Asia/Yerevan\n"
    "AO Africa/Luanda\n"
    "AR America/Argentina/Buenos_Aires\n"
    "AS Pacific/Pago_Pago\n"
    "AT Europe/Vienna\n"
    "AU Australia/Sydney Sydney\n"
    "AW America/Aruba\n"
    "AX Europe/Mariehamn\n"
    "AZ Asia/Baku\n"
    "BA Europe/Sarajevo\n"
    "BB America/Barbados\n"
    "BD Asia/Dhaka\n"
    "BE Europe/Brussels\n"
    "BF Africa/Ouagadougou\n"
    "BG Europe/Sofia\n"
    "BH Asia/Bahrain\n"
    "BI Africa/Bujumbura\n"
    "BJ Africa/Porto-Novo\n"
    "BL America/St_Barthelemy\n"
    "BM Atlantic/Bermuda\n"
    "BN Asia/Brunei\n"
    "BO America/La_Paz\n"
    "BQ America/Kralendijk\n"
    "BR America/Sao_Paulo Brasília\n"
    "BS America/Nassau\n"
    "BT Asia/Thimphu\n"
    "BW Africa/Gaborone\n"
    "BY Europe/Minsk\n"
    "BZ America/Belize\n"
    "CA America/Toronto Toronto\n"
    "CC Indian/Cocos\n"
    "CD Africa/Kinshasa Kinshasa\n"
    "CF Africa/Bangui\n"
    "CG Africa/Brazzaville\n"
    "CH Europe/Zurich\n"
    "CI Africa/Abidjan\n"
    "CK Pacific/Rarotonga\n"
    "CL America/Santiago Santiago\n"
    "CM Africa/Douala\n"
    "CN Asia/Shanghai\n"
    "CO America/Bogota\n"
    "CR America/Costa_Rica\n"
    "CU America/Havana\n"
    "CV Atlantic/Cape_Verde\n"
    "CW America/Curacao\n"
    "CX Indian/Christmas\n"
    "CY Asia/Nicosia\n"
    "CZ Europe/Prague\n"
    "DE Europe/Berlin\n"
    "DJ Africa/Djibouti\n"
    "DK Europe/Copenhagen\n"
    "DM America/Dominica\n"
    "DO America/Santo_Domingo\n"
    "DZ Africa/Algiers\n"
    "EC America/Guayaquil Quito\n"
    "EE Europe/Tallinn\n"
    "EG Africa/Cairo\n"
    "EH Africa/El_Aaiun\n"
    "ER Africa/Asmara\n"
    "ES Europe/Madrid Madrid\n"
    "ET Africa/Addis_Ababa\n"
    "FI Europe/Helsinki\n"
    "FJ Pacific/Fiji\n"
    "FK Atlantic/Stanley\n"
    "FM Pacific/Pohnpei Palikir\n"
    "FO Atlantic/Faroe\n"
    "FR Europe/Paris\n"
    "GA Africa/Libreville\n"
    "GB Europe/London\n"
    "GD America/Grenada\n"
    "GE Asia/Tbilisi\n"
    "GF America/Cayenne\n"
    "GG Europe/Guernsey\n"
    "GH Africa/Accra\n"
    "GI Europe/Gibraltar\n"
    "GL America/Godthab Nuuk\n"
    "GM Africa/Banjul\n"
    "GN Africa/Conakry\n"
    "GP America/Guadeloupe\n"
    "GQ Africa/Malabo\n"
    "GR Europe/Athens\n"
    "GS Atlantic/South_Georgia\n"
    "GT America/Guatemala\n"
    "GU Pacific/Guam\n"
    "GW Africa/Bissau\n"
    "GY America/Guyana\n"
    "HK Asia/Hong_Kong\n"
    "HN America/Tegucigalpa\n"
    "HR Europe/Zagreb\n"
    "HT America/Port-au-Prince\n"
    "HU Europe/Budapest\n"
    "ID Asia/Jakarta Jakarta\n"
    "IE Europe/Dublin\n"
    "IL Asia/Jerusalem\n"
    "IM Europe/Isle_of_Man\n"
    "IN Asia/Kolkata\n"
    "IO Indian/Chagos\n"
    "IQ Asia/Baghdad\n"
    "IR Asia/Tehran\n"
    "IS Atlantic/Reykjavik\n"
    "IT Europe/Rome\n"
    "JE Europe/Jersey\n"
    "JM America/Jamaica\n"
    "JO Asia/Amman\n"
    "JP Asia/Tokyo\n"
    "KE Africa/Nairobi\n"
    "KG Asia/Bishkek\n"
    "KH Asia/Phnom_Penh\n"
    "KI Pacific/Tarawa Tarawa\n"
    "KM Indian/Comoro\n"
    "KN America/St_Kitts\n"
    "KP Asia/Pyongyang\n"
    "KR Asia/Seoul\n"
    "KW Asia/Kuwait\n"
    "KY America/Cayman\n"
    "KZ Asia/Almaty\n"
    "LA Asia/Vientiane\n"
    "LB Asia/Beirut\n"
    "LC America/St_Lucia\n"
    "LI Europe/Vaduz\n"
    "LK Asia/Colombo\n"
    "LR Africa/Monrovia\n"
    "LS Africa/Maseru\n"
    "LT Europe/Vilnius\n"
    "LU Europe/Luxembourg\n"
    "LV Europe/Riga\n"
    "LY Africa/Tripoli\n"
    "MA Africa/Casablanca\n"
    "MC Europe/Monaco\n"
    "MD Europe/Chisinau\n"
    "ME Europe/Podgorica\n"
    "MF America/Marigot\n"
    "MG Indian/Antananarivo\n"
    "MH Pacific/Majuro\n"
    "MK Europe/Skopje\n"
    "ML Africa/Bamako\n"
    "MM Asia/Yangon\n"
    "MN Asia/Ulaanbaatar Ulaanbaatar\n"
    "MO Asia/Macau\n"
    "MP Pacific/Saipan\n"
    "MQ America/Martinique\n"
    "MR Africa/Nouakchott\n"
    "MS America/Montserrat\n"
    "MT Europe/Malta\n"
    "MU Indian/Mauritius\n"
    "MV Indian/Maldives\n"
    "MW Africa/Blantyre\n"
    "MX America/Mexico_City Mexico City\n"
    "MY Asia/Kuala_Lumpur\n"
    "MZ Africa/Maputo\n"
    "NA Africa/Windhoek\n"
    "NC Pacific/Noumea\n"
    "NE Africa/Niamey\n"
    "NF Pacific/Norfolk\n"
    "NG Africa/Lagos\n"
    "NI America/Managua\n"
    "NL Europe/Amsterdam\n"
    "NO Europe/Oslo\n"
    "NP Asia/Kathmandu\n"
    "NR Pacific/Nauru\n"
    "NU Pacific/Niue\n"
    "NZ Pacific/Auckland Wellington\n"
    "OM Asia/Muscat\n"
    "PA America/Panama\n"
    "PE America/Lima\n"
    "PF Pacific/Tahiti Papeete\n"
    "PG Pacific/Port_Moresby Port Moresby\n"
    "PH Asia/Manila\n"
    "PK Asia/Karachi\n"
    "PL Europe/Warsaw\n"
    "PM America/Miquelon\n"
    "PN Pacific/Pitcairn\n"
    "PR America/Puerto_Rico\n"
    "PS Asia/Hebron\n"
    "PT Europe/Lisbon Lisbon\n"
    "PW Pacific/Palau\n"
    "PY America/Asuncion\n"
    "QA Asia/Qatar\n"
    "RE Indian/Reunion\n"
    "RO Europe/Bucharest\n"
    "RS Europe/Belgrade\n"
    "RU Europe/Moscow Moscow\n"
    "RW Africa/Kigali\n"
    "SA Asia/Riyadh\n"
    "SB Pacific/Guadalcanal\n"
    "SC Indian/Mahe\n"
    "SD Africa/Khartoum\n"
    "SE Europe/Stockholm\n"
    "SG Asia/Singapore\n"
    "SH Atlantic/St_Helena\n"
    "SI Europe/Ljubljana\n"
    "SJ Arctic/Longyearbyen\n"
    "SK Europe/Bratislava\n"
    "SL Africa/Freetown\n"
    "SM Europe/San_Marino\n"
    "SN Africa/Dakar\n"
    "SO Africa/Mogadishu\n"
    "SR America/Paramaribo\n"
    "SS Africa/Juba\n"
    "ST Africa/Sao_Tome\n"
    "SV America/El_Salvador\n"
    "SX America/Lower_Princes\n"
    "SY Asia/Damascus\n"
    "SZ Africa/Mbabane\n"
    "TC America/Grand_Turk\n"
    "TD Africa/Ndjamena\n"
    "TF Indian/Kerguelen\n"
    "TG Africa/Lome\n"
    "TH Asia/Bangkok\n"
    "TJ Asia/Dushanbe\n"
    "TK Pacific/Fakaofo\n"
    "TL Asia/Dili\n"
    "TM Asia/Ashgabat\n"
    "TN Africa/Tunis\n"
    "TO Pacific/Tongatapu\n"
    "TR Europe/Istanbul\n"
    "TT America/Port_of_Spain\n"
    "TV Pacific/Funafuti\n"
    "TW Asia/Taipei\n"
    "TZ Africa/Dar_es_Salaam\n"
    "UA Europe/Kiev\n"
    "UG Africa/Kampala\n"
    "US America/New_York New York\n"
    "UY America/Montevideo\n"
    "UZ Asia/Tashkent\n"
    "VA Europe/Vatican\n"
    "VC America/St_Vincent\n"
    "VE America/Caracas\n"
    "VG America/Tortola\n"
    "VI America/St_Thomas\n"
    "VN Asia/Ho_Chi_Minh\n"
    "VU Pacific/Efate\n"
    "WF Pacific/Wallis\n"
    "WS Pacific/Apia\n"
    "XK Europe/Belgrade\n"
    "YE Asia/Aden\n"
    "YT Indian/Mayotte\n"
    "ZA Africa/Johannesburg\n"
    "ZM Africa/Lusaka\n"
    "ZW Africa/Harare\n";

}  // namespace

std::optional<CountryZone> country_time_zone(std::string_view iso) {
    std::string_view table(kZones, sizeof kZones - 1);
    while (!table.empty()) {
        size_t end = table.find('\n');
        std::string_view line = table.substr(0, end);
        table.remove_prefix(end + 1);
        if (line.substr(0, 2) != iso || iso.size() != 2) continue;
        line.remove_prefix(3);
        size_t space = line.find(' ');
        CountryZone z;
        z.zone = std::string(line.substr(0, space));
        if (space != std::string_view::npos) z.city = std::string(line.substr(space + 1));
        return z;
    }
    return std::nullopt;
}

LocalTime local_time(std::string_view iso, double label_lon, int64_t now_unix, const ZoneOffset& offset_of) {
    LocalTime t;
    std::optional<CountryZone> zone = country_time_zone(iso);
    std::optional<int> offset = zone && offset_of ? offset_of(zone->zone.c_str(), now_unix) : std::nullopt;
    if (offset) {
        t.offset_minutes = *offset;
        t.label = zone->city.empty() ? "local time" : "in " + zone->city;
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
