#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;
class QModelIndex;

// Walks one registry's tree the way a person would for a first look: expands the registry,
// opens the folders down to a nested repository, expands it and selects a tag ("latest"
// when there is one) so its manifest shows. Used by `lading --screenshot`.
class DemoTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTour)

public:
    DemoTour(MainWindow *window, QString host, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // The tree shows a tag and the manifest panel its manifest.
    void arrived();
    void failed(const QString &reason);

private:
    void onLoadingFinished(const QModelIndex &index);
    void openRepository();
    void selectTag(const QModelIndex &repository);

    QPointer<MainWindow> m_window;
    QString m_host;
    QString m_repository;
    bool m_done = false;
};
