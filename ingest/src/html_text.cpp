#include "html_text.hpp"

#include <algorithm>
#include <cstring>

#include "ascii.hpp"
#include "core/news_decode.hpp"

namespace ingest {
namespace {

// [SECTION] character references

// What browsers (and so the authors who tested in them) make of the C1 range:
// windows-1252's characters. 0 marks the five bytes windows-1252 leaves
// undefined.
constexpr uint16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

using namespace ascii;

uint32_t remap_c1(uint32_t cp) {
    if (cp >= 0x80 && cp <= 0x9F && kWindows1252High[cp - 0x80] != 0) return kWindows1252High[cp - 0x80];
    return cp;
}

// Reads the reference at text[pos] ('&'): its code point and the bytes it
// spans, or 0 when it is not a reference.
size_t parse_reference(std::string_view text, size_t pos, uint32_t& cp) {
    size_t p = pos + 1;
    if (p < text.size() && text[p] == '#') {
        ++p;
        bool hex = p < text.size() && (text[p] == 'x' || text[p] == 'X');
        if (hex) ++p;
        size_t digits_start = p;
        uint64_t value = 0;
        for (; p < text.size(); ++p) {
            int digit = hex ? hex_value(text[p]) : is_digit(text[p]) ? text[p] - '0' : -1;
            if (digit < 0) break;
            if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
        }
        if (p == digits_start) return 0;
        if (p < text.size() && text[p] == ';') ++p;
        cp = value == 0 || value > 0x10FFFF ? 0xFFFD : remap_c1(static_cast<uint32_t>(value));
        return p - pos;
    }
    size_t name_start = p;
    while (p < text.size() && is_alnum(text[p]) && p - name_start < 32) ++p;
    std::string_view name = text.substr(name_start, p - name_start);
    if (name.empty() || !is_alpha(name[0])) return 0;
    if (p < text.size() && text[p] == ';') {
        cp = html_entity_code_point(name);
        return cp ? p + 1 - pos : 0;
    }
    // Without ';' only the legacy names a browser still accepts, and only as
    // a whole word ("AT&T" stays as it is).
    static constexpr const char* kLegacy[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};
    for (const char* legacy : kLegacy) {
        if (name == legacy) {
            cp = html_entity_code_point(name);
            return p - pos;
        }
    }
    return 0;
}

// Appends text, turning C1 controls (U+0080..U+009F, which XML character
// references like &#146; produce) into the windows-1252 characters meant.
void append_remapping_c1(std::string& out, std::string_view text) {
    size_t start = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        auto b = static_cast<unsigned char>(text[i + 1]);
        if (static_cast<unsigned char>(text[i]) == 0xC2 && b >= 0x80 && b <= 0x9F) {
            out.append(text, start, i - start);
            append_utf8(out, remap_c1(b));
            start = i + 2;
            ++i;
        }
    }
    out.append(text, start, std::string_view::npos);
}

// Decodes references once; returns whether any was decoded.
bool decode_into(std::string& out, std::string_view text) {
    bool decoded = false;
    size_t start = 0;
    for (size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
        uint32_t cp = 0;
        size_t used = parse_reference(text, amp, cp);
        if (used == 0) continue;  // a literal '&': it stays in the pending run
        append_remapping_c1(out, text.substr(start, amp - start));
        append_utf8(out, cp);
        decoded = true;
        start = amp + used;
        amp = start - 1;
    }
    append_remapping_c1(out, text.substr(start));
    return decoded;
}

// Decodes text's references, and once more when that revealed references
// escaped twice ("&amp;eacute;" -> "&eacute;" -> "é"). A literal "&amp;" in
// news text is far rarer than a feed that escaped twice.
void append_decoded(std::string& out, std::string_view text, std::string& scratch) {
    if (text.find('&') == std::string_view::npos) {
        append_remapping_c1(out, text);
        return;
    }
    scratch.clear();
    if (decode_into(scratch, text) && scratch.find('&') != std::string::npos) {
        decode_into(out, scratch);
    } else {
        out += scratch;
    }
}

// [SECTION] tags

enum class TagKind { Inline, Block, Skipped, Image };

TagKind classify(std::string_view name) {
    static constexpr const char* kBlocks[] = {
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "td", "th", "tr", "ul"};
    static constexpr const char* kSkipped[] = {"head", "iframe", "math", "noscript", "object", "script",
                                               "select", "style", "svg", "template", "textarea", "title"};
    if (name == "img") return TagKind::Image;
    for (const char* b : kBlocks)
        if (name == b) return TagKind::Block;
    for (const char* s : kSkipped)
        if (name == s) return TagKind::Skipped;
    return TagKind::Inline;
}

bool starts_with_nocase(std::string_view s, size_t pos, std::string_view prefix) {
    return ascii::starts_with_nocase(s.substr(pos), prefix);
}

// Finds where tags end. A '>' inside a quoted attribute value does not end a
// tag, but an unclosed quote falls back to the first '>' (no browser-style
// "the rest of the page is an attribute"). The next position of each
// delimiter is remembered, so a hostile fragment full of '<' and unclosed
// quotes still takes linear time.
class TagScanner {
public:
    explicit TagScanner(std::string_view html) : html_(html) {}

