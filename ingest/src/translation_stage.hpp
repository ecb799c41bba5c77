// translation_stage — `build` puts every non-English headline and summary
// through a Translator, the cache first: each distinct (language, text) is
// translated once per engine, ever. Translated articles keep the original
// in original_headline / original_summary and say in `translation` which
// engine, from which language, when (the cache's first translation, in
// capture time) and which fields. A text that could not be translated stays
// as it was, and the report says why.
#pragma once
#include <cstdint>
#include <vector>

#include "build.hpp"
#include "build_report.hpp"
#include "translate.hpp"

namespace ingest {

void translate_articles(std::vector<BuildArticle>& articles, Translator& translator, TranslationCache& cache,
                        int64_t now, TranslationStats& stats);

}  // namespace ingest
