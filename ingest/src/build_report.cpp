#include "build_report.hpp"

#include <nlohmann/json.hpp>

#include "core/time_format.hpp"

namespace ingest {
using nlohmann::ordered_json;

namespace {
constexpr size_t kExamplesPerReason = 5;
constexpr size_t kMismatchesListed = 200;
}  // namespace

void BuildReport::drop_item(const char* reason, const std::string& url, const std::string& outlet,
                            const std::string& detail) {
    if (++dropped[reason] <= kExamplesPerReason) dropped_examples.push_back({url, outlet, reason, detail});
}

std::string report_json(const BuildReport& r) {
    ordered_json j;
    j["version"] = 1;
    j["ok"] = r.ok;
    if (!r.error.empty()) j["error"] = r.error;
    j["now"] = ng::format_rfc3339(r.now);
    j["retention_hours"] = r.retention_hours;
    j["captures"] = r.captures;
    j["problems"] = r.problems;
    j["entries"] = {{"read", r.entries_read}, {"without_body", r.entries_without_body}, {"unusable", r.entries_unusable}};
    ordered_json items;
    items["observations"] = r.observations;
    items["distinct"] = r.items;
    items["published"] = r.published;
    items["dropped"] = ordered_json::object();
    for (const auto& [reason, n] : r.dropped) items["dropped"][reason] = n;
    items["corrected"] = ordered_json::object();
    for (const auto& [what, n] : r.corrected) items["corrected"][what] = n;
    items["dropped_examples"] = ordered_json::array();
    for (const DroppedItem& d : r.dropped_examples)
        items["dropped_examples"].push_back({{"reason", d.reason}, {"outlet", d.outlet}, {"url", d.url}, {"detail", d.detail}});
    j["items"] = items;
    ordered_json mismatches = ordered_json::array();
    for (size_t i = 0; i < r.language_mismatches.size() && i < kMismatchesListed; ++i) {
        const LanguageMismatch& m = r.language_mismatches[i];
        mismatches.push_back({{"id", m.id}, {"outlet", m.outlet}, {"declared", m.declared}, {"detected", m.detected}});
    }
    j["language_mismatches"] = {{"count", r.language_mismatches.size()}, {"items", mismatches}};
    const TranslationStats& t = r.translation;
    ordered_json tr;
    tr["engine"] = t.engine;
    tr["items_needing"] = t.items_needing;
    tr["items_translated"] = t.items_translated;
    tr["texts_translated"] = t.texts_translated;
    tr["texts_from_cache"] = t.texts_from_cache;
    tr["texts_failed"] = t.texts_failed;
    tr["texts_unsupported"] = t.texts_unsupported;
    tr["items_by_language"] = ordered_json::object();
    for (const auto& [lang, n] : t.items_by_language) tr["items_by_language"][lang] = n;
    tr["unsupported"] = ordered_json::object();
    for (const auto& [lang, why] : t.unsupported) tr["unsupported"][lang] = why;
    tr["errors"] = t.errors;
    j["translation"] = tr;
    const ClusterStats& c = r.clustering;
    j["stories"] = {{"stories", r.stories},
                    {"articles", c.articles},
                    {"with_embeddings", c.with_embeddings},
                    {"candidate_pairs", c.candidate_pairs},
                    {"links", c.links},
                    {"components", c.components},
                    {"largest_component", c.largest_component},
                    {"split_components", c.split_components}};
    j["published"] = {{"release", r.release},   {"unchanged", r.unchanged}, {"countries", r.countries},
                      {"outlets", r.outlets},   {"articles", r.published},  {"pages", r.pages},
                      {"documents", r.documents}, {"bytes", r.bytes}};
    j["validation_violations"] = r.validation_violations;
    j["elapsed_ms"] = r.elapsed_ms;
    j["stage_ms"] = ordered_json::object();
    for (const auto& [stage, ms] : r.stage_ms) j["stage_ms"][stage] = ms;
    j["peak_rss_kb"] = r.peak_rss_kb;
    return j.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string report_summary(const BuildReport& r) {
    size_t dropped = 0;
    for (const auto& [reason, n] : r.dropped) dropped += n;
    std::string s = "build: " + std::to_string(r.captures.size()) + " captures, " + std::to_string(r.entries_read) +
                     " feeds read, " + std::to_string(r.items) + " distinct items, " + std::to_string(dropped) +
                     " dropped, " + std::to_string(r.published) + " published in " + std::to_string(r.countries) +
                     " countries from " + std::to_string(r.outlets) + " outlets\n";
    s += "build: translation (" + r.translation.engine + "): " + std::to_string(r.translation.items_translated) + " of " +
         std::to_string(r.translation.items_needing) + " items; texts " + std::to_string(r.translation.texts_translated) +
         " new, " + std::to_string(r.translation.texts_from_cache) + " cached, " +
         std::to_string(r.translation.texts_failed) + " failed, " + std::to_string(r.translation.texts_unsupported) +
         " without an engine; " + std::to_string(r.language_mismatches.size()) + " language mismatches\n";
    s += "build: " + std::to_string(r.stories) + " stories across outlets (" + std::to_string(r.clustering.links) +
         " links among " + std::to_string(r.clustering.articles) + " articles)\n";
    if (r.ok)
        s += std::string("build: ") + (r.unchanged ? "unchanged, release " : "published release ") + r.release + " (" +
             std::to_string(r.documents) + " documents, " + std::to_string(r.bytes) + " bytes) in " +
             std::to_string(r.elapsed_ms) + " ms\n";
    else
        s += "build: FAILED: " + r.error + "\n";
    for (const std::string& v : r.validation_violations) s += "  " + v + "\n";
    return s;
}

}  // namespace ingest
