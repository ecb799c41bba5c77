// languages — English names of ISO 639-1 language codes, for the reader's
// provenance line ("Translated from French …"). Unknown codes come back
// upper-cased ("XX"), never empty when a code is given.
#pragma once
#include <string>

namespace ng {

std::string language_name(const std::string& code);

}  // namespace ng
