#include <gtest/gtest.h>

#include "text_encoding.hpp"

using namespace ingest;

namespace {

const std::string kRussianCp1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";  // "Привет"
const std::string kRussianKoi8 = "\xF0\xD2\xC9\xD7\xC5\xD4";    // "Привет"
const std::string kRussianUtf8 = "\u041f\u0440\u0438\u0432\u0435\u0442";

std::string doc(const std::string& declaration, const std::string& body) {
    return "<?xml version=\"1.0\"" + declaration + "?><rss><t>" + body + "</t></rss>";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(TextEncoding, ReadsLabels) {
    EXPECT_EQ(charset_from_content_type("application/rss+xml; charset=KOI8-R"), "koi8-r");
    EXPECT_EQ(charset_from_content_type("text/xml;charset=\"windows-1251\""), "windows-1251");
    EXPECT_EQ(charset_from_content_type("text/xml; format=flowed; Charset = 'utf-8' "), "utf-8");
    EXPECT_EQ(charset_from_content_type("text/xml; mycharset=utf-8"), "");
    EXPECT_EQ(charset_from_content_type("text/xml"), "");
    EXPECT_EQ(charset_from_xml_declaration("<?xml version='1.0' encoding='Shift_JIS'?><rss/>"), "shift_jis");
    EXPECT_EQ(charset_from_xml_declaration("\xEF\xBB\xBF <?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "utf-8");
    EXPECT_EQ(charset_from_xml_declaration("<?xml version=\"1.0\"?><rss/>"), "");
    EXPECT_EQ(charset_from_xml_declaration("<rss encoding=\"x\"/>"), "");
}

TEST(TextEncoding, ValidUtf8) {
    EXPECT_TRUE(is_valid_utf8("plain ascii, long enough to take the eight-byte path"));
    EXPECT_TRUE(is_valid_utf8(kRussianUtf8 + "\U0001F600"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));       // cut off
}

TEST(TextEncoding, HttpCharsetBeatsTheXmlDeclaration) {
    DecodedText d = decode_xml_text(doc(" encoding=\"windows-1251\"", kRussianKoi8), "text/xml; charset=koi8-r", "");
    EXPECT_EQ(d.charset, "KOI8-R");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
}

TEST(TextEncoding, TheDeclarationWhenTheServerSaysNothing) {
    DecodedText d = decode_xml_text(doc(" encoding=\"windows-1251\"", kRussianCp1251), "text/xml", "");
    EXPECT_EQ(d.charset, "windows-1251");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
    EXPECT_TRUE(d.notes.empty());
}

TEST(TextEncoding, AByteOrderMarkBeatsEverything) {
    DecodedText d = decode_xml_text("\xEF\xBB\xBF" + doc(" encoding=\"windows-1251\"", kRussianUtf8),
                                    "text/xml; charset=koi8-r", "");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
    EXPECT_EQ(d.utf8.substr(0, 5), "<?xml");  // the mark itself is gone
    ASSERT_EQ(d.notes.size(), 1u);

    std::string utf16be = std::string("\xFE\xFF\x00<\x00r\x00/\x00>", 10);
    EXPECT_EQ(decode_xml_text(utf16be, "", "").utf8, "<r/>");
    std::string bomless_utf16le = std::string("<\x00?\x00x\x00m\x00l\x00?\x00>\x00", 14);
    DecodedText le = decode_xml_text(bomless_utf16le, "", "");
    EXPECT_EQ(le.charset, "UTF-16LE");
    EXPECT_EQ(le.utf8, "<?xml?>");
}

TEST(TextEncoding, ValidUtf8IsUtf8WhateverTheLabelSays) {
    DecodedText d = decode_xml_text(doc(" encoding=\"UTF-8\"", kRussianUtf8), "text/xml; charset=ISO-8859-1", "");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0], "The feed is labelled iso-8859-1 but is UTF-8; it was read as UTF-8.");
}

TEST(TextEncoding, Utf8LabelOnOtherBytesFallsBack) {
    // To the next label given...
    DecodedText d = decode_xml_text(doc(" encoding=\"windows-1251\"", kRussianCp1251), "text/xml; charset=utf-8", "");
    EXPECT_EQ(d.charset, "windows-1251");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
    // ...else to what browsers assume for the domain...
    d = decode_xml_text(doc(" encoding=\"utf-8\"", kRussianCp1251), "", "https://gazeta.example.ru/rss");
    EXPECT_EQ(d.charset, "windows-1251");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
    d = decode_xml_text(doc("", "caf\xE9 \x93quoted\x94"), "", "https://journal.example.fr/rss");
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_TRUE(contains(d.utf8, "caf\u00e9 \u201cquoted\u201d"));
    EXPECT_EQ(d.notes[0], "The feed names no character set and is not UTF-8; it was read as windows-1252.");
    // ...unless it is UTF-8 with a stray broken byte: then only that byte is lost.
    d = decode_xml_text(doc(" encoding=\"utf-8\"", kRussianUtf8 + " \xFF " + kRussianUtf8), "",
                        "https://x.example.ru/");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_EQ(d.replaced, 1u);
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8 + " \uFFFD " + kRussianUtf8));
}

TEST(TextEncoding, WhatwgAliasesAndMultiByteCharsets) {
    std::string out;
    size_t replaced = 0;
    ASSERT_TRUE(convert_to_utf8("\x92", "ISO-8859-1", out, replaced));  // read as windows-1252
    EXPECT_EQ(out, "\u2019");
    ASSERT_TRUE(convert_to_utf8("\x93\xFA\x96\x7B", "Shift_JIS", out, replaced));
    EXPECT_EQ(out, "\u65e5\u672c");
    ASSERT_TRUE(convert_to_utf8("\xD6\xD0\xCE\xC4", "gb2312", out, replaced));
    EXPECT_EQ(out, "\u4e2d\u6587");
    ASSERT_TRUE(convert_to_utf8("\xA4\xA4\xA4\xE5", "big5", out, replaced));
    EXPECT_EQ(out, "\u4e2d\u6587");
    ASSERT_TRUE(convert_to_utf8("\xC7\xD1\xB1\xB9", "euc-kr", out, replaced));
    EXPECT_EQ(out, "\ud55c\uad6d");
    ASSERT_TRUE(convert_to_utf8("\xA4\xB3\xA4\xF3", "EUC-JP", out, replaced));
    EXPECT_EQ(out, "\u3053\u3093");
    ASSERT_TRUE(convert_to_utf8("\x1B$B$3$s\x1B(B!", "iso-2022-jp", out, replaced));
    EXPECT_EQ(out, "\u3053\u3093!");
    EXPECT_EQ(replaced, 0u);
    ASSERT_TRUE(convert_to_utf8("a\x81", "Shift_JIS", out, replaced));  // a lead byte without its trail
    EXPECT_EQ(out.substr(0, 1), "a");
    EXPECT_GE(replaced, 1u);
    EXPECT_FALSE(convert_to_utf8("abc", "x-no-such-charset", out, replaced));
}

TEST(TextEncoding, UnknownOrImpossibleLabels) {
    DecodedText d = decode_xml_text(doc(" encoding=\"x-unheard-of\"", "caf\xE9"), "", "");
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_TRUE(contains(d.utf8, "caf\u00e9"));
    EXPECT_EQ(d.notes[0], "Unknown character set \"x-unheard-of\".");
    // "UTF-16" on bytes that are not: ignored, read as what they are.
    d = decode_xml_text(doc(" encoding=\"UTF-16\"", kRussianUtf8), "", "");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_TRUE(contains(d.utf8, kRussianUtf8));
}
