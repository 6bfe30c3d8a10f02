<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BeforeView</name>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryDescriber</name>
    <message numerus="yes">
        <source>%n pauses</source>
        <translation>
            <numerusform>%n pause</numerusform>
            <numerusform>%n pauses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message numerus="yes">
        <source>%n days in a row</source>
        <translation>
            <numerusform>%n day in a row</numerusform>
            <numerusform>%n days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practices in all.</source>
        <translation>
            <numerusform>%n practice in all.</numerusform>
            <numerusform>%n practices in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message numerus="yes">
        <source>%n entries found</source>
        <translation>
            <numerusform>%n entry found</numerusform>
            <numerusform>%n entries found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message numerus="yes">
        <source>%n practices</source>
        <translation>
            <numerusform>%n practice</numerusform>
            <numerusform>%n practices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be loaded</source>
        <translation>
            <numerusform>%n file could not be loaded</numerusform>
            <numerusform>%n files could not be loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes about your practice files</source>
        <translation>
            <numerusform>%n note about your practice files</numerusform>
            <numerusform>%n notes about your practice files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MakePackDialog</name>
    <message numerus="yes">
        <source>%n practices</source>
        <translation>
            <numerusform>%n practice</numerusform>
            <numerusform>%n practices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plans</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message numerus="yes">
        <source>At least %n characters; a few words you can remember are best</source>
        <translation>
            <numerusform>At least %n character; a few words you can remember are best</numerusform>
            <numerusform>At least %n characters; a few words you can remember are best</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>A passphrase needs at least %n character.</numerusform>
            <numerusform>A passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too short: %n more characters at least.</source>
        <translation>
            <numerusform>Too short: %n more character at least.</numerusform>
            <numerusform>Too short: %n more characters at least.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFormDialog</name>
    <message numerus="yes">
        <source>Ready to save: %n practices</source>
        <translation>
            <numerusform>Ready to save: %n practice</numerusform>
            <numerusform>Ready to save: %n practices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message numerus="yes">
        <source>%n files could not be loaded</source>
        <translation>
            <numerusform>%n file could not be loaded</numerusform>
            <numerusform>%n files could not be loaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsPane</name>
    <message numerus="yes">
        <source>%n things to fix before it can be played.</source>
        <translation>
            <numerusform>One thing to fix before it can be played.</numerusform>
            <numerusform>%n things to fix before it can be played.</numerusform>
        </translation>
    </message>
</context>
</TS>
