// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/open_sites.h"

#include <QAbstractItemModel>

#include <memory>

namespace hs::ui {

/// The open-site report of one process as a tree: one row per call stack that opened fds
/// the process still holds ("Pool::grow <- main", 412 fds), expandable to the stack's
/// frames (function, file:line, module); a last row counts the fds whose opening the trace
/// did not see.
class OpenedByModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column : int { SiteColumn, CountColumn, KindsColumn, SourceColumn, ModuleColumn, ColumnCount };

    explicit OpenedByModel(QObject* parent = nullptr);

    void setReport(std::shared_ptr<const hs::OpenSiteReport> report);
    [[nodiscard]] const hs::OpenSiteReport* report() const { return m_report.get(); }

    /// The top-level row of the site that opened `fd`: a traced site, the "not seen
    /// opening" row, or -1 when the process does not hold it (or no report yet).
    [[nodiscard]] int rowOfFd(hs::HandleValue fd) const;
    /// The row that stands for fds opened before tracing (or received), -1 if none.
    [[nodiscard]] int unknownOriginRow() const;
    /// The site at a top-level row (the unknown-origin row gives report()->unknownOrigin).
    [[nodiscard]] const hs::OpenSite& site(int row) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant siteData(int row, int column, int role) const;
    QVariant frameData(const hs::StackFrame& frame, int column, int role) const;

    std::shared_ptr<const hs::OpenSiteReport> m_report;
};

} // namespace hs::ui
