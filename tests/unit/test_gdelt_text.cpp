#include <gtest/gtest.h>

#include "core/gdelt_text.hpp"

using ng::detokenize_gdelt_title;

TEST(GdeltText, PunctuationAttachesAsWritten) {
    // The forms ../shared/REAL_DATA.md records.
    EXPECT_EQ(detokenize_gdelt_title("\xC2\xBF Qu\xC3\xA9 ofrece el nuevo plan a M\xC3\xA9xico ? "),
              "\xC2\xBFQu\xC3\xA9 ofrece el nuevo plan a M\xC3\xA9xico?");
    EXPECT_EQ(detokenize_gdelt_title("Sen . Klobuchar says no"), "Sen. Klobuchar says no");
    EXPECT_EQ(detokenize_gdelt_title("Deaths rise to 6 , 438 in the region"), "Deaths rise to 6,438 in the region");
    EXPECT_EQ(detokenize_gdelt_title("\xC2\xA1 Gol ! Spain wins ( again )"), "\xC2\xA1Gol! Spain wins (again)");
    EXPECT_EQ(detokenize_gdelt_title("Budget : what changes ; what stays"), "Budget: what changes; what stays");
    EXPECT_EQ(detokenize_gdelt_title("Wait \xE2\x80\xA6 what ?!"), "Wait\xE2\x80\xA6 what?!");
    // Commas between numbers that are not thousands stay separated.
    EXPECT_EQ(detokenize_gdelt_title("In 2026 , 12 died"), "In 2026, 12 died");
}

TEST(GdeltText, DeletedApostrophesComeBack) {
    EXPECT_EQ(detokenize_gdelt_title("l  estate di Roma"), "l\xE2\x80\x99" "estate di Roma");
    EXPECT_EQ(detokenize_gdelt_title("Biden  s plan and Macron  s answer"),
              "Biden\xE2\x80\x99s plan and Macron\xE2\x80\x99s answer");
    EXPECT_EQ(detokenize_gdelt_title("We  re ready , they don  t agree"),
              "We\xE2\x80\x99re ready, they don\xE2\x80\x99t agree");
    EXPECT_EQ(detokenize_gdelt_title("Qu  il parte ; L  Italia dell  anno"),
              "Qu\xE2\x80\x99il parte; L\xE2\x80\x99Italia dell\xE2\x80\x99" "anno");
    // An apostrophe GDELT kept as a token.
    EXPECT_EQ(detokenize_gdelt_title("Biden ' s plan"), "Biden\xE2\x80\x99s plan");
    // Elisions only before a vowel or h; a deleted quote mark is just a space.
    EXPECT_EQ(detokenize_gdelt_title("un  problema serio"), "un problema serio");
    EXPECT_EQ(detokenize_gdelt_title("Minister says  no deal  today"), "Minister says no deal today");
}

TEST(GdeltText, LeavesOrdinaryTitlesAlone) {
    EXPECT_EQ(detokenize_gdelt_title("Rail strike talks resume as unions weigh offer"),
              "Rail strike talks resume as unions weigh offer");
    EXPECT_EQ(detokenize_gdelt_title("Ffermwyr yn galw am gymorth wedi'r llifogydd"),
              "Ffermwyr yn galw am gymorth wedi'r llifogydd");
    EXPECT_EQ(detokenize_gdelt_title("  "), "");
    EXPECT_EQ(detokenize_gdelt_title(""), "");
    EXPECT_EQ(detokenize_gdelt_title("' leading apostrophe"), "' leading apostrophe");
}
