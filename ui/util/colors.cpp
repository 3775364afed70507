// SPDX-License-Identifier: MIT
#include "util/colors.h"

#include <QPalette>

namespace hs::ui {

namespace {
// Mix a signal colour into the base colour: 35% is visible on white and on #2b2b2b
// without drowning the text.
QColor blend(const QColor& base, const QColor& tint, double amount)
{
    auto mix = [amount](double a, double b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(static_cast<float>(mix(base.redF(), tint.redF())),
                            static_cast<float>(mix(base.greenF(), tint.greenF())),
                            static_cast<float>(mix(base.blueF(), tint.blueF())));
}
} // namespace

QColor addedBackground(const QPalette& palette) { return blend(palette.color(QPalette::Base), QColor(0, 200, 70), 0.35); }
QColor removedBackground(const QPalette& palette) { return blend(palette.color(QPalette::Base), QColor(230, 30, 30), 0.35); }
QColor errorBackground(const QPalette& palette) { return blend(palette.color(QPalette::Window), QColor(220, 40, 40), 0.30); }
QColor noticeBackground(const QPalette& palette) { return blend(palette.color(QPalette::Window), QColor(60, 130, 230), 0.25); }
QColor mutedText(const QPalette& palette) { return palette.color(QPalette::Disabled, QPalette::Text); }

} // namespace hs::ui
