<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddRepositoryDialog</name>
    <message>
        <source>Add Repository to %1</source>
        <translation>Repository zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Enter the name of a repository on %1. Lading remembers it for this registry.</source>
        <translation>Geben Sie den Namen eines Repositorys auf %1 ein. Lading merkt es sich für diese Registry.</translation>
    </message>
    <message>
        <source>library/debian or grafana/loki</source>
        <translation>library/debian oder grafana/loki</translation>
    </message>
    <message>
        <source>team/app</source>
        <translation>team/app</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>Enter a repository name.</source>
        <translation>Geben Sie einen Repository-Namen ein.</translation>
    </message>
    <message>
        <source>“%1” is not a repository name on %2 (%3).</source>
        <translation>„%1“ ist kein Repository-Name auf %2 (%3).</translation>
    </message>
    <message>
        <source>Opens %1/%2</source>
        <translation>Öffnet %1/%2</translation>
    </message>
</context>
<context>
    <name>AddTagsDialog</name>
    <message>
        <source>Add Tags to %1</source>
        <translation>Tags zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>stable, 1.2 (several: separate them with spaces or commas)</source>
        <translation>stable, 1.2 (mehrere durch Leerzeichen oder Kommas trennen)</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>New &amp;tags:</source>
        <translation>Neue &amp;Tags:</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>Checking what each tag points at on %1…</source>
        <translation>Es wird geprüft, worauf jeder Tag auf %1 zeigt…</translation>
    </message>
    <message>
        <source>Lading could not check the tags: %1</source>
        <translation>Lading konnte die Tags nicht prüfen: %1</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neuer Tag</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>Nicht geschrieben</translation>
    </message>
    <message>
        <source>Already on this image: nothing changed</source>
        <translation>Schon auf diesem Image: Nichts wurde geändert</translation>
    </message>
    <message>
        <source>Already on this image: nothing changes</source>
        <translation>Schon auf diesem Image: Nichts ändert sich</translation>
    </message>
    <message>
        <source>MOVES from %1 (another image) to %2</source>
        <translation>WANDERT von %1 (ein anderes Image) zu %2</translation>
    </message>
    <message>
        <source>Moved from %1 (another image) to %2</source>
        <translation>Verschoben von %1 (ein anderes Image) zu %2</translation>
    </message>
    <message>
        <source>Not written (would have moved from %1)</source>
        <translation>Nicht geschrieben (wäre von %1 verschoben worden)</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Von %1 zu %2</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) will be taken from another image. Whoever pulls it afterwards gets this image; the other image stays in the repository under its digest and any other tags.</source>
        <translation>
            <numerusform>%n Tag wird einem anderen Image weggenommen. Wer ihn danach lädt, erhält dieses Image; das andere Image bleibt unter seinem Digest und seinen übrigen Tags im Repository.</numerusform>
            <numerusform>%n Tags werden einem anderen Image weggenommen. Wer sie danach lädt, erhält dieses Image; das andere Image bleibt unter seinem Digest und seinen übrigen Tags im Repository.</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding the tags on %1…</source>
        <translation>Die Tags werden auf %1 hinzugefügt…</translation>
    </message>
    <message>
        <source>No tag was added: %1</source>
        <translation>Kein Tag wurde hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Only %1 could be added: %2</source>
        <translation>Nur %1 konnte hinzugefügt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n tag(s) now point at %1, the image of %2. The image itself did not change.</source>
        <translation>
            <numerusform>Fertig: %n Tag zeigt jetzt auf %1, das Image von %2. Das Image selbst hat sich nicht geändert.</numerusform>
            <numerusform>Fertig: %n Tags zeigen jetzt auf %1, das Image von %2. Das Image selbst hat sich nicht geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The registry %1 was removed: nothing more can be done here.</source>
        <translation>Die Registry %1 wurde entfernt: Hier kann nichts mehr getan werden.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n Tag(s)</source>
        <translation>
            <numerusform>%n Tag hinzu&amp;fügen</numerusform>
            <numerusform>%n Tags hinzu&amp;fügen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add Tags</source>
        <translation>Tags hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>Nothing is written until you press “%1”.</source>
        <translation>Nichts wird geschrieben, bevor Sie „%1“ drücken.</translation>
    </message>
    <message>
        <source>Every tag is already on this image: there is nothing to add.</source>
        <translation>Jeder Tag ist schon auf diesem Image: Es gibt nichts hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>CertificateErrorDialog</name>
    <message>
        <source>Certificate Problem with %1</source>
        <translation>Zertifikatsproblem mit %1</translation>
    </message>
    <message>
        <source>Lading could not verify the certificate of %1, so it did not connect. The certificate and the reason:</source>
        <translation>Lading konnte das Zertifikat von %1 nicht prüfen und hat deshalb keine Verbindung aufgebaut. Das Zertifikat und der Grund:</translation>
    </message>
    <message>
        <source>&amp;Trust the registry's certificate authority (CA file):</source>
        <translation>Der Zertifizierungsstelle der Registry &amp;vertrauen (CA-Datei):</translation>
    </message>
    <message>
        <source>PEM file of the registry's certificate authority</source>
        <translation>PEM-Datei der Zertifizierungsstelle der Registry</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Do &amp;not verify certificates for this registry (insecure)</source>
        <translation>Zertifikate dieser Registry &amp;nicht prüfen (unsicher)</translation>
    </message>
    <message>
        <source>⚠ Insecure: anyone on the network between you and %1 could read and change what Lading receives, and could see the credentials sent to it. The registry is marked insecure in the list. Only for registries you trust, on a network you trust.</source>
        <translation>⚠ Unsicher: Jeder im Netzwerk zwischen Ihnen und %1 könnte mitlesen und verändern, was Lading empfängt, und die dorthin gesendeten Zugangsdaten sehen. Die Registry wird in der Liste als unsicher markiert. Nur für Registrys, denen Sie vertrauen, in einem Netzwerk, dem Sie vertrauen.</translation>
    </message>
    <message>
        <source>Use plain &amp;HTTP (the registry does not speak TLS)</source>
        <translation>Einfaches &amp;HTTP verwenden (die Registry spricht kein TLS)</translation>
    </message>
    <message>
        <source>What should Lading do?</source>
        <translation>Was soll Lading tun?</translation>
    </message>
    <message>
        <source>Choose the CA file that signed the registry's certificate.</source>
        <translation>Wählen Sie die CA-Datei, mit der das Zertifikat der Registry signiert wurde.</translation>
    </message>
    <message>
        <source>The CA file “%1” does not exist.</source>
        <translation>Die CA-Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>“%1” holds no certificate Lading can read (PEM or DER).</source>
        <translation>„%1“ enthält kein Zertifikat, das Lading lesen kann (PEM oder DER).</translation>
    </message>
    <message>
        <source>&amp;Trust and Connect</source>
        <translation>&amp;Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Connect &amp;Insecurely</source>
        <translation>&amp;Unsicher verbinden</translation>
    </message>
    <message>
        <source>Connect over &amp;HTTP</source>
        <translation>Über &amp;HTTP verbinden</translation>
    </message>
    <message>
        <source>Choose a CA Certificate File</source>
        <translation>CA-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>CleanupDialog</name>
    <message>
        <source>Clean Up %1</source>
        <translation>%1 aufräumen</translation>
    </message>
    <message>
        <source>Clean up &lt;b&gt;%1&lt;/b&gt; on %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2 aufräumen</translation>
    </message>
    <message>
        <source>Choose which tags to keep and which to delete. The preview shows what the rules would do; nothing is deleted until you confirm.</source>
        <translation>Wählen Sie, welche Tags bleiben und welche gelöscht werden. Die Vorschau zeigt, was die Regeln tun würden; gelöscht wird erst nach Ihrer Bestätigung.</translation>
    </message>
    <message>
        <source>&amp;Save Rules</source>
        <translation>Regeln &amp;speichern</translation>
    </message>
    <message>
        <source>Remember these rules for %1 on %2; they are also saved when the deletion starts.</source>
        <translation>Diese Regeln für %1 auf %2 merken; sie werden auch beim Start des Löschens gespeichert.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Scan &amp;Again</source>
        <translation>&amp;Erneut lesen</translation>
    </message>
    <message>
        <source>Read every tag of the repository again.</source>
        <translation>Alle Tags des Repositorys erneut lesen.</translation>
    </message>
    <message>
        <source>What the rules would do</source>
        <translation>Was die Regeln tun würden</translation>
    </message>
    <message>
        <source>Delete Tags</source>
        <translation>Tags löschen</translation>
    </message>
    <message>
        <source>Reading the tags was cancelled. Scan Again to see what the rules would delete.</source>
        <translation>Das Lesen der Tags wurde abgebrochen. Lesen Sie erneut, um zu sehen, was die Regeln löschen würden.</translation>
    </message>
    <message>
        <source>No preview: the tags were not read.</source>
        <translation>Keine Vorschau: Die Tags wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>These are the rules saved for this repository.</source>
        <translation>Dies sind die für dieses Repository gespeicherten Regeln.</translation>
    </message>
    <message>
        <source>The rules saved for this repository could not be read, so the form starts empty.</source>
        <translation>Die für dieses Repository gespeicherten Regeln konnten nicht gelesen werden, daher beginnt das Formular leer.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The rules could not be saved: %1</source>
        <translation>Die Regeln konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved for this repository at %1.</source>
        <translation>Um %1 für dieses Repository gespeichert.</translation>
    </message>
    <message>
        <source>The preview appears once every tag has been read.</source>
        <translation>Die Vorschau erscheint, sobald alle Tags gelesen sind.</translation>
    </message>
    <message>
        <source>Listing the tags of %1…</source>
        <translation>Tags von %1 werden aufgelistet …</translation>
    </message>
    <message>
        <source>Listing the tags of %1: %2 so far…</source>
        <translation>Tags von %1 werden aufgelistet: bisher %2 …</translation>
    </message>
    <message>
        <source>Reading %1 of %2 tags…</source>
        <translation>%1 von %2 Tags werden gelesen …</translation>
    </message>
    <message>
        <source>Reading the tags…</source>
        <translation>Tags werden gelesen …</translation>
    </message>
    <message>
        <source>Looking for signatures and other referrers: %1 of %2 images…</source>
        <translation>Suche nach Signaturen und anderen Referrern: %1 von %2 Images …</translation>
    </message>
    <message>
        <source>Looking for signatures and other referrers…</source>
        <translation>Suche nach Signaturen und anderen Referrern …</translation>
    </message>
    <message>
        <source>The tags of %1 could not be read, so nothing can be planned or deleted: %2</source>
        <translation>Die Tags von %1 konnten nicht gelesen werden, daher kann nichts geplant oder gelöscht werden: %2</translation>
    </message>
    <message>
        <source>No preview: the tags could not be read.</source>
        <translation>Keine Vorschau: Die Tags konnten nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) read at %1.</source>
        <translation>
            <numerusform>%n Tag um %1 gelesen.</numerusform>
            <numerusform>%n Tags um %1 gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) read. Set the rules to see what they would delete.</source>
        <translation>
            <numerusform>%n Tag gelesen. Legen Sie die Regeln fest, um zu sehen, was sie löschen würden.</numerusform>
            <numerusform>%n Tags gelesen. Legen Sie die Regeln fest, um zu sehen, was sie löschen würden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tag(s) from %1 on %2?</source>
        <translation>
            <numerusform>%n Tag aus %1 auf %2 löschen?</numerusform>
            <numerusform>%n Tags aus %1 auf %2 löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other tag(s) stay, as the preview shows.</source>
        <translation>
            <numerusform>%n anderer Tag bleibt, wie die Vorschau zeigt.</numerusform>
            <numerusform>%n andere Tags bleiben, wie die Vorschau zeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each deletion is written to the journal first, so it can be undone while the registry still has the image data.</source>
        <translation>Jede Löschung wird zuerst ins Journal geschrieben und lässt sich rückgängig machen, solange die Registry die Image-Daten noch hat.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Tag(s)</source>
        <translation>
            <numerusform>%n Tag löschen</numerusform>
            <numerusform>%n Tags löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview changed while you were asked; look at it again before deleting.</source>
        <translation>Die Vorschau hat sich während der Rückfrage geändert; prüfen Sie sie vor dem Löschen erneut.</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting what the preview showed: %n tag(s).</source>
        <translation>
            <numerusform>Gelöscht wird, was die Vorschau zeigte: %n Tag.</numerusform>
            <numerusform>Gelöscht wird, was die Vorschau zeigte: %n Tags.</numerusform>
        </translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <source>Done. Scan Again to see the repository as it is now.</source>
        <translation>Fertig. Lesen Sie erneut, um das Repository im jetzigen Zustand zu sehen.</translation>
    </message>
    <message>
        <source>Stopping after the deletion under way, then closing…</source>
        <translation>Halte nach der laufenden Löschung an und schließe dann …</translation>
    </message>
    <message>
        <source>No preview: the registry was removed.</source>
        <translation>Keine Vorschau: Die Registry wurde entfernt.</translation>
    </message>
    <message>
        <source>The registry %1 was removed, so this window can no longer read or delete anything. Close it, add the registry again and start over.</source>
        <translation>Die Registry %1 wurde entfernt, daher kann dieses Fenster nichts mehr lesen oder löschen. Schließen Sie es, fügen Sie die Registry wieder hinzu und beginnen Sie neu.</translation>
    </message>
    <message>
        <source>Nothing to Delete</source>
        <translation>Nichts zu löschen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tag(s) from %1</source>
        <translation>
            <numerusform>%n Tag aus %1 &amp;löschen</numerusform>
            <numerusform>%n Tags aus %1 &amp;löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleanupPreview</name>
    <message>
        <source>Find a tag</source>
        <translation>Tag suchen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Protected tags are ones a rule would delete, but another tag that stays is on the same image (or on a signature or other referrer of it), so they stay too.</source>
        <translation>Geschützte Tags würde eine Regel löschen, aber ein anderer bleibender Tag liegt auf demselben Image (oder auf einer Signatur oder einem anderen Referrer davon), daher bleiben sie ebenfalls.</translation>
    </message>
    <message numerus="yes">
        <source>%n signature(s) or other referrer(s) without a tag will be left pointing at a deleted image.</source>
        <translation>
            <numerusform>%n Signatur oder anderer Referrer ohne Tag wird danach auf ein gelöschtes Image zeigen.</numerusform>
            <numerusform>%n Signaturen oder andere Referrer ohne Tag werden danach auf ein gelöschtes Image zeigen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) listed by a deleted multi-platform index stay, because tags that stay still use them.</source>
        <translation>
            <numerusform>%n Image aus einem gelöschten Multi-Plattform-Index bleibt, weil bleibende Tags es noch verwenden.</numerusform>
            <numerusform>%n Images aus einem gelöschten Multi-Plattform-Index bleiben, weil bleibende Tags sie noch verwenden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing will be deleted: all %n tag(s) stay.</source>
        <translation>
            <numerusform>Nichts wird gelöscht: Der %n Tag bleibt.</numerusform>
            <numerusform>Nichts wird gelöscht: Alle %n Tags bleiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) will be deleted</source>
        <translation>
            <numerusform>%n Tag wird gelöscht</numerusform>
            <numerusform>%n Tags werden gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n kept.</source>
        <translation>
            <numerusform>%1, %n bleibt.</numerusform>
            <numerusform>%1, %n bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 kept and %3 protected.</source>
        <translation>%1; behalten: %2, geschützt: %3.</translation>
    </message>
    <message>
        <source>Select a tag to read in full why it goes or stays.</source>
        <translation>Wählen Sie einen Tag, um vollständig zu lesen, warum er gelöscht wird oder bleibt.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Alle (%1)</translation>
    </message>
    <message>
        <source>Deleted (%1)</source>
        <translation>Gelöscht (%1)</translation>
    </message>
    <message>
        <source>Kept (%1)</source>
        <translation>Behalten (%1)</translation>
    </message>
    <message>
        <source>Protected (%1)</source>
        <translation>Geschützt (%1)</translation>
    </message>
