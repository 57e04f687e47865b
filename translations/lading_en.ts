<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
