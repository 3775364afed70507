// SPDX-License-Identifier: MIT
#include "util/platform.h"

namespace hs::ui {

const hs::PlatformInfo& platform()
{
    static const hs::PlatformInfo info = hs::platformInfo();
    return info;
}

} // namespace hs::ui
