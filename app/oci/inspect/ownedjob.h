#pragma once

#include "oci/client/job.h"

#include <memory>

namespace oci {

// Owning pointer for a Job that owners often release from inside its finished() signal:
// cancel() at once (silent, aborts the request) and delete on the next event-loop turn.
struct CancelAndDeleteLater
{
    void operator()(Job *job) const
    {
        job->cancel();
        job->deleteLater();
    }
};

template<typename T>
using OwnedJob = std::unique_ptr<T, CancelAndDeleteLater>;

} // namespace oci
