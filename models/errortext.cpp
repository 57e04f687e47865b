#include "errortext.h"

#include "oci/core/error.h"

using Code = oci::Error::Code;

QString ErrorText::whatFailed(Operation operation, const QString &subject)
{
    switch (operation) {
    case Operation::Connect:
        return tr("Could not connect to %1.").arg(subject);
    case Operation::ListRepositories:
        return tr("Could not list the repositories of %1.").arg(subject);
    case Operation::ListTags:
        return tr("Could not list the tags of %1.").arg(subject);
    case Operation::LoadManifest:
        return tr("Could not load the manifest of %1.").arg(subject);
    }
    return {};
}

QString ErrorText::why(const oci::Error &error, bool credentialsGiven)
{
    const QString registry = error.registry().isEmpty() ? tr("The registry") : error.registry();
    switch (error.code()) {
    case Code::Network:
        return tr("The connection failed: %1.").arg(error.message());
    case Code::Timeout:
        return tr("%1 did not answer in time.").arg(registry);
    case Code::Tls:
        return tr("The secure connection failed: %1.").arg(error.message());
    case Code::RedirectRefused:
        return tr("The registry sent a redirect that Lading does not follow for safety: %1.")
            .arg(error.message());
    case Code::PaginationRefused:
        return tr("The registry sent a page link that Lading does not follow for safety: %1.")
            .arg(error.message());
    case Code::Unauthorized:
        return credentialsGiven ? tr("%1 did not accept the user name and password.").arg(registry)
                                : tr("%1 asks for a user name and password.").arg(registry);
    case Code::Denied:
        return tr("%1 denied access.").arg(registry);
    case Code::NotFound:
        return tr("%1 does not have it.").arg(registry);
    case Code::TooManyRequests:
        return tr("%1 is limiting how many requests it accepts.").arg(registry);
    case Code::ServerError:
        return tr("%1 had an internal error (HTTP %2).").arg(registry).arg(error.httpStatus());
    case Code::HttpError:
        return tr("%1 answered with an unexpected status (HTTP %2).")
            .arg(registry)
            .arg(error.httpStatus());
    case Code::Unsupported:
        return tr("%1 does not offer this.").arg(registry);
    case Code::DigestMismatch:
        return tr("The content does not match its digest, so Lading does not show it.");
    case Code::SizeLimitExceeded:
        return tr("The content is larger than Lading accepts.");
    case Code::MalformedDocument:
    case Code::MediaTypeMismatch:
        return tr("The registry sent a document that is not valid: %1.").arg(error.message());
    case Code::UnsupportedMediaType:
        return tr("Lading cannot read this type of document yet: %1.").arg(error.message());
    case Code::CredentialsUnavailable:
        return tr("The stored credentials could not be read: %1.").arg(error.message());
    case Code::InvalidArgument:
    case Code::InvalidDigest:
    case Code::Io:
        return tr("Details: %1.").arg(error.message());
    case Code::Cancelled:
        return tr("The request was cancelled.");
    case Code::None:
        break;
    }
    return {};
}

QString ErrorText::whatToDo(const oci::Error &error, bool credentialsGiven)
{
    switch (error.code()) {
    case Code::Network:
        return tr("Check the address and that the registry is running, then retry.");
    case Code::Timeout:
    case Code::ServerError:
        return tr("Retry in a moment.");
    case Code::TooManyRequests:
        return error.retryAfterSeconds() > 0
                   ? tr("Retry after the wait the registry asked for (%1 s).")
                         .arg(error.retryAfterSeconds())
                   : tr("Wait a little, then retry.");
    case Code::Tls:
        return tr("If the registry uses its own certificate authority, choose “Resolve Certificate "
                  "Problem…” in its context menu to give its CA file, or to mark it insecure if "
                  "you trust the network.");
    case Code::Unauthorized:
        return credentialsGiven
                   ? tr("Choose “Sign In…” in the registry's context menu and enter the right "
                        "user name and password.")
                   : tr("Choose “Sign In…” in the registry's context menu to enter them.");
    case Code::Denied:
        return tr("Ask the registry's administrator for access, or sign in as another user.");
    case Code::DigestMismatch:
    case Code::MalformedDocument:
    case Code::MediaTypeMismatch:
        return tr("Tell the registry's administrator; retrying will not help.");
    default:
        return tr("Retry from the context menu.");
    }
}

QString ErrorText::describe(Operation operation, const QString &subject, const oci::Error &error,
                            bool credentialsGiven)
{
    QStringList sentences{whatFailed(operation, subject), why(error, credentialsGiven),
                          whatToDo(error, credentialsGiven)};
    sentences.removeAll(QString());
    return sentences.join(QLatin1Char(' '));
}

QString ErrorText::summary(const oci::Error &error, bool credentialsGiven)
{
    // A tree row is too narrow for the certificate's details: it says what to do instead.
    if (error.code() == Code::Tls) {
        return error.message().contains(u"certificate ")
                   ? tr("The certificate is not trusted. Double-click here to choose a CA file "
                        "or to mark the registry insecure.")
                   : tr("The secure connection failed. Double-click here for the choices.");
    }
    return why(error, credentialsGiven);
}

bool ErrorText::meansNoCatalog(const oci::Error &error)
{
    switch (error.code()) {
    case Code::Unauthorized:
    case Code::Denied:
    case Code::NotFound:
    case Code::Unsupported:
        return true;
    default:
        return false;
    }
}

QString ErrorText::noCatalog(const QString &host, const oci::Error &error, bool credentialsGiven)
{
    const bool refused = error.code() == Code::Unauthorized || error.code() == Code::Denied;
    if (refused && !credentialsGiven) {
        return tr("%1 does not list its repositories to anonymous users. Choose “Sign In…” in its "
                  "context menu to see them, or “Add Repository…” to open one by name.")
            .arg(host);
    }
    return tr("%1 does not offer a list of its repositories. Choose “Add Repository…” in its "
              "context menu to open one by name, for example library/debian.")
        .arg(host);
}
