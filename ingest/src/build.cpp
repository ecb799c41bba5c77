#include "build.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>

#include "cli_args.hpp"
#include "collect.hpp"
#include "core/time_format.hpp"
#include "curate.hpp"
#include "file_util.hpp"
#include "outlets.hpp"
#include "publish.hpp"
#include "stories.hpp"
#include "translation_stage.hpp"

namespace ingest {
namespace fs = std::filesystem;

namespace {

constexpr int64_t kCacheKeepSeconds = 30 * 86400;  // unused translations older than this leave the cache
constexpr const char* kGdeltAttribution = "Article metadata from the GDELT Project (gdeltproject.org), free and open with attribution.";

// [SECTION] options ------------------------------------------------------------------

const char* env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// The build command's options (also its --help text).
ArgParser build_args() {
    return ArgParser("build", "Turns the captures of the last N hours into the news API under API_DIR/v1 (docs/ingest.md).",
                   {
                       {"--outlets", "FILE", "curated outlet table (required)"},
                       {"--feed-list", "FILE", "the wide tier's bare feed list"},
                       {"--captures", "DIR", "the folder fetch writes (required)"},
                       {"--out", "API_DIR", "the API is served from API_DIR/v1 (required)"},
                       {"--translator", "ENGINE", "none (default), apertium or http"},
                       {"--translate-url", "URL", "http: the LibreTranslate-compatible service ($NEWSGLOBE_TRANSLATE_URL)"},
                       {"--translate-key", "KEY", "http: its key ($NEWSGLOBE_TRANSLATE_KEY)"},
                       {"--translation-cache", "FILE", "keeps translations between builds"},
                       {"--retention-hours", "N", "captures this old and newer are read (default 48)"},
                       {"--now", "RFC3339", "the build's now (default: the newest capture's finish time)"},
                       {"--source-name", "TEXT", "the index's source name"},
                       {"--report", "FILE", "the build report (default API_DIR/build-report.json)"},
                     });
}

// [SECTION] inputs -------------------------------------------------------------------

// The outlet table and, when given, the wide tier, in one list that outlives the index.
struct Outlets {
    std::vector<Outlet> all;
    std::vector<std::string> notices;
    OutletIndex index;
};

bool load_outlets(const BuildOptions& options, Outlets& out, BuildReport& report) {
    OutletTable curated = load_outlet_table(options.outlets_path);
    for (const std::string& p : curated.problems) report.problems.push_back(options.outlets_path + ": " + p);
    if (curated.outlets.empty()) {
        report.error = "The outlet table " + options.outlets_path + " has no usable outlet.";
        return false;
    }
    out.all = curated.outlets;
    if (!curated.notice.empty()) out.notices.push_back(curated.notice);
    if (!options.feed_list_path.empty()) {
        OutletTable wide = load_feed_list(options.feed_list_path, curated);
        for (const std::string& p : wide.problems) report.problems.push_back(options.feed_list_path + ": " + p);
        out.all.insert(out.all.end(), wide.outlets.begin(), wide.outlets.end());
        if (!wide.notice.empty()) out.notices.push_back(wide.notice);
    }
    for (const Outlet& o : out.all) out.index.add(o);
    return true;
}

// The captures of the window [now - retention, now], oldest first.
std::vector<Capture> window_captures(const BuildOptions& options, int64_t& now, BuildReport& report) {
    std::vector<std::string> problems;
    std::vector<Capture> all = list_captures(options.captures_dir, &problems);
    for (const std::string& p : problems) report.problems.push_back(p);
    now = options.now;
    if (now == 0)
        for (const Capture& c : all) now = std::max(now, c.finished ? c.finished : c.started);
    int64_t cutoff = now - int64_t{options.retention_hours} * 3600;
    std::vector<Capture> window;
    for (Capture& c : all)
        if (c.started >= cutoff && c.started <= now) window.push_back(std::move(c));
    return window;
}

std::unique_ptr<Translator> make_translator(const BuildOptions& options, std::string& problem) {
    if (options.translator == "none") return make_no_translator();
    if (options.translator == "apertium") return make_apertium_translator();
    if (options.translator == "http") {
        HttpTranslatorOptions http;
        http.url = !options.translate_url.empty() ? options.translate_url : env_or_empty("NEWSGLOBE_TRANSLATE_URL");
        http.api_key = !options.translate_key.empty() ? options.translate_key : env_or_empty("NEWSGLOBE_TRANSLATE_KEY");
        if (http.url.empty()) {
            problem = "--translator http needs --translate-url (or NEWSGLOBE_TRANSLATE_URL).";
            return nullptr;
        }
        return make_http_translator(http);
    }
    problem = "--translator must be none, apertium or http, not \"" + options.translator + "\".";
    return nullptr;
}

// [SECTION] output -------------------------------------------------------------------

std::vector<std::string> attribution(const Outlets& outlets, const std::vector<BuildArticle>& articles) {
    std::vector<std::string> lines = outlets.notices;
    if (std::any_of(articles.begin(), articles.end(), [](const BuildArticle& b) { return b.from_gdelt; }))
        lines.push_back(kGdeltAttribution);
    return lines;
}

long peak_rss_kb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void write_report(const BuildOptions& options, const BuildReport& report) {
    fs::path path = options.report_path.empty() ? fs::path(options.out_dir) / "build-report.json" : fs::path(options.report_path);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::string problem;
    if (!write_file_atomically(path, report_json(report), problem)) std::fprintf(stderr, "build: %s\n", problem.c_str());
}

}  // namespace

bool parse_build_options(int argc, char** argv, BuildOptions& o, std::string& problem) {
    ArgParser args = build_args();
    int64_t hours = o.retention_hours;
    if (!args.parse(argc, argv, 0) || !args.integer("--retention-hours", hours, 1, 24 * 365)) {
        problem = args.error();
        return false;
    }
    if (args.help_requested()) {
        problem.clear();  // not a problem: the caller prints the usage
        return false;
    }
    o.retention_hours = static_cast<int>(hours);
    auto text = [&](const char* name, std::string& field) { field = args.value(name).value_or(field); };
    text("--outlets", o.outlets_path);
    text("--feed-list", o.feed_list_path);
    text("--captures", o.captures_dir);
    text("--out", o.out_dir);
    text("--translator", o.translator);
    text("--translate-url", o.translate_url);
    text("--translate-key", o.translate_key);
    text("--translation-cache", o.translation_cache);
    text("--source-name", o.source_name);
    text("--report", o.report_path);
    if (auto now = args.value("--now")) {
        o.now = ng::parse_rfc3339(*now);
        if (o.now == 0) {
            problem = "--now wants an RFC 3339 time (2026-11-30T10:00:00Z), not \"" + *now + "\".";
            return false;
        }
    }
    const char* missing = o.outlets_path.empty() ? "--outlets" : o.captures_dir.empty() ? "--captures"
                          : o.out_dir.empty()    ? "--out" : nullptr;
    if (missing) {
        problem = std::string("Missing ") + missing + ".";
        return false;
    }
    return true;
}

BuildReport build_api(const BuildOptions& options, Translator* translator) {
    auto started = std::chrono::steady_clock::now();
    BuildReport report;
    auto stage_started = started;
    auto end_stage = [&](const char* name) {
        auto now = std::chrono::steady_clock::now();
        report.stage_ms.emplace_back(name, std::chrono::duration_cast<std::chrono::milliseconds>(now - stage_started).count());
        stage_started = now;
    };
    report.retention_hours = options.retention_hours;
    auto finish = [&]() -> BuildReport {
        report.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        report.peak_rss_kb = peak_rss_kb();
        write_report(options, report);
        return std::move(report);
    };

    std::unique_ptr<Translator> own_translator;
    if (!translator) {
        own_translator = make_translator(options, report.error);
        if (!own_translator) return finish();
        translator = own_translator.get();
    }
    report.translation.engine = options.translator;
    Outlets outlets;
    if (!load_outlets(options, outlets, report)) return finish();
    int64_t now = 0;
    std::vector<Capture> captures = window_captures(options, now, report);
    report.now = now;
    for (const Capture& c : captures) report.captures.push_back(c.id);
    if (captures.empty()) {
        report.error = "No capture in " + options.captures_dir + " within " + std::to_string(options.retention_hours) +
                       " h of " + ng::format_rfc3339(now) + ".";
        return finish();
    }

    std::vector<CollectedItem> items = collect_items(captures, outlets.index, report);
    end_stage("read");
    std::vector<BuildArticle> articles = curate_items(std::move(items), outlets.index, {now, options.retention_hours, 3600}, report);
    end_stage("normalise");

    TranslationCache cache;
    std::string problem;
    if (!options.translation_cache.empty() && !cache.load(options.translation_cache, problem))
        report.problems.push_back(problem);
    translate_articles(articles, *translator, cache, now, report.translation);
    if (!options.translation_cache.empty() && !cache.save(options.translation_cache, now - kCacheKeepSeconds, problem))
        report.problems.push_back(problem);
    end_stage("translate");

    if (articles.empty()) {
        // Every feed failed or was empty: publishing would blank the live API.
        report.error = "No article is left to publish (" + std::to_string(report.entries_read) +
                       " feeds read); the live API is left as it was.";
        return finish();
    }
    StoryStage stories = assemble_stories(articles);
    for (std::string& note : stories.notes) report.problems.push_back("Story clustering: " + note);
    report.stories = stories.stories.size();
    report.clustering = stories.stats;
    end_stage("stories");

    std::vector<ng::Article> documents;
    std::set<std::string> outlet_ids;
    documents.reserve(articles.size());
    for (BuildArticle& b : articles) {
        outlet_ids.insert(b.outlet_id);
        documents.push_back(std::move(b.article));
    }
    ApiMeta meta;
    meta.generated = now;
    meta.source_name = options.source_name;
    meta.attribution = attribution(outlets, articles);
    std::string now_id = ng::format_rfc3339(now);
    now_id.erase(std::remove_if(now_id.begin(), now_id.end(), [](char c) { return c == '-' || c == ':'; }), now_id.end());
    PublishResult published = publish_api(options.out_dir, documents, stories.stories, meta, now_id);
    end_stage("publish");
    report.published = documents.size();
    report.outlets = outlet_ids.size();
    report.countries = published.countries;
    report.pages = published.pages;
    report.documents = published.documents;
    report.bytes = published.bytes;
    report.validation_violations = published.violations;
    report.release = published.release;
    report.unchanged = published.unchanged;
    report.ok = published.ok;
    report.error = published.error;
    return finish();
}

int run_build(int argc, char** argv) {
    BuildOptions options;
    std::string problem;
    if (!parse_build_options(argc - 2, argv + 2, options, problem)) {
        std::string usage = build_args().usage();
        std::fprintf(problem.empty() ? stdout : stderr, "%s%s%s", problem.c_str(), problem.empty() ? "" : "\n\n", usage.c_str());
        return problem.empty() ? 0 : 2;
    }
    BuildReport report = build_api(options);
    std::fputs(report_summary(report).c_str(), stderr);
    return report.ok ? 0 : 1;
}

}  // namespace ingest
