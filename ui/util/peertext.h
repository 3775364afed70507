// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QString>

namespace hs::ui {

/// A handle's name as the core describes it, then its peers in the user's language:
/// "pipe:[123] -> Xvfb (2249) fd 8" (three at most, then "+N more", as the CLI shows it).
QString nameText(const hs::HandleInfo& h);

/// One peer: "Xvfb (2249) fd 8".
QString peerText(const hs::PeerEnd& peer);

} // namespace hs::ui
