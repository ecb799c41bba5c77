#include "ui/ui.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/coverage.hpp"
#include "ui/style.hpp"

namespace ng::ui {
namespace {

ImU32 to_u32(Rgb c, float a = 1) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, a)); }

void draw_markers(app::Context& ctx) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    for (const Marker& m : ctx.globe.markers()) {
        const Country& c = ctx.world.countries[size_t(m.country)];
        int count = ctx.news ? ctx.news->story_count(c.iso) : -1;
        Rgb fill = count < 0 ? no_data_colour(ctx.dark) : coverage_colour(count, ctx.dark);
        bool hot = m.country == ctx.globe.hovered() || m.country == ctx.globe.selected();
        float r = hot ? 5.5f : 4.0f;
        dl->AddCircleFilled(ImVec2(float(m.x), float(m.y)), r + 1.5f, ctx.dark ? IM_COL32(10, 15, 25, 220) : IM_COL32(255, 255, 255, 230));
        dl->AddCircleFilled(ImVec2(float(m.x), float(m.y)), r, m.country == ctx.globe.selected() ? IM_COL32(255, 140, 56, 255) : to_u32(fill));
    }
}

void draw_tooltip(app::Context& ctx) {
    int h = ctx.globe.hovered();
    if (h < 0 || ctx.globe.dragging() || ImGui::GetIO().WantCaptureMouse) return;
    const Country& c = ctx.world.countries[size_t(h)];
    int count = ctx.news ? ctx.news->story_count(c.iso) : -1;
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PopFont();
    if (count > 0)
        ImGui::TextDisabled("%d %s", count, count == 1 ? "story" : "stories");
    else if (count == 0)
        ImGui::TextDisabled("No stories today");
    ImGui::EndTooltip();
}

void draw_top_bar(app::Context& ctx, const app::FrameInfo& f) {
    ImGui::SetNextWindowPos(ImVec2(12, 12));
    ImGui::SetNextWindowSize(ImVec2(std::min(float(f.viewport.width) - 24, 560.0f), 0));
    ImGui::Begin("##topbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(fonts().brand);
    ImGui::TextUnformatted("\xef\x82\xac  newsglobe");  // fa-globe
    ImGui::PopFont();
    if (ctx.news && ctx.news->countries_loaded() && ctx.news->countries().sample) {
        ImGui::SameLine();
        ImGui::TextDisabled("Sample data");
    }
    ImGui::End();
}

void draw_legend(app::Context& ctx, const app::FrameInfo& f) {
    if (!ctx.world_ready) return;
    const auto& bins = coverage_bins();
    ImGui::SetNextWindowPos(ImVec2(12, float(f.viewport.height) - 12), 0, ImVec2(0, 1));
    ImGui::Begin("##legend", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushFont(fonts().small);
    ImGui::TextDisabled("Stories today");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto swatch = [&](Rgb c, const char* label) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        float s = ImGui::GetTextLineHeight();
        dl->AddRectFilled(p, ImVec2(p.x + s, p.y + s), to_u32(c), 3);
        ImGui::Dummy(ImVec2(s, s));
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
    };
    swatch(no_data_colour(ctx.dark), "none");
    for (const CoverageBin& b : bins) {
        ImGui::SameLine();
        swatch(coverage_colour(b.min_count, ctx.dark), b.label.c_str());
    }
    ImGui::PopFont();
    ImGui::End();
}

void draw_load_error(app::Context& ctx, const app::FrameInfo& f) {
    if (ctx.load_error.empty()) return;
    ImGui::SetNextWindowPos(ImVec2(float(f.viewport.width) / 2, float(f.viewport.height) / 2), 0, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(float(f.viewport.width) - 32, 420.0f), 0));
    ImGui::Begin("##loaderror", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                 ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextWrapped("%s", ctx.load_error.c_str());
    if (ImGui::Button("Try again")) ctx.retry_map();
    ImGui::End();
}

}  // namespace

void draw(app::Context& ctx, const app::FrameInfo& f) {
    if (ctx.world_ready) {
        draw_markers(ctx);
        draw_tooltip(ctx);
    }
    draw_top_bar(ctx, f);
    draw_legend(ctx, f);
    draw_load_error(ctx, f);
}

}  // namespace ng::ui
