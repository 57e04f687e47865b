#include "ops/transfer/tagnameinput.h"

#include "oci/core/reference.h"

#include <QRegularExpression>

namespace {

constexpr int kMaxTagLength = 128;

bool isTagCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'.' || c == u'-';
}

} // namespace

QStringList TagNameInput::split(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList tags;
    for (const QString &piece : text.split(separators, Qt::SkipEmptyParts)) {
        if (!tags.contains(piece))
            tags << piece;
    }
    return tags;
}

QString TagNameInput::tagProblem(const QString &tag)
{
    if (oci::Reference::isValidTag(tag))
        return {};
    if (tag.isEmpty())
        return tr("Enter a tag.");
    if (tag.size() > kMaxTagLength)
        return tr("“%1…” is too long: a tag has at most 128 characters.").arg(tag.left(20));
    for (const QChar c : tag) {
        if (!isTagCharacter(c))
            return tr("“%1” cannot be a tag because of “%2”: use only letters, digits and _ . -.")
                .arg(tag, QString(c));
    }
    // What is left: the first character.
    return tr("“%1” cannot be a tag: a tag cannot start with . or -.").arg(tag);
}

QString TagNameInput::repositoryProblem(const QString &repository)
{
    if (repository.isEmpty())
        return tr("Enter a repository, for example team/app.");
    if (oci::Reference::isValidRepository(repository))
        return {};
    return tr("“%1” is not a valid repository name: lowercase letters, digits and . _ -, in "
              "parts separated by /.")
        .arg(repository);
}
