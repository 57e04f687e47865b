#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace oci {

// Runs `continuation` on `context`'s thread with the future's result once it is ready —
// unless `context` was destroyed first, in which case nothing runs. This is what
// QFuture::then(context, …) promises, but Qt 6.4 asserts (debug) or calls into a dead
// QPointer (release) when the context dies while the work is still running, which happens
// whenever a person moves on before a worker finishes. A cancelled future (or one without
// a result) runs nothing either.
//
//     oci::whenFinished(this, QtConcurrent::run(work), [this](Result value) { … });
template<typename T, typename Continuation>
void whenFinished(QObject *context, QFuture<T> future, Continuation &&continuation)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, continuation = std::forward<Continuation>(continuation)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         if constexpr (std::is_void_v<T>) {
                             if (!done.isCanceled())
                                 continuation();
                         } else {
                             if (!done.isCanceled() && done.resultCount() > 0)
                                 continuation(done.result());
                         }
                     });
    watcher->setFuture(std::move(future));
}

} // namespace oci
