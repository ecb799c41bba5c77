// gl_program — compiles and links GLSL ES 3.00 programs, logging failures
// once at start-up (never per frame: a GL query can stall the browser).
//
// Why two steps: every status query is a round trip to the GPU process,
// which first finishes all the work before it. Starting every program before
// asking about any of them makes that one wait for a renderer, not three per
// program (compile, compile, link).
#pragma once
#include <GLES3/gl3.h>

namespace ng {

// Compiles and links without asking how it went.
GLuint start_program(const char* vertex_src, const char* fragment_src);
// Waits for the link: the program, or 0 (deleted) when a shader did not
// compile or the program did not link, with the logs on stderr.
GLuint finish_program(GLuint program, const char* what);

}  // namespace ng
