#pragma once

#include <QtGlobal>

// A loopback port that refuses connections and that no other process can take while this
// object lives: a socket bound to 127.0.0.1:0 that never listens. ("A port that was free a
// moment ago" is not enough: a registry started by a parallel test may grab it.)
class ClosedPort final
{
public:
    ClosedPort();
    ~ClosedPort();
    ClosedPort(const ClosedPort &) = delete;
    ClosedPort &operator=(const ClosedPort &) = delete;

    bool isValid() const { return m_port != 0; }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};
