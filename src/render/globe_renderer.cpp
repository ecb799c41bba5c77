#include "render/globe_renderer.hpp"

#include "render/gl_program.hpp"

#include <cmath>
#include <vector>

namespace ng {

GlobeTheme globe_theme(bool dark) {
    if (dark)
        return {{0.043f, 0.063f, 0.102f}, {0.075f, 0.118f, 0.2f}, {0.12f, 0.2f, 0.33f},
                {0.04f, 0.06f, 0.1f, 0.85f}, {0.6f, 0.7f, 0.9f, 0.10f}, {0.35f, 0.6f, 1.0f, 0.35f}};
    return {{0.93f, 0.95f, 0.97f}, {0.70f, 0.80f, 0.90f}, {0.82f, 0.89f, 0.95f},
            {1.0f, 1.0f, 1.0f, 0.9f}, {0.2f, 0.3f, 0.45f, 0.12f}, {0.45f, 0.65f, 0.95f, 0.30f}};
}

namespace globe_renderer {
namespace {

// [SECTION] shaders -------------------------------------------------------------

// The land's colour is worked out per vertex: a software rasteriser then
// only interpolates it, which took an eighth off a spinning frame's cost (the
// lighting varies slowly across the small triangles, so nothing shows).
const char* kLandVS = R"(#version 300 es
uniform mat4 u_vp;
uniform sampler2D u_palette;
uniform vec3 u_eye_dir;
layout(location = 0) in vec3 a_pos;
layout(location = 1) in float a_country;
out vec3 v_color;
void main() {
    float light = 0.78 + 0.22 * clamp(dot(a_pos, u_eye_dir), 0.0, 1.0);
    v_color = texelFetch(u_palette, ivec2(int(a_country + 0.5), 0), 0).rgb * light;
    gl_Position = u_vp * vec4(a_pos, 1.0);
})";

// the land's and the ocean's: the colour from the vertices
const char* kColorFS = R"(#version 300 es
precision mediump float;
in vec3 v_color;
out vec4 o_color;
void main() { o_color = vec4(v_color, 1.0); })";

// Lines are cut at the horizon here, not by a depth buffer: the part of a
// segment past the plane where the eye's tangents touch the globe
// (dot(p, eye) < 1 for p on the unit sphere) is discarded. The value is
// linear in p, so its interpolation cuts the segment exactly there.
const char* kLineVS = R"(#version 300 es
uniform mat4 u_vp;
uniform vec3 u_eye;
layout(location = 0) in vec3 a_pos;
out float v_above_horizon;
void main() {
    v_above_horizon = dot(a_pos, u_eye) - 1.0;
    gl_Position = u_vp * vec4(a_pos, 1.0);
})";

const char* kLineFS = R"(#version 300 es
precision mediump float;
uniform vec4 u_color;
in highp float v_above_horizon;
out vec4 o_color;
void main() {
    if (v_above_horizon < 0.0) discard;
    o_color = u_color;
})";

// The ocean: the globe's disk on screen (the camera always looks at the
// globe's centre), as kDiskBands rings of kDiskSegments quads inscribed in
// the silhouette, lit as the land is: its colour per vertex from how squarely
// the point of the sphere under it faces the eye (found from the ray through
// it), lighter towards the limb. The rings' radii (fractions of the
// silhouette's) keep the colour, linear between them, within 3/4 of a level
// of 255 of its exact value in both themes. A sphere took 9,216 triangles,
// half of them culled, for the same picture; on a software rasteriser the
// triangles were the cost (the disk coloured per pixel instead, 192
// triangles, was no cheaper on a phone's screen: its pixels cost as much).
constexpr int kDiskSegments = 128, kDiskBands = 8;
const char* kOceanVS = R"(#version 300 es
uniform vec2 u_radius_ndc;
uniform vec2 u_tan_half_fov;  // x times the aspect ratio
uniform float u_distance;     // from the eye to the globe's centre, in radii
uniform vec3 u_ocean;
uniform vec3 u_ocean_limb;
out vec3 v_color;
const int kSegments = 128;  // kDiskSegments
const float kRing[9] = float[9](0.0, 0.336, 0.618, 0.818, 0.892, 0.955, 0.992, 0.999, 1.0);  // kDiskBands + 1
void main() {
    int corner = gl_VertexID % 6;  // two triangles per quad
    int quad = gl_VertexID / 6;
    int segment = quad % kSegments + ((corner == 1 || corner == 2 || corner == 4) ? 1 : 0);
    bool outer = corner == 2 || corner == 4 || corner == 5;
    float a = float(segment) * (6.2831853 / float(kSegments));
    vec2 p = vec2(cos(a), sin(a)) * kRing[quad / kSegments + (outer ? 1 : 0)] * u_radius_ndc;
    // the ray through p leaves the eye at angle t off the axis; where it
    // meets the sphere, the surface's cosine to the eye's direction is
    // d sin^2 t + cos t sqrt(1 - d^2 sin^2 t)
    vec2 q = p * u_tan_half_fov;
    float tan2 = dot(q, q);
    float sin2 = tan2 / (1.0 + tan2);
    float facing = u_distance * sin2 + sqrt(max(0.0, (1.0 - u_distance * u_distance * sin2) / (1.0 + tan2)));
    v_color = mix(u_ocean_limb, u_ocean, smoothstep(0.0, 0.6, facing)) * (0.78 + 0.22 * facing);
    gl_Position = vec4(p, 0.0, 1.0);
})";

