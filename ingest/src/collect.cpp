#include "collect.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "canonical_url.hpp"
#include "core/gdelt_text.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"
#include "feed.hpp"
#include "gdelt_files.hpp"
#include "language_id.hpp"

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

// Whether `a` is newer news than `b` (ties broken by content, so the input
// order never decides).
bool observed_later(const Observation& a, const Observation& b) {
    return std::tie(a.fresh_at, a.seen_at, a.capture_id, a.title, a.description, a.link) >
           std::tie(b.fresh_at, b.seen_at, b.capture_id, b.title, b.description, b.link);
}

// Who showed an observation, as the report names it.
std::string source_label(const std::tuple<int, std::string>& key) {
    return std::get<0>(key) == static_cast<int>(SourceRank::Gdelt) ? "GDELT (" + std::get<1>(key) + ")" : std::get<1>(key);
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
        int64_t seen = entry.requested_at ? entry.requested_at : capture.started;
        if (!entry.not_modified()) last_fresh_[entry.url] = seen;
        auto fresh = last_fresh_.find(entry.url);
        current_ = {capture.id, seen, fresh == last_fresh_.end() ? 0 : fresh->second};
        switch (entry.kind) {
            case SourceKind::Feed: return read_feed(capture, entry, body);
            case SourceKind::GdeltArticleList: return read_gal(capture, entry, body);
            case SourceKind::GdeltEmbeddings: return read_gsg(capture, entry, body);
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
            if (auto e = embeddings_.find(*url); e != embeddings_.end()) item.embedding = e->second;
            for (const auto& [key, view] : views) {
                item.first_seen = std::min(item.first_seen, view.first_seen);
                if (&view != &chosen)
                    report_.drop_item(drop::kDuplicateUrl, *url, source_label(key), "kept from " + source_label(views.begin()->first));
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
        for (const std::string& w : feed.warnings) note_once(entry.url + ": " + w);
        for (const FeedItem& item : feed.items) {
            Observation o = current();
            o.rank = outlet->second->wide_tier ? SourceRank::WideFeed : SourceRank::CuratedFeed;
            o.outlet_id = entry.outlet;
            o.title = item.title;
            o.description = item.description;
            o.content = item.content;
            o.link = item.link;
            o.published = item.published;
            o.language = normalize_language_tag(item.language);
            o.feed_title = feed.title;
            add(std::move(o));
        }
    }

    void read_gal(const Capture& capture, const CaptureEntry& entry, const std::string& body) {
        GalFile gal = ingest::read_gal(body);
        if (!gal.report.error.empty()) return unusable(capture.id + ": " + entry.url + ": " + gal.report.error);
        for (const std::string& w : gal.report.warnings) note_once(entry.url + ": " + w);
        for (const GalArticle& row : gal.articles) {
            Observation o = current();
            o.rank = SourceRank::Gdelt;
            o.title = ng::detokenize_gdelt_title(row.title);
            o.description = ng::detokenize_gdelt_title(row.description);
            o.link = row.url;
            o.language = row.language;
            o.domain = without_www(row.domain.empty() ? ng::url_host(row.url) : row.domain);
            o.outlet_name = row.outlet_name;
            // A publication time only when the row says its date is one
            // (gdelt_files.hpp); a first-seen date is GDELT's, not ours.
            if (row.date_is_published) o.published = row.date;
            if (const Outlet* known = outlets_.find_domain(o.domain)) {
                o.outlet_id = known->id;
                o.country = known->country;
            } else {
                o.country = country_of_domain(o.domain);
            }
            add(std::move(o));
        }
    }

    // Embeddings are kept by canonical URL; a later file's replaces an earlier one's.
    void read_gsg(const Capture& capture, const CaptureEntry& entry, const std::string& body) {
        GsgFile gsg = read_gsg_docembed(body);
        if (!gsg.report.error.empty()) return unusable(capture.id + ": " + entry.url + ": " + gsg.report.error);
        for (auto& [url, doc] : gsg.by_url) {
            std::string canonical = canonical_url(url);
            if (!canonical.empty()) embeddings_[canonical] = std::move(doc.vector);
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
        if (o.published && std::tie(o.fresh_at, o.published) > std::tie(view.published_seen, view.published)) {
            view.published = o.published;
            view.published_seen = o.fresh_at;
        }
        if (view.newest.link.empty() || observed_later(o, view.newest)) view.newest = std::move(o);
    }

    // An observation of the entry being read, to fill in.
    Observation current() const {
        Observation o;
        o.capture_id = current_.capture_id;
        o.seen_at = current_.seen_at;
        o.fresh_at = current_.fresh_at;
        return o;
    }

    // A feed says the same thing in every capture: note it once.
    void note_once(const std::string& problem) {
        if (noted_.insert(problem).second) report_.problems.push_back(problem);
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
    std::set<std::string> noted_;
    std::map<std::string, int64_t> last_fresh_;  // feed URL -> its last fresh answer
    std::unordered_map<std::string, std::vector<float>> embeddings_;  // canonical URL -> GSG vector
    struct {
        std::string capture_id;
        int64_t seen_at = 0, fresh_at = 0;
    } current_;
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
