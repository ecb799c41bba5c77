// Stories across borders in the viewer: the coverage map from the story
// document (or from the article's takes without one), the story view and
// its walk from country to country with the keyboard, opening a country's
// take and coming back, deep links and back/forward, and failures that
// keep the article. Also the browser's own translator, offered only when
// the browser has one and kept beside the original headline.
#include <gtest/gtest.h>

#include "viewer_harness.hpp"

using ng::Key;
using ng::Route;

namespace {

// COP-like story s-1 in four countries; Kenya's press gives it most attention.
const std::vector<Take> kMembers = {{"FR", "FR-1"}, {"KE", "KE-3"}, {"DE", "DE-9"}, {"JP", "JP-2"}};
const std::vector<std::string> kOrder = {"KE", "FR", "DE", "JP"};

void serve_story(ViewerHarness& h, bool with_document = true) {
    for (const Take& m : kMembers) {
        std::vector<Take> takes;
        for (const Take& o : kMembers)
            if (o.country != m.country) takes.push_back(o);
        h.serve(article_path(m.article_id), article_doc(m.article_id, m.country, takes, "s-1"));
    }
    if (with_document) h.serve(story_path("s-1"), story_doc("s-1", kMembers, kOrder));
}

std::vector<std::string> walk(const ng::Viewer& v) {
    std::vector<std::string> out;
    for (const ng::CoveringCountry& c : v.shown_story().countries) out.push_back(c.iso);
    return out;
}

std::string selected_iso(const ng::Viewer& v) {
    int i = v.globe().selected();
    return i < 0 ? "" : v.world().countries[size_t(i)].iso;
}

}  // namespace

TEST(ViewerStory, AnOpenArticleLightsTheCountriesOfItsStoryDocument) {
    ViewerHarness h;
    serve_story(h);
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    EXPECT_TRUE(h.was_requested(story_path("s-1"))) << "the article names its story";
    const ng::ShownStory& s = v.shown_story();
    EXPECT_TRUE(s.from_document);
    EXPECT_EQ(walk(v), kOrder) << "most attention first, as the document lists them";
    EXPECT_EQ(s.article_count(), 4);
    ASSERT_NE(v.coverage_of("JP"), nullptr);
    EXPECT_EQ(v.coverage_of("JP")->take()->id, "JP-2");
    EXPECT_EQ(v.coverage_of("IT"), nullptr);
    EXPECT_EQ(v.route(), (Route{Route::Article, "FR-1"}));
}

TEST(ViewerStory, TheStoryViewWalksItsCountriesWithTheKeysAndOpensATake) {
    ViewerHarness h;
    serve_story(h);
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    ASSERT_TRUE(v.open_story_view());
    h.frame();
    EXPECT_EQ(v.route(), (Route{Route::Story, "s-1"}));
    EXPECT_EQ(h.host.hash, "#/story/s-1");
    EXPECT_EQ(h.host.hash_writes.back().second, ng::HistoryEntry::Push);
    EXPECT_TRUE(v.article().empty()) << "the story view replaces the reader";
    EXPECT_EQ(v.story_focus(), "FR") << "the walk starts where the reader was";
    EXPECT_EQ(selected_iso(v), "FR");
    // → walks on: Germany, then Japan, the last; the globe turns to each
    v.key(Key::Right);
    h.frame();
    EXPECT_EQ(v.story_focus(), "DE");
    EXPECT_EQ(selected_iso(v), "DE");
    v.key(Key::Right);
    h.frame();
    EXPECT_EQ(v.story_focus(), "JP");
    EXPECT_EQ(selected_iso(v), "JP");
    EXPECT_FALSE(v.step_story(+1)) << "Japan is the last";
    EXPECT_TRUE(v.step_story(-3));
    EXPECT_EQ(v.story_focus(), "KE");
    size_t writes = h.host.hash_writes.size();
    EXPECT_EQ(h.host.hash, "#/story/s-1") << "walking does not fill the history";
    EXPECT_EQ(h.host.hash_writes.size(), writes);
    // Enter: Kenya's take in the reader
    ASSERT_TRUE(v.open_story_take());
    h.frame();
    EXPECT_EQ(v.route(), (Route{Route::Article, "KE-3"}));
    ASSERT_NE(v.loaded_article(), nullptr);
    EXPECT_EQ(selected_iso(v), "KE");
    // in a take opened from the story view, →/← walk the story's takes
    EXPECT_TRUE(v.walking_story());
    v.key(Key::Right);
    h.frame();
    EXPECT_EQ(v.article(), "FR-1");
    v.key(Key::Right);
    h.frame();
    EXPECT_EQ(v.article(), "DE-9");
    EXPECT_EQ(selected_iso(v), "DE");
    // Esc: back to the story view, at the country just read; Esc again: the article it was opened from
    v.close_top();
    h.frame();
    EXPECT_EQ(v.route(), (Route{Route::Story, "s-1"}));
    EXPECT_EQ(v.story_focus(), "DE");
    v.close_top();
    h.frame();
    EXPECT_EQ(v.route(), (Route{Route::Article, "FR-1"}));
    EXPECT_FALSE(v.walking_story()) << "the article itself pages its country's list again";
}

