#pragma once

#include <QCoreApplication>
#include <QString>

namespace oci {
class Error;
}

// Turns an oci::Error into text for a person: what failed, why, and what they can do,
// each a complete translatable sentence. The core's own messages stay technical English
// and appear only as a detail.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    enum class Operation { Connect, ListRepositories, ListTags, LoadManifest };

    // `subject` is the registry host, repository or reference the operation was about.
    static QString describe(Operation operation, const QString &subject, const oci::Error &error,
                            bool credentialsGiven);
    // A short form for a tree row under the node it is about: only why it failed.
    static QString summary(const oci::Error &error, bool credentialsGiven);

    // True when a registry answers the catalog request with "not offered" (401/403/404/405
    // after it accepted us on /v2/): it simply does not list its repositories.
    static bool meansNoCatalog(const oci::Error &error);
    // What to say when a registry does not list its repositories.
    static QString noCatalog(const QString &host, const oci::Error &error, bool credentialsGiven);

private:
    static QString whatFailed(Operation operation, const QString &subject);
    static QString why(const oci::Error &error, bool credentialsGiven);
    static QString whatToDo(const oci::Error &error, bool credentialsGiven);
};