    // One past the '>' ending the tag that starts at pos; npos when none.
    size_t tag_end(size_t pos) {
        size_t i = pos + 1;
        for (;;) {
            size_t gt = next(kGt, i);
            if (gt == std::string_view::npos) return gt;
            size_t dq = next(kDouble, i), sq = next(kSingle, i);
            size_t quote = std::min(dq, sq);
            if (quote == std::string_view::npos || quote > gt) return gt + 1;
            size_t close = next(quote == dq ? kDouble : kSingle, quote + 1);
            if (close == std::string_view::npos) return gt + 1;
            i = close + 1;
        }
    }

private:
    enum { kGt, kDouble, kSingle };
    static constexpr char kChars[3] = {'>', '"', '\''};

    size_t next(int which, size_t from) {
        size_t& at = found_[which];
        if (searched_[which] && from <= at && from >= asked_[which]) return at;
        asked_[which] = from;
        searched_[which] = true;
        at = html_.find(kChars[which], from);
        return at;
    }

    std::string_view html_;
    size_t found_[3] = {0, 0, 0};
    size_t asked_[3] = {0, 0, 0};
    bool searched_[3] = {false, false, false};
};

// The raw value of attribute `wanted` inside a start tag's text.
std::string_view attribute(std::string_view tag, std::string_view wanted) {
    size_t i = 1;
    while (i < tag.size() && (is_alnum(tag[i]) || tag[i] == '-' || tag[i] == ':')) ++i;  // the tag name
    while (i < tag.size()) {
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r' || tag[i] == '/'))
            ++i;
        size_t name_start = i;
        while (i < tag.size() && tag[i] != '=' && tag[i] != ' ' && tag[i] != '>' && tag[i] != '/' && tag[i] != '\t' &&
               tag[i] != '\n' && tag[i] != '\r')
            ++i;
        std::string_view name = tag.substr(name_start, i - name_start);
        if (name.empty()) {
            ++i;
            continue;
        }
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
        std::string_view value;
        if (i < tag.size() && tag[i] == '=') {
            ++i;
            while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                char q = tag[i++];
                size_t end = tag.find(q, i);
                if (end == std::string_view::npos) end = tag.size();
                value = tag.substr(i, end - i);
                i = end + 1;
            } else {
                size_t start = i;
                while (i < tag.size() && tag[i] != ' ' && tag[i] != '>' && tag[i] != '\t' && tag[i] != '\n') ++i;
                value = tag.substr(start, i - start);
            }
        }
        if (name.size() == wanted.size() && starts_with_nocase(name, 0, wanted)) return value;
    }
    return {};
}

