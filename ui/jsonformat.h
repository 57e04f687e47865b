#pragma once

#include <QByteArrayView>
#include <QString>

// Re-indents JSON text for reading while keeping the document's own key order and string
// escapes (QJsonDocument would sort keys, and a manifest is best read as it was written).
// Text that is not JSON comes back unchanged.
QString indentJson(QByteArrayView json, int indentWidth = 2);
