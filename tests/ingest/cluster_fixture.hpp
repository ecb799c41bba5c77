// Small helpers for the clustering tests: articles written for the purpose,
// in a line each.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "cluster.hpp"

namespace cluster_fixture {

// 2026-11-25T00:00:00Z
constexpr int64_t kBaseTime = 1795564800;

inline ingest::ClusterArticle article(const std::string& id, const std::string& outlet, const std::string& country,
                                      const std::string& lang, const std::string& title,
                                      const std::string& title_en = {}, double hours = 0) {
    ingest::ClusterArticle a;
    a.id = id;
    a.url = "https://" + outlet + ".example/news/" + id;
    a.outlet_id = outlet;
    a.outlet_name = outlet;
    a.outlet_domain = outlet + ".example";
    a.country = country;
    a.language = lang;
    a.title = title;
    a.title_en = title_en;
    if (!title_en.empty()) a.translated_by = "apertium";
    a.time = kBaseTime + int64_t(hours * 3600);
    return a;
}

// Headlines about other things, so that term statistics look like a real
// batch rather than three articles.
inline std::vector<ingest::ClusterArticle> background() {
    const char* titles[] = {
        "Parliament debates new pension reform bill",
        "Local football club wins regional cup final",
        "Heatwave expected to break temperature records this weekend",
        "Tech company unveils new smartphone with longer battery life",
        "City council approves budget for new tram line",
        "Stock markets close higher as investors await jobs data",
        "Museum opens exhibition of medieval manuscripts",
        "Teachers strike over pay in several regions",
        "Scientists discover new species of frog in rainforest",
        "Airline cancels flights as pilots walk out",
        "Government announces plan to plant a million trees",
        "Police arrest suspects after jewellery store robbery",
    };
    std::vector<ingest::ClusterArticle> out;
    int n = 0;
    for (const char* t : titles) {
        ++n;
        out.push_back(article("bg-" + std::to_string(n), "background" + std::to_string(n), "GB", "en", t, {}, n));
    }
    return out;
}

inline std::vector<ingest::ClusterArticle> with_background(std::vector<ingest::ClusterArticle> articles) {
    for (auto& a : background()) articles.push_back(std::move(a));
    return articles;
}

// Ids of the members of the story holding article `id`; empty when it is in none.
inline std::vector<std::string> story_of(const ingest::Clustering& c, const std::vector<ingest::ClusterArticle>& in,
                                         const std::string& id) {
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i].id != id || c.story_of[i] < 0) continue;
        std::vector<std::string> ids;
        for (const auto& m : c.stories[std::size_t(c.story_of[i])].members) ids.push_back(in[m.article].id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    return {};
}

}  // namespace cluster_fixture