// Walks a fragment and reports raw text runs, block boundaries and images to
// a sink: sink.text(raw), sink.boundary(), sink.image(tag) -> bool (true: stop).
template <class Sink>
void walk_html(std::string_view html, Sink& sink) {
    TagScanner scanner(html);
    size_t i = 0;
    size_t text_start = 0;
    bool in_cdata = false;
    auto flush_text = [&](size_t end) {
        if (end > text_start) sink.text(html.substr(text_start, end - text_start));
    };
    while (i < html.size()) {
        size_t lt = html.find_first_of(in_cdata ? "<]" : "<", i);
        if (lt == std::string_view::npos) break;
        if (html[lt] == ']') {  // the end of an escaped CDATA section's marker
            if (html.compare(lt, 3, "]]>") == 0) {
                flush_text(lt);
                i = text_start = lt + 3;
                in_cdata = false;
            } else {
                i = lt + 1;
            }
            continue;
        }
        char next = lt + 1 < html.size() ? html[lt + 1] : '\0';
        size_t after = std::string_view::npos;
        if (next == '!') {
            if (html.compare(lt, 4, "<!--") == 0) {
                size_t close = html.find("-->", lt + 4);
                after = close == std::string_view::npos ? html.size() : close + 3;
            } else if (html.compare(lt, 9, "<![CDATA[") == 0) {
                after = lt + 9;
                in_cdata = true;
            } else {
                after = scanner.tag_end(lt);
            }
        } else if (next == '?') {
            after = scanner.tag_end(lt);
        } else if (next == '/' || is_alpha(next)) {
            after = scanner.tag_end(lt);
            if (after != std::string_view::npos) {
                size_t name_start = lt + (next == '/' ? 2 : 1);
                size_t name_end = name_start;
                char name[16];
                size_t len = 0;
                while (name_end < after &&
                       (is_alnum(html[name_end]) || html[name_end] == '-' || html[name_end] == ':')) {
                    if (len < sizeof name) name[len++] = lower(html[name_end]);
                    ++name_end;
                }
                TagKind kind = len < sizeof name ? classify({name, len}) : TagKind::Inline;
                flush_text(lt);
                if (kind == TagKind::Block) sink.boundary();
                if (kind == TagKind::Image && next != '/' && sink.image(html.substr(lt, after - lt))) return;
                if (kind == TagKind::Skipped && next != '/' && html[after - 2] != '/') {
                    // Skip to the matching end tag ("</script"), or to the end.
                    std::string closing = "</" + std::string(name, len);
                    size_t close = html.find('<', after);
                    while (close != std::string_view::npos && !starts_with_nocase(html, close, closing))
                        close = html.find('<', close + 1);
                    size_t close_end = close == std::string_view::npos ? close : scanner.tag_end(close);
                    after = close_end == std::string_view::npos ? html.size() : close_end;
                }
                i = text_start = after;
                continue;
            }
        }
        if (after == std::string_view::npos) {  // not markup: a literal '<'
            i = lt + 1;
            continue;
        }
        flush_text(lt);
        i = text_start = after;
    }
    flush_text(html.size());
}

// "&lt;p&gt;Hello&lt;/p&gt;" is markup a feed escaped once too often: a
// fragment with no real tag but an escaped one is unescaped (at most twice).
bool has_tag(std::string_view s, std::string_view open) {
    for (size_t p = s.find(open); p != std::string_view::npos; p = s.find(open, p + 1)) {
        size_t q = p + open.size();
        if (q < s.size() && (is_alpha(s[q]) || s[q] == '/' || s[q] == '!')) return true;
    }
    return false;
}

std::string_view unescape_markup(std::string_view html, std::string& storage) {
    for (int pass = 0; pass < 2; ++pass) {
        if (has_tag(html, "<") || !(has_tag(html, "&lt;") || has_tag(html, "&amp;lt;"))) return html;
        std::string decoded;
        decode_into(decoded, html);
        storage = std::move(decoded);
        html = storage;
    }
    return html;
}

bool has_c1(std::string_view s) {
    for (size_t p = s.find('\xC2'); p != std::string_view::npos && p + 1 < s.size(); p = s.find('\xC2', p + 1))
        if (static_cast<unsigned char>(s[p + 1]) <= 0x9F) return true;
    return false;
}

// Text with nothing to decode goes straight to ng::clean_text.
bool needs_decoding(std::string_view s) { return s.find_first_of("<&") != std::string_view::npos || has_c1(s); }

}  // namespace

// [SECTION] public functions

void append_utf8(std::string& out, uint32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    decode_into(out, text);
    return out;
}

