// Language names for the reader's provenance line ("Translated from French").
#include <gtest/gtest.h>

#include "core/languages.hpp"

TEST(Languages, CodesBecomeEnglishNames) {
    EXPECT_EQ(ng::language_name("fr"), "French");
    EXPECT_EQ(ng::language_name("ja"), "Japanese");
    EXPECT_EQ(ng::language_name("fil"), "Filipino");
}

TEST(Languages, CaseAndRegionDoNotMatter) {
    EXPECT_EQ(ng::language_name("DE"), "German");
    EXPECT_EQ(ng::language_name("pt-BR"), "Portuguese");
    EXPECT_EQ(ng::language_name("zh_Hant"), "Chinese");
}

TEST(Languages, UnknownCodesAreShownAsCodesNeverAsNothing) {
    EXPECT_EQ(ng::language_name("xx"), "XX");
    EXPECT_EQ(ng::language_name("tlh"), "TLH");
    EXPECT_EQ(ng::language_name(""), "");
}
