// The named character references html_text decodes: every HTML 4 name
// (Latin-1, symbols, Greek, special) plus the HTML5 names that turn up in
// news text (ASCII punctuation, typographic spaces and quotes, Latin
// Extended-A for Central European and Baltic names, fractions). HTML5's
// mathematical and Cyrillic names are left out: feeds do not use them.
#include <algorithm>
#include <cstring>
#include <vector>

#include "html_text.hpp"

namespace ingest {
namespace {

struct Entity {
    const char* name;
    uint32_t code_point;
};

// U+00A0..U+00FF, in code-point order (HTML 4's Latin-1 set).
constexpr const char* kLatin1[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

// U+0100..U+017E (Latin Extended-A); nullptr where HTML5 has no name.
constexpr const char* kLatinExtendedA[127] = {
    "Amacr",  "amacr",  "Abreve", "abreve", "Aogon",  "aogon",  "Cacute", "cacute", "Ccirc",  "ccirc",  "Cdot",
    "cdot",   "Ccaron", "ccaron", "Dcaron", "dcaron", "Dstrok", "dstrok", "Emacr",  "emacr",  nullptr,  nullptr,
    "Edot",   "edot",   "Eogon",  "eogon",  "Ecaron", "ecaron", "Gcirc",  "gcirc",  "Gbreve", "gbreve", "Gdot",
    "gdot",   "Gcedil", nullptr,  "Hcirc",  "hcirc",  "Hstrok", "hstrok", "Itilde", "itilde", "Imacr",  "imacr",
    nullptr,  nullptr,  "Iogon",  "iogon",  "Idot",   "imath",  "IJlig",  "ijlig",  "Jcirc",  "jcirc",  "Kcedil",
    "kcedil", "kgreen", "Lacute", "lacute", "Lcedil", "lcedil", "Lcaron", "lcaron", "Lmidot", "lmidot", "Lstrok",
    "lstrok", "Nacute", "nacute", "Ncedil", "ncedil", "Ncaron", "ncaron", "napos",  "ENG",    "eng",    "Omacr",
    "omacr",  nullptr,  nullptr,  "Odblac", "odblac", "OElig",  "oelig",  "Racute", "racute", "Rcedil", "rcedil",
    "Rcaron", "rcaron", "Sacute", "sacute", "Scirc",  "scirc",  "Scedil", "scedil", "Scaron", "scaron", "Tcedil",
    "tcedil", "Tcaron", "tcaron", "Tstrok", "tstrok", "Utilde", "utilde", "Umacr",  "umacr",  "Ubreve", "ubreve",
    "Uring",  "uring",  "Udblac", "udblac", "Uogon",  "uogon",  "Wcirc",  "wcirc",  "Ycirc",  "ycirc",  "Yuml",
    "Zacute", "zacute", "Zdot",   "zdot",   "Zcaron", "zcaron",
};

// U+0391..U+03A9 and U+03B1..U+03C9 (HTML 4's Greek letters); U+03A2 has none.
constexpr const char* kGreekCapitals[25] = {
    "Alpha", "Beta", "Gamma",   "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota",
    "Kappa", "Lambda", "Mu",    "Nu",    "Xi",      "Omicron", "Pi", "Rho", nullptr,
    "Sigma", "Tau",  "Upsilon", "Phi",   "Chi",     "Psi",  "Omega",
};
constexpr const char* kGreekSmall[25] = {
    "alpha", "beta", "gamma",   "delta", "epsilon", "zeta",    "eta", "theta", "iota",
    "kappa", "lambda", "mu",    "nu",    "xi",      "omicron", "pi",  "rho",   "sigmaf",
    "sigma", "tau",  "upsilon", "phi",   "chi",     "psi",     "omega",
};

constexpr Entity kOthers[] = {
    // ASCII (HTML5 spells out every punctuation mark; CMSs use them).
    {"Tab", 0x09}, {"NewLine", 0x0A}, {"excl", 0x21}, {"quot", 0x22}, {"QUOT", 0x22}, {"num", 0x23},
    {"dollar", 0x24}, {"percnt", 0x25}, {"amp", 0x26}, {"AMP", 0x26}, {"apos", 0x27}, {"lpar", 0x28},
    {"rpar", 0x29}, {"ast", 0x2A}, {"plus", 0x2B}, {"comma", 0x2C}, {"period", 0x2E}, {"sol", 0x2F},
    {"colon", 0x3A}, {"semi", 0x3B}, {"lt", 0x3C}, {"LT", 0x3C}, {"equals", 0x3D}, {"gt", 0x3E}, {"GT", 0x3E},
    {"quest", 0x3F}, {"commat", 0x40}, {"lsqb", 0x5B}, {"lbrack", 0x5B}, {"bsol", 0x5C}, {"rsqb", 0x5D},
    {"rbrack", 0x5D}, {"Hat", 0x5E}, {"lowbar", 0x5F}, {"grave", 0x60}, {"lcub", 0x7B}, {"lbrace", 0x7B},
    {"verbar", 0x7C}, {"vert", 0x7C}, {"rcub", 0x7D}, {"rbrace", 0x7D},
    // Latin-1 aliases.
    {"NonBreakingSpace", 0xA0}, {"COPY", 0xA9}, {"REG", 0xAE}, {"centerdot", 0xB7}, {"half", 0xBD},
    {"angst", 0xC5},
    // Latin, spacing modifiers, Greek extras (HTML 4).
    {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC}, {"dot", 0x2D9}, {"thetasym", 0x3D1}, {"upsih", 0x3D2},
    {"piv", 0x3D6}, {"ohm", 0x3A9},
    // General punctuation: spaces, joiners, dashes, quotes.
    {"ensp", 0x2002}, {"emsp", 0x2003}, {"emsp13", 0x2004}, {"emsp14", 0x2005}, {"numsp", 0x2007},
    {"puncsp", 0x2008}, {"thinsp", 0x2009}, {"ThinSpace", 0x2009}, {"hairsp", 0x200A},
    {"ZeroWidthSpace", 0x200B}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F},
    {"hyphen", 0x2010}, {"dash", 0x2010}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"horbar", 0x2015},
    {"Vert", 0x2016}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"rsquor", 0x2019}, {"sbquo", 0x201A},
    {"lsquor", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"rdquor", 0x201D}, {"bdquo", 0x201E},
    {"ldquor", 0x201E}, {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022}, {"bullet", 0x2022},
    {"nldr", 0x2025}, {"hellip", 0x2026}, {"mldr", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E}, {"caret", 0x2041},
    {"frasl", 0x2044}, {"MediumSpace", 0x205F}, {"NoBreak", 0x2060},
    // Letterlike symbols, currency, fractions.
    {"euro", 0x20AC}, {"image", 0x2111}, {"weierp", 0x2118}, {"real", 0x211C}, {"numero", 0x2116},
    {"copysr", 0x2117}, {"trade", 0x2122}, {"TRADE", 0x2122}, {"alefsym", 0x2135}, {"frac13", 0x2153},
    {"frac23", 0x2154}, {"frac15", 0x2155}, {"frac25", 0x2156}, {"frac35", 0x2157}, {"frac45", 0x2158},
    {"frac16", 0x2159}, {"frac56", 0x215A}, {"frac18", 0x215B}, {"frac38", 0x215C}, {"frac58", 0x215D},
    {"frac78", 0x215E},
    // Arrows and mathematical operators (HTML 4).
    {"larr", 0x2190}, {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194},
    {"crarr", 0x21B5}, {"lArr", 0x21D0}, {"uArr", 0x21D1}, {"rArr", 0x21D2}, {"dArr", 0x21D3},
    {"hArr", 0x21D4}, {"forall", 0x2200}, {"part", 0x2202}, {"exist", 0x2203}, {"empty", 0x2205},
    {"nabla", 0x2207}, {"isin", 0x2208}, {"notin", 0x2209}, {"ni", 0x220B}, {"prod", 0x220F}, {"sum", 0x2211},
    {"minus", 0x2212}, {"lowast", 0x2217}, {"radic", 0x221A}, {"prop", 0x221D}, {"infin", 0x221E},
    {"ang", 0x2220}, {"mid", 0x2223}, {"and", 0x2227}, {"or", 0x2228}, {"cap", 0x2229}, {"cup", 0x222A},
    {"int", 0x222B}, {"there4", 0x2234}, {"sim", 0x223C}, {"cong", 0x2245}, {"asymp", 0x2248}, {"ne", 0x2260},
    {"equiv", 0x2261}, {"le", 0x2264}, {"ge", 0x2265}, {"sub", 0x2282}, {"sup", 0x2283}, {"nsub", 0x2284},
    {"sube", 0x2286}, {"supe", 0x2287}, {"oplus", 0x2295}, {"otimes", 0x2297}, {"perp", 0x22A5},
    {"sdot", 0x22C5}, {"lceil", 0x2308}, {"rceil", 0x2309}, {"lfloor", 0x230A}, {"rfloor", 0x230B},
    {"lang", 0x27E8}, {"rang", 0x27E9},
    // Shapes and dingbats.
    {"loz", 0x25CA}, {"starf", 0x2605}, {"star", 0x2606}, {"phone", 0x260E}, {"female", 0x2640},
    {"male", 0x2642}, {"spades", 0x2660}, {"clubs", 0x2663}, {"hearts", 0x2665}, {"diams", 0x2666},
    {"flat", 0x266D}, {"natural", 0x266E}, {"sharp", 0x266F}, {"check", 0x2713}, {"cross", 0x2717},
};