std::string plain_to_text(std::string_view text, std::size_t max_bytes) {
    if (!needs_decoding(text)) return ng::clean_text(text, max_bytes);
    std::string out, scratch;
    append_decoded(out, text, scratch);
    return ng::clean_text(out, max_bytes);
}

std::string html_to_text(std::string_view html, std::size_t max_bytes) {
    if (!needs_decoding(html)) return ng::clean_text(html, max_bytes);
    struct Sink {
        std::string out, scratch;
        void text(std::string_view raw) { append_decoded(out, raw, scratch); }
        void boundary() { out += ' '; }
        bool image(std::string_view) { return false; }
    } sink;
    std::string storage;
    walk_html(unescape_markup(html, storage), sink);
    return ng::clean_text(sink.out, max_bytes);
}

std::vector<std::string> html_to_paragraphs(std::string_view html, std::size_t max_paragraph_bytes,
                                            std::size_t max_paragraphs) {
    struct Sink {
        std::vector<std::string> paragraphs;
        std::string current, scratch;
        std::size_t max_bytes, max_count;
        void text(std::string_view raw) { append_decoded(current, raw, scratch); }
        void boundary() {
            if (paragraphs.size() < max_count) {
                std::string p = ng::clean_text(current, max_bytes);
                if (!p.empty()) paragraphs.push_back(std::move(p));
            }
            current.clear();
        }
        bool image(std::string_view) { return false; }
    } sink{{}, {}, {}, max_paragraph_bytes, max_paragraphs};
    std::string storage;
    walk_html(unescape_markup(html, storage), sink);
    sink.boundary();
    return std::move(sink.paragraphs);
}

std::string first_image_source(std::string_view html) {
    struct Sink {
        std::string src;
        void text(std::string_view) {}
        void boundary() {}
        bool image(std::string_view tag) {
            src = ng::clean_text(decode_html_entities(attribute(tag, "src")), 4096);
            return !src.empty();
        }
    } sink;
    if (html.find('<') == std::string_view::npos && html.find("&lt;") == std::string_view::npos) return {};
    std::string storage;
    walk_html(unescape_markup(html, storage), sink);
    return sink.src;
}

// [SECTION] short extracts

namespace {

size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
}

// Sentence-ending marks: `needs_space` ones end a sentence only before a
// space (or the end); the full-width CJK ones end it wherever they are.
struct Terminator {
    std::string_view mark;
    bool needs_space;
};
constexpr Terminator kTerminators[] = {
    {".", true},  {"!", true},  {"?", true},  {"\xE2\x80\xA6", true} /* … */, {"\xD8\x9F", true} /* ؟ */,
    {"\xE0\xA5\xA4", true} /* । */, {"\xE1\x8D\xA2", true} /* ። */, {"\xD6\x89", true} /* ։ */,
    {"\xE3\x80\x82", false} /* 。 */, {"\xEF\xBC\x81", false} /* ！ */, {"\xEF\xBC\x9F", false} /* ？ */,
};

// Closing quotes and brackets that belong to the sentence before them.
constexpr std::string_view kClosers[] = {"\"", "'", ")", "]", "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */,
                                         "\xC2\xBB" /* » */, "\xE3\x80\x8D" /* 」 */};

const Terminator* terminator_at(std::string_view s, size_t i) {
    for (const Terminator& t : kTerminators)
        if (s.compare(i, t.mark.size(), t.mark) == 0) return &t;
    return nullptr;
}

size_t closer_at(std::string_view s, size_t i) {
    for (std::string_view c : kClosers)
        if (s.compare(i, c.size(), c) == 0) return c.size();
    return 0;
}

