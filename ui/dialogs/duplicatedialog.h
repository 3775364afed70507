// SPDX-License-Identifier: MIT
#pragma once

#include "dup/risk.h"

#include "dup/progress.h"

#include "handlescope/duplicate.h"
#include "handlescope/model.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QWidget;

namespace hs::ui {

class ExplainView;
class HandleMapModel;
class HandleMapView;
struct DuplicateOutcome;

/// Duplicate a handle into a process of the user's choice: source, target picker with
/// search (recent targets first), the options the platform supports, a live preview of
/// the exact calls and confirmation of risky choices. The duplicate itself is the window
/// controller's (duplicateRequested); the dialog shows its outcome (finish).
class DuplicateDialog : public QDialog {
    Q_OBJECT
public:
    /// Asks the user to confirm the given risks; true to go on.
    using Confirm = std::function<bool(QWidget* parent, const QStringList& risks)>;

    DuplicateDialog(const hs::ProcessInfo& source, const hs::HandleInfo& handle,
                    std::vector<hs::ProcessInfo> targets, const RiskContext& context, QWidget* parent = nullptr);
    ~DuplicateDialog() override;

    bool selectTarget(hs::Pid pid);
    [[nodiscard]] std::optional<hs::ProcessInfo> target() const;
    [[nodiscard]] hs::DuplicateOptions options() const;
    [[nodiscard]] QString previewText() const;
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] std::optional<hs::HandleValue> newHandle() const { return m_newHandle; }
    [[nodiscard]] QString errorText() const;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    /// The "Map" tab: the handle's object and its holders, following the duplicate.
    [[nodiscard]] HandleMapModel* mapModel() const { return m_mapModel; }
    [[nodiscard]] HandleMapView* mapView() const { return m_mapView; }
    /// Shows on the map every holder of the handle's object found in `tables` (the
    /// window's holderTables()); until then the map shows the source's slot alone.
    void showHolders(const std::vector<hs::ProcessHandles>& tables);

    static QStringList recentTargets();
    static void rememberTarget(const QString& name);

public Q_SLOTS:
    /// Checks the risks (asking the user), then asks for the duplicate.
    void startDuplicate();
    /// Shows the outcome of the duplicate this dialog asked for.
    void finish(const hs::ui::DuplicateOutcome& outcome);
    /// A step of the duplicate this dialog asked for (ignored while none runs): the map
    /// shows it.
    void showProgress(const hs::DuplicateProgress& step);

Q_SIGNALS:
    void duplicateRequested(hs::Pid target, const hs::DuplicateOptions& options);
    void duplicated(hs::Pid target, hs::HandleValue newHandle);
    void showInTargetRequested(hs::Pid target, hs::HandleValue newHandle);

private:
    void buildTargets(const std::vector<hs::ProcessInfo>& targets);
    void updatePreview();
    void setRunning(bool running);
    void showError(const QString& text);

    hs::ProcessInfo m_source;
    hs::HandleInfo m_handle;
    std::vector<hs::ProcessInfo> m_targets;
    RiskContext m_context;
    Confirm m_confirm;
    std::optional<hs::HandleValue> m_newHandle;
    hs::Pid m_runTarget = -1;
    bool m_busy = false;

    QLineEdit* m_search;
    QStandardItemModel* m_targetModel;
    QSortFilterProxyModel* m_targetProxy;
    QTableView* m_targetView;
    QCheckBox* m_inheritable;
    QCheckBox* m_closeSource;
    QRadioButton* m_sameAccess = nullptr;
    QLineEdit* m_accessMask = nullptr;
    QPlainTextEdit* m_preview;
    HandleMapModel* m_mapModel;
    HandleMapView* m_mapView; ///< the "Map" tab, first
    ExplainView* m_explain;   ///< the "Explain" tab beside the preview
    QTabWidget* m_previewTabs;
    QProgressBar* m_progress;
    QLabel* m_errorBanner;
    QWidget* m_successPanel;
    QLabel* m_newHandleLabel;
    QPushButton* m_duplicateButton;
    QDialogButtonBox* m_buttons;
};

} // namespace hs::ui
