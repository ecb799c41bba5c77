// The build step's small rules: ids, excerpts, GDELT titles, headline keys
// and language groups.
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

TEST(Normalize, ExcerptKeepsOneOrTwoSentences) {
    EXPECT_EQ(excerpt("The bill passed. It goes to the Senate. Critics object. More follows."),
              "The bill passed. It goes to the Senate.");
    // Abbreviations and decimals do not end a sentence.
    EXPECT_EQ(excerpt("Sen. Klobuchar met U.S. officials on 3.5 billion. Talks resume Monday. Details later."),
              "Sen. Klobuchar met U.S. officials on 3.5 billion. Talks resume Monday.");
    // A second sentence only while it fits.
    std::string longer = "Then " + std::string(300, 'x');
    EXPECT_EQ(excerpt("Short first. " + longer + "."), "Short first.");
    // CJK sentence ends need no space.
    EXPECT_EQ(excerpt("政府は新法を承認した。野党は反対した。詳細は後ほど。"), "政府は新法を承認した。野党は反対した。");
    // One very long sentence is cut at a word, marked with an ellipsis.
    std::string words;
    for (int i = 0; i < 100; ++i) words += "word" + std::to_string(i) + " ";
    std::string cut = excerpt(words, 120);
    EXPECT_LE(cut.size(), 120u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
    EXPECT_EQ(cut.find("  "), std::string::npos);
    EXPECT_EQ(excerpt(""), "");
}

TEST(Normalize, GdeltTitlesAreDetokenised) {
    EXPECT_EQ(detokenize_gdelt_title("¿ Qué ofrece el plan de México ? "), "¿Qué ofrece el plan de México?");
    EXPECT_EQ(detokenize_gdelt_title("Sen . Klobuchar backs bill"), "Sen. Klobuchar backs bill");
    EXPECT_EQ(detokenize_gdelt_title("Deaths rise to 6 , 438 , officials say"), "Deaths rise to 6,438, officials say");
    EXPECT_EQ(detokenize_gdelt_title("Storm ( AP ) : roads closed !"), "Storm (AP): roads closed!");
    EXPECT_EQ(detokenize_gdelt_title("l  estate   italiana"), "l estate italiana");
    EXPECT_EQ(detokenize_gdelt_title("« Non » au projet"), "«Non» au projet");
}

TEST(Normalize, HeadlineKeysIgnoreCaseAndPunctuation) {
    EXPECT_EQ(headline_key("Storm hits coast!"), headline_key("storm hits  coast"));
    EXPECT_NE(headline_key("Storm hits coast"), headline_key("Storm hits north coast"));
    EXPECT_EQ(headline_key("Шторм на побережье"), headline_key("Шторм на побережье."));
    EXPECT_EQ(headline_key("— !"), "—");
    EXPECT_EQ(headline_key("?!"), "");
}

TEST(Normalize, LanguageGroups) {
    EXPECT_TRUE(same_language("pt-BR", "pt"));
    EXPECT_TRUE(same_language("sr", "hr"));
    EXPECT_TRUE(same_language("nb", "no"));
    EXPECT_TRUE(same_language("ms", "id"));
    EXPECT_FALSE(same_language("es", "ca"));
    EXPECT_FALSE(same_language("en", "fr"));
    EXPECT_EQ(primary_language("zh-Hant"), "zh");
}