TEST(ViewerStory, PickingACountryInTheStoryViewOpensItsTake) {
    ViewerHarness h;
    serve_story(h);
    ng::Viewer& v = h.start("#/story/s-1");
    h.frame();
    EXPECT_EQ(v.story_focus(), "KE") << "a link starts the walk at the first country";
    EXPECT_EQ(selected_iso(v), "KE");
    ASSERT_TRUE(v.open_story_take("JP"));
    h.frame();
    EXPECT_EQ(v.article(), "JP-2");
    EXPECT_FALSE(v.open_story_take("IT")) << "Italy's press does not cover it";
    v.close_top();
    h.frame();
    EXPECT_EQ(v.route(), (Route{Route::Story, "s-1"}));
    v.close_top();  // opened from a link: nowhere to go back to but the globe
    EXPECT_EQ(v.route(), Route{});
}

TEST(ViewerStory, InTheStoryViewTheGlobeIsItsMap) {
    ViewerHarness h;
    serve_story(h);
    h.serve(stories_path("IT", 1), stories_doc("IT", 1, 1, {1}));
    ng::Viewer& v = h.start("#/story/s-1");
    h.frame();
    h.click_country("JP");  // a covering country: its take, as a step of the walk
    EXPECT_EQ(v.article(), "JP-2");
    EXPECT_TRUE(v.walking_story());
    v.close_top();
    h.frame();
    EXPECT_EQ(v.story_focus(), "JP");
    h.click_country("IT");  // silent on this story: Italy's own stories
    EXPECT_EQ(v.route(), (Route{Route::Country, "IT"}));
    EXPECT_TRUE(v.shown_story().countries.empty()) << "no story shown: the globe is the stories map again";
}

TEST(ViewerStory, DeepLinksAndBackForwardReachTheStoryView) {
    ViewerHarness h;
    serve_story(h);
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    h.host.hash = "#/story/s-1";  // an edited URL, or forward
    h.frame();
    EXPECT_EQ(v.story(), "s-1");
    EXPECT_EQ(v.shown_story().countries.size(), 4u);
    h.host.hash = "#/article/FR-1";  // back
    h.frame();
    EXPECT_TRUE(v.story().empty());
    EXPECT_EQ(v.article(), "FR-1");
    EXPECT_TRUE(h.host.hash_writes.empty()) << "following the URL never writes it";
}

TEST(ViewerStory, WithoutAStoryDocumentTheTakesLightTheGlobeAndCanBeWalked) {
    ViewerHarness h;
    serve_story(h, false);  // the story document is missing (404)
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    ASSERT_NE(v.loaded_article(), nullptr) << "a failed story document keeps the article";
    EXPECT_EQ(v.route(), (Route{Route::Article, "FR-1"}));
    ASSERT_NE(v.story_entry(), nullptr);
    EXPECT_FALSE(v.story_entry()->load.error.ok());
    const ng::ShownStory& s = v.shown_story();
    EXPECT_FALSE(s.from_document);
    EXPECT_EQ(walk(v), (std::vector<std::string>{"FR", "KE", "DE", "JP"})) << "the article's country, then its takes";
    // the story view still walks what the takes give, and says it could not load the rest
    ASSERT_TRUE(v.open_story_view());
    h.frame();
    EXPECT_EQ(v.story_focus(), "FR");
    EXPECT_TRUE(v.step_story(+1));
    EXPECT_EQ(v.story_focus(), "KE");
    // the document appears; "Try again" brings the whole story
    h.serve(story_path("s-1"), story_doc("s-1", kMembers, kOrder));
    v.retry_story();
    h.frame();
    EXPECT_TRUE(v.shown_story().from_document);
    EXPECT_EQ(walk(v), kOrder);
    EXPECT_EQ(v.story_focus(), "KE") << "the walk stays where it was";
}

TEST(ViewerStory, AnArticleWithoutAStoryHasNoStoryViewButItsTakesStillLight) {
    ViewerHarness h;
    h.serve(article_path("FR-1"), article_doc("FR-1", "FR", {{"DE", "DE-9"}, {"IT", ""}}));
    ng::Viewer& v = h.start("#/article/FR-1");
    h.frame();
    EXPECT_FALSE(v.open_story_view());
    EXPECT_EQ(v.route(), (Route{Route::Article, "FR-1"}));
    for (const std::string& url : h.requested()) EXPECT_EQ(url.find("/stories/"), std::string::npos) << url;
    EXPECT_EQ(walk(v), (std::vector<std::string>{"FR", "DE", "IT"}));
    EXPECT_EQ(v.coverage_of("IT")->take(), nullptr) << "Italy's take has no article of ours";
    v.key(Key::Right);  // no walk: the reader pages its country's list (there is none here)
    EXPECT_EQ(v.article(), "FR-1");
}

