#pragma once

#include "image/reader/imagelayers.h"
#include "oci/core/reference.h"
#include "oci/inspect/tagorder.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cli {

// What the person asked for, validated. Nothing here touches the network.
struct Options
{
    enum class Command {
        Catalog, Tags, Manifest, Inspect, Layers, Files, Cat, Waste, Push,
        Tag, Copy, Remove, Cleanup, Undo, // opsarguments.h
        Diff,                             // diffcommand.h
    };

    Command command = Command::Catalog;
    QString registry;         // host[:port], for every command
    oci::Reference reference; // Tags: repository only; Manifest: tag and/or digest
    // layers/files/cat/waste on a local tarball or OCI layout instead of `reference`
    std::optional<image::LocalReference> local;
    QString username;
    bool passwordFromStdin = false;
    QString caFile;
    bool insecure = false; // https without certificate verification, this registry only
    bool plainHttp = false;

    // tags
    bool details = false; // digest, size, created, platforms per tag
    oci::TagSortKey sort = oci::TagSortKey::Name;
    bool sorted = false; // --sort given (plain tags are otherwise in registry order)
    bool json = false;   // tags --details as JSON instead of a table
    // tags --details, inspect
    bool noCache = false; // memory only: no on-disk content cache
    int concurrency = 8;  // requests in flight for --details

    // layers, files, cat, waste
    QString platform;   // "os/arch[/variant]" of an index; empty: linux/amd64 or the only one
    int layer = -1;     // files --layer N (0 = the base layer); with --merged: after layer N
    bool merged = false; // files: the filesystem after the top layer (the default)
    bool changed = false; // files: only what the layer changed
    QString path;        // cat: the file in the image

    // push FILE_OR_LAYOUT REFERENCE
    QString pushSource;  // the tarball or OCI layout folder
    bool dryRun = false; // print the plan only
    QString pushImage;   // --image: which image of a file that holds several
    bool pushAll = false; // --all: every image, each with its own tag

    // tag REFERENCE NEWTAG…, copy SOURCE TARGET, rm REFERENCE…, cleanup REPOSITORY, undo [ID]
    QStringList newTags;          // tag
    oci::Reference target;        // copy: [registry/]name[:tag]
    bool withReferrers = false;   // copy --referrers
    QStringList removeTags;       // rm: tags of `reference`'s repository
    bool deleteImage = false;     // rm --image: the manifests, with every tag on them
    bool yes = false;             // rm, cleanup: do it (else only the plan is printed)
    int keepNewest = 0;           // cleanup --keep-newest
    QStringList keepPatterns;     // cleanup --keep
    QStringList deletePatterns;   // cleanup --delete
    QDateTime olderThan;          // cleanup --older-than
    QString journalEntry;         // undo ENTRY (empty: list the journal)
    QString journalFolder;        // --journal DIR (default: the GUI's and ladingctl's shared one)

    // diff A B: A in `reference` / `local`, B here
    oci::Reference referenceB;
    std::optional<image::LocalReference> localB;
    bool filesOnly = false;       // diff --files-only
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
