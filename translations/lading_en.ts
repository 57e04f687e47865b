<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddTagsDialog</name>
    <message numerus="yes">
        <source>%n tag(s) will be taken from another image. Whoever pulls it afterwards gets this image; the other image stays in the repository under its digest and any other tags.</source>
        <translation>
            <numerusform>%n tag will be taken from another image. Whoever pulls it afterwards gets this image; the other image stays in the repository under its digest and any other tags.</numerusform>
            <numerusform>%n tags will be taken from another image. Whoever pulls it afterwards gets this image; the other image stays in the repository under its digest and any other tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n tag(s) now point at %1, the image of %2. The image itself did not change.</source>
        <translation>
            <numerusform>Done: %n tag now point at %1, the image of %2. The image itself did not change.</numerusform>
            <numerusform>Done: %n tags now point at %1, the image of %2. The image itself did not change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n Tag(s)</source>
        <translation>
            <numerusform>&amp;Add %n Tag</numerusform>
            <numerusform>&amp;Add %n Tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleanupDialog</name>
    <message numerus="yes">
        <source>%n tag(s) read at %1.</source>
        <translation>
            <numerusform>%n tag read at %1.</numerusform>
            <numerusform>%n tags read at %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) read. Set the rules to see what they would delete.</source>
        <translation>
            <numerusform>%n tag read. Set the rules to see what they would delete.</numerusform>
            <numerusform>%n tags read. Set the rules to see what they would delete.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tag(s) from %1 on %2?</source>
        <translation>
            <numerusform>Delete %n tag from %1 on %2?</numerusform>
            <numerusform>Delete %n tags from %1 on %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other tag(s) stay, as the preview shows.</source>
        <translation>
            <numerusform>%n other tag stay, as the preview shows.</numerusform>
            <numerusform>%n other tags stay, as the preview shows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Tag(s)</source>
        <translation>
            <numerusform>Delete %n Tag</numerusform>
            <numerusform>Delete %n Tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting what the preview showed: %n tag(s).</source>
        <translation>
            <numerusform>Deleting what the preview showed: %n tag.</numerusform>
            <numerusform>Deleting what the preview showed: %n tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tag(s) from %1</source>
        <translation>
            <numerusform>&amp;Delete %n Tag from %1</numerusform>
            <numerusform>&amp;Delete %n Tags from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleanupPreview</name>
    <message numerus="yes">
        <source>%n signature(s) or other referrer(s) without a tag will be left pointing at a deleted image.</source>
        <translation>
            <numerusform>%n signature or other referrer without a tag will be left pointing at a deleted image.</numerusform>
            <numerusform>%n signatures or other referrers without a tag will be left pointing at a deleted image.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) listed by a deleted multi-platform index stay, because tags that stay still use them.</source>
        <translation>
            <numerusform>%n image listed by a deleted multi-platform index stay, because tags that stay still use them.</numerusform>
            <numerusform>%n images listed by a deleted multi-platform index stay, because tags that stay still use them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing will be deleted: all %n tag(s) stay.</source>
        <translation>
            <numerusform>Nothing will be deleted: the only tag stays.</numerusform>
            <numerusform>Nothing will be deleted: all %n tags stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) will be deleted</source>
        <translation>
            <numerusform>%n tag will be deleted</numerusform>
            <numerusform>%n tags will be deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n kept.</source>
        <translation>
            <numerusform>%1, %n kept.</numerusform>
            <numerusform>%1, %n kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareConfigPage</name>
    <message numerus="yes">
        <source>%n config key(s) changed:</source>
        <translation>
            <numerusform>%n config key changed:</numerusform>
            <numerusform>%n config keys changed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History: %n step(s) differ.</source>
        <translation>
            <numerusform>History: %n step differs.</numerusform>
            <numerusform>History: %n steps differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareFilesPage</name>
    <message numerus="yes">
        <source>%n path(s) shown</source>
        <translation>
            <numerusform>%n path shown</numerusform>
            <numerusform>%n paths shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n mtime-only hidden</source>
        <translation>
            <numerusform>, %n mtime-only hidden</numerusform>
            <numerusform>, %n mtime-only hidden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message numerus="yes">
        <source>Copy %n Tag(s) of %1</source>
        <translation>
            <numerusform>Copy %n Tag of %1</numerusform>
            <numerusform>Copy %n Tags of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The index went with all its %n platform(s).</source>
        <translation>
            <numerusform>The index went with all its %n platform.</numerusform>
            <numerusform>The index went with all its %n platforms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n referrer(s) copied.</source>
        <translation>
            <numerusform>%n referrer copied.</numerusform>
            <numerusform>%n referrers copied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every tag of %1: %n tag(s).</source>
        <translation>
            <numerusform>Every tag of %1: %n tag.</numerusform>
            <numerusform>Every tag of %1: %n tags.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tag(s) from %1</source>
        <translation>
            <numerusform>&amp;Delete %n Tag from %1</numerusform>
            <numerusform>&amp;Delete %n Tags from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletePlanText</name>
    <message numerus="yes">
        <source>%n tag(s) will be deleted from %1.</source>
        <translation>
            <numerusform>%n tag will be deleted from %1.</numerusform>
            <numerusform>%n tags will be deleted from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n referrer(s) (signatures, SBOMs, attestations) will be left without their image: they stay in the registry and point at nothing.</source>
        <translation>
            <numerusform>%n referrer (signatures, SBOMs, attestations) will be left without their image: they stay in the registry and point at nothing.</numerusform>
            <numerusform>%n referrers (signatures, SBOMs, attestations) will be left without their image: they stay in the registry and point at nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n platform image(s) of a deleted index stay, because other tags still use them.</source>
        <translation>
            <numerusform>%n platform image of a deleted index stay, because other tags still use them.</numerusform>
            <numerusform>%n platform images of a deleted index stay, because other tags still use them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletePlanView</name>
    <message numerus="yes">
        <source>Delete the &amp;image (and its %n other tag(s))</source>
        <translation>
            <numerusform>Delete the &amp;image (and its %n other tag)</numerusform>
            <numerusform>Delete the &amp;image (and its %n other tags)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the &amp;images (and their %n other tag(s))</source>
        <translation>
            <numerusform>Delete the &amp;images (and their %n other tag)</numerusform>
            <numerusform>Delete the &amp;images (and their %n other tags)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteSummaryText</name>
    <message numerus="yes">
        <source>%n tag(s) deleted from %1.</source>
        <translation>
            <numerusform>%n tag deleted from %1.</numerusform>
            <numerusform>%n tags deleted from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n step done</numerusform>
            <numerusform>%n steps done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run</source>
        <translation>
            <numerusform>%n not run</numerusform>
            <numerusform>%n not run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffSummaryText</name>
    <message numerus="yes">
        <source>%n layer(s), all shared</source>
        <translation>
            <numerusform>%n layer, shared</numerusform>
            <numerusform>%n layers, all shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 layers differ</source>
        <translation>
            <numerusform>%n of %1 layers differs</numerusform>
            <numerusform>%n of %1 layers differ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added, %1 removed, %2 changed</source>
        <translation>
            <numerusform>%n file added, %1 removed, %2 changed</numerusform>
            <numerusform>%n files added, %1 removed, %2 changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n config key(s) changed</source>
        <translation>
            <numerusform>%n config key changed</numerusform>
            <numerusform>%n config keys changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Layers: %1, %n shared</source>
        <translation>
            <numerusform>Layers: %1, %n shared</numerusform>
            <numerusform>Layers: %1, %n shared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileDiffModel</name>
    <message numerus="yes">
        <source>%n path(s) inside, %1</source>
        <translation>
            <numerusform>%n path inside, %1</numerusform>
            <numerusform>%n paths inside, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileExportActions</name>
    <message numerus="yes">
        <source>%n unsafe or unreadable entries were left out.</source>
        <translation>
            <numerusform>%n unsafe or unreadable entry was left out.</numerusform>
            <numerusform>%n unsafe or unreadable entries were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message numerus="yes">
        <source>The filesystem after layer %1 needs the layers below it: %n layer(s) still to read.</source>
        <translation>
            <numerusform>The filesystem after layer %1 needs the layers below it: %n layer still to read.</numerusform>
            <numerusform>The filesystem after layer %1 needs the layers below it: %n layers still to read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDiffModel</name>
    <message numerus="yes">
        <source>%n unchanged step(s)</source>
        <translation>
            <numerusform>%n unchanged step</numerusform>
            <numerusform>%n unchanged steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the manifests it lists</source>
        <translation>
            <numerusform>%n of the manifests it lists</numerusform>
            <numerusform>%n of the manifests it lists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the journal folder could not be read and are not listed.</source>
        <translation>
            <numerusform>%n file in the journal folder could not be read and are not listed.</numerusform>
            <numerusform>%n files in the journal folder could not be read and are not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n step(s))</source>
        <translation>
            <numerusform>%1 (%n step)</numerusform>
            <numerusform>%1 (%n steps)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) selected.</source>
        <translation>
            <numerusform>%n deletion selected.</numerusform>
            <numerusform>%n deletions selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo %n Deletion(s)</source>
        <translation>
            <numerusform>&amp;Undo %n Deletion</numerusform>
            <numerusform>&amp;Undo %n Deletions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerAlignmentModel</name>
    <message numerus="yes">
        <source>%n shared layer(s), %1</source>
        <translation>
            <numerusform>%n shared layer, %1</numerusform>
            <numerusform>%n shared layers, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n recompressed)</source>
        <translation>
            <numerusform>%1 (%n recompressed)</numerusform>
            <numerusform>%1 (%n recompressed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message numerus="yes">
        <source>%n regular file(s), %1 entries in the tar</source>
        <translation>
            <numerusform>%n regular file, %1 entries in the tar</numerusform>
            <numerusform>%n regular files, %1 entries in the tar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalImagePage</name>
    <message numerus="yes">
        <source>%1 — index of %n image(s)</source>
        <translation>
            <numerusform>%1 — index of %n image</numerusform>
            <numerusform>%1 — index of %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Cancelled %n push(es): %1.</source>
        <translation>
            <numerusform>Cancelled %n push: %1.</numerusform>
            <numerusform>Cancelled %n pushes: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tags…</source>
        <translation>
            <numerusform>&amp;Delete %n Tag…</numerusform>
            <numerusform>&amp;Delete %n Tags…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop to copy %n tag(s) to %1.</source>
        <translation>
            <numerusform>Drop to copy %n tag to %1.</numerusform>
            <numerusform>Drop to copy %n tags to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message numerus="yes">
        <source>%1 — index of %n image(s)</source>
        <translation>
            <numerusform>%1 — index of %n image</numerusform>
            <numerusform>%1 — index of %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushPlanModel</name>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mounted</source>
        <translation>
            <numerusform>%n mounted</numerusform>
            <numerusform>%n mounted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to send (%1)</source>
        <translation>
            <numerusform>%n to send (%1)</numerusform>
            <numerusform>%n to send (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionRulesForm</name>
    <message numerus="yes">
        <source> image(s)</source>
        <translation>
            <numerusform> image</numerusform>
            <numerusform> images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest %n image(s)</source>
        <translation>
            <numerusform>the newest %n image</numerusform>
            <numerusform>the newest %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBySideDiffView</name>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBySidePane</name>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unchanged line</numerusform>
            <numerusform>⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagTableText</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
</TS>
