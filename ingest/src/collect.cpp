#include "collect.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "canonical_url.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"
#include "feed.hpp"
#include "gdelt_files.hpp"
#include "normalize.hpp"

namespace ingest {

// ---- outlets by domain ----------------------------------------------------------------

namespace {

std::string without_www(std::string host) {
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

}  // namespace

void OutletIndex::add(const Outlet& outlet) {
    by_id.emplace(outlet.id, &outlet);
    if (!outlet.domain.empty()) by_domain.emplace(without_www(outlet.domain), &outlet);
}

const Outlet* OutletIndex::find_domain(std::string host) const {
    host = without_www(host);
    while (!host.empty()) {
        if (auto it = by_domain.find(host); it != by_domain.end()) return it->second;
        size_t dot = host.find('.');
        if (dot == std::string::npos) break;
        host.erase(0, dot + 1);
    }
    return nullptr;
}

std::string country_of_domain(const std::string& host) {
    size_t dot = host.rfind('.');
    std::string tld = dot == std::string::npos ? std::string() : host.substr(dot + 1);
    // Country codes sold as generic names say nothing about the country.
    static const std::set<std::string> kGenericUse = {"ai", "cc", "co", "fm", "io", "ly", "me", "nu", "tk", "to", "tv", "ws"};
    if (tld.size() != 2 || kGenericUse.count(tld)) return {};
    if (tld == "uk") return "GB";
    if (tld == "eu" || tld == "su") return {};
    return ng::normalize_iso(tld);
}

// ---- reading entries --------------------------------------------------------------------

namespace {

// Observations of one article by one outlet (or one GDELT domain), merged.
struct OutletView {
    Observation newest;
    int64_t first_seen = 0;
    int64_t published = 0, published_seen = 0;  // the newest stated publication time, and when it was stated
};

// Observations keyed by canonical URL, then by who showed them.
using Merged = std::unordered_map<std::string, std::map<std::tuple<int, std::string>, OutletView>>;

// Whether `a` was observed after `b` (ties broken by content, so the input
// order never decides).
bool observed_later(const Observation& a, const Observation& b) {
    return std::tie(a.seen_at, a.capture_id, a.title, a.description, a.link) >
           std::tie(b.seen_at, b.capture_id, b.title, b.description, b.link);
}

class Collector {
public:
    Collector(const OutletIndex& outlets, BuildReport& report) : outlets_(outlets), report_(report) {}

    void read(const Capture& capture, const CaptureEntry& entry) {
        if (!entry.has_body()) {
            ++report_.entries_without_body;
            return;
        }
        std::string body, problem;
        if (!read_body(capture, entry, body, problem)) return unusable(problem);
        ++report_.entries_read;
        switch (entry.kind) {
            case SourceKind::Feed: return read_feed(capture, entry, body);
            case SourceKind::GdeltArticleList: return read_gal(capture, entry, body);
            case SourceKind::GdeltEmbeddings: return;  // document embeddings: read by story clustering, not here
        }
    }

