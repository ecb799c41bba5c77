// stories — the build step's story stage: groups the normalised, translated
// articles into stories across borders (cluster.hpp) and writes what the API
// carries of them (docs/api.md): each member article's story_id, coverage
// (countries), Alternative Takes and World's Current Take, one story
// document per story (v1/stories/{id}.json).
#pragma once
#include <string>
#include <vector>

#include "build.hpp"
#include "cluster.hpp"
#include "core/news_model.hpp"

namespace ingest {

struct StoryStage {
    std::vector<ng::StoryDocument> stories;     // in the clustering's order (most countries first)
    std::vector<std::string> notes;             // the clustering's notes on its input
    ClusterStats stats;
};

// What the clustering reads of a built article.
ClusterArticle cluster_article(const BuildArticle& built);

// Clusters `articles` and fills the story fields of their documents.
StoryStage assemble_stories(std::vector<BuildArticle>& articles, const ClusterOptions& options = {});

}  // namespace ingest
