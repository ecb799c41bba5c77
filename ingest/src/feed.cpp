// feed — see feed.hpp. The steps: decide the charset and convert to UTF-8
// (text_encoding), refuse bodies that are not feeds with a sentence that
// says what they are, repair what browsers forgive and XML does not
// (xml_repair), parse with libxml2 — strictly first, recovering only when
// that fails — and read the elements of RSS 2.0, RSS 1.0 and Atom and their
// common extensions into FeedItems.
#include "feed.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "ascii.hpp"
#include "canonical_url.hpp"
#include "core/news_decode.hpp"
#include "feed_date.hpp"
#include "gzip_reader.hpp"
#include "html_text.hpp"
#include "text_encoding.hpp"
#include "xml_repair.hpp"
#include "xml_salvage.hpp"

namespace ingest {
namespace {

constexpr size_t kMaxFeedBytes = 64u << 20;
constexpr size_t kMaxItems = 100000;
constexpr size_t kMaxCategories = 20;
constexpr size_t kMaxTagBytes = 35;  // language tags

// [SECTION] libxml2

// Nothing outside the document is ever loaded: no DTDs, no external
// entities (XXE), whatever the document asks for.
xmlParserInputPtr refuse_external_entity(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

void init_libxml() {
    static const bool done = [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_external_entity);
        return true;
    }();
    (void)done;
}

struct XmlErrors {
    std::string first;  // "line 40: Premature end of data in tag item line 31"
};

void collect_error(void* user_data, xmlErrorPtr error) {
    auto* errors = static_cast<XmlErrors*>(static_cast<xmlParserCtxtPtr>(user_data)->_private);
    if (!error || error->level < XML_ERR_ERROR || !errors->first.empty()) return;
    std::string message = ng::clean_text(error->message ? error->message : "", 200);
    errors->first = "line " + std::to_string(error->line) + ": " + message;
}

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr read_xml(std::string_view text, bool recover, XmlErrors& errors) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) return nullptr;
    ctxt->_private = &errors;
    ctxt->sax->serror = collect_error;
    // NONET: never fetch; no NOENT/DTDLOAD: entities are not substituted and
    // no DTD is read; IGNORE_ENC: the text is UTF-8 now, whatever its
    // declaration says; depth and text-node sizes keep libxml2's limits (no HUGE).
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC |
                  XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES | (recover ? XML_PARSE_RECOVER : 0);
    DocPtr doc(xmlCtxtReadMemory(ctxt, text.data(), static_cast<int>(text.size()), nullptr, "UTF-8", options));
    xmlFreeParserCtxt(ctxt);
    return doc;
}

// [SECTION] names

enum class Ns { None, Rss, Atom, Rdf, Dc, DcTerms, Content, Media, Feedburner, Itunes, Other };

Ns classify_namespace(std::string_view href) {
    if (href == "http://www.w3.org/2005/Atom" || href == "http://purl.org/atom/ns#") return Ns::Atom;
    if (href == "http://purl.org/rss/1.0/" || href == "http://my.netscape.com/rdf/simple/0.9/" ||
        href == "http://backend.userland.com/rss2" || href == "http://backend.userland.com/rss")
        return Ns::Rss;
    if (href == "http://purl.org/dc/elements/1.1/") return Ns::Dc;
    if (href == "http://purl.org/dc/terms/") return Ns::DcTerms;
    if (href == "http://purl.org/rss/1.0/modules/content/") return Ns::Content;
    if (href.substr(0, 28) == "http://search.yahoo.com/mrss") return Ns::Media;
    if (href == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::Rdf;
    if (href == "http://rssnamespace.org/feedburner/ext/1.0") return Ns::Feedburner;
    if (href == "http://www.itunes.com/dtds/podcast-1.0.dtd") return Ns::Itunes;
    return Ns::Other;
}

// Every element asks; each namespace declaration is classified once and the
// answer kept in its _private field (freed with the document).
Ns ns_of(const xmlNode* n) {
    xmlNs* ns = n->ns;
    if (!ns || !ns->href) return Ns::None;
    if (!ns->_private) {
        Ns kind = classify_namespace(reinterpret_cast<const char*>(ns->href));
        ns->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(kind) + 1);
    }
    return static_cast<Ns>(reinterpret_cast<uintptr_t>(ns->_private) - 1);
}

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

