#include "language_id.hpp"

#include <cstdio>  // before CLD2's header, which uses FILE without including it
#include <vector>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "ascii.hpp"
#include "core/gdelt.hpp"

namespace ingest {
namespace {

constexpr size_t kMaxDetectBytes = 1u << 20;

using namespace ascii;

// [SECTION] primary subtags

struct CodeMap {
    const char* from;
    const char* to;
};

// ISO 639-2 (bibliographic and terminology) and 639-3 codes with an ISO
// 639-1 equivalent; macrolanguage members feeds use for the macrolanguage.
constexpr CodeMap kThreeLetter[] = {
    {"abk", "ab"}, {"afr", "af"}, {"alb", "sq"}, {"als", "sq"}, {"aln", "sq"}, {"amh", "am"}, {"ara", "ar"},
    {"arm", "hy"}, {"aze", "az"}, {"azj", "az"}, {"bak", "ba"}, {"baq", "eu"}, {"bel", "be"}, {"ben", "bn"},
    {"bod", "bo"}, {"bos", "bs"}, {"bre", "br"}, {"bul", "bg"}, {"bur", "my"}, {"cat", "ca"}, {"ces", "cs"},
    {"che", "ce"}, {"chi", "zh"}, {"chv", "cv"}, {"cmn", "zh"}, {"cos", "co"}, {"cym", "cy"}, {"cze", "cs"},
    {"dan", "da"}, {"deu", "de"}, {"div", "dv"}, {"dut", "nl"}, {"ekk", "et"}, {"ell", "el"}, {"eng", "en"},
    {"epo", "eo"}, {"est", "et"}, {"eus", "eu"}, {"fao", "fo"}, {"fas", "fa"}, {"fij", "fj"}, {"fil", "tl"},
    {"fin", "fi"}, {"fra", "fr"}, {"fre", "fr"}, {"fry", "fy"}, {"geo", "ka"}, {"ger", "de"}, {"gla", "gd"},
    {"gle", "ga"}, {"glg", "gl"}, {"glv", "gv"}, {"gre", "el"}, {"grn", "gn"}, {"guj", "gu"}, {"hat", "ht"},
    {"hau", "ha"}, {"heb", "he"}, {"hin", "hi"}, {"hrv", "hr"}, {"hun", "hu"}, {"hye", "hy"}, {"ibo", "ig"},
    {"ice", "is"}, {"ind", "id"}, {"isl", "is"}, {"ita", "it"}, {"jav", "jv"}, {"jpn", "ja"}, {"kan", "kn"},
    {"kat", "ka"}, {"kaz", "kk"}, {"khk", "mn"}, {"khm", "km"}, {"kin", "rw"}, {"kir", "ky"}, {"kor", "ko"},
    {"kur", "ku"}, {"lao", "lo"}, {"lat", "la"}, {"lav", "lv"}, {"lit", "lt"}, {"ltz", "lb"}, {"lug", "lg"},
    {"lvs", "lv"}, {"mac", "mk"}, {"mal", "ml"}, {"mar", "mr"}, {"may", "ms"}, {"mkd", "mk"}, {"mlg", "mg"},
    {"mlt", "mt"}, {"mon", "mn"}, {"mri", "mi"}, {"msa", "ms"}, {"mya", "my"}, {"nep", "ne"}, {"nld", "nl"},
    {"nno", "nn"}, {"nob", "nb"}, {"nor", "no"}, {"npi", "ne"}, {"nya", "ny"}, {"oci", "oc"}, {"orm", "om"},
    {"oss", "os"}, {"pan", "pa"}, {"per", "fa"}, {"pes", "fa"}, {"pol", "pl"}, {"por", "pt"}, {"prs", "fa"},
    {"pus", "ps"}, {"que", "qu"}, {"roh", "rm"}, {"ron", "ro"}, {"rum", "ro"}, {"run", "rn"}, {"rus", "ru"},
    {"sin", "si"}, {"slk", "sk"}, {"slo", "sk"}, {"slv", "sl"}, {"sme", "se"}, {"smo", "sm"}, {"sna", "sn"},
    {"som", "so"}, {"spa", "es"}, {"sqi", "sq"}, {"srp", "sr"}, {"sun", "su"}, {"swa", "sw"}, {"swe", "sv"},
    {"swh", "sw"}, {"tah", "ty"}, {"tam", "ta"}, {"tat", "tt"}, {"tel", "te"}, {"tgk", "tg"}, {"tgl", "tl"},
    {"tha", "th"}, {"tib", "bo"}, {"tir", "ti"}, {"ton", "to"}, {"tuk", "tk"}, {"tur", "tr"}, {"uig", "ug"},
    {"ukr", "uk"}, {"urd", "ur"}, {"uzb", "uz"}, {"uzn", "uz"}, {"vie", "vi"}, {"wel", "cy"}, {"wol", "wo"},
    {"xho", "xh"}, {"yid", "yi"}, {"yor", "yo"}, {"zho", "zh"}, {"zsm", "ms"}, {"zul", "zu"},
    // Arabic varieties feeds declare (Algerian, Moroccan, Egyptian, Levantine, …): written Arabic.
    {"abv", "ar"}, {"acm", "ar"}, {"acq", "ar"}, {"aeb", "ar"}, {"afb", "ar"}, {"ajp", "ar"}, {"apc", "ar"},
    {"apd", "ar"}, {"arq", "ar"}, {"ars", "ar"}, {"ary", "ar"}, {"arz", "ar"}, {"ayl", "ar"},
};

// Two-letter codes that are not ISO 639-1 but appear as languages: country
// codes, and codes ISO withdrew (Java still writes "iw", "in", "ji").
constexpr CodeMap kTwoLetter[] = {
    {"al", "sq"}, {"cn", "zh"}, {"cz", "cs"}, {"dk", "da"}, {"gr", "el"}, {"il", "he"}, {"in", "id"},
    {"ir", "fa"}, {"iw", "he"}, {"ji", "yi"}, {"jp", "ja"}, {"jw", "jv"}, {"mo", "ro"}, {"rs", "sr"},
    {"sh", "sr"}, {"ua", "uk"}, {"vn", "vi"},
};

std::string_view map_code(std::string_view code, const CodeMap* begin, const CodeMap* end) {
    for (const CodeMap* m = begin; m != end; ++m)
        if (code == m->from) return m->to;
    return code;
}

bool is_private_region(std::string_view r) {  // BCP 47 private-use region codes
    return r == "AA" || r == "ZZ" || (r[0] == 'Q' && r[1] >= 'M') || r[0] == 'X';
}

std::string primary_of(const std::string& tag) { return tag.substr(0, tag.find('-')); }

// [SECTION] CLD2

// CLD2's code for a detected language in the API's form.
std::string code_from_cld2(CLD2::Language lang) {
    std::string_view code = CLD2::LanguageCode(lang);
    if (lang == CLD2::UNKNOWN_LANGUAGE || code.empty() || code == "un" || code.substr(0, 2) == "xx") return {};
    if (code == "zh") return "zh-Hans";  // CLD2's CHINESE is the simplified script; CHINESE_T is "zh-Hant"
    return normalize_language_tag(code);
}

}  // namespace

std::string normalize_language_tag(std::string_view tag) {
    tag = trim(tag);
    tag = tag.substr(0, tag.find_first_of(".@"));  // POSIX locales: "en_US.UTF-8", "de_DE@euro"
    if (tag.empty() || tag.size() > 40) return {};

    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        size_t sep = tag.find_first_of("-_", start);
        parts.push_back(tag.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
        if (sep == std::string_view::npos) break;
        start = sep + 1;
    }
    for (std::string_view p : parts) {
        if (p.empty() || p.size() > 8) return {};
        for (char c : p)
            if (!is_alpha(c) && !is_digit(c)) return {};
    }
    std::string primary = lower(parts[0]);
    if (parts.size() == 1 && primary.size() > 3) return std::string(ng::gdelt_language_code(primary));  // "English"
    for (char c : primary)
        if (!is_alpha(c)) return {};
    if (primary.size() < 2 || primary.size() > 3) return {};

    std::string script, region;
    if (primary == "cnr") {  // Montenegrin
        primary = "sr";
        region = "ME";
    }
    primary = std::string(primary.size() == 3 ? map_code(primary, std::begin(kThreeLetter), std::end(kThreeLetter))
                                              : map_code(primary, std::begin(kTwoLetter), std::end(kTwoLetter)));
    for (size_t i = 1; i < parts.size(); ++i) {
        std::string_view p = parts[i];
        if (p.size() == 1) break;  // an extension or private use ("x-…") follows
        if (p.size() == 4 && is_alpha(p[0]) && script.empty()) {
            script = std::string(1, upper(p[0])) + lower(p.substr(1));
        } else if (p.size() == 2 && is_alpha(p[0]) && is_alpha(p[1]) && region.empty()) {
            std::string r{upper(p[0]), upper(p[1])};
            if (r == "UK") r = "GB";  // "en-uk"
            if (!is_private_region(r)) region = r;
        } else if (p.size() == 3 && is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && region.empty()) {
            region = std::string(p);  // UN M.49 ("es-419")
        }
    }
    if (primary == "zh") {
        if (script != "Hans" && script != "Hant") {
            script.clear();
            if (region == "CN" || region == "SG" || region == "MY") script = "Hans";
            if (region == "TW" || region == "HK" || region == "MO") script = "Hant";
        }
        return script.empty() ? primary : primary + "-" + script;
    }
    if (!script.empty()) return primary + "-" + script;
    return region.empty() ? primary : primary + "-" + region;
}

bool languages_match(std::string_view declared, std::string_view detected) {
    std::string a = primary_of(normalize_language_tag(declared));
    std::string b = primary_of(normalize_language_tag(detected));
    if (a.empty() || b.empty() || a == b) return true;
    static constexpr const char* kConfusable[][4] = {
        {"sr", "hr", "bs", nullptr}, {"no", "nb", "nn", "da"}, {"ms", "id", nullptr, nullptr}};
    for (const auto& group : kConfusable) {
        bool has_a = false, has_b = false;
        for (const char* code : group) {
            if (!code) continue;
            has_a |= a == code;
            has_b |= b == code;
        }
        if (has_a && has_b) return true;
    }
    return false;
}

LanguageGuess detect_language(std::string_view text, std::string_view hint) {
    LanguageGuess guess;
    if (text.empty()) return guess;
    if (text.size() > kMaxDetectBytes) text = text.substr(0, kMaxDetectBytes);

    std::string tld, declared;
    if (size_t dot = hint.rfind('.'); dot != std::string_view::npos) {
        tld = lower(hint.substr(dot + 1));
    } else {
        declared = normalize_language_tag(hint);
    }
    CLD2::CLDHints hints = {
        declared.empty() ? nullptr : declared.c_str(), tld.empty() ? nullptr : tld.c_str(), CLD2::UNKNOWN_ENCODING,
        declared.empty() ? CLD2::UNKNOWN_LANGUAGE : CLD2::GetLanguageFromName(primary_of(declared).c_str())};
    CLD2::Language language3[3];
    int percent3[3];
    double scores3[3];
    int text_bytes = 0;
    bool reliable = false;
    int valid_prefix = 0;
    CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, 0, language3, percent3, scores3,
        nullptr, &text_bytes, &reliable, &valid_prefix);
    if (valid_prefix < static_cast<int>(text.size())) return guess;
    guess.language = code_from_cld2(lang);
    if (guess.language.empty()) return guess;
    guess.reliable = reliable;
    guess.percent = language3[0] == lang ? percent3[0] : 0;
    return guess;
}

}  // namespace ingest
