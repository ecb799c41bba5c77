#include "core/gdelt_text.hpp"

#include <initializer_list>
#include <vector>

namespace ng {
namespace {

constexpr std::string_view kApostrophe = "\xE2\x80\x99";  // ’

struct Token {
    std::string_view text;
    bool wide_gap = false;       // two or more spaces before it: something was deleted there
    bool apostrophe_gap = false; // an apostrophe GDELT kept as its own token stood before it
};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != b[i]) return false;
    return true;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    for (std::string_view p : prefixes)
        if (s.substr(0, p.size()) == p) return true;
    return false;
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> suffixes) {
    for (std::string_view p : suffixes)
        if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) return true;
    return false;
}

// Punctuation that attaches to the word before it, and after it.
bool closes(std::string_view token) {
    return starts_with_any(token, {",", ".", ":", ";", "?", "!", ")", "]", "}", "\xE2\x80\xA6"});
}
bool opens(std::string_view token) {
    return ends_with_any(token, {"\xC2\xBF" /* ¿ */, "\xC2\xA1" /* ¡ */, "(", "[", "{"});
}

bool is_apostrophe_token(std::string_view t) { return t == "'" || t == kApostrophe || t == "`"; }

// French and Italian words that elide before a vowel or h.
bool is_elision(std::string_view word) {
    static constexpr std::string_view kElisions[] = {
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu",  // French
        "dell", "all", "dall", "nell", "sull", "coll", "un", "quest", "quell", "tutt", "senz"};  // Italian
    for (std::string_view e : kElisions)
        if (equals_nocase(word, e)) return true;
    return false;
}

bool starts_with_vowel_or_h(std::string_view word) {
    if (word.empty()) return false;
    char c = lower(word[0]);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'h' || c == 'y') return true;
    // Latin-1 letters (À..ÿ): in these languages' words, accented vowels.
    return static_cast<unsigned char>(word[0]) == 0xC3;
}

// English contraction endings ("Biden  s", "don  t"), followed by nothing
// but punctuation.
bool is_contraction_end(std::string_view word) {
    size_t letters = 0;
    while (letters < word.size() && is_ascii_letter(word[letters])) ++letters;
    if (letters < word.size() && !closes(word.substr(letters))) return false;
    static constexpr std::string_view kEnds[] = {"s", "t", "re", "ve", "ll", "d", "m"};
    for (std::string_view e : kEnds)
        if (equals_nocase(word.substr(0, letters), e)) return true;
    return false;
}

bool ends_with_letter(std::string_view word) {
    return !word.empty() && (is_ascii_letter(word.back()) || static_cast<unsigned char>(word.back()) >= 0x80);
}

std::vector<Token> tokenize(std::string_view title) {
    std::vector<Token> tokens;
    size_t i = 0;
    bool apostrophe_pending = false;
    while (i < title.size()) {
        size_t spaces = 0;
        while (i < title.size() && title[i] == ' ') {
            ++i;
            ++spaces;
        }
        if (i >= title.size()) break;
        size_t end = title.find(' ', i);
        if (end == std::string_view::npos) end = title.size();
        std::string_view text = title.substr(i, end - i);
        i = end;
        if (is_apostrophe_token(text) && !tokens.empty()) {
            apostrophe_pending = true;
            continue;
        }
        tokens.push_back({text, spaces >= 2 && !tokens.empty(), apostrophe_pending});
        apostrophe_pending = false;
    }
    return tokens;
}

// "6, 438" -> "6,438": a comma between digits and exactly three digits.
std::string join_thousands(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    for (size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (s[i] == ',' && i > 0 && digit(i - 1) && i + 1 < s.size() && s[i + 1] == ' ' && digit(i + 2) &&
            digit(i + 3) && digit(i + 4) && !digit(i + 5))
            ++i;  // skip the space
    }
    return out;
}

}  // namespace

std::string detokenize_gdelt_title(std::string_view title) {
    std::vector<Token> tokens = tokenize(title);
    std::string out;
    out.reserve(title.size());
    for (size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (k > 0) {
            std::string_view prev = tokens[k - 1].text;
            bool deleted_between = t.wide_gap || t.apostrophe_gap;
            if (closes(t.text) || opens(prev)) {
                // attached: no space
            } else if (deleted_between && ends_with_letter(prev) &&
                       ((is_elision(prev) && starts_with_vowel_or_h(t.text)) || is_contraction_end(t.text))) {
                out += kApostrophe;
            } else {
                out += ' ';
            }
        }
        out += t.text;
    }
    return join_thousands(out);
}

}  // namespace ng
