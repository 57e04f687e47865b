#pragma once

#include <memory>

namespace oci {

// Owning pointer for request objects (HopSession, TransportReply, TokenFetch) that owners
// often release from inside the object's own finished() signal: abort() at once, so no
// network activity or signal outlives the owner, and delete on the next event-loop turn.
template<typename T>
struct AbortAndDeleteLater
{
    void operator()(T *object) const
    {
        object->abort();
        object->deleteLater();
    }
};

template<typename T>
using OwnedRequest = std::unique_ptr<T, AbortAndDeleteLater<T>>;

} // namespace oci