</context>
<context>
    <name>CompareConfigPage</name>
    <message>
        <source>JSON Side by Side</source>
        <translation>JSON nebeneinander</translation>
    </message>
    <message>
        <source>Both configs as JSON, side by side, with the differences highlighted</source>
        <translation>Beide Konfigurationen als JSON nebeneinander, die Unterschiede hervorgehoben</translation>
    </message>
    <message>
        <source>Show unchanged steps</source>
        <translation>Unveränderte Schritte zeigen</translation>
    </message>
    <message>
        <source>Double-click a folded row to show its steps</source>
        <translation>Doppelklick auf eine zusammengefasste Zeile zeigt ihre Schritte</translation>
    </message>
    <message>
        <source>No config key changed.</source>
        <translation>Kein Konfigurationsschlüssel geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n config key(s) changed:</source>
        <translation>
            <numerusform>%n Konfigurationsschlüssel geändert:</numerusform>
            <numerusform>%n Konfigurationsschlüssel geändert:</numerusform>
        </translation>
    </message>
    <message>
        <source>History: the same steps.</source>
        <translation>Verlauf: dieselben Schritte.</translation>
    </message>
    <message numerus="yes">
        <source>History: %n step(s) differ.</source>
        <translation>
            <numerusform>Verlauf: %n Schritt unterscheidet sich.</numerusform>
            <numerusform>Verlauf: %n Schritte unterscheiden sich.</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>CompareFilesPage</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Hide mtime-only</source>
        <translation>Nur-Änderungszeit ausblenden</translation>
    </message>
    <message>
        <source>Hide paths that differ only by their modification time</source>
        <translation>Pfade ausblenden, die sich nur in der Änderungszeit unterscheiden</translation>
    </message>
    <message>
        <source>Only Changed</source>
        <translation>Nur geänderte</translation>
    </message>
    <message>
        <source>Show only paths both images have that differ</source>
        <translation>Nur Pfade zeigen, die beide Images haben und die sich unterscheiden</translation>
    </message>
    <message>
        <source>Paths: *.conf usr/lib/** (! to exclude)</source>
        <translation>Pfade: *.conf usr/lib/** (! schließt aus)</translation>
    </message>
    <message>
        <source>Glob patterns separated by spaces: '*' within a name, '**' across folders; a pattern without '/' matches names anywhere; a leading '!' hides what matches</source>
        <translation>Glob-Muster, durch Leerzeichen getrennt: „*“ innerhalb eines Namens, „**“ über Ordner hinweg; ein Muster ohne „/“ passt auf Namen überall; ein vorangestelltes „!“ blendet Passendes aus</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Select a file to compare its two versions.</source>
        <translation>Eine Datei auswählen, um ihre beiden Fassungen zu vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) shown</source>
        <translation>
            <numerusform>%n Pfad angezeigt</numerusform>
            <numerusform>%n Pfade angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n mtime-only hidden</source>
        <translation>
            <numerusform>, %n nur mit anderer Änderungszeit ausgeblendet</numerusform>
            <numerusform>, %n nur mit anderer Änderungszeit ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: a folder with changes below it.</source>
        <translation>%1: ein Ordner mit Änderungen darunter.</translation>
    </message>
    <message>
        <source>%1: not in this image</source>
        <translation>%1: nicht in diesem Image</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Too large to compare line by line here (over %1): compared by size and hash.</source>
        <translation>Zu groß für einen zeilenweisen Vergleich hier (über %1): nach Größe und Hash verglichen.</translation>
    </message>
    <message>
        <source>Cannot read the file: the layer cache is not available.</source>
        <translation>Die Datei kann nicht gelesen werden: Der Schichten-Cache ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Reading both versions…</source>
        <translation>Beide Fassungen werden gelesen …</translation>
    </message>
    <message>
        <source>its layer is not known</source>
        <translation>ihre Schicht ist unbekannt</translation>
    </message>
    <message>
        <source>Cannot read the file (%1).</source>
        <translation>Die Datei kann nicht gelesen werden (%1).</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Platform:</source>
        <translation>Plattform:</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Compare Again</source>
        <translation>Erneut vergleichen</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <source>As Text…</source>
        <translation>Als Text …</translation>
    </message>
    <message>
        <source>As JSON…</source>
        <translation>Als JSON …</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Nicht verglichen</translation>
    </message>
    <message>
        <source>The comparison stopped: the layer cache was closed.</source>
        <translation>Der Vergleich wurde beendet: Der Schichten-Cache wurde geschlossen.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen …</translation>
    </message>
    <message>
        <source>Reading the manifests and configs…</source>
        <translation>Manifeste und Konfigurationen werden gelesen …</translation>
    </message>
    <message>
        <source>The comparison stopped: the registry was removed. Add it again and compare the images anew.</source>
        <translation>Der Vergleich wurde beendet: Die Registry wurde entfernt. Sie erneut hinzufügen und die Images neu vergleichen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Reading layers: %1 of %2 (%3 of %4)…</source>
        <translation>Schichten werden gelesen: %1 von %2 (%3 von %4) …</translation>
    </message>
    <message>
        <source>Comparing platform %1 of %2…</source>
        <translation>Plattform %1 von %2 wird verglichen …</translation>
    </message>
    <message>
        <source>Comparing the files…</source>
        <translation>Die Dateien werden verglichen …</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>(no platform named)</source>
        <translation>(keine Plattform angegeben)</translation>
    </message>
    <message>
        <source>Only in A: %1</source>
        <translation>Nur in A: %1</translation>
    </message>
    <message>
        <source>Only in B: %1</source>
        <translation>Nur in B: %1</translation>
    </message>
    <message>
        <source>No differences between %1 and %2.</source>
        <translation>Keine Unterschiede zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>%1 and %2 differ.</source>
        <translation>%1 und %2 unterscheiden sich.</translation>
    </message>
    <message>
        <source>No platform in common: nothing to compare side by side.</source>
        <translation>Keine gemeinsame Plattform: nichts nebeneinander zu vergleichen.</translation>
    </message>
    <message>
        <source>Config (%1)</source>
        <translation>Konfiguration (%1)</translation>
    </message>
    <message>
        <source>Layers (%1)</source>
        <translation>Schichten (%1)</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Dateien (%1)</translation>
    </message>
    <message>
        <source>%1   %2 (index)</source>
        <translation>%1   %2 (Index)</translation>
    </message>
    <message>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
    <message>
        <source>Compare %1 and %2</source>
        <translation>%1 und %2 vergleichen</translation>
    </message>
    <message>
        <source>Export Report as JSON</source>
        <translation>Bericht als JSON exportieren</translation>
    </message>
    <message>
        <source>Export Report as Text</source>
        <translation>Bericht als Text exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben …</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Bericht in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ConfigDiffModel</name>
    <message>
        <source>Entrypoint</source>
        <translation>Einstiegspunkt</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Exposed port</source>
        <translation>Freigegebener Port</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>Stoppsignal</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>Betriebssystemversion</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>CopyBlobModel</name>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Checking the target…</source>
        <translation>Ziel wird geprüft…</translation>
    </message>
    <message>
        <source>Mounting…</source>
        <translation>Wird eingehängt…</translation>
    </message>
    <message>
        <source>Streaming… %1%</source>
        <translation>Wird übertragen… %1 %</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>Mounted</source>
        <translation>Eingehängt</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Blob</source>
        <translation>Blob</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n Tag(s) of %1</source>
        <translation>
            <numerusform>%n Tag von %1 kopieren</numerusform>
            <numerusform>%n Tags von %1 kopieren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (the same registry)</source>
        <translation>%1 (dieselbe Registry)</translation>
    </message>
    <message>
        <source>team/app</source>
        <translation>team/app</translation>
    </message>
    <message>
        <source>Each tag keeps its name</source>
        <translation>Jeder Tag behält seinen Namen</translation>
    </message>
    <message>
        <source>Copy &amp;signatures and other referrers</source>
        <translation>&amp;Signaturen und andere Referrer mitkopieren</translation>
    </message>
    <message>
        <source>Signatures, SBOMs and attestations that refer to the image go with it.</source>
        <translation>Signaturen, SBOMs und Attestierungen, die auf das Image verweisen, werden mitkopiert.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To &amp;registry:</source>
        <translation>Ziel-&amp;Registry:</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Choose a registry to copy to.</source>
        <translation>Wählen Sie die Registry, in die kopiert werden soll.</translation>
    </message>
    <message>
        <source>That is where the image is already: choose another repository, tag or registry.</source>
        <translation>Dort ist das Image bereits: Wählen Sie ein anderes Repository, einen anderen Tag oder eine andere Registry.</translation>
    </message>
    <message>
        <source>Blobs will be mounted (same registry): nothing is downloaded.</source>
        <translation>Blobs werden eingehängt (dieselbe Registry): Nichts wird heruntergeladen.</translation>
    </message>
    <message>
        <source>Blobs will be streamed from %1 to %2 through memory; nothing is stored on this computer.</source>
        <translation>Blobs werden über den Arbeitsspeicher von %1 zu %2 übertragen; nichts wird auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>The registry %1 was removed: the copy stopped.</source>
        <translation>Die Registry %1 wurde entfernt: Das Kopieren wurde angehalten.</translation>
    </message>
    <message>
        <source>Reading %1 on %2…</source>
        <translation>%1 auf %2 wird gelesen…</translation>
    </message>
    <message>
        <source>Mounting the blobs…</source>
        <translation>Die Blobs werden eingehängt…</translation>
    </message>
    <message>
        <source>Copying the blobs…</source>
        <translation>Die Blobs werden kopiert…</translation>
    </message>
    <message>
        <source>Writing the manifests, the tag last…</source>
        <translation>Die Manifeste werden geschrieben, der Tag zuletzt…</translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation>%1 kopiert.</translation>
    </message>
    <message>
        <source>Tag %1 of %2: %3</source>
        <translation>Tag %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 blobs done: %3 mounted, %4 already there</source>
        <translation>%1 von %2 Blobs fertig: %3 eingehängt, %4 schon vorhanden</translation>
    </message>
    <message>
        <source>%1 of %2 blobs done: %3 copied (%4), %5 already there</source>
        <translation>%1 von %2 Blobs fertig: %3 kopiert (%4), %5 schon vorhanden</translation>
    </message>
    <message>
        <source>The copy to %1 failed, and its tag was not written: %2</source>
        <translation>Das Kopieren nach %1 ist fehlgeschlagen, sein Tag wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>Copied before: %1</source>
        <translation>Zuvor kopiert: %1</translation>
    </message>
    <message>
        <source>Copied to %1. Digest %2 verified on both sides; the tag was written last.</source>
        <translation>Nach %1 kopiert. Digest %2 auf beiden Seiten geprüft; der Tag wurde zuletzt geschrieben.</translation>
    </message>
    <message>
        <source>The tag was already on this image there.</source>
        <translation>Der Tag war dort schon auf diesem Image.</translation>
    </message>
    <message>
        <source>Before, the tag %1 there pointed at another image, %2: it now points at the copy.</source>
        <translation>Zuvor zeigte der Tag %1 dort auf ein anderes Image, %2: Jetzt zeigt er auf die Kopie.</translation>
    </message>
    <message>
        <source>Blobs: %1 mounted, %2 already there; nothing was downloaded.</source>
        <translation>Blobs: %1 eingehängt, %2 schon vorhanden; nichts wurde heruntergeladen.</translation>
    </message>
    <message>
        <source>Blobs: %1 copied (%2), %3 already there.</source>
        <translation>Blobs: %1 kopiert (%2), %3 schon vorhanden.</translation>
    </message>
    <message numerus="yes">
        <source>The index went with all its %n platform(s).</source>
        <translation>
            <numerusform>Der Index wurde mit seiner %n Plattform kopiert.</numerusform>
            <numerusform>Der Index wurde mit allen %n Plattformen kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n referrer(s) copied.</source>
        <translation>
            <numerusform>%n Referrer kopiert.</numerusform>
            <numerusform>%n Referrer kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1 was not written. Blobs already sent stay unused in the repository until the registry's garbage collection.</source>
        <translation>Angehalten: %1 wurde nicht geschrieben. Schon gesendete Blobs bleiben ungenutzt im Repository, bis die Garbage Collection der Registry läuft.</translation>
    </message>
    <message>
        <source>Stop the Copy?</source>
        <translation>Kopieren anhalten?</translation>
    </message>
    <message>
        <source>The copy to %1/%2 is still running. Stop it? Its tag will not be written.</source>
        <translation>Das Kopieren nach %1/%2 läuft noch. Anhalten? Sein Tag wird dann nicht geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Stop the Copy</source>
        <translation>Kopieren &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Keep Copying</source>
        <translation>&amp;Weiter kopieren</translation>
    </message>
    <message>
        <source>The registry %1 was removed: the copy cannot go on.</source>
        <translation>Die Registry %1 wurde entfernt: Das Kopieren kann nicht weitergehen.</translation>
    </message>
    <message>
        <source>The registry %1 was removed: the copy stopped, and no tag was written there.</source>
        <translation>Die Registry %1 wurde entfernt: Das Kopieren wurde angehalten, dort wurde kein Tag geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete All Tags of %1</source>
        <translation>Alle Tags von %1 löschen</translation>
    </message>
    <message>
        <source>Delete Tags from %1</source>
        <translation>Tags aus %1 löschen</translation>
    </message>
    <message>
        <source>Every tag of %1.</source>
        <translation>Jeder Tag von %1.</translation>
    </message>
    <message>
        <source>Selected in %1: %2</source>
        <translation>Ausgewählt in %1: %2</translation>
    </message>
    <message>
        <source>Reading the repository's tags…</source>
        <translation>Die Tags des Repositorys werden gelesen …</translation>
    </message>
    <message>
        <source>Every tag of the repository is read, not only the ones on screen, so that no tag is deleted by surprise.</source>
        <translation>Jeder Tag des Repositorys wird gelesen, nicht nur die angezeigten, damit kein Tag überraschend gelöscht wird.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Scan Again</source>
        <translation>&amp;Erneut lesen</translation>
    </message>
    <message>
        <source>Listing the tags: %1 so far…</source>
        <translation>Tags werden aufgelistet: bisher %1 …</translation>
    </message>
    <message>
        <source>Reading %1 of %2 tags…</source>
        <translation>%1 von %2 Tags werden gelesen …</translation>
    </message>
    <message>
        <source>Looking for signatures and other referrers: %1 of %2 images…</source>
        <translation>Suche nach Signaturen und anderen Referrern: %1 von %2 Images …</translation>
    </message>
    <message>
        <source>The repository could not be read, so nothing was planned or deleted: %1</source>
        <translation>Das Repository konnte nicht gelesen werden, daher wurde nichts geplant oder gelöscht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Every tag of %1: %n tag(s).</source>
        <translation>
            <numerusform>Jeder Tag von %1: %n Tag.</numerusform>
            <numerusform>Jeder Tag von %1: %n Tags.</numerusform>
        </translation>
    </message>
    <message>
        <source>The repository has no tags: there is nothing to delete.</source>
        <translation>Das Repository hat keine Tags: Es gibt nichts zu löschen.</translation>
    </message>
    <message>
        <source>None of the selected tags is in the repository any more: there is nothing to delete.</source>
        <translation>Keiner der ausgewählten Tags ist noch im Repository: Es gibt nichts zu löschen.</translation>
    </message>
    <message>
        <source>No plan could be made, so nothing was deleted: %1</source>
        <translation>Es konnte kein Plan erstellt werden, daher wurde nichts gelöscht: %1</translation>
    </message>
    <message>
        <source>Not in the repository any more (deleted meanwhile?): %1.</source>
        <translation>Nicht mehr im Repository (inzwischen gelöscht?): %1.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tag(s) from %1</source>
        <translation>
            <numerusform>%n Tag aus %1 &amp;löschen</numerusform>
            <numerusform>%n Tags aus %1 &amp;löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stop Deleting?</source>
        <translation>Löschen anhalten?</translation>
    </message>
    <message>
        <source>Stop deleting after the deletion under way? What is left is not deleted; the summary then shows what was done.</source>
        <translation>Nach der laufenden Löschung anhalten? Der Rest wird nicht gelöscht; die Zusammenfassung zeigt dann, was erledigt wurde.</translation>
    </message>
    <message>
        <source>Stop Deleting</source>
        <translation>Löschen anhalten</translation>
    </message>
    <message>
        <source>Go On</source>
        <translation>Weitermachen</translation>
    </message>
    <message>
        <source>The registry was removed from Lading, so nothing was deleted.</source>
        <translation>Die Registry wurde aus Lading entfernt, daher wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Nichts wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>DeletePlanModel</name>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>DeletePlanText</name>
    <message>
        <source>Nothing will be deleted.</source>
        <translation>Nichts wird gelöscht.</translation>
    </message>
    <message>
        <source>No tag will be deleted, only untagged content.</source>
        <translation>Kein Tag wird gelöscht, nur Inhalt ohne Tag.</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) will be deleted from %1.</source>
        <translation>
            <numerusform>%n Tag wird aus %1 gelöscht.</numerusform>
            <numerusform>%n Tags werden aus %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shares its image with %2, which stays: only the tag is removed.</source>
        <translation>%1 teilt sein Image mit %2, das bleibt: Nur der Tag wird entfernt.</translation>
    </message>
    <message>
        <source>%1 shares its image with %2, which stay: only the tag is removed.</source>
        <translation>%1 teilt sein Image mit %2, die bleiben: Nur der Tag wird entfernt.</translation>
    </message>
    <message>
        <source>%1 share their image with %2, which stays: only the tags are removed.</source>
        <translation>%1 teilen ihr Image mit %2, das bleibt: Nur die Tags werden entfernt.</translation>
    </message>
    <message>
        <source>%1 share their image with %2, which stay: only the tags are removed.</source>
        <translation>%1 teilen ihr Image mit %2, die bleiben: Nur die Tags werden entfernt.</translation>
    </message>
    <message>
        <source>%1 goes too: it is on the same image (%2) as the selected tag.</source>
        <translation>%1 wird mitgelöscht: Er zeigt auf dasselbe Image (%2) wie der ausgewählte Tag.</translation>
    </message>
    <message>
        <source>%1 go too: they are on the same image (%2) as the selected tag.</source>
        <translation>%1 werden mitgelöscht: Sie zeigen auf dasselbe Image (%2) wie der ausgewählte Tag.</translation>
    </message>
    <message numerus="yes">
        <source>%n referrer(s) (signatures, SBOMs, attestations) will be left without their image: they stay in the registry and point at nothing.</source>
        <translation>
            <numerusform>%n Referrer (Signatur, SBOM, Attestierung) bleibt ohne sein Image zurück: Er bleibt in der Registry und zeigt ins Leere.</numerusform>
            <numerusform>%n Referrer (Signaturen, SBOMs, Attestierungen) bleiben ohne ihr Image zurück: Sie bleiben in der Registry und zeigen ins Leere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n platform image(s) of a deleted index stay, because other tags still use them.</source>
        <translation>
            <numerusform>%n Plattform-Image eines gelöschten Index bleibt, weil andere Tags es noch verwenden.</numerusform>
            <numerusform>%n Plattform-Images eines gelöschten Index bleiben, weil andere Tags sie noch verwenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>A tag is removed on its own with the registry's tag API where it has one; otherwise Lading points the tag at a throwaway manifest and deletes that, so the image and its other tags are not touched. The summary says which way was used.</source>
        <translation>Ein einzelner Tag wird über die Tag-API der Registry entfernt, wo es eine gibt; sonst lässt Lading den Tag auf ein Wegwerf-Manifest zeigen und löscht dieses, sodass das Image und seine anderen Tags unberührt bleiben. Die Zusammenfassung sagt, welcher Weg genommen wurde.</translation>
    </message>
</context>
<context>
    <name>DeletePlanView</name>
    <message>
        <source>Show only &amp;what changes</source>
        <translation>Nur &amp;Änderungen zeigen</translation>
    </message>
    <message>
        <source>The tags that are deleted, and the tags that share an image with one of them</source>
        <translation>Die Tags, die gelöscht werden, und die Tags, die ein Image mit einem von ihnen teilen</translation>
    </message>
    <message>
        <source>What to delete</source>
        <translation>Was gelöscht wird</translation>
    </message>
    <message>
        <source>Delete this &amp;tag only</source>
        <translation>Nur diesen &amp;Tag löschen</translation>
    </message>
    <message>
        <source>Delete these &amp;tags only</source>
        <translation>Nur diese &amp;Tags löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the &amp;image (and its %n other tag(s))</source>
        <translation>
            <numerusform>Das &amp;Image löschen (und seinen %n anderen Tag)</numerusform>
            <numerusform>Das &amp;Image löschen (und seine %n anderen Tags)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the &amp;images (and their %n other tag(s))</source>
        <translation>
            <numerusform>Die &amp;Images löschen (und ihren %n anderen Tag)</numerusform>
            <numerusform>Die &amp;Images löschen (und ihre %n anderen Tags)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteRunPanel</name>
    <message>
        <source>Getting ready to delete…</source>
        <translation>Löschen wird vorbereitet …</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stop after the deletion under way: what is left is not deleted.</source>
        <translation>Nach der laufenden Löschung anhalten: Der Rest wird nicht gelöscht.</translation>
    </message>
    <message>
        <source>Open &amp;Journal…</source>
        <translation>&amp;Journal öffnen …</translation>
    </message>
    <message>
        <source>The journal keeps every deletion with its manifest, to undo it.</source>
        <translation>Das Journal bewahrt jede Löschung mit ihrem Manifest auf, um sie rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Checking that the repository has not changed since it was read…</source>
        <translation>Es wird geprüft, ob sich das Repository seit dem Lesen geändert hat …</translation>
    </message>
    <message>
        <source>Stopping after the deletion under way…</source>
        <translation>Wird nach der laufenden Löschung angehalten …</translation>
    </message>
    <message>
        <source>Deleting %1 of %2…</source>
        <translation>Lösche %1 von %2 …</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
    <message>
        <source>The registry was removed from Lading, so deleting stopped.</source>
        <translation>Die Registry wurde aus Lading entfernt, daher wurde das Löschen angehalten.</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Nichts wurde gelöscht.</translation>
    </message>
    <message>
        <source>Stopped on request.</source>
        <translation>Auf Wunsch angehalten.</translation>
    </message>
    <message>
        <source>Stopped because %1.</source>
        <translation>Angehalten, weil: %1.</translation>
    </message>
</context>
<context>
    <name>DeleteSummaryText</name>
    <message>
        <source>'%1'</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Nothing was deleted: the repository changed since it was read. Read it again and check the new plan.</source>
        <translation>Nichts wurde gelöscht: Das Repository hat sich geändert, seit es gelesen wurde. Lesen Sie es erneut und prüfen Sie den neuen Plan.</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1 refused to delete.</source>
        <translation>Nichts wurde gelöscht: %1 hat das Löschen verweigert.</translation>
    </message>
    <message>
        <source>Stopped before anything was deleted from %1.</source>
        <translation>Angehalten, bevor etwas aus %1 gelöscht wurde.</translation>
    </message>
    <message>
        <source>Nothing was deleted from %1.</source>
        <translation>Nichts wurde aus %1 gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) deleted from %1.</source>
        <translation>
            <numerusform>%n Tag aus %1 gelöscht.</numerusform>
            <numerusform>%n Tags aus %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not everything was done: see below.</source>
        <translation>Nicht alles wurde erledigt: siehe unten.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n Schritt erledigt</numerusform>
            <numerusform>%n Schritte erledigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run</source>
        <translation>
            <numerusform>%n nicht ausgeführt</numerusform>
            <numerusform>%n nicht ausgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>the tag %1</source>
        <translation>den Tag %1</translation>
    </message>
    <message>
        <source>the image %1</source>
        <translation>das Image %1</translation>
    </message>
    <message>
        <source>%1 and its image %2</source>
        <translation>%1 und sein Image %2</translation>
    </message>
    <message>
        <source>%1 and their image %2</source>
        <translation>%1 und ihr Image %2</translation>
    </message>
    <message>
        <source>with the registry's tag API</source>
        <translation>über die Tag-API der Registry</translation>
    </message>
    <message>
        <source>by pointing it at a throwaway manifest (%1) and deleting that</source>
        <translation>indem er auf ein Wegwerf-Manifest (%1) gesetzt und dieses gelöscht wurde</translation>
    </message>
    <message>
        <source>The registry does not allow deleting (it answered 405 UNSUPPORTED; for a distribution registry, deleting is switched on by storage.delete.enabled). Nothing was changed.</source>
        <translation>Die Registry erlaubt kein Löschen (sie antwortete 405 UNSUPPORTED; bei einer distribution-Registry schaltet storage.delete.enabled das Löschen ein). Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Removed %1 %2.</source>
        <translation>%1 entfernt, %2.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>Not deleted: %1. %2</source>
        <translation>Nicht gelöscht: %1. %2</translation>
    </message>
    <message>
        <source>Not run: %1.</source>
        <translation>Nicht ausgeführt: %1.</translation>
    </message>
    <message>
        <source>Not run: %1. %2</source>
        <translation>Nicht ausgeführt: %1. %2</translation>
    </message>
    <message>
        <source>The registry frees the space only when its garbage collection runs (for a distribution registry: registry garbage-collect). Until then, each deletion can be undone from the journal.</source>
        <translation>Die Registry gibt den Speicherplatz erst frei, wenn ihre Garbage Collection läuft (bei einer distribution-Registry: registry garbage-collect). Bis dahin lässt sich jede Löschung im Journal rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>DemoTour</name>
    <message>
        <source>%1 is not in the registry list.</source>
        <translation>%1 ist nicht in der Registry-Liste.</translation>
    </message>
    <message>
        <source>%1 has no repositories.</source>
        <translation>%1 hat keine Repositorys.</translation>
    </message>
    <message>
        <source>%1 has no tags.</source>
        <translation>%1 hat keine Tags.</translation>
    </message>
    <message>
        <source>%1 has no Files tab: it is not an image.</source>
        <translation>%1 hat keinen Reiter „Dateien“: Es ist kein Image.</translation>
    </message>
    <message>
        <source>no image file is being opened.</source>
        <translation>es wird keine Image-Datei geöffnet.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>DiffCells</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>DiffSummaryText</name>
    <message numerus="yes">
        <source>%n layer(s), all shared</source>
        <translation>
            <numerusform>%n Schicht, gemeinsam</numerusform>
            <numerusform>%n Schichten, alle gemeinsam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 layers differ</source>
        <translation>
            <numerusform>%n von %1 Schichten unterscheidet sich</numerusform>
            <numerusform>%n von %1 Schichten unterscheiden sich</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 compressed</source>
        <translation>%1 komprimiert</translation>
    </message>
    <message>
        <source>no file differs</source>
        <translation>keine Datei unterscheidet sich</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added, %1 removed, %2 changed</source>
        <translation>
            <numerusform>%n Datei hinzugefügt, %1 entfernt, %2 geändert</numerusform>
            <numerusform>%n Dateien hinzugefügt, %1 entfernt, %2 geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>no config key changed</source>
        <translation>kein Konfigurationsschlüssel geändert</translation>
    </message>
    <message numerus="yes">
        <source>%n config key(s) changed</source>
        <translation>
            <numerusform>%n Konfigurationsschlüssel geändert</numerusform>
            <numerusform>%n Konfigurationsschlüssel geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>The same image (digest %1)</source>
        <translation>Dasselbe Image (Digest %1)</translation>
    </message>
    <message>
        <source>No differences in content: the same layers, files and settings (digests %1 and %2)</source>
        <translation>Keine inhaltlichen Unterschiede: dieselben Schichten, Dateien und Einstellungen (Digests %1 und %2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Different images: %1</source>
        <translation>Verschiedene Images: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>Digest: %1</translation>
    </message>
    <message>
        <source>Digests: %1</source>
        <translation>Digests: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Compressed: %1</source>
        <translation>Komprimiert: %1</translation>
    </message>
    <message>
        <source>Unpacked: %1</source>
        <translation>Entpackt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Layers: %1, %n shared</source>
        <translation>
            <numerusform>Schichten: %1, %n gemeinsam</numerusform>
            <numerusform>Schichten: %1, %n gemeinsam</numerusform>
        </translation>
    </message>
    <message>
        <source>Files: %1 added, %2 removed, %3 changed</source>
        <translation>Dateien: %1 hinzugefügt, %2 entfernt, %3 geändert</translation>
    </message>
    <message>
        <source>Config keys changed: %1</source>
        <translation>Geänderte Konfigurationsschlüssel: %1</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plattform: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Could not connect to %1.</source>
        <translation>Keine Verbindung zu %1 möglich.</translation>
    </message>
    <message>
        <source>Could not list the repositories of %1.</source>
        <translation>Die Repositorys von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Could not list the tags of %1.</source>
        <translation>Die Tags von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Could not load the manifest of %1.</source>
        <translation>Das Manifest von %1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The registry</source>
        <translation>Die Registry</translation>
    </message>
    <message>
        <source>The connection failed: %1.</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>The registry sent a redirect that Lading does not follow for safety: %1.</source>
        <translation>Die Registry hat eine Weiterleitung gesendet, der Lading aus Sicherheitsgründen nicht folgt: %1.</translation>
    </message>
    <message>
        <source>The registry sent a page link that Lading does not follow for safety: %1.</source>
        <translation>Die Registry hat einen Seitenlink gesendet, dem Lading aus Sicherheitsgründen nicht folgt: %1.</translation>
    </message>
    <message>
        <source>%1 did not accept the user name and password.</source>
        <translation>%1 hat Benutzername und Passwort nicht akzeptiert.</translation>
    </message>
    <message>
        <source>%1 asks for a user name and password.</source>
        <translation>%1 verlangt einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <source>%1 denied access.</source>
        <translation>%1 hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>%1 does not have it.</source>
        <translation>%1 hat das Angeforderte nicht.</translation>
    </message>
    <message>
        <source>%1 is limiting how many requests it accepts.</source>
        <translation>%1 begrenzt die Zahl der Anfragen, die angenommen werden.</translation>
    </message>
    <message>
        <source>%1 had an internal error (HTTP %2).</source>
        <translation>%1 hatte einen internen Fehler (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 answered with an unexpected status (HTTP %2).</source>
        <translation>%1 hat mit einem unerwarteten Status geantwortet (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 does not offer this.</source>
        <translation>%1 bietet das nicht an.</translation>
    </message>
    <message>
        <source>The content does not match its digest, so Lading does not show it.</source>
        <translation>Der Inhalt passt nicht zu seinem Digest, deshalb zeigt Lading ihn nicht an.</translation>
    </message>
    <message>
        <source>The content is larger than Lading accepts.</source>
        <translation>Der Inhalt ist größer, als Lading annimmt.</translation>
    </message>
    <message>
        <source>The registry sent a document that is not valid: %1.</source>
        <translation>Die Registry hat ein ungültiges Dokument gesendet: %1.</translation>
    </message>
    <message>
        <source>Lading cannot read this type of document yet: %1.</source>
        <translation>Lading kann diese Art von Dokument noch nicht lesen: %1.</translation>
    </message>
    <message>
        <source>The stored credentials could not be read: %1.</source>
        <translation>Die gespeicherten Zugangsdaten konnten nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Details: %1.</source>
        <translation>Details: %1.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Check the address and that the registry is running, then retry.</source>
        <translation>Prüfen Sie die Adresse und ob die Registry läuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Retry in a moment.</source>
        <translation>Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Wait a little, then retry.</source>
        <translation>Warten Sie etwas und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Choose “Sign In…” in the registry's context menu and enter the right user name and password.</source>
        <translation>Wählen Sie „Anmelden…“ im Kontextmenü der Registry und geben Sie den richtigen Benutzernamen und das richtige Passwort ein.</translation>
    </message>
    <message>
        <source>Choose “Sign In…” in the registry's context menu to enter them.</source>
        <translation>Wählen Sie „Anmelden…“ im Kontextmenü der Registry, um sie einzugeben.</translation>
    </message>
    <message>
        <source>Ask the registry's administrator for access, or sign in as another user.</source>
        <translation>Bitten Sie die Administration der Registry um Zugriff oder melden Sie sich als anderer Benutzer an.</translation>
    </message>
    <message>
        <source>Tell the registry's administrator; retrying will not help.</source>
        <translation>Informieren Sie die Administration der Registry; ein erneuter Versuch hilft nicht.</translation>
    </message>
    <message>
        <source>Retry from the context menu.</source>
        <translation>Versuchen Sie es über das Kontextmenü erneut.</translation>
    </message>
    <message>
        <source>Retry after the wait the registry asked for (%1 s).</source>
        <translation>Versuchen Sie es nach der von der Registry erbetenen Wartezeit erneut (%1 s).</translation>
    </message>
    <message>
        <source>If the registry uses its own certificate authority, choose “Resolve Certificate Problem…” in its context menu to give its CA file, or to mark it insecure if you trust the network.</source>
        <translation>Wenn die Registry eine eigene Zertifizierungsstelle verwendet, wählen Sie „Zertifikatsproblem lösen…“ in ihrem Kontextmenü, um ihre CA-Datei anzugeben oder sie als unsicher zu markieren, falls Sie dem Netzwerk vertrauen.</translation>
    </message>
    <message>
        <source>The certificate is not trusted. Double-click here to choose a CA file or to mark the registry insecure.</source>
        <translation>Dem Zertifikat wird nicht vertraut. Doppelklicken Sie hier, um eine CA-Datei zu wählen oder die Registry als unsicher zu markieren.</translation>
    </message>
    <message>
        <source>The secure connection failed. Double-click here for the choices.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen. Doppelklicken Sie hier für die Möglichkeiten.</translation>
    </message>
    <message>
        <source>%1 does not list its repositories to anonymous users. Choose “Sign In…” in its context menu to see them, or “Add Repository…” to open one by name.</source>
        <translation>%1 zeigt anonymen Benutzern ihre Repositorys nicht. Wählen Sie „Anmelden…“ in ihrem Kontextmenü, um sie zu sehen, oder „Repository hinzufügen…“, um eines über seinen Namen zu öffnen.</translation>
    </message>
    <message>
        <source>%1 does not offer a list of its repositories. Choose “Add Repository…” in its context menu to open one by name, for example library/debian.</source>
        <translation>%1 bietet keine Liste ihrer Repositorys an. Wählen Sie „Repository hinzufügen…“ in ihrem Kontextmenü, um eines über seinen Namen zu öffnen, zum Beispiel library/debian.</translation>
    </message>
</context>
<context>
    <name>FileCells</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Symbolic link</source>
        <translation>Symbolischer Link</translation>
    </message>
    <message>
        <source>Hard link</source>
        <translation>Harter Link</translation>
    </message>
    <message>
        <source>Character device</source>
        <translation>Zeichengerät</translation>
    </message>
    <message>
        <source>Block device</source>
        <translation>Blockgerät</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>Whiteout</source>
        <translation>Whiteout</translation>
    </message>
    <message>
        <source>Opaque directory</source>
        <translation>Undurchsichtiges Verzeichnis</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Opaque</source>
        <translation>Undurchsichtig</translation>
    </message>
    <message>
        <source>No effect</source>
        <translation>Ohne Wirkung</translation>
    </message>
    <message>
        <source>The path did not exist in the layers below.</source>
        <translation>Den Pfad gab es in den Schichten darunter nicht.</translation>
    </message>
    <message>
        <source>The path existed below; its type, metadata, size, content or target differ.</source>
        <translation>Den Pfad gab es darunter schon; Typ, Metadaten, Größe, Inhalt oder Ziel unterscheiden sich.</translation>
    </message>
    <message>
        <source>Written again exactly as it was below: no change, but bytes in the layer.</source>
        <translation>Genau so erneut geschrieben, wie er darunter war: keine Änderung, aber Bytes in der Schicht.</translation>
    </message>
    <message>
        <source>A whiteout: the path of the layers below is deleted.</source>
        <translation>Ein Whiteout: Der Pfad der Schichten darunter wird gelöscht.</translation>
    </message>
    <message>
        <source>An opaque directory: everything the layers below had in it is hidden.</source>
        <translation>Ein undurchsichtiges Verzeichnis: Alles, was die Schichten darunter darin hatten, ist verborgen.</translation>
    </message>
    <message>
        <source>Has no effect on the filesystem (a whiteout of nothing, a duplicate or an unsafe name).</source>
        <translation>Wirkt sich nicht auf das Dateisystem aus (ein Whiteout ohne Ziel, ein Duplikat oder ein unsicherer Name).</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Link target</source>
        <translation>Linkziel</translation>
    </message>
    <message>
        <source>Hard link to /%1</source>
        <translation>Harter Link auf /%1</translation>
    </message>
    <message>
        <source>Symbolic link to %1</source>
        <translation>Symbolischer Link auf %1</translation>
    </message>
</context>
<context>
    <name>FileContentView</name>
    <message>
        <source>This file is empty.</source>
        <translation>Diese Datei ist leer.</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 Pixel, %3</translation>
    </message>
</context>
<context>
    <name>FileDiffModel</name>
    <message>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>content not compared</source>
        <translation>Inhalt nicht verglichen</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>link target</source>
        <translation>Linkziel</translation>
    </message>
    <message>
        <source>device numbers</source>
        <translation>Gerätenummern</translation>
    </message>
    <message>
        <source>modification time</source>
        <translation>Änderungszeit</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Modification time only</source>
        <translation>Nur die Änderungszeit</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Geändert: %1</translation>
    </message>
    <message>
        <source>Only in B: %1</source>
        <translation>Nur in B: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) inside, %1</source>
        <translation>
            <numerusform>%n Pfad darin, %1</numerusform>
            <numerusform>%n Pfade darin, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Only in A: %1</source>
        <translation>Nur in A: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>Content: the bytes differ (SHA-256)</source>
        <translation>Inhalt: Die Bytes unterscheiden sich (SHA-256)</translation>
    </message>
    <message>
        <source>Content: not compared (no hash), the sizes agree</source>
        <translation>Inhalt: nicht verglichen (kein Hash), die Größen stimmen überein</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Rechte: %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Besitzer: %1</translation>
    </message>
    <message>
        <source>Link target: %1</source>
        <translation>Linkziel: %1</translation>
    </message>
    <message>
        <source>Device numbers: %1</source>
        <translation>Gerätenummern: %1</translation>
    </message>
    <message>
        <source>Only the modification time differs.</source>
        <translation>Nur die Änderungszeit unterscheidet sich.</translation>
    </message>
    <message>
        <source>%1 net, in the files below</source>
        <translation>%1 netto, in den Dateien darunter</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Size A</source>
        <translation>Größe A</translation>
    </message>
    <message>
        <source>Size B</source>
        <translation>Größe B</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Rechte</translation>
    </message>
</context>
<context>
    <name>FileExportActions</name>
    <message>
        <source>Save File</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>Save Folder as Tar</source>
        <translation>Ordner als Tar speichern</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Tar-Archive (*.tar)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Saving was cancelled; nothing was written.</source>
        <translation>Speichern abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>%1 gespeichert (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n unsafe or unreadable entries were left out.</source>
        <translation>
            <numerusform>%n unsicherer oder unlesbarer Eintrag wurde ausgelassen.</numerusform>
            <numerusform>%n unsichere oder unlesbare Einträge wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>INI / configuration</source>
        <translation>INI / Konfiguration</translation>
    </message>
    <message>
        <source>C-like source</source>
        <translation>C-ähnlicher Quelltext</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Symbolic link</source>
        <translation>Symbolischer Link</translation>
    </message>
    <message>
        <source>Hard link</source>
        <translation>Harter Link</translation>
    </message>
    <message>
        <source>Character device</source>
        <translation>Zeichengerät</translation>
    </message>
    <message>
        <source>Block device</source>
        <translation>Blockgerät</translation>
    </message>
    <message>
        <source>Named pipe</source>
        <translation>Benannte Pipe</translation>
    </message>
    <message>
        <source>Whiteout</source>
        <translation>Whiteout</translation>
    </message>
    <message>
        <source>Opaque folder marker</source>
        <translation>Markierung für undurchsichtigen Ordner</translation>
    </message>
    <message>
        <source>Load More</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Show the bytes as a hex dump</source>
        <translation>Die Bytes als Hex-Dump zeigen</translation>
    </message>
    <message>
        <source>Read the next 2 MiB of the file</source>
        <translation>Die nächsten 2 MiB der Datei lesen</translation>
    </message>
    <message>
        <source>Save the file, or the folder as a tar, to disk</source>
        <translation>Die Datei oder den Ordner als Tar auf die Festplatte speichern</translation>
    </message>
    <message>
        <source>No file selected</source>
        <translation>Keine Datei ausgewählt</translation>
    </message>
    <message>
        <source>Select a file in the tree to see what is in it.</source>
        <translation>Wählen Sie eine Datei im Baum, um ihren Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>A symbolic link to %1, which does not exist in this image.</source>
        <translation>Ein symbolischer Link auf %1, das es in diesem Image nicht gibt.</translation>
    </message>
    <message>
        <source>A symbolic link to the folder %1.</source>
        <translation>Ein symbolischer Link auf den Ordner %1.</translation>
    </message>
    <message>
        <source>A hard link to %1, which is missing from the layers below.</source>
        <translation>Ein harter Link auf %1, das in den unteren Schichten fehlt.</translation>
    </message>
    <message>
        <source>A hard link to /%1; its bytes are in a lower layer (see the merged view).</source>
        <translation>Ein harter Link auf /%1; sein Inhalt liegt in einer unteren Schicht (siehe die zusammengeführte Ansicht).</translation>
    </message>
    <message>
        <source>This entry's name leaves the image root or holds a NUL byte. It is shown escaped and never applied or saved.</source>
        <translation>Der Name dieses Eintrags verlässt die Wurzel des Images oder enthält ein NUL-Byte. Er wird maskiert gezeigt und nie angewendet oder gespeichert.</translation>
    </message>
    <message>
        <source>A folder. “Save as Tar…” writes it and everything below it into one tar file.</source>
        <translation>Ein Ordner. „Als Tar speichern…“ schreibt ihn mit allem darunter in eine Tar-Datei.</translation>
    </message>
    <message>
        <source>A symbolic link to %1.</source>
        <translation>Ein symbolischer Link auf %1.</translation>
    </message>
    <message>
        <source>Device %1, %2: it has no content in the image.</source>
        <translation>Gerät %1, %2: Es hat im Image keinen Inhalt.</translation>
    </message>
    <message>
        <source>A named pipe: it has no content in the image.</source>
        <translation>Eine benannte Pipe: Sie hat im Image keinen Inhalt.</translation>
    </message>
    <message>
        <source>This layer deletes %1 from the layers below.</source>
        <translation>Diese Schicht löscht %1 aus den unteren Schichten.</translation>
    </message>
    <message>
        <source>This layer hides everything the layers below put in %1.</source>
        <translation>Diese Schicht verbirgt alles, was die unteren Schichten in %1 abgelegt haben.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The layer cache is not available.</source>
        <translation>Der Schichten-Cache ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Save as Tar…</source>
        <translation>Als Tar speichern…</translation>
    </message>
</context>
<context>
    <name>FileTreeView</name>
    <message>
        <source>Only a file whose preview has fully loaded can be dragged out; use Save… for directories and larger files.</source>
        <translation>Nur eine Datei, deren Vorschau ganz geladen ist, lässt sich herausziehen; für Verzeichnisse und größere Dateien „Speichern …“ verwenden.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Only the paths the selected layer added or modified</source>
        <translation>Nur die Pfade, die die gewählte Schicht hinzufügte oder änderte</translation>
    </message>
    <message>
        <source>Hide entries that change nothing</source>
        <translation>Einträge ausblenden, die nichts ändern</translation>
    </message>
    <message>
        <source>This layer holds no files.</source>
        <translation>Diese Schicht enthält keine Dateien.</translation>
    </message>
    <message>
        <source>Reading stopped before this layer. Choose Resume to go on.</source>
        <translation>Das Lesen wurde vor dieser Schicht angehalten. Wählen Sie „Fortsetzen“, um weiterzumachen.</translation>
    </message>
    <message>
        <source>Reading layer %1…</source>
        <translation>Schicht %1 wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>The filesystem after layer %1 needs the layers below it: %n layer(s) still to read.</source>
        <translation>
            <numerusform>Das Dateisystem nach Schicht %1 braucht die Schichten darunter: noch %n Schicht zu lesen.</numerusform>
            <numerusform>Das Dateisystem nach Schicht %1 braucht die Schichten darunter: noch %n Schichten zu lesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stacking the layers…</source>
        <translation>Die Schichten werden gestapelt …</translation>
    </message>
    <message>
        <source>No layers.</source>
        <translation>Keine Schichten.</translation>
    </message>
    <message>
        <source>Wasted space is known once every layer was read.</source>
        <translation>Der verschwendete Platz steht fest, sobald alle Schichten gelesen sind.</translation>
    </message>
    <message>
        <source>Layer %1 of %2: %3 entries</source>
        <translation>Schicht %1 von %2: %3 Einträge</translation>
    </message>
    <message>
        <source>What layer %1 changed in the filesystem</source>
        <translation>Was Schicht %1 im Dateisystem änderte</translation>
    </message>
    <message>
        <source>The filesystem after layer %1 of %2</source>
        <translation>Das Dateisystem nach Schicht %1 von %2</translation>
    </message>
    <message>
        <source>The filesystem after layer %1 of %2 — select a layer above for an earlier state</source>
        <translation>Das Dateisystem nach Schicht %1 von %2 – für einen früheren Stand oben eine Schicht wählen</translation>
    </message>
    <message>
        <source>Files overwritten or deleted by a later layer</source>
        <translation>Dateien, die eine spätere Schicht überschreibt oder löscht</translation>
    </message>
    <message>
        <source>%1 — nothing changed</source>
        <translation>%1 – nichts geändert</translation>
    </message>
    <message>
        <source>%1 — no path matches “%2”</source>
        <translation>%1 – kein Pfad passt zu „%2“</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Reading layers: %1 of %2 read, %3 of %4</source>
        <translation>Schichten werden gelesen: %1 von %2 gelesen, %3 von %4</translation>
    </message>
    <message>
        <source>%1 of %2 layers read</source>
        <translation>%1 von %2 Schichten gelesen</translation>
    </message>
    <message>
        <source>Layer Files</source>
        <translation>Dateien der Schicht</translation>
    </message>
    <message>
        <source>The files of the selected layer, with what each does to the layers below</source>
        <translation>Die Dateien der gewählten Schicht und was jede mit den Schichten darunter macht</translation>
    </message>
    <message>
        <source>Merged Filesystem</source>
        <translation>Zusammengeführtes Dateisystem</translation>
    </message>
    <message>
        <source>The filesystem after the selected layer, with the layer that last wrote each path</source>
        <translation>Das Dateisystem nach der gewählten Schicht, mit der Schicht, die jeden Pfad zuletzt schrieb</translation>
    </message>
    <message>
        <source>Wasted Space</source>
        <translation>Verschwendeter Platz</translation>
    </message>
    <message>
        <source>Bytes a layer ships that a later layer overwrites or deletes</source>
        <translation>Bytes, die eine Schicht mitbringt und eine spätere überschreibt oder löscht</translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation>Nur Änderungen</translation>
    </message>
    <message>
        <source>Filter by path or glob (*.so, etc/**/*.conf)</source>
        <translation>Nach Pfad oder Muster filtern (*.so, etc/**/*.conf)</translation>
    </message>
