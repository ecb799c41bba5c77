// What the reader says about a story's text: which fields were translated,
// by what and when, the original language, a disputed language, a licence.
#include <gtest/gtest.h>

#include "core/provenance.hpp"

using namespace ng;

namespace {

StorySummary spanish(std::vector<std::string> fields) {
    StorySummary s;
    s.headline = "The government approves the new law of house";
    s.original_headline = "El Gobierno aprueba la nueva ley de vivienda";
    s.language = "es";
    s.translation = Translation{"es", "apertium 3.8.3 spa-eng", {"2026-11-30T07:15:00Z", 1796022900}, std::move(fields)};
    return s;
}

}  // namespace

TEST(Provenance, OnlyTheListedFieldsAreTranslations) {
    StorySummary s = spanish({"headline"});
    EXPECT_TRUE(is_translated(s, "headline"));
    EXPECT_FALSE(is_translated(s, "summary"));
    EXPECT_FALSE(is_translated(s, "body"));
    // documents from before `fields`: the headline, the summary and the body
    StorySummary old = spanish({});
    for (const char* f : {"headline", "summary", "body"}) EXPECT_TRUE(is_translated(old, f)) << f;
    old.translation.reset();
    EXPECT_FALSE(is_translated(old, "headline"));
}

TEST(Provenance, TheLabelNamesLanguageTranslatorAndDate) {
    StorySummary s = spanish({"headline", "summary"});
    EXPECT_EQ(translation_label(s, true), "Translated from Spanish by apertium 3.8.3 spa-eng, 30 Nov 2026");
    EXPECT_EQ(translation_label(s, false), "Translated from Spanish by apertium 3.8.3 spa-eng");
    s.translation->by.clear();
    s.translation->at = {};
    EXPECT_EQ(translation_label(s, true), "Translated from Spanish");
    s.translation->from.clear();
    s.language.clear();
    EXPECT_EQ(translation_label(s, true), "Machine-translated");
    s.translation.reset();
    EXPECT_EQ(translation_label(s, true), "");
}

TEST(Provenance, UntranslatedHeadlinesSaySoAndCanBeOfferedToTheBrowser) {
    StorySummary s = spanish({"summary"});  // the headline's translation failed
    EXPECT_TRUE(headline_needs_translation(s));
    s.translation.reset();
    EXPECT_EQ(untranslated_note(s), "In Spanish, as published (not translated).");
    EXPECT_TRUE(headline_needs_translation(s));
    s.language = "en-GB";
    EXPECT_EQ(untranslated_note(s), "");
    EXPECT_FALSE(headline_needs_translation(s));
    s.language.clear();
    EXPECT_FALSE(headline_needs_translation(s)) << "unknown language: nothing to translate from";
    EXPECT_FALSE(headline_needs_translation(spanish({"headline"})));
}

TEST(Provenance, ADisputedLanguageGetsAQuietNote) {
    StorySummary s = spanish({"headline"});
    EXPECT_EQ(language_note(s), "");
    s.language_detected = "ca";
    EXPECT_EQ(language_note(s), "Declared Spanish, reads as Catalan.");
    s.language_detected = "es-419";
    EXPECT_EQ(language_note(s), "") << "the same language in another region";
}

TEST(Provenance, LicencesReadAsTheirCommonNames) {
    EXPECT_EQ(licence_label("CC-BY-4.0"), "CC BY 4.0");
    EXPECT_EQ(licence_label("CC-BY-SA-4.0"), "CC BY-SA 4.0");
    EXPECT_EQ(licence_label("CC0-1.0"), "CC0 1.0");
    EXPECT_EQ(licence_label("CC-BY"), "CC BY");
    EXPECT_EQ(licence_label("Public domain"), "Public domain");
    EXPECT_EQ(licence_label("CCA"), "CCA");
}

TEST(Provenance, ListMarkersTellTranslatedFromOriginal) {
    HeadlineMarker m = headline_marker(spanish({"headline", "summary"}));
    EXPECT_EQ(m.code, "ES");
    EXPECT_TRUE(m.translated);
    EXPECT_EQ(m.tooltip, "Headline translated from Spanish by apertium 3.8.3 spa-eng");
    StorySummary kept = spanish({});
    kept.translation.reset();
    kept.language = "pt-BR";
    m = headline_marker(kept);
    EXPECT_EQ(m.code, "PT");
    EXPECT_FALSE(m.translated);
    EXPECT_EQ(m.tooltip, "Headline in Portuguese, as published (not translated)");
    kept.language = "en";
    EXPECT_EQ(headline_marker(kept).code, "");
}