// RSS elements carry no namespace (2.0) or RSS 1.0's; tolerate either.
bool is_rss(Ns ns) { return ns == Ns::None || ns == Ns::Rss; }

std::string_view content_of(const xmlNode* n) {
    return n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view{};
}

// The value of a namespace-less attribute ("href", "type").
std::string_view attribute(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (a->ns == nullptr && std::string_view(reinterpret_cast<const char*>(a->name)) == name && a->children &&
            a->children->type == XML_TEXT_NODE && !a->children->next)
            return content_of(a->children);
    }
    return {};
}

std::string_view xml_attribute(const xmlNode* n, const char* name) {  // xml:lang, xml:base
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (a->ns && a->ns->href && std::string_view(reinterpret_cast<const char*>(a->ns->href)) ==
                                        reinterpret_cast<const char*>(XML_XML_NAMESPACE) &&
            std::string_view(reinterpret_cast<const char*>(a->name)) == name && a->children &&
            a->children->type == XML_TEXT_NODE)
            return content_of(a->children);
    }
    return {};
}

std::string lower_tag(std::string_view tag) { return ascii::lower(ng::clean_text(tag, kMaxTagBytes)); }

using ascii::starts_with_nocase;

// [SECTION] element content

// Appends what an internal entity stands for (external ones were never
// loaded; nested references are not expanded, so nothing can amplify).
void append_entity(const xmlNode* ref, std::string& out) {
    std::string_view text = content_of(ref);
    if (text.size() <= 4096 && text.find('&') == std::string_view::npos) out += text;
}

// Text as the feed escaped it (for RSS, HTML source).
void append_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            out += content_of(c);
        } else if (c->type == XML_ENTITY_REF_NODE) {
            append_entity(c, out);
        } else if (c->type == XML_ELEMENT_NODE) {
            append_text(c, out);
        }
    }
}

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else {
            out += c;
        }
    }
}

// Inline XHTML (Atom type="xhtml", or elements where RSS expects escaped
// HTML) as HTML source: element names kept for paragraph breaks, text
// escaped, attributes dropped except an image's src.
void append_markup(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            append_escaped(out, content_of(c));
        } else if (c->type == XML_ENTITY_REF_NODE) {
            std::string entity;
            append_entity(c, entity);
            append_escaped(out, entity);
        } else if (c->type == XML_ELEMENT_NODE) {
            out += '<';
            out += name_of(c);
            if (name_of(c) == "img") {
                out += " src=\"";
                append_escaped(out, attribute(c, "src"));
                out += '"';
            }
            out += '>';
            append_markup(c, out);
            out += "</";
            out += name_of(c);
            out += '>';
        }
    }
}

bool has_element_children(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return true;
    return false;
}

// The element's content as text (no markup), without copying in the usual
// case of a single text node.
std::string_view plain_source(const xmlNode* n, std::string& storage) {
    const xmlNode* c = n->children;
    if (c && !c->next && c->type == XML_TEXT_NODE) return content_of(c);
    storage.clear();
    append_text(n, storage);
    return storage;
}

// The element's content as HTML source.
std::string_view html_source(const xmlNode* n, std::string& storage) {
    if (!has_element_children(n)) return plain_source(n, storage);
    storage.clear();
    append_markup(n, storage);
    return storage;
}

// Atom text constructs say how to read them: type="text" (the default) is
// plain text, "html" escaped HTML, "xhtml" inline XHTML. RSS has no types:
// its text is HTML source in practice.
enum class TextKind { Plain, Html };

TextKind atom_text_kind(const xmlNode* n) {
    std::string_view type = attribute(n, "type");
    if (type.empty()) type = attribute(n, "mode");  // Atom 0.3: mode="escaped"
    if (type == "html" || type == "xhtml" || type == "text/html" || type == "application/xhtml+xml" ||
        type == "escaped")
        return TextKind::Html;
    return TextKind::Plain;
}

std::string text_of(const xmlNode* n, TextKind kind, size_t max_bytes, std::string& storage) {
    if (kind == TextKind::Html) return html_to_text(html_source(n, storage), max_bytes);
    return plain_to_text(plain_source(n, storage), max_bytes);
}

