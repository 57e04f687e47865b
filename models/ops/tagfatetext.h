#pragma once

#include <QString>

namespace ops {
struct TagFate;
}

// What a deletion plan decided for a tag, in the user's language: the plan's English
// sentences (kept for ladingctl) rebuilt through tr() from ops::TagReason values.
//
//     item->setText(tagFateName(fate.fate)); item->setToolTip(tagFateText(fate));
QString tagFateName(int fate); // ops::TagFate::Fate: "Deleted", "Kept", "Protected"
QString tagFateText(const ops::TagFate &fate);
