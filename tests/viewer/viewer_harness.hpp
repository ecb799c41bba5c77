// viewer_harness — runs a real Viewer natively: a fake host records what the
// viewer asks of the browser (URL hash writes, events, the mirror, wake-ups),
// the fake transport answers its requests from documents the test wrote (the
// map is the real asset the build prepared), and frame() plays one frame.
// The fake host's translator (off unless a test turns it on) records what
// it was asked; the test answers through the viewer, as the page would.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../fixtures/fake_transport.hpp"
#include "../unit/world_fixture.hpp"
#include "viewer/viewer.hpp"

struct FakeHost : ng::ViewerHost {
    FakeTransport net;
    int64_t clock_ms = 1795597200000;  // 2026-11-25 09:00 UTC
    int64_t mono_ms = 120000;          // performance.now(): since the page started
    std::string hash;                    // the URL hash the page shows
    std::vector<std::pair<std::string, ng::HistoryEntry>> hash_writes;
    std::vector<std::pair<std::string, nlohmann::json>> events;  // name, detail
    std::vector<std::string> mirrors;    // every published mirror document
    int wakes = 0;
    bool translator = false;                      // the browser offers a translator
    std::vector<std::string> translator_checks;   // languages asked about
    struct TranslateCall {
        int request;
        std::string from, text;
    };
    std::vector<TranslateCall> translations;      // texts asked to translate

    ng::Transport& transport() override { return net; }
    int64_t monotonic_ms() override { return mono_ms; }
    int64_t wall_clock_ms() override { return clock_ms; }
    void advance(int64_t ms) { mono_ms += ms, clock_ms += ms; }
    std::string url_hash() override { return hash; }
    void set_url_hash(const std::string& h, ng::HistoryEntry entry) override {
        hash = h;
        hash_writes.emplace_back(h, entry);
    }
    void emit_event(ng::ViewerEvent event, const nlohmann::json& detail) override {
        events.emplace_back(ng::event_name(event), detail);
    }
    void publish_mirror(const std::string& json) override { mirrors.push_back(json); }
    void wake() override { ++wakes; }
    bool has_browser_translator() override { return translator; }
    void check_browser_translator(const std::string& from) override { translator_checks.push_back(from); }
    void browser_translate(int request, const std::string& from, const std::string& text) override {
        translations.push_back({request, from, text});
    }
    // The browser's collation, when a test gives one (else the core's order).
    std::function<std::vector<int>(const std::vector<std::string>&)> collate;
    std::vector<int> collation_order(const std::vector<std::string>& names) override {
        return collate ? collate(names) : std::vector<int>{};
    }

    std::vector<nlohmann::json> events_named(const std::string& name) const {
        std::vector<nlohmann::json> out;
        for (const auto& [n, detail] : events)
            if (n == name) out.push_back(detail);
        return out;
    }
    nlohmann::json mirror() const { return mirrors.empty() ? nlohmann::json() : nlohmann::json::parse(mirrors.back()); }
};

// ---- documents of the news API (docs/api.md), written for these tests ----------------

struct IndexEntry {
    std::string iso, name;
    int stories;
};

inline std::string countries_doc(const std::vector<IndexEntry>& entries) {
    nlohmann::json list = nlohmann::json::array();
    for (const IndexEntry& e : entries) list.push_back({{"iso", e.iso}, {"name", e.name}, {"story_count", e.stories}});
    return nlohmann::json{{"version", 1},
                          {"generated", "2026-11-25T06:00:00Z"},
                          {"source", {{"name", "viewer test press"}, {"sample", true}}},
                          {"countries", list}}
        .dump();
}

// A page of stories "<iso>-<n>" with headline "Story <n> from <iso>", outlet
// "Outlet A" for even n and "Outlet B" for odd, coverage n, newest first.
inline std::string stories_doc(const std::string& iso, int page, int page_count, const std::vector<int>& numbers) {
    nlohmann::json stories = nlohmann::json::array();
    for (int n : numbers)
        stories.push_back({{"id", iso + "-" + std::to_string(n)},
                           {"headline", "Story " + std::to_string(n) + " from " + iso},
                           {"outlet", {{"name", n % 2 ? "Outlet B" : "Outlet A"}}},
                           {"published", "2026-11-25T07:00:00Z"},
                           {"coverage", n}});
    return nlohmann::json{{"version", 1}, {"country", iso},    {"page", page},
                          {"page_count", page_count}, {"total", page_count * int(numbers.size())},
                          {"stories", stories}}
        .dump();
}

struct Take {
    std::string country, article_id;
};

inline std::string article_doc(const std::string& id, const std::string& iso, const std::vector<Take>& takes = {},
                               const std::string& story_id = "") {
    nlohmann::json list = nlohmann::json::array();
    for (const Take& t : takes)
        list.push_back({{"headline", "The take from " + t.country},
                        {"outlet", {{"name", "Outlet of " + t.country}}},
                        {"country", t.country},
                        {"article_id", t.article_id},
                        {"angle", "seen from " + t.country}});
    return nlohmann::json{{"version", 1},
                          {"id", id},
                          {"headline", "Article " + id},
                          {"outlet", {{"name", "Outlet A"}}},
                          {"country", iso},
                          {"published", "2026-11-25T07:00:00Z"},
                          {"body", {"First paragraph of " + id + "."}},
                          {"sections", {{{"heading", "What happened"}, {"paragraphs", {"Details."}}}}},
                          {"world_take", "The world agrees, mostly."},
                          {"alternative_takes", list},
                          {"story_id", story_id.empty() ? nlohmann::json() : nlohmann::json(story_id)}}
        .dump();
}

