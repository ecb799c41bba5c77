#include <gtest/gtest.h>

#include "html_text.hpp"

using namespace ingest;

TEST(HtmlText, Smoke) { EXPECT_EQ(html_to_text("<p>caf&eacute;</p>", 100), "café"); }
