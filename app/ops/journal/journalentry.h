#pragma once

#include "ops/deleteplan.h"

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace ops {

// One deletion as the journal keeps it: written before the registry is touched (Pending),
// updated when the step ends (Done, Failed, Skipped) and when it is undone (Undone).
//
// On disk: one JSON object per file, "<id>.json", UTF-8, written whole with QSaveFile:
//
//   {
//     "format": "lading-journal-entry/1",
//     "id": "20250301-101112-123-1a2b3c4d",   // time of writing (UTC, ms) + random: sorts by time
//     "time": "2025-03-01T10:11:12.123Z",     // written (before the registry was touched)
//     "updated": "2025-03-01T10:11:12.456Z",  // last change
//     "run": "6f1c…",                         // the DeleteRun that wrote it
//     "step": 3,                              // index of the step in its plan
//     "registry": "registry.example:5000",
//     "repository": "team/app",
//     "kind": "deleteManifest" | "removeTag",
//     "digest": "sha256:…",                   // the manifest deleted / the removed tag's digest
//     "mediaType": "application/vnd.oci.image.manifest.v1+json",
//     "manifest": "<base64>",                 // its exact bytes (absent when never fetched)
//     "tags": ["1.1", "latest"],              // the tags it carried and this step took away
//                                             //   (removeTag: the one tag)
//     "method": "tag API" | "throwaway manifest sha256:…",   // removeTag only
//     "throwaway": "sha256:…",                // removeTag by throwaway manifest
//     "state": "pending" | "done" | "failed" | "skipped" | "undone",
//     "reason": "…",                          // failed: the error; skipped: why; else notes
//     "errorCode": "unsupported", "httpStatus": 405,  // failed (oci::Error::codeName)
//     "undoneTime": "…",                      // undone
//     "undoSkipped": ["rc"]                   // undone: tags left alone because they
//                                             //   pointed elsewhere by then (partly undone)
//   }
//
// A file whose manifest bytes do not hash to "digest" is reported as damaged, never used.
//
//     ops::JournalEntry entry = journal.read(id).value();
//     if (entry.canUndo()) … // UndoJob
struct JournalEntry
{
    enum class State { Pending, Done, Failed, Skipped, Undone };

    QString id;
    QDateTime time;    // UTC
    QDateTime updated; // UTC
    QString run;
    int step = -1;
    QString registry;
    QString repository;
    DeleteStep::Kind kind = DeleteStep::Kind::DeleteManifest;
    oci::Digest digest;
    QString mediaType;
    QByteArray manifest;
    QStringList tags;
    QString method;
    oci::Digest throwaway;
    State state = State::Pending;
    QString reason;
    QString errorCode;
    int httpStatus = 0;
    QDateTime undoneTime;
    QStringList undoSkipped; // Undone, but these tags had moved on and were left alone

    // The "method" texts for a removed tag.
    static QString tagApiMethod() { return QStringLiteral("tag API"); }
    static QString throwawayMethod(const oci::Digest &digest);

    // The manifest bytes are there and something may have been deleted (Done, or Pending /
    // Failed: the registry may have acted before the answer was lost).
    bool canUndo() const;
    // Undone, but not every tag was put back (undoSkipped).
    bool isPartlyUndone() const { return state == State::Undone && !undoSkipped.isEmpty(); }
    // One line for a list: "2025-03-01 10:11:12 done: deleted team/app@sha256:1a2b… (1.1, latest)".
    QString describe() const;

    static QString stateName(State state);
    static QString kindName(DeleteStep::Kind kind);

    QJsonObject toJson() const;
    // MalformedDocument for anything that is not an entry of this format, DigestMismatch
    // when the manifest bytes do not hash to the digest.
    static oci::Result<JournalEntry> fromJson(const QJsonObject &object);
};

} // namespace ops
