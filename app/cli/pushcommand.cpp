#include "pushcommand.h"

#include "progressline.h"

#include "output.h"

#include "image/push/bloblocations.h"
#include "image/source/localchoices.h"
#include "image/source/localimagesource.h"
#include "oci/client/registryclient.h"
#include "oci/core/futurecontinuation.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

#include <cstdio>
#include <unistd.h>

namespace cli {

namespace {

QString fateText(const image::PushBlob &blob)
{
    switch (blob.fate) {
    case image::PushBlob::Fate::Present:
        return QStringLiteral("present");
    case image::PushBlob::Fate::Mount:
        return QStringLiteral("mount from %1").arg(blob.mountFrom);
    case image::PushBlob::Fate::Upload:
        return QStringLiteral("upload");
    case image::PushBlob::Fate::Compress:
        return blob.target.isNull() ? QStringLiteral("compress (gzip), upload")
                                    : QStringLiteral("upload (gzip, as %1)").arg(blob.target.shortString());
    case image::PushBlob::Fate::Unknown:
        break;
    }
    return QStringLiteral("?");
}

} // namespace

PushCommand::PushCommand(Options options, oci::RegistryClient *client, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_client(client)
{
}

PushCommand::~PushCommand() = default;

void PushCommand::start()
{
    m_locations = std::make_unique<image::BlobLocations>();
    if (!m_options.noCache) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(folder);
        m_locationsFile = folder + QStringLiteral("/push-locations.json");
        m_locations->load(m_locationsFile);
    }
    const QString path = m_options.pushSource;
    oci::whenFinished(this, image::LocalImageSource::openAsync(path),
                      [this, path](const oci::Result<std::shared_ptr<const image::LocalImageSource>> &opened) {
                          if (!opened.ok()) {
                              fail(QStringLiteral("%1 cannot be pushed: %2").arg(path, opened.error().describe()));
                              return;
                          }
                          plan(opened.value());
                      });
}

void PushCommand::plan(const std::shared_ptr<const image::LocalImageSource> &source)
{
    const QList<image::LocalChoice> entries = image::localChoices(*source);
    QList<image::LocalChoice> chosen;
    if (m_options.pushAll) {
        chosen = entries;
    } else if (!m_options.pushImage.isEmpty()) {
        for (const image::LocalChoice &entry : entries) {
            const QString wanted = m_options.pushImage;
            if (entry.names.contains(wanted) || image::tagFromNames(entry.names) == wanted ||
                entry.root.toString().startsWith(wanted) || entry.root.encoded().startsWith(wanted))
                chosen.append(entry);
        }
        if (chosen.size() != 1) {
            fail(QStringLiteral("--image %1 matches %2 of the %3 images in %4")
                     .arg(m_options.pushImage).arg(chosen.size()).arg(entries.size()).arg(source->path()));
            return;
        }
    } else if (entries.size() == 1) {
        chosen = entries;
    } else {
        QStringList choices;
        for (const image::LocalChoice &entry : entries)
            choices << (entry.names.isEmpty() ? entry.root.shortString() : entry.names.join(u','));
        fail(QStringLiteral("%1 holds %2 images (%3): choose one with --image NAME, or push all with --all")
                 .arg(source->path()).arg(entries.size()).arg(choices.join(QStringLiteral("; "))));
        return;
    }
    if (chosen.isEmpty()) {
        fail(QStringLiteral("%1 holds no image").arg(source->path()));
        return;
    }
    if (chosen.size() > 1 && m_options.reference.hasTag()) {
        fail(QStringLiteral("with --all each image keeps its own tag: give REFERENCE without a tag"));
        return;
    }
    QList<image::PushPlanner::Choice> choices;
    for (const image::LocalChoice &entry : std::as_const(chosen)) {
        QString tag = m_options.reference.hasTag() ? m_options.reference.tag() : image::tagFromNames(entry.names);
        if (tag.isEmpty())
            tag = QStringLiteral("latest");
        choices.append({entry.root, tag});
    }
    auto *planner = image::PushPlanner::start(m_client, source, choices, m_options.reference.repository(),
                                              m_locations.get(), this);
    connect(planner, &oci::Job::finished, this, [this, planner] {
        planner->deleteLater();
        if (!planner->succeeded()) {
            fail(QStringLiteral("cannot plan the push: %1").arg(planner->error().describe()));
            return;
        }
        printPlan(planner->plan());
        if (m_options.dryRun) {
            Q_EMIT finished(0);
            return;
        }
        push(planner->plan());
    });
}

void PushCommand::printPlan(const image::PushPlan &plan)
{
    QStringList lines;
    const QString file = QFileInfo(plan.source->path()).fileName();
    lines << QStringLiteral("push %1 (%2) to %3").arg(file, image::localFormatName(plan.source->format()), plan.registry);
    for (const image::PushTarget &target : plan.targets) {
        const QString name = target.tag.isEmpty() ? plan.repository + u'@' + target.root.toString()
                                                  : plan.repository + u':' + target.tag;
        QString state = QStringLiteral("new tag");
        if (target.tag.isEmpty())
            state = QStringLiteral("by digest");
        else if (!target.tagCurrent.isNull())
            state = QStringLiteral("moves from %1").arg(target.tagCurrent.toString());
        lines << QStringLiteral("  %1%2: %3")
                     .arg(name, target.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(target.name), state);
    }
    int layer = 0;
    for (const image::PushBlob &blob : plan.blobs) {
        const QString kind = blob.kind == image::PushBlob::Kind::Config ? QStringLiteral("config")
                                                                        : QStringLiteral("layer %1").arg(++layer);
        lines << QStringLiteral("  %1 %2 %3 %4")
                     .arg(kind, -9)
                     .arg(blob.source.shortString(), -20)
                     .arg(sizeText(blob.size), 10)
                     .arg(fateText(blob));
    }
    lines << QStringLiteral("  %1 blobs: %2 to send (%3), %4 present, %5 to mount")
                 .arg(plan.blobs.size())
                 .arg(plan.count(image::PushBlob::Fate::Upload) + plan.count(image::PushBlob::Fate::Compress))
                 .arg(sizeText(plan.bytesToSend()))
                 .arg(plan.count(image::PushBlob::Fate::Present))
                 .arg(plan.count(image::PushBlob::Fate::Mount));
    writeLines(lines);
}

void PushCommand::push(const image::PushPlan &plan)
{
    m_job = new image::PushJob(m_client, plan, m_locations.get(), this);
    m_progress.restart();
    connect(m_job, &image::PushJob::progress, this, [this](qint64 done, qint64 total) { showProgress(done, total); });
    connect(m_job, &image::PushJob::phaseChanged, this, [this] {
        showProgress(m_job->bytesDone(), m_job->bytesTotal(), true);
        m_progress.restart();
    });
    connect(m_job, &oci::Job::finished, this, [this] {
        m_progress.clear();
        if (!m_locationsFile.isEmpty())
            m_locations->save(m_locationsFile);
        if (!m_job->succeeded()) {
            fail(QStringLiteral("the push failed: %1 (nothing was tagged; run the same command again to "
                                "go on: what landed is not sent twice)")
                     .arg(m_job->error().describe()));
            return;
        }
        QStringList lines;
        const QStringList names = m_job->plan().targetNames();
        const QList<oci::Digest> digests = m_job->pushedDigests();
        for (int i = 0; i < names.size() && i < digests.size(); ++i)
            lines << QStringLiteral("pushed %1/%2@%3").arg(m_job->plan().registry, names.at(i), digests.at(i).toString());
        lines << QStringLiteral("%1 blobs sent, %2 mounted").arg(m_job->blobsSent()).arg(m_job->blobsMounted());
        writeLines(lines);
        Q_EMIT finished(0);
    });
    m_job->start();
}

void PushCommand::showProgress(qint64 done, qint64 total, bool force)
{
    switch (m_job->phase()) {
    case image::PushJob::Phase::Verifying:
        m_progress.show(QStringLiteral("checking"), done, total, force);
        return;
    case image::PushJob::Phase::Sending:
        m_progress.show(QStringLiteral("sending"), done, total, force);
        return;
    case image::PushJob::Phase::Publishing:
        // The bytes are all sent by now: the phase alone.
        m_progress.show(QStringLiteral("writing manifests"), 0, 0, force);
        return;
    case image::PushJob::Phase::Done:
        return;
    }
}

void PushCommand::fail(const QString &message)
{
    printError(message);
    Q_EMIT finished(1);
}

} // namespace cli
