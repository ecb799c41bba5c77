// Story clustering on the text path: what a reader would notice if it went
// wrong — one event reported in three languages shown as three stories, two
// events in one city shown as one, an outlet's copies counted as extra
// outlets, or a page that changes every time the same feeds are rebuilt.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <regex>

#include "cluster.hpp"
#include "cluster_fixture.hpp"

using namespace ingest;
using cluster_fixture::article;
using cluster_fixture::story_of;
using cluster_fixture::with_background;

namespace {

using Ids = std::vector<std::string>;

// One earthquake in English, Spanish and Japanese, none of them translated.
std::vector<ClusterArticle> quake_in_three_languages() {
    return with_background({
        article("en-1", "pacificwire", "US", "en", "Magnitude 7.1 earthquake strikes northern Chile near Antofagasta"),
        article("es-1", "pacificosur", "CL", "es", "Terremoto de magnitud 7,1 sacude el norte de Chile", {}, 0.5),
        article("ja-1", "totoshimbun", "JP", "ja", "チリ北部でM7.1の地震 津波の心配なし", {}, 1),
    });
}

}  // namespace

TEST(Cluster, SameStoryInThreeLanguagesGroupsWithoutTranslations) {
    auto in = quake_in_three_languages();
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "en-1"), (Ids{"en-1", "es-1", "ja-1"}));
    ASSERT_GE(c.story_of[0], 0);
    const Story& s = c.stories[std::size_t(c.story_of[0])];
    EXPECT_EQ(s.outlets, 3u);
    EXPECT_EQ(s.countries.size(), 3u);
    EXPECT_FALSE(s.used_embeddings);
}

TEST(Cluster, SameStoryInThreeLanguagesGroupsThroughTranslations) {
    auto in = with_background({
        article("en-1", "capitolledger", "US", "en", "European Central Bank keeps interest rates on hold at 2%"),
        article("de-1", "suedkurier", "DE", "de", "EZB lässt Leitzins unverändert",
                "ECB leaves key interest rate on hold", 0.3),
        article("fr-1", "gazetteparis", "FR", "fr", "La BCE maintient ses taux directeurs",
                "The ECB keeps its key interest rates on hold", 0.5),
    });
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "de-1"), (Ids{"de-1", "en-1", "fr-1"}));
}

TEST(Cluster, TwoStoriesSharingAPlaceStayApart) {
    auto in = with_background({
        article("flood-en", "londonpost", "GB", "en", "Floods hit Valencia as red alert is issued for the region"),
        article("flood-es", "diarioturia", "ES", "es", "Lluvias torrenciales inundan Valencia",
                "Torrential rains flood Valencia", 1),
        article("flood-fr", "ouestmatin", "FR", "fr", "Espagne : Valence sous les eaux, alerte rouge",
                "Spain: Valencia under water, red alert", 2),
        article("club-en", "northerncourier", "GB", "en", "Valencia sack coach after fifth straight defeat", {}, 3),
        article("club-es", "heraldoiberico", "ES", "es", "El Valencia destituye a su entrenador tras cinco derrotas",
                "Valencia dismisses its coach after five defeats", 4),
        article("club-it", "tirrenica", "IT", "it", "Il Valencia esonera l'allenatore dopo cinque sconfitte",
                "Valencia sack the coach after five defeats", 5),
    });
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "flood-en"), (Ids{"flood-en", "flood-es", "flood-fr"}));
    EXPECT_EQ(story_of(c, in, "club-en"), (Ids{"club-en", "club-es", "club-it"}));
}

TEST(Cluster, TheSameKindOfEventInDifferentCountriesStaysApart) {
    // Central banks all "raise rates": the countries named tell them apart.
    auto in = with_background({
        article("jp-1", "capitolledger", "US", "en", "Bank of Japan raises interest rate to 1%"),
        article("jp-2", "northerncourier", "GB", "en", "Yen jumps as Bank of Japan lifts interest rate to 1%", {}, 1),
        article("ng-1", "lagossentinel", "NG", "en", "Nigeria raises key interest rate to 28%", {}, 2),
        article("ng-2", "londonpost", "GB", "en", "Nigeria's central bank lifts interest rate to 28% as naira slides",
                {}, 3),
    });
    Clustering c = cluster_stories(in);
    EXPECT_EQ(story_of(c, in, "jp-1"), (Ids{"jp-1", "jp-2"}));
    EXPECT_EQ(story_of(c, in, "ng-1"), (Ids{"ng-1", "ng-2"}));
}

