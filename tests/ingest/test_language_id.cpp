#include <gtest/gtest.h>

#include "language_id.hpp"

using namespace ingest;

TEST(DetectLanguage, HeadlineAndDescriptionOfMajorLanguages) {
    struct Case {
        const char* text;
        const char* language;
    } cases[] = {
        {"Le gouvernement présente son budget pour l'année prochaine. Les syndicats appellent à la grève.", "fr"},
        {"Die Regierung legt den Haushalt für das kommende Jahr vor. Die Gewerkschaften rufen zum Streik auf.", "de"},
        {"El gobierno presenta su presupuesto para el próximo año. Los sindicatos convocan una huelga.", "es"},
        {"Правительство представило бюджет на следующий год. Профсоюзы призвали к забастовке.", "ru"},
        {"政府は来年度の予算案を発表した。労働組合はストライキを呼びかけている。", "ja"},
        {"政府公布了明年的预算草案，工会呼吁举行罢工，反对削减公共开支。", "zh-Hans"},
        {"政府公佈了明年的預算草案，工會呼籲舉行罷工，反對削減公共開支。", "zh-Hant"},
        {"הממשלה הציגה את התקציב לשנה הבאה. האיגודים קוראים לשביתה כללית.", "he"},
        {"Serikali imewasilisha bajeti ya mwaka ujao. Vyama vya wafanyakazi vinataka mgomo.", "sw"},
    };
    for (const Case& c : cases) {
        LanguageGuess g = detect_language(c.text);
        EXPECT_EQ(g.language, c.language) << c.text;
        EXPECT_TRUE(g.reliable) << c.text;
        EXPECT_GT(g.percent, 50) << c.text;
    }
}

TEST(DetectLanguage, UsesCld2sFullTables) {
    // Amharic and Kinyarwanda are only in the full tables (libcld2_full).
    EXPECT_EQ(detect_language("የኢትዮጵያ መንግሥት አዲስ የኢኮኖሚ ፖሊሲ ይፋ አደረገ ብሏል ዛሬ በአዲስ አበባ").language, "am");
    EXPECT_EQ(detect_language("Inama y'abaminisitiri yemeje ingengo y'imari nshya y'umwaka utaha, izibanda ku buhinzi "
                              "n'uburezi.")
                  .language,
              "rw");
}

TEST(DetectLanguage, HintsTipCloseCalls) {
    // Serbo-Croatian standards are close; the declared language or the domain decides.
    const char* text = "Vlada je usvojila novi zakon o budžetu za narednu godinu.";
    EXPECT_TRUE(languages_match("hr", detect_language(text, "hr").language));
    EXPECT_TRUE(languages_match("sr", detect_language(text, "index.rs").language));
    EXPECT_EQ(detect_language("Le gouvernement présente son budget.", ".fr").language, "fr");
}

TEST(DetectLanguage, UnknownWhenItCannotTell) {
    EXPECT_EQ(detect_language("").language, "");
    EXPECT_EQ(detect_language("12345 67890 !!! ???").language, "");
    EXPECT_EQ(detect_language("invalid \xC3\x28 utf-8").language, "");
    EXPECT_FALSE(detect_language("OK").reliable);
}

TEST(NormalizeLanguageTag, WhatFeedsAndTheOutletListSay) {
    EXPECT_EQ(normalize_language_tag("en-us"), "en-US");
    EXPECT_EQ(normalize_language_tag("EN_us"), "en-US");
    EXPECT_EQ(normalize_language_tag(" en-US.UTF-8 "), "en-US");
    EXPECT_EQ(normalize_language_tag("de_DE@euro"), "de-DE");
    EXPECT_EQ(normalize_language_tag("en-uk"), "en-GB");
    EXPECT_EQ(normalize_language_tag("pt-BR"), "pt-BR");
    EXPECT_EQ(normalize_language_tag("es-419"), "es-419");
    EXPECT_EQ(normalize_language_tag("fr"), "fr");
    // From ../shared/data/country_feeds.json.
    EXPECT_EQ(normalize_language_tag("gr"), "el");
    EXPECT_EQ(normalize_language_tag("arq"), "ar");
    EXPECT_EQ(normalize_language_tag("cnr"), "sr-ME");
    EXPECT_EQ(normalize_language_tag("sq-XK"), "sq");
    EXPECT_EQ(normalize_language_tag("zh-Hans"), "zh-Hans");
    EXPECT_EQ(normalize_language_tag("zh-Hant"), "zh-Hant");
    EXPECT_EQ(normalize_language_tag("rw"), "rw");
}

TEST(NormalizeLanguageTag, ScriptsRegionsAndOldCodes) {
    EXPECT_EQ(normalize_language_tag("zh-CN"), "zh-Hans");
    EXPECT_EQ(normalize_language_tag("zh-tw"), "zh-Hant");
    EXPECT_EQ(normalize_language_tag("zh-HK"), "zh-Hant");
    EXPECT_EQ(normalize_language_tag("zh-hant-tw"), "zh-Hant");
    EXPECT_EQ(normalize_language_tag("zh"), "zh");
    EXPECT_EQ(normalize_language_tag("sr-Latn-RS"), "sr-Latn");
    EXPECT_EQ(normalize_language_tag("en-US-x-private"), "en-US");
    EXPECT_EQ(normalize_language_tag("fra"), "fr");
    EXPECT_EQ(normalize_language_tag("ger"), "de");
    EXPECT_EQ(normalize_language_tag("zho"), "zh");
    EXPECT_EQ(normalize_language_tag("fil"), "tl");
    EXPECT_EQ(normalize_language_tag("yue"), "yue");  // no ISO 639-1 code: kept
    EXPECT_EQ(normalize_language_tag("iw"), "he");
    EXPECT_EQ(normalize_language_tag("in"), "id");
    EXPECT_EQ(normalize_language_tag("jp"), "ja");
    EXPECT_EQ(normalize_language_tag("ary"), "ar");
    EXPECT_EQ(normalize_language_tag("English"), "en");
    EXPECT_EQ(normalize_language_tag("french"), "fr");
    for (const char* bad : {"", "x", "12", "e n", "en--US", "toolongprimary", "Klingon", "en-", "-en", "é"})
        EXPECT_EQ(normalize_language_tag(bad), "") << bad;
}

TEST(LanguagesMatch, SameLanguageOrOneCld2CannotSplit) {
    EXPECT_TRUE(languages_match("pt-BR", "pt"));
    EXPECT_TRUE(languages_match("zh-Hant", "zh-Hans"));
    EXPECT_TRUE(languages_match("cnr", "sr"));
    EXPECT_TRUE(languages_match("sr", "hr"));
    EXPECT_TRUE(languages_match("bs", "sr-ME"));
    EXPECT_TRUE(languages_match("no", "da"));
    EXPECT_TRUE(languages_match("ms", "id"));
    EXPECT_TRUE(languages_match("gr", "el"));
    EXPECT_TRUE(languages_match("fr", ""));  // nothing detected: nothing to disagree with
    EXPECT_FALSE(languages_match("fr", "en"));
    EXPECT_FALSE(languages_match("ar", "fr"));
    EXPECT_FALSE(languages_match("uk", "ru"));
}