// [SECTION] images

bool has_image_extension(std::string_view url) {
    url = url.substr(0, url.find_first_of("?#"));
    for (std::string_view ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}) {
        if (url.size() >= ext.size()) {
            std::string_view tail = url.substr(url.size() - ext.size());
            if (starts_with_nocase(tail, ext)) return true;
        }
    }
    return false;
}

bool is_image(std::string_view medium, std::string_view type, std::string_view url) {
    if (medium == "image" || starts_with_nocase(type, "image/")) return true;
    return medium.empty() && type.empty() && has_image_extension(url);
}

// The best picture an item offers: media:content, then media:thumbnail,
// then an image enclosure, then iTunes' image, then the first <img> of its
// HTML. Among media:content images, the widest.
struct ImageChoice {
    int rank = 100;
    long width = -1;
    std::string_view url;
    const xmlNode* at = nullptr;

    void offer(int r, std::string_view u, const xmlNode* node, long w = -1) {
        if (u.empty()) return;
        if (r < rank || (r == rank && w > width)) {
            rank = r;
            width = w;
            url = u;
            at = node;
        }
    }
};

long width_of(const xmlNode* n) {
    std::string_view w = attribute(n, "width");
    long value = 0;
    for (char c : w) {
        if (c < '0' || c > '9' || value > 100000) return -1;
        value = value * 10 + (c - '0');
    }
    return w.empty() ? -1 : value;
}

void offer_media(const xmlNode* n, ImageChoice& image) {
    std::string_view name = name_of(n);
    if (name == "content") {
        std::string_view url = attribute(n, "url");
        if (is_image(attribute(n, "medium"), attribute(n, "type"), url)) image.offer(0, url, n, width_of(n));
        for (const xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && ns_of(c) == Ns::Media) offer_media(c, image);
    } else if (name == "thumbnail") {
        image.offer(1, attribute(n, "url"), n, width_of(n));
    } else if (name == "group") {
        for (const xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && ns_of(c) == Ns::Media) offer_media(c, image);
    }
}

// [SECTION] boilerplate

// Paragraphs CMSs append to every description ("The post … appeared first
// on …" and its translations, "Continue reading"): not the article's words.
struct Boilerplate {
    std::string_view start;   // how the paragraph begins
    std::string_view marker;  // what it contains (searched for in the raw HTML first)
    bool short_only;          // a link label: the whole paragraph is not much longer
};
constexpr Boilerplate kBoilerplate[] = {
    {"The post ", " appeared first on ", false},
    {"L'article ", " est apparu en premier sur ", false},
    {"L\u2019article ", " est apparu en premier sur ", false},
    {"Der Beitrag ", " erschien zuerst auf ", false},
    {"La entrada ", " se publicó primero en ", false},
    {"O post ", " apareceu primeiro em ", false},
    {"L'articolo ", " proviene da ", false},
    {"L\u2019articolo ", " proviene da ", false},
    {"Continue reading", "Continue reading", true},
    {"Read more", "Read more", true},
    {"Read More", "Read More", true},
    {"Lire la suite", "Lire la suite", true},
    {"Weiterlesen", "Weiterlesen", true},
    {"Leer más", "Leer más", true},
    {"Leia mais", "Leia mais", true},
    {"Continua a leggere", "Continua a leggere", true},
    {"Читать далее", "Читать далее", true},
};

bool is_boilerplate(std::string_view p) {
    for (const Boilerplate& b : kBoilerplate) {
        if (p.substr(0, b.start.size()) != b.start) continue;
        if (b.short_only ? p.size() <= b.start.size() + 40 : p.find(b.marker) != std::string_view::npos) return true;
    }
    return false;
}

bool may_hold_boilerplate(std::string_view html) {
    for (const Boilerplate& b : kBoilerplate)
        if (html.find(b.marker) != std::string_view::npos) return true;
    return false;
}

