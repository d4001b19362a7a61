// Where Rapport keeps things on this machine, by the XDG base directory rules:
// settings in $XDG_CONFIG_HOME/rapport (default ~/.config/rapport), recovery
// files in $XDG_STATE_HOME/rapport (default ~/.local/state/rapport). The one
// lookup of these folders; relative values are ignored, as the rules say.
#pragma once

#include <filesystem>

namespace rapport {

enum class Folder { Config, State };
std::filesystem::path folder(Folder which);

}  // namespace rapport
