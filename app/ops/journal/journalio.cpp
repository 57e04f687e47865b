#include "ops/journal/journalio.h"

#include <QtConcurrent/QtConcurrentRun>

namespace ops::journalio {

QFuture<oci::Result<JournalEntry>> add(Journal journal, JournalEntry entry)
{
    return QtConcurrent::run([journal = std::move(journal), entry = std::move(entry)]() mutable {
        return journal.add(std::move(entry));
    });
}

QFuture<oci::Result<JournalEntry>> update(Journal journal, JournalEntry entry)
{
    return QtConcurrent::run([journal = std::move(journal), entry = std::move(entry)]() mutable {
        return journal.update(std::move(entry));
    });
}

QFuture<oci::Result<JournalEntry>> read(Journal journal, QString id)
{
    return QtConcurrent::run(
        [journal = std::move(journal), id = std::move(id)] { return journal.read(id); });
}

QFuture<Listing> entries(Journal journal)
{
    return QtConcurrent::run([journal = std::move(journal)] {
        Listing listing;
        listing.entries = journal.entries(&listing.damaged);
        return listing;
    });
}

} // namespace ops::journalio
