// xml_repair — the mistakes feeds make that browsers forgive and XML does
// not, repaired the way a browser would read them, so that a strict parse
// succeeds and nothing is lost to libxml2's recovery mode:
//   * HTML named references XML does not define ("&eacute;", "&nbsp;") become
//     numeric ones ("&#233;"); unknown names ("&foo;") stay literal text;
//   * a bare '&' ("AT&T", "?a=1&b=2") becomes "&amp;"; a numeric reference
//     without ';' gets one;
//   * a '<' that cannot start markup ("a < b", "<3") becomes "&lt;", and "]]>"
//     outside CDATA "]]&gt;";
//   * control characters XML forbids (and references to them) become spaces;
//     U+FFFE/U+FFFF become U+FFFD.
// CDATA sections, comments and the DOCTYPE are copied as they are (except
// for forbidden characters); names an internal DTD subset declares are
// respected. The input must be valid UTF-8.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ingest {

struct RepairedXml {
    std::string text;      // the repaired document; empty when nothing needed repair
    std::size_t repairs = 0;
};

RepairedXml repair_xml(std::string_view utf8);

}  // namespace ingest