// All names, sorted for binary search; built once.
const std::vector<Entity>& sorted_entities() {
    static const std::vector<Entity> table = [] {
        std::vector<Entity> t(std::begin(kOthers), std::end(kOthers));
        for (uint32_t i = 0; i < 96; ++i) t.push_back({kLatin1[i], 0xA0 + i});
        for (uint32_t i = 0; i < 127; ++i)
            if (kLatinExtendedA[i]) t.push_back({kLatinExtendedA[i], 0x100 + i});
        for (uint32_t i = 0; i < 25; ++i) {
            if (kGreekCapitals[i]) t.push_back({kGreekCapitals[i], 0x391 + i});
            t.push_back({kGreekSmall[i], 0x3B1 + i});
        }
        t.push_back({"inodot", 0x131});
        std::sort(t.begin(), t.end(), [](const Entity& a, const Entity& b) { return std::strcmp(a.name, b.name) < 0; });
        return t;
    }();
    return table;
}

}  // namespace

uint32_t html_entity_code_point(std::string_view name) {
    const std::vector<Entity>& table = sorted_entities();
    auto it = std::lower_bound(table.begin(), table.end(), name,
                               [](const Entity& e, std::string_view n) { return std::string_view(e.name) < n; });
    return it != table.end() && std::string_view(it->name) == name ? it->code_point : 0;
}

}  // namespace ingest
