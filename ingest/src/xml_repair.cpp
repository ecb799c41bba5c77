#include "xml_repair.hpp"

#include <array>
#include <vector>

#include "html_text.hpp"

namespace ingest {
namespace {

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool is_xml_char(uint64_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Bytes the scan must look at; everything else is copied as it is.
constexpr std::array<bool, 256> special_bytes() {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = c != '\t' && c != '\n' && c != '\r';
    t['&'] = t['<'] = t[']'] = t[0xEF] = true;
    return t;
}
constexpr std::array<bool, 256> kSpecial = special_bytes();

class Repairer {
public:
    explicit Repairer(std::string_view s) : s_(s) {}

    RepairedXml run() {
        size_t i = 0;
        while (i < s_.size()) {
            auto c = static_cast<unsigned char>(s_[i]);
            if (!kSpecial[c]) {
                ++i;
            } else if (c == '&') {
                i = reference(i);
            } else if (c == '<') {
                i = markup(i);
            } else {
                i = forbidden_or_literal(i);
            }
        }
        RepairedXml r;
        r.repairs = repairs_;
        if (repairs_ > 0) {
            out_.append(s_, copied_, std::string_view::npos);
            r.text = std::move(out_);
        }
        return r;
    }

private:
    void replace(size_t from, size_t to, std::string_view with) {
        if (out_.empty()) out_.reserve(s_.size() + 64);
        out_.append(s_, copied_, from - copied_);
        out_ += with;
        copied_ = to;
        ++repairs_;
    }

    // Control characters, U+FFFE/U+FFFF and "]]>" outside CDATA.
    size_t forbidden_or_literal(size_t i) {
        auto c = static_cast<unsigned char>(s_[i]);
        if (c < 0x20) {
            replace(i, i + 1, " ");
            return i + 1;
        }
        if (c == 0xEF && s_.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < s_.size() &&
            (static_cast<unsigned char>(s_[i + 2]) & 0xFE) == 0xBE) {
            replace(i, i + 3, "\xEF\xBF\xBD");
            return i + 3;
        }
        if (c == ']' && s_.compare(i, 3, "]]>") == 0) {
            replace(i, i + 3, "]]&gt;");
            return i + 3;
        }
        return i + 1;
    }

    // Copies [from, to) (CDATA, comments, the DOCTYPE), repairing only
    // characters XML forbids everywhere.
    size_t copy_section(size_t from, size_t to) {
        for (size_t i = from; i < to;) {
            auto c = static_cast<unsigned char>(s_[i]);
            i = (c < 0x20 && kSpecial[c]) || c == 0xEF ? forbidden_or_literal(i) : i + 1;
        }
        return to;
    }

    size_t end_of(size_t from, std::string_view terminator) const {
        size_t end = s_.find(terminator, from);
        return end == std::string_view::npos ? s_.size() : end + terminator.size();
    }

    size_t markup(size_t i) {
        if (s_.compare(i, 9, "<![CDATA[") == 0) return copy_section(i, end_of(i + 9, "]]>"));
        if (s_.compare(i, 4, "<!--") == 0) return copy_section(i, end_of(i + 4, "-->"));
        if (s_.compare(i, 2, "<?") == 0) return copy_section(i, end_of(i + 2, "?>"));
        if (s_.compare(i, 9, "<!DOCTYPE") == 0) return doctype(i);
        char next = i + 1 < s_.size() ? s_[i + 1] : '\0';
        if (is_name_start(next) || next == '/' || next == '!') return i + 1;  // a tag: scanned like text
        replace(i, i + 1, "&lt;");
        return i + 1;
    }

    // Copies the DOCTYPE and notes the entities its internal subset declares.
    size_t doctype(size_t i) {
        size_t gt = s_.find('>', i);
        size_t bracket = s_.find('[', i);
        size_t end = gt == std::string_view::npos ? s_.size() : gt + 1;
        if (bracket != std::string_view::npos && bracket < gt) {
            size_t close = s_.find(']', bracket);
            end = close == std::string_view::npos ? s_.size() : end_of(close, ">");
            std::string_view subset = s_.substr(bracket, end - bracket);
            for (size_t p = subset.find("<!ENTITY"); p != std::string_view::npos; p = subset.find("<!ENTITY", p + 1)) {
                size_t q = p + 8;
                while (q < subset.size() && (subset[q] == ' ' || subset[q] == '\t' || subset[q] == '\n')) ++q;
                size_t start = q;
                while (q < subset.size() && is_name_char(subset[q])) ++q;
                if (q > start) declared_.emplace_back(subset.substr(start, q - start));
            }
        }
        return copy_section(i, end);
    }

    size_t reference(size_t i) {
        size_t p = i + 1;
        if (p < s_.size() && s_[p] == '#') return numeric_reference(i);
        size_t start = p;
        if (p < s_.size() && is_name_start(s_[p])) {
            while (p < s_.size() && is_name_char(s_[p]) && p - start < 64) ++p;
        }
        std::string_view name = s_.substr(start, p - start);
        if (name.empty() || p >= s_.size() || s_[p] != ';') {  // a bare '&'
            replace(i, i + 1, "&amp;");
            return i + 1;
        }
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return p + 1;
        for (const std::string& d : declared_)
            if (name == d) return p + 1;
        if (uint32_t cp = html_entity_code_point(name)) {
            replace(i, p + 1, "&#" + std::to_string(cp) + ";");
            return p + 1;
        }
        replace(i, i + 1, "&amp;");  // unknown: the name stays as text
        return i + 1;
    }

    size_t numeric_reference(size_t i) {
        size_t p = i + 2;
        bool hex = p < s_.size() && (s_[p] == 'x' || s_[p] == 'X');
        if (hex) ++p;
        size_t digits = p;
        uint64_t value = 0;
        for (; p < s_.size(); ++p) {
            char c = s_[p];
            int d = c >= '0' && c <= '9'                 ? c - '0'
                    : hex && c >= 'a' && c <= 'f'        ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F'        ? c - 'A' + 10
                                                         : -1;
            if (d < 0) break;
            if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<uint64_t>(d);
        }
        if (p == digits) {
            replace(i, i + 1, "&amp;");
            return i + 1;
        }
        bool semicolon = p < s_.size() && s_[p] == ';';
        size_t end = semicolon ? p + 1 : p;
        if (is_xml_char(value)) {
            if (!semicolon) replace(i, p, std::string(s_.substr(i, p - i)) + ";");
            return end;
        }
        replace(i, end, value < 0x20 ? " " : "&#xFFFD;");
        return end;
    }

    std::string_view s_;
    std::string out_;
    size_t copied_ = 0;
    size_t repairs_ = 0;
    std::vector<std::string> declared_;
};

}  // namespace

RepairedXml repair_xml(std::string_view utf8) { return Repairer(utf8).run(); }

}  // namespace ingest
