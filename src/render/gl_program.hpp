// gl_program — compiles and links a GLSL ES 3.00 program, logging failures
// once at start-up (never per frame: a GL query can stall the browser).
#pragma once
#include <GLES3/gl3.h>

namespace ng {

GLuint link_program(const char* vertex_src, const char* fragment_src, const char* what);

}  // namespace ng
