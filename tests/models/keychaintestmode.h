#pragma once

// The two ways the keychain tests run (tests/models/tests-creds.cmake):
//  - plain ctest: no D-Bus at all (the variables that point to one are removed first), so
//    QtKeychain fails and the session-only fallback is what is tested; the person's own
//    keychain is never touched;
//  - under tests/models/keychain-session.sh (LADING_KEYCHAIN_TEST=secret-service): a private
//    gnome-keyring, so secrets really go to a Secret Service and come back.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace KeychainTest {

inline bool withSecretService()
{
    return qEnvironmentVariable("LADING_KEYCHAIN_TEST") == u"secret-service";
}

// Call from initTestCase(), before anything talks to D-Bus.
inline void prepareEnvironment()
{
    if (withSecretService())
        return;
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"})
        qunsetenv(name);
    // libdbus and GDBus also look for $XDG_RUNTIME_DIR/bus: point it at an empty folder.
    static QTemporaryDir emptyRuntimeDir;
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(emptyRuntimeDir.path()));
}

// The wrapper could not start a Secret Service: skip, or fail under CI.
inline QString missingTools()
{
    return qEnvironmentVariable("LADING_KEYCHAIN_MISSING");
}

// A service name of the test's own, so nothing of Lading's real entries is read or written.
inline QString uniqueService()
{
    return u"Lading-test-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace KeychainTest

// In a test function: skips the Secret Service tests in plain runs, and the session-only
// tests in Secret Service runs; a Secret Service that cannot be started fails under CI.
#define KEYCHAIN_REQUIRE_SECRET_SERVICE()                                                        \
    do {                                                                                         \
        if (!KeychainTest::withSecretService())                                                  \
            QSKIP("needs a Secret Service: runs as <test>_secretservice");                      \
        if (!KeychainTest::missingTools().isEmpty()) {                                           \
            if (qEnvironmentVariableIsSet("CI"))                                                 \
                QFAIL(qPrintable(KeychainTest::missingTools()));                                 \
            QSKIP(qPrintable(KeychainTest::missingTools()));                                     \
        }                                                                                        \
    } while (false)

#define KEYCHAIN_REQUIRE_NO_DBUS()                                                               \
    do {                                                                                         \
        if (KeychainTest::withSecretService())                                                   \
            QSKIP("tests the fallback without D-Bus: runs in the plain test");                  \
    } while (false)
