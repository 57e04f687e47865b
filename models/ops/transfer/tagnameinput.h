#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Tag and repository names as a person types them into the retag and copy dialogs: several
// tags in one field, and what is wrong with a name in one sentence.
class TagNameInput
{
    Q_DECLARE_TR_FUNCTIONS(TagNameInput)

public:
    // "stable, 1.2  prod" -> {"stable", "1.2", "prod"}: split at spaces and commas, empty
    // pieces and repeats dropped, in the order typed.
    static QStringList split(const QString &text);
    // Why `tag` is not a valid tag name, one sentence; empty when it is.
    static QString tagProblem(const QString &tag);
    // Why `repository` is not a valid repository name, one sentence; empty when it is.
    static QString repositoryProblem(const QString &repository);
};
