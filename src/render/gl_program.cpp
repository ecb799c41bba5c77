#include "render/gl_program.hpp"

#include <cstdio>
#include <utility>

namespace ng {

GLuint start_program(const char* vertex_src, const char* fragment_src) {
    GLuint program = glCreateProgram();
    for (auto [type, src] : {std::pair{GL_VERTEX_SHADER, vertex_src}, {GL_FRAGMENT_SHADER, fragment_src}}) {
        GLuint sh = glCreateShader(type);
        glShaderSource(sh, 1, &src, nullptr);
        glCompileShader(sh);
        glAttachShader(program, sh);
    }
    glLinkProgram(program);
    return program;
}

GLuint finish_program(GLuint program, const char* what) {
    // the shaders, kept until now for their logs (WebGL forgets a deleted one's name)
    GLuint shaders[2] = {0, 0};
    GLsizei count = 0;
    glGetAttachedShaders(program, 2, &count, shaders);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    char log[1024];
    for (GLsizei i = 0; i < count; ++i) {
        GLint compiled = 1;
        if (!ok) glGetShaderiv(shaders[i], GL_COMPILE_STATUS, &compiled);
        if (!compiled) {
            glGetShaderInfoLog(shaders[i], sizeof log, nullptr, log);
            std::fprintf(stderr, "%s shader: %s\n", what, log);
        }
        glDeleteShader(shaders[i]);  // freed with the program
    }
    if (ok) return program;
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s: shader program did not link: %s\n", what, log);
    glDeleteProgram(program);
    return 0;
}

}  // namespace ng
