<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditModel</name>
    <message numerus="yes">
        <location filename="../app/auditmodel.cpp" line="77"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Last day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CvDialog</name>
    <message numerus="yes">
        <location filename="../qml/CvDialog.qml" line="68"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="19"/>
        <source>%n candidate(s) imported</source>
        <translation>
            <numerusform>%n candidate imported</numerusform>
            <numerusform>%n candidates imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="82"/>
        <source>%n line(s) need fixing in the file before anything is imported.</source>
        <translation>
            <numerusform>%n line needs fixing in the file before anything is imported.</numerusform>
            <numerusform>%n lines need fixing in the file before anything is imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="83"/>
        <source>%n candidate(s) ready to import.</source>
        <translation>
            <numerusform>%n candidate ready to import.</numerusform>
            <numerusform>%n candidates ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="146"/>
        <source>Import %n candidate(s)</source>
        <translation>
            <numerusform>Import %n candidate</numerusform>
            <numerusform>Import %n candidates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewDraft</name>
    <message numerus="yes">
        <location filename="../app/interviewdraft.cpp" line="69"/>
        <source>Shorten criterion %1 to %n characters or fewer.</source>
        <translation>
            <numerusform>Shorten criterion %1 to %n character or fewer.</numerusform>
            <numerusform>Shorten criterion %1 to %n characters or fewer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/interviewdraft.cpp" line="123"/>
        <source>Shorten the title to %n characters or fewer.</source>
        <translation>
            <numerusform>Shorten the title to %n characters or fewer.</numerusform>
            <numerusform>Shorten the title to %n characters or fewer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewsPage</name>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="75"/>
        <source>%1 of %n interview(s)</source>
        <translation>
            <numerusform>%1 of %n interview</numerusform>
            <numerusform>%1 of %n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="76"/>
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n interview</numerusform>
            <numerusform>%n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="111"/>
        <source>%1, %n question(s)</source>
        <translation>
            <numerusform>%1, %n question</numerusform>
            <numerusform>%1, %n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="132"/>
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionListModel</name>
    <message numerus="yes">
        <location filename="../app/questionlistmodel.cpp" line="116"/>
        <source>Shorten the question to %n characters or fewer.</source>
        <translation>
            <numerusform>Shorten the question to %n characters or fewer.</numerusform>
            <numerusform>Shorten the question to %n characters or fewer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message numerus="yes">
        <location filename="../qml/RetentionDialog.qml" line="125"/>
        <source>Due now: the recordings of %n interview(s)</source>
        <translation>
            <numerusform>Due now: the recordings of %n interview</numerusform>
            <numerusform>Due now: the recordings of %n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/RetentionDialog.qml" line="126"/>
        <source>%n candidate(s) to erase</source>
        <translation>
            <numerusform>%n candidate to erase</numerusform>
            <numerusform>%n candidates to erase</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionSettings</name>
    <message numerus="yes">
        <location filename="../app/retentionsettings.cpp" line="105"/>
        <source>Deleted the recordings of %n interview(s)</source>
        <translation>
            <numerusform>Deleted the recordings of %n interview</numerusform>
            <numerusform>Deleted the recordings of %n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/retentionsettings.cpp" line="106"/>
        <source>erased %n candidate(s)</source>
        <translation>
            <numerusform>erased %n candidate</numerusform>
            <numerusform>erased %n candidates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../qml/ReviewPage.qml" line="475"/>
        <source>avg %1 · %n rating(s)</source>
        <translation>
            <numerusform>avg %1 · %n rating</numerusform>
            <numerusform>avg %1 · %n ratings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message numerus="yes">
        <location filename="../qml/TeamPage.qml" line="166"/>
        <source>%n interview(s) assigned</source>
        <translation>
            <numerusform>%n interview assigned</numerusform>
            <numerusform>%n interviews assigned</numerusform>
        </translation>
    </message>
</context>
</TS>
