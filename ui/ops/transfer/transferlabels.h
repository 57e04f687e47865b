#pragma once

class QLabel;
class QString;
class QWidget;

namespace oci {
class Digest;
}

// The labels the retag and copy dialogs write their sentences into, made alike: wrapped
// plain text a person can select and copy (a digest, an error).
namespace TransferLabels {

// A sentence in the window's text colour.
QLabel *sentence(const QString &objectName, QWidget *parent);
// In the problem colour, with room kept for two lines (the dialog does not jump).
QLabel *problem(const QString &objectName, QWidget *parent);
// In the warning colour.
QLabel *warning(const QString &objectName, QWidget *parent);
// "sha256:0123456789ab…": enough to tell images apart in a sentence.
QString shortDigest(const oci::Digest &digest);

} // namespace TransferLabels
