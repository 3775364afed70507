// SPDX-License-Identifier: MIT
#include "leaks/leakchart.h"

#include "leaks/leaksampler.h"
#include "util/vocabulary.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <ranges>
#include <span>

namespace hs::ui {

namespace {

double secondsBefore(hs::SteadyTime at, hs::SteadyTime latest)
{
    return std::chrono::duration<double>(at - latest).count();
}

} // namespace

LeakChart::LeakChart(LeakSampler* sampler, QWidget* parent)
    : QWidget(parent)
    , m_sampler(sampler)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_total(new QLineSeries(this))
    , m_markers(new QScatterSeries(this))
    , m_x(new QValueAxis(this))
    , m_y(new QValueAxis(this))
    , m_watch(new QCheckBox(tr("Count per &type"), this))
    , m_growth(new QLabel(this))
{
    setObjectName(QStringLiteral("leakChart"));
    m_total->setName(tr("Total"));
    m_total->setObjectName(QStringLiteral("totalSeries"));
    // Dark and thicker than the areas' edges: the total must stand out of the stack.
    m_total->setPen(QPen(palette().color(QPalette::WindowText), 2));
    m_markers->setName(tr("Snapshots"));
    m_markers->setObjectName(QStringLiteral("snapshotMarkers"));
    m_markers->setMarkerSize(10);
    m_chart->addSeries(m_total);
    m_chart->addSeries(m_markers);
    m_x->setTitleText(tr("Seconds before the last sample"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setTitleText(tr("Handles"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (auto* series : std::initializer_list<QXYSeries*>{m_total, m_markers}) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    // A snapshot marker says which snapshot it is when the mouse is on it.
    connect(m_markers, &QScatterSeries::hovered, this, [this](const QPointF& point, bool state) {
        if (!state)
            return;
        const int i = static_cast<int>(m_markers->points().indexOf(point));
        const QString label = m_markers->property("labels").toStringList().value(i);
        QToolTip::showText(QCursor::pos(), label, m_view);
    });

    m_watch->setObjectName(QStringLiteral("leakWatchBox"));
    m_watch->setToolTip(tr("Read this process's handles in full at every sample, to stack its count by type "
                           "(costs more than counting)"));
    connect(m_watch, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_pid)
            return;
        if (on)
            m_sampler->watch(*m_pid);
        else
            m_sampler->unwatch(*m_pid);
    });
    m_growth->setObjectName(QStringLiteral("leakGrowth"));
    m_growth->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* top = new QHBoxLayout;
    top->addWidget(m_growth, 1);
    top->addWidget(m_watch);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_sampler, &LeakSampler::sampled, this, &LeakChart::refresh);
    setProcess(std::nullopt, {});
}

void LeakChart::setProcess(std::optional<hs::Pid> pid, const QString& name)
{
    m_pid = pid;
    m_name = name;
    const QSignalBlocker block(m_watch);
    m_watch->setEnabled(pid.has_value());
    m_watch->setChecked(pid && m_sampler->isWatched(*pid));
    refresh();
}

void LeakChart::refresh()
{
    const LeakHistory& history = m_sampler->history();
    const double window = std::chrono::duration<double>(history.window()).count();
    m_x->setRange(-window, 0);
    if (!m_pid) {
        m_chart->setTitle(tr("Select a process to chart its handle count"));
        m_total->clear();
        m_markers->clear();
        rebuildAreas({});
        m_growth->clear();
        return;
    }
    // The history holds window / interval samples, which span more than the window when
    // samples run late: only the window is drawn.
    auto series = history.series(*m_pid);
    const auto from = std::ranges::find_if(series, [&](const hs::CountSample& s) {
        return s.at >= history.latest() - history.window();
    });
    series = series.subspan(static_cast<std::size_t>(from - series.begin()));
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(series.size()));
    std::int64_t highest = 0;
    for (const hs::CountSample& s : series) {
        points.append({secondsBefore(s.at, history.latest()), static_cast<double>(s.count)});
        highest = std::max(highest, s.count);
    }
    m_total->replace(points);
    m_y->setRange(0, std::max<double>(10, static_cast<double>(highest) * 1.1));

    // Snapshot markers sit on the line, at the count of the last sample before them.
    QList<QPointF> marks;
    QStringList labels;
    for (const LeakMarker& m : history.markers()) {
        const double x = secondsBefore(m.at, history.latest());
        if (x < -window || series.empty() || m.at < series.front().at)
            continue;
        auto after = std::ranges::upper_bound(series, m.at, {}, &hs::CountSample::at);
        marks.append({std::min(x, 0.0), static_cast<double>(std::prev(after)->count)});
        labels.append(m.label);
    }
    m_markers->replace(marks);
    m_markers->setProperty("labels", labels);
    showKinds();

    const hs::LeakVerdict verdict = history.verdict(*m_pid);
    m_chart->setTitle(tr("%1 (pid %2)").arg(m_name).arg(*m_pid));
    if (series.empty()) {
        m_growth->setText(tr("No count yet: the process is not sampled, or has no handles."));
        return;
    }
    QString text = tr("%1 handles, %2 a minute over the last %3 s")
                       .arg(series.back().count)
                       .arg(QLocale().toString(verdict.growthPerMinute, 'f', 1))
                       .arg(std::chrono::duration<double>(series.back().at - series.front().at).count(), 0, 'f', 0);
    if (history.suspect(*m_pid))
        text += QStringLiteral(" \u2014 ") + tr("<b>keeps growing: a leak suspect</b>");
    m_growth->setText(text);
}

void LeakChart::showKinds()
{
    const LeakHistory& history = m_sampler->history();
    std::span<const KindSample> kinds = history.kindSeries(*m_pid);
    const auto from = std::ranges::find_if(kinds, [&](const KindSample& k) {
        return k.at >= history.latest() - history.window();
    });
    kinds = kinds.subspan(static_cast<std::size_t>(from - kinds.begin()));
    // The types held at any time in the window, in the core's order (stable colours).
    std::vector<hs::HandleKind> shown;
    for (int k = 0; k < hs::HandleKindCount; ++k)
        if (std::ranges::any_of(kinds, [k](const KindSample& s) { return s.perKind[static_cast<std::size_t>(k)] > 0; }))
            shown.push_back(static_cast<hs::HandleKind>(k));
    rebuildAreas(shown);
    std::vector<double> stacked(kinds.size(), 0.0);
    for (hs::HandleKind kind : shown) {
        QList<QPointF> upper;
        upper.reserve(static_cast<qsizetype>(kinds.size()));
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            stacked[i] += static_cast<double>(kinds[i].perKind[static_cast<std::size_t>(kind)]);
            upper.append({secondsBefore(kinds[i].at, history.latest()), stacked[i]});
        }
        m_areas.at(kind)->upperSeries()->replace(upper);
    }
}

