#include "cluster_text.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "core/country_search.hpp"
#include "core/utf8.hpp"

namespace ingest::cluster_text {
namespace {

// [SECTION] characters

enum class CharClass : unsigned char { Separator, Letter, Digit, Mark, Unsegmented };

bool in(uint32_t cp, uint32_t lo, uint32_t hi) { return cp >= lo && cp <= hi; }

CharClass classify(uint32_t cp) {
    if (in(cp, '0', '9') || in(cp, 0x660, 0x669) || in(cp, 0x6F0, 0x6F9) || in(cp, 0xFF10, 0xFF19))
        return CharClass::Digit;
    if (cp < 0x80) return (in(cp, 'a', 'z') || in(cp, 'A', 'Z')) ? CharClass::Letter : CharClass::Separator;
    if (in(cp, 0xFF21, 0xFF3A) || in(cp, 0xFF41, 0xFF5A)) return CharClass::Letter;  // full-width Latin
    if (cp == 0xD7 || cp == 0xF7) return CharClass::Separator;                       // × ÷
    if (in(cp, 0xC0, 0x2AF) || in(cp, 0x1E00, 0x1EFF)) return CharClass::Letter;     // Latin
    if (in(cp, 0x300, 0x36F) || in(cp, 0x591, 0x5C7) || in(cp, 0x64B, 0x65F) || cp == 0x670 || cp == 0x640 ||
        in(cp, 0x6D6, 0x6ED))
        return CharClass::Mark;  // combining accents, Hebrew and Arabic vowel marks, tatweel
    if (cp == 0x37E || cp == 0x387 || cp == 0x58A || cp == 0x589 || cp == 0x964 || cp == 0x965)
        return CharClass::Separator;  // Greek question mark and ano teleia, Armenian and Indic punctuation
    if (in(cp, 0x370, 0x3FF) || in(cp, 0x400, 0x52F) || in(cp, 0x531, 0x587) || in(cp, 0x5D0, 0x5EA) ||
        in(cp, 0x621, 0x63A) || in(cp, 0x641, 0x64A) || in(cp, 0x66E, 0x6D3) || cp == 0x6D5 || in(cp, 0x6FA, 0x6FF) ||
        in(cp, 0x900, 0xDFF) || in(cp, 0x10A0, 0x10FF))
        return CharClass::Letter;  // Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Georgian
    if (in(cp, 0xE00, 0xEFF) || in(cp, 0x1000, 0x109F) || in(cp, 0x1100, 0x11FF) || in(cp, 0x1780, 0x17FF) ||
        in(cp, 0x3040, 0x30FA) || in(cp, 0x30FC, 0x30FF) || in(cp, 0x3130, 0x318F) || in(cp, 0x31F0, 0x31FF) ||
        in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xAC00, 0xD7AF) || in(cp, 0xF900, 0xFAFF) ||
        in(cp, 0xFF66, 0xFF9F))
        return CharClass::Unsegmented;  // Thai, Lao, Myanmar, Khmer, Hangul, kana, Han
    return CharClass::Separator;
}

// +1 upper case, -1 lower case, 0 uncased (or a script this does not track).
int letter_case(uint32_t cp) {
    if (in(cp, 'A', 'Z') || in(cp, 0xFF21, 0xFF3A)) return 1;
    if (in(cp, 'a', 'z') || in(cp, 0xFF41, 0xFF5A)) return -1;
    if (in(cp, 0xC0, 0xDE)) return 1;
    if (in(cp, 0xDF, 0xFF)) return -1;
    if (in(cp, 0x100, 0x17F)) {
        // Latin Extended-A pairs upper and lower case; the pairs start on an
        // odd code point between the lone lower-case letters ĸ, ŉ and Ÿ, ſ.
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return -1;
        if (cp == 0x178) return 1;
        bool odd_pairs = in(cp, 0x139, 0x148) || in(cp, 0x179, 0x17E);
        return (cp % 2 == 1) == odd_pairs ? 1 : -1;
    }
    if (in(cp, 0x386, 0x38F) || in(cp, 0x391, 0x3AB) || in(cp, 0x400, 0x42F)) return 1;
    if (in(cp, 0x3AC, 0x3CE) || in(cp, 0x430, 0x45F)) return -1;
    return 0;
}

// [SECTION] folding

// Russian, Ukrainian, Belarusian, Serbian and Macedonian letters (lower case,
// U+0430..U+045F) in a simple newspaper transliteration.
constexpr const char* kCyrillic[48] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",                 // а..п
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",           // р..я
    "e", "e", "dj", "gj", "ye", "dz", "i", "i", "j", "lj", "nj", "c", "kj", "i", "u", "dz"};         // ѐ..џ