TEST(Cluster, SyndicatedCopiesCountOnce) {
    auto in = with_background({
        article("a-1", "northerncourier", "GB", "en", "Typhoon Ulan slams into Luzon, killing 12"),
        // The same headline from the same outlet through another feed.
        article("a-2", "northerncourier", "GB", "en", "Typhoon Ulan slams into Luzon, killing 12", {}, 0.2),
        // The same headline on the outlet's international domain, listed as another outlet.
        article("a-3", "northerncourier-intl", "GB", "en", "Typhoon Ulan slams into Luzon, killing 12", {}, 0.3),
        article("b-1", "pacificwire", "US", "en", "Typhoon Ulan kills at least 12 in the northern Philippines", {}, 1),
    });
    in[2].outlet_domain = "intl.northerncourier.example";
    Clustering c = cluster_stories(in);
    ASSERT_EQ(story_of(c, in, "a-1"), (Ids{"a-1", "a-2", "a-3", "b-1"}));
    const Story& s = c.stories[std::size_t(c.story_of[0])];
    EXPECT_EQ(s.outlets, 2u);
    int copies = 0;
    for (const StoryMember& m : s.members) copies += m.copy;
    EXPECT_EQ(copies, 2);
    EXPECT_EQ(s.countries, (Ids{"GB", "US"}));
}

TEST(Cluster, AWireHeadlineRunByHundredsOfOutletsIsOneStory) {
    // Every term of the headline is held by more articles than may propose
    // pairs; identical headlines still link.
    std::vector<ClusterArticle> in;
    for (int i = 0; i < 400; ++i)
        in.push_back(article("w" + std::to_string(i), "paper" + std::to_string(i), "US", "en",
                             "Senate passes sweeping farm bill after late-night vote", {}, i % 24));
    Clustering c = cluster_stories(cluster_fixture::with_background(in));
    ASSERT_EQ(c.stories.size(), 1u);
    EXPECT_EQ(c.stories[0].members.size(), 400u);
    EXPECT_EQ(c.stories[0].outlets, 400u);
    // Larger than average linkage takes at once, with links all equally strong: kept whole.
    ClusterOptions small;
    small.max_linkage_size = 100;
    Clustering whole = cluster_stories(in, small);
    ASSERT_EQ(whole.stories.size(), 1u);
    EXPECT_EQ(whole.stories[0].members.size(), 400u);
}

TEST(Cluster, OneOutletAloneIsNotAStory) {
    auto in = with_background({
        article("a-1", "northerncourier", "GB", "en", "Typhoon Ulan slams into Luzon, killing 12"),
        article("a-2", "northerncourier", "GB", "en", "Typhoon Ulan: death toll in Luzon rises to 15", {}, 5),
        article("a-3", "northerncourier-intl", "GB", "en", "Typhoon Ulan slams into Luzon, killing 12", {}, 0.3),
    });
    in[2].outlet_domain = "intl.northerncourier.example";
    Clustering c = cluster_stories(in);
    EXPECT_TRUE(story_of(c, in, "a-1").empty());
}

TEST(Cluster, ArticlesFarApartInTimeDoNotLink) {
    auto in = with_background({
        article("a-1", "pacificwire", "US", "en", "Magnitude 7.1 earthquake strikes northern Chile"),
        article("a-2", "londonpost", "GB", "en", "Magnitude 7.1 earthquake strikes northern Chile", {}, 24 * 10),
    });
    EXPECT_TRUE(story_of(cluster_stories(in), in, "a-1").empty());
    ClusterOptions wide;
    wide.window_seconds = 30 * 86400;
    EXPECT_EQ(story_of(cluster_stories(in, wide), in, "a-1"), (Ids{"a-1", "a-2"}));
}

TEST(Cluster, AnyInputOrderGivesByteIdenticalOutput) {
    auto in = quake_in_three_languages();
    auto more = with_background({
        article("v-1", "londonpost", "GB", "en", "Floods hit Valencia as red alert is issued", {}, 2),
        article("v-2", "diarioturia", "ES", "es", "Inundaciones en Valencia: alerta roja",
                "Floods in Valencia: red alert", 3),
        article("v-3", "pacificwire", "US", "en", "Floods hit Valencia as red alert is issued", {}, 2),
    });
    in.insert(in.end(), more.begin(), more.end());
    const std::string expected = clustering_to_json(cluster_stories(in), in);
    EXPECT_NE(expected.find("\"stories\""), std::string::npos);
    std::mt19937 rng(20261125);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(in.begin(), in.end(), rng);
        EXPECT_EQ(clustering_to_json(cluster_stories(in), in), expected) << "round " << round;
    }
}

