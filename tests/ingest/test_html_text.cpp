#include <gtest/gtest.h>

#include "html_text.hpp"

using namespace ingest;

// ---- character references -----------------------------------------------------

TEST(HtmlEntities, NamedNumericAndLegacyReferences) {
    EXPECT_EQ(decode_html_entities("caf&eacute; &amp; cr&egrave;me"), "café & crème");
    EXPECT_EQ(decode_html_entities("&#8217;&#x2014;&#X201c;"), "\u2019\u2014\u201C");
    EXPECT_EQ(decode_html_entities("&lt;b&gt; &quot;q&quot; &apos;a&apos;"), "<b> \"q\" 'a'");
    EXPECT_EQ(decode_html_entities("&nbsp;&hellip;&euro;&trade;&copy;"), "\u00A0\u2026\u20AC\u2122\u00A9");
    // Central European names and HTML5 punctuation names.
    EXPECT_EQ(decode_html_entities("&Lstrok;&oacute;d&zacute; &scaron;&ccaron; &excl;&quest;&lpar;&rpar;"),
              "Łódź šč !?()");
    // Without ';': numeric ones and the legacy names, but only as whole words.
    EXPECT_EQ(decode_html_entities("&#39s &amp more"), "'s & more");
    EXPECT_EQ(decode_html_entities("AT&T &bogus; & alone &#; &"), "AT&T &bogus; & alone &#; &");
}