std::string description_text(std::string_view html) {
    if (!may_hold_boilerplate(html)) return html_to_text(html, ng::kMaxSummaryBytes);
    std::vector<std::string> paragraphs = html_to_paragraphs(html, ng::kMaxSummaryBytes, 50);
    std::string joined;
    for (const std::string& p : paragraphs) {
        if (is_boilerplate(p)) continue;
        if (!joined.empty()) joined += ' ';
        joined += p;
        if (joined.size() > ng::kMaxSummaryBytes) break;
    }
    return ng::clean_text(joined, ng::kMaxSummaryBytes);
}

// "jane@example.org (Jane Doe)" -> "Jane Doe"; a bare address is no name.
std::string author_name(std::string_view raw) {
    std::string text = ng::clean_text(raw, ng::kMaxNameBytes);
    size_t open = text.find('(');
    size_t close = text.rfind(')');
    if (text.find('@') != std::string::npos && open != std::string::npos && close != std::string::npos && close > open)
        return ng::clean_text(std::string_view(text).substr(open + 1, close - open - 1), ng::kMaxNameBytes);
    if (text.find('@') != std::string::npos && text.find(' ') == std::string::npos) return {};
    return text;
}

// [SECTION] reading a feed

FeedFormat format_of(const xmlNode* root) {
    std::string_view name = name_of(root);
    Ns ns = ns_of(root);
    if (name == "rss") return FeedFormat::Rss2;
    if (name == "RDF" && ns == Ns::Rdf) return FeedFormat::Rss1;
    if (name == "feed" && (ns == Ns::Atom || ns == Ns::None)) return FeedFormat::Atom;
    return FeedFormat::Unknown;
}

// Reads a parsed document (or, when salvaging, one document per item) into
// a ParsedFeed whose format is already set.
class FeedReader {
public:
    FeedReader(std::string_view feed_url, bool has_xml_base, ParsedFeed& feed)
        : feed_url_(feed_url), has_xml_base_(has_xml_base), feed_(&feed) {}

    // The channel's title, link and language. RSS 2.0: rss > channel;
    // RSS 1.0: rdf:RDF > channel; Atom: the feed element itself.
    void read_channel(const xmlNode* root) {
        if (feed_->format == FeedFormat::Atom) return read_channel_element(root);
        for (const xmlNode* c = root->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && is_rss(ns_of(c)) && name_of(c) == "channel") read_channel_element(c);
    }

    // The items: rss > channel > item, rdf:RDF > item, feed > entry. Items
    // misplaced under the root are read too.
    void read_items(const xmlNode* root) {
        if (feed_->format == FeedFormat::Atom) return read_items_under(root, "entry");
        for (const xmlNode* c = root->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && is_rss(ns_of(c)) && name_of(c) == "channel") read_items_under(c, "item");
        read_items_under(root, "item");
    }

    // Warnings for the items left out.
    void finish() {
        ParsedFeed& f = *feed_;
        auto plural = [](size_t n, const char* one, const char* many) {
            return std::to_string(n) + " " + (n == 1 ? one : many);
        };
        if (untitled_)
            f.warnings.push_back(plural(untitled_, "item without a title was", "items without a title were") +
                                 " dropped.");
        if (unlinked_)
            f.warnings.push_back(
                plural(unlinked_, "item without an http(s) link was", "items without an http(s) link were") +
                " dropped.");
        if (over_limit_)
            f.warnings.push_back("Only the first " + std::to_string(kMaxItems) + " items were read; " +
                                 std::to_string(over_limit_) + " more were left out.");
    }

private:
    void read_channel_element(const xmlNode* channel) {
        ParsedFeed& f = *feed_;
        if (f.language.empty()) f.language = lower_tag(xml_attribute(channel, "lang"));
        for (const xmlNode* c = channel->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            Ns ns = ns_of(c);
            std::string_view name = name_of(c);
            if (name == "title" && f.title.empty() && (is_rss(ns) || ns == Ns::Atom)) {
                f.title = text_of(c, ns == Ns::Atom ? atom_text_kind(c) : TextKind::Html, ng::kMaxLineBytes, scratch_);
            } else if (name == "link" && f.link.empty() && is_rss(ns)) {
                f.link = absolute_url(plain_source(c, scratch_), base_for(c));
            } else if (name == "link" && f.link.empty() && ns == Ns::Atom) {
                std::string_view rel = attribute(c, "rel");
                if (rel.empty() || rel == "alternate") f.link = absolute_url(attribute(c, "href"), base_for(c));
            } else if (name == "language" && f.language.empty() && (is_rss(ns) || ns == Ns::Dc)) {
                f.language = lower_tag(plain_source(c, scratch_));
            }
        }
    }

