// SPDX-License-Identifier: MIT
#include "util/peertext.h"

#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

#include <QCoreApplication>

namespace hs::ui {

namespace {
// As many as the core's describeName names, so the window and the CLI list the same ones.
constexpr std::size_t kPeersNamed = 3;
} // namespace

QString peerText(const hs::PeerEnd& peer)
{
    //: a peer: process name, its pid, the word for "fd", the fd number ("Xvfb (2249) fd 8")
    return QCoreApplication::translate("hs::ui::PeerText", "%1 (%2) %3 %4")
        .arg(qs(peer.processName))
        .arg(peer.pid)
        .arg(handleWord())
        .arg(peer.value);
}

QString nameText(const hs::HandleInfo& h)
{
    std::string name;
    hs::describeName(h, name, false);
    QString text = qs(name);
    if (h.peers.empty())
        return text;
    QStringList named;
    for (std::size_t i = 0; i < h.peers.size() && i < kPeersNamed; ++i)
        named << peerText(h.peers[i]);
    text += QStringLiteral(" -> ") + named.join(QStringLiteral(", "));
    if (h.peers.size() > kPeersNamed) {
        const int more = static_cast<int>(h.peers.size() - kPeersNamed);
        //: after the peers named: how many more there are (" +2 more")
        text += QCoreApplication::translate("hs::ui::PeerText", " +%n more", nullptr, more);
    }
    return text;
}

} // namespace hs::ui
