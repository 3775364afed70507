// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

class QPalette;

namespace hs::ui {

/// Highlight colours derived from the palette (not hard-coded on white), so the
/// palette's Text colour stays readable on them in light and dark themes alike.
QColor addedBackground(const QPalette& palette);
QColor removedBackground(const QPalette& palette);
QColor errorBackground(const QPalette& palette);
/// Background of the information bar (the privilege bar): a blue tint of Window.
QColor noticeBackground(const QPalette& palette);
/// Text for rows the user may not inspect.
QColor mutedText(const QPalette& palette);

} // namespace hs::ui