</context>
<context>
    <name>HistoryDiffModel</name>
    <message>
        <source>This step made no layer.</source>
        <translation>Dieser Schritt hat keine Schicht erzeugt.</translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged step(s)</source>
        <translation>
            <numerusform>%n unveränderter Schritt</numerusform>
            <numerusform>%n unveränderte Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>The same in both images. Show unchanged steps, or double-click, to see them.</source>
        <translation>In beiden Images gleich. „Unveränderte Schritte zeigen“ oder ein Doppelklick zeigt sie.</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Step in A</source>
        <translation>Schritt in A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Step in B</source>
        <translation>Schritt in B</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <source>This step made no layer.</source>
        <translation>Dieser Schritt hat keine Schicht erzeugt.</translation>
    </message>
    <message>
        <source>No layer of the manifest matches this step.</source>
        <translation>Keine Schicht des Manifests passt zu diesem Schritt.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt durch</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>ImageFilesLoader</name>
    <message>
        <source>The registry was removed from Lading.</source>
        <translation>Die Registry wurde aus Lading entfernt.</translation>
    </message>
    <message>
        <source>Layer %1 (%2) could not be read. %3</source>
        <translation>Schicht %1 (%2) konnte nicht gelesen werden. %3</translation>
    </message>
</context>
<context>
    <name>ImagePairDialog</name>
    <message>
        <source>Compare Images</source>
        <translation>Images vergleichen</translation>
    </message>
    <message>
        <source>Each side is an image in a registry of the list (registry/repository:tag or …@sha256:…) or an image on disk: a tarball (docker save, skopeo, OCI archive) or an OCI layout folder.</source>
        <translation>Jede Seite ist ein Image in einer Registry der Liste (Registry/Repository:Tag oder …@sha256:…) oder ein Image auf der Festplatte: ein Tarball (docker save, skopeo, OCI-Archiv) oder ein OCI-Layout-Ordner.</translation>
    </message>
    <message>
        <source>&amp;First (A):</source>
        <translation>&amp;Erstes (A):</translation>
    </message>
    <message>
        <source>&amp;Second (B):</source>
        <translation>&amp;Zweites (B):</translation>
    </message>
    <message>
        <source>every platform both have, e.g. linux/arm64</source>
        <translation>jede Plattform, die beide haben, z. B. linux/arm64</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>registry/repository:tag, or a file</source>
        <translation>Registry/Repository:Tag oder eine Datei</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Choose a tarball</source>
        <translation>Einen Tarball wählen</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose an OCI layout folder</source>
        <translation>Einen OCI-Layout-Ordner wählen</translation>
    </message>
    <message>
        <source>Choose an OCI Layout Folder</source>
        <translation>OCI-Layout-Ordner wählen</translation>
    </message>
    <message>
        <source>Choose an Image File</source>
        <translation>Image-Datei wählen</translation>
    </message>
    <message>
        <source>“%1” is neither a file nor an image reference: %2</source>
        <translation>„%1“ ist weder eine Datei noch eine Image-Referenz: %2</translation>
    </message>
    <message>
        <source>%1 is not in the registry list: add it first, or name an image on disk.</source>
        <translation>%1 ist nicht in der Registry-Liste: zuerst hinzufügen oder ein Image auf der Festplatte angeben.</translation>
    </message>
    <message>
        <source>Name both images.</source>
        <translation>Beide Images angeben.</translation>
    </message>