// "Mr. Smith", "J. Smith", "U.S. officials", "No. 5", "25. November": a
// full stop that does not end the sentence.
bool is_abbreviation(std::string_view text, size_t dot) {
    size_t start = dot;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(' && text[start - 1] != '"') --start;
    std::string_view word = text.substr(start, dot - start);
    if (word.empty()) return false;
    if (word.size() == 1 && is_alpha(word[0])) return true;
    if (word.find('.') != std::string_view::npos) return true;
    if (word.size() <= 2 && std::all_of(word.begin(), word.end(), is_digit)) return true;
    static constexpr const char* kShort[] = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col",
                                             "lt", "sgt", "capt", "st", "jr", "sr", "inc", "ltd", "co", "corp",
                                             "no", "nr", "vs", "etc", "approx", "dept", "est", "fig", "art", "av",
                                             "sra", "dra", "ing", "mme", "mlle", "hr", "bzw", "ca"};
    if (word.size() > 6) return false;
    char lowered[8];
    for (size_t k = 0; k < word.size(); ++k) lowered[k] = lower(word[k]);
    std::string_view w(lowered, word.size());
    for (const char* a : kShort)
        if (w == a) return true;
    return false;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Strips the marks a feed leaves where it cut its own description.
std::string_view strip_cut_marker(std::string_view s, bool& cut) {
    static constexpr std::string_view kMarkers[] = {"[\xE2\x80\xA6]", "[...]", "(\xE2\x80\xA6)", "(...)",
                                                    "\xE2\x80\xA6", "..."};
    cut = false;
    for (std::string_view m : kMarkers) {
        if (s.size() >= m.size() && s.substr(s.size() - m.size()) == m) {
            s = trim_spaces(s.substr(0, s.size() - m.size()));
            cut = true;
            break;
        }
    }
    return s;
}

// Cuts at the last space within max_bytes (or at a character boundary when
// the text has none in its second half) and adds "…".
std::string cut_at_word(std::string_view s, size_t max_bytes) {
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    if (max_bytes <= kEllipsis.size()) return {};
    size_t limit = max_bytes - kEllipsis.size();
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a character boundary
    size_t space = s.rfind(' ', limit);
    if (space != std::string_view::npos && space >= limit / 2) cut = space;
    std::string_view kept = trim_spaces(s.substr(0, cut));
    while (!kept.empty() && std::strchr(",;:-(", kept.back())) kept = trim_spaces(kept.substr(0, kept.size() - 1));
    return std::string(kept) + std::string(kEllipsis);
}

}  // namespace

std::string short_extract(std::string_view text, std::size_t max_sentences, std::size_t max_bytes) {
    text = trim_spaces(text);
    bool cut_off = false;
    std::string_view body = strip_cut_marker(text, cut_off);
    if (max_sentences == 0 || body.empty()) return {};

    std::vector<size_t> ends;  // one past each complete sentence
    for (size_t i = 0; i < body.size() && ends.size() < max_sentences;) {
        const Terminator* t = terminator_at(body, i);
        if (!t) {
            i += utf8_length(static_cast<unsigned char>(body[i]));
            continue;
        }
        size_t j = i + t->mark.size();
        while (j < body.size()) {  // "?!", "...", closing quotes
            size_t extra = terminator_at(body, j) ? terminator_at(body, j)->mark.size() : closer_at(body, j);
            if (extra == 0) break;
            j += extra;
        }
        bool boundary = j == body.size() || !t->needs_space;
        if (!boundary && body[j] == ' ') {
            size_t k = j;
            while (k < body.size() && body[k] == ' ') ++k;
            char next = k < body.size() ? body[k] : '\0';
            boundary =
                !(next >= 'a' && next <= 'z') && !is_digit(next) && !(t->mark == "." && is_abbreviation(body, i));
        }
        if (boundary) ends.push_back(j);
        i = j;
    }

    // Whole sentences; an unterminated last one counts unless the feed cut it.
    std::string_view chosen;
    if (ends.size() == max_sentences || (cut_off && !ends.empty())) {
        chosen = body.substr(0, ends.back());
    } else {
        chosen = body;
    }
    for (size_t n = ends.size(); chosen.size() > max_bytes && n > 1; --n) chosen = body.substr(0, ends[n - 2]);
    chosen = trim_spaces(chosen);
    if (chosen.size() > max_bytes) return cut_at_word(chosen, max_bytes);
    if (!(cut_off && chosen.size() == body.size())) return std::string(chosen);
    // Only the feed's own fragment: keep its ellipsis.
    return chosen.size() + 3 > max_bytes ? cut_at_word(chosen, max_bytes) : std::string(chosen) + "\xE2\x80\xA6";
}

}  // namespace ingest
