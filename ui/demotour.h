#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;
class QModelIndex;

// Walks one registry the way a person would for a first look: expands the registry, opens
// its folders, selects a repository (the demo registry's demo/hello, whose tags share a
// digest, else the most deeply nested one) so its tag table fills in, and selects a tag
// there ("latest" when there is one) so the inspector shows it. Used by `lading
// --screenshot`.
class DemoTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTour)

public:
    DemoTour(MainWindow *window, QString host, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // The tag table has all its details and the inspector shows the chosen tag.
    void arrived();
    void failed(const QString &reason);

private:
    void onLoadingFinished(const QModelIndex &index);
    void openRepository();
    void onTagsListed();
    void checkArrived();

    QPointer<MainWindow> m_window;
    QString m_host;
    QString m_repository;
    bool m_tagChosen = false;
    bool m_manifestShown = false;
    bool m_done = false;
};
