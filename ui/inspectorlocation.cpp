#include "inspectorlocation.h"

#include "oci/inspect/contentfetcher.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"

void InspectorHistory::push(InspectorLocation location)
{
    m_entries.resize(m_position + 1);
    m_entries.append(std::move(location));
    if (m_entries.size() > MaxEntries)
        m_entries.removeFirst();
    m_position = m_entries.size() - 1;
}

void InspectorHistory::clear()
{
    m_entries.clear();
    m_position = -1;
}

bool InspectorHistory::back()
{
    if (!canGoBack())
        return false;
    --m_position;
    return true;
}

bool InspectorHistory::forward()
{
    if (!canGoForward())
        return false;
    ++m_position;
    return true;
}
