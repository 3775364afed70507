// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

#include <map>
#include <optional>

class QAreaSeries;
class QChart;
class QChartView;
class QCheckBox;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace hs::ui {

class LeakSampler;

/// The handle count of one process over the sampler's window: its total as a line and,
/// for a watched process, its types stacked beneath it, the growth rate in the title,
/// and a marker on the line wherever a snapshot was taken. X is seconds before the last
/// sample (0 is now).
class LeakChart : public QWidget {
    Q_OBJECT
public:
    explicit LeakChart(LeakSampler* sampler, QWidget* parent = nullptr);

    /// Charts `pid` from the next repaint on; nullopt for none.
    void setProcess(std::optional<hs::Pid> pid, const QString& name);
    [[nodiscard]] std::optional<hs::Pid> process() const { return m_pid; }

    // For tests and the screenshots.
    [[nodiscard]] QChart* chart() const { return m_chart; }
    [[nodiscard]] QLineSeries* totalSeries() const { return m_total; }
    [[nodiscard]] QScatterSeries* markerSeries() const { return m_markers; }
    /// The stacked area of each type shown, by kind (empty unless the process is watched).
    [[nodiscard]] const std::map<hs::HandleKind, QAreaSeries*>& kindAreas() const { return m_areas; }
    [[nodiscard]] QCheckBox* watchBox() const { return m_watch; }
    [[nodiscard]] QLabel* growthLabel() const { return m_growth; }

public Q_SLOTS:
    /// Redraws from the sampler's history.
    void refresh();

private:
    void rebuildAreas(const std::vector<hs::HandleKind>& kinds);
    void showKinds();

    LeakSampler* m_sampler;
    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_total;
    QScatterSeries* m_markers;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QCheckBox* m_watch;
    QLabel* m_growth;
    std::map<hs::HandleKind, QAreaSeries*> m_areas;
    std::optional<hs::Pid> m_pid;
    QString m_name;
};

} // namespace hs::ui
