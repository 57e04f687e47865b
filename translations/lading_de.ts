<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddRegistryDialog</name>
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
        <source>Enter only the registry&apos;s address, without a repository path. Its repositories are listed once it is added.</source>
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
        <source>Add Registry</source>
        <translation>Registry hinzufügen</translation>
    </message>
    <message>
        <source>ghcr.io, localhost:5000 or https://registry.example.com</source>
        <translation>ghcr.io, localhost:5000 oder https://registry.example.com</translation>
    </message>
    <message>
        <source>Use plain &amp;HTTP (unencrypted)</source>
        <translation>Einfaches &amp;HTTP verwenden (unverschlüsselt)</translation>
    </message>
    <message>
        <source>Do not &amp;verify the TLS certificate</source>
        <translation>TLS-Zertifikat &amp;nicht prüfen</translation>
    </message>
    <message>
        <source>Only for registries you trust on a network you trust: anyone in between could read and change what Lading receives.</source>
        <translation>Nur für vertrauenswürdige Registries in einem vertrauenswürdigen Netz: Jeder dazwischen könnte mitlesen und verändern, was Lading empfängt.</translation>
    </message>
    <message>
        <source>Optional PEM file</source>
        <translation>Optionale PEM-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Lading keeps the password in memory until it quits and never writes it to disk. Without a password, credentials from Docker&apos;s config.json are used when it has some.</source>
        <translation>Lading behält das Passwort bis zum Beenden im Arbeitsspeicher und schreibt es nie auf die Festplatte. Ohne Passwort werden Zugangsdaten aus Dockers config.json verwendet, sofern dort welche stehen.</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>The CA file “%1” does not exist.</source>
        <translation>Die CA-Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Enter the user name that belongs to the password.</source>
        <translation>Geben Sie den Benutzernamen zum Passwort ein.</translation>
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
        <source>If the registry uses its own certificate authority, add the registry again with its CA file. If it only speaks plain HTTP, add it with an http:// address.</source>
        <translation>Wenn die Registry eine eigene Zertifizierungsstelle verwendet, fügen Sie sie erneut mit deren CA-Datei hinzu. Spricht sie nur einfaches HTTP, fügen Sie sie mit einer http://-Adresse hinzu.</translation>
    </message>
    <message>
        <source>Choose “Sign In…” in the registry&apos;s context menu and enter the right user name and password.</source>
        <translation>Wählen Sie „Anmelden…“ im Kontextmenü der Registry und geben Sie den richtigen Benutzernamen und das richtige Passwort ein.</translation>
    </message>
    <message>
        <source>Choose “Sign In…” in the registry&apos;s context menu to enter them.</source>
        <translation>Wählen Sie „Anmelden…“ im Kontextmenü der Registry, um sie einzugeben.</translation>
    </message>
    <message>
        <source>Ask the registry&apos;s administrator for access, or sign in as another user.</source>
        <translation>Bitten Sie die Administration der Registry um Zugriff oder melden Sie sich als anderer Benutzer an.</translation>
    </message>
    <message>
        <source>Tell the registry&apos;s administrator; retrying will not help.</source>
        <translation>Informieren Sie die Administration der Registry; ein erneuter Versuch hilft nicht.</translation>
    </message>
    <message>
        <source>Retry from the context menu.</source>
        <translation>Versuchen Sie es über das Kontextmenü erneut.</translation>
    </message>
    <message>
        <source>%1 does not list its repositories to anonymous users. Choose “Sign In…” in its context menu to see them.</source>
        <translation>%1 zeigt anonymen Benutzern keine Repository-Liste. Wählen Sie „Anmelden…“ im Kontextmenü, um die Repositorys zu sehen.</translation>
    </message>
    <message>
        <source>%1 does not offer a list of its repositories. Opening a repository by its name will come in a later version of Lading.</source>
        <translation>%1 bietet keine Liste der Repositorys an. Ein Repository über seinen Namen zu öffnen, wird eine spätere Version von Lading können.</translation>
    </message>
    <message>
        <source>Retry after the wait the registry asked for (%1 s).</source>
        <translation>Versuchen Sie es nach der von der Registry erbetenen Wartezeit erneut (%1 s).</translation>
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
        <source>List the selected registry or repository again.</source>
        <translation>Die ausgewählte Registry oder das ausgewählte Repository erneut auflisten.</translation>
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
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove Registry</source>
        <translation>Registry entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the list? Nothing is deleted on the registry itself.</source>
        <translation>%1 aus der Liste entfernen? In der Registry selbst wird nichts gelöscht.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>The registry list could not be saved to %1.</source>
        <translation>Die Registry-Liste konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Select a tag to see its manifest.</source>
        <translation>Wählen Sie ein Tag aus, um sein Manifest zu sehen.</translation>
    </message>
    <message>
        <source>Expand %1 to list its tags, then select a tag to see its manifest.</source>
        <translation>Klappen Sie %1 auf, um die Tags aufzulisten, und wählen Sie dann ein Tag aus, um sein Manifest zu sehen.</translation>
    </message>
    <message>
        <source>Expand %1 to browse its repositories.</source>
        <translation>Klappen Sie %1 auf, um die Repositorys zu durchsuchen.</translation>
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
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Re&amp;move Registry</source>
        <translation>Registry ent&amp;fernen</translation>
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
        <source>&lt;h3&gt;Lading %1&lt;/h3&gt;&lt;p&gt;A native desktop browser for container registries: browse repositories and tags and inspect manifests.&lt;/p&gt;&lt;p&gt;A bill of lading is a ship&apos;s cargo manifest.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lading %1&lt;/h3&gt;&lt;p&gt;Ein nativer Desktop-Browser für Container-Registries: Repositorys und Tags durchsuchen und Manifeste untersuchen.&lt;/p&gt;&lt;p&gt;Ein „Bill of Lading“ (Konnossement) ist das Frachtmanifest eines Schiffes.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManifestPanel</name>
    <message>
        <source>Copy the reference</source>
        <translation>Referenz kopieren</translation>
    </message>
    <message>
        <source>Copied the reference to the clipboard.</source>
        <translation>Referenz in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Copy the digest</source>
        <translation>Digest kopieren</translation>
    </message>
    <message>
        <source>Copied the digest to the clipboard.</source>
        <translation>Digest in die Zwischenablage kopiert.</translation>
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
        <source>Media type:</source>
        <translation>Medientyp:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Select a tag to see its manifest.</source>
        <translation>Wählen Sie ein Tag aus, um sein Manifest zu sehen.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>%1 cannot be loaded: its registry is gone.</source>
        <translation>%1 kann nicht geladen werden: Die Registry ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>Loading the manifest of %1…</source>
        <translation>Manifest von %1 wird geladen…</translation>
    </message>
    <message>
        <source>Showing the manifest of %1.</source>
        <translation>Manifest von %1 wird angezeigt.</translation>
    </message>
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
        <translation>Docker-Manifest-Liste</translation>
    </message>
    <message>
        <source>Not given by the registry</source>
        <translation>Von der Registry nicht angegeben</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
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
        <source>HTTPS without certificate verification.</source>
        <translation>HTTPS ohne Zertifikatsprüfung.</translation>
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
        <source>The screenshot was not taken: no manifest was shown within %1 s.</source>
        <translation>Das Bildschirmfoto wurde nicht aufgenommen: Innerhalb von %1 s wurde kein Manifest angezeigt.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Enter your user name and password for %1.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort für %1 ein.</translation>
    </message>
    <message>
        <source>Lading keeps the password in memory until it quits and never writes it to disk.</source>
        <translation>Lading behält das Passwort bis zum Beenden im Arbeitsspeicher und schreibt es nie auf die Festplatte.</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
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
</context>
</TS>
