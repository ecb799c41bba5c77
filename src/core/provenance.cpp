// provenance — the reader's sentences about where text came from (see provenance.hpp).
#include "core/provenance.hpp"

#include <algorithm>
#include <cctype>

#include "core/languages.hpp"
#include "core/time_format.hpp"

namespace ng {
namespace {

// "pt-BR" -> "pt": the language part decides whether it is English.
std::string primary_language(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c == '-' || c == '_') break;
        out += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool is_english(const std::string& code) { return primary_language(code) == "en"; }

}  // namespace

bool is_translated(const StorySummary& s, std::string_view field) {
    if (!s.translation) return false;
    const std::vector<std::string>& fields = s.translation->fields;
    if (fields.empty()) return field == "headline" || field == "summary" || field == "body";
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::string original_language(const StorySummary& s) {
    if (s.translation && !s.translation->from.empty()) return s.translation->from;
    return s.language;
}

std::string translation_label(const StorySummary& s, bool with_date) {
    if (!s.translation) return "";
    const Translation& t = *s.translation;
    std::string from = original_language(s);
    std::string line = from.empty() ? "Machine-translated" : "Translated from " + language_name(from);
    if (!t.by.empty()) line += " by " + t.by;
    if (with_date && t.at.known()) line += ", " + format_date(t.at.seconds);
    return line;
}

std::string untranslated_note(const StorySummary& s) {
    if (s.language.empty() || is_english(s.language)) return "";
    return "In " + language_name(s.language) + ", as published (not translated).";
}

std::string language_note(const StorySummary& s) {
    if (s.language_detected.empty() || s.language.empty() ||
        primary_language(s.language_detected) == primary_language(s.language))
        return "";
    return "Declared " + language_name(s.language) + ", reads as " + language_name(s.language_detected) + ".";
}

bool headline_needs_translation(const StorySummary& s) {
    std::string lang = original_language(s);
    return !lang.empty() && !is_english(lang) && !is_translated(s, "headline");
}

std::string licence_label(const std::string& licence) {
    if (licence.rfind("CC", 0) != 0) return licence;
    std::string rest = licence.substr(2);
    if (rest.rfind("0-", 0) == 0) return "CC0 " + rest.substr(2);
    if (rest.rfind("-", 0) != 0) return licence;
    rest.erase(0, 1);  // "BY-SA-4.0"
    size_t version = rest.rfind('-');
    if (version == std::string::npos || version + 1 >= rest.size() || !std::isdigit(static_cast<unsigned char>(rest[version + 1])))
        return "CC " + rest;
    return "CC " + rest.substr(0, version) + " " + rest.substr(version + 1);
}

HeadlineMarker headline_marker(const StorySummary& s) {
    HeadlineMarker m;
    std::string lang = original_language(s);
    if (lang.empty() || is_english(lang)) return m;
    for (char c : primary_language(lang)) m.code += char(std::toupper(static_cast<unsigned char>(c)));
    m.translated = is_translated(s, "headline");
    if (m.translated) {
        std::string label = translation_label(s, false);  // "Translated from …", "Machine-translated"
        label[0] = char(std::tolower(static_cast<unsigned char>(label[0])));
        m.tooltip = "Headline " + label;
    } else {
        m.tooltip = "Headline in " + language_name(lang) + ", as published (not translated)";
    }
    return m;
}

}  // namespace ng
