#pragma once

#include <QString>

// What a person typed as a registry address ("localhost:5000", "https://ghcr.io",
// "http://127.0.0.1:5000/"), parsed into the registry host and whether a scheme was given.
// Pure value code so the dialog's validation can be tested without widgets.
class RegistryAddress
{
public:
    enum class Scheme { Unspecified, Http, Https };

    // Why an address was refused; the dialog turns these into sentences.
    enum class Problem {
        None,
        Empty,
        UnsupportedScheme, // not http:// or https://
        HasUserInfo,       // "user:pass@host": credentials belong in their own fields
        HasPath,           // anything beyond "/" or "/v2/"
        HasQuery,          // "?..." or "#..."
        InvalidHost,
        InvalidPort,
    };

    static RegistryAddress parse(QStringView text);

    bool isValid() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    // host[:port], lower-cased, as it appears in references ("docker.io" for Docker Hub).
    const QString &host() const { return m_host; }
    Scheme scheme() const { return m_scheme; }

private:
    static RegistryAddress failure(Problem problem);

    QString m_host;
    Scheme m_scheme = Scheme::Unspecified;
    Problem m_problem = Problem::Empty;
};
