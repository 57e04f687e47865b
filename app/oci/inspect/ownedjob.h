#pragma once

#include "oci/client/job.h"

#include <QPointer>

namespace oci {

// Owning handle for a Job that owners often release from inside its finished() signal:
// dropping it cancels the job at once (silent, aborts the request) and deletes it on the
// next event-loop turn. Jobs stay children of their client, so a client deleted first
// takes them along; the handle then holds nothing (a QPointer), instead of dangling.
template<typename T>
class OwnedJob final
{
public:
    OwnedJob() = default;
    explicit OwnedJob(T *job) : m_job(job) {}
    ~OwnedJob() { drop(); }
    OwnedJob(const OwnedJob &) = delete;
    OwnedJob &operator=(const OwnedJob &) = delete;
    OwnedJob(OwnedJob &&other) noexcept : m_job(other.m_job) { other.m_job.clear(); }
    OwnedJob &operator=(OwnedJob &&other) noexcept
    {
        if (this != &other) {
            drop();
            m_job = other.m_job;
            other.m_job.clear();
        }
        return *this;
    }

    void reset(T *job = nullptr)
    {
        if (job && job == m_job.data())
            return;
        drop();
        m_job = job;
    }
    T *get() const { return m_job.data(); }
    T *operator->() const { return m_job.data(); }
    explicit operator bool() const { return !m_job.isNull(); }

private:
    void drop()
    {
        if (T *job = m_job.data()) {
            m_job.clear();
            job->cancel();
            job->deleteLater();
        }
    }

    QPointer<T> m_job;
};

} // namespace oci
