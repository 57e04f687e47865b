#include "oci/core/reference.h"

#include <QRegularExpression>

namespace oci {

namespace {

constexpr qsizetype MaxRepositoryLength = 255; // distribution's RepositoryNameTotalLengthMax
constexpr qsizetype MaxReferenceLength = 4096; // bounds regex work on hostile input

const QString &dockerHub()
{
    static const QString host = QStringLiteral("docker.io");
    return host;
}

// distribution/reference regexp.go, anchored (\A...\z) so a trailing newline fails.
const QRegularExpression &repositoryPattern()
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral(
        "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*")));
    return pattern;
}

const QRegularExpression &domainPattern()
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral(
        "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
        "(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
        "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?")));
    return pattern;
}

const QRegularExpression &tagPattern()
{
    // [\w][\w.-]{0,127}, spelled out: \w must not pick up non-ASCII letters.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")));
    return pattern;
}

const QRegularExpression &referenceDigestPattern()
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}")));
    return pattern;
}

const QRegularExpression &bareHexPattern()
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-f0-9]{64}")));
    return pattern;
}

Error invalid(QStringView text, const QString &why)
{
    return Error(Error::Code::InvalidArgument,
                 u"invalid reference \"" + text.toString() + u"\": " + why);
}

// distribution/reference splitDockerDomain: the first component is a registry only if it
// looks like a host ('.' or ':'), is "localhost", or has upper case (a repository cannot).
bool looksLikeRegistry(QStringView component)
{
    return component.contains(u'.') || component.contains(u':') || component == u"localhost"
           || component.toString().toLower() != component;
}

} // namespace

bool Reference::isValidTag(QStringView tag)
{
    return tagPattern().match(tag.toString()).hasMatch();
}

bool Reference::isValidRepository(QStringView repository)
{
    return repository.size() <= MaxRepositoryLength
           && repositoryPattern().match(repository.toString()).hasMatch();
}

Result<QString> Reference::parseRegistryHost(QStringView text)
{
    if (text.isEmpty() || text.size() > 1024 || !domainPattern().match(text.toString()).hasMatch()) {
        return Error(Error::Code::InvalidArgument,
                     u"invalid registry \"" + text.first(std::min<qsizetype>(text.size(), 64)).toString()
                         + u"\": expected host[:port]");
    }
    if (text.compare(u"index.docker.io", Qt::CaseInsensitive) == 0)
        return dockerHub();
    return text.toString();
}

Result<Reference> Reference::parse(QStringView text)
{
    return parseImpl(text, false);
}

Result<Reference> Reference::parseRepository(QStringView text)
{
    return parseImpl(text, true);
}

Result<Reference> Reference::parseImpl(QStringView text, bool repositoryOnly)
{
    if (text.isEmpty())
        return invalid(text, QStringLiteral("empty"));
    if (text.size() > MaxReferenceLength)
        return invalid(text.first(64), QStringLiteral("too long"));
    if (bareHexPattern().match(text.toString()).hasMatch()) {
        return invalid(text, QStringLiteral("a 64-character hexadecimal string is an image ID, "
                                            "not a repository name"));
    }

    Reference ref;
    QStringView rest = text;
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        if (repositoryOnly)
            return invalid(text, QStringLiteral("expected a repository without a digest"));
        const QStringView digestText = rest.sliced(at + 1);
        if (!referenceDigestPattern().match(digestText.toString()).hasMatch())
            return invalid(text, QStringLiteral("malformed digest"));
        auto digest = Digest::parse(digestText);
        if (!digest) {
            return Error(Error::Code::InvalidDigest, u"invalid reference \"" + text.toString()
                                                         + u"\": " + digest.error().message());
        }
        ref.m_digest = std::move(digest).value();
        rest = rest.first(at);
    }

    // The tag is after the last ':' that follows the last '/' (a port comes before a '/').
    const qsizetype lastSlash = rest.lastIndexOf(u'/');
    const qsizetype colon = rest.lastIndexOf(u':');
    if (colon > lastSlash) {
        if (repositoryOnly)
            return invalid(text, QStringLiteral("expected a repository without a tag"));
        const QStringView tag = rest.sliced(colon + 1);
        if (!isValidTag(tag)) {
            return invalid(text, QStringLiteral("a tag is 1-128 characters of letters, digits, "
                                                "'_', '.' and '-', not starting with '.' or '-'"));
        }
        ref.m_tag = tag.toString();
        rest = rest.first(colon);
    }

    QStringView path = rest;
    const qsizetype firstSlash = rest.indexOf(u'/');
    if (firstSlash >= 0 && looksLikeRegistry(rest.first(firstSlash))) {
        const QStringView domain = rest.first(firstSlash);
        if (!domainPattern().match(domain.toString()).hasMatch())
            return invalid(text, u"bad registry host \"" + domain.toString() + u'"');
        ref.m_registry = domain.toString();
        if (ref.m_registry.compare(u"index.docker.io", Qt::CaseInsensitive) == 0)
            ref.m_registry = dockerHub();
        path = rest.sliced(firstSlash + 1);
    } else {
        ref.m_registry = dockerHub();
    }
    if (path.isEmpty())
        return invalid(text, QStringLiteral("no repository name"));
    if (path.toString().toLower() != path)
        return invalid(text, QStringLiteral("repository names must be lower case"));
    if (!repositoryPattern().match(path.toString()).hasMatch()) {
        return invalid(text, QStringLiteral("repository path components are lower-case letters "
                                            "and digits separated by '.', '_', '__' or '-'"));
    }
    ref.m_repository = path.toString();
    if (ref.m_registry == dockerHub() && !path.contains(u'/'))
        ref.m_repository.prepend(u"library/");
    if (ref.m_repository.size() > MaxRepositoryLength)
        return invalid(text, QStringLiteral("repository name longer than 255 characters"));

    if (!repositoryOnly && ref.m_tag.isEmpty() && ref.m_digest.isNull())
        ref.m_tag = QStringLiteral("latest");
    return ref;
}

QString Reference::name() const
{
    return m_registry + u'/' + m_repository;
}

QString Reference::toString() const
{
    QString text = name();
    if (hasTag())
        text += u':' + m_tag;
    if (hasDigest())
        text += u'@' + m_digest.toString();
    return text;
}

QString Reference::familiarString() const
{
    QString text;
    if (m_registry == dockerHub()) {
        const QStringView repo(m_repository);
        // "library/alpine" -> "alpine", but "library/a/b" stays (it was typed that way).
        if (repo.startsWith(u"library/") && repo.count(u'/') == 1)
            text = repo.sliced(8).toString();
        else
            text = m_repository;
    } else {
        text = name();
    }
    if (hasTag())
        text += u':' + m_tag;
    if (hasDigest())
        text += u'@' + m_digest.toString();
    return text;
}

QString Reference::identifier() const
{
    return hasDigest() ? m_digest.toString() : m_tag;
}

Reference Reference::withTag(const QString &tag) const
{
    Q_ASSERT(isValidTag(tag));
    Reference copy = *this;
    copy.m_tag = tag;
    return copy;
}

Reference Reference::withDigest(const Digest &digest) const
{
    Reference copy = *this;
    copy.m_digest = digest;
    return copy;
}

} // namespace oci
