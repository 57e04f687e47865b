#pragma once

#include <QLoggingCategory>

// "lading.transport": one debug line per hop, retry, auth step. Never logs credentials.
// QT_LOGGING_RULES="lading.transport.debug=true" to see it.
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
