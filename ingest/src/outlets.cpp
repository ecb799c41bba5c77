#include "outlets.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"

namespace ingest {
namespace ju = ng::json_util;
using nlohmann::json;

namespace {

std::string string_field(const json& obj, const char* key) {
    auto s = ju::as_string(ju::member(obj, key));
    return s ? ng::clean_text(*s, ng::kMaxNameBytes) : std::string();
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The host a feed URL lives on, without "www." (outlets publish feeds on
// "www.x", "feeds.x" and "x" alike; the wide tier groups by what remains).
std::string feed_host(std::string_view url) {
    std::string host = ng::url_host(url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

std::string read_file(const std::string& path, std::string& problem) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = "Cannot read " + path + ".";
        return {};
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> feed_urls(const json* list, const std::string& where, std::vector<std::string>& problems) {
    std::vector<std::string> urls;
    if (!ju::as_array(list)) return urls;
    for (const json& f : *list) {
        auto url = ju::as_string(&f);
        if (url && ng::is_openable_url(*url)) {
            urls.emplace_back(*url);
        } else {
            problems.push_back(where + ": a feed that is not an http(s) URL was skipped.");
        }
    }
    return urls;
}

}  // namespace

bool is_valid_outlet_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
        if (!ok) return false;
    }
    return true;
}

std::string normalize_language(std::string_view tag) {
    // Codes the feed list uses that are not ISO 639-1.
    static const std::map<std::string, std::string> kAliases = {
        {"gr", "el"}, {"arq", "ar"}, {"cnr", "sr"}, {"iw", "he"}, {"in", "id"}, {"jw", "jv"},
    };
    std::string t(tag);
    std::replace(t.begin(), t.end(), '_', '-');
    size_t dash = t.find('-');
    std::string primary = lower(t.substr(0, dash));
    std::string region = dash == std::string::npos ? std::string() : t.substr(dash + 1);
    if (auto it = kAliases.find(primary); it != kAliases.end()) primary = it->second;
    if (primary.size() != 2 || !std::all_of(primary.begin(), primary.end(), ::isalpha)) return {};
    if (primary == "zh") {  // Chinese: the script matters for display, the region does not
        std::string r = lower(region);
        if (r == "hant" || r == "tw" || r == "hk" || r == "mo") return "zh-Hant";
        return "zh-Hans";
    }
    // Keep a two-letter region ("pt-BR"); drop others ("sq-XK" keeps "XK": it
    // is two letters, and harmless: clients read the primary subtag).
    if (region.size() == 2 && std::all_of(region.begin(), region.end(), ::isalpha)) {
        std::string r(region);
        for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return primary + "-" + r;
    }
    return primary;
}

OutletTable parse_outlet_table(std::string_view json_text) {
    OutletTable table;
    json doc = ju::parse(json_text);
    const json* list = ju::as_array(ju::member(doc, "outlets"));
    if (doc.is_discarded() || !list) {
        table.problems.push_back("The outlet table is not a JSON object with an \"outlets\" list.");
        return table;
    }
    table.notice = string_field(doc, "notice");
    std::set<std::string> ids;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& o = (*list)[i];
        Outlet out;
        out.id = string_field(o, "id");
        std::string where = "Outlet " + std::to_string(i + 1) + (out.id.empty() ? "" : " (" + out.id + ")");
        out.name = string_field(o, "name");
        out.country = ng::normalize_iso(string_field(o, "country"));
        out.domain = lower(string_field(o, "domain"));
        out.language = normalize_language(string_field(o, "language"));
        out.feeds = feed_urls(ju::member(o, "feeds"), where, table.problems);
        if (std::string licence = string_field(o, "licence"); !licence.empty()) out.licence = licence;
        out.licence_url = string_field(o, "licence_url");
        if (!out.licence_url.empty() && !ng::is_openable_url(out.licence_url)) out.licence_url.clear();

        const char* missing = !is_valid_outlet_id(out.id) ? "a valid \"id\""
                               : out.name.empty()          ? "a \"name\""
                               : out.country.empty()       ? "a two-letter \"country\""
                               : out.language.empty()      ? "a \"language\""
                               : out.feeds.empty()         ? "at least one http(s) feed"
                                                           : nullptr;
        if (missing) {
            table.problems.push_back(where + " was skipped: it needs " + missing + ".");
            continue;
        }
        if (!ids.insert(out.id).second) {
            table.problems.push_back(where + " was skipped: its id is used by an earlier outlet.");
            continue;
        }
        table.outlets.push_back(std::move(out));
    }
    return table;
}

OutletTable parse_feed_list(std::string_view json_text, const OutletTable& curated) {
    OutletTable table;
    json doc = ju::parse(json_text);
    const json* countries = ju::as_object(ju::member(doc, "countries"));
    if (doc.is_discarded() || !countries) {
        table.problems.push_back("The feed list is not a JSON object with a \"countries\" object.");
        return table;
    }
    table.notice = string_field(doc, "_source");
    std::set<std::string> known_hosts;
    for (const Outlet& o : curated.outlets) {
        known_hosts.insert(o.domain);
        for (const std::string& f : o.feeds) known_hosts.insert(feed_host(f));
    }
    std::map<std::string, size_t> by_id;  // wide-tier outlet id -> index
    for (const auto& [code, entry] : countries->items()) {
        std::string iso = ng::normalize_iso(code);
        std::string language = normalize_language(string_field(entry, "source_language"));
        if (iso.empty() || language.empty()) {
            table.problems.push_back("Feed list country \"" + code + "\" was skipped: it needs a country code and a language.");
            continue;
        }
        for (const std::string& url : feed_urls(ju::member(entry, "feeds"), "Feed list " + iso, table.problems)) {
            std::string host = feed_host(url);
            if (host.empty() || known_hosts.count(host)) continue;
            std::string id = "w-" + host;
            std::replace(id.begin(), id.end(), '.', '-');
            if (id.size() > 64 || !is_valid_outlet_id(id)) continue;
            auto [it, added] = by_id.emplace(id, table.outlets.size());
            if (!added) {
                table.outlets[it->second].feeds.push_back(url);
                continue;
            }
            Outlet o;
            o.id = id;
            o.country = iso;
            o.domain = host;
            o.language = language;
            o.feeds = {url};
            o.wide_tier = true;
            table.outlets.push_back(std::move(o));
        }
    }
    return table;
}

OutletTable load_outlet_table(const std::string& path) {
    std::string problem;
    std::string text = read_file(path, problem);
    if (!problem.empty()) return OutletTable{{}, {}, {problem}};
    return parse_outlet_table(text);
}

OutletTable load_feed_list(const std::string& path, const OutletTable& curated) {
    std::string problem;
    std::string text = read_file(path, problem);
    if (!problem.empty()) return OutletTable{{}, {}, {problem}};
    return parse_feed_list(text, curated);
}

}  // namespace ingest