    std::vector<CollectedItem> finish() {
        std::vector<CollectedItem> items;
        std::vector<const std::string*> urls;
        for (const auto& entry : merged_) urls.push_back(&entry.first);
        std::sort(urls.begin(), urls.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
        for (const std::string* url : urls) {
            const auto& views = merged_[*url];
            const OutletView& chosen = views.begin()->second;  // the best rank, then the smallest id
            CollectedItem item;
            item.canonical_url = *url;
            item.best = chosen.newest;
            item.published = chosen.published;
            item.first_seen = chosen.first_seen;
            for (const auto& [key, view] : views) {
                item.first_seen = std::min(item.first_seen, view.first_seen);
                if (&view != &chosen)
                    report_.drop_item(drop::kDuplicateUrl, *url, std::get<1>(key), "kept from " + std::get<1>(views.begin()->first));
            }
            items.push_back(std::move(item));
        }
        report_.items = items.size();
        return items;
    }

private:
    void unusable(const std::string& problem) {
        ++report_.entries_unusable;
        report_.problems.push_back(problem);
    }

    void read_feed(const Capture& capture, const CaptureEntry& entry, const std::string& body) {
        auto outlet = outlets_.by_id.find(entry.outlet);
        if (outlet == outlets_.by_id.end()) {
            if (unknown_outlets_.insert(entry.outlet).second)
                report_.problems.push_back("Captures hold feeds of \"" + entry.outlet + "\", which the outlet table lacks; skipped.");
            ++report_.dropped[drop::kUnknownOutlet];
            return;
        }
        ParsedFeed feed = parse_feed(body, entry.content_type, entry.final_url.empty() ? entry.url : entry.final_url);
        if (!feed.error.empty())
            return unusable(capture.id + ": " + entry.url + ": " + feed.error);
        for (const FeedItem& item : feed.items) {
            Observation o;
            o.rank = outlet->second->wide_tier ? SourceRank::WideFeed : SourceRank::CuratedFeed;
            o.outlet_id = entry.outlet;
            o.capture_id = capture.id;
            o.seen_at = entry.requested_at ? entry.requested_at : capture.started;
            o.title = item.title;
            o.description = item.description;
            o.content = item.content;
            o.link = item.link;
            o.published = item.published;
            o.language = normalize_language(item.language);
            o.feed_title = feed.title;
            add(std::move(o));
        }
    }

    void read_gal(const Capture& capture, const CaptureEntry& entry, const std::string& body) {
        GalFile gal = read_gal_file(body);
        if (!gal.error.empty()) return unusable(capture.id + ": " + entry.url + ": " + gal.error);
        for (const GalArticle& row : gal.articles) {
            Observation o;
            o.rank = SourceRank::Gdelt;
            o.capture_id = capture.id;
            o.seen_at = entry.requested_at ? entry.requested_at : capture.started;
            o.title = detokenize_gdelt_title(row.title);
            o.description = detokenize_gdelt_title(row.description);
            o.link = row.url;
            o.language = normalize_language(row.language);
            o.domain = without_www(ng::url_host(row.url));
            o.outlet_name = row.outlet_name;
            // GAL's date is the publication time for some rows and the crawl
            // time for others, with no way to tell: never a publication time.
            if (const Outlet* known = outlets_.find_domain(o.domain)) {
                o.outlet_id = known->id;
                o.country = known->country;
            } else {
                o.country = country_of_domain(o.domain);
            }
            add(std::move(o));
        }
    }

    void add(Observation o) {
        ++report_.observations;
        std::string who = o.outlet_id.empty() ? o.domain : o.outlet_id;
        if (o.title.empty()) return drop_once(drop::kNoTitle, o.link, who);
        std::string url = canonical_url(o.link);
        if (url.empty()) return drop_once(drop::kNoLink, o.link.empty() ? "(none): " + o.title : o.link, who);
        auto key = std::make_tuple(static_cast<int>(o.rank), who);
        OutletView& view = merged_[url][key];
        view.first_seen = view.first_seen == 0 ? o.seen_at : std::min(view.first_seen, o.seen_at);
        if (o.published && std::tie(o.seen_at, o.published) > std::tie(view.published_seen, view.published)) {
            view.published = o.published;
            view.published_seen = o.seen_at;
        }
        if (view.newest.link.empty() || observed_later(o, view.newest)) view.newest = std::move(o);
    }

    // The same broken entry appears in every capture; count it once.
    void drop_once(const char* reason, const std::string& what, const std::string& who) {
        if (dropped_once_.insert({reason, what, who}).second) report_.drop_item(reason, what, who);
    }

    const OutletIndex& outlets_;
    BuildReport& report_;
    Merged merged_;
    std::set<std::tuple<std::string, std::string, std::string>> dropped_once_;
    std::set<std::string> unknown_outlets_;
};

}  // namespace

std::vector<CollectedItem> collect_items(const std::vector<Capture>& captures, const OutletIndex& outlets,
                                         BuildReport& report) {
    Collector collector(outlets, report);
    for (const Capture& capture : captures)
        for (const CaptureEntry& entry : capture.entries) collector.read(capture, entry);
    return collector.finish();
}

}  // namespace ingest