</context>
<context>
    <name>InspectorContent</name>
    <message>
        <source>Double-click a platform to open its manifest.</source>
        <translation>Doppelklicken Sie auf eine Plattform, um ihr Manifest zu öffnen.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Platforms (%1)</source>
        <translation>Plattformen (%1)</translation>
    </message>
    <message>
        <source>Blobs (%1)</source>
        <translation>Blobs (%1)</translation>
    </message>
    <message>
        <source>Layers (%1)</source>
        <translation>Schichten (%1)</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Index JSON</source>
        <translation>Index-JSON</translation>
    </message>
    <message>
        <source>Config JSON</source>
        <translation>Konfigurations-JSON</translation>
    </message>
    <message>
        <source>Manifest JSON</source>
        <translation>Manifest-JSON</translation>
    </message>
    <message>
        <source>Loading the config…</source>
        <translation>Die Konfiguration wird geladen …</translation>
    </message>
    <message>
        <source>%1 is not a valid digest.</source>
        <translation>%1 ist kein gültiger Digest.</translation>
    </message>
    <message>
        <source>%1 in the index %2</source>
        <translation>%1 im Index %2</translation>
    </message>
    <message>
        <source>%1 is the uncompressed digest (diff ID) of layer %2. Registries keep layers under their compressed digest: open the config from its image to reach the layer.</source>
        <translation>%1 ist der unkomprimierte Digest (Diff-ID) von Schicht %2. Registries speichern Schichten unter ihrem komprimierten Digest: Öffnen Sie die Konfiguration über ihr Image, um zur Schicht zu gelangen.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