TEST(Cluster, StoryIdsComeFromTheEarliestArticle) {
    auto in = quake_in_three_languages();
    Clustering c = cluster_stories(in);
    ASSERT_EQ(c.stories.size(), 1u);
    const std::string id = c.stories[0].id;
    EXPECT_TRUE(std::regex_match(id, std::regex("s-[0-9a-f]{16}"))) << id;
    EXPECT_EQ(in[c.stories[0].members[0].article].id, "en-1");  // earliest first
    // More coverage arriving later does not rename the story...
    in.push_back(article("fr-1", "ouestmatin", "FR", "fr", "Chili : un séisme de magnitude 7,1", {}, 6));
    Clustering later = cluster_stories(in);
    ASSERT_EQ(later.stories.size(), 1u);
    EXPECT_EQ(later.stories[0].id, id);
    EXPECT_EQ(later.stories[0].members.size(), 4u);
    // ...an earlier report does: the id names the first report.
    in.push_back(article("de-1", "suedkurier", "DE", "de", "Erdbeben der Stärke 7,1 erschüttert Chile", {}, -1));
    EXPECT_NE(cluster_stories(in).stories[0].id, id);
}

TEST(Cluster, BadInputIsNotedAndNothingElseIsLost) {
    auto in = quake_in_three_languages();
    in[0].embedding = std::vector<float>(300, 0.1f);  // wrong size
    in[1].embedding = std::vector<float>(512, 0.0f);  // all zeros
    in[2].embedding = std::vector<float>(512, 0.1f);
    in[2].embedding[7] = std::nanf("");
    ClusterArticle empty = article("empty", "someoutlet", "FR", "fr", "");
    ClusterArticle anonymous = article("anon", "", "FR", "fr", "Un titre sans média");
    anonymous.outlet_id.clear();
    anonymous.outlet_domain.clear();
    ClusterArticle twin = in[0];
    twin.url += "?copy";
    in.push_back(empty);
    in.push_back(anonymous);
    in.push_back(twin);
    Clustering c = cluster_stories(in);
    // The quake is still found, through text.
    Ids quake = story_of(c, in, "es-1");
    EXPECT_TRUE(std::find(quake.begin(), quake.end(), "ja-1") != quake.end());
    auto noted = [&](const std::string& fragment) {
        return std::any_of(c.notes.begin(), c.notes.end(),
                           [&](const std::string& n) { return n.find(fragment) != std::string::npos; });
    };
    EXPECT_TRUE(noted("article en-1: embedding has 300 values, expected 512"));
    EXPECT_TRUE(noted("article es-1: embedding is all zeros"));
    EXPECT_TRUE(noted("article ja-1: embedding holds a value that is not a finite number"));
    EXPECT_TRUE(noted("article empty: no headline, description or embedding"));
    EXPECT_TRUE(noted("article anon: no outlet id or domain"));
    EXPECT_TRUE(noted("article id en-1 appears 2 times"));
    EXPECT_EQ(c.story_of.size(), in.size());
}

TEST(Cluster, HostileTextIsBoundedAndHarmless) {
    auto in = quake_in_three_languages();
    std::string huge;
    for (int i = 0; i < 100000; ++i) huge += "Chile \xff\xfe 7,1 \xe2\x80\xae";
    in.push_back(article("huge", "spam", "XX", "en", huge));
    in.push_back(article("ctl", "spam2", "XX", "zz-\x01", std::string("\x01\x02\x03", 3)));
    // Two copies of one story from outlets whose ids are not UTF-8.
    in.push_back(article("bad-\xff-1", "outlet-\xc3", "XX", "en", "Magnitude 7.1 earthquake strikes northern Chile"));
    in.push_back(article("bad-\xff-2", "outlet-\xfe", "XX", "en", "Magnitude 7.1 earthquake strikes northern Chile"));
    Clustering c = cluster_stories(in);
    EXPECT_EQ(c.story_of.size(), in.size());
    EXPECT_FALSE(story_of(c, in, "es-1").empty());
    std::string json = clustering_to_json(c, in);
    EXPECT_NE(json.find("bad-\xef\xbf\xbd-1"), std::string::npos);  // U+FFFD stands in for the bad byte
}

TEST(Cluster, EmptyInput) {
    Clustering c = cluster_stories({});
    EXPECT_TRUE(c.stories.empty());
    EXPECT_TRUE(c.story_of.empty());
    EXPECT_EQ(clustering_to_json(c, {}), "{\n \"notes\": [],\n \"stories\": [],\n \"unclustered\": 0\n}");
}
