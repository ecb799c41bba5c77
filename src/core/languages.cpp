// languages — ISO 639-1 code to English name (see languages.hpp).
#include "core/languages.hpp"

#include <cctype>
#include <cstring>

namespace ng {

std::string language_name(const std::string& code) {
    static const char* const kNames[][2] = {
        {"af", "Afrikaans"}, {"am", "Amharic"}, {"ar", "Arabic"}, {"az", "Azerbaijani"}, {"be", "Belarusian"},
        {"bg", "Bulgarian"}, {"bn", "Bengali"}, {"bs", "Bosnian"}, {"ca", "Catalan"}, {"cs", "Czech"},
        {"cy", "Welsh"}, {"da", "Danish"}, {"de", "German"}, {"el", "Greek"}, {"en", "English"},
        {"es", "Spanish"}, {"et", "Estonian"}, {"eu", "Basque"}, {"fa", "Persian"}, {"fi", "Finnish"},
        {"fil", "Filipino"}, {"fr", "French"}, {"ga", "Irish"}, {"gl", "Galician"}, {"gu", "Gujarati"},
        {"ha", "Hausa"}, {"he", "Hebrew"}, {"hi", "Hindi"}, {"hr", "Croatian"}, {"hu", "Hungarian"},
        {"hy", "Armenian"}, {"id", "Indonesian"}, {"ig", "Igbo"}, {"is", "Icelandic"}, {"it", "Italian"},
        {"ja", "Japanese"}, {"ka", "Georgian"}, {"kk", "Kazakh"}, {"km", "Khmer"}, {"kn", "Kannada"},
        {"ko", "Korean"}, {"ky", "Kyrgyz"}, {"lb", "Luxembourgish"}, {"lo", "Lao"}, {"lt", "Lithuanian"},
        {"lv", "Latvian"}, {"mg", "Malagasy"}, {"mk", "Macedonian"}, {"ml", "Malayalam"}, {"mn", "Mongolian"},
        {"mr", "Marathi"}, {"ms", "Malay"}, {"mt", "Maltese"}, {"my", "Burmese"}, {"nb", "Norwegian"},
        {"ne", "Nepali"}, {"nl", "Dutch"}, {"nn", "Norwegian"}, {"no", "Norwegian"}, {"pa", "Punjabi"},
        {"pl", "Polish"}, {"ps", "Pashto"}, {"pt", "Portuguese"}, {"qu", "Quechua"}, {"ro", "Romanian"},
        {"ru", "Russian"}, {"rw", "Kinyarwanda"}, {"si", "Sinhala"}, {"sk", "Slovak"}, {"sl", "Slovenian"},
        {"so", "Somali"}, {"sq", "Albanian"}, {"sr", "Serbian"}, {"sv", "Swedish"}, {"sw", "Swahili"},
        {"ta", "Tamil"}, {"te", "Telugu"}, {"tg", "Tajik"}, {"th", "Thai"}, {"tk", "Turkmen"},
        {"tl", "Tagalog"}, {"tr", "Turkish"}, {"uk", "Ukrainian"}, {"ur", "Urdu"}, {"uz", "Uzbek"},
        {"vi", "Vietnamese"}, {"wo", "Wolof"}, {"xh", "Xhosa"}, {"yo", "Yoruba"}, {"zh", "Chinese"},
        {"zu", "Zulu"},
    };
    std::string lower;
    for (char c : code) lower += char(std::tolower(static_cast<unsigned char>(c)));
    // "pt-BR", "zh_Hant": the language part decides
    size_t cut = lower.find_first_of("-_");
    if (cut != std::string::npos) lower.resize(cut);
    for (const auto& n : kNames)
        if (lower == n[0]) return n[1];
    std::string upper;
    for (char c : code) upper += char(std::toupper(static_cast<unsigned char>(c)));
    return upper;
}

}  // namespace ng
