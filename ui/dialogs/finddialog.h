// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <memory>

#include <QDialog>

#include <chrono>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hs::ui {

class HitModel;
class Reader;
struct FindRead;

/// "Find handle": text or regular expression, optional type, across every handle of
/// every process (hs::findHandles on a whole-machine read by the Reader, off the UI
/// thread). Double-click jumps to a hit.
class FindDialog : public QDialog {
    Q_OBJECT
public:
    explicit FindDialog(Reader* reader, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* textEdit() const { return m_text; }
    [[nodiscard]] QCheckBox* regexBox() const { return m_regex; }
    [[nodiscard]] QComboBox* typeCombo() const { return m_type; }
    [[nodiscard]] QTableView* results() const { return m_results; }
    [[nodiscard]] HitModel* hits() const { return m_hits; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

    static constexpr int MaxResults = 10000;
    [[nodiscard]] bool isSearching() const { return m_search != 0; }

public Q_SLOTS:
    void find();

Q_SIGNALS:
    void jumpRequested(hs::Pid pid, hs::HandleValue value);
    /// A search answered (tests wait for it).
    void searched();

private:
    void showResult(const std::shared_ptr<const FindRead>& result);

    Reader* m_reader;
    quint64 m_search = 0; ///< id of the search under way, 0 if none
    QPushButton* m_findButton;
    QLineEdit* m_text;
    QCheckBox* m_regex;
    QCheckBox* m_case;
    QComboBox* m_type;
    HitModel* m_hits;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_results;
    QLabel* m_status;
};

} // namespace hs::ui
