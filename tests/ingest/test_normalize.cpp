// The build step's own small rules: article ids and headline keys.
#include <gtest/gtest.h>

#include <regex>

#include "core/news_decode.hpp"
#include "normalize.hpp"

using namespace ingest;

TEST(Normalize, ArticleIdsAreStableAndValid) {
    std::string id = article_id("ES", "https://diario.example/politica/ley");
    EXPECT_TRUE(std::regex_match(id, std::regex("es-[0-9a-f]{16}"))) << id;
    EXPECT_EQ(id, article_id("ES", "https://diario.example/politica/ley"));
    EXPECT_NE(id, article_id("ES", "https://diario.example/politica/ley2"));
    EXPECT_NE(id, article_id("AR", "https://diario.example/politica/ley"));
    EXPECT_TRUE(ng::is_valid_article_id(id));
}

TEST(Normalize, HeadlineKeysIgnoreCaseAndPunctuation) {
    EXPECT_EQ(headline_key("Storm hits coast!"), headline_key("storm hits  coast"));
    EXPECT_NE(headline_key("Storm hits coast"), headline_key("Storm hits north coast"));
    EXPECT_EQ(headline_key("Шторм на побережье"), headline_key("Шторм на побережье."));
    EXPECT_EQ(headline_key("— !"), "—");
    EXPECT_EQ(headline_key("?!"), "");
}

