#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class InspectorWidget;
class MainWindow;
class QModelIndex;

// Walks one registry the way a person would for a first look: expands the registry, opens
// its folders, selects a repository (the demo registry's demo/hello, whose tags share a
// digest, else the most deeply nested one) so its tag table fills in, and selects a tag
// there ("latest" when there is one) so the inspector shows it. Used by `lading
// --screenshot`. With Destination::Files it goes on to the inspector's Files tab of the
// demo's demo/toolbox (three layers, wasted space) and waits for the merged filesystem.
// With Destination::LocalFiles it touches no registry: it waits for the image file the
// window is opening (MainWindow::openImageFile, e.g. a `docker save` of demo/toolbox) and
// goes to that image's Files tab the same way.
class DemoTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTour)

public:
    enum class Destination { Inspector, Files, LocalFiles };

    DemoTour(MainWindow *window, QString host, Destination destination = Destination::Inspector,
             QObject *parent = nullptr);

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
    void openFiles();
    void showAFile();
    InspectorWidget *inspector() const; // the one the destination is in

    QPointer<MainWindow> m_window;
    QString m_host;
    Destination m_destination;
    QString m_repository;
    bool m_tagChosen = false;
    bool m_manifestShown = false;
    bool m_done = false;
};