// The atmosphere: a soft glow just outside the globe's silhouette, computed
// per pixel from the projected circle. Drawn as a ring of triangles from 0.99
// to 1.24 silhouette radii (beyond 1.236 the glow, at the themes' strongest
// alpha 0.35, adds under half a level of 255: nothing to see; inside, the
// ocean drawn over it hides it), so a software rasteriser shades only the
// pixels it can change, not the screen.
constexpr int kGlowSegments = 64;
const char* kGlowVS = R"(#version 300 es
uniform vec2 u_radius_ndc;
out vec2 v_ndc;
void main() {
    int corner = gl_VertexID % 6;               // two triangles per segment
    int segment = gl_VertexID / 6 + ((corner == 1 || corner == 2 || corner == 4) ? 1 : 0);
    bool outer = corner == 2 || corner == 4 || corner == 5;
    float a = float(segment) * (6.2831853 / 64.0);  // 64: kGlowSegments
    float k = outer ? 1.24 / cos(3.14159265 / 64.0) : 0.99;
    vec2 p = vec2(cos(a), sin(a)) * k * u_radius_ndc;
    v_ndc = p;
    gl_Position = vec4(p, 0.0, 1.0);
})";

const char* kGlowFS = R"(#version 300 es
precision mediump float;
uniform highp vec2 u_radius_ndc;  // silhouette radius in NDC, x and y: as precise as the vertex shader's, or WebGL will not link them
uniform vec4 u_color;
in vec2 v_ndc;
out vec4 o_color;
void main() {
    float r = length(v_ndc / u_radius_ndc);
    float glow = r < 1.0 ? 0.0 : exp(-(r - 1.0) * 22.0);
    float inner = r < 1.0 ? smoothstep(0.80, 1.0, r) * 0.6 : 0.0;
    o_color = vec4(u_color.rgb, u_color.a * max(glow, inner));
})";

// [SECTION] state ----------------------------------------------------------------

struct Program {
    GLuint id = 0;
    GLint vp = -1, color = -1, palette = -1, eye_dir = -1, eye = -1, ocean = -1, ocean_limb = -1, radius_ndc = -1,
          tan_half_fov = -1, distance = -1;
};

struct Mesh {
    GLuint vao = 0, vbo[2] = {0, 0}, ibo = 0;
    GLsizei count = 0;
    std::vector<MeshTile> tiles;  // land and lines: drawn tile by tile, the visible ones only
};

static struct {
    Program land_program, line, ocean, glow;
    Mesh graticule;
    Mesh land[2], borders[2];  // by Detail
    bool has_detail[2] = {false, false};
    GLuint empty_vao = 0, palette_tex = 0;  // the ocean and glow make their vertices from gl_VertexID
    bool has_mesh = false;
} state;

// Uniform locations, once the program has linked (see init()).
Program finish(GLuint started) {
    Program p;
    p.id = finish_program(started, "globe");
    for (auto [loc, name] : {std::pair{&p.vp, "u_vp"}, {&p.color, "u_color"},
                             {&p.palette, "u_palette"}, {&p.eye_dir, "u_eye_dir"}, {&p.eye, "u_eye"}, {&p.ocean, "u_ocean"},
                             {&p.ocean_limb, "u_ocean_limb"}, {&p.radius_ndc, "u_radius_ndc"},
                             {&p.tan_half_fov, "u_tan_half_fov"}, {&p.distance, "u_distance"}})
        *loc = glGetUniformLocation(p.id, name);
    return p;
}

void upload(Mesh& m, const std::vector<float>& xyz, const std::vector<float>* country,
            const std::vector<uint32_t>* indices) {
    if (!m.vao) glGenVertexArrays(1, &m.vao), glGenBuffers(2, m.vbo), glGenBuffers(1, &m.ibo);
    glBindVertexArray(m.vao);
    glBindBuffer(GL_ARRAY_BUFFER, m.vbo[0]);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(xyz.size() * sizeof(float)), xyz.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
    if (country) {
        glBindBuffer(GL_ARRAY_BUFFER, m.vbo[1]);
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(country->size() * sizeof(float)), country->data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
    } else {
        glDisableVertexAttribArray(1);
        glVertexAttrib1f(1, -1.0f);
    }
    if (indices) {
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ibo);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices->size() * sizeof(uint32_t)), indices->data(),
                     GL_STATIC_DRAW);
        m.count = GLsizei(indices->size());
    } else {
        m.count = GLsizei(xyz.size() / 3);
    }
    glBindVertexArray(0);
}

}  // namespace

