// publish — the last part of `build`: articles → the v1 documents of
// docs/api.md, each validated against docs/schema before anything is
// replaced, written as a new release folder and switched live atomically.
//
//   OUT/v1                  → releases/<release>/v1   (a relative symlink)
//   OUT/releases/<release>/v1/countries.json
//                             v1/countries/{ISO}/stories-{N}.json
//                             v1/articles/{id}.json
//                             v1/stories/{story_id}.json
//
// <release> is "<now, 20261130T101500Z>-<12 hex digits of the content's
// SHA-256>", so the same articles give the same name and bytes. The switch is
// one rename(2) of a new symlink over OUT/v1: a web server serving OUT sees
// the old release or the new one, never a mix. The previous release stays
// until the next switch (a reader mid-page keeps working); older ones are
// removed. A first run over an OUT/v1 that is a plain folder moves that
// folder into releases/ before switching.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/news_model.hpp"

namespace ingest {

struct ApiMeta {
    int64_t generated = 0;                 // the index's "generated" (the build's now)
    std::string source_name;
    std::vector<std::string> attribution;
    int page_size = 10;                    // as the sample API
};

struct PublishResult {
    bool ok = false;
    std::string error;                     // why nothing was switched (one paragraph)
    std::vector<std::string> violations;   // "v1/articles/x.json: /id: … (schema …)"
    std::string release;                   // the live release's name
    bool unchanged = false;                // the live release already had these bytes
    size_t documents = 0, pages = 0, countries = 0, stories = 0;
    uint64_t bytes = 0;
};

// Every document of the API, in a fixed order: countries.json, then each
// country's pages, then the articles by id, then the stories by id. `emit`
// gets the path relative to the API root ("v1/articles/es-….json") and the
// bytes. A country's `covered_abroad` counts its articles whose coverage is
// two countries or more.
void render_api(const std::vector<ng::Article>& articles, const std::vector<ng::StoryDocument>& stories,
                const ApiMeta& meta,
                const std::function<void(const std::string& path, const std::string& bytes)>& emit);

// Renders, validates and writes a release under `out_dir`, then switches it
// live. Articles must have unique ids. `now_id` names the release.
PublishResult publish_api(const std::filesystem::path& out_dir, const std::vector<ng::Article>& articles,
                          const std::vector<ng::StoryDocument>& stories, const ApiMeta& meta,
                          const std::string& now_id);

}  // namespace ingest
