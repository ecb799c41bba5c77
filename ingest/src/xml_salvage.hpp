// xml_salvage — when a feed is not well-formed XML even after xml_repair,
// its items are cut out of the text and parsed one by one, each inside a
// copy of the root's start tag (which carries the namespace declarations).
// One broken item then costs that item only, where libxml2's recovery mode
// can nest everything after a stray tag into it and lose the rest.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace ingest {

// The root element's start tag ("<rss version=\"2.0\" xmlns:dc=\"…\">") and
// its qualified name ("rss", "rdf:RDF"); empty when the prolog never ends
// or the root is empty ("<rss/>").
struct RootTag {
    std::string_view start_tag;
    std::string_view name;
};
RootTag find_root_tag(std::string_view xml);

// Where each <name …> element (unprefixed) begins and ends. `closed` is
// false when another start tag or the end of the text came before its end
// tag: the element is damaged or cut off, and `end` is where it stops. End
// tags inside CDATA sections do not count.
struct ElementSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool closed = false;
};
std::vector<ElementSpan> find_element_spans(std::string_view xml, std::string_view name);

}  // namespace ingest
