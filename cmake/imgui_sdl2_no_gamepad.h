// Force-included into Dear ImGui's SDL2 backend (cmake/wasm.cmake). The app
// turns no gamepad navigation on, so the backend's gamepad polling never
// runs; but its calls would still link SDL's joystick and game-controller
// code (~20 KB of wasm). SDL is built without them (SDL_JOYSTICK_DISABLED,
// scripts/setup.sh), and here "no controller" is what opening one answers,
// so the polling compiles to nothing.
#pragma once
#include <SDL.h>
#define SDL_GameControllerOpen(index) ((SDL_GameController*)NULL)
