#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ops {
struct DeletePlan;
struct RepositoryScan;
} // namespace ops

// A deletion plan in plain words for the top of the delete window: how many tags go, which
// tags stay on an image that loses a tag, which tags go along with a selected one,
// referrers left without their image, platform images of a deleted index that stay.
//
//     label->setText(DeletePlanText::sentences(plan, selected).join(u'\n'));
class DeletePlanText
{
    Q_DECLARE_TR_FUNCTIONS(DeletePlanText)

public:
    // Each a full sentence; the first says how many tags will be deleted.
    static QStringList sentences(const ops::DeletePlan &plan, const QStringList &selected);
    // The first sentence alone: "2 tags will be deleted." / "Nothing will be deleted."
    static QString headline(const ops::DeletePlan &plan);
    // The tags of the scan that share a digest with one of `selected` without being
    // selected, in scan order: what "Delete the image" takes along.
    static QStringList sharingTags(const ops::RepositoryScan &scan, const QStringList &selected);
    // How a tag alone is removed, said before the run (the registry tells which way works
    // only when asked): the tag API, else a throwaway manifest.
    static QString untagMethod();
};