</context>
<context>
    <name>InspectorHeader</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>Vor (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Reference with Digest</source>
        <translation>Referenz mit Digest</translation>
    </message>
    <message>
        <source>docker pull Command</source>
        <translation>docker-pull-Befehl</translation>
    </message>
    <message>
        <source>podman pull Command</source>
        <translation>podman-pull-Befehl</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the reference with its digest, a pull command or the digest</source>
        <translation>Die Referenz mit Digest, einen Pull-Befehl oder den Digest kopieren</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Digest:</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen …</translation>
    </message>
</context>
<context>
    <name>InspectorJsonPane</name>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>The bytes exactly as the registry sent them</source>
        <translation>Die Bytes genau so, wie die Registry sie gesendet hat</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Formatiert</translation>
    </message>
    <message>
        <source>Re-indented for reading; keys and values as sent</source>
        <translation>Zum Lesen neu eingerückt; Schlüssel und Werte wie gesendet</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>JSON kopieren</translation>
    </message>
    <message>
        <source>Copy the JSON as shown</source>
        <translation>Das JSON wie angezeigt kopieren</translation>
    </message>
    <message>
        <source>Copied the JSON to the clipboard.</source>
        <translation>Das JSON wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Copied the digest to the clipboard.</source>
        <translation>Digest in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Exactly as the registry sent it · %1 bytes · click a digest to open it</source>
        <translation>Genau wie von der Registry gesendet · %1 Bytes · klicken Sie auf einen Digest, um ihn zu öffnen</translation>
    </message>
    <message>
        <source>Re-indented for reading · click a digest to open it</source>
        <translation>Zum Lesen neu eingerückt · klicken Sie auf einen Digest, um ihn zu öffnen</translation>
    </message>
</context>
<context>
    <name>InspectorJsonView</name>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Copy Digest</source>
        <translation>Digest kopieren</translation>
    </message>
    <message>
        <source>Click to open this digest</source>
        <translation>Klicken, um diesen Digest zu öffnen</translation>
    </message>
</context>
<context>
    <name>InspectorOverview</name>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Exposed ports</source>
        <translation>Freigegebene Ports</translation>
    </message>
    <message>
        <source>Artifact type</source>
        <translation>Artefakttyp</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>Einstiegspunkt</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>not set (/)</source>
        <translation>nicht gesetzt (/)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>not set (root)</source>
        <translation>nicht gesetzt (root)</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>Stoppsignal</translation>
    </message>
    <message>
        <source>When it runs</source>
        <translation>Beim Start</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 · %2 compressed</source>
        <translation>%1 · %2 komprimiert</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 steps, %2 of them made layers</source>
        <translation>%1 Schritte, %2 davon erzeugten Schichten</translation>
    </message>
    <message>
        <source>%1 (uncompressed digests in rootfs.diff_ids)</source>
        <translation>%1 (unkomprimierte Digests in rootfs.diff_ids)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>%1 manifests</source>
        <translation>%1 Manifeste</translation>
    </message>
    <message>
        <source>%1 manifests, %2 of them attestations</source>
        <translation>%1 Manifeste, davon %2 Attestierungen</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Blobs</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>empty ({})</source>
        <translation>leer ({})</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Diff ID</source>
        <translation>Diff-ID</translation>
    </message>
    <message>
        <source>the digest of the layer's uncompressed tar</source>
        <translation>der Digest des unkomprimierten Tar-Archivs der Schicht</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt durch</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <source>A foreign layer: Lading never fetches these addresses on its own.</source>
        <translation>Eine fremde Schicht: Lading ruft diese Adressen nie von sich aus ab.</translation>
    </message>
    <message>
        <source>Browsing the files of a layer comes in a later version of Lading.</source>
        <translation>Das Durchsuchen der Dateien einer Schicht kommt in einer späteren Version von Lading.</translation>
    </message>
    <message>
        <source>This is a Docker schema 1 manifest, a legacy format that Lading shows as JSON only. Pushing the image again with a current tool converts it.</source>
        <translation>Dies ist ein Docker-Schema-1-Manifest, ein veraltetes Format, das Lading nur als JSON anzeigt. Erneutes Hochladen des Images mit einem aktuellen Werkzeug wandelt es um.</translation>
    </message>
    <message>
        <source>This is an OCI artifact manifest from the image-spec 1.1 release candidates, a format dropped before 1.1.0. Lading shows it as JSON only.</source>
        <translation>Dies ist ein OCI-Artefaktmanifest aus den Release-Kandidaten der Image-Spec 1.1, ein Format, das vor 1.1.0 verworfen wurde. Lading zeigt es nur als JSON an.</translation>
    </message>
    <message>
        <source>Lading does not know this type of document and shows it as JSON only.</source>
        <translation>Lading kennt diese Art von Dokument nicht und zeigt es nur als JSON an.</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Medientyp</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>%1 compressed (config and layers as stored)</source>
        <translation>%1 komprimiert (Konfiguration und Schichten wie gespeichert)</translation>
    </message>
    <message>
        <source>the manifest itself: %1</source>
        <translation>das Manifest selbst: %1</translation>
    </message>
    <message>
        <source>%1 as stored, layers uncompressed</source>
        <translation>%1 wie gespeichert, Schichten unkomprimiert</translation>
    </message>
    <message>
        <source>%1 · %2 uncompressed</source>
        <translation>%1 · %2 unkomprimiert</translation>
    </message>
</context>
<context>
    <name>InspectorWidget</name>
    <message>
        <source>Copied the reference with its digest to the clipboard.</source>
        <translation>Die Referenz mit ihrem Digest wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Copied the docker pull command to the clipboard.</source>
        <translation>Der docker-pull-Befehl wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Copied the podman pull command to the clipboard.</source>
        <translation>Der podman-pull-Befehl wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Copied the digest to the clipboard.</source>
        <translation>Digest in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>%1 cannot be loaded: its registry is gone.</source>
        <translation>%1 kann nicht geladen werden: Die Registry ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>%1 is not a digest Lading can open.</source>
        <translation>%1 ist kein Digest, den Lading öffnen kann.</translation>
    </message>
    <message>
        <source>Select a tag to inspect its manifest.</source>
        <translation>Wählen Sie ein Tag aus, um sein Manifest zu untersuchen.</translation>
    </message>
    <message>
        <source>%1 cannot be loaded: its registry was removed from Lading.</source>
        <translation>%1 kann nicht geladen werden: Seine Registry wurde aus Lading entfernt.</translation>
    </message>
    <message>
        <source>Loading the config %1…</source>
        <translation>Die Konfiguration %1 wird geladen …</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>The tag or digest may have been deleted, or the name is misspelled.</source>
        <translation>Das Tag oder der Digest wurde vielleicht gelöscht, oder der Name ist falsch geschrieben.</translation>
    </message>
    <message>
        <source>Sign in to the registry (“Sign In…” in its context menu), then choose Retry.</source>
        <translation>Melden Sie sich bei der Registry an („Anmelden …“ in ihrem Kontextmenü) und wählen Sie dann „Wiederholen“.</translation>
    </message>
    <message>
        <source>Ask the registry's administrator for access, or sign in as another user.</source>
        <translation>Bitten Sie die Administration der Registry um Zugriff oder melden Sie sich als anderer Benutzer an.</translation>
    </message>
    <message>
        <source>Tell the registry's administrator; retrying will not help.</source>
        <translation>Informieren Sie die Administration der Registry; ein erneuter Versuch hilft nicht.</translation>
    </message>
    <message>
        <source>Choose Retry to try again.</source>
        <translation>Wählen Sie „Wiederholen“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Could not load %1.</source>
        <translation>%1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>%1 came back without a document.</source>
        <translation>%1 kam ohne Dokument zurück.</translation>
    </message>
    <message>
        <source>the config %1</source>
        <translation>die Konfiguration %1</translation>
    </message>
    <message>
        <source>The config could not be read: %1</source>
        <translation>Die Konfiguration konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the config %1 of %2</source>
        <translation>die Konfiguration %1 von %2</translation>
    </message>
    <message>
        <source>This blob is not an image config Lading can read (%1); its JSON is shown as sent.</source>
        <translation>Dieser Blob ist keine Image-Konfiguration, die Lading lesen kann (%1); sein JSON wird wie gesendet angezeigt.</translation>
    </message>
    <message>
        <source>Showing %1.</source>
        <translation>%1 wird angezeigt.</translation>
    </message>
    <message>
        <source>Showing %1 from the cache; it may be out of date.</source>
        <translation>%1 wird aus dem Cache angezeigt; es ist vielleicht nicht mehr aktuell.</translation>
    </message>
    <message>
        <source>Config %1</source>
        <translation>Konfiguration %1</translation>
    </message>
    <message>
        <source>Layer %1 of %2</source>
        <translation>Schicht %1 von %2</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Artifact (%1)</source>
        <translation>Artefakt (%1)</translation>
    </message>
    <message>
        <source>Opened as %1</source>
        <translation>Geöffnet als %1</translation>
    </message>
    <message>
        <source>Shown from Lading's cache, and it may be stale: %1 could not be reached (%2) The tag “%3” pointed to this digest when Lading last asked; it may point elsewhere now.</source>
        <translation>Aus Ladings Cache angezeigt und möglicherweise veraltet: %1 war nicht erreichbar (%2). Das Tag „%3“ zeigte bei Ladings letzter Anfrage auf diesen Digest; es zeigt jetzt vielleicht woanders hin.</translation>
    </message>
    <message>
        <source>%1 compressed</source>
        <translation>%1 komprimiert</translation>
    </message>
    <message>
        <source>%1 does not hold %2: the archive was exported with some platforms only.</source>
        <translation>%1 enthält %2 nicht: Das Archiv wurde nur mit einigen Plattformen exportiert.</translation>
    </message>
    <message>
        <source>%1 does not hold %2.</source>
        <translation>%1 enthält %2 nicht.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <source>%1 uncompressed</source>
        <translation>%1 unkomprimiert</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Time Left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation>etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>etwa %1 min</translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>etwa %1 h %2 min</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Checking the archive</source>
        <translation>Archiv wird geprüft</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Wird veröffentlicht</translation>
    </message>
    <message>
        <source>nothing to send</source>
        <translation>nichts zu senden</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Uncompressed in the archive: compressed with gzip as it is sent.</source>
        <translation>Im Archiv unkomprimiert: wird beim Senden mit gzip komprimiert.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Checking the registry</source>
        <translation>Registry wird gefragt</translation>
    </message>
    <message>
        <source>Compressing and sending</source>
        <translation>Wird komprimiert und gesendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation>Aus %1 eingehängt</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop the selected pushes. Nothing is published; Retry resumes.</source>
        <translation>Hält die ausgewählten Uploads an. Nichts wird veröffentlicht; „Wiederholen“ setzt fort.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Push the selected jobs again, skipping what the registry already has.</source>
        <translation>Lädt die ausgewählten Aufträge erneut hoch und überspringt, was die Registry schon hat.</translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <source>No pushes yet. Drop an image file or folder on a repository or a registry to push it; its progress shows here.</source>
        <translation>Noch nichts hochgeladen. Ziehen Sie eine Image-Datei oder einen Ordner auf ein Repository oder eine Registry, um es hochzuladen; der Fortschritt erscheint hier.</translation>
    </message>
    <message>
        <source>1 job running</source>
        <translation>1 Auftrag läuft</translation>
    </message>
    <message>
        <source>%1 jobs running</source>
        <translation>%1 Aufträge laufen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>No job running; %1 finished.</source>
        <translation>Kein Auftrag läuft; %1 beendet.</translation>
    </message>
</context>
<context>
    <name>JournalEntryView</name>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Digest:</translation>
    </message>
    <message>
        <source>Media type:</source>
        <translation>Medientyp:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>The manifest as the journal kept it:</source>
        <translation>Das Manifest, wie das Journal es aufbewahrt hat:</translation>
    </message>
    <message>
        <source>Select a deletion to see what the journal kept of it.</source>
        <translation>Wählen Sie eine Löschung aus, um zu sehen, was das Journal davon aufbewahrt hat.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>A tag was removed with the registry's tag API; its image stayed.</source>
        <translation>Ein Tag wurde über die Tag-API der Registry entfernt; sein Image blieb erhalten.</translation>
    </message>
    <message>
        <source>A tag was removed by pointing it at a throwaway manifest and deleting that; its image stayed.</source>
        <translation>Ein Tag wurde entfernt, indem er auf ein Wegwerf-Manifest gesetzt und dieses gelöscht wurde; sein Image blieb erhalten.</translation>
    </message>
    <message>
        <source>A tag was removed; its image stayed.</source>
        <translation>Ein Tag wurde entfernt; sein Image blieb erhalten.</translation>
    </message>
    <message>
        <source>The image was deleted, and with it every tag on it.</source>
        <translation>Das Image wurde gelöscht und mit ihm jeder Tag darauf.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Left alone, as they point at another image now: %1</source>
        <translation>Unverändert gelassen, da sie jetzt auf ein anderes Image zeigen: %1</translation>
    </message>
    <message>
        <source>The journal has no copy: the manifest was never read, so nothing was deleted by this step.</source>
        <translation>Das Journal hat keine Kopie: Das Manifest wurde nie gelesen, dieser Schritt hat also nichts gelöscht.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>not finished</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>nothing deleted</source>
        <translation>nichts gelöscht</translation>
    </message>
    <message>
        <source>partly undone</source>
        <translation>teilweise rückgängig gemacht</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>tags %1 (%2)</source>
        <translation>Tags %1 (%2)</translation>
    </message>
    <message>
        <source>tag %1 (%2)</source>
        <translation>Tag %1 (%2)</translation>
    </message>
    <message>
        <source>image %1 (untagged)</source>
        <translation>Image %1 (ohne Tag)</translation>
    </message>
    <message>
        <source>image %1 (%2)</source>
        <translation>Image %1 (%2)</translation>
    </message>
    <message>
        <source>Left alone, as they point at another image now: %1</source>
        <translation>Unverändert gelassen, da sie jetzt auf ein anderes Image zeigen: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Registry and repository</source>
        <translation>Registry und Repository</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <source>the image's config</source>
        <translation>die Konfiguration des Images</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n Layer</numerusform>
            <numerusform>%n Layer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the manifests it lists</source>
        <translation>
            <numerusform>%n der Manifeste, die er auflistet</numerusform>
            <numerusform>%n der Manifeste, die er auflistet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Deletion Journal</source>
        <translation>Lösch-Journal</translation>
    </message>
    <message>
        <source>Every deletion is kept here with its exact manifest, so it can be undone while the registry still has the image's layers.</source>
        <translation>Jede Löschung wird hier mit ihrem genauen Manifest aufbewahrt, damit sie rückgängig gemacht werden kann, solange die Registry die Layer des Images noch hat.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the journal folder could not be read and are not listed.</source>
        <translation>
            <numerusform>%n Datei im Journal-Ordner konnte nicht gelesen werden und wird nicht aufgeführt.</numerusform>
            <numerusform>%n Dateien im Journal-Ordner konnten nicht gelesen werden und werden nicht aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>All deletions</source>
        <translation>Alle Löschungen</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n step(s))</source>
        <translation>
            <numerusform>%1 (%n Schritt)</numerusform>
            <numerusform>%1 (%n Schritte)</numerusform>
        </translation>
    </message>
    <message>
        <source>The chosen run (not in the journal)</source>
        <translation>Der gewählte Lauf (nicht im Journal)</translation>
    </message>
    <message>
        <source>Nothing has been deleted yet: the journal is empty.</source>
        <translation>Noch wurde nichts gelöscht: Das Journal ist leer.</translation>
    </message>
    <message>
        <source>Select a deletion to see what the journal kept of it.</source>
        <translation>Wählen Sie eine Löschung aus, um zu sehen, was das Journal davon aufbewahrt hat.</translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) selected.</source>
        <translation>
            <numerusform>%n Löschung ausgewählt.</numerusform>
            <numerusform>%n Löschungen ausgewählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo %n Deletion(s)</source>
        <translation>
            <numerusform>%n Löschung &amp;rückgängig machen</numerusform>
            <numerusform>%n Löschungen &amp;rückgängig machen</numerusform>
        </translation>
    </message>
    <message>
        <source>Put the selected deletions back: the manifest, then each tag that does not point at another image now.</source>
        <translation>Die ausgewählten Löschungen zurücknehmen: erst das Manifest, dann jeden Tag, der jetzt nicht auf ein anderes Image zeigt.</translation>
    </message>
    <message>
        <source>The selection cannot be undone: it was undone already, or nothing was deleted.</source>
        <translation>Die Auswahl kann nicht rückgängig gemacht werden: Sie wurde bereits rückgängig gemacht, oder es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Add %1 to the registry list to undo this.</source>
        <translation>Fügen Sie %1 der Registry-Liste hinzu, um dies rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Undoing %1 of %2: %3 in %4…</source>
        <translation>Rückgängig %1 von %2: %3 in %4 …</translation>
    </message>
    <message>
        <source>%1 is back, without tags.</source>
        <translation>%1 ist wieder da, ohne Tags.</translation>
    </message>
    <message>
        <source>%1 is back, tagged %2.</source>
        <translation>%1 ist wieder da, getaggt als %2.</translation>
    </message>
    <message>
        <source>The tag %1 was left alone: it points at another image now (%2).</source>
        <translation>Der Tag %1 blieb unverändert: Er zeigt jetzt auf ein anderes Image (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be undone: the registry no longer has %2 (%3); its garbage collection has run since the deletion.</source>
        <translation>%1 kann nicht rückgängig gemacht werden: Die Registry hat %2 nicht mehr (%3); ihre Garbage Collection ist seit der Löschung gelaufen.</translation>
    </message>
    <message>
        <source>Nothing of %1 was put back: its tags point at other images now.</source>
        <translation>Von %1 wurde nichts zurückgelegt: Seine Tags zeigen jetzt auf andere Images.</translation>
    </message>
    <message>
        <source>Undo of %1 stopped: the registry was removed.</source>
        <translation>Rückgängigmachen von %1 abgebrochen: Die Registry wurde entfernt.</translation>
    </message>
    <message>
        <source>Undo of %1 failed: %2</source>
        <translation>Rückgängigmachen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>this entry</source>
        <translation>diesem Eintrag</translation>
    </message>
</context>
<context>
    <name>KeychainStore</name>
    <message>
        <source>No keychain available: the password is kept until Lading quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird nur bis zum Beenden von Lading aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>LayerAlignmentModel</name>
    <message numerus="yes">
        <source>%n shared layer(s), %1</source>
        <translation>
            <numerusform>%n gemeinsame Schicht, %1</numerusform>
            <numerusform>%n gemeinsame Schichten, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n recompressed)</source>
        <translation>
            <numerusform>%1 (%n neu komprimiert)</numerusform>
            <numerusform>%1 (%n neu komprimiert)</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Gemeinsam</translation>
    </message>
    <message>
        <source>Recompressed</source>
        <translation>Neu komprimiert</translation>
    </message>
    <message>
        <source>Moved to #%1</source>
        <translation>Verschoben nach #%1</translation>
    </message>
    <message>
        <source>Moved from #%1</source>
        <translation>Verschoben von #%1</translation>
    </message>
    <message>
        <source>Layers both images have, the same blobs at the same places.</source>
        <translation>Schichten, die beide Images haben: dieselben Blobs an denselben Stellen.</translation>
    </message>
    <message>
        <source>The same layer in both images.</source>
        <translation>Dieselbe Schicht in beiden Images.</translation>
    </message>
    <message>
        <source>The same layer, at #%1 in A and #%2 in B.</source>
        <translation>Dieselbe Schicht, in A an #%1 und in B an #%2.</translation>
    </message>
    <message>
        <source>The same files (the same diff ID), compressed differently: %1 in A, %2 in B.</source>
        <translation>Dieselben Dateien (dieselbe Diff-ID), anders komprimiert: %1 in A, %2 in B.</translation>
    </message>
    <message>
        <source>A's layer and B's layer at this point differ.</source>
        <translation>Die Schichten von A und B unterscheiden sich an dieser Stelle.</translation>
    </message>
    <message>
        <source>Only A has this layer.</source>
        <translation>Nur A hat diese Schicht.</translation>
    </message>
    <message>
        <source>Only B has this layer.</source>
        <translation>Nur B hat diese Schicht.</translation>
    </message>
    <message>
        <source>Both images have this layer, at #%1 in A and #%2 in B.</source>
        <translation>Beide Images haben diese Schicht, in A an #%1 und in B an #%2.</translation>
    </message>
    <message>
        <source>Diff ID: %1</source>
        <translation>Diff-ID: %1</translation>
    </message>
    <message>
        <source>%1 compressed, %2 unpacked</source>
        <translation>%1 komprimiert, %2 entpackt</translation>
    </message>
    <message>
        <source>Counted on the row of B's #%1.</source>
        <translation>Gezählt in der Zeile von B #%1.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Layer in A</source>
        <translation>Schicht in A</translation>
    </message>
    <message>
        <source>Size A</source>
        <translation>Größe A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Layer in B</source>
        <translation>Schicht in B</translation>
    </message>
    <message>
        <source>Size B</source>
        <translation>Größe B</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Unpacked delta</source>
        <translation>Differenz entpackt</translation>
    </message>
</context>
<context>
    <name>LayerFilesModel</name>
    <message>
        <source>Not in this layer's tar: a parent of the entries below.</source>
        <translation>Nicht im Tar dieser Schicht: ein übergeordnetes Verzeichnis der Einträge darunter.</translation>
    </message>
    <message>
        <source>Unsafe name: it leaves the image's root. Never applied.</source>
        <translation>Unsicherer Name: Er verlässt die Wurzel des Images. Wird nie angewendet.</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message numerus="yes">
        <source>%n regular file(s), %1 entries in the tar</source>
        <translation>
            <numerusform>%n reguläre Datei, %1 Einträge im Tar</numerusform>
            <numerusform>%n reguläre Dateien, %1 Einträge im Tar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <source>Reading: %1 entries so far, %2 of %3</source>
        <translation>Wird gelesen: bisher %1 Einträge, %2 von %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (content: %2)</source>
        <translation>%1 (Inhalt: %2)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Uncompressed</source>
        <translation>Unkomprimiert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt durch</translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>%1 bytes, compressed as stored</source>
        <translation>%1 Bytes, komprimiert wie gespeichert</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt durch</translation>
    </message>
