// fuzz_invariants — what every decoded value must satisfy, whatever the
// input: text is clean UTF-8 within its size limit, links are openable, ids
// and codes are well formed. The fuzzers check these on every success, so a
// decoder that lets hostile input through fails as loudly as one that crashes.
#pragma once
#include <cstdlib>
#include <string>

#include "core/news_decode.hpp"
#include "core/news_model.hpp"
#include "core/url_util.hpp"

namespace fuzz {

inline void require(bool condition) {
    if (!condition) std::abort();
}

// Valid UTF-8 without control characters, bidi overrides or isolates.
inline void check_text(const std::string& s, std::size_t max_bytes) {
    require(s.size() <= max_bytes);
    require(s.empty() || (s.front() != ' ' && s.back() != ' '));
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        require(len != 0 && i + len <= s.size());
        uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < len; ++k) {
            require((static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80);
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        require(cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F));
        require(!(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069));
        i += len;
    }
}

inline void check_link(const std::string& url) { require(url.empty() || ng::is_openable_url(url)); }
inline void check_image(const std::string& url) { require(url.empty() || ng::is_fetchable_reference(url)); }
inline void check_iso(const std::string& iso) { require(iso.empty() || ng::normalize_iso(iso) == iso); }

inline void check_outlet(const ng::Outlet& o) {
    check_text(o.name, ng::kMaxNameBytes);
    check_text(o.domain, ng::kMaxNameBytes);
    check_iso(o.country);
}

inline void check_summary(const ng::StorySummary& s) {
    require(ng::is_valid_article_id(s.id));
    require(!s.headline.empty() && !s.outlet.name.empty());
    check_text(s.headline, ng::kMaxLineBytes);
    check_text(s.original_headline, ng::kMaxLineBytes);
    check_text(s.summary, ng::kMaxSummaryBytes);
    check_outlet(s.outlet);
    check_image(s.image);
    check_link(s.url);
    require(s.published.known() == !s.published.text.empty());
    require(s.first_seen.known() == !s.first_seen.text.empty());
    require(!s.coverage || *s.coverage >= 0);
    require(s.story_id.empty() || ng::is_valid_article_id(s.story_id));
    check_text(s.original_summary, ng::kMaxSummaryBytes);
    check_text(s.language_detected, 15);
    if (s.translation) {
        check_text(s.translation->by, ng::kMaxNameBytes);
        for (const std::string& f : s.translation->fields) {
            require(!f.empty());
            check_text(f, ng::kMaxNameBytes);
        }
    }
}

inline void check_article(const ng::Article& a) {
    check_summary(a);
    require(!a.country.empty());
    check_iso(a.country);
    for (const std::string& p : a.body) {
        require(!p.empty());
        check_text(p, ng::kMaxParagraphBytes);
    }
    for (const ng::Section& s : a.sections) {
        check_text(s.heading, ng::kMaxLineBytes);
        for (const std::string& p : s.paragraphs) check_text(p, ng::kMaxParagraphBytes);
    }
    check_text(a.world_take, ng::kMaxSummaryBytes);
    check_text(a.licence, ng::kMaxNameBytes);
    check_link(a.licence_url);
    for (const ng::AlternativeTake& t : a.alternative_takes) {
        require(t.article_id.empty() || ng::is_valid_article_id(t.article_id));
        check_text(t.headline, ng::kMaxLineBytes);
        check_text(t.angle, ng::kMaxLineBytes);
        check_outlet(t.outlet);
        check_iso(t.country);
        check_link(t.url);
    }
}

inline void check_page(const ng::StoryPage& p) {
    require(p.page >= 1 && p.page_count >= 0 && p.total >= 0);
    for (const ng::StorySummary& s : p.stories) check_summary(s);
}

inline void check_story(const ng::StoryDocument& d) {
    require(ng::is_valid_article_id(d.id) && !d.headline.empty());
    check_text(d.headline, ng::kMaxLineBytes);
    check_text(d.world_take, ng::kMaxSummaryBytes);
    require(d.first_reported.known() == !d.first_reported.text.empty());
    for (const ng::StoryCountry& c : d.countries) {
        require(!c.iso.empty() && c.articles >= 0 && c.outlets >= 0);
        check_iso(c.iso);
    }
    for (const ng::StoryMember& m : d.articles) {
        check_summary(m);
        require(!m.country.empty());
        check_iso(m.country);
    }
}

// Failures must explain themselves.
inline void check_error(const ng::FetchError& e) { require(e.ok() == e.message.empty()); }

}  // namespace fuzz