// Greek lower case U+03B1..U+03C9 (fold_for_search already removed the tonos).
constexpr const char* kGreek[25] = {"a", "v", "g", "d", "e", "z", "i", "th", "i", "k",  "l",  "m", "n",
                                    "x", "o", "p", "r", "s", "s", "t", "y",  "f", "ch", "ps", "o"};

// Vietnamese letters with two marks (U+1EA0..U+1EF9) by their base letter.
char vietnamese_base(uint32_t cp) {
    if (cp <= 0x1EB7) return 'a';
    if (cp <= 0x1EC7) return 'e';
    if (cp <= 0x1ECB) return 'i';
    if (cp <= 0x1EE3) return 'o';
    if (cp <= 0x1EF1) return 'u';
    return 'y';
}

void fold_more(uint32_t cp, std::string& out) {
    if (in(cp, 0x430, 0x45F)) {
        out += kCyrillic[cp - 0x430];
    } else if (cp == 0x490 || cp == 0x491) {
        out += 'g';
    } else if (in(cp, 0x3B1, 0x3C9)) {
        out += kGreek[cp - 0x3B1];
    } else if (cp == 0x622 || cp == 0x623 || cp == 0x625 || cp == 0x671) {
        ng::utf8::append(out, 0x627);  // alef with hamza or madda -> alef
    } else if (cp == 0x649 || cp == 0x626) {
        ng::utf8::append(out, 0x64A);  // alef maksura, yeh with hamza -> yeh
    } else if (cp == 0x629) {
        ng::utf8::append(out, 0x647);  // teh marbuta -> heh
    } else if (cp == 0x624) {
        ng::utf8::append(out, 0x648);  // waw with hamza -> waw
    } else if (cp == 0x640 || in(cp, 0x64B, 0x65F) || cp == 0x670 || in(cp, 0x6D6, 0x6ED) || in(cp, 0x591, 0x5C7)) {
        // tatweel, Arabic and Hebrew vowel marks: dropped
    } else if (in(cp, 0x660, 0x669)) {
        out += char('0' + (cp - 0x660));
    } else if (in(cp, 0x6F0, 0x6F9)) {
        out += char('0' + (cp - 0x6F0));
    } else if (in(cp, 0xFF01, 0xFF5E)) {
        uint32_t ascii = cp - 0xFEE0;
        out += char(in(ascii, 'A', 'Z') ? ascii + 32 : ascii);
    } else if (in(cp, 0x1EA0, 0x1EF9)) {
        out += vietnamese_base(cp);
    } else if (cp == 0x1A0 || cp == 0x1A1) {
        out += 'o';
    } else if (cp == 0x1AF || cp == 0x1B0) {
        out += 'u';
    } else {
        ng::utf8::append(out, cp);
    }
}

std::vector<uint32_t> code_points(std::string_view text) {
    std::vector<uint32_t> cps;
    cps.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        std::size_t len = ng::utf8::decode(text, i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        cps.push_back(cp);
        i += len;
    }
    return cps;
}

std::size_t code_point_count(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The first `n` code points of `s`.
std::string prefix_code_points(const std::string& s, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (count == n) return s.substr(0, i);
            ++count;
        }
    }
    return s;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// [SECTION] numbers

