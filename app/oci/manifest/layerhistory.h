#pragma once

#include <QList>
#include <QString>

namespace oci {

struct HistoryEntry;

// Which entries of an image config's history made which layers. History entries marked
// "empty_layer" made none; the N-th entry without it made layer N (image-spec config.md).
// Builders do not always keep the two in step, so both directions answer -1 where the
// history and the layer list disagree.
class LayerHistory
{
public:
    LayerHistory() = default;
    LayerHistory(const QList<oci::HistoryEntry> &history, qsizetype layerCount);

    // The 0-based layer the entry made; -1 for an empty step or an entry past the layers.
    int layerOf(qsizetype historyIndex) const;
    // The 0-based history entry that made the layer; -1 when the history does not say.
    int historyOf(qsizetype layerIndex) const;
    // True when the history has exactly one non-empty entry per layer.
    bool isConsistent() const { return m_consistent; }
    bool isEmpty() const { return m_layerOfHistory.isEmpty(); }

    // A history command on one line for a table: Docker's "/bin/sh -c #(nop) " prefix of
    // metadata steps dropped, runs of white space (newlines of heredocs) made one space.
    static QString oneLineCommand(const QString &createdBy);

private:
    QList<int> m_layerOfHistory;
    QList<int> m_historyOfLayer;
    bool m_consistent = false;
};

} // namespace oci