TEST(HtmlEntities, NumericReferencesToTheC1RangeAreWindows1252) {
    // CMSs that worked in windows-1252 write &#146; for an apostrophe; browsers show ’.
    EXPECT_EQ(decode_html_entities("don&#146;t &#147;quote&#148; &#150; &#128;5"),
              "don\u2019t \u201Cquote\u201D \u2013 \u20AC5");
    EXPECT_EQ(decode_html_entities("&#0;&#xD800;&#1114112;&#99999999999;"), "\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(HtmlEntities, EveryHtml4NameIsKnown) {
    for (const char* name :
         {"nbsp",     "yuml",   "Agrave", "thorn",  "OElig",  "Scaron", "fnof",   "Alpha",  "omega",  "sigmaf",
          "thetasym", "bull",   "hellip", "prime",  "oline",  "frasl",  "weierp", "image",  "real",   "trade",
          "alefsym",  "larr",   "hArr",   "forall", "part",   "exist",  "empty",  "nabla",  "isin",   "notin",
          "ni",       "prod",   "sum",    "minus",  "lowast", "radic",  "prop",   "infin",  "ang",    "and",
          "or",       "cap",    "cup",    "int",    "there4", "sim",    "cong",   "asymp",  "ne",     "equiv",
          "le",       "ge",     "sub",    "sup",    "nsub",   "sube",   "supe",   "oplus",  "otimes", "perp",
          "sdot",     "lceil",  "rceil",  "lfloor", "rfloor", "lang",   "rang",   "loz",    "spades", "clubs",
          "hearts",   "diams",  "ensp",   "emsp",   "thinsp", "zwnj",   "zwj",    "lrm",    "rlm",    "ndash",
          "mdash",    "lsquo",  "rsquo",  "sbquo",  "ldquo",  "rdquo",  "bdquo",  "dagger", "Dagger", "permil",
          "lsaquo",   "rsaquo", "euro",   "circ",   "tilde",  "quot",   "amp",    "lt",     "gt",     "apos"})
        EXPECT_NE(html_entity_code_point(name), 0u) << name;
    EXPECT_EQ(html_entity_code_point("eacute"), 0xE9u);
    EXPECT_EQ(html_entity_code_point("Eacute"), 0xC9u);  // names are case-sensitive
    EXPECT_EQ(html_entity_code_point("EACUTE"), 0u);
    EXPECT_EQ(html_entity_code_point("zcaron"), 0x17Eu);
}

// ---- HTML to text ----------------------------------------------------------------

TEST(HtmlToText, RemovesTagsAndDropsScriptsAndStyles) {
    EXPECT_EQ(html_to_text("<p>Rain <b>returns</b> to <a href=\"/x\">Lagos</a>.</p>", 1000), "Rain returns to Lagos.");
    EXPECT_EQ(html_to_text("Before<script>alert('x<p>')</script> after<style>p{color:red}</style>!", 1000),
              "Before after!");
    EXPECT_EQ(html_to_text("A<!-- a comment <b> -->B<noscript><img src=x></noscript>C", 1000), "ABC");
    EXPECT_EQ(html_to_text("<div>One</div><div>Two</div>", 1000), "One Two");  // blocks never glue words
    EXPECT_EQ(html_to_text("Line<br>break<br/>here", 1000), "Line break here");
}

TEST(HtmlToText, KeepsTextThatOnlyLooksLikeMarkup) {
    EXPECT_EQ(html_to_text("5 < 6 and 7 > 3", 1000), "5 < 6 and 7 > 3");
    EXPECT_EQ(html_to_text("a <3 b", 1000), "a <3 b");
    EXPECT_EQ(html_to_text("unclosed <b tag", 1000), "unclosed <b tag");
    EXPECT_EQ(html_to_text("<img alt=\"x > y\" src=\"a.jpg\">after", 1000), "after");  // '>' inside quotes
}

TEST(HtmlToText, UnescapesMarkupThatArrivedEscaped) {
    // What the XML parser hands over for <description>&lt;p&gt;…</description>.
    EXPECT_EQ(html_to_text("&lt;p&gt;Markets rose for a &lt;b&gt;third&lt;/b&gt; session.&lt;/p&gt;", 1000),
              "Markets rose for a third session.");
    // And for &amp;lt;p&amp;gt; (escaped twice in the feed).
    EXPECT_EQ(html_to_text("&amp;lt;p&amp;gt;Twice &amp;amp; more&amp;lt;/p&amp;gt;", 1000), "Twice & more");
    // References escaped twice: "&amp;eacute;" reaches us as "&eacute;" after XML, or as "&amp;eacute;".
    EXPECT_EQ(html_to_text("Tom &amp;amp; Jerry &amp;#8217;s caf&amp;eacute;", 1000), "Tom & Jerry \u2019s café");
    // A real tag means the escaped one is meant as text.
    EXPECT_EQ(html_to_text("<p>Write &lt;b&gt; for bold</p>", 1000), "Write <b> for bold");
    // CDATA markers that survived escaping.
    EXPECT_EQ(html_to_text("&lt;![CDATA[&lt;p&gt;Inner&lt;/p&gt;]]&gt;", 1000), "Inner");
}

TEST(PlainToText, DecodesReferencesButKeepsAngleBrackets) {
    EXPECT_EQ(plain_to_text("Tom &amp;amp; Jerry <b>not a tag</b>", 1000), "Tom & Jerry <b>not a tag</b>");
    EXPECT_EQ(plain_to_text("don\u0092t", 1000), "don\u2019t");
}

TEST(HtmlToText, CleansAndCutsWithTheCoreRules) {
    EXPECT_EQ(html_to_text("  spaced\t\n  out\u00A0text  ", 1000), "spaced out text");
    EXPECT_EQ(html_to_text("bidi\u202Eoverride", 1000), "bidioverride");
    std::string cut = html_to_text("<p>" + std::string(300, 'x') + "</p>", 100);
    EXPECT_LE(cut.size(), 100u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "\u2026");
    EXPECT_EQ(html_to_text("C1 from XML: don\u0092t", 1000), "C1 from XML: don\u2019t");
}

TEST(HtmlToParagraphs, BlockElementsSeparateParagraphs) {
    std::vector<std::string> p = html_to_paragraphs(
        "<figure><img src=\"a.jpg\"><figcaption>Caption</figcaption></figure><p>First <em>one</em>.</p>"
        "<script>x()</script><h2>Heading</h2><ul><li>Item A</li><li>Item B</li></ul><p> </p>Tail text",
        1000);
    ASSERT_EQ(p.size(), 6u);
    EXPECT_EQ(p[0], "Caption");
    EXPECT_EQ(p[1], "First one.");
    EXPECT_EQ(p[2], "Heading");
    EXPECT_EQ(p[3], "Item A");
    EXPECT_EQ(p[5], "Tail text");
    EXPECT_EQ(html_to_paragraphs("<p>a</p><p>b</p><p>c</p>", 1000, 2).size(), 2u);
}

TEST(HtmlToParagraphs, HostileInputStaysFast) {
    // '<' after '<' with unclosed quotes: linear, not quadratic, and text.
    std::string hostile;
    for (int i = 0; i < 20000; ++i) hostile += "<a \"";
    std::vector<std::string> p = html_to_paragraphs(hostile, 1000);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].substr(0, 8), "<a \"<a \"");
    std::string entities(200000, '&');
    EXPECT_EQ(html_to_text(entities, 10).size(), 10u - 3 + 3);  // cut with "…"
}

