// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace hs::ui {

/// The core speaks UTF-8 std::string (names may hold any bytes; fromUtf8 replaces bad ones).
inline QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
inline std::string ss(const QString& s) { return s.toStdString(); }

} // namespace hs::ui