// A story across borders: one member article per take, "The take from
// <country>" by "Outlet of <country>", earliest first; the countries listed
// in `order` (most attention first).
inline std::string story_doc(const std::string& id, const std::vector<Take>& members, const std::vector<std::string>& order) {
    nlohmann::json articles = nlohmann::json::array(), countries = nlohmann::json::array();
    for (size_t i = 0; i < members.size(); ++i) {
        const Take& m = members[i];
        std::string published = "2026-11-25T07:0" + std::to_string(i % 10) + ":00Z";
        articles.push_back({{"id", m.article_id},
                            {"story_id", id},
                            {"country", m.country},
                            {"headline", "The take from " + m.country},
                            {"outlet", {{"name", "Outlet of " + m.country}}},
                            {"published", published},
                            {"coverage", int(order.size())}});
    }
    for (const std::string& iso : order) countries.push_back({{"iso", iso}, {"articles", 1}, {"outlets", 1}});
    return nlohmann::json{{"version", 1},
                          {"id", id},
                          {"headline", "The story " + id},
                          {"world_take", "Automatic summary of " + id + "."},
                          {"first_reported", "2026-11-25T07:00:00Z"},
                          {"countries", countries},
                          {"articles", articles}}
        .dump();
}

inline std::string stories_path(const std::string& iso, int page) {
    return "api/v1/countries/" + iso + "/stories-" + std::to_string(page) + ".json";
}
inline std::string article_path(const std::string& id) { return "api/v1/articles/" + id + ".json"; }
inline std::string story_path(const std::string& id) { return "api/v1/stories/" + id + ".json"; }

// ---- the harness -------------------------------------------------------------------------

class ViewerHarness {
public:
    FakeHost host;
    // Answers by URL: a request whose URL ends in a key gets its answer; any
    // other gets a 404. Preset: the maps (light and full), the fonts, and a countries index.
    std::map<std::string, ng::HttpResponse> files;
    std::unique_ptr<ng::Viewer> viewer;
    ng::ViewerFrame frame_input;

    ViewerHarness() {
        for (const char* map : {"data/world-light.bin", "data/world.bin"})
            files[map] = answer(200, read_file_bytes(std::string(NEWSGLOBE_SITE_DIR) + "/" + map), "application/octet-stream");
        for (const char* f : {"fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/fa-subset.ttf"})
            files[f] = answer(200, std::string("\0\1\0\0font bytes", 14), "font/ttf");  // a TrueType header
        files["api/v1/countries.json"] =
            answer(200, countries_doc({{"FR", "France", 12}, {"DE", "Germany", 3}, {"IT", "Italy", 0}}));
        frame_input.dt = 1.0 / 60;
        frame_input.viewport = {1280, 800};
    }

    // Starts the viewer at a URL hash with options; no auto-rotation.
    ng::Viewer& start(const std::string& hash = "", const std::string& query = "", bool embedded = false) {
        host.hash = hash;
        ng::ViewerStart s;
        s.query = query;
        s.embedded = embedded;
        s.reduced_motion = true;
        return start(s);
    }
    ng::Viewer& start(const ng::ViewerStart& s) {
        viewer = std::make_unique<ng::Viewer>(host, s);
        return *viewer;
    }

    void serve(const std::string& path, ng::HttpResponse response) { files[path] = std::move(response); }
    void serve(const std::string& path, std::string json) { files[path] = answer(200, std::move(json)); }

    // Answers what is open, then plays frames until nothing more is asked
    // (answers can start new requests: the map arrives, a deep link loads)
    // and the viewer is not busy (the mirror follows a frame late).
    void frame() {
        for (int round = 0; round < 8; ++round) {
            bool answered = answer_open();
            viewer->update(frame_input);
            if (!answered && host.net.open() == 0 && !viewer->busy()) break;
        }
    }

    // Plays a frame without answering anything.
    void frame_without_answers() { viewer->update(frame_input); }

    // A click at a point of the globe (after turning to it), a second after the last.
    void click_at(ng::LatLon where) {
        click_ms_ += 1000;
        viewer->globe().camera().set_view(where, 1.0);
        double x = 0, y = 0;
        ASSERT_TRUE(viewer->globe().camera().project(where, frame_input.viewport, &x, &y));
        viewer->globe().pointer_down(0, x, y, click_ms_, false);
        viewer->globe().pointer_up(0, x, y, click_ms_ + 80);
        frame();
    }
    void click_country(const std::string& iso) {
        const ng::Country* c = viewer->country_by_iso(iso);
        ASSERT_NE(c, nullptr) << iso;
        click_at(c->label);
    }

    // URLs of requests made so far, in order.
    std::vector<std::string> requested() const {
        std::vector<std::string> out;
        for (const auto& r : host.net.requests) out.push_back(r.request.url);
        return out;
    }
    bool was_requested(const std::string& suffix) const {
        for (const std::string& url : requested())
            if (ends_with(url, suffix)) return true;
        return false;
    }

private:
    double click_ms_ = 0;

    static bool ends_with(const std::string& s, const std::string& suffix) {
        return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    }

    bool answer_open() {
        bool any = false;
        for (size_t i = 0; i < host.net.requests.size(); ++i) {
            const auto& r = host.net.requests[i];
            if (r.cancelled || r.finished) continue;
            ng::HttpResponse response = answer(404, "<h1>Not found</h1>", "text/html");
            for (const auto& [path, file] : files)
                if (ends_with(r.request.url, path)) response = file;
            host.net.respond(i, response);
            any = true;
        }
        return any;
    }
};
