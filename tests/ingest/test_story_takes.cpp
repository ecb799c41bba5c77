// Alternative Takes and The World's Current Take, computed from one story:
// what the reader of one article sees of the other countries' coverage.
#include <gtest/gtest.h>

#include "cluster.hpp"
#include "cluster_fixture.hpp"
#include "story_takes.hpp"
#include "story_world_take.hpp"

using namespace ingest;
using cluster_fixture::article;

namespace {

// A story the way clustering leaves it: members earliest first, centralities set.
struct Fixture {
    std::vector<ClusterArticle> articles;
    Story story;

    void add(ClusterArticle a, double centrality, bool copy = false) {
        StoryMember m;
        m.article = articles.size();
        m.outlet = a.outlet_id;
        m.centrality = centrality;
        m.copy = copy;
        articles.push_back(std::move(a));
        story.members.push_back(m);
    }
};

Fixture ecb_story() {
    Fixture f;
    f.add(article("de-1", "spree", "DE", "de", "EZB lässt Leitzins unverändert bei 2 Prozent",
                  "ECB leaves key interest rate unchanged at 2 percent", 0),
          1.2);
    f.add(article("fr-1", "gazette", "FR", "fr", "La BCE maintient ses taux directeurs à 2 %",
                  "The ECB keeps its key rates at 2%", 0.3),
          1.4);
    f.add(article("gb-1", "courier", "GB", "en", "ECB holds rates at 2% and signals no hurry to cut", {}, 0.6), 1.1);
    f.add(article("de-2", "hanse", "DE", "de", "Zinsen bleiben: EZB hält Kurs", "Rates stay: ECB holds course", 1),
          1.6);
    f.add(article("us-1", "ledger", "US", "en", "European Central Bank keeps rates steady as euro-zone growth stalls",
                  {}, 1.5),
          0.9);
    f.add(article("us-2", "ledger", "US", "en", "European Central Bank keeps rates steady as euro-zone growth stalls",
                  {}, 1.6),
          0.9, /*copy=*/true);
    f.add(article("pl-1", "wislana", "PL", "pl", "EBC nie zmienia stóp procentowych", {}, 2), 0.7);
    f.add(article("at-1", "donau", "AT", "de", "Zinsen bleiben: EZB hält an ihrem Kurs fest",
                  "Rates stay: ECB sticks to its course", 2.5),
          1.0);
    f.story.id = "s-0000000000000001";
    f.story.outlets = 7;
    f.story.countries = {"DE", "US", "AT", "FR", "GB", "PL"};
    return f;
}

}  // namespace

TEST(StoryTakes, OneTakePerOtherCountryFromItsMostCentralArticle) {
    Fixture f = ecb_story();
    std::vector<StoryTake> takes = alternative_takes(f.articles, f.story, 1);  // the French reader
    std::vector<std::string> countries;
    for (const StoryTake& t : takes) countries.push_back(t.country);
    std::sort(countries.begin(), countries.end());
    EXPECT_EQ(countries, (std::vector<std::string>{"AT", "DE", "GB", "PL", "US"}));  // not FR itself
    for (const StoryTake& t : takes) {
        if (t.country == "DE") {
            EXPECT_EQ(f.articles[t.article].id, "de-2");  // 1.6 beats 1.2
            EXPECT_EQ(t.country_articles, 2u);
            EXPECT_EQ(t.chosen_because, "the most central of 2 articles from Germany in this story");
            EXPECT_TRUE(t.headline.translated);
            EXPECT_EQ(t.headline.text, "Rates stay: ECB holds course");
            EXPECT_EQ(t.original_headline, "Zinsen bleiben: EZB hält Kurs");
        }
        if (t.country == "US") {
            EXPECT_EQ(f.articles[t.article].id, "us-1");  // never the copy
            EXPECT_EQ(t.country_articles, 1u);
            EXPECT_EQ(t.chosen_because, "the only article from United States in this story");
        }
    }
}

TEST(StoryTakes, MostDifferentlyWordedFirstUntranslatedLast) {
    Fixture f = ecb_story();
    std::vector<StoryTake> takes = alternative_takes(f.articles, f.story, 1);
    ASSERT_EQ(takes.size(), 5u);
    for (std::size_t i = 1; i + 1 < takes.size(); ++i)
        EXPECT_GE(takes[i - 1].framing_distance, takes[i].framing_distance);
    EXPECT_EQ(takes.front().compared_with, StoryTake::ComparedWith::Article);
    const StoryTake& last = takes.back();
    EXPECT_EQ(last.country, "PL");
    EXPECT_EQ(last.compared_with, StoryTake::ComparedWith::Nothing);
    EXPECT_EQ(last.framing_distance, -1);
    EXPECT_EQ(last.angle, "Headline in Polish, not translated");
    EXPECT_FALSE(last.headline.translated);
    EXPECT_EQ(last.headline.language, "pl");
    // The angle names words the take uses and the reader's headline does not.
    const StoryTake& us =
        *std::find_if(takes.begin(), takes.end(), [](const StoryTake& t) { return t.country == "US"; });
    EXPECT_EQ(us.angle, "Stresses: European, Central, Bank");
    EXPECT_GT(us.framing_distance, 0.5);
}

