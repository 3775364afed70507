// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QTableView;
class QTreeView;

namespace hs::ui {

/// Shared setup of the big tables: fixed (uniform) row heights so 100,000 rows scroll
/// without measuring each, row selection, sortable movable columns, context menus.
void setupTableView(QTableView* view);

/// Sets `column` to `minimum` pixels, or wider where its header text or one of `samples`
/// (texts its cells show) needs it: the French texts are longer than the English ones the
/// minimums were chosen for. Call after the view has its model.
/// Returns the width set.
int fitColumn(QTableView* view, int column, int minimum, const QStringList& samples = {});
int fitColumn(QTreeView* view, int column, int minimum, const QStringList& samples = {});

} // namespace hs::ui
