// fips_countries — ISO 3166-1 alpha-2 <-> FIPS 10-4 country codes. GDELT
// names countries by FIPS 10-4 (its `sourcecountry:` operator takes the FIPS
// code), which differs from ISO for about half of the world and collides with
// it confusingly: FIPS "CH" is China (ISO CN), FIPS "SZ" is Switzerland (ISO
// CH), FIPS "AS" is Australia (ISO AU), FIPS "UK" is ISO GB. The app speaks
// ISO everywhere; only the GDELT adapter converts.
#pragma once
#include <string_view>
#include <vector>

namespace ng {

struct FipsCountry {
    const char* iso;   // ISO 3166-1 alpha-2 ("XK" for Kosovo, as commonly used)
    const char* fips;  // FIPS 10-4
    const char* name;  // short English name
};

// Every country or territory that has both an ISO alpha-2 and a FIPS 10-4 code,
// sorted by ISO code. An ISO code may appear more than once when FIPS splits
// the territory (PS: West Bank WE and Gaza Strip GZ; SJ: Svalbard SV and Jan
// Mayen JN); its first row is the main one.
const std::vector<FipsCountry>& fips_countries();

// The FIPS codes for an ISO code (upper case), main one first; empty when none.
std::vector<std::string_view> fips_codes_for_iso(std::string_view iso);

// The ISO code for a FIPS code; empty when unknown.
std::string_view iso_for_fips(std::string_view fips);

}  // namespace ng