    void read_items_under(const xmlNode* parent, std::string_view element) {
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || name_of(c) != element) continue;
            Ns ns = ns_of(c);
            if (element == "entry" ? ns != Ns::Atom && ns != Ns::None : !is_rss(ns)) continue;
            if (feed_->items.size() >= kMaxItems) {
                ++over_limit_;
                continue;
            }
            FeedItem item;
            if (read_item(c, item)) feed_->items.push_back(std::move(item));
        }
    }

    // Fills `item`; false (and counted) when it has no title or no usable link.
    bool read_item(const xmlNode* node, FeedItem& item) {
        std::string_view link_text, guid_link, atom_link, orig_link;
        const xmlNode* link_at = node;
        bool guid_is_link = false;
        ImageChoice image;
        const xmlNode* description = nullptr;
        TextKind description_kind = TextKind::Html;
        const xmlNode* content = nullptr;
        int published_rank = 100;
        std::string html_image;
        item.language = lower_tag(xml_attribute(node, "lang"));

        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            Ns ns = ns_of(c);
            std::string_view name = name_of(c);
            if (ns == Ns::Media) {
                offer_media(c, image);
            } else if (name == "title" && item.title.empty() && (is_rss(ns) || ns == Ns::Atom || ns == Ns::Dc)) {
                item.title =
                    text_of(c, ns == Ns::Atom ? atom_text_kind(c) : TextKind::Html, ng::kMaxLineBytes, scratch_);
            } else if (name == "link" && is_rss(ns) && link_text.empty()) {
                link_text = plain_source(c, link_storage_);
                link_at = c;
            } else if (name == "link" && ns == Ns::Atom) {
                std::string_view rel = attribute(c, "rel");
                std::string_view type = attribute(c, "type");
                if ((rel.empty() || rel == "alternate") &&
                    (atom_link.empty() || type.empty() || starts_with_nocase(type, "text/html"))) {
                    atom_link = attribute(c, "href");
                    link_at = c;
                } else if (rel == "enclosure" && is_image({}, type, attribute(c, "href"))) {
                    image.offer(2, attribute(c, "href"), c);
                }
            } else if (name == "origLink" && ns == Ns::Feedburner) {
                orig_link = plain_source(c, orig_storage_);
            } else if ((name == "guid" && is_rss(ns)) || (name == "id" && ns == Ns::Atom)) {
                item.guid = ng::clean_text(plain_source(c, scratch_), ng::kMaxLineBytes);
                std::string_view permalink = attribute(c, "isPermaLink");
                guid_is_link = name == "id" || permalink.empty() || permalink == "true";
            } else if ((name == "description" && is_rss(ns)) || (name == "summary" && ns == Ns::Atom) ||
                       (name == "description" && ns == Ns::Dc)) {
                if (!description) {
                    description = c;
                    description_kind = ns == Ns::Atom ? atom_text_kind(c) : TextKind::Html;
                }
            } else if ((name == "encoded" && ns == Ns::Content) ||
                       (name == "content" && ns == Ns::Atom && attribute(c, "src").empty())) {
                if (!content) content = c;
            } else if (name == "enclosure" && is_rss(ns)) {
                std::string_view url = attribute(c, "url");
                if (is_image({}, attribute(c, "type"), url)) image.offer(2, url, c);
            } else if (name == "image" && ns == Ns::Itunes) {
                image.offer(3, attribute(c, "href"), c);
            } else if (int rank = published_rank_of(name, ns); rank < 100) {
                int64_t t = rank < published_rank ? parse_feed_date(plain_source(c, scratch_)) : 0;
                if (t) {
                    item.published = t;
                    published_rank = rank;
                }
            } else if (((name == "updated" || name == "modified") && ns == Ns::Atom) ||
                       (name == "modified" && ns == Ns::DcTerms)) {
                if (!item.updated) item.updated = parse_feed_date(plain_source(c, scratch_));
            } else if (name == "language" && (ns == Ns::Dc || is_rss(ns)) && item.language.empty()) {
                item.language = lower_tag(plain_source(c, scratch_));
            } else if (item.author.empty() && ((name == "author" && (is_rss(ns) || ns == Ns::Itunes)) ||
                                               (name == "creator" && ns == Ns::Dc))) {
                item.author = author_name(plain_source(c, scratch_));
            } else if (item.author.empty() && name == "author" && ns == Ns::Atom) {
                for (const xmlNode* a = c->children; a; a = a->next)
                    if (a->type == XML_ELEMENT_NODE && name_of(a) == "name")
                        item.author = ng::clean_text(plain_source(a, scratch_), ng::kMaxNameBytes);
            } else if ((name == "category" && (is_rss(ns) || ns == Ns::Atom)) || (name == "subject" && ns == Ns::Dc)) {
                std::string_view label = ns == Ns::Atom ? attribute(c, "label") : std::string_view{};
                if (ns == Ns::Atom && label.empty()) label = attribute(c, "term");
                add_category(item, ns == Ns::Atom ? label : plain_source(c, scratch_));
            }
        }

        // The link: feedburner's original beats its redirect; Atom's
        // alternate; RSS's link; a permalink guid or an http(s) Atom id.
        std::string_view chosen = !orig_link.empty() ? orig_link : !atom_link.empty() ? atom_link : link_text;
        std::string base = base_for(link_at);
        item.link = absolute_url(chosen, base);
        if (item.link.empty() && guid_is_link) item.link = absolute_url(item.guid, base_for(node));
        if (node_is_rdf_item(node) && item.link.empty()) item.link = absolute_url(rdf_about(node), base_for(node));

        if (description && description_kind == TextKind::Html) {
            std::string_view source = html_source(description, scratch_);
            item.description = description_text(source);
            if (image.rank > 3) html_image = first_image_source(source);
        } else if (description) {
            item.description = text_of(description, TextKind::Plain, ng::kMaxSummaryBytes, scratch_);
        }
        if (content && (ns_of(content) != Ns::Atom || atom_text_kind(content) == TextKind::Html)) {
            std::string_view source = html_source(content, scratch_);
            item.content = html_to_paragraphs(source, ng::kMaxParagraphBytes);
            if (image.rank > 3 && html_image.empty()) html_image = first_image_source(source);
        } else if (content) {
            std::string text = text_of(content, TextKind::Plain, ng::kMaxParagraphBytes, scratch_);
            if (!text.empty()) item.content.push_back(std::move(text));
        }
        if (image.rank <= 3) item.image = absolute_url(image.url, base_for(image.at));
        if (item.image.empty() && !html_image.empty()) item.image = absolute_url(html_image, base_for(node));

        if (item.title.empty()) {
            ++untitled_;
            return false;
        }
        if (item.link.empty()) {
            ++unlinked_;
            return false;
        }
        return true;
    }

    // RSS's pubDate and Atom's published beat Dublin Core's dates.
    static int published_rank_of(std::string_view name, Ns ns) {
        if ((name == "pubDate" && is_rss(ns)) || ((name == "published" || name == "issued") && ns == Ns::Atom))
            return 0;
        if (name == "date" && ns == Ns::Dc) return 1;
        if ((name == "issued" || name == "created" || name == "date") && ns == Ns::DcTerms) return 2;
        return 100;
    }

    static bool node_is_rdf_item(const xmlNode* n) { return n->parent && ns_of(n->parent) == Ns::Rdf; }

    static std::string_view rdf_about(const xmlNode* n) {
        for (const xmlAttr* a = n->properties; a; a = a->next)
            if (a->ns && std::string_view(reinterpret_cast<const char*>(a->name)) == "about" && a->children)
                return content_of(a->children);
        return {};
    }

    void add_category(FeedItem& item, std::string_view raw) {
        if (item.categories.size() >= kMaxCategories) return;
        std::string c = html_to_text(raw, ng::kMaxNameBytes);
        if (!c.empty() && std::find(item.categories.begin(), item.categories.end(), c) == item.categories.end())
            item.categories.push_back(std::move(c));
    }

    // The base URL for links in `n`: the feed's address, changed by every
    // xml:base on the way down to `n` (Atom uses them; RSS rarely).
    std::string base_for(const xmlNode* n) const {
        if (!has_xml_base_ || !n) return std::string(feed_url_);
        std::vector<std::string_view> chain;
        for (const xmlNode* p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
            if (std::string_view b = xml_attribute(p, "base"); !b.empty()) chain.push_back(b);
        std::string base(feed_url_);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            std::string resolved = absolute_url(*it, base);
            if (!resolved.empty()) base = std::move(resolved);
        }
        return base;
    }

    std::string_view feed_url_;
    bool has_xml_base_;
    ParsedFeed* feed_;
    std::string scratch_, link_storage_, orig_storage_;
    size_t untitled_ = 0, unlinked_ = 0, over_limit_ = 0;
};

