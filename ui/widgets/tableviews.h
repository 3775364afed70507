// SPDX-License-Identifier: MIT
#pragma once

class QTableView;

namespace hs::ui {

/// Shared setup of the big tables: fixed (uniform) row heights so 100,000 rows scroll
/// without measuring each, row selection, sortable movable columns, context menus.
void setupTableView(QTableView* view);

} // namespace hs::ui