TEST(ViewerStory, ALockedViewerHasNoStoryView) {
    ViewerHarness h;
    serve_story(h);
    h.serve(stories_path("FR", 1), stories_doc("FR", 1, 1, {1}));
    ng::Viewer& v = h.start("#/country/FR", "?locked=1", true);
    h.frame();
    v.navigate({Route::Article, "FR-1"});
    h.frame();
    EXPECT_FALSE(v.open_story_view()) << "a story spans other countries";
    EXPECT_EQ(v.article(), "FR-1");
}

// ---- the browser's own translator ----------------------------------------------------

namespace {

std::string spanish_article(const std::string& id, bool translated) {
    nlohmann::json a = nlohmann::json::parse(article_doc(id, "ES"));
    a["headline"] = translated ? "The government approves the housing law" : "El Gobierno aprueba la ley de vivienda";
    a["language"] = "es";
    if (translated)
        a["translation"] = {{"from", "es"}, {"by", "apertium 3.8.3 spa-eng"}, {"fields", {"headline"}}};
    return a.dump();
}

}  // namespace

TEST(ViewerBrowserTranslation, NoTranslatorInTheBrowserNoOffer) {
    ViewerHarness h;
    h.serve(article_path("ES-1"), spanish_article("ES-1", false));
    ng::Viewer& v = h.start("#/article/ES-1");
    h.frame();
    EXPECT_TRUE(h.host.translator_checks.empty());
    EXPECT_FALSE(v.browser_translation_offered());
    v.translate_with_browser();
    EXPECT_TRUE(h.host.translations.empty());
}

TEST(ViewerBrowserTranslation, AnUntranslatedHeadlineIsTranslatedOnRequestBesideTheOriginal) {
    ViewerHarness h;
    h.host.translator = true;
    h.serve(article_path("ES-1"), spanish_article("ES-1", false));
    ng::Viewer& v = h.start("#/article/ES-1");
    h.frame();
    ASSERT_EQ(h.host.translator_checks, (std::vector<std::string>{"es"}));
    EXPECT_FALSE(v.browser_translation_offered()) << "not before the browser said it can";
    v.browser_translator_answered("es", true);
    EXPECT_TRUE(v.browser_translation_offered());
    EXPECT_EQ(v.browser_translation(), nullptr) << "nothing is translated until the reader asks";
    v.translate_with_browser();
    v.translate_with_browser();  // a second press while it works asks nothing more
    ASSERT_EQ(h.host.translations.size(), 1u);
    EXPECT_EQ(h.host.translations[0].from, "es");
    EXPECT_EQ(h.host.translations[0].text, "El Gobierno aprueba la ley de vivienda");
    ASSERT_NE(v.browser_translation(), nullptr);
    EXPECT_EQ(v.browser_translation()->state, ng::BrowserTranslation::Translating);
    v.browser_translated(h.host.translations[0].request, true, "The Government approves the\nhousing law");
    EXPECT_EQ(v.browser_translation()->state, ng::BrowserTranslation::Done);
    EXPECT_EQ(v.browser_translation()->text, "The Government approves the housing law");
    EXPECT_EQ(v.loaded_article()->headline, "El Gobierno aprueba la ley de vivienda") << "the original stays the headline";
    h.frame();
    EXPECT_EQ(h.host.translator_checks.size(), 1u) << "one question per language";
}

TEST(ViewerBrowserTranslation, AFailureCanBeRetriedAndStrayAnswersAreIgnored) {
    ViewerHarness h;
    h.host.translator = true;
    h.serve(article_path("ES-1"), spanish_article("ES-1", false));
    ng::Viewer& v = h.start("#/article/ES-1");
    h.frame();
    v.browser_translator_answered("es", true);
    v.translate_with_browser();
    v.browser_translated(999, true, "stray");  // no such request
    EXPECT_EQ(v.browser_translation()->state, ng::BrowserTranslation::Translating);
    v.browser_translated(h.host.translations[0].request, false, "");
    EXPECT_EQ(v.browser_translation()->state, ng::BrowserTranslation::Failed);
    EXPECT_FALSE(v.browser_translation()->text.empty());
    v.translate_with_browser();
    EXPECT_EQ(h.host.translations.size(), 2u);
}

TEST(ViewerBrowserTranslation, TranslatedOrUnsupportedHeadlinesGetNoOffer) {
    ViewerHarness h;
    h.host.translator = true;
    h.serve(article_path("ES-1"), spanish_article("ES-1", true));
    h.serve(article_path("ES-2"), spanish_article("ES-2", false));
    ng::Viewer& v = h.start("#/article/ES-1");
    h.frame();
    EXPECT_TRUE(h.host.translator_checks.empty()) << "the API translated it already";
    EXPECT_FALSE(v.browser_translation_offered());
    v.navigate({Route::Article, "ES-2"});
    h.frame();
    ASSERT_EQ(h.host.translator_checks.size(), 1u);
    v.browser_translator_answered("es", false);  // no Spanish model in this browser
    EXPECT_FALSE(v.browser_translation_offered());
}
