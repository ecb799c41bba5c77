// viewer_host — what the viewer needs from the page it runs in: fetching,
// the clock, the URL hash and its history, events for the embedding page,
// the accessible mirror, the browser's own translator, and waking the paused
// main loop. main implements it over the browser (web/); the unit tests
// implement it by hand.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/http_client.hpp"

namespace ng {

// How a change of the URL hash enters the browser's history.
enum class HistoryEntry { Push, Replace };

// The events an embedding page can listen to (viewer.on(name, fn)).
enum class ViewerEvent { Ready, Select, Open };
const char* event_name(ViewerEvent event);  // "ready", "select", "open"

class ViewerHost {
public:
    virtual ~ViewerHost() = default;
    virtual Transport& transport() = 0;
    virtual int64_t monotonic_ms() = 0;   // never jumps: every wait (retries, Retry-After, cache freshness)
    virtual int64_t wall_clock_ms() = 0;  // milliseconds since 1970: "2 h ago", HTTP dates
    virtual std::string url_hash() = 0;   // "#/country/FR", or "" for the globe
    virtual void set_url_hash(const std::string& hash, HistoryEntry entry) = 0;
    virtual void emit_event(ViewerEvent event, const nlohmann::json& detail) = 0;
    // The accessible mirror's document (JSON text, see mirror.cpp).
    virtual void publish_mirror(const std::string& json) = 0;
    // State changed outside a frame (an option set by the page): draw again.
    virtual void wake() = 0;

    // The browser's own on-device translator (Chrome's Translator API), a
    // progressive enhancement: false when the browser has none.
    virtual bool has_browser_translator() = 0;
    // Asks whether it can translate `from` into English; the answer comes
    // later through Viewer::browser_translator_answered.
    virtual void check_browser_translator(const std::string& from) = 0;
    // Translates `text` from `from` into English; the answer comes later
    // through Viewer::browser_translated with the same request number.
    virtual void browser_translate(int request, const std::string& from, const std::string& text) = 0;

    // The order of `names` under the reader's language's collation (the
    // browser's Intl.Collator): indices into `names`. Empty: keep the core's
    // order (names folded without accents, compared byte by byte).
    virtual std::vector<int> collation_order(const std::vector<std::string>& names) {
        (void)names;
        return {};
    }
};

}  // namespace ng
