// The viewer's country list: names in other languages arrive on demand as
// search aliases, and the A-Z order is the host's collation.
#include <gtest/gtest.h>

#include <algorithm>

#include "viewer_harness.hpp"

namespace {

const ng::CountryItem* item(const ng::Viewer& v, const std::string& iso) {
    for (const ng::CountryItem& c : v.country_items())
        if (c.iso == iso) return &c;
    return nullptr;
}

TEST(ViewerCountryNames, NamesInOtherLanguagesArriveWhenTheSearchIsUsed) {
    ViewerHarness h;
    h.serve("data/country_names.txt", answer(200, "FR\tFrankreich\t\xe6\xb3\x95\xe5\x9b\xbd\tFrance\n", "text/plain"));
    ng::Viewer& v = h.start();
    h.frame();
    EXPECT_FALSE(h.was_requested("data/country_names.txt")) << "not on the first view";
    ASSERT_TRUE(item(v, "FR"));
    auto has = [&](const std::string& alias) {
        const auto& a = item(v, "FR")->aliases;
        return std::find(a.begin(), a.end(), alias) != a.end();
    };
    EXPECT_FALSE(has("Frankreich"));
    v.want_country_names();
    v.want_country_names();  // once
    h.frame();
    std::vector<std::string> urls = h.requested();
    EXPECT_EQ(std::count_if(urls.begin(), urls.end(),
                            [](const std::string& u) { return u.find("country_names") != std::string::npos; }),
              1);
    EXPECT_TRUE(has("Frankreich"));
    EXPECT_TRUE(has("\xe6\xb3\x95\xe5\x9b\xbd"));
    EXPECT_EQ(std::count(item(v, "FR")->aliases.begin(), item(v, "FR")->aliases.end(), "France"), 0)
        << "the English name is not repeated as an alias";
}

TEST(ViewerCountryNames, AMissingNamesFileLeavesTheEnglishNames) {
    ViewerHarness h;
    ng::Viewer& v = h.start();
    h.frame();
    size_t before = item(v, "FR")->aliases.size();
    v.want_country_names();
    h.frame();  // answered 404
    EXPECT_EQ(item(v, "FR")->aliases.size(), before);
}

TEST(ViewerCountryNames, TheAToZFollowsTheHostsCollation) {
    ViewerHarness plain;
    ng::Viewer& v = plain.start();
    plain.frame();
    std::vector<std::string> core_order;
    for (const auto& c : v.country_items()) core_order.push_back(c.iso);
    ASSERT_GT(core_order.size(), 100u);

    ViewerHarness h;  // a host whose collation reverses the list: the viewer follows it
    h.host.collate = [](const std::vector<std::string>& names) {
        std::vector<int> order;
        for (int i = int(names.size()) - 1; i >= 0; --i) order.push_back(i);
        return order;
    };
    ng::Viewer& w = h.start();
    h.frame();
    std::vector<std::string> order;
    for (const auto& c : w.country_items()) order.push_back(c.iso);
    std::reverse(order.begin(), order.end());
    EXPECT_EQ(order, core_order);

    ViewerHarness broken;  // an answer that is not a permutation is ignored
    broken.host.collate = [](const std::vector<std::string>&) { return std::vector<int>{0, 0, 1}; };
    ng::Viewer& b = broken.start();
    broken.frame();
    order.clear();
    for (const auto& c : b.country_items()) order.push_back(c.iso);
    EXPECT_EQ(order, core_order);
}

}  // namespace