// Digits with '.' or ',' between them: groups of exactly three after the first
// are thousands ("6,438", "1.234.567"); otherwise one separator is a decimal
// point ("2,5" -> "2.5").
std::string normalise_number(const std::string& folded) {
    std::vector<std::string> groups(1);
    for (char c : folded) {
        if (c == '.' || c == ',')
            groups.emplace_back();
        else
            groups.back() += c;
    }
    if (groups.size() == 1) return groups[0];
    bool thousands = groups[0].size() <= 3 &&
                     std::all_of(groups.begin() + 1, groups.end(), [](const std::string& g) { return g.size() == 3; });
    std::string out = groups[0];
    for (std::size_t i = 1; i < groups.size(); ++i) {
        if (!thousands && i == groups.size() - 1) out += '.';
        out += groups[i];
    }
    return out;
}

// "2 Prozent", "2 per cent", "yüzde 2": the number becomes "2%", as "2 %" does.
void mark_percentages(std::vector<Token>& tokens) {
    static const char* const after[] = {"percent",   "prozent",    "procent",  "procento",  "protsent",
                                        "protsenta", "protsentov", "pourcent", "porcentaje"};
    static const char* const after_pair[][2] = {
        {"per", "cent"}, {"pour", "cent"}, {"por", "ciento"}, {"per", "cento"}, {"por", "cento"}};
    auto is = [](const Token& t, const char* w) { return t.kind == TokenKind::Word && t.folded == w; };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token& t = tokens[i];
        if (t.kind != TokenKind::Number || t.folded.back() == '%') continue;
        bool percent = i > 0 && is(tokens[i - 1], "yuzde");
        if (i + 1 < tokens.size())
            for (const char* w : after) percent |= is(tokens[i + 1], w);
        if (i + 2 < tokens.size())
            for (const auto& pair : after_pair) percent |= is(tokens[i + 1], pair[0]) && is(tokens[i + 2], pair[1]);
        if (percent) t.folded += '%';
    }
}

// [SECTION] stop words

// Function words of the main news languages, written naturally (they are
// folded when the table is built), plus English headline boilerplate.
struct StopList {
    const char* language;
    const char* words;
};
constexpr StopList kStopLists[] = {
    {"en",
     "the and for with from that this these those into onto over under after before amid about against between "
     "during without within while when where which who whom whose what why how are was were been being has have "
     "had having will would can could should may might must shall not but nor yet its their them they his her "
     "our your you than then there here also just only more most less very such some any each every other "
     "another all both few many much own same too out off again once says say said tells told new news live "
     "update updates latest breaking video watch photos report reports reported via per day week year today "
     "yesterday tomorrow now one two three first last back get gets got make makes made take takes took amid"},
    {"es",
     "los las del por para con una unos unas que como más pero sus sobre entre tras desde hasta sin este esta "
     "estos estas ese esa eso ante bajo según durante contra cuando donde quien quienes cual cuales muy también "
     "hay ser fue son era han sido está están tiene tienen dice dicen nuevo nueva hoy ayer"},
    {"fr",
     "les des une aux par pour avec dans sur sous entre vers chez sans selon après avant pendant contre depuis "
     "mais donc car que qui quoi dont leur leurs son ses cette ces cet est sont était été fait font plus moins "
     "très aussi déjà encore ont avait sera seront nouveau nouvelle nouvelles aujourd hui hier face lors"},
    {"de",
     "der die das den dem des ein eine einen einem einer eines und oder aber auf aus bei mit nach von vor zum "
     "zur für über unter gegen ohne durch bis seit als wie wenn dass ist sind war waren wird werden wurde "
     "wurden hat haben hatte nicht auch noch nur sich sein seine ihre ihr ihren diese dieser dieses mehr neue "
     "neuen neuer heute gestern"},
    {"pt",
     "os as dos das uma umas uns por para com que como mas sobre entre após desde até sem este esta estes "
     "estas esse essa isso aos pelo pela pelos pelas seu sua seus suas mais muito também há ser foi são era "
     "tem diz dizem novo nova hoje ontem contra quando onde"},
    {"it",
     "gli della delle dello degli dei del nel nella nelle negli per con una uno che come più sui sul sulla "
     "tra fra dopo prima senza contro dal dalla dai alle alla allo agli questo questa questi queste quello "
     "quella suo sua suoi sue anche già sono era stato stata hanno dice nuovo nuova oggi ieri"},
    {"ca",
     "els les del dels per amb una uns unes que com més però sobre entre després sense aquest aquesta "
     "aquests aquestes seu seva seus seves també són era han diu nou nova avui ahir contra quan"},
    {"nl",
     "het een van voor met aan uit door over naar bij tot als dat die deze dit zijn was werd wordt niet ook "
     "nog maar hun hij zij nieuwe vandaag"},
    {"pl",
     "oraz ale nie jest się jak czy przez dla nad pod przy ich jego jej tak już jeszcze ten tej tego tym bez "
     "przed nowy nowa dziś"},
    {"tr", "ile bir için gibi daha çok olan oldu ama veya kadar sonra önce her yeni bugün dün"},
    {"ru",
     "это что как для или при без над под после перед через его её их она они оно был была были будет уже "
     "ещё только также новый новая новые сегодня вчера этот эта эти"},
    {"ar",
     "في من على إلى عن مع هذا هذه ذلك التي الذي بعد قبل بين حول ضد كان كانت يكون قد لا ما أو ثم حتى منذ "
     "عند غير كل بعض اليوم أمس"},
};

