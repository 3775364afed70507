// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace hs::ui {

/// "Find handle": text or regular expression, optional type, across every process of
/// the last snapshot (hs::findHandles; no /proc reads). Double-click jumps to a hit.
class FindDialog : public QDialog {
    Q_OBJECT
public:
    explicit FindDialog(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const hs::Snapshot> snapshot) { m_snapshot = std::move(snapshot); }
    [[nodiscard]] QLineEdit* textEdit() const { return m_text; }
    [[nodiscard]] QCheckBox* regexBox() const { return m_regex; }
    [[nodiscard]] QComboBox* typeCombo() const { return m_type; }
    [[nodiscard]] QTableWidget* results() const { return m_results; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

    static constexpr int MaxResults = 10000;

public Q_SLOTS:
    void find();

Q_SIGNALS:
    void jumpRequested(hs::Pid pid, hs::HandleValue value);

private:
    std::shared_ptr<const hs::Snapshot> m_snapshot;
    QLineEdit* m_text;
    QCheckBox* m_regex;
    QCheckBox* m_case;
    QComboBox* m_type;
    QTableWidget* m_results;
    QLabel* m_status;
};

} // namespace hs::ui
