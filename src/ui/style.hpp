// style — newsglobe's look: colours, rounding and spacing for ImGui, and the
// fonts (Noto Sans Regular/Bold with Font Awesome icons merged in), built at
// the device pixel ratio so text is crisp on HiDPI screens.
#pragma once
#include <string>

#include "viewer/viewer.hpp"

struct ImFont;
struct ImDrawList;
struct ImVec2;

namespace ng::ui {

struct Fonts {
    ImFont* body = nullptr;        // 16 px regular
    ImFont* bold = nullptr;        // 16 px bold
    ImFont* small = nullptr;       // 13.5 px regular
    ImFont* small_bold = nullptr;  // 13.5 px bold (badges, labels)
    ImFont* title = nullptr;       // 23 px bold (panel and reader headlines)
    ImFont* brand = nullptr;       // 18 px bold (top bar, section headings)
};

const Fonts& fonts();
// (Re)builds the font atlas for `density` (device pixel ratio). Returns false
// if a font file is unusable; the caller shows the error and keeps going.
bool build_fonts(const FontFiles& files, float density);
// A filled disc of `radius` CSS px: for the radii of the globe's dots
// (GlobeView::kMarker*), one textured quad from a disc drawn into the font
// atlas by build_fonts, where ImGui's anti-aliased circle takes ~34 triangles
// (a software rasteriser pays per triangle; dozens of dots are on the globe).
// Other radii, or before the fonts are built: ImGui's circle.
void draw_disc(ImDrawList* dl, ImVec2 centre, float radius, unsigned colour);
// The light or dark look; does nothing when it is already in use.
void use_theme(bool dark);

// The palette panels and widgets share (ImU32, as IM_COL32 packs them).
struct Colours {
    unsigned text;          // body text
    unsigned text_dim;      // secondary text (outlet, time)
    unsigned text_faint;    // tertiary (placeholders, hints)
    unsigned accent;        // links, primary buttons, focus
    unsigned accent_soft;   // tinted backgrounds (selected chip, world take)
    unsigned on_accent;     // text on an accent fill
    unsigned panel;         // docked panel / sheet background
    unsigned panel_raised;  // cards inside a panel
    unsigned panel_border;
    unsigned error;
    unsigned error_soft;
    unsigned row_hover;
    unsigned skeleton;      // shimmer base
    unsigned skeleton_hi;   // shimmer highlight
    unsigned covering;      // a country whose press covers the open story (matches the globe)
    unsigned selected;      // the selected country (matches the globe)
    unsigned divider;
    unsigned scrim;         // behind the toast
};
const Colours& colours();

}  // namespace ng::ui