const std::unordered_map<std::string, std::unordered_set<std::string>>& stop_words() {
    static const auto table = [] {
        std::unordered_map<std::string, std::unordered_set<std::string>> t;
        for (const StopList& list : kStopLists) {
            auto& set = t[list.language];
            std::string_view words = list.words;
            std::size_t start = 0;
            while (start < words.size()) {
                std::size_t end = words.find(' ', start);
                if (end == std::string_view::npos) end = words.size();
                if (end > start) set.insert(fold(words.substr(start, end - start)));
                start = end + 1;
            }
        }
        return t;
    }();
    return table;
}

// [SECTION] stemming

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Plurals, -ing and -ed: enough for headlines ("talks"/"talk", "cities"/"city",
// "rising"/"rise" stay apart, which truncation then mostly repairs).
std::string english_stem(std::string w) {
    if (w.size() <= 3) return w;
    if (ends_with(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    if (ends_with(w, "sses")) return w.substr(0, w.size() - 2);
    if (ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes")) return w.substr(0, w.size() - 2);
    if (w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) w.pop_back();
    for (const char* suffix : {"ing", "ed"}) {
        std::size_t n = std::char_traits<char>::length(suffix);
        if (ends_with(w, suffix) && w.size() - n >= 4) {
            w.resize(w.size() - n);
            std::size_t k = w.size();
            if (w[k - 1] == w[k - 2] && !is_vowel(w[k - 1]) && w[k - 1] != 'l' && w[k - 1] != 's') w.pop_back();
            break;
        }
    }
    return w;
}

bool is_strongly_inflected(std::string_view lang) {
    static const std::unordered_set<std::string_view> langs = {"ru", "uk", "be", "bg", "mk", "sr", "hr",
                                                               "bs", "sl", "cs", "sk", "pl", "lt", "lv",
                                                               "fi", "et", "hu", "tr", "az", "kk", "uz"};
    return langs.count(lang) != 0;
}

bool drops_plural_s(std::string_view lang) {
    return lang == "es" || lang == "fr" || lang == "pt" || lang == "ca" || lang == "nl" || lang == "gl";
}

// The Arabic article and the conjunctions and prepositions written onto it.
std::string strip_arabic_article(const std::string& w) {
    for (const char* prefix : {"وال", "بال", "كال", "فال", "لل", "ال"}) {
        std::string_view p = prefix;
        if (w.compare(0, p.size(), p) == 0 && code_point_count(w) - code_point_count(p) >= 3) return w.substr(p.size());
    }
    return w;
}

// Consonant skeleton of an ASCII word: spellings of one name in different
// languages' conventions meet (c/k/q, z/s, w/v, y/j/i, ph/f, silent h,
// doubled letters).
std::string skeleton(const std::string& w) {
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        char next = i + 1 < w.size() ? w[i + 1] : '\0';
        std::string mapped;
        if (c == 'p' && next == 'h') {
            mapped = "f";
            ++i;
        } else if (c == 'c' || c == 'q') {
            mapped = "k";
        } else if (c == 'z') {
            mapped = "s";
        } else if (c == 'w') {
            mapped = "v";
        } else if (c == 'y' || c == 'j') {
            mapped = "i";
        } else if (c == 'x') {
            mapped = "ks";
        } else if (c == 'h' && i > 0) {
            continue;
        } else {
            mapped = std::string(1, c);
        }
        for (char m : mapped)
            if (out.empty() || out.back() != m || (m >= '0' && m <= '9')) out += m;
    }
    return out;
}

}  // namespace

// [SECTION] public

std::string fold(std::string_view text) {
    std::string out;
    for (uint32_t cp : code_points(ng::fold_for_search(text))) fold_more(cp, out);
    return out;
}

std::string primary_language(std::string_view tag) {
    std::string lang;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
        lang += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return lang.size() == 2 || lang.size() == 3 ? lang : std::string();
}

TokenizedText tokenize(std::string_view text) {
    TokenizedText out;
    std::vector<uint32_t> cps = code_points(text);
    std::vector<uint32_t> word, run;

    auto flush_word = [&] {
        if (word.empty()) return;
        Token t;
        int letters = 0, upper = 0, first_case = 0;
        bool digits_only = true;
        for (uint32_t cp : word) {
            ng::utf8::append(t.original, cp);
            CharClass cls = classify(cp);
            if (cls == CharClass::Letter) {
                digits_only = false;
                ++letters;
                int c = letter_case(cp);
                if (first_case == 0 && c != 0) first_case = c;
                upper += c > 0;
            } else if (cls == CharClass::Mark) {
                // part of the letter before it
            } else if (cls != CharClass::Digit && cp != '.' && cp != ',') {
                digits_only = false;
            }
        }
        out.has_upper_case |= upper > 0;
        t.capitalised = first_case > 0;
        t.all_caps = letters >= 2 && upper == letters;
        t.folded = fold(t.original);
        if (digits_only) {
            t.kind = TokenKind::Number;
            t.folded = normalise_number(t.folded);
        }
        // "M7.1" (a magnitude), "US$300": the number is written the same
        // way in every language, the letters are not.
        std::string number;
        if (!digits_only && letters <= 3 && classify(word.back()) == CharClass::Digit) {
            std::size_t k = t.folded.find_first_of("0123456789");
            bool letters_then_number = t.folded.find_first_not_of("0123456789.,", k) == std::string::npos;
            if (letters_then_number && t.folded.find_first_of(".,", k) != std::string::npos)
                number = normalise_number(t.folded.substr(k));
        }
        if (!t.folded.empty()) out.tokens.push_back(std::move(t));
        if (!number.empty()) {
            Token n;
            n.kind = TokenKind::Number;
            n.folded = number;
            n.original = number;
            out.tokens.push_back(std::move(n));
        }
        word.clear();
    };
    auto flush_run = [&] {
        if (run.empty()) return;
        std::string original;
        for (uint32_t cp : run) ng::utf8::append(original, cp);
        out.runs.push_back(fold(original));
        // Overlapping pairs; a lone character is its own token.
        std::size_t pairs = run.size() == 1 ? 1 : run.size() - 1;
        for (std::size_t i = 0; i < pairs; ++i) {
            Token t;
            t.kind = TokenKind::Pair;
            ng::utf8::append(t.original, run[i]);
            if (i + 1 < run.size()) ng::utf8::append(t.original, run[i + 1]);
            t.folded = fold(t.original);
            out.tokens.push_back(std::move(t));
        }
        run.clear();
    };

    for (std::size_t i = 0; i < cps.size(); ++i) {
        uint32_t cp = cps[i];
        CharClass cls = classify(cp);
        uint32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
        if (cp == '%' || cp == 0x66A || cp == 0xFF05) {  // % ٪ ％ after a number, spaces allowed
            flush_word();
            if (!out.tokens.empty() && out.tokens.back().kind == TokenKind::Number &&
                out.tokens.back().folded.back() != '%')
                out.tokens.back().folded += '%';
            continue;
        }
        if (cls == CharClass::Unsegmented) {
            flush_word();
            run.push_back(cp);
            continue;
        }
        flush_run();
        if (cls != CharClass::Separator) {
            word.push_back(cp);
        } else if ((cp == '.' || cp == ',') && !word.empty() && classify(word.back()) == CharClass::Digit &&
                   classify(next) == CharClass::Digit) {
            word.push_back(cp);  // 6,438 and 2.5 stay one number
        } else if (cp == '-' && !word.empty() && word.size() <= 4 && classify(next) == CharClass::Digit &&
                   std::all_of(word.begin(), word.end(), [](uint32_t c) { return classify(c) == CharClass::Letter; })) {
            // "COP-30", "F-35": the same name as "COP30"
        } else {
            flush_word();
        }
    }
    flush_word();
    flush_run();
    mark_percentages(out.tokens);
    return out;
}

bool is_stop_word(std::string_view folded, std::string_view language) {
    const auto& table = stop_words();
    auto it = table.find(std::string(language));
    return it != table.end() && it->second.count(std::string(folded)) != 0;
}

bool is_content_token(const Token& token, std::string_view language) {
    switch (token.kind) {
        case TokenKind::Pair: return true;
        case TokenKind::Number: return token.folded.size() >= 2;  // "7", no; "2%", "12", "7.1", yes
        case TokenKind::Word: break;
    }
    if (is_stop_word(token.folded, language)) return false;
    bool has_digit = std::any_of(token.folded.begin(), token.folded.end(), [](char c) { return c >= '0' && c <= '9'; });
    return token.all_caps || has_digit || code_point_count(token.folded) >= 3;
}

std::string lexical_key(const Token& token, std::string_view language) {
    if (token.kind != TokenKind::Word) return token.folded;
    std::string w = token.folded;
    if (!is_ascii(w)) {
        if (language == "ar") w = strip_arabic_article(w);
        return prefix_code_points(w, is_strongly_inflected(language) ? 5 : 6);
    }
    if (language == "en") {
        w = english_stem(w);
    } else if (drops_plural_s(language) && w.size() >= 5 && w.back() == 's' && !ends_with(w, "ss")) {
        w.pop_back();
    } else if (language == "it" && w.size() >= 5 && is_vowel(w.back())) {
        w.pop_back();  // Italian plurals change the final vowel: voto/voti, crisi/crisi
    }
    return w.substr(0, is_strongly_inflected(language) ? 5 : 6);
}

std::string cross_language_key(const Token& token) {
    if (token.kind != TokenKind::Word) return token.folded;
    if (!is_ascii(token.folded)) return prefix_code_points(token.folded, 6);
    return skeleton(token.folded).substr(0, 6);
}

std::vector<ContentWord> content_words(std::string_view text, std::string_view language) {
    std::vector<ContentWord> words;
    std::unordered_set<std::string> seen;
    for (const Token& t : tokenize(text).tokens) {
        if (!is_content_token(t, language)) continue;
        std::string key = lexical_key(t, language);
        if (seen.insert(key).second) words.push_back({key, t.original});
    }
    return words;
}

}  // namespace ingest::cluster_text
