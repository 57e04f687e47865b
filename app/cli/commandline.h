#pragma once

#include "oci/core/reference.h"

#include <QString>
#include <QStringList>

namespace cli {

// What the person asked for, validated. Nothing here touches the network.
struct Options
{
    enum class Command { Catalog, Tags, Manifest };

    Command command = Command::Catalog;
    QString registry;         // host[:port], for every command
    oci::Reference reference; // Tags: repository only; Manifest: tag and/or digest
    QString username;
    bool passwordFromStdin = false;
    QString caFile;
    bool insecure = false;    // https without certificate verification, this registry only
    bool plainHttp = false;
};

struct ParsedCommandLine
{
    enum class Outcome { Run, Help, Version, UsageError };

    Outcome outcome = Outcome::UsageError;
    Options options;
    QString text; // help text, version line, or the usage error (one line)
};

// `arguments` as QCoreApplication::arguments() gives them (program name first).
ParsedCommandLine parseCommandLine(const QStringList &arguments);

} // namespace cli