</context>
<context>
    <name>LocalImagePage</name>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Image:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close the image file</source>
        <translation>Image-Datei schließen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading %1 and checking its structure…</source>
        <translation>%1 wird gelesen und sein Aufbau geprüft…</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>Das Öffnen von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Stopped opening %1.</source>
        <translation>Öffnen von %1 abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — index of %n image(s)</source>
        <translation>
            <numerusform>%1 — Index mit %n Image</numerusform>
            <numerusform>%1 — Index mit %n Images</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no image.</source>
        <translation>%1 enthält kein Image.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>%1 cannot be opened as an image. %2</source>
        <translation>%1 kann nicht als Image geöffnet werden. %2</translation>
    </message>
    <message>
        <source>No image file open</source>
        <translation>Keine Image-Datei geöffnet</translation>
    </message>
    <message>
        <source>gzip-compressed</source>
        <translation>gzip-komprimiert</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Image</numerusform>
            <numerusform>%n Images</numerusform>
        </translation>
    </message>
    <message>
        <source>manifests made by Lading from manifest.json</source>
        <translation>Manifeste von Lading aus manifest.json erstellt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lading</source>
        <translation>Lading</translation>
    </message>
    <message>
        <source>&amp;Add Registry…</source>
        <translation>Registry &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a container registry to browse.</source>
        <translation>Eine Container-Registry zum Durchsuchen hinzufügen.</translation>
    </message>
    <message>
        <source>&amp;Remove Registry</source>
        <translation>Registry &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected registry from the list.</source>
        <translation>Die ausgewählte Registry aus der Liste entfernen.</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Lading</source>
        <translation>&amp;Über Lading</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>No registry yet</source>
        <translation>Noch keine Registry</translation>
    </message>
    <message>
        <source>Add a container registry to browse its repositories, tags and manifests. Lading remembers the list; passwords are kept only until it quits.</source>
        <translation>Fügen Sie eine Container-Registry hinzu, um ihre Repositorys, Tags und Manifeste zu durchsuchen. Lading merkt sich die Liste; Passwörter werden nur bis zum Beenden aufbewahrt.</translation>
    </message>
    <message>
        <source>Add Registry…</source>
        <translation>Registry hinzufügen…</translation>
    </message>
    <message>
        <source>The registry list could not be saved to %1.</source>
        <translation>Die Registry-Liste konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Copy Reference</source>
        <translation>Referenz &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>About Lading</source>
        <translation>Über Lading</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lading %1&lt;/h3&gt;&lt;p&gt;A native desktop browser for container registries: browse repositories and tags and inspect manifests.&lt;/p&gt;&lt;p&gt;A bill of lading is a ship's cargo manifest.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lading %1&lt;/h3&gt;&lt;p&gt;Ein nativer Desktop-Browser für Container-Registries: Repositorys und Tags durchsuchen und Manifeste untersuchen.&lt;/p&gt;&lt;p&gt;Ein „Bill of Lading“ (Konnossement) ist das Frachtmanifest eines Schiffes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select a repository to see its tags.</source>
        <translation>Wählen Sie ein Repository aus, um seine Tags zu sehen.</translation>
    </message>
    <message>
        <source>List the selected repository's tags, or the selected registry, again.</source>
        <translation>Listet die Tags des ausgewählten Repositorys oder die ausgewählte Registry erneut auf.</translation>
    </message>
    <message>
        <source>Expand %1 to browse its repositories, then select one to see its tags.</source>
        <translation>Klappen Sie %1 auf, um die Repositorys zu durchsuchen, und wählen Sie dann eines aus, um seine Tags zu sehen.</translation>
    </message>
    <message>
        <source>Select a tag to inspect it.</source>
        <translation>Wählen Sie ein Tag aus, um es zu untersuchen.</translation>
    </message>
    <message>
        <source>&amp;Edit Registry…</source>
        <translation>Registry &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Change the address, certificate checking or credentials of the selected registry.</source>
        <translation>Adresse, Zertifikatsprüfung oder Anmeldedaten der ausgewählten Registry ändern.</translation>
    </message>
    <message>
        <source>Add Re&amp;pository…</source>
        <translation>Re&amp;pository hinzufügen…</translation>
    </message>
    <message>
        <source>Add a repository by name, for registries that do not list theirs.</source>
        <translation>Ein Repository über seinen Namen hinzufügen, für Registrys, die ihre nicht auflisten.</translation>
    </message>
    <message>
        <source>&amp;Find Repository</source>
        <translation>Repository &amp;suchen</translation>
    </message>
    <message>
        <source>Filter the registry tree by name.</source>
        <translation>Den Registry-Baum nach Namen filtern.</translation>
    </message>
    <message>
        <source>Open Image File…</source>
        <translation>Image-Datei öffnen…</translation>
    </message>
    <message>
        <source>or look inside an image on disk (docker save, OCI archive or layout): open it, or drop it on this window.</source>
        <translation>oder in ein Image auf der Festplatte schauen (docker save, OCI-Archiv oder -Layout): öffnen oder auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>&amp;Open Image File…</source>
        <translation>Image-Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Look inside an image tarball: docker save, OCI archive, skopeo docker-archive.</source>
        <translation>In einen Image-Tarball schauen: docker save, OCI-Archiv, skopeo docker-archive.</translation>
    </message>
    <message>
        <source>Open Image F&amp;older…</source>
        <translation>Image-&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Look inside an OCI image layout folder.</source>
        <translation>In einen OCI-Image-Layout-Ordner schauen.</translation>
    </message>
    <message>
        <source>Open OCI Image Layout Folder</source>
        <translation>OCI-Image-Layout-Ordner öffnen</translation>
    </message>
    <message>
        <source>Open Image File</source>
        <translation>Image-Datei öffnen</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.oci *.docker)</source>
        <translation>Image-Archive (*.tar *.tar.gz *.tgz *.oci *.docker)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Lading opens one image at a time: %1.</source>
        <translation>Lading öffnet ein Image nach dem anderen: %1.</translation>
    </message>
    <message>
        <source>&amp;Push Image File…</source>
        <translation>Image-Datei &amp;hochladen…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Push an image tarball or OCI layout to the selected repository or registry.</source>
        <translation>Einen Image-Tarball oder ein OCI-Layout in das gewählte Repository oder die gewählte Registry hochladen.</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>Drop to push the image to %1.</source>
        <translation>Loslassen, um das Image nach %1 hochzuladen.</translation>
    </message>
    <message>
        <source>Drop on a repository to push the image there, or anywhere else to look inside it.</source>
        <translation>Auf einem Repository loslassen, um das Image dorthin hochzuladen, oder anderswo, um hineinzuschauen.</translation>
    </message>
    <message>
        <source>Select the repository or registry to push to first.</source>
        <translation>Zuerst das Repository oder die Registry wählen, in die hochgeladen werden soll.</translation>
    </message>
    <message>
        <source>Push Image File</source>
        <translation>Image-Datei hochladen</translation>
    </message>
    <message>
        <source>That registry cannot be reached from here.</source>
        <translation>Diese Registry ist von hier aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Pushed %1.</source>
        <translation>%1 hochgeladen.</translation>
    </message>
    <message>
        <source>%1 was removed from the registry list</source>
        <translation>%1 wurde aus der Registry-Liste entfernt</translation>
    </message>
    <message>
        <source>%1 was reconnected with new settings</source>
        <translation>%1 wurde mit neuen Einstellungen neu verbunden</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n push(es): %1.</source>
        <translation>
            <numerusform>%n Upload abgebrochen: %1.</numerusform>
            <numerusform>%n Uploads abgebrochen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Add &amp;Tags…</source>
        <translation>&amp;Tags hinzufügen…</translation>
    </message>
    <message>
        <source>Give the selected image more tags in its repository.</source>
        <translation>Dem ausgewählten Image weitere Tags in seinem Repository geben.</translation>
    </message>
    <message>
        <source>&amp;Copy To…</source>
        <translation>&amp;Kopieren nach…</translation>
    </message>
    <message>
        <source>Copy the selected tags to another repository or registry.</source>
        <translation>Die ausgewählten Tags in ein anderes Repository oder eine andere Registry kopieren.</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected tags, after a plan of what goes and what stays.</source>
        <translation>Die ausgewählten Tags löschen, nach einem Plan, was geht und was bleibt.</translation>
    </message>
    <message>
        <source>Clean &amp;Up Repository…</source>
        <translation>Repository a&amp;ufräumen…</translation>
    </message>
    <message>
        <source>Delete old tags by retention rules, with a dry run of what goes and why.</source>
        <translation>Alte Tags nach Aufbewahrungsregeln löschen, mit einem Probelauf, was geht und warum.</translation>
    </message>
    <message>
        <source>Delete &amp;All Tags…</source>
        <translation>&amp;Alle Tags löschen…</translation>
    </message>
    <message>
        <source>Delete every tag of the repository, with a plan first.</source>
        <translation>Jeden Tag des Repositorys löschen, mit einem Plan vorab.</translation>
    </message>
    <message>
        <source>Deletion &amp;Journal</source>
        <translation>Lösch-&amp;Journal</translation>
    </message>
    <message>
        <source>Every deletion, with Undo while the registry still has the blobs.</source>
        <translation>Jede Löschung, mit Rückgängig, solange die Registry die Blobs noch hat.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tags…</source>
        <translation>
            <numerusform>%n Tag &amp;löschen…</numerusform>
            <numerusform>%n Tags &amp;löschen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Clean &amp;Up…</source>
        <translation>A&amp;ufräumen…</translation>
    </message>
    <message>
        <source>Drop the tags on a repository to copy them there.</source>
        <translation>Die Tags auf einem Repository ablegen, um sie dorthin zu kopieren.</translation>
    </message>
    <message numerus="yes">
        <source>Drop to copy %n tag(s) to %1.</source>
        <translation>
            <numerusform>Ablegen, um %n Tag nach %1 zu kopieren.</numerusform>
            <numerusform>Ablegen, um %n Tags nach %1 zu kopieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>Ver&amp;gleichen</translation>
    </message>
    <message>
        <source>Compare two images: configs, layers and files.</source>
        <translation>Zwei Images vergleichen: Konfigurationen, Layer und Dateien.</translation>
    </message>
    <message>
        <source>Compare &amp;Images…</source>
        <translation>&amp;Images vergleichen…</translation>
    </message>
    <message>
        <source>Compare any two images: in registries of the list or on disk.</source>
        <translation>Zwei beliebige Images vergleichen: in Registrys der Liste oder auf der Festplatte.</translation>
    </message>
    <message>
        <source>Co&amp;mpare With…</source>
        <translation>Ver&amp;gleichen mit…</translation>
    </message>
</context>
<context>
    <name>ManifestPanel</name>
    <message>
        <source>Select a tag to see its manifest.</source>
        <translation>Wählen Sie ein Tag aus, um sein Manifest zu sehen.</translation>
    </message>
    <message>
        <source>%1 is not a reference Lading can load: %2</source>
        <translation>%1 ist keine Referenz, die Lading laden kann: %2</translation>
    </message>
</context>
<context>
    <name>MediaTypeNames</name>
    <message>
        <source>OCI image manifest</source>
        <translation>OCI-Image-Manifest</translation>
    </message>
    <message>
        <source>OCI image index</source>
        <translation>OCI-Image-Index</translation>
    </message>
    <message>
        <source>Docker image manifest</source>
        <translation>Docker-Image-Manifest</translation>
    </message>
    <message>
        <source>Docker manifest list</source>
        <translation>Docker-Manifestliste</translation>
    </message>
    <message>
        <source>Docker schema 1 manifest (legacy)</source>
        <translation>Docker-Schema-1-Manifest (veraltet)</translation>
    </message>
    <message>
        <source>OCI artifact manifest (pre-release)</source>
        <translation>OCI-Artefaktmanifest (Vorabversion)</translation>
    </message>
    <message>
        <source>OCI image config</source>
        <translation>OCI-Image-Konfiguration</translation>
    </message>
    <message>
        <source>Docker image config</source>
        <translation>Docker-Image-Konfiguration</translation>
    </message>
    <message>
        <source>Docker plugin config</source>
        <translation>Docker-Plugin-Konfiguration</translation>
    </message>
    <message>
        <source>Empty (OCI)</source>
        <translation>Leer (OCI)</translation>
    </message>
    <message>
        <source>Docker foreign layer, gzip</source>
        <translation>Docker-Fremdschicht, gzip</translation>
    </message>
    <message>
        <source>OCI non-distributable layer, %1</source>
        <translation>Nicht verteilbare OCI-Schicht, %1</translation>
    </message>
    <message>
        <source>Docker layer, %1</source>
        <translation>Docker-Schicht, %1</translation>
    </message>
    <message>
        <source>OCI layer, %1</source>
        <translation>OCI-Schicht, %1</translation>
    </message>
    <message>
        <source>in-toto attestation</source>
        <translation>in-toto-Attestierung</translation>
    </message>
    <message>
        <source>uncompressed</source>
        <translation>unkomprimiert</translation>
    </message>
    <message>
        <source>unknown compression</source>
        <translation>unbekannte Kompression</translation>
    </message>
</context>
<context>
    <name>MergedTreeModel</name>
    <message>
        <source>No layer declares this directory; it holds paths that do.</source>
        <translation>Keine Schicht legt dieses Verzeichnis an; es enthält Pfade, die angelegt werden.</translation>
    </message>
    <message>
        <source>A hard link whose target is missing.</source>
        <translation>Ein harter Link, dessen Ziel fehlt.</translation>
    </message>
    <message>
        <source>Written through a symbolic link in its parent path.</source>
        <translation>Über einen symbolischen Link im übergeordneten Pfad geschrieben.</translation>
    </message>
    <message>
        <source>Last written by layer %1</source>
        <translation>Zuletzt geschrieben von Schicht %1</translation>
    </message>
</context>
<context>
    <name>PlatformTableModel</name>
    <message>
        <source>Attestation for %1</source>
        <translation>Attestierung für %1</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Attestierung</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>Jede Plattform</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Not an image</source>
        <translation>Kein Image</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Build attestations (provenance, SBOM) of the image %1; not an image to run.</source>
        <translation>Build-Attestierungen (Herkunft, SBOM) des Images %1; kein ausführbares Image.</translation>
    </message>
    <message>
        <source>OS features: %1</source>
        <translation>Betriebssystem-Merkmale: %1</translation>
    </message>
    <message>
        <source>%1 bytes (the manifest itself)</source>
        <translation>%1 Bytes (das Manifest selbst)</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Medientyp</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push %1</source>
        <translation>%1 pushen</translation>
    </message>
    <message>
        <source>team/app</source>
        <translation>team/app</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Images:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>Repository:</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Pushen</translation>
    </message>
    <message>
        <source>Reading %1 and checking its structure…</source>
        <translation>%1 wird gelesen und sein Aufbau geprüft…</translation>
    </message>
    <message>
        <source>%1 cannot be pushed. %2</source>
        <translation>%1 kann nicht gepusht werden. %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 — index of %n image(s)</source>
        <translation>
            <numerusform>%1 — Index mit %n Image</numerusform>
            <numerusform>%1 — Index mit %n Images</numerusform>
        </translation>
    </message>
    <message>
        <source>It holds no image.</source>
        <translation>Sie enthält kein Image.</translation>
    </message>
    <message>
        <source>Tag for %1</source>
        <translation>Tag für %1</translation>
    </message>
    <message>
        <source>Images (%1):</source>
        <translation>Images (%1):</translation>
    </message>
    <message>
        <source>There is no registry to push to.</source>
        <translation>Es gibt keine Registry, in die gepusht werden kann.</translation>
    </message>
    <message>
        <source>Enter the repository to push to, for example team/app.</source>
        <translation>Geben Sie das Repository ein, in das gepusht werden soll, zum Beispiel team/app.</translation>
    </message>
    <message>
        <source>“%1” is not a valid repository name: lowercase letters, digits and . _ -, in parts separated by /.</source>
        <translation>„%1“ ist kein gültiger Repository-Name: Kleinbuchstaben, Ziffern und . _ -, in Teilen, die durch / getrennt sind.</translation>
    </message>
    <message>
        <source>Enter a tag.</source>
        <translation>Geben Sie ein Tag ein.</translation>
    </message>
    <message>
        <source>Enter a tag for %1.</source>
        <translation>Geben Sie ein Tag für %1 ein.</translation>
    </message>
    <message>
        <source>“%1” is not a valid tag: up to 128 letters, digits and _ . -, not starting with . or -.</source>
        <translation>„%1“ ist kein gültiges Tag: bis zu 128 Buchstaben, Ziffern und _ . -, nicht mit . oder - am Anfang.</translation>
    </message>
    <message>
        <source>%1 and %2 would both be tagged %3: give each its own tag.</source>
        <translation>%1 und %2 bekämen beide das Tag %3: Geben Sie jedem ein eigenes Tag.</translation>
    </message>
    <message>
        <source>Choose at least one image to push.</source>
        <translation>Wählen Sie mindestens ein Image zum Pushen.</translation>
    </message>
    <message>
        <source>Lading could not ask %1 what it already holds: %2</source>
        <translation>Lading konnte %1 nicht fragen, was dort schon liegt: %2</translation>
    </message>
    <message>
        <source>Asking %1 which blobs and tags it already has…</source>
        <translation>%1 wird gefragt, welche Blobs und Tags dort schon liegen…</translation>
    </message>
    <message>
        <source>Updating the plan…</source>
        <translation>Der Plan wird aktualisiert…</translation>
    </message>