// [SECTION] what arrived, when it is not a feed

std::string_view skip_space(std::string_view s) {
    while (!s.empty() && ascii::is_space(s.front())) s.remove_prefix(1);
    return s;
}

// Skips the XML declaration, comments and processing instructions before
// the first element.
std::string_view first_markup(std::string_view s) {
    for (s = skip_space(s); s.substr(0, 4) == "<!--" || s.substr(0, 2) == "<?"; s = skip_space(s)) {
        size_t end = s.substr(0, 4) == "<!--" ? s.find("-->") : s.find("?>");
        if (end == std::string_view::npos) return {};
        s.remove_prefix(end + (s[1] == '!' ? 3 : 2));
    }
    return s;
}

// Control characters and undecodable bytes at the start: an image, a PDF,
// an archive — not text.
bool looks_binary(std::string_view text) {
    std::string_view head = text.substr(0, 512);
    size_t odd = 0;
    for (size_t p = head.find("\xEF\xBF\xBD"); p != std::string_view::npos; p = head.find("\xEF\xBF\xBD", p + 1))
        ++odd;
    for (char c : head) odd += static_cast<unsigned char>(c) < 0x09;
    return odd > 8;
}

// A sentence for a body that is not XML at all; empty when it may be a feed.
std::string describe_non_feed(std::string_view text) {
    if (skip_space(text).empty()) return "The feed is empty.";
    std::string_view start = first_markup(text);
    if (starts_with_nocase(start, "<!doctype html") || starts_with_nocase(start, "<html")) {
        std::string title;
        for (size_t p = 0; (p = text.find('<', p)) != std::string_view::npos; ++p) {
            if (!starts_with_nocase(text.substr(p), "<title")) continue;
            size_t open_end = text.find('>', p);
            size_t close = open_end == std::string_view::npos ? open_end : text.find("</", open_end);
            if (close != std::string_view::npos)
                title = html_to_text(text.substr(open_end + 1, close - open_end - 1), 120);
            break;
        }
        return title.empty() ? "The address answered with a web page, not a feed."
                             : "The address answered with a web page, not a feed: \"" + title + "\".";
    }
    if (start.empty() || start.front() != '<') {
        std::string_view body = skip_space(text);
        if (body.front() == '{' || body.front() == '[')
            return "The address answered with JSON, not an RSS or Atom feed.";
        if (looks_binary(body)) return "The address answered with binary data, not a feed.";
        return "The address answered with plain text, not a feed: \"" + ng::clean_text(body, 80) + "\".";
    }
    return {};
}

