#include "story_world_take.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cluster_places.hpp"
#include "cluster_text.hpp"
#include "core/news_decode.hpp"
#include "core/time_format.hpp"
#include "story_takes.hpp"

namespace ingest {
namespace {

constexpr std::size_t kMaxFramings = 3;
constexpr std::size_t kMaxSharedWords = 4;
constexpr std::size_t kMaxAttention = 3;
constexpr std::size_t kMaxQuoteBytes = 90;
// Two headlines are distinct framings when at most a quarter of their words
// (beyond the words most headlines share) are the same.
constexpr double kDistinctFraming = 0.75;

// Names come from feeds and the outlet table: cleaned like every text the
// reader sees (ng::clean_text), so the summary is safe to lay out as it is.
std::string outlet_label(const ClusterArticle& a) {
    const std::string& name = !a.outlet_name.empty()     ? a.outlet_name
                              : !a.outlet_domain.empty() ? a.outlet_domain
                                                         : a.outlet_id;
    return ng::clean_text(name, ng::kMaxNameBytes);
}

std::string country_label(const std::string& iso) {
    return ng::clean_text(cluster_places::country_name(iso), ng::kMaxNameBytes);
}

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "A", "A and B", "A, B and C".
std::string english_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string quote_of(const std::string& raw) {
    std::string headline = ng::clean_text(raw, ng::kMaxLineBytes);  // one space between words, no control characters
    if (headline.size() <= kMaxQuoteBytes) return headline;
    std::size_t cut = headline.rfind(' ', kMaxQuoteBytes);
    if (cut == std::string::npos || cut == 0) cut = kMaxQuoteBytes;
    while (cut > 0 && (static_cast<unsigned char>(headline[cut]) & 0xC0) == 0x80) --cut;  // a character boundary
    return headline.substr(0, cut) + "…";
}

std::string utc_clock(int64_t t) {
    int64_t s = ((t % 86400) + 86400) % 86400;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", int(s / 3600), int(s / 60 % 60));
    return buf;
}

// One English headline per outlet, with its words.
struct Headline {
    const StoryMember* member;
    ReadableHeadline text;
    std::vector<cluster_text::ContentWord> words;
    std::set<std::string> distinct_keys;  // keys minus the shared words
};

double distance(const Headline& a, const Headline& b) {
    const auto& x = a.distinct_keys;
    const auto& y = b.distinct_keys;
    if (x.empty() && y.empty()) return 0.0;
    std::size_t shared = 0;
    for (const std::string& k : x) shared += y.count(k);
    return 1.0 - double(shared) / double(x.size() + y.size() - shared);
}

void find_framings(const std::vector<ClusterArticle>& articles, std::vector<Headline>& heads, WorldTake& take) {
    // Words at least half the headlines share: the story's common vocabulary.
    std::map<std::string, std::size_t> frequency;
    std::map<std::string, std::string> display;
    std::vector<std::string> first_seen;
    for (const Headline& h : heads)
        for (const auto& w : h.words) {
            if (frequency[w.key]++ == 0) {
                display[w.key] = w.display;
                first_seen.push_back(w.key);
            }
        }
    std::set<std::string> shared;
    if (heads.size() >= 3) {
        std::vector<std::string> common;
        for (const std::string& k : first_seen)
            if (frequency[k] >= 2 && 2 * frequency[k] >= heads.size()) common.push_back(k);
        std::stable_sort(common.begin(), common.end(),
                         [&](const std::string& a, const std::string& b) { return frequency[a] > frequency[b]; });
        shared.insert(common.begin(), common.end());
        for (std::size_t i = 0; i < common.size() && i < kMaxSharedWords; ++i)
            take.shared_words.push_back(display[common[i]]);
    }
    for (Headline& h : heads)
        for (const auto& w : h.words)
            if (!shared.count(w.key)) h.distinct_keys.insert(w.key);
    if (heads.size() < 2) return;

    // Farthest-first from the most central headline.
    std::vector<std::size_t> picked;
    std::size_t start = 0;
    for (std::size_t i = 1; i < heads.size(); ++i)
        if (heads[i].member->centrality > heads[start].member->centrality) start = i;
    picked.push_back(start);
    while (picked.size() < kMaxFramings) {
        std::size_t best = heads.size();
        double best_gap = -1;
        for (std::size_t i = 0; i < heads.size(); ++i) {
            double gap = 2.0;
            for (std::size_t p : picked) gap = std::min(gap, distance(heads[i], heads[p]));
            if (gap > best_gap) best_gap = gap, best = i;
        }
        if (best == heads.size() || best_gap < kDistinctFraming) break;
        picked.push_back(best);
    }
    if (picked.size() < 2) return;
    std::vector<std::size_t> share(picked.size(), 0);
    for (const Headline& h : heads) {
        std::size_t nearest = 0;
        for (std::size_t k = 1; k < picked.size(); ++k)
            if (distance(h, heads[picked[k]]) < distance(h, heads[picked[nearest]])) nearest = k;
        ++share[nearest];
    }
    for (std::size_t k = 0; k < picked.size(); ++k) {
        const Headline& h = heads[picked[k]];
        const ClusterArticle& a = articles[h.member->article];
        take.framings.push_back({h.member->article, quote_of(h.text.text), h.text.translated, outlet_label(a),
                                 country_label(a.country), share[k]});
    }
    std::stable_sort(take.framings.begin(), take.framings.end(),
                     [](const Framing& x, const Framing& y) { return x.outlets > y.outlets; });
}

void render(const std::vector<ClusterArticle>& articles, WorldTake& take) {
    auto& s = take.sentences;
    s.push_back("Automatic summary, computed from the headlines in this story; no person or language model wrote it.");
    s.push_back(counted(take.articles, "article", "articles") + " from " + counted(take.outlets, "outlet", "outlets") +
                " in " + counted(take.countries, "country", "countries") + " cover this story.");
    if (take.first_known) {
        const ClusterArticle& a = articles[take.first_article];
        std::string where = a.country.empty() ? "" : " (" + country_label(a.country) + ")";
        s.push_back("First reported by " + outlet_label(a) + where + " on " + ng::format_date(take.first_time) +
                    " at " + utc_clock(take.first_time) + " UTC.");
    }
    std::vector<std::string> most;
    for (const CountryAttention& c : take.attention)
        if (c.outlets >= 2 && most.size() < kMaxAttention)
            most.push_back(c.name + " (" +
                           (most.empty() ? counted(c.outlets, "outlet", "outlets") : std::to_string(c.outlets)) + ")");
    if (!most.empty())
        s.push_back("Most attention: " + english_list(most) + ".");
    else if (take.countries >= 2)
        s.push_back("Each country has one outlet on it.");
    if (!take.shared_words.empty()) {
        std::vector<std::string> quoted;
        for (const std::string& w : take.shared_words) quoted.push_back("“" + w + "”");
        s.push_back("Most headlines use " + english_list(quoted) + ".");
    }
    if (take.framings.size() >= 2) {
        std::vector<std::string> parts;
        for (const Framing& f : take.framings)
            parts.push_back("“" + f.quote + "” (" + f.outlet_name + ", " + f.country_name +
                            (f.translated ? ", machine-translated" : "") + ")");
        s.push_back("Differently worded: " + english_list(parts) + ".");
    }
}

}  // namespace

WorldTake world_take(const std::vector<ClusterArticle>& articles, const Story& story) {
    WorldTake take;
    std::map<std::string, std::set<std::string>> outlets_by_country;
    std::map<std::string, std::size_t> articles_by_country;
    std::set<std::string> outlets;
    std::vector<Headline> heads;
    std::set<std::string> outlets_quoted;
    for (const StoryMember& m : story.members) {
        if (m.copy) continue;
        const ClusterArticle& a = articles[m.article];
        ++take.articles;
        outlets.insert(m.outlet);
        if (!a.country.empty()) {
            outlets_by_country[a.country].insert(m.outlet);
            ++articles_by_country[a.country];
        }
        ReadableHeadline h = readable_headline(a);
        if (h.language == "en" && !h.text.empty() && outlets_quoted.insert(m.outlet).second)
            heads.push_back({&m, h, cluster_text::content_words(h.text, "en"), {}});
    }
    take.outlets = outlets.size();
    take.countries = outlets_by_country.size();
    if (!story.members.empty()) {
        take.first_article = story.members[0].article;
        take.first_time = articles[take.first_article].time;
        take.first_known = take.first_time != 0;
    }
    for (const auto& [country, set] : outlets_by_country)
        take.attention.push_back({country, country_label(country), set.size(), articles_by_country[country]});
    std::stable_sort(take.attention.begin(), take.attention.end(),
                     [](const CountryAttention& x, const CountryAttention& y) {
                         if (x.outlets != y.outlets) return x.outlets > y.outlets;
                         if (x.articles != y.articles) return x.articles > y.articles;
                         return x.name < y.name;
                     });
    find_framings(articles, heads, take);
    render(articles, take);
    return take;
}

std::string world_take_text(const WorldTake& take) {
    std::string out;
    for (const std::string& s : take.sentences) out += (out.empty() ? "" : " ") + s;
    return out;
}

}  // namespace ingest