</context>
<context>
    <name>PushPlanModel</name>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>%1 (uncompressed; the digest in the registry is known once it is compressed)</source>
        <translation>%1 (unkomprimiert; der Digest in der Registry steht fest, sobald sie komprimiert ist)</translation>
    </message>
    <message>
        <source>%1 (gzip'ed from %2)</source>
        <translation>%1 (mit gzip komprimiert aus %2)</translation>
    </message>
    <message>
        <source>%1 bytes in the archive</source>
        <translation>%1 Bytes im Archiv</translation>
    </message>
    <message>
        <source>%1 bytes in the archive, %2 bytes compressed</source>
        <translation>%1 Bytes im Archiv, %2 Bytes komprimiert</translation>
    </message>
    <message>
        <source>Blob</source>
        <translation>Blob</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n schon vorhanden</numerusform>
            <numerusform>%n schon vorhanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mounted</source>
        <translation>
            <numerusform>%n eingebunden</numerusform>
            <numerusform>%n eingebunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to send (%1)</source>
        <translation>
            <numerusform>%n zu senden (%1)</numerusform>
            <numerusform>%n zu senden (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to send</source>
        <translation>nichts zu senden</translation>
    </message>
    <message>
        <source>1 blob: %1</source>
        <translation>1 Blob: %1</translation>
    </message>
    <message>
        <source>%1 blobs: %2</source>
        <translation>%1 Blobs: %2</translation>
    </message>
    <message>
        <source>Already in %1</source>
        <translation>Schon in %1</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>No tag: pushed by digest only</source>
        <translation>Kein Tag: nur über den Digest gepusht</translation>
    </message>
    <message>
        <source>New tag %1</source>
        <translation>Neues Tag %1</translation>
    </message>
    <message>
        <source>%1 already points to this image; it stays</source>
        <translation>%1 zeigt schon auf dieses Image; es bleibt</translation>
    </message>
    <message>
        <source>Moves %1 from %2… to this image</source>
        <translation>Verschiebt %1 von %2… auf dieses Image</translation>
    </message>
    <message>
        <source>Will be mounted from %1</source>
        <translation>Wird aus %1 eingehängt</translation>
    </message>
    <message>
        <source>Will be uploaded</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Will be gzip'ed, then uploaded</source>
        <translation>Wird mit gzip komprimiert, dann hochgeladen</translation>
    </message>
</context>
<context>
    <name>RegistryActions</name>
    <message>
        <source>The password for %1 is in the system keychain.</source>
        <translation>Das Passwort für %1 liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Saved the settings of %1.</source>
        <translation>Einstellungen von %1 gespeichert.</translation>
    </message>
    <message>
        <source>Remove Registry</source>
        <translation>Registry entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the list? Nothing is deleted on the registry itself; a password Lading keeps for it is forgotten.</source>
        <translation>%1 aus der Liste entfernen? Auf der Registry selbst wird nichts gelöscht; ein Passwort, das Lading dafür aufbewahrt, wird vergessen.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>%1 is verified with the CA file %2 now.</source>
        <translation>%1 wird jetzt mit der CA-Datei %2 geprüft.</translation>
    </message>
    <message>
        <source>%1 is marked insecure: its certificate is not verified.</source>
        <translation>%1 ist als unsicher markiert: Ihr Zertifikat wird nicht geprüft.</translation>
    </message>
    <message>
        <source>%1 uses plain HTTP now.</source>
        <translation>%1 verwendet jetzt einfaches HTTP.</translation>
    </message>
    <message>
        <source>Added %1 to %2.</source>
        <translation>%1 zu %2 hinzugefügt.</translation>
    </message>
    <message>
        <source>Forgot %1.</source>
        <translation>%1 vergessen.</translation>
    </message>
    <message>
        <source>&amp;Forget Repository</source>
        <translation>Repository &amp;vergessen</translation>
    </message>
    <message>
        <source>Resolve &amp;Certificate Problem…</source>
        <translation>&amp;Zertifikatsproblem lösen…</translation>
    </message>
    <message>
        <source>Add Re&amp;pository…</source>
        <translation>Re&amp;pository hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Registry…</source>
        <translation>Registry &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Re&amp;move Registry</source>
        <translation>Registry ent&amp;fernen</translation>
    </message>
</context>
<context>
    <name>RegistryDialog</name>
    <message>
        <source>Enter the address of a registry, for example ghcr.io or localhost:5000.</source>
        <translation>Geben Sie die Adresse einer Registry ein, zum Beispiel ghcr.io oder localhost:5000.</translation>
    </message>
    <message>
        <source>Only http:// and https:// addresses are supported.</source>
        <translation>Nur http://- und https://-Adressen werden unterstützt.</translation>
    </message>
    <message>
        <source>Enter the user name and password in their own fields, not in the address.</source>
        <translation>Geben Sie Benutzername und Passwort in den eigenen Feldern ein, nicht in der Adresse.</translation>
    </message>
    <message>
        <source>Enter only the registry's address, without a repository path. Its repositories are listed once it is added.</source>
        <translation>Geben Sie nur die Adresse der Registry ein, ohne Repository-Pfad. Ihre Repositorys werden aufgelistet, sobald sie hinzugefügt ist.</translation>
    </message>
    <message>
        <source>The address must not contain “?” or “#”.</source>
        <translation>Die Adresse darf weder „?“ noch „#“ enthalten.</translation>
    </message>
    <message>
        <source>“%1” is not a valid host name or IP address.</source>
        <translation>„%1“ ist weder ein gültiger Hostname noch eine gültige IP-Adresse.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>Edit Registry %1</source>
        <translation>Registry %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add Registry</source>
        <translation>Registry hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Use plain &amp;HTTP (unencrypted)</source>
        <translation>Einfaches &amp;HTTP verwenden (unverschlüsselt)</translation>
    </message>
    <message>
        <source>To use another address, add it as a new registry.</source>
        <translation>Um eine andere Adresse zu verwenden, fügen Sie sie als neue Registry hinzu.</translation>
    </message>
    <message>
        <source>ghcr.io, localhost:5000 or https://registry.example.com</source>
        <translation>ghcr.io, localhost:5000 oder https://registry.example.com</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Verify with the system's certificate authorities</source>
        <translation>Mit den Zertifizierungsstellen des Systems prüfen</translation>
    </message>
    <message>
        <source>Verify with this &amp;CA file:</source>
        <translation>Mit dieser &amp;CA-Datei prüfen:</translation>
    </message>
    <message>
        <source>Do not &amp;verify the certificate (insecure)</source>
        <translation>Zertifikat &amp;nicht prüfen (unsicher)</translation>
    </message>
    <message>
        <source>PEM file of the registry's certificate authority</source>
        <translation>PEM-Datei der Zertifizierungsstelle der Registry</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>⚠ Insecure: anyone on the network between you and the registry could read and change what Lading receives. Only for registries you trust, on a network you trust.</source>
        <translation>⚠ Unsicher: Jeder im Netzwerk zwischen Ihnen und der Registry könnte mitlesen und verändern, was Lading empfängt. Nur für Registrys, denen Sie vertrauen, in einem Netzwerk, dem Sie vertrauen.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Use my &amp;Docker credentials</source>
        <translation>Meine &amp;Docker-Zugangsdaten verwenden</translation>
    </message>
    <message>
        <source>What “docker login” and “podman login” stored: ~/.docker/config.json, its credential helpers, and Podman's auth.json.</source>
        <translation>Was „docker login“ und „podman login“ gespeichert haben: ~/.docker/config.json, dessen Credential-Helper und Podmans auth.json.</translation>
    </message>
    <message>
        <source>User name and &amp;password or token</source>
        <translation>Benutzername und &amp;Passwort oder Token</translation>
    </message>
    <message>
        <source>A&amp;nonymous</source>
        <translation>A&amp;nonym</translation>
    </message>
    <message>
        <source>Never send credentials to this registry.</source>
        <translation>Dieser Registry nie Zugangsdaten senden.</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word or token:</source>
        <translation>Pass&amp;wort oder Token:</translation>
    </message>
    <message>
        <source>A password Lading remembers goes to the system keychain, never to its settings file. Without “Remember”, it is kept until Lading quits.</source>
        <translation>Ein Passwort, das Lading sich merkt, kommt in den Schlüsselbund des Systems, nie in seine Einstellungsdatei. Ohne „Merken“ wird es aufbewahrt, bis Lading beendet wird.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Choose the CA file, or another way to check the certificate.</source>
        <translation>Wählen Sie die CA-Datei oder eine andere Art, das Zertifikat zu prüfen.</translation>
    </message>
    <message>
        <source>The CA file “%1” does not exist.</source>
        <translation>Die CA-Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Enter a user name and a password or token.</source>
        <translation>Geben Sie einen Benutzernamen und ein Passwort oder Token ein.</translation>
    </message>
    <message>
        <source>Enter the user name that belongs to the password.</source>
        <translation>Geben Sie den Benutzernamen zum Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the password or token for %1.</source>
        <translation>Geben Sie das Passwort oder Token für %1 ein.</translation>
    </message>
    <message>
        <source>Set by the http:// or https:// in the address.</source>
        <translation>Wird durch http:// oder https:// in der Adresse festgelegt.</translation>
    </message>
    <message>
        <source>Choose a CA Certificate File</source>
        <translation>CA-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checking whether %1 speaks HTTPS…</source>
        <translation>Prüfe, ob %1 HTTPS spricht…</translation>
    </message>
    <message>
        <source>%1 answers over HTTPS.</source>
        <translation>%1 antwortet über HTTPS.</translation>
    </message>
    <message>
        <source>%1 does not answer over HTTPS but does over plain HTTP, so plain HTTP is selected. It is a local address: nothing leaves this computer.</source>
        <translation>%1 antwortet nicht über HTTPS, aber über einfaches HTTP, daher ist einfaches HTTP ausgewählt. Es ist eine lokale Adresse: Nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>%1 answers over HTTPS with a certificate Lading does not trust: %2</source>
        <translation>%1 antwortet über HTTPS mit einem Zertifikat, dem Lading nicht vertraut: %2</translation>
    </message>
    <message>
        <source>Nothing answers at %1 yet.</source>
        <translation>Unter %1 antwortet noch nichts.</translation>
    </message>
</context>
<context>
    <name>RegistryFilterEdit</name>
    <message>
        <source>Filter repositories and tags</source>
        <translation>Repositorys und Tags filtern</translation>
    </message>
    <message>
        <source>Shows the registries, repositories and tags whose path contains the text. Only what has been listed is searched.</source>
        <translation>Zeigt die Registrys, Repositorys und Tags, deren Pfad den Text enthält. Durchsucht wird nur, was bereits aufgelistet wurde.</translation>
    </message>
</context>
<context>
    <name>RegistryTreeDelegate</name>
    <message>
        <source>insecure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
</context>
<context>
    <name>RegistryTreeModel</name>
    <message>
        <source>Registries</source>
        <translation>Registries</translation>
    </message>
    <message>
        <source>Plain HTTP: the connection is not encrypted.</source>
        <translation>Einfaches HTTP: Die Verbindung ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>HTTPS.</source>
        <translation>HTTPS.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Namensraum %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation>Verbindung zu %1 wird hergestellt.</translation>
    </message>
    <message>
        <source>Loading tags…</source>
        <translation>Tags werden geladen…</translation>
    </message>
    <message>
        <source>Listing the tags of %1.</source>
        <translation>Die Tags von %1 werden aufgelistet.</translation>
    </message>
    <message>
        <source>Loading repositories…</source>
        <translation>Repositorys werden geladen…</translation>
    </message>
    <message>
        <source>Listing the repositories of %1.</source>
        <translation>Die Repositorys von %1 werden aufgelistet.</translation>
    </message>
    <message>
        <source>This registry has no repositories.</source>
        <translation>Diese Registry hat keine Repositorys.</translation>
    </message>
    <message>
        <source>This repository has no tags.</source>
        <translation>Dieses Repository hat keine Tags.</translation>
    </message>
    <message>
        <source>Listed the repositories of %1.</source>
        <translation>Die Repositorys von %1 wurden aufgelistet.</translation>
    </message>
    <message>
        <source>Listed the tags of %1.</source>
        <translation>Die Tags von %1 wurden aufgelistet.</translation>
    </message>
    <message>
        <source>Insecure: HTTPS without certificate verification. Anyone on the network could read and change what Lading receives.</source>
        <translation>Unsicher: HTTPS ohne Zertifikatsprüfung. Jeder im Netzwerk könnte mitlesen und verändern, was Lading empfängt.</translation>
    </message>
    <message>
        <source>HTTPS, verified with the CA file %1.</source>
        <translation>HTTPS, geprüft mit der CA-Datei %1.</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Added by name.</source>
        <translation>Über den Namen hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>RepositoryPage</name>
    <message>
        <source>Digests, sizes, dates and platforms load in the background, the rows on screen first.</source>
        <translation>Digests, Größen, Daten und Plattformen werden im Hintergrund geladen, die sichtbaren Zeilen zuerst.</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Tags filtern</translation>
    </message>
    <message>
        <source>Hide referrer tags</source>
        <translation>Referrer-Tags ausblenden</translation>
    </message>
    <message>
        <source>Hide the sha256-… tags in which registries without the referrers API keep signatures, SBOMs and attestations.</source>
        <translation>Blendet die sha256-…-Tags aus, in denen Registrys ohne Referrers-API Signaturen, SBOMs und Attestierungen ablegen.</translation>
    </message>
    <message>
        <source>Double-click to inspect.</source>
        <translation>Doppelklicken zum Untersuchen.</translation>
    </message>
    <message>
        <source>Listing tags…</source>
        <translation>Tags werden aufgelistet…</translation>
    </message>
    <message>
        <source>%1 has no tags.</source>
        <translation>%1 hat keine Tags.</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Tags: %1 of %2</source>
        <translation>Tags: %1 von %2</translation>
    </message>
    <message>
        <source>sharing a digest: %1</source>
        <translation>mit gemeinsamem Digest: %1</translation>
    </message>
    <message>
        <source>Referrers of %1: waiting for its digest…</source>
        <translation>Referrer von %1: Warte auf den Digest…</translation>
    </message>
    <message>
        <source>Looking for signatures, SBOMs and attestations of %1…</source>
        <translation>Suche nach Signaturen, SBOMs und Attestierungen von %1…</translation>
    </message>
    <message>
        <source>No signatures, SBOMs or attestations refer to %1.</source>
        <translation>Keine Signaturen, SBOMs oder Attestierungen verweisen auf %1.</translation>
    </message>
    <message>
        <source>Referrers of %1: %2 (from the referrers API)</source>
        <translation>Referrer von %1: %2 (über die Referrers-API)</translation>
    </message>
    <message>
        <source>Referrers of %1: %2 (from its sha256-… tag)</source>
        <translation>Referrer von %1: %2 (aus seinem sha256-…-Tag)</translation>
    </message>
    <message>
        <source>The registry could not be reached: this list may be out of date.</source>
        <translation>Die Registry war nicht erreichbar: Diese Liste ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>Filter Tags</source>
        <translation>Tags filtern</translation>
    </message>
    <message>
        <source>Shows the tags whose names contain the text; a digest (sha256:…, or its beginning) shows the tags that point to it.</source>
        <translation>Zeigt die Tags, deren Name den Text enthält; ein Digest (sha256:… oder sein Anfang) zeigt die Tags, die auf ihn zeigen.</translation>
    </message>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>&amp;Referenz kopieren</translation>
    </message>
    <message>
        <source>Copy Reference with &amp;Digest</source>
        <translation>Referenz mit &amp;Digest kopieren</translation>
    </message>
    <message>
        <source>Copy Digest</source>
        <translation>Digest kopieren</translation>
    </message>
    <message>
        <source>Show Only Tags with This Digest</source>
        <translation>Nur Tags mit diesem Digest zeigen</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Details: %1 of %2</source>
        <translation>Details: %1 von %2</translation>
    </message>
</context>
<context>
    <name>RetentionRulesForm</name>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source> image(s)</source>
        <translation>
            <numerusform> Image</numerusform>
            <numerusform> Images</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest images by their created date stay, with every tag on them. Images without a date count as the oldest.</source>
        <translation>Die neuesten Images nach Erstellungsdatum bleiben, mit allen ihren Tags. Images ohne Datum zählen als die ältesten.</translation>
    </message>
    <message>
        <source>e.g. release-.*</source>
        <translation>z. B. release-.*</translation>
    </message>
    <message>
        <source>Created &amp;before</source>
        <translation>Erstellt &amp;vor</translation>
    </message>
    <message>
        <source>Tags whose image was created before the start of this day (UTC). Images without a date never match.</source>
        <translation>Tags, deren Image vor Beginn dieses Tages (UTC) erstellt wurde. Images ohne Datum passen nie.</translation>
    </message>
    <message>
        <source>e.g. pr-\d+</source>
        <translation>z. B. pr-\d+</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep&lt;/b&gt;</source>
        <translation>&lt;b&gt;Behalten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delete&lt;/b&gt;</source>
        <translation>&lt;b&gt;Löschen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The &amp;newest:</source>
        <translation>Die &amp;neuesten:</translation>
    </message>
    <message>
        <source>&amp;Tags matching:</source>
        <translation>&amp;Tags passend zu:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Tags &amp;matching:</source>
        <translation>Tags &amp;passend zu:</translation>
    </message>
    <message>
        <source>Patterns are regular expressions over the whole tag, one per line: v1\.\d+ matches v1.2 but not v1.2-rc. Without a delete rule, every tag that is not kept goes. A tag on the same image as a tag that stays is never deleted.</source>
        <translation>Muster sind reguläre Ausdrücke über den ganzen Tag, eines pro Zeile: v1\.\d+ passt zu v1.2, aber nicht zu v1.2-rc. Ohne Löschregel wird jeder Tag gelöscht, der nicht behalten wird. Ein Tag auf demselben Image wie ein bleibender Tag wird nie gelöscht.</translation>
    </message>
    <message>
        <source>Choose at least one rule: with none, every tag would be deleted.</source>
        <translation>Wählen Sie mindestens eine Regel: Ohne Regel würde jeder Tag gelöscht.</translation>
    </message>
    <message>
        <source>The keep pattern “%1” is not a regular expression: %2.</source>
        <translation>Das Behalten-Muster „%1“ ist kein regulärer Ausdruck: %2.</translation>
    </message>
    <message>
        <source>The delete pattern “%1” is not a regular expression: %2.</source>
        <translation>Das Lösch-Muster „%1“ ist kein regulärer Ausdruck: %2.</translation>
    </message>
    <message numerus="yes">
        <source>the newest %n image(s)</source>
        <translation>
            <numerusform>das neueste Image</numerusform>
            <numerusform>die neuesten %n Images</numerusform>
        </translation>
    </message>
    <message>
        <source>tags matching %1</source>
        <translation>Tags passend zu %1</translation>
    </message>
    <message>
        <source>tags created before %1</source>
        <translation>Tags, die vor dem %1 erstellt wurden</translation>
    </message>
    <message>
        <source>Keeps %1.</source>
        <translation>Behält %1.</translation>
    </message>
    <message>
        <source>Deletes every other tag.</source>
        <translation>Löscht jeden anderen Tag.</translation>
    </message>
    <message>
        <source>Deletes %1; every other tag stays.</source>
        <translation>Löscht %1; jeder andere Tag bleibt.</translation>
    </message>
    <message>
        <source>Of the others, deletes %1; the rest stay.</source>
        <translation>Von den übrigen löscht sie %1; der Rest bleibt.</translation>
    </message>
    <message>
        <source>The same rules on the command line: %1 %2</source>
        <translation>Dieselben Regeln auf der Befehlszeile: %1 %2</translation>
    </message>
</context>
<context>
    <name>ScreenshotRun</name>
    <message>
        <source>The screenshot was not taken: %1</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: %1</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the window was not ready within %1 s.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Fenster war nicht innerhalb von %1 s bereit.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: no repository to push to.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Es gibt kein Repository, in das hochgeladen werden kann.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the push dialog did not open.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Der Dialog zum Hochladen öffnete sich nicht.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the push did not start.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Hochladen begann nicht.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the push did not land: %1</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Hochladen kam nicht an: %1</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the delete window did not open.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Fenster zum Löschen öffnete sich nicht.</translation>
    </message>
    <message>
        <source>the delete window showed no plan.</source>
        <translation>das Fenster zum Löschen zeigte keinen Plan.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the clean-up window did not open.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Fenster zum Aufräumen öffnete sich nicht.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the journal window did not open.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Journal-Fenster öffnete sich nicht.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the deletion journal in %1 is empty.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Lösch-Journal in %1 ist leer.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: %1 has no tags %2 to compare.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: %1 hat keine Tags %2 zum Vergleichen.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: no registry to compare in.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: keine Registry, in der verglichen werden kann.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: the compare window did not open.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Das Vergleichsfenster öffnete sich nicht.</translation>
    </message>
    <message>
        <source>The screenshot was not taken: %1 is not among the changed files.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: %1 ist nicht unter den geänderten Dateien.</translation>
    </message>
</context>
<context>
    <name>SideBySideDiffView</name>
    <message>
        <source>mixed CRLF and LF</source>
        <translation>gemischt CRLF und LF</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Previous change (Alt+Up)</source>
        <translation>Vorherige Änderung (Alt+Oben)</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Next change (Alt+Down)</source>
        <translation>Nächste Änderung (Alt+Unten)</translation>
    </message>
    <message>
        <source>Hide Unchanged Lines</source>
        <translation>Unveränderte Zeilen ausblenden</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message>
        <source>No line differs</source>
        <translation>Keine Zeile unterscheidet sich</translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>The files are too large to compare line by line (more than %1 MiB): they are compared by size and hash.</source>
        <translation>Die Dateien sind zu groß für einen zeilenweisen Vergleich (mehr als %1 MiB): Sie werden nach Größe und Hash verglichen.</translation>
    </message>
    <message>
        <source>Both files are binary: they are compared by size and hash, not line by line.</source>
        <translation>Beide Dateien sind binär: Sie werden nach Größe und Hash verglichen, nicht Zeile für Zeile.</translation>
    </message>
    <message>
        <source>%1 is binary: the files are compared by size and hash, not line by line.</source>
        <translation>%1 ist binär: Die Dateien werden nach Größe und Hash verglichen, nicht Zeile für Zeile.</translation>
    </message>
    <message>
        <source>The texts differ too much to compare line by line: the changed part is shown as one replaced block.</source>
        <translation>Die Texte unterscheiden sich zu stark für einen zeilenweisen Vergleich: Der geänderte Teil wird als ein ersetzter Block gezeigt.</translation>
    </message>
    <message>
        <source>Both sides are shown as indented JSON, in their own key order.</source>
        <translation>Beide Seiten werden als eingerücktes JSON gezeigt, in ihrer eigenen Reihenfolge der Schlüssel.</translation>
    </message>
    <message>
        <source>Line endings differ: %1 on the left, %2 on the right.</source>
        <translation>Die Zeilenenden unterscheiden sich: links %1, rechts %2.</translation>
    </message>
    <message>
        <source>No newline at the end of the left file.</source>
        <translation>Kein Zeilenumbruch am Ende der linken Datei.</translation>
    </message>
    <message>
        <source>No newline at the end of the right file.</source>
        <translation>Kein Zeilenumbruch am Ende der rechten Datei.</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Änderung %1 von %2</translation>
    </message>
</context>
<context>
    <name>SideBySidePane</name>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unveränderte Zeile</numerusform>
            <numerusform>⋯ %n unveränderte Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagFate</name>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between list items</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last two of a list</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Not selected.</source>
        <translation>Nicht ausgewählt.</translation>
    </message>
    <message>
        <source>Selected.</source>
        <translation>Ausgewählt.</translation>
    </message>
    <message>
        <source>Selected, like every other tag on %1.</source>
        <translation>Ausgewählt, wie jeder andere Tag auf %1.</translation>
    </message>
    <message>
        <source>Its image cannot be deleted while an index that stays lists it, so only the selected tags go.</source>
        <translation>Sein Image kann nicht gelöscht werden, solange ein Index, der bleibt, es aufführt; daher werden nur die ausgewählten Tags entfernt.</translation>
    </message>
    <message>
        <source>Selected: the image %1 is to be deleted.</source>
        <translation>Ausgewählt: Das Image %1 soll gelöscht werden.</translation>
    </message>
    <message>
        <source>Not selected, but on the same image as %1, which is selected for deletion with every tag on it.</source>
        <translation>Nicht ausgewählt, aber auf demselben Image wie %1, das samt allen seinen Tags zum Löschen ausgewählt ist.</translation>
    </message>
    <message>
        <source>The referrers list (tag schema) of %1 (%2), whose manifest this plan deletes: it goes with it.</source>
        <translation>Die Referrer-Liste (Tag-Schema) von %1 (%2), dessen Manifest dieser Plan löscht: Sie wird mit ihm entfernt.</translation>
    </message>
    <message>
        <source>The manifest %1 is deleted; no other tag points to it.</source>
        <translation>Das Manifest %1 wird gelöscht; kein anderer Tag verweist darauf.</translation>
    </message>
    <message>
        <source>The manifest %1 is deleted, and with it every tag on it: %2.</source>
        <translation>Das Manifest %1 wird gelöscht und mit ihm jeder Tag darauf: %2.</translation>
    </message>
    <message>
        <source>Only the tag is removed: %1 stays for %2.</source>
        <translation>Nur der Tag wird entfernt: %1 bleibt für %2.</translation>
    </message>
    <message>
        <source>Only the tag is removed: the index %1, which stays, lists %2, so the manifest stays.</source>
        <translation>Nur der Tag wird entfernt: Der Index %1, der bleibt, führt %2 auf, daher bleibt das Manifest.</translation>
    </message>
    <message>
        <source>%1 on the same manifest (%2) is removed on its own; this tag stays.</source>
        <translation>%1 auf demselben Manifest (%2) wird allein entfernt; dieser Tag bleibt.</translation>
    </message>
    <message>
        <source>%1 on the same manifest (%2) are removed on their own; this tag stays.</source>
        <translation>%1 auf demselben Manifest (%2) werden allein entfernt; dieser Tag bleibt.</translation>
    </message>
    <message>
        <source>Its manifest %1 is also listed by the index %2, which is deleted; the registry keeps the manifest for this tag.</source>
        <translation>Sein Manifest %1 wird auch vom Index %2 aufgeführt, der gelöscht wird; die Registry behält das Manifest für diesen Tag.</translation>
    </message>
    <message>
        <source>It refers to %1, which this plan deletes: it will refer to nothing.</source>
        <translation>Er verweist auf %1, das dieser Plan löscht: Er wird danach auf nichts verweisen.</translation>
    </message>
    <message>
        <source>It is the referrers list of %1, which stays.</source>
        <translation>Er ist die Referrer-Liste von %1, das bleibt.</translation>
    </message>
    <message>
        <source>Kept: a referrers list (tag schema) is not decided by the rules; it goes only with the manifest of %1.</source>
        <translation>Behalten: Über eine Referrer-Liste (Tag-Schema) entscheiden die Regeln nicht; sie geht nur mit dem Manifest von %1.</translation>
    </message>
    <message>
        <source>No tag of this repository points to it.</source>
        <translation>Kein Tag dieses Repositorys verweist darauf.</translation>
    </message>
    <message>
        <source>Kept: matches the keep pattern %1.</source>
        <translation>Behalten: passt zum Behalten-Muster %1.</translation>
    </message>
    <message>
        <source>Kept: its image is one of the newest %1 (created %2).</source>
        <translation>Behalten: Sein Image gehört zu den %1 neuesten (erstellt %2).</translation>
    </message>
    <message>
        <source>Kept: its image is one of the newest %1 (it has no created date, which counts as the oldest).</source>
        <translation>Behalten: Sein Image gehört zu den %1 neuesten (es hat kein Erstellungsdatum, das zählt als ältestes).</translation>
    </message>
    <message>
        <source>Deleted: created %1, before %2 (rule: delete tags older than %2).</source>
        <translation>Gelöscht: erstellt %1, vor %2 (Regel: Tags löschen, die älter sind als %2).</translation>
    </message>
    <message>
        <source>Deleted: matches the delete pattern %1.</source>
        <translation>Gelöscht: passt zum Lösch-Muster %1.</translation>
    </message>
    <message>
        <source>Deleted: no rule keeps it (with no delete rule given, every tag that is not kept goes).</source>
        <translation>Gelöscht: Keine Regel behält ihn (ohne Löschregel wird jeder Tag entfernt, der nicht behalten wird).</translation>
    </message>
    <message>
        <source>Otherwise it would be deleted: created %1, before %2 (rule: delete tags older than %2).</source>
        <translation>Sonst würde er gelöscht: erstellt %1, vor %2 (Regel: Tags löschen, die älter sind als %2).</translation>
    </message>
    <message>
        <source>Otherwise it would be deleted: matches the delete pattern %1.</source>
        <translation>Sonst würde er gelöscht: passt zum Lösch-Muster %1.</translation>
    </message>
    <message>
        <source>Otherwise it would be deleted: no rule keeps it (with no delete rule given, every tag that is not kept goes).</source>
        <translation>Sonst würde er gelöscht: Keine Regel behält ihn (ohne Löschregel wird jeder Tag entfernt, der nicht behalten wird).</translation>
    </message>
    <message>
        <source>Its image is not one of the newest %1.</source>
        <translation>Sein Image gehört nicht zu den %1 neuesten.</translation>
    </message>
    <message>
        <source>Its image is not one of the newest %1 (it has no created date, which counts as the oldest).</source>
        <translation>Sein Image gehört nicht zu den %1 neuesten (es hat kein Erstellungsdatum, das zählt als ältestes).</translation>
    </message>
    <message>
        <source>It matches no keep pattern.</source>
        <translation>Er passt zu keinem Behalten-Muster.</translation>
    </message>
    <message>
        <source>Kept: no delete rule applies.</source>
        <translation>Behalten: Keine Löschregel trifft zu.</translation>
    </message>
    <message>
        <source>Created %1, not before %2.</source>
        <translation>Erstellt %1, nicht vor %2.</translation>
    </message>
    <message>
        <source>It has no created date, so 'older than' does not apply.</source>
        <translation>Er hat kein Erstellungsdatum, daher trifft „älter als“ nicht zu.</translation>
    </message>
    <message>
        <source>It matches no delete pattern.</source>
        <translation>Er passt zu keinem Lösch-Muster.</translation>
    </message>
    <message>
        <source>Protected: it shares %1 with %2, which is kept.</source>
        <translation>Geschützt: Er teilt %1 mit %2, der behalten wird.</translation>
    </message>
    <message>
        <source>Protected: it shares %1 with %2, which is protected.</source>
        <translation>Geschützt: Er teilt %1 mit %2, der geschützt ist.</translation>
    </message>
    <message>
        <source>Protected: its image %1 is the subject of %2, a referrer which is kept.</source>
        <translation>Geschützt: Sein Image %1 ist das Subjekt von %2, einem Referrer, der behalten wird.</translation>
    </message>
    <message>
        <source>Protected: its image %1 is the subject of %2, a referrer which is protected.</source>
        <translation>Geschützt: Sein Image %1 ist das Subjekt von %2, einem Referrer, der geschützt ist.</translation>
    </message>
</context>
<context>
    <name>TagNameInput</name>
    <message>
        <source>Enter a tag.</source>
        <translation>Geben Sie ein Tag ein.</translation>
    </message>
    <message>
        <source>“%1…” is too long: a tag has at most 128 characters.</source>
        <translation>„%1…“ ist zu lang: Ein Tag hat höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>“%1” cannot be a tag because of “%2”: use only letters, digits and _ . -.</source>
        <translation>„%1“ kann wegen „%2“ kein Tag sein: Verwenden Sie nur Buchstaben, Ziffern und _ . -.</translation>
    </message>
    <message>
        <source>“%1” cannot be a tag: a tag cannot start with . or -.</source>
        <translation>„%1“ kann kein Tag sein: Ein Tag darf nicht mit . oder - beginnen.</translation>
    </message>
    <message>
        <source>Enter a repository, for example team/app.</source>
        <translation>Geben Sie ein Repository ein, zum Beispiel team/app.</translation>
    </message>
    <message>
        <source>“%1” is not a valid repository name: lowercase letters, digits and . _ -, in parts separated by /.</source>
        <translation>„%1“ ist kein gültiger Repository-Name: Kleinbuchstaben, Ziffern und . _ -, in Teilen, die durch / getrennt sind.</translation>
    </message>
</context>
<context>
    <name>TagReferrersModel</name>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>SBOM</source>
        <translation>SBOM</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Attestierung</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Artifact type</source>
        <translation>Artefakttyp</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Shares digest with</source>
        <translation>Gleicher Digest wie</translation>
    </message>
    <message>
        <source>Compressed size as stored in the registry: config and layers (for an index, every blob of its platform images once).</source>
        <translation>Komprimierte Größe, wie in der Registry gespeichert: Konfiguration und Schichten (bei einem Index jedes Blob seiner Plattform-Images einmal).</translation>
    </message>
    <message>
        <source>When the image was built, from its config (for an index, its newest platform image).</source>
        <translation>Wann das Image gebaut wurde, laut seiner Konfiguration (bei einem Index sein neuestes Plattform-Image).</translation>
    </message>
    <message>
        <source>Other tags of this repository that point to the same manifest. Deleting the manifest of one removes all of them.</source>
        <translation>Andere Tags dieses Repositorys, die auf dasselbe Manifest zeigen. Wer das Manifest eines davon löscht, entfernt alle.</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>A referrers fallback tag: it lists the signatures, SBOMs and attestations of the manifest it is named after.</source>
        <translation>Ein Referrers-Ersatz-Tag: Es listet die Signaturen, SBOMs und Attestierungen des Manifests auf, nach dem es benannt ist.</translation>
    </message>
    <message>
        <source>Shares its digest with one other tag: %1. Deleting the manifest of one removes both.</source>
        <translation>Teilt seinen Digest mit einem anderen Tag: %1. Wer das Manifest eines der beiden löscht, entfernt beide.</translation>
    </message>
    <message>
        <source>Shares its digest with %1 other tags: %2. Deleting the manifest of one removes all of them.</source>
        <translation>Teilt seinen Digest mit %1 anderen Tags: %2. Wer das Manifest eines davon löscht, entfernt alle.</translation>
    </message>
    <message>
        <source>The registry could not be asked: this is the last known digest of the tag and may be out of date.</source>
        <translation>Die Registry war nicht erreichbar: Dies ist der zuletzt bekannte Digest des Tags und ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrer</translation>
    </message>
</context>
<context>
    <name>TagTableText</name>
    <message>
        <source>Docker image</source>
        <translation>Docker-Image</translation>
    </message>
    <message>
        <source>OCI image</source>
        <translation>OCI-Image</translation>
    </message>
    <message>
        <source>Docker index</source>
        <translation>Docker-Index</translation>
    </message>
    <message>
        <source>OCI index</source>
        <translation>OCI-Index</translation>
    </message>
    <message>
        <source>OCI artifact</source>
        <translation>OCI-Artefakt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Artifact type: %1</source>
        <translation>Artefakttyp: %1</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Attestation entries (not platforms): %1</source>
        <translation>Attestierungseinträge (keine Plattformen): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WasteModel</name>
    <message>
        <source>%1 wasted of %2 shipped in files — efficiency %3 % (dive's score: %4 %)</source>
        <translation>%1 verschwendet von %2 ausgelieferten Dateibytes – Effizienz %3 % (Wert von dive: %4 %)</translation>
    </message>
    <message>
        <source>layer %1, deleted by layer %2</source>
        <translation>Schicht %1, gelöscht von Schicht %2</translation>
    </message>
    <message>
        <source>layer %1, written again in layer %2</source>
        <translation>Schicht %1, erneut geschrieben in Schicht %2</translation>
    </message>
    <message>
        <source>layer %1, overwritten by layer %2</source>
        <translation>Schicht %1, überschrieben von Schicht %2</translation>
    </message>
    <message>
        <source>layer %1, never applied: unsafe name</source>
        <translation>Schicht %1, nie angewendet: unsicherer Name</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation>Verschwendet</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <source>Where the bytes are</source>
        <translation>Wo die Bytes liegen</translation>
    </message>
</context>
<context>
    <name>image::LayerContents</name>
    <message>
        <source>The layer could not be read: %1</source>
        <translation>Die Schicht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot open the layer blob: %1</source>
        <translation>Der Blob der Schicht kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The layer has no entry number %1.</source>
        <translation>Die Schicht hat keinen Eintrag Nummer %1.</translation>
    </message>
</context>
<context>
    <name>image::OutputFile</name>
    <message>
        <source>“%1” is not a plain file name.</source>
        <translation>„%1“ ist kein einfacher Dateiname.</translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translation>Der Ordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The file already exists.</source>
        <translation>Die Datei existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot create a file in the folder</source>
        <translation>Im Ordner kann keine Datei angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write the file</source>
        <translation>Die Datei kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>image::PushJob</name>
    <message>
        <source>config %1</source>
        <translation>Konfiguration %1</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Could not send the %1: %2</source>
        <translation>%1 konnte nicht gesendet werden: %2</translation>
    </message>
    <message>
        <source>Mounted the %1 from %2.</source>
        <translation>%1 aus %2 eingehängt.</translation>
    </message>
    <message>
        <source>The %1 is there already.</source>
        <translation>%1 ist schon da.</translation>
    </message>
    <message>
        <source>Could not write the manifest %1: %2</source>
        <translation>Das Manifest %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Pushed %1.</source>
        <translation>%1 hochgeladen.</translation>
    </message>
</context>
<context>
    <name>image::TarExport</name>
    <message>
        <source>Cannot write the tar: %1</source>
        <translation>Das Tar kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The layer is not in the cache.</source>
        <translation>Die Schicht ist nicht im Cache.</translation>
    </message>
    <message>
        <source>The layer is no longer in the cache; open the layer again.</source>
        <translation>Die Schicht ist nicht mehr im Cache; öffnen Sie die Schicht erneut.</translation>
    </message>
    <message>
        <source>No such layer in the export.</source>
        <translation>Diese Schicht gehört nicht zum Export.</translation>
    </message>
    <message>
        <source>Only a regular file can be saved.</source>
        <translation>Nur eine reguläre Datei kann gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Browse container registries.</source>
        <translation>Container-Registries durchsuchen.</translation>
    </message>
    <message>
        <source>Adds the plain-HTTP registry at &lt;host:port&gt; when no registry is configured.</source>
        <translation>Fügt die Registry unter &lt;host:port&gt; mit einfachem HTTP hinzu, wenn keine Registry eingerichtet ist.</translation>
    </message>
    <message>
        <source>Opens the first registry down to a tag, saves a picture of the window to &lt;file&gt; and quits.</source>
        <translation>Öffnet die erste Registry bis zu einem Tag, speichert ein Bild des Fensters in &lt;file&gt; und beendet sich.</translation>
    </message>
    <message>
        <source>Gives up on --screenshot after &lt;seconds&gt; (default 60).</source>
        <translation>Bricht --screenshot nach &lt;seconds&gt; Sekunden ab (Standard: 60).</translation>
    </message>
    <message>
        <source>--demo-registry needs host:port, for example 127.0.0.1:5000.</source>
        <translation>--demo-registry braucht host:port, zum Beispiel 127.0.0.1:5000.</translation>
    </message>
    <message>
        <source>An image to look inside: a tarball (docker save, OCI archive) or an OCI layout folder.</source>
        <translation>Ein Image zum Hineinschauen: ein Tarball (docker save, OCI-Archiv) oder ein OCI-Layout-Ordner.</translation>
    </message>
    <message>
        <source>--screenshot-view %1 needs an image file.</source>
        <translation>--screenshot-view %1 braucht eine Image-Datei.</translation>
    </message>
    <message>
        <source>What --screenshot shows: "inspector" (a tag's manifest, the default), "files" (the Files tab of the demo's demo/toolbox), "local" (the Files tab of the image file given), "push" (the push dialog for the image file given), "jobs" (the jobs panel once it was pushed), "delete" (the delete window's plan for the tag shown), "cleanup" (the clean-up dry run of its repository), "journal" (the deletion journal) or "compare" (the compare window for its tags 1.2 and 2.0).</source>
        <translation>Was --screenshot zeigt: „inspector“ (das Manifest eines Tags, Vorgabe), „files“ (den Reiter Dateien von demo/toolbox der Demo), „local“ (den Reiter Dateien der angegebenen Image-Datei), „push“ (den Dialog zum Hochladen der angegebenen Image-Datei), „jobs“ (den Bereich Aufträge nach dem Hochladen), „delete“ (den Löschplan für das gezeigte Tag), „cleanup“ (den Probelauf des Aufräumens seines Repositorys), „journal“ (das Lösch-Journal) oder „compare“ (das Vergleichsfenster für seine Tags 1.2 und 2.0).</translation>
    </message>
    <message>
        <source>--screenshot-view is "inspector", "files", "local", "push", "jobs", "delete", "cleanup", "journal" or "compare".</source>
        <translation>--screenshot-view ist „inspector“, „files“, „local“, „push“, „jobs“, „delete“, „cleanup“, „journal“ oder „compare“.</translation>
    </message>
</context>
</TS>
