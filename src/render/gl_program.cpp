#include "render/gl_program.hpp"

#include <cstdio>

namespace ng {
namespace {

GLuint compile(GLenum type, const char* src, const char* what) {
    GLuint sh = glCreateShader(type);
    glShaderSource(sh, 1, &src, nullptr);
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024];
        glGetShaderInfoLog(sh, sizeof log, nullptr, log);
        std::fprintf(stderr, "%s shader: %s\n", what, log);
    }
    return sh;
}

}  // namespace

GLuint link_program(const char* vertex_src, const char* fragment_src, const char* what) {
    GLuint program = glCreateProgram();
    GLuint v = compile(GL_VERTEX_SHADER, vertex_src, what), f = compile(GL_FRAGMENT_SHADER, fragment_src, what);
    glAttachShader(program, v);
    glAttachShader(program, f);
    glLinkProgram(program);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "%s: shader program did not link\n", what);
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace ng
