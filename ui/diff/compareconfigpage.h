#pragma once

#include <QWidget>

class ConfigDiffModel;
class HistoryDiffModel;
class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;
class SideBySideDiffView;

namespace image {
struct PlatformDiff;
} // namespace image

// The compare window's Config tab: the changed config keys as a table (ConfigDiffModel)
// above both histories side by side (HistoryDiffModel, equal runs folded; a double click
// unfolds one), or — "JSON Side by Side" — the two raw configs in a SideBySideDiffView in
// JSON mode.
class CompareConfigPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareConfigPage)

public:
    explicit CompareConfigPage(QWidget *parent = nullptr);
    ~CompareConfigPage() override;

    void setDiff(const image::PlatformDiff &diff, const QString &labelA, const QString &labelB);
    void clear();

    // The JSON side-by-side view instead of the tables.
    void setJsonShown(bool shown);
    bool isJsonShown() const;

    ConfigDiffModel *configModel() const { return m_config; }
    HistoryDiffModel *historyModel() const { return m_history; }
    SideBySideDiffView *jsonView() const { return m_json; }
    QTableView *configView() const { return m_configView; }

private:
    ConfigDiffModel *m_config = nullptr;
    HistoryDiffModel *m_history = nullptr;
    QLabel *m_configLabel = nullptr;
    QLabel *m_historyLabel = nullptr;
    QTableView *m_configView = nullptr;
    QTableView *m_historyView = nullptr;
    QCheckBox *m_showUnchanged = nullptr;
    QToolButton *m_jsonButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    SideBySideDiffView *m_json = nullptr;
};
