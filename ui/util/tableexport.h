// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;
class QAbstractItemView;

namespace hs::ui {

/// RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
QString csvField(const QString& text);
/// The model's rows as shown (a proxy: filtered and sorted), header first, CRLF lines.
QString modelToCsv(const QAbstractItemModel& model);
/// The selected rows of a view as tab-separated text (visible columns, visual order).
QString selectionAsTsv(const QAbstractItemView& view);

} // namespace hs::ui
