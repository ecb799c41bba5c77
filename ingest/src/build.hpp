// build — the second step of newsglobe-ingest: captures → the v1 API folder
// (docs/api.md), with no network (except an HTTP translator, when chosen)
// and no clock: "now" is the newest capture's finish time, so the same
// captures and outlet table give byte-identical documents.
//
//   newsglobe-ingest build --outlets FILE [--feed-list FILE] --captures DIR --out API_DIR
//       [--translator none|apertium|http] [--translate-url URL] [--translate-key KEY]
//       [--translation-cache FILE] [--retention-hours N] [--now RFC3339]
//       [--source-name TEXT] [--report FILE]
//
// The steps (docs/ingest.md, "Build step"): read every capture of the
// retention window → merge the observations of each article (by canonical
// URL) → normalise (links, duplicates, language check, ids, excerpts) →
// translate headline and summary → group them into stories across borders
// (story_id, coverage, takes, world take, story documents) → validate and
// publish a release → write the build report.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "build_report.hpp"
#include "core/news_model.hpp"
#include "translate.hpp"

namespace ingest {

struct BuildOptions {
    std::string outlets_path;          // the outlet table (required)
    std::string feed_list_path;        // the wide tier's bare feed list (optional)
    std::string captures_dir;          // required
    std::string out_dir;               // required: OUT/v1 becomes the API
    std::string translator = "none";   // none | apertium | http
    std::string translate_url;         // http: the service (or $NEWSGLOBE_TRANSLATE_URL)
    std::string translate_key;         // http: its key (or $NEWSGLOBE_TRANSLATE_KEY)
    std::string translation_cache;     // a file; empty: no cache kept between builds
    int retention_hours = 48;
    int64_t now = 0;                   // 0: the newest capture's finish time
    std::string source_name = "newsglobe · outlets' own feeds";
    std::string report_path;           // empty: OUT/build-report.json
};

// Parses the command line after "build". False with `problem` (a usage
// sentence) on an unknown option or a missing value.
bool parse_build_options(int argc, char** argv, BuildOptions& options, std::string& problem);

// Runs the whole step. `translator` overrides the one the options name
// (tests pass an engine of their own). The report says what happened;
// report.ok is false when nothing was published.
BuildReport build_api(const BuildOptions& options, Translator* translator = nullptr);

// The program's `build` command: argv[0] is the program, argv[1] "build".
// Exit status 0 when published (or unchanged), 1 when the build failed,
// 2 for a usage error.
int run_build(int argc, char** argv);

// ---- the stages, for tests --------------------------------------------------------

// What one article has become by the end of normalising: the document to
// publish (headline and summary still original), plus what translation and
// clustering need.
struct BuildArticle {
    ng::Article article;
    std::string outlet_id;
    std::string canonical_url;
    std::string text_language;  // the language the text is in: detected when that disagrees, else declared
    bool from_gdelt = false;    // its text came from GDELT's article list (attribution)
    std::vector<float> embedding;  // GDELT GSG document embedding, when captured (story clustering)
};

}  // namespace ingest