void LeakChart::rebuildAreas(const std::vector<hs::HandleKind>& kinds)
{
    if (std::ranges::equal(kinds, m_areas | std::views::keys))
        return;
    for (auto& [kind, area] : m_areas) {
        m_chart->removeSeries(area);
        delete area;
    }
    m_areas.clear();
    // Each area spans from the one below's top line to its own; the lines belong to it.
    QLineSeries* below = nullptr;
    for (hs::HandleKind kind : kinds) {
        auto* area = new QAreaSeries(this);
        auto* upper = new QLineSeries(area);
        area->setUpperSeries(upper);
        if (below) {
            auto* lower = new QLineSeries(area);
            connect(below, &QXYSeries::pointsReplaced, lower, [below, lower] { lower->replace(below->points()); });
            area->setLowerSeries(lower);
        }
        area->setName(kindName(kind));
        area->setOpacity(0.6);
        m_chart->addSeries(area);
        area->attachAxis(m_x);
        area->attachAxis(m_y);
        m_areas.emplace(kind, area);
        below = upper;
    }
    // The chart paints its series in the order they were added: the total line and the
    // markers go back on top of the areas.
    for (QXYSeries* series : std::initializer_list<QXYSeries*>{m_total, m_markers}) {
        m_chart->removeSeries(series);
        series->setParent(this);
        m_chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
}

} // namespace hs::ui