bool init() {
    // all four started before any is asked about (gl_program.hpp)
    GLuint land = start_program(kLandVS, kColorFS), line = start_program(kLineVS, kLineFS),
           ocean = start_program(kOceanVS, kColorFS), glow = start_program(kGlowVS, kGlowFS);
    state.land_program = finish(land);
    state.line = finish(line);
    state.ocean = finish(ocean);
    state.glow = finish(glow);
    glGenVertexArrays(1, &state.empty_vao);
    glGenTextures(1, &state.palette_tex);
    glBindTexture(GL_TEXTURE_2D, state.palette_tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    std::vector<uint8_t> grey(256 * 4, 160);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, grey.data());
    return state.land_program.id && state.line.id && state.ocean.id && state.glow.id;
}

void upload_mesh(const GlobeMesh& mesh, Detail detail) {
    int d = int(detail);
    upload(state.land[d], mesh.land_xyz, &mesh.land_country, &mesh.land_indices);
    upload(state.borders[d], mesh.border_xyz, nullptr, nullptr);
    state.land[d].tiles = mesh.land_tiles;
    state.borders[d].tiles = mesh.border_tiles;
    upload(state.graticule, mesh.graticule_xyz, nullptr, nullptr);
    state.graticule.tiles = mesh.graticule_tiles;
    state.has_detail[d] = true;
    state.has_mesh = true;
}

void upload_palette(const uint8_t* rgba256) {
    glBindTexture(GL_TEXTURE_2D, state.palette_tex);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 256, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba256);
}

void draw(const GlobeCamera& cam, const Viewport& vp, int fb_width, int fb_height, const GlobeTheme& theme,
          bool graticule, Detail detail) {
    int lod = int(detail == Detail::Full && state.has_detail[int(Detail::Full)] ? Detail::Full : Detail::Light);
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(theme.background[0], theme.background[1], theme.background[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);

    Mat4 m = cam.view_projection(vp);
    Vec3 eye = cam.eye(vp), eye_dir = normalize(eye);
    double d = cam.distance(vp);
    SphereCap seen = cam.visible_cap(vp);

    // No depth buffer: painter's order does it. The atmosphere behind
    // everything, the ocean's disk, the land on it, the lines on both; the
    // land's far side is culled (it faces outward, tessellate.cpp), and lines
    // stop at the horizon in their shader.
    const double tan_half_fov = std::tan(GlobeCamera::kFovY / 2);
    const double r_ndc_y = std::tan(std::asin(1.0 / d)) / tan_half_fov;  // the silhouette's radius
    glBindVertexArray(state.empty_vao);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(state.glow.id);
    glUniform2f(state.glow.radius_ndc, float(r_ndc_y * vp.height / vp.width), float(r_ndc_y));
    glUniform4fv(state.glow.color, 1, theme.atmosphere);
    glDrawArrays(GL_TRIANGLES, 0, kGlowSegments * 6);

    glDisable(GL_BLEND);
    glUseProgram(state.ocean.id);
    glUniform2f(state.ocean.radius_ndc, float(r_ndc_y * vp.height / vp.width), float(r_ndc_y));
    glUniform2f(state.ocean.tan_half_fov, float(tan_half_fov * vp.width / vp.height), float(tan_half_fov));
    glUniform1f(state.ocean.distance, float(d));
    glUniform3fv(state.ocean.ocean, 1, theme.ocean);
    glUniform3fv(state.ocean.ocean_limb, 1, theme.ocean_limb);
    glDrawArrays(GL_TRIANGLES, 0, kDiskSegments * kDiskBands * 6);

    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glFrontFace(GL_CCW);
    if (state.has_mesh) {
        glUseProgram(state.land_program.id);
        glUniformMatrix4fv(state.land_program.vp, 1, GL_FALSE, m.m);
        glUniform3f(state.land_program.eye_dir, float(eye_dir.x), float(eye_dir.y), float(eye_dir.z));
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, state.palette_tex);
        glUniform1i(state.land_program.palette, 0);
        glBindVertexArray(state.land[lod].vao);
        for (auto [first, count] : visible_runs(state.land[lod].tiles, seen))
            glDrawElements(GL_TRIANGLES, GLsizei(count), GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(uintptr_t(first) * sizeof(uint32_t)));

        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glUseProgram(state.line.id);
        glUniformMatrix4fv(state.line.vp, 1, GL_FALSE, m.m);
        glUniform3f(state.line.eye, float(eye.x), float(eye.y), float(eye.z));
        if (graticule) {
            glUniform4fv(state.line.color, 1, theme.graticule);
            glBindVertexArray(state.graticule.vao);
            for (auto [first, count] : visible_runs(state.graticule.tiles, seen)) glDrawArrays(GL_LINES, GLint(first), GLsizei(count));
        }
        glUniform4fv(state.line.color, 1, theme.border);
        glBindVertexArray(state.borders[lod].vao);
        for (auto [first, count] : visible_runs(state.borders[lod].tiles, seen)) glDrawArrays(GL_LINES, GLint(first), GLsizei(count));
        glDisable(GL_BLEND);
    }
    glBindVertexArray(0);
    glDisable(GL_CULL_FACE);
}

}  // namespace globe_renderer
}  // namespace ng
