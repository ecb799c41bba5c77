// text_encoding — which character set a feed's bytes are in, and the same
// text as UTF-8 (through glibc's iconv).
//
// Precedence, as the XML specification delegates it (XML 1.0 §4.3.3 and
// Appendix F defer to the transport; RFC 7303 §3 says a BOM beats the
// charset parameter, which beats the XML declaration):
//   1. a byte-order mark (UTF-8, UTF-16, UTF-32), or the "<?xml" pattern of
//      BOM-less UTF-16/32 (Appendix F's autodetection);
//   2. the HTTP Content-Type's charset parameter;
//   3. the XML declaration's encoding;
//   4. UTF-8, XML's default.
// Two corrections for what servers really send, because a wrong label
// must never cost the reader the text:
//   * bytes that are valid UTF-8 and use multi-byte sequences are UTF-8,
//     whatever a label says (a server's default "ISO-8859-1" header on a
//     UTF-8 feed is common; legacy text practically never forms valid
//     multi-byte UTF-8);
//   * bytes labelled UTF-8 (or unlabelled) that are not valid UTF-8 are
//     read in the next label given, else in the legacy encoding browsers
//     assume for the feed's top-level domain (windows-1251 for .ru, .ua,
//     .bg…, Shift_JIS for .jp, GBK for .cn, windows-1252 elsewhere), unless
//     they are mostly UTF-8 with a few broken bytes (those become U+FFFD).
// Labels follow the WHATWG Encoding Standard's aliases: "ISO-8859-1" and
// "US-ASCII" are read as windows-1252, "GB2312" as GB18030, "Shift_JIS" as
// windows-31J, "EUC-KR" as windows-949, "Big5" as Big5-HKSCS.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

struct DecodedText {
    std::string utf8;                // the text, valid UTF-8, byte-order mark removed
    std::string charset;             // what it was read as ("UTF-8", "windows-1251")
    std::size_t replaced = 0;        // undecodable byte sequences, now U+FFFD
    std::vector<std::string> notes;  // readable notes on label conflicts and fallbacks
};

// The charset parameter of a Content-Type header, lower-cased; empty when
// none (or when it is not spelt like a charset name).
std::string charset_from_content_type(std::string_view content_type);

// The encoding named in an XML declaration at the start of `bytes`
// (ASCII-compatible encodings only), lower-cased; empty when none (or when
// it is not spelt like a charset name).
std::string charset_from_xml_declaration(std::string_view bytes);

// True when every byte sequence is well-formed UTF-8 (no overlongs, no
// surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Converts `bytes` from `charset` (any label iconv or the WHATWG aliases
// know) to UTF-8, replacing what cannot be decoded with U+FFFD. False when
// the charset is unknown (out is then untouched).
bool convert_to_utf8(std::string_view bytes, std::string_view charset, std::string& out, std::size_t& replaced);

// Decides the charset of an XML document as described above and converts
// it. `url` (the feed's address) only picks the last-resort fallback.
DecodedText decode_xml_text(std::string_view bytes, std::string_view content_type, std::string_view url);

}  // namespace ingest
