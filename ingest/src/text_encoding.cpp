#include "text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>

#include "ascii.hpp"
#include "core/url_util.hpp"

namespace ingest {
namespace {

using ascii::lower;

// [SECTION] labels

struct Alias {
    const char* label;
    const char* iconv_name;  // what glibc's iconv calls it
    const char* shown;       // what ParsedFeed::charset reports
};

// WHATWG labels (the common ones) to iconv names. Anything else is handed to
// iconv as written.
constexpr Alias kAliases[] = {
    {"utf-8", "UTF-8", "UTF-8"}, {"utf8", "UTF-8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252", "windows-1252"}, {"iso8859-1", "WINDOWS-1252", "windows-1252"},
    {"iso_8859-1", "WINDOWS-1252", "windows-1252"}, {"latin1", "WINDOWS-1252", "windows-1252"},
    {"l1", "WINDOWS-1252", "windows-1252"}, {"us-ascii", "WINDOWS-1252", "windows-1252"},
    {"ascii", "WINDOWS-1252", "windows-1252"}, {"cp1252", "WINDOWS-1252", "windows-1252"},
    {"windows-1252", "WINDOWS-1252", "windows-1252"}, {"x-cp1252", "WINDOWS-1252", "windows-1252"},
    {"cp819", "WINDOWS-1252", "windows-1252"}, {"iso-8859-9", "WINDOWS-1254", "windows-1254"},
    {"latin5", "WINDOWS-1254", "windows-1254"}, {"iso-8859-11", "WINDOWS-874", "windows-874"},
    {"tis-620", "WINDOWS-874", "windows-874"}, {"windows-874", "WINDOWS-874", "windows-874"},
    {"koi8-r", "KOI8-R", "KOI8-R"}, {"koi8", "KOI8-R", "KOI8-R"}, {"cskoi8r", "KOI8-R", "KOI8-R"},
    {"koi8-u", "KOI8-U", "KOI8-U"}, {"koi8-ru", "KOI8-U", "KOI8-U"},
    {"shift_jis", "CP932", "Shift_JIS"}, {"shift-jis", "CP932", "Shift_JIS"}, {"sjis", "CP932", "Shift_JIS"},
    {"x-sjis", "CP932", "Shift_JIS"}, {"ms_kanji", "CP932", "Shift_JIS"}, {"windows-31j", "CP932", "Shift_JIS"},
    {"cp932", "CP932", "Shift_JIS"}, {"euc-jp", "EUC-JP-MS", "EUC-JP"}, {"x-euc-jp", "EUC-JP-MS", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP", "ISO-2022-JP"}, {"gb2312", "GB18030", "GBK"}, {"gbk", "GB18030", "GBK"},
    {"gb_2312-80", "GB18030", "GBK"}, {"x-gbk", "GB18030", "GBK"}, {"cp936", "GB18030", "GBK"},
    {"euc-cn", "GB18030", "GBK"}, {"gb18030", "GB18030", "gb18030"}, {"big5", "BIG5-HKSCS", "Big5"},
    {"big5-hkscs", "BIG5-HKSCS", "Big5"}, {"x-x-big5", "BIG5-HKSCS", "Big5"}, {"cn-big5", "BIG5-HKSCS", "Big5"},
    {"euc-kr", "CP949", "EUC-KR"}, {"ks_c_5601-1987", "CP949", "EUC-KR"}, {"cp949", "CP949", "EUC-KR"},
    {"windows-949", "CP949", "EUC-KR"}, {"ibm866", "CP866", "IBM866"}, {"cp866", "CP866", "IBM866"},
    {"macintosh", "MACINTOSH", "macintosh"}, {"x-mac-roman", "MACINTOSH", "macintosh"},
    {"x-mac-cyrillic", "MAC-CYRILLIC", "x-mac-cyrillic"},
};

struct Charset {
    std::string iconv_name;
    std::string shown;
};

Charset resolve_label(std::string_view label) {
    std::string l = lower(label);
    for (const Alias& a : kAliases)
        if (l == a.label) return {a.iconv_name, a.shown};
    // "windows-1251", "cp1251", "iso-8859-5": iconv knows these by name.
    if (l.rfind("cp125", 0) == 0 && l.size() == 6) return {"WINDOWS-" + l.substr(2), "windows-" + l.substr(2)};
    std::string upper(l);
    for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    return {upper, l};
}

bool is_utf8_label(std::string_view label) { return resolve_label(label).iconv_name == "UTF-8"; }
bool is_wide_label(std::string_view label) {
    std::string l = lower(label);
    return l.rfind("utf-16", 0) == 0 || l.rfind("utf-32", 0) == 0 || l == "ucs-2" || l == "unicode";
}

// [SECTION] fallbacks by top-level domain (what browsers assume for
// unlabelled legacy pages there)

struct TldFallback {
    const char* tld;
    const char* charset;
};
constexpr TldFallback kTldFallbacks[] = {
    {"ru", "windows-1251"}, {"ua", "windows-1251"}, {"by", "windows-1251"}, {"bg", "windows-1251"},
    {"kz", "windows-1251"}, {"kg", "windows-1251"}, {"mk", "windows-1251"}, {"rs", "windows-1251"},
    {"su", "windows-1251"}, {"tj", "windows-1251"}, {"mn", "windows-1251"},
    {"pl", "windows-1250"}, {"cz", "windows-1250"}, {"sk", "windows-1250"}, {"hu", "windows-1250"},
    {"hr", "windows-1250"}, {"si", "windows-1250"}, {"ro", "windows-1250"}, {"ba", "windows-1250"},
    {"gr", "windows-1253"}, {"cy", "windows-1253"}, {"tr", "windows-1254"}, {"il", "windows-1255"},
    {"eg", "windows-1256"}, {"sa", "windows-1256"}, {"ae", "windows-1256"}, {"ir", "windows-1256"},
    {"iq", "windows-1256"}, {"jo", "windows-1256"}, {"kw", "windows-1256"}, {"lb", "windows-1256"},
    {"ly", "windows-1256"}, {"om", "windows-1256"}, {"qa", "windows-1256"}, {"sy", "windows-1256"},
    {"ye", "windows-1256"}, {"bh", "windows-1256"}, {"pk", "windows-1256"}, {"af", "windows-1256"},
    {"lt", "windows-1257"}, {"lv", "windows-1257"}, {"ee", "windows-1257"}, {"vn", "windows-1258"},
    {"th", "windows-874"},  {"jp", "Shift_JIS"},    {"cn", "GBK"},          {"tw", "Big5"},
    {"hk", "Big5"},         {"mo", "Big5"},         {"kr", "EUC-KR"},
};

std::string_view fallback_for(std::string_view url) {
    std::string host = ng::url_host(url);
    size_t dot = host.rfind('.');
    std::string_view tld = dot == std::string::npos ? std::string_view{} : std::string_view(host).substr(dot + 1);
    for (const TldFallback& f : kTldFallbacks)
        if (tld == f.tld) return f.charset;
    return "windows-1252";
}

// [SECTION] UTF-8 checks

// Length of the well-formed UTF-8 sequence at s[i]; 0 when ill-formed.
size_t utf8_sequence(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

struct Utf8Survey {
    size_t multibyte = 0;  // well-formed sequences of 2–4 bytes
    size_t invalid = 0;    // bytes that start no well-formed sequence
    bool escape = false;   // an ESC byte anywhere: ISO-2022 text, which is 7-bit
};

// Eight bytes at a time while they are ASCII: most feeds are mostly ASCII markup.
bool ascii_word_at(std::string_view s, size_t i) {
    if (i + 8 > s.size()) return false;
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    return (word & 0x8080808080808080ULL) == 0;
}

Utf8Survey survey(std::string_view s) {
    Utf8Survey r;
    r.escape = s.find('\x1B') != std::string_view::npos;
    for (size_t i = 0; i < s.size();) {
        if (ascii_word_at(s, i)) {
            i += 8;
            continue;
        }
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = utf8_sequence(s, i);
        if (len == 0) {
            ++r.invalid;
            ++i;
        } else {
            ++r.multibyte;
            i += len;
        }
    }
    return r;
}

// Copies UTF-8, replacing each ill-formed byte with U+FFFD.
std::string repair_utf8(std::string_view s, size_t& replaced) {
    std::string out;
    out.reserve(s.size() + 16);
    for (size_t i = 0; i < s.size();) {
        size_t len = utf8_sequence(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++replaced;
            ++i;
        } else {
            out.append(s, i, len);
            i += len;
        }
    }
    return out;
}

// [SECTION] byte-order marks and BOM-less UTF-16/32

struct Signature {
    std::string_view bytes;
    const char* charset;
    bool is_bom;  // removed before decoding
};

// XML Appendix F: a BOM, or the first characters "<?" in a wide encoding.
const Signature* detect_signature(std::string_view s) {
    static constexpr Signature kSignatures[] = {
        {{"\x00\x00\xFE\xFF", 4}, "UTF-32BE", true}, {{"\xFF\xFE\x00\x00", 4}, "UTF-32LE", true},
        {{"\xEF\xBB\xBF", 3}, "UTF-8", true},        {{"\xFE\xFF", 2}, "UTF-16BE", true},
        {{"\xFF\xFE", 2}, "UTF-16LE", true},         {{"\x00\x00\x00\x3C", 4}, "UTF-32BE", false},
        {{"\x3C\x00\x00\x00", 4}, "UTF-32LE", false}, {{"\x00\x3C\x00\x3F", 4}, "UTF-16BE", false},
        {{"\x3C\x00\x3F\x00", 4}, "UTF-16LE", false},
    };
    for (const Signature& sig : kSignatures)
        if (s.substr(0, sig.bytes.size()) == sig.bytes) return &sig;
    return nullptr;
}

// A charset label as IANA and WHATWG spell them ("windows-1251",
// "iso_8859-1:1987", "x-mac-roman"); anything else is no label at all.
std::string valid_label(std::string label) {
    if (label.empty() || label.size() > 40) return {};
    for (char c : label) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':' ||
                  c == '(' || c == ')' || c == '+';
        if (!ok) return {};
    }
    return label;
}

}  // namespace

// [SECTION] public functions

std::string charset_from_content_type(std::string_view content_type) {
    std::string ct = lower(content_type);
    for (size_t p = ct.find("charset"); p != std::string::npos; p = ct.find("charset", p + 1)) {
        if (p > 0 && ct[p - 1] != ';' && ct[p - 1] != ' ' && ct[p - 1] != '\t') continue;
        size_t q = p + 7;
        while (q < ct.size() && (ct[q] == ' ' || ct[q] == '\t')) ++q;
        if (q >= ct.size() || ct[q] != '=') continue;
        ++q;
        while (q < ct.size() && (ct[q] == ' ' || ct[q] == '\t')) ++q;
        bool quoted = q < ct.size() && (ct[q] == '"' || ct[q] == '\'');
        if (quoted) ++q;
        size_t end = ct.find_first_of(quoted ? "\"'" : "; \t,", q);
        return valid_label(ct.substr(q, end == std::string::npos ? std::string::npos : end - q));
    }
    return {};
}

std::string charset_from_xml_declaration(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    size_t start = 0;
    while (start < bytes.size() && start < 64 && (bytes[start] == ' ' || bytes[start] == '\n' ||
                                                  bytes[start] == '\r' || bytes[start] == '\t'))
        ++start;
    if (bytes.compare(start, 5, "<?xml") != 0) return {};
    size_t end = bytes.find("?>", start);
    if (end == std::string_view::npos || end - start > 512) return {};
    std::string_view decl = bytes.substr(start, end - start);
    size_t p = decl.find("encoding");
    if (p == std::string_view::npos) return {};
    p += 8;
    while (p < decl.size() && (decl[p] == ' ' || decl[p] == '=' || decl[p] == '\t')) ++p;
    if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return {};
    char quote = decl[p++];
    size_t close = decl.find(quote, p);
    if (close == std::string_view::npos || close - p > 40) return {};
    return valid_label(lower(decl.substr(p, close - p)));
}

bool is_valid_utf8(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        if (ascii_word_at(bytes, i)) {
            i += 8;
            continue;
        }
        size_t len = utf8_sequence(bytes, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool convert_to_utf8(std::string_view bytes, std::string_view charset, std::string& out, std::size_t& replaced) {
    Charset cs = resolve_label(charset);
    if (cs.iconv_name == "UTF-8") {
        out = is_valid_utf8(bytes) ? std::string(bytes) : repair_utf8(bytes, replaced);
        return true;
    }
    iconv_t cd = iconv_open("UTF-8", cs.iconv_name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    std::string result;
    result.resize(bytes.size() * 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    size_t written = 0;
    while (in_left > 0) {
        char* dst = &result[written];
        size_t dst_left = result.size() - written;
        size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
        written = result.size() - dst_left;
        if (rc != static_cast<size_t>(-1)) break;
        if (errno == E2BIG) {
            result.resize(result.size() * 2);
        } else if (errno == EILSEQ || errno == EINVAL) {  // undecodable, or cut off at the end
            if (result.size() - written < 3) result.resize(result.size() * 2);
            std::memcpy(&result[written], "\xEF\xBF\xBD", 3);
            written += 3;
            ++replaced;
            ++in;
            --in_left;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
        } else {
            break;
        }
    }
    iconv_close(cd);
    result.resize(written);
    out = std::move(result);
    return true;
}

DecodedText decode_xml_text(std::string_view bytes, std::string_view content_type, std::string_view url) {
    DecodedText r;
    std::string http = charset_from_content_type(content_type);

    // 1. A signature settles it.
    if (const Signature* sig = detect_signature(bytes)) {
        std::string_view body = sig->is_bom ? bytes.substr(sig->bytes.size()) : bytes;
        r.charset = sig->charset;
        convert_to_utf8(body, sig->charset, r.utf8, r.replaced);
        if (!http.empty() && resolve_label(http).shown != resolve_label(sig->charset).shown && !is_wide_label(http))
            r.notes.push_back("The server said " + http + " but the byte-order mark says " + sig->charset + ".");
        if (r.utf8.substr(0, 3) == "\xEF\xBB\xBF") r.utf8.erase(0, 3);
        return r;
    }

    // 2–4. Labels in order of precedence; wide ones are wrong without a signature.
    std::string declared = charset_from_xml_declaration(bytes);
    std::vector<std::string> labels;
    for (const std::string& l : {http, declared})
        if (!l.empty() && !is_wide_label(l)) labels.push_back(l);
    std::string first = labels.empty() ? std::string("utf-8") : labels.front();

    Utf8Survey s = survey(bytes);
    bool pure_ascii = s.multibyte == 0 && s.invalid == 0 && !s.escape;
    if (pure_ascii || (s.invalid == 0 && s.multibyte > 0)) {
        r.utf8 = std::string(bytes);
        r.charset = pure_ascii && !is_utf8_label(first) ? resolve_label(first).shown : "UTF-8";
        if (!pure_ascii && !is_utf8_label(first))
            r.notes.push_back("The feed is labelled " + first + " but is UTF-8; it was read as UTF-8.");
        return r;
    }
    for (const std::string& label : labels) {
        if (is_utf8_label(label)) continue;  // it is not valid UTF-8
        if (convert_to_utf8(bytes, label, r.utf8, r.replaced)) {
            r.charset = resolve_label(label).shown;
            if (label != first)
                r.notes.push_back("The feed is labelled " + first + " but is not; it was read as " + r.charset + ".");
            return r;
        }
        r.notes.push_back("Unknown character set \"" + label + "\".");
    }
    if (s.multibyte >= s.invalid && !s.escape) {  // UTF-8 with a few broken bytes
        r.utf8 = repair_utf8(bytes, r.replaced);
        r.charset = "UTF-8";
        r.notes.push_back(std::to_string(r.replaced) + " invalid UTF-8 byte" + (r.replaced == 1 ? " was" : "s were") +
                          " replaced.");
        return r;
    }
    std::string_view fallback = s.escape ? std::string_view("ISO-2022-JP") : fallback_for(url);
    convert_to_utf8(bytes, fallback, r.utf8, r.replaced);
    r.charset = resolve_label(fallback).shown;
    r.notes.push_back((labels.empty() ? std::string("The feed names no character set and is not UTF-8")
                                      : "The feed is labelled " + first + " but is not") +
                      "; it was read as " + r.charset + ".");
    return r;
}

}  // namespace ingest
