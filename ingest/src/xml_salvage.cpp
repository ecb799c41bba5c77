#include "xml_salvage.hpp"

#include <algorithm>
#include <string>

#include "ascii.hpp"

namespace ingest {
namespace {

constexpr size_t npos = std::string_view::npos;

using ascii::is_space;

bool ends_name(char c) { return is_space(c) || c == '>' || c == '/'; }

// The next occurrence of a pattern at or after a position, remembered so
// that scanning a document for many elements stays linear.
class NextOccurrence {
public:
    NextOccurrence(std::string_view text, std::string pattern, bool whole_name)
        : text_(text), pattern_(std::move(pattern)), whole_name_(whole_name) {}

    size_t at_or_after(size_t from) {
        if (searched_ && (found_ == npos || found_ >= from) && from >= asked_) return found_;
        asked_ = from;
        searched_ = true;
        for (found_ = text_.find(pattern_, from); found_ != npos; found_ = text_.find(pattern_, found_ + 1)) {
            size_t after = found_ + pattern_.size();
            if (!whole_name_ || after >= text_.size() || ends_name(text_[after])) break;
        }
        return found_;
    }

private:
    std::string_view text_;
    std::string pattern_;
    bool whole_name_;
    size_t found_ = 0, asked_ = 0;
    bool searched_ = false;
};

// One past the '>' closing the tag that starts at pos, honouring quotes.
size_t tag_end(std::string_view s, size_t pos) {
    char quote = 0;
    for (size_t i = pos + 1; i < s.size(); ++i) {
        if (quote) {
            if (s[i] == quote) quote = 0;
        } else if (s[i] == '"' || s[i] == '\'') {
            quote = s[i];
        } else if (s[i] == '>') {
            return i + 1;
        }
    }
    return npos;
}

size_t after(std::string_view s, size_t from, std::string_view terminator) {
    size_t p = s.find(terminator, from);
    return p == npos ? npos : p + terminator.size();
}

}  // namespace

RootTag find_root_tag(std::string_view xml) {
    size_t p = 0;
    while (p < xml.size()) {
        while (p < xml.size() && is_space(xml[p])) ++p;
        if (xml.compare(p, 2, "<?") == 0) {
            p = after(xml, p, "?>");
        } else if (xml.compare(p, 4, "<!--") == 0) {
            p = after(xml, p, "-->");
        } else if (xml.compare(p, 9, "<!DOCTYPE") == 0) {
            size_t gt = xml.find('>', p), bracket = xml.find('[', p);
            p = bracket < gt ? after(xml, xml.find(']', bracket), ">") : (gt == npos ? npos : gt + 1);
        } else {
            break;
        }
        if (p == npos) return {};
    }
    if (p >= xml.size() || xml[p] != '<') return {};
    size_t end = tag_end(xml, p);
    if (end == npos || xml[end - 2] == '/') return {};
    size_t name_end = p + 1;
    while (name_end < end && !ends_name(xml[name_end])) ++name_end;
    return {xml.substr(p, end - p), xml.substr(p + 1, name_end - p - 1)};
}

std::vector<ElementSpan> find_element_spans(std::string_view xml, std::string_view name) {
    std::vector<ElementSpan> spans;
    NextOccurrence open(xml, "<" + std::string(name), true);
    NextOccurrence close(xml, "</" + std::string(name), true);
    NextOccurrence cdata(xml, "<![CDATA[", false);
    for (size_t begin = open.at_or_after(0); begin != npos;) {
        size_t q = begin + name.size() + 1;
        ElementSpan span{begin, xml.size(), false};
        for (;;) {
            size_t c = cdata.at_or_after(q), e = close.at_or_after(q), o = open.at_or_after(q);
            size_t first = std::min({c, e, o});
            if (first == npos) break;  // runs to the end of the text
            if (first == c) {
                q = after(xml, c, "]]>");
                if (q == npos) break;
            } else if (first == e) {
                size_t gt = xml.find('>', e);
                span.end = gt == npos ? xml.size() : gt + 1;
                span.closed = gt != npos;
                break;
            } else {
                span.end = o;  // another one starts before this one ended
                break;
            }
        }
        spans.push_back(span);
        begin = span.end < xml.size() ? open.at_or_after(span.end) : npos;
    }
    return spans;
}

}  // namespace ingest
