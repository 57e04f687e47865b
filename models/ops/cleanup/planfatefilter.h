#pragma once

#include <QSortFilterProxyModel>

#include <optional>

// The rows of a DeletePlanModel that the cleanup window shows: all, or one decision
// (Deleted, Kept, Protected), and only tags containing a text (case-insensitive). Sorts by
// DeletePlanModel::SortRole.
//
//     auto *filter = new PlanFateFilter(this);
//     filter->setSourceModel(planModel);
//     filter->setFate(int(ops::TagFate::Fate::Protected)); // std::nullopt: every decision
//     filter->setTagText(u"rc"_s);
class PlanFateFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanFateFilter)

public:
    explicit PlanFateFilter(QObject *parent = nullptr);
    ~PlanFateFilter() override;

    std::optional<int> fate() const { return m_fate; }
    void setFate(std::optional<int> fate); // ops::TagFate::Fate
    const QString &tagText() const { return m_tagText; }
    void setTagText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<int> m_fate;
    QString m_tagText;
};
