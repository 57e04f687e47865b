#include "oci/manifest/layerhistory.h"

#include "oci/manifest/imageconfig.h"

namespace oci {

LayerHistory::LayerHistory(const QList<oci::HistoryEntry> &history, qsizetype layerCount)
    : m_historyOfLayer(layerCount, -1)
{
    m_layerOfHistory.reserve(history.size());
    int layer = 0;
    for (qsizetype i = 0; i < history.size(); ++i) {
        if (history.at(i).emptyLayer) {
            m_layerOfHistory.append(-1);
            continue;
        }
        if (layer < layerCount) {
            m_layerOfHistory.append(layer);
            m_historyOfLayer[layer] = int(i);
        } else {
            m_layerOfHistory.append(-1);
        }
        ++layer;
    }
    m_consistent = layer == layerCount;
}

int LayerHistory::layerOf(qsizetype historyIndex) const
{
    return historyIndex >= 0 && historyIndex < m_layerOfHistory.size()
               ? m_layerOfHistory.at(historyIndex)
               : -1;
}

int LayerHistory::historyOf(qsizetype layerIndex) const
{
    return layerIndex >= 0 && layerIndex < m_historyOfLayer.size() ? m_historyOfLayer.at(layerIndex)
                                                                   : -1;
}

QString LayerHistory::oneLineCommand(const QString &createdBy)
{
    QString command = createdBy.simplified();
    static const QLatin1String nop("/bin/sh -c #(nop) ");
    if (command.startsWith(nop))
        command = command.sliced(nop.size()).trimmed();
    return command;
}

} // namespace oci