TEST(StoryTakes, EnglishTakesBesideAnUntranslatedArticleAreComparedWithTheStory) {
    Fixture f = ecb_story();
    std::vector<StoryTake> takes = alternative_takes(f.articles, f.story, 6);  // the Polish reader, untranslated
    ASSERT_EQ(takes.size(), 5u);
    for (const StoryTake& t : takes) {
        EXPECT_EQ(t.compared_with, StoryTake::ComparedWith::StoryEnglish) << t.country;
        EXPECT_EQ(t.angle.find("not translated"), std::string::npos) << t.angle;
    }
    // The most central English headline is the German one (1.6); the German
    // take itself is compared with the next most central (French, 1.4).
    const StoryTake& us =
        *std::find_if(takes.begin(), takes.end(), [](const StoryTake& t) { return t.country == "US"; });
    EXPECT_EQ(us.angle, "Stresses: European, Central, Bank");
}

TEST(StoryTakes, ApiTakeCarriesOutletLinkAndAngle) {
    Fixture f = ecb_story();
    std::vector<StoryTake> takes = alternative_takes(f.articles, f.story, 0);
    ng::AlternativeTake api = to_api_take(takes.front(), f.articles);
    const ClusterArticle& a = f.articles[takes.front().article];
    EXPECT_EQ(api.article_id, a.id);
    EXPECT_EQ(api.url, a.url);
    EXPECT_EQ(api.outlet.name, a.outlet_name);
    EXPECT_EQ(api.outlet.country, a.country);
    EXPECT_EQ(api.angle, takes.front().angle);
    EXPECT_EQ(api.headline, takes.front().headline.text);
}

TEST(WorldTake, CountsFirstReportAndAttention) {
    Fixture f = ecb_story();
    WorldTake w = world_take(f.articles, f.story);
    EXPECT_EQ(w.articles, 7u);  // the copy is not counted
    EXPECT_EQ(w.outlets, 7u);
    EXPECT_EQ(w.countries, 6u);
    EXPECT_EQ(f.articles[w.first_article].id, "de-1");
    ASSERT_FALSE(w.attention.empty());
    EXPECT_EQ(w.attention[0].country, "DE");
    EXPECT_EQ(w.attention[0].outlets, 2u);
    ASSERT_GE(w.sentences.size(), 4u);
    EXPECT_EQ(w.sentences[0],
              "Automatic summary, computed from the headlines in this story; no person or language model wrote it.");
    EXPECT_EQ(w.sentences[1], "7 articles from 7 outlets in 6 countries cover this story.");
    EXPECT_EQ(w.sentences[2], "First reported by spree (Germany) on 25 Nov 2026 at 00:00 UTC.");
    EXPECT_EQ(w.sentences[3], "Most attention: Germany (2 outlets).");
}

TEST(WorldTake, EveryQuotationIsAHeadlineOfTheStory) {
    Fixture f = ecb_story();
    WorldTake w = world_take(f.articles, f.story);
    ASSERT_GE(w.framings.size(), 2u);
    for (const Framing& fr : w.framings) {
        const ClusterArticle& a = f.articles[fr.article];
        const std::string& headline = a.title_en.empty() ? a.title : a.title_en;
        std::string quote = fr.quote;
        if (quote.size() > 3 && quote.compare(quote.size() - 3, 3, "…") == 0) quote.resize(quote.size() - 3);
        EXPECT_EQ(headline.find(quote), 0u) << fr.quote;
        EXPECT_EQ(fr.translated, !a.title_en.empty() && a.language != "en");
    }
    std::string text = world_take_text(w);
    EXPECT_NE(text.find("Differently worded: “"), std::string::npos) << text;
    EXPECT_NE(text.find("machine-translated"), std::string::npos) << text;
    for (const std::string& word : w.shared_words) EXPECT_NE(text.find("“" + word + "”"), std::string::npos);
}

TEST(WorldTake, SmallStoriesAndUnknownTimesSayLess) {
    Fixture f;
    ClusterArticle a = article("a", "one", "FR", "fr", "Titre", "Headline one");
    ClusterArticle b = article("b", "two", "BE", "fr", "Titre", "Headline two");
    a.time = b.time = 0;
    f.add(a, 1.0);
    f.add(b, 1.0);
    WorldTake w = world_take(f.articles, f.story);
    EXPECT_FALSE(w.first_known);
    std::string text = world_take_text(w);
    EXPECT_EQ(text.find("First reported"), std::string::npos);
    EXPECT_NE(text.find("2 articles from 2 outlets in 2 countries"), std::string::npos);
    EXPECT_NE(text.find("Each country has one outlet on it."), std::string::npos);
}