// Parses each item of a document that is not well-formed on its own (see
// xml_salvage.hpp). Returns how many items were damaged and dropped; sets
// `cut_off` when the last one ran into the end of the text. -1 when the
// document's items cannot be found in its text.
int salvage_items(std::string_view text, FeedReader& reader, FeedFormat format, bool& cut_off) {
    RootTag root = find_root_tag(text);
    std::vector<ElementSpan> spans =
        root.start_tag.empty() ? std::vector<ElementSpan>{}
                               : find_element_spans(text, format == FeedFormat::Atom ? "entry" : "item");
    if (spans.empty()) return -1;
    int damaged = 0;
    std::string closing = "</" + std::string(root.name) + ">";
    std::string item_doc;
    for (const ElementSpan& span : spans) {
        cut_off = !span.closed && span.end == text.size();
        XmlErrors errors;
        DocPtr doc;
        if (span.closed) {
            item_doc.assign(root.start_tag);
            item_doc.append(text, span.begin, span.end - span.begin);
            item_doc += closing;
            doc = read_xml(item_doc, false, errors);
        }
        if (!doc) {
            ++damaged;
            continue;
        }
        reader.read_items(xmlDocGetRootElement(doc.get()));
    }
    return damaged;
}

}  // namespace

ParsedFeed parse_feed(std::string_view bytes, std::string_view content_type, std::string_view feed_url) {
    ParsedFeed feed;
    if (bytes.size() > kMaxFeedBytes) {
        feed.error = "The feed is larger than " + std::to_string(kMaxFeedBytes >> 20) + " MB, so it was not read.";
        return feed;
    }
    // A compressed body nobody decoded (a .xml.gz feed, or a Content-Encoding
    // the server did not declare) is read after decompressing it.
    Gunzipped unzipped;
    if (looks_gzipped(bytes)) {
        unzipped = gunzip(bytes, kMaxFeedBytes);
        if (unzipped.data.empty()) {
            feed.error = "The feed is gzip-compressed data that could not be decompressed.";
            return feed;
        }
        bytes = unzipped.data;
        feed.warnings.push_back(unzipped.complete ? "The feed was gzip-compressed; it was decompressed."
                                                  : "The feed was gzip-compressed: " + unzipped.error);
    }
    DecodedText decoded = decode_xml_text(bytes, content_type, feed_url);
    feed.charset = decoded.charset;
    feed.warnings.insert(feed.warnings.end(), decoded.notes.begin(), decoded.notes.end());
    if (std::string what = describe_non_feed(decoded.utf8); !what.empty()) {
        feed.error = std::move(what);
        return feed;
    }

    RepairedXml repaired = repair_xml(decoded.utf8);
    if (repaired.repairs > 0)
        feed.warnings.push_back(std::to_string(repaired.repairs) +
                                (repaired.repairs == 1
                                     ? " character or entity that is not valid XML was repaired."
                                     : " characters or entities that are not valid XML were repaired."));
    std::string_view text = repaired.text.empty() ? std::string_view(decoded.utf8) : std::string_view(repaired.text);

    init_libxml();
    XmlErrors errors;
    DocPtr doc = read_xml(text, false, errors);
    bool well_formed = doc != nullptr;
    if (!well_formed) {
        XmlErrors ignored;  // the strict parse's first error is the one worth reporting
        doc = read_xml(text, true, ignored);
    }
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        feed.error = "The feed is not well-formed XML (" + errors.first + ").";
        return feed;
    }
    std::string_view root_name = name_of(root);
    if (starts_with_nocase(root_name, "html")) {
        feed.error = "The address answered with a web page, not a feed.";
        return feed;
    }
    feed.format = format_of(root);
    if (feed.format == FeedFormat::Unknown) {
        feed.error =
            "The document is XML with a <" + ng::clean_text(root_name, 60) + "> root, not an RSS or Atom feed.";
        return feed;
    }

    FeedReader reader(feed_url, text.find("xml:base") != std::string_view::npos, feed);
    reader.read_channel(root);
    if (well_formed) {
        reader.read_items(root);
        reader.finish();
        return feed;
    }
    // Not well-formed: the channel comes from libxml2's recovery, the items
    // from salvage (or, when their tags cannot be found, from the recovery too).
    bool cut_off = false;
    int damaged = salvage_items(text, reader, feed.format, cut_off);
    if (damaged < 0) reader.read_items(root);
    reader.finish();
    std::string note = "The feed is not well-formed XML (" + errors.first + ")";
    if (cut_off) note += "; it ends inside an item (a cut-off download?), which was dropped";
    if (damaged > (cut_off ? 1 : 0)) {
        int broken = damaged - (cut_off ? 1 : 0);
        note +=
            "; " + std::to_string(broken) + (broken == 1 ? " damaged item was" : " damaged items were") + " dropped";
    }
    size_t read = feed.items.size();
    feed.warnings.push_back(note + "; " + std::to_string(read) + (read == 1 ? " item was read." : " items were read."));
    return feed;
}

}  // namespace ingest