TEST(FirstImageSource, FindsTheFirstImg) {
    EXPECT_EQ(first_image_source("<p>x</p><img width=1 src='/a.jpg?x=1&amp;y=2'><img src=\"b.jpg\">"),
              "/a.jpg?x=1&y=2");
    EXPECT_EQ(first_image_source("&lt;img src=&quot;https://x.example/e.png&quot;&gt;"), "https://x.example/e.png");
    EXPECT_EQ(first_image_source("<IMG SRC=\"upper.jpg\">"), "upper.jpg");
    EXPECT_EQ(first_image_source("no images here"), "");
    EXPECT_EQ(first_image_source("<img alt=\"no source\">"), "");
}

// ---- short extracts ------------------------------------------------------------------

TEST(ShortExtract, TakesOneOrTwoSentences) {
    std::string text = "The council met on Monday. It approved the budget. A vote on taxes follows next week.";
    EXPECT_EQ(short_extract(text), "The council met on Monday. It approved the budget.");
    EXPECT_EQ(short_extract(text, 1), "The council met on Monday.");
    EXPECT_EQ(short_extract("Only one sentence without a full stop"), "Only one sentence without a full stop");
    EXPECT_EQ(short_extract("Is it over? \"Not yet,\" she said. More follows."), "Is it over? \"Not yet,\" she said.");
    EXPECT_EQ(short_extract(""), "");
}

TEST(ShortExtract, AbbreviationsNumbersAndInitialsDoNotEndSentences) {
    EXPECT_EQ(short_extract("Mr. Smith met Dr. Jones in the U.S. capital. They talked. Then left.", 2),
              "Mr. Smith met Dr. Jones in the U.S. capital. They talked.");
    EXPECT_EQ(short_extract("Growth was 2.5 per cent. J. K. Example said so. More.", 2),
              "Growth was 2.5 per cent. J. K. Example said so.");
    EXPECT_EQ(short_extract("Am 25. November beginnt die Messe. Sie dauert drei Tage. Mehr.", 2),
              "Am 25. November beginnt die Messe. Sie dauert drei Tage.");
    EXPECT_EQ(short_extract("See art. 15 of the law. It matters.", 1), "See art. 15 of the law.");
}

TEST(ShortExtract, ScriptsWithTheirOwnFullStops) {
    EXPECT_EQ(short_extract("東京で初雪。平年より早い。気象庁が発表した。", 2), "東京で初雪。平年より早い。");
    EXPECT_EQ(short_extract("هل انتهى؟ لا بعد. المزيد.", 1), "هل انتهى؟");
    EXPECT_EQ(short_extract("भारत ने मैच जीता। दर्शक खुश थे। और।", 1), "भारत ने मैच जीता।");
}

TEST(ShortExtract, NeverCutsInsideAWord) {
    std::string long_sentence = "The committee examined " + std::string(40, 'a') + " proposals about transport, " +
                                "housing and the environment before adjourning for the winter recess today.";
    std::string e = short_extract(long_sentence, 2, 80);
    EXPECT_LE(e.size(), 80u);
    EXPECT_EQ(e.substr(e.size() - 3), "\u2026");
    std::string before = e.substr(0, e.size() - 3);
    EXPECT_EQ(long_sentence.compare(0, before.size(), before), 0);
    EXPECT_TRUE(long_sentence[before.size()] == ' ' || long_sentence[before.size()] == ',');
    // Text without spaces is cut at a character boundary, never inside one.
    std::string cjk;
    for (int i = 0; i < 60; ++i) cjk += "漢";
    std::string c = short_extract(cjk, 2, 50);
    EXPECT_LE(c.size(), 50u);
    EXPECT_EQ(c.size() % 3, 0u);
    // Two sentences that do not fit fall back to one.
    EXPECT_EQ(short_extract("Short one. Then " + std::string(100, 'b') + ".", 2, 60), "Short one.");
}

TEST(ShortExtract, TheFeedsOwnCutIsNotASentence) {
    EXPECT_EQ(short_extract("A full sentence here. And a fragment that the feed cut [\u2026]"),
              "A full sentence here.");
    EXPECT_EQ(short_extract("A full sentence here. And a fragment that the feed cut..."), "A full sentence here.");
    EXPECT_EQ(short_extract("Only a fragment the feed cut [...]"), "Only a fragment the feed cut\u2026");
}
