// images — pictures as WebGL textures (see images.hpp).
#include "web/images.hpp"

#include <emscripten.h>

namespace ng::web {
namespace {

static struct {
    ImageLoaded handler = nullptr;
} state;

// Loads an image and uploads it as a texture registered in Emscripten's GL
// table, so ImGui's OpenGL backend can bind it by id. Reports back through
// ng_image_done(handle, texture id or 0, width, height).
EM_JS(void, js_load_image, (int handle, const char* url, int max_width), {
    var done = function(id, w, h) { if (Module._ng_image_done) Module._ng_image_done(handle, id, w, h); };
    try {
        var img = new Image();
        img.crossOrigin = "anonymous";
        img.decoding = "async";
        img.onload = function() {
            try {
                var w = img.naturalWidth || 640, h = img.naturalHeight || 360;
                var scale = Math.min(1, max_width / w);
                var cw = Math.max(1, Math.round(w * scale)), ch = Math.max(1, Math.round(h * scale));
                var canvas = document.createElement("canvas");
                canvas.width = cw;
                canvas.height = ch;
                canvas.getContext("2d").drawImage(img, 0, 0, cw, ch);
                var gl = GLctx;
                if (!gl) return done(0, 0, 0);
                var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
                var tex = gl.createTexture();
                gl.bindTexture(gl.TEXTURE_2D, tex);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
                gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas);
                gl.bindTexture(gl.TEXTURE_2D, previous);
                var id = GL.getNewId(GL.textures);
                tex.name = id;
                GL.textures[id] = tex;
                done(id, cw, ch);
            } catch (e) {
                done(0, 0, 0);  // a tainted canvas (no CORS) or no GL
            }
        };
        img.onerror = function() { done(0, 0, 0); };
        img.src = UTF8ToString(url);
    } catch (e) {
        done(0, 0, 0);
    }
});

EM_JS(void, js_delete_texture, (int id), {
    var tex = GL.textures[id];
    if (tex && GLctx) GLctx.deleteTexture(tex);
    GL.textures[id] = null;
});

}  // namespace

void set_image_handler(ImageLoaded handler) { state.handler = handler; }

void load_image(int handle, const std::string& url, int max_width) { js_load_image(handle, url.c_str(), max_width); }

void delete_texture(unsigned texture) { js_delete_texture(int(texture)); }

void image_loaded(int handle, unsigned texture, int width, int height) {
    if (state.handler) state.handler(handle, texture, width, height);
    else if (texture) delete_texture(texture);
}

}  // namespace ng::web
