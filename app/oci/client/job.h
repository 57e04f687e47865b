#pragma once

#include "oci/core/error.h"

#include <QObject>

namespace oci {

// Every request is an owned job: cancel() is idempotent and silences the job (no signal
// after it), destroying a job aborts its network activity, and finished() is emitted
// exactly once otherwise, never synchronously from the call that created the job, so a
// caller can always connect after creating it.
class Job : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)

public:
    ~Job() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    bool succeeded() const { return m_finished && m_error.code() == Error::Code::None; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void finished();

protected:
    explicit Job(QObject *parent);

    // For subclasses: stop network activity; called once, by cancel(). A subclass's own
    // destructor aborts what it owns (a base destructor cannot call into it).
    virtual void abort() = 0;
    void finishWithError(Error error);
    void finishSuccessfully();

private:
    void queueFinished();

    Error m_error;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_finishQueued = false; // result set, finished() on its way
};

} // namespace oci
