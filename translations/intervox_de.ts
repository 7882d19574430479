<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddServerDialog</name>
    <message>
        <location filename="../qml/AddServerDialog.qml" line="10"/>
        <source>Add a server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/AddServerDialog.qml" line="34"/>
        <source>The address of your organization&apos;s Intervox server, as your administrator gave it to you.</source>
        <translation>Die Adresse des Intervox-Servers Ihrer Organisation, wie Ihre Administration sie Ihnen gegeben hat.</translation>
    </message>
    <message>
        <location filename="../qml/AddServerDialog.qml" line="40"/>
        <source>interviews.example.com</source>
        <translation>interviews.example.com</translation>
    </message>
    <message>
        <location filename="../qml/AddServerDialog.qml" line="41"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../qml/AddServerDialog.qml" line="59"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/AddServerDialog.qml" line="64"/>
        <source>Add and sign in</source>
        <translation>Hinzufügen und anmelden</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../app/apiclient.cpp" line="102"/>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <location filename="../app/apiclient.cpp" line="135"/>
        <source>a list without items or next</source>
        <translation>eine Liste ohne items oder next</translation>
    </message>
    <message>
        <location filename="../app/apiclient.cpp" line="141"/>
        <source>more than %1 items</source>
        <translation>mehr als %1 Einträge</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../app/apierror.cpp" line="36"/>
        <source>no HTTP status</source>
        <translation>kein HTTP-Status</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="106"/>
        <source>The server cannot be reached. Check the network connection and the server address.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und die Serveradresse.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="107"/>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="108"/>
        <source>You have been signed out. Sign in again to continue.</source>
        <translation>Sie wurden abgemeldet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="109"/>
        <source>Your role does not allow this. Ask an administrator of your organization.</source>
        <translation>Ihre Rolle erlaubt das nicht. Wenden Sie sich an eine Administratorin oder einen Administrator Ihrer Organisation.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="110"/>
        <source>This no longer exists. It may have been deleted by someone else.</source>
        <translation>Das gibt es nicht mehr. Vielleicht hat es jemand anderes gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="111"/>
        <source>This cannot be changed any more.</source>
        <translation>Das kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="111"/>
        <source>This cannot be done: %1.</source>
        <translation>Das geht nicht: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="112"/>
        <source>Someone else changed this in the meantime. Reload it and make your change again.</source>
        <translation>Jemand anderes hat das inzwischen geändert. Laden Sie es neu und nehmen Sie Ihre Änderung noch einmal vor.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="113"/>
        <source>Some of the values are not valid.</source>
        <translation>Einige Angaben sind ungültig.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="113"/>
        <source>Please check: %1.</source>
        <translation>Bitte prüfen: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="114"/>
        <source>The file is too large for the server.</source>
        <translation>Die Datei ist zu groß für den Server.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="115"/>
        <source>The server does not accept this kind of file.</source>
        <translation>Der Server nimmt diese Art von Datei nicht an.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="116"/>
        <source>Too many attempts. Wait a little and try again.</source>
        <translation>Zu viele Versuche. Warten Sie kurz und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="116"/>
        <source>Too many attempts: %1.</source>
        <translation>Zu viele Versuche: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="117"/>
        <source>The server is busy or starting. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet oder startet gerade. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="118"/>
        <source>The server ran into a problem. Try again; if it persists, tell the server&apos;s administrator.</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten. Versuchen Sie es erneut; wenn es so bleibt, informieren Sie die Administration des Servers.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="119"/>
        <source>The server answered with something this app does not understand. Is the address an Intervox server?</source>
        <translation>Der Server hat etwas geantwortet, das diese App nicht versteht. Ist die Adresse ein Intervox-Server?</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="120"/>
        <source>This computer could not keep the file (%1). Check the free space of its temporary folder.</source>
        <translation>Dieser Computer konnte die Datei nicht ablegen (%1). Prüfen Sie den freien Platz im temporären Ordner.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="121"/>
        <source>Signing in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="122"/>
        <source>The server did not complete the sign-in: %1.</source>
        <translation>Der Server hat die Anmeldung nicht abgeschlossen: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="123"/>
        <source>This computer has no keychain to keep your sign-in safely, so you will be asked to sign in again next time.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, um Ihre Anmeldung sicher aufzubewahren; beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <location filename="../app/appsession.cpp" line="360"/>
        <source>The list of servers is full: remove one first.</source>
        <translation>Die Serverliste ist voll: Entfernen Sie zuerst einen Server.</translation>
    </message>
    <message>
        <location filename="../app/appsession.cpp" line="395"/>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <location filename="../app/appsession.cpp" line="397"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../app/appsession.cpp" line="406"/>
        <source>no access token</source>
        <translation>kein Zugriffstoken</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../app/auditmodel.cpp" line="64"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="65"/>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="66"/>
        <source>Recordings and CVs opened</source>
        <translation>Geöffnete Aufnahmen und Lebensläufe</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="67"/>
        <source>Changes and decisions</source>
        <translation>Änderungen und Entscheidungen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="68"/>
        <source>Team and roles</source>
        <translation>Team und Rollen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="69"/>
        <source>Exports of this log</source>
        <translation>Exporte dieses Protokolls</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="77"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/auditmodel.cpp" line="77"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Letzter Tag</numerusform>
            <numerusform>Letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="84"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="85"/>
        <source>Failed sign-in</source>
        <translation>Fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="86"/>
        <source>Created an interview</source>
        <translation>Interview erstellt</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="87"/>
        <source>Changed an interview</source>
        <translation>Interview geändert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="88"/>
        <source>Deleted an interview</source>
        <translation>Interview gelöscht</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="89"/>
        <source>Changed rating criteria</source>
        <translation>Bewertungskriterien geändert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="90"/>
        <source>Assigned reviewers</source>
        <translation>Bewertende zugewiesen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="91"/>
        <source>Previewed an interview</source>
        <translation>Interview in der Vorschau geöffnet</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="92"/>
        <source>Added a candidate</source>
        <translation>Kandidat hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="93"/>
        <source>Attached a CV</source>
        <translation>Lebenslauf angehängt</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="94"/>
        <source>Opened a CV</source>
        <translation>Lebenslauf geöffnet</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="95"/>
        <source>Listened to a recording</source>
        <translation>Aufnahme angehört</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="96"/>
        <source>Made an invite link</source>
        <translation>Einladungslink erstellt</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="97"/>
        <source>Imported candidates</source>
        <translation>Kandidaten importiert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="98"/>
        <source>Changed a deadline or extra time</source>
        <translation>Frist oder Zusatzzeit geändert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="99"/>
        <source>Revoked an invite link</source>
        <translation>Einladungslink widerrufen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="100"/>
        <source>Rated answers</source>
        <translation>Antworten bewertet</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="101"/>
        <source>Decided: advance</source>
        <translation>Entschieden: weiter</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="102"/>
        <source>Decided: hold</source>
        <translation>Entschieden: zurückstellen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="103"/>
        <source>Decided: reject</source>
        <translation>Entschieden: absagen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="104"/>
        <source>Invited a team member</source>
        <translation>Teammitglied eingeladen</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="105"/>
        <source>Changed a role</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="106"/>
        <source>Disabled a team member</source>
        <translation>Teammitglied deaktiviert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="107"/>
        <source>Made a new setup link</source>
        <translation>Neuen Einrichtungslink erstellt</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="108"/>
        <source>Set a password</source>
        <translation>Passwort festgelegt</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="109"/>
        <source>Exported this log</source>
        <translation>Dieses Protokoll exportiert</translation>
    </message>
    <message>
        <location filename="../app/auditmodel.cpp" line="151"/>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../qml/AuditPage.qml" line="13"/>
        <location filename="../qml/AuditPage.qml" line="47"/>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="20"/>
        <source>Saved to %1 (only you can open it).</source>
        <translation>Gespeichert unter %1 (nur Sie können die Datei öffnen).</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="27"/>
        <source>Export the activity log</source>
        <translation>Aktivitätsprotokoll exportieren</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="30"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="56"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="56"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="58"/>
        <source>Export what is shown as a CSV file</source>
        <translation>Das Angezeigte als CSV-Datei exportieren</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="60"/>
        <source>Ctrl+Shift+E</source>
        <translation>Strg+Umschalt+E</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="69"/>
        <source>Everything that touches candidates&apos; data is recorded here, with who did it and from which address: sign-ins, opened recordings and CVs, changes and decisions. Entries cannot be changed or deleted.</source>
        <translation>Alles, was Daten von Kandidaten berührt, wird hier festgehalten, mit Person und Adresse: Anmeldungen, geöffnete Aufnahmen und Lebensläufe, Änderungen und Entscheidungen. Einträge lassen sich weder ändern noch löschen.</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="82"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="93"/>
        <source>Kind of activity</source>
        <translation>Art der Aktivität</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="101"/>
        <source>Search by person, action or address (Ctrl+F)</source>
        <translation>Nach Person, Aktion oder Adresse suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="102"/>
        <source>Search the activity log</source>
        <translation>Das Aktivitätsprotokoll durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="111"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="119"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="149"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="158"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="158"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="158"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="159"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="159"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="186"/>
        <source>%1: %2, %3, %4 from %5</source>
        <translation>%1: %2, %3, %4 von %5</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="214"/>
        <source>Nothing matches “%1”</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="215"/>
        <source>Search looks at names, actions, objects and addresses.</source>
        <translation>Die Suche berücksichtigt Namen, Aktionen, Objekte und Adressen.</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="216"/>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="224"/>
        <source>Nothing recorded in this period</source>
        <translation>In diesem Zeitraum nichts festgehalten</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="225"/>
        <source>Choose a longer period or another kind of activity.</source>
        <translation>Wählen Sie einen längeren Zeitraum oder eine andere Art der Aktivität.</translation>
    </message>
</context>
<context>
    <name>CandidateCv</name>
    <message>
        <location filename="../app/candidatecv.cpp" line="106"/>
        <source>%1 MiB; the file must be smaller</source>
        <translation>%1 MiB; die Datei muss kleiner sein</translation>
    </message>
    <message>
        <location filename="../app/candidatecv.cpp" line="113"/>
        <source>%1 is not a PDF file</source>
        <translation>%1 ist keine PDF-Datei</translation>
    </message>
</context>
<context>
    <name>CandidateExport</name>
    <message>
        <location filename="../app/candidateexport.cpp" line="54"/>
        <source>the archive took too long; try again later</source>
        <translation>das Archiv hat zu lange gedauert; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <location filename="../app/candidateexport.cpp" line="56"/>
        <source>the server could not make the archive: %1</source>
        <translation>der Server konnte das Archiv nicht erstellen: %1</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="18"/>
        <source>Comparison of the candidates of %1</source>
        <translation>Vergleich der Kandidaten von %1</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="49"/>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="49"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="50"/>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="53"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="53"/>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="54"/>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="67"/>
        <source>‹ Candidates</source>
        <translation>‹ Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="68"/>
        <source>Back to the candidates</source>
        <translation>Zurück zu den Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="74"/>
        <source>Compare · %1</source>
        <translation>Vergleich · %1</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="83"/>
        <source>Search candidates (Ctrl+F)</source>
        <translation>Kandidaten suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="84"/>
        <source>Search candidates</source>
        <translation>Kandidaten suchen</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="99"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="105"/>
        <source>%1 of %2 candidates · sorted by %3</source>
        <translation>%1 von %2 Kandidaten · sortiert nach %3</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="107"/>
        <source>%1 of %2 candidates · newest first</source>
        <translation>%1 von %2 Kandidaten · neueste zuerst</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="152"/>
        <location filename="../qml/ComparisonPage.qml" line="153"/>
        <source>Sort by %1</source>
        <translation>Nach %1 sortieren</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="170"/>
        <source>Candidates compared</source>
        <translation>Verglichene Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="189"/>
        <source>%1, %2, overall %3</source>
        <translation>%1, %2, gesamt %3</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="232"/>
        <source>No candidates to compare</source>
        <translation>Keine Kandidaten zum Vergleichen</translation>
    </message>
    <message>
        <location filename="../qml/ComparisonPage.qml" line="233"/>
        <source>Add candidates to this interview; once they answer, their ratings line up here.</source>
        <translation>Fügen Sie diesem Interview Kandidaten hinzu; sobald sie antworten, stehen ihre Bewertungen hier nebeneinander.</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <location filename="../app/csvimport.cpp" line="137"/>
        <source>The name is missing.</source>
        <translation>Der Name fehlt.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="139"/>
        <source>The name is longer than 200 characters.</source>
        <translation>Der Name ist länger als 200 Zeichen.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="141"/>
        <source>The email address is missing.</source>
        <translation>Die E-Mail-Adresse fehlt.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="143"/>
        <source>“%1” is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="154"/>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="158"/>
        <source>The file is larger than %1 MiB; split it into smaller files.</source>
        <translation>Die Datei ist größer als %1 MiB; teilen Sie sie in kleinere Dateien auf.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="169"/>
        <source>The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”.</source>
        <translation>Die Datei ist kein UTF-8-Text. Speichern Sie sie in der Tabellenkalkulation als „CSV UTF-8“.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="180"/>
        <source>This is not a CSV file: %1.</source>
        <translation>Das ist keine CSV-Datei: %1.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="184"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="202"/>
        <source>The first line names the columns but not both “name” and “email”.</source>
        <translation>Die erste Zeile benennt die Spalten, aber nicht sowohl „name“ als auch „email“.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="210"/>
        <source>The file has %1 candidates; at most %2 can be imported at once.</source>
        <translation>Die Datei enthält %1 Kandidaten; höchstens %2 können auf einmal importiert werden.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="214"/>
        <source>The file names its columns but has no candidates.</source>
        <translation>Die Datei benennt ihre Spalten, enthält aber keine Kandidaten.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="227"/>
        <source>The same address as line %1.</source>
        <translation>Dieselbe Adresse wie in Zeile %1.</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="260"/>
        <source>%1 links for %2 candidates</source>
        <translation>%1 Links für %2 Kandidaten</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="281"/>
        <location filename="../app/csvimport.cpp" line="295"/>
        <source>The links cannot be saved there: %1</source>
        <translation>Die Links können dort nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>CvDialog</name>
    <message>
        <location filename="../qml/CvDialog.qml" line="18"/>
        <source>CV of %1</source>
        <translation>Lebenslauf von %1</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="32"/>
        <source>Choose the CV (PDF)</source>
        <translation>Lebenslauf wählen (PDF)</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="33"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="52"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="61"/>
        <source>This PDF cannot be shown here. It is stored on the server as it was sent.</source>
        <translation>Dieses PDF kann hier nicht angezeigt werden. Es ist auf dem Server so gespeichert, wie es gesendet wurde.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CvDialog.qml" line="68"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="68"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="69"/>
        <source>Ctrl++ / Ctrl+- to zoom</source>
        <translation>Strg++ / Strg+- zum Zoomen</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="96"/>
        <source>No CV yet</source>
        <translation>Noch kein Lebenslauf</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="97"/>
        <source>Attach the candidate&apos;s CV as a PDF. Everyone reviewing this candidate can read it here.</source>
        <translation>Hängen Sie den Lebenslauf als PDF an. Alle, die diese Person bewerten, können ihn hier lesen.</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="98"/>
        <source>Attach a PDF…</source>
        <translation>PDF anhängen …</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="109"/>
        <source>Replace…</source>
        <translation>Ersetzen …</translation>
    </message>
    <message>
        <location filename="../qml/CvDialog.qml" line="114"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <location filename="../app/embeddedserver.cpp" line="31"/>
        <source>libsodium could not be initialised</source>
        <translation>libsodium konnte nicht initialisiert werden</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../qml/ErrorBanner.qml" line="43"/>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../qml/ExportDialog.qml" line="18"/>
        <source>Export everything about %1</source>
        <translation>Alles über %1 exportieren</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="26"/>
        <source>Save the archive</source>
        <translation>Archiv speichern</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="29"/>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="40"/>
        <source>One ZIP file with everything held about %1: their details, CV, every recorded answer, the ratings, reviewers&apos; notes and decisions (without who wrote them), and a short explanation. Give it to them when they ask for their data.</source>
        <translation>Eine ZIP-Datei mit allem, was über %1 gespeichert ist: Angaben, Lebenslauf, jede aufgenommene Antwort, die Bewertungen, Notizen und Entscheidungen (ohne die Namen derer, die sie verfasst haben) und eine kurze Erklärung. Geben Sie sie der Person, wenn sie nach ihren Daten fragt.</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="52"/>
        <source>The server is putting the archive together…</source>
        <translation>Der Server stellt das Archiv zusammen …</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="61"/>
        <source>Saved to %1. Only you can open it; send it to %2 in a way only they can open, and delete your copy afterwards.</source>
        <translation>Gespeichert unter %1. Nur Sie können es öffnen; schicken Sie es %2 auf einem Weg, den nur diese Person öffnen kann, und löschen Sie danach Ihre Kopie.</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="66"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/ExportDialog.qml" line="70"/>
        <source>Save archive…</source>
        <translation>Archiv speichern …</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="19"/>
        <source>%n candidate(s) imported</source>
        <translation>
            <numerusform>%n Kandidat importiert</numerusform>
            <numerusform>%n Kandidaten importiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="19"/>
        <source>Import candidates from a CSV file</source>
        <translation>Kandidaten aus einer CSV-Datei importieren</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="28"/>
        <source>Choose a CSV file</source>
        <translation>CSV-Datei wählen</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="29"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="29"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="34"/>
        <source>Save the invite links</source>
        <translation>Einladungslinks speichern</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="37"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="51"/>
        <source>One candidate per line, with a name and an email address: a first line naming the columns (“name”, “email”) is recognised, otherwise the name comes first. Comma or semicolon, UTF-8.</source>
        <translation>Ein Kandidat pro Zeile, mit Name und E-Mail-Adresse: Eine erste Zeile mit Spaltennamen („name“, „email“) wird erkannt, sonst steht der Name vorn. Komma oder Semikolon, UTF-8.</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="58"/>
        <source>Choose another file…</source>
        <translation>Andere Datei wählen …</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="58"/>
        <source>Choose a file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="81"/>
        <source>Each candidate has an invite link. Save them now: they are shown only once.</source>
        <translation>Jeder Kandidat hat einen Einladungslink. Speichern Sie die Links jetzt: Sie werden nur einmal angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="82"/>
        <source>%n line(s) need fixing in the file before anything is imported.</source>
        <translation>
            <numerusform>%n Zeile muss in der Datei korrigiert werden, bevor etwas importiert wird.</numerusform>
            <numerusform>%n Zeilen müssen in der Datei korrigiert werden, bevor etwas importiert wird.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="83"/>
        <source>%n candidate(s) ready to import.</source>
        <translation>
            <numerusform>%n Kandidat bereit zum Import.</numerusform>
            <numerusform>%n Kandidaten bereit zum Import.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="111"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="111"/>
        <source>Line %1: %2, %3</source>
        <translation>Zeile %1: %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="134"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="134"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="140"/>
        <source>Copy all links</source>
        <translation>Alle Links kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ImportDialog.qml" line="146"/>
        <source>Save links…</source>
        <translation>Links speichern …</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ImportDialog.qml" line="146"/>
        <source>Import %n candidate(s)</source>
        <translation>
            <numerusform>%n Kandidaten importieren</numerusform>
            <numerusform>%n Kandidaten importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewDraft</name>
    <message>
        <location filename="../app/interviewdraft.cpp" line="67"/>
        <source>Criterion %1 has no name.</source>
        <translation>Kriterium %1 hat keinen Namen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/interviewdraft.cpp" line="69"/>
        <source>Shorten criterion %1 to %n characters or fewer.</source>
        <translation>
            <numerusform>Kürzen Sie Kriterium %1 auf höchstens %n Zeichen.</numerusform>
            <numerusform>Kürzen Sie Kriterium %1 auf höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="71"/>
        <source>Two criteria are called “%1”.</source>
        <translation>Zwei Kriterien heißen „%1“.</translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="121"/>
        <source>Give the interview a title.</source>
        <translation>Geben Sie dem Interview einen Titel.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/interviewdraft.cpp" line="123"/>
        <source>Shorten the title to %n characters or fewer.</source>
        <translation>
            <numerusform>Kürzen Sie den Titel auf höchstens %n Zeichen.</numerusform>
            <numerusform>Kürzen Sie den Titel auf höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="130"/>
        <source>The deadline must be in the future.</source>
        <translation>Die Frist muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="173"/>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="174"/>
        <source>Relevant experience</source>
        <translation>Einschlägige Erfahrung</translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="175"/>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="209"/>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="19"/>
        <location filename="../qml/InterviewEditor.qml" line="75"/>
        <source>New interview</source>
        <translation>Neues Interview</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="19"/>
        <source>Edit interview</source>
        <translation>Interview bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="66"/>
        <source>‹ Interviews</source>
        <translation>‹ Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="67"/>
        <source>Back to the interviews</source>
        <translation>Zurück zu den Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="69"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="83"/>
        <source>Preview opened in your browser</source>
        <translation>Vorschau im Browser geöffnet</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="91"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="98"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="100"/>
        <source>Preview the candidate page in your browser</source>
        <translation>Die Kandidatenseite im Browser als Vorschau öffnen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="102"/>
        <source>Saves, then opens the candidate page in your browser as candidates will see it (Ctrl+Shift+P)</source>
        <translation>Speichert und öffnet dann die Kandidatenseite im Browser so, wie Kandidaten sie sehen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="103"/>
        <source>Opens the candidate page in your browser as candidates will see it (Ctrl+Shift+P)</source>
        <translation>Öffnet die Kandidatenseite im Browser so, wie Kandidaten sie sehen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="108"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="115"/>
        <source>Create interview</source>
        <translation>Interview anlegen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="115"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="118"/>
        <source>Ctrl+S</source>
        <translation>Strg+S</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="129"/>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="134"/>
        <source>The interview, its questions and its unused invite links are deleted. An interview that candidates have started cannot be deleted.</source>
        <translation>Das Interview, seine Fragen und seine unbenutzten Einladungslinks werden gelöscht. Ein Interview, das Kandidatinnen oder Kandidaten begonnen haben, kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="154"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="164"/>
        <location filename="../qml/InterviewEditor.qml" line="172"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="170"/>
        <source>e.g. Customer support engineer, first round</source>
        <translation>z. B. Kundensupport, erste Runde</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="186"/>
        <location filename="../qml/InterviewEditor.qml" line="194"/>
        <source>Language of the candidate page</source>
        <translation>Sprache der Kandidatenseite</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="192"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="192"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="199"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="203"/>
        <source>Answers accepted until</source>
        <translation>Antworten möglich bis</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="220"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="223"/>
        <source>Deadline date, year-month-day</source>
        <translation>Fristdatum, Jahr-Monat-Tag</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="242"/>
        <location filename="../qml/InterviewEditor.qml" line="256"/>
        <source>Introduction</source>
        <translation>Einleitung</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="246"/>
        <source>Shown to candidates before the first question: who you are and what to expect.</source>
        <translation>Wird vor der ersten Frage gezeigt: wer Sie sind und was die Kandidatinnen und Kandidaten erwartet.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="255"/>
        <source>Welcome! This interview has a few short questions…</source>
        <translation>Willkommen! Dieses Interview hat ein paar kurze Fragen …</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="265"/>
        <source>Questions (%1)</source>
        <translation>Fragen (%1)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="272"/>
        <source>Alt+↑/↓ moves the selected question · Ctrl+Enter adds one</source>
        <translation>Alt+↑/↓ verschiebt die gewählte Frage · Strg+Eingabe fügt eine hinzu</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="286"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="298"/>
        <source>+ Add a question</source>
        <translation>+ Frage hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="310"/>
        <source>Rating criteria (%1)</source>
        <translation>Bewertungskriterien (%1)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="319"/>
        <source>Reviewers rate every candidate from 1 to 5 on each criterion. You can change them at any time, also after candidates have answered; ratings stay with the criteria you keep.</source>
        <translation>Wer bewertet, gibt jeder Person pro Kriterium 1 bis 5 Punkte. Sie können die Kriterien jederzeit ändern, auch nachdem Kandidaten geantwortet haben; Bewertungen bleiben bei den Kriterien, die Sie behalten.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="336"/>
        <source>e.g. Problem solving</source>
        <translation>z. B. Problemlösung</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="337"/>
        <source>Criterion %1</source>
        <translation>Kriterium %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="341"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="343"/>
        <source>Remove criterion %1</source>
        <translation>Kriterium %1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="357"/>
        <source>+ Add a criterion</source>
        <translation>+ Kriterium hinzufügen</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../qml/InterviewPage.qml" line="25"/>
        <source>Candidates of %1</source>
        <translation>Kandidaten von %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="60"/>
        <source>‹ Interviews</source>
        <translation>‹ Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="61"/>
        <source>Back to the interviews</source>
        <translation>Zurück zu den Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="74"/>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="74"/>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="78"/>
        <source>Updates arrive live</source>
        <translation>Aktualisierungen kommen live</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="78"/>
        <source>Live updates are reconnecting</source>
        <translation>Live-Aktualisierungen verbinden sich neu</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="80"/>
        <source>Candidates&apos; progress shows here as it happens.</source>
        <translation>Der Fortschritt der Kandidaten erscheint hier, sobald er geschieht.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="81"/>
        <source>The connection for live updates was lost; Intervox reconnects by itself.</source>
        <translation>Die Verbindung für Live-Aktualisierungen ist unterbrochen; Intervox verbindet sich selbst neu.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="85"/>
        <source>Edit interview</source>
        <translation>Interview bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="93"/>
        <source>Reviewers (%1)</source>
        <translation>Bewertende (%1)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="93"/>
        <source>Reviewers</source>
        <translation>Bewertende</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="94"/>
        <source>Reviewers: %1</source>
        <translation>Bewertende: %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="95"/>
        <source>Assign reviewers</source>
        <translation>Bewertende zuweisen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="97"/>
        <source>Choose who from the team reviews this interview</source>
        <translation>Wählen Sie, wer aus dem Team dieses Interview bewertet</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="103"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="104"/>
        <source>Compare the candidates side by side</source>
        <translation>Die Kandidaten nebeneinander vergleichen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="109"/>
        <source>Import CSV…</source>
        <translation>CSV importieren …</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="115"/>
        <source>Add candidate</source>
        <translation>Kandidat hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="117"/>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="145"/>
        <source>Invite link for %1</source>
        <translation>Einladungslink für %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="157"/>
        <source>Invite link</source>
        <translation>Einladungslink</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="163"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="163"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="169"/>
        <source>Hide the link</source>
        <translation>Link ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="176"/>
        <source>Send it to the candidate now: it is shown only once. If it gets lost, make a new link.</source>
        <translation>Schicken Sie ihn jetzt an die Person: Er wird nur einmal angezeigt. Geht er verloren, erstellen Sie einen neuen Link.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="187"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="195"/>
        <location filename="../qml/InterviewPage.qml" line="228"/>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="205"/>
        <source>Search candidates (Ctrl+F)</source>
        <translation>Kandidaten suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="206"/>
        <source>Search candidates</source>
        <translation>Kandidaten suchen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="253"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="310"/>
        <source>CV</source>
        <translation>Lebenslauf</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="310"/>
        <source>Add CV</source>
        <translation>Lebenslauf anhängen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="313"/>
        <source>Read the CV of %1</source>
        <translation>Lebenslauf von %1 lesen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="313"/>
        <source>Attach a CV for %1</source>
        <translation>Lebenslauf für %1 anhängen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="317"/>
        <source>Review</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="320"/>
        <source>Review the answers of %1</source>
        <translation>Antworten von %1 bewerten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="324"/>
        <source>New link</source>
        <translation>Neuer Link</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="327"/>
        <source>New invite link for %1</source>
        <translation>Neuer Einladungslink für %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="332"/>
        <source>Time…</source>
        <translation>Zeit …</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="336"/>
        <source>Deadline and extra time for %1</source>
        <translation>Frist und zusätzliche Zeit für %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="346"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="350"/>
        <source>Revoke the link of %1</source>
        <translation>Link von %1 widerrufen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="359"/>
        <source>More for %1</source>
        <translation>Mehr für %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="361"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="368"/>
        <source>Export everything about %1…</source>
        <translation>Alles über %1 exportieren …</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="373"/>
        <source>Erase everything about %1…</source>
        <translation>Alles über %1 löschen…</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="393"/>
        <source>No candidates yet</source>
        <translation>Noch keine Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="394"/>
        <source>Add a candidate to get an invite link. They open it in a browser, check their microphone and answer when it suits them.</source>
        <translation>Fügen Sie einen Kandidaten hinzu, um einen Einladungslink zu erhalten. Er wird im Browser geöffnet; dort wird das Mikrofon geprüft und geantwortet, wann es passt.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="395"/>
        <source>Add the first candidate</source>
        <translation>Ersten Kandidaten hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="402"/>
        <source>No candidate matches “%1”</source>
        <translation>Kein Kandidat passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="403"/>
        <source>Search looks at names, email addresses and statuses.</source>
        <translation>Die Suche durchsucht Namen, E-Mail-Adressen und Status.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="404"/>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="417"/>
        <source>Add a candidate</source>
        <translation>Kandidat hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="424"/>
        <location filename="../qml/InterviewPage.qml" line="430"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="433"/>
        <location filename="../qml/InterviewPage.qml" line="440"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="446"/>
        <source>Intervox makes an invite link for this interview. Nothing is sent yet: you send the link yourself.</source>
        <translation>Intervox erstellt einen Einladungslink für dieses Interview. Es wird noch nichts verschickt: Den Link senden Sie selbst.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="457"/>
        <location filename="../qml/InterviewPage.qml" line="513"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="463"/>
        <source>Add and make link</source>
        <translation>Hinzufügen und Link erstellen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="484"/>
        <source>Revoke the link of %1?</source>
        <translation>Link von %1 widerrufen?</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="489"/>
        <source>The link stops working at once; an interview in progress on it is ended. What was recorded stays.</source>
        <translation>Der Link funktioniert sofort nicht mehr; ein laufendes Interview darüber wird beendet. Bereits Aufgezeichnetes bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="504"/>
        <source>Erase everything about %1?</source>
        <translation>Alles über %1 löschen?</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="509"/>
        <source>Their answers and recordings in every interview, their CV, ratings, notes and decisions are deleted for good, and their links stop working. Do this when %1 asks you to. The activity log keeps only that it was done.</source>
        <translation>Antworten und Aufnahmen aus allen Interviews, Lebenslauf, Bewertungen, Notizen und Entscheidungen werden endgültig gelöscht, und die Links funktionieren nicht mehr. Tun Sie das, wenn %1 Sie darum bittet. Das Aktivitätsprotokoll hält nur fest, dass es geschehen ist.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="519"/>
        <source>Erase for good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="535"/>
        <source>Reviewers of %1</source>
        <translation>Bewertende von %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="544"/>
        <source>Reviewers see only the interviews assigned to them: their candidates and answers, to rate them and keep notes. Administrators and recruiters see every interview.</source>
        <translation>Bewertende sehen nur die ihnen zugewiesenen Interviews: deren Kandidaten und Antworten, um sie zu bewerten und Notizen zu führen. Administratoren und Recruiter sehen alle Interviews.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="560"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="563"/>
        <source>%1 reviews this interview</source>
        <translation>%1 bewertet dieses Interview</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="573"/>
        <source>The team has no reviewers yet. Invite colleagues as reviewers on the Team page.</source>
        <translation>Das Team hat noch keine Bewertenden. Laden Sie Kolleginnen und Kollegen auf der Team-Seite als Bewertende ein.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="574"/>
        <source>The team has no reviewers yet. An administrator can invite them.</source>
        <translation>Das Team hat noch keine Bewertenden. Eine Administratorin oder ein Administrator kann sie einladen.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewPage.qml" line="583"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>InterviewsPage</name>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="15"/>
        <location filename="../qml/InterviewsPage.qml" line="36"/>
        <source>Interviews</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="47"/>
        <source>Search interviews (Ctrl+F)</source>
        <translation>Interviews suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="48"/>
        <source>Search interviews</source>
        <translation>Interviews suchen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="55"/>
        <location filename="../qml/InterviewsPage.qml" line="56"/>
        <source>New interview</source>
        <translation>Neues Interview</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="58"/>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="66"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="75"/>
        <source>%1 of %n interview(s)</source>
        <translation>
            <numerusform>%1 von %n Interview</numerusform>
            <numerusform>%1 von %n Interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="76"/>
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n Interview</numerusform>
            <numerusform>%n Interviews</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="95"/>
        <source>Interview list</source>
        <translation>Liste der Interviews</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="111"/>
        <source>%1, %n question(s)</source>
        <translation>
            <numerusform>%1, %n Frage</numerusform>
            <numerusform>%1, %n Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/InterviewsPage.qml" line="132"/>
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="133"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="133"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="135"/>
        <source>deadline %1</source>
        <translation>Frist %1</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="136"/>
        <source>no deadline</source>
        <translation>keine Frist</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="140"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="142"/>
        <source>Duplicate %1</source>
        <translation>%1 duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="160"/>
        <source>No interviews yet</source>
        <translation>Noch keine Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="161"/>
        <source>An interview is a list of questions that candidates answer by voice, in their browser, when it suits them.</source>
        <translation>Ein Interview ist eine Liste von Fragen, die Kandidatinnen und Kandidaten im Browser mündlich beantworten, wann es ihnen passt.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="162"/>
        <source>Create the first interview</source>
        <translation>Erstes Interview anlegen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="170"/>
        <source>No interview matches “%1”</source>
        <translation>Kein Interview passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="171"/>
        <source>Search looks at the titles. Clear the search to see every interview.</source>
        <translation>Die Suche durchsucht die Titel. Leeren Sie die Suche, um alle Interviews zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="172"/>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
</context>
<context>
    <name>JobWatcher</name>
    <message>
        <location filename="../app/jobwatcher.cpp" line="28"/>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <location filename="../qml/Main.qml" line="70"/>
        <source>Intervox</source>
        <translation>Intervox</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Intervox — %1</source>
        <translation>Intervox – %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="86"/>
        <source>Interviews</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="95"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="109"/>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="134"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="147"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="147"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="149"/>
        <source>Switch to the light theme</source>
        <translation>Zum hellen Design wechseln</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="149"/>
        <source>Switch to the dark theme</source>
        <translation>Zum dunklen Design wechseln</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="151"/>
        <source>Theme (Ctrl+Shift+L)</source>
        <translation>Design (Strg+Umschalt+L)</translation>
    </message>
</context>
<context>
    <name>OAuthSignIn</name>
    <message>
        <location filename="../app/oauthsignin.cpp" line="75"/>
        <source>no local port to receive the sign-in on</source>
        <translation>kein lokaler Port frei, um die Anmeldung zu empfangen</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="77"/>
        <source>Signed in. You can close this tab and return to Intervox.</source>
        <translation>Angemeldet. Sie können diesen Tab schließen und zu Intervox zurückkehren.</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="118"/>
        <source>the answer to this sign-in did not match it (state)</source>
        <translation>die Antwort passte nicht zu dieser Anmeldung (state)</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="121"/>
        <source>the server sent no authorization code</source>
        <translation>der Server hat keinen Autorisierungscode gesendet</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="146"/>
        <location filename="../app/oauthsignin.cpp" line="230"/>
        <source>the token endpoint sent no access or refresh token</source>
        <translation>der Token-Endpunkt hat kein Zugangs- oder Erneuerungstoken gesendet</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="156"/>
        <source>cancelled in the app</source>
        <translation>in der App abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="168"/>
        <source>the token endpoint did not answer within %1 s</source>
        <translation>der Token-Endpunkt hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="169"/>
        <source>the sign-in in the browser was not completed in time</source>
        <translation>die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/oauthsignin.cpp" line="207"/>
        <source>the token endpoint answered with HTTP %1</source>
        <translation>der Token-Endpunkt hat mit HTTP %1 geantwortet</translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="42"/>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="43"/>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="44"/>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="45"/>
        <source>Declined consent</source>
        <translation>Einwilligung abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="46"/>
        <source>Link revoked</source>
        <translation>Link widerrufen</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="47"/>
        <source>Link expired</source>
        <translation>Link abgelaufen</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="54"/>
        <source> · %1 % extra time</source>
        <translation> · %1 % zusätzliche Zeit</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="56"/>
        <source>answering question %1 · connected now</source>
        <translation>antwortet auf Frage %1 · gerade verbunden</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="57"/>
        <source>answering question %1 · not connected</source>
        <translation>antwortet auf Frage %1 · nicht verbunden</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="59"/>
        <source>on question %1 · connected now</source>
        <translation>bei Frage %1 · gerade verbunden</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="59"/>
        <source>on question %1 · not connected</source>
        <translation>bei Frage %1 · nicht verbunden</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="61"/>
        <source>finished %1</source>
        <translation>abgeschlossen %1</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="63"/>
        <source>link valid until %1</source>
        <translation>Link gültig bis %1</translation>
    </message>
    <message>
        <location filename="../app/pipelinemodel.cpp" line="65"/>
        <source>expired %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/csvimport.cpp" line="116"/>
        <source>line %1: text after a closing quote</source>
        <translation>Zeile %1: Text nach einem schließenden Anführungszeichen</translation>
    </message>
    <message>
        <location filename="../app/csvimport.cpp" line="123"/>
        <source>line %1: a quote is never closed</source>
        <translation>Zeile %1: ein Anführungszeichen wird nie geschlossen</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="27"/>
        <location filename="../qml/QuestionEditor.qml" line="74"/>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="53"/>
        <source>Drag to move the question</source>
        <translation>Ziehen, um die Frage zu verschieben</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="81"/>
        <source>Move question %1 up</source>
        <translation>Frage %1 nach oben verschieben</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="83"/>
        <source>Move up (Alt+↑)</source>
        <translation>Nach oben (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="89"/>
        <source>Move question %1 down</source>
        <translation>Frage %1 nach unten verschieben</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="91"/>
        <source>Move down (Alt+↓)</source>
        <translation>Nach unten (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="95"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="97"/>
        <source>Remove question %1</source>
        <translation>Frage %1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="107"/>
        <source>e.g. Tell us about a time you turned an unhappy customer around.</source>
        <translation>z. B. Erzählen Sie von einem Mal, als Sie eine unzufriedene Kundin oder einen unzufriedenen Kunden zufriedengestellt haben.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="108"/>
        <source>Text of question %1</source>
        <translation>Text der Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="136"/>
        <source>Thinking time</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="142"/>
        <source>Thinking time in seconds, question %1</source>
        <translation>Bedenkzeit in Sekunden, Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="143"/>
        <location filename="../qml/QuestionEditor.qml" line="157"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="150"/>
        <source>Answer limit</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="156"/>
        <source>Answer limit in seconds, question %1</source>
        <translation>Antwortzeit in Sekunden, Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="157"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="164"/>
        <source>Retakes</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="170"/>
        <source>Retakes allowed, question %1</source>
        <translation>Erlaubte Wiederholungen, Frage %1</translation>
    </message>
</context>
<context>
    <name>QuestionListModel</name>
    <message>
        <location filename="../app/questionlistmodel.cpp" line="114"/>
        <source>Write the question.</source>
        <translation>Schreiben Sie die Frage.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/questionlistmodel.cpp" line="116"/>
        <source>Shorten the question to %n characters or fewer.</source>
        <translation>
            <numerusform>Kürzen Sie die Frage auf höchstens %n Zeichen.</numerusform>
            <numerusform>Kürzen Sie die Frage auf höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="15"/>
        <source>Data retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="44"/>
        <source>A daily job deletes what is due. Candidates are told these periods before they agree to be recorded. Each interview can set its own periods through the API.</source>
        <translation>Ein täglicher Auftrag löscht, was fällig ist. Bewerbende erfahren diese Fristen, bevor sie der Aufnahme zustimmen. Jedes Interview kann über die API eigene Fristen festlegen.</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="50"/>
        <source>Delete recordings after a decision</source>
        <translation>Aufnahmen nach einer Entscheidung löschen</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="63"/>
        <source>Days after the decision</source>
        <translation>Tage nach der Entscheidung</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="69"/>
        <source>days after a candidate was advanced or rejected (not while on hold). The answers stay listed, without audio.</source>
        <translation>Tage, nachdem jemand weiterkam oder abgelehnt wurde (nicht solange zurückgestellt). Die Antworten bleiben aufgeführt, ohne Ton.</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="76"/>
        <source>Erase candidates after their last activity</source>
        <translation>Bewerbende nach ihrer letzten Aktivität löschen</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="89"/>
        <source>Days after the last activity</source>
        <translation>Tage nach der letzten Aktivität</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="95"/>
        <source>days after anything last happened in their application: everything about them goes, CV and recordings included.</source>
        <translation>Tage, nachdem zuletzt etwas in ihrer Bewerbung geschah: alles über sie wird gelöscht, auch Lebenslauf und Aufnahmen.</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="104"/>
        <source>Nothing is deleted on a schedule: candidates are told their data is kept until they or you ask for it to be deleted.</source>
        <translation>Nichts wird nach Frist gelöscht: Bewerbende erfahren, dass ihre Daten aufbewahrt werden, bis sie oder Sie die Löschung verlangen.</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="123"/>
        <source>Checking what is due…</source>
        <translation>Prüfe, was fällig ist …</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="124"/>
        <source>Nothing is due for deletion now.</source>
        <translation>Zurzeit ist nichts zur Löschung fällig.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/RetentionDialog.qml" line="125"/>
        <source>Due now: the recordings of %n interview(s)</source>
        <translation>
            <numerusform>Jetzt fällig: die Aufnahmen von %n Interview</numerusform>
            <numerusform>Jetzt fällig: die Aufnahmen von %n Interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/RetentionDialog.qml" line="126"/>
        <source>%n candidate(s) to erase</source>
        <translation>
            <numerusform>%n Person zu löschen</numerusform>
            <numerusform>%n Personen zu löschen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="130"/>
        <source>Delete now</source>
        <translation>Jetzt löschen</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="133"/>
        <source>Runs the daily deletion now, for what is due today</source>
        <translation>Führt die tägliche Löschung jetzt aus, für alles, was heute fällig ist</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="148"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="153"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/RetentionDialog.qml" line="156"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>RetentionSettings</name>
    <message numerus="yes">
        <location filename="../app/retentionsettings.cpp" line="105"/>
        <source>Deleted the recordings of %n interview(s)</source>
        <translation>
            <numerusform>Die Aufnahmen von %n Interview gelöscht</numerusform>
            <numerusform>Die Aufnahmen von %n Interviews gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/retentionsettings.cpp" line="106"/>
        <source>erased %n candidate(s)</source>
        <translation>
            <numerusform>%n Person gelöscht</numerusform>
            <numerusform>%n Personen gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/retentionsettings.cpp" line="108"/>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/retentionsettings.cpp" line="110"/>
        <source>Still running; the activity log will show what it deleted.</source>
        <translation>Läuft noch; das Aktivitätsprotokoll zeigt, was gelöscht wurde.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../qml/ReviewPage.qml" line="29"/>
        <source>Review of %1</source>
        <translation>Bewertung von %1</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="39"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="130"/>
        <source>Review shortcuts</source>
        <translation>Tastenkürzel der Bewertung</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="145"/>
        <source>‹ Candidates</source>
        <translation>‹ Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="146"/>
        <source>Back to the candidates</source>
        <translation>Zurück zu den Kandidaten</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="164"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="173"/>
        <source>CV (C)</source>
        <translation>Lebenslauf (C)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="174"/>
        <source>Read the CV of %1</source>
        <translation>Lebenslauf von %1 lesen</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="179"/>
        <source>Candidate %1 of %2</source>
        <translation>Kandidat %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="186"/>
        <location filename="../qml/ReviewPage.qml" line="188"/>
        <source>Previous candidate (P)</source>
        <translation>Vorheriger Kandidat (P)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="194"/>
        <location filename="../qml/ReviewPage.qml" line="196"/>
        <source>Next candidate (N)</source>
        <translation>Nächster Kandidat (N)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="210"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="231"/>
        <location filename="../qml/ReviewPage.qml" line="245"/>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="251"/>
        <source>Question %1: %2</source>
        <translation>Frage %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="257"/>
        <source>Question %1 · %2</source>
        <translation>Frage %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="258"/>
        <source>Question %1 · not saved yet</source>
        <translation>Frage %1 · noch nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="278"/>
        <source>No answers yet</source>
        <translation>Noch keine Antworten</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="279"/>
        <source>This candidate has not recorded an answer. Answers appear here as soon as they are saved.</source>
        <translation>Diese Person hat noch keine Antwort aufgenommen. Antworten erscheinen hier, sobald sie gespeichert sind.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="302"/>
        <source>Question %1 of %2</source>
        <translation>Frage %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="340"/>
        <source>The recording was deleted under your organization&apos;s retention policy. The answer&apos;s question, time and length stay, and so do the ratings.</source>
        <translation>Die Aufnahme wurde nach den Aufbewahrungsregeln Ihrer Organisation gelöscht. Frage, Zeitpunkt und Länge der Antwort bleiben erhalten, ebenso die Bewertungen.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="341"/>
        <location filename="../qml/ReviewPage.qml" line="344"/>
        <source>The recording cannot be played: %1</source>
        <translation>Die Aufnahme kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="342"/>
        <source>Preparing the recording…</source>
        <translation>Aufnahme wird vorbereitet …</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="343"/>
        <source>This answer is still being saved.</source>
        <translation>Diese Antwort wird noch gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="362"/>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="362"/>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="379"/>
        <source>Position in the answer</source>
        <translation>Position in der Antwort</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="390"/>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="402"/>
        <source>Play at %1× speed (S cycles)</source>
        <translation>Mit %1-facher Geschwindigkeit abspielen (S wechselt)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="592"/>
        <source>Space play/pause · ←/→ ±5 s · S speed · J/K answer · N/P candidate · ↑/↓ criterion · 1–5 rate (0 clears) · A/H/R advance/hold/reject · E note · C CV · Esc back</source>
        <translation>Leertaste Abspielen/Pause · ←/→ ±5 s · S Tempo · J/K Antwort · N/P Kandidat · ↑/↓ Kriterium · 1–5 bewerten (0 löscht) · A/H/R weiter/zurückstellen/absagen · E Notiz · C Lebenslauf · Esc zurück</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="309"/>
        <source>Previous answer (K)</source>
        <translation>Vorherige Antwort (K)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="317"/>
        <source>Next answer (J)</source>
        <translation>Nächste Antwort (J)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="435"/>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="444"/>
        <source>This interview has no rating criteria. Add them with “Edit interview” on the interview&apos;s page to rate candidates on them.</source>
        <translation>Dieses Interview hat keine Bewertungskriterien. Fügen Sie sie auf der Seite des Interviews mit „Interview bearbeiten“ hinzu, um Kandidaten danach zu bewerten.</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="503"/>
        <source>Rate %1 %2 of 5</source>
        <translation>%1 mit %2 von 5 bewerten</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ReviewPage.qml" line="477"/>
        <source>avg %1 · %n rating(s)</source>
        <translation>
            <numerusform>Ø %1 · %n Bewertung</numerusform>
            <numerusform>Ø %1 · %n Bewertungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="478"/>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="517"/>
        <location filename="../qml/ReviewPage.qml" line="529"/>
        <source>Private note</source>
        <translation>Private Notiz</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="528"/>
        <source>Only you can read this note. (E to write, Esc when done)</source>
        <translation>Nur Sie können diese Notiz lesen. (E zum Schreiben, Esc zum Beenden)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="536"/>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="549"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="558"/>
        <source>Advance</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="558"/>
        <source>Hold</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="558"/>
        <source>Reject</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="564"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/ReviewPage.qml" line="576"/>
        <source>%1 — reviewers rate; recruiters decide.</source>
        <translation>%1 – Bewertende bewerten, Recruiter entscheiden.</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../app/reviewsession.cpp" line="170"/>
        <source>Advance</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../app/reviewsession.cpp" line="171"/>
        <source>Hold</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../app/reviewsession.cpp" line="172"/>
        <source>Reject</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <location filename="../app/reviewsession.cpp" line="173"/>
        <location filename="../app/reviewsession.cpp" line="179"/>
        <source>No decision yet</source>
        <translation>Noch keine Entscheidung</translation>
    </message>
    <message>
        <location filename="../app/reviewsession.cpp" line="181"/>
        <source>Advanced by %1, %2</source>
        <translation>Weiter, entschieden von %1, %2</translation>
    </message>
    <message>
        <location filename="../app/reviewsession.cpp" line="182"/>
        <source>On hold by %1, %2</source>
        <translation>Zurückgestellt von %1, %2</translation>
    </message>
    <message>
        <location filename="../app/reviewsession.cpp" line="183"/>
        <source>Rejected by %1, %2</source>
        <translation>Abgesagt von %1, %2</translation>
    </message>
</context>
<context>
    <name>ServerListModel</name>
    <message>
        <location filename="../app/serverlistmodel.cpp" line="45"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../app/serverlistmodel.cpp" line="48"/>
        <source>Server inside the app</source>
        <translation>Server in der App</translation>
    </message>
    <message>
        <location filename="../app/serverlistmodel.cpp" line="100"/>
        <source>Enter the server&apos;s address, for example interviews.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel interviews.example.com.</translation>
    </message>
    <message>
        <location filename="../app/serverlistmodel.cpp" line="107"/>
        <source>“%1” is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <location filename="../app/serverlistmodel.cpp" line="114"/>
        <source>Use an https:// address: the app signs in to a server only over an encrypted connection.</source>
        <translation>Verwenden Sie eine https://-Adresse: Die App meldet sich bei einem Server nur über eine verschlüsselte Verbindung an.</translation>
    </message>
    <message>
        <location filename="../app/serverlistmodel.cpp" line="118"/>
        <source>Enter only the server&apos;s address, without a path: for example https://interviews.example.com.</source>
        <translation>Geben Sie nur die Adresse des Servers ein, ohne Pfad: zum Beispiel https://interviews.example.com.</translation>
    </message>
</context>
<context>
    <name>ServerSwitcher</name>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="19"/>
        <source>Server: %1. Switch servers</source>
        <translation>Server: %1. Server wechseln</translation>
    </message>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="21"/>
        <source>Switch servers, add one, or sign out</source>
        <translation>Server wechseln, hinzufügen oder abmelden</translation>
    </message>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="28"/>
        <source>Server on this computer</source>
        <translation>Server auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="71"/>
        <source>Add a server…</source>
        <translation>Server hinzufügen …</translation>
    </message>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="78"/>
        <source>Sign out of %1</source>
        <translation>Von %1 abmelden</translation>
    </message>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="85"/>
        <source>Remove this server from the list</source>
        <translation>Diesen Server aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../qml/ServerSwitcher.qml" line="95"/>
        <source>Invite links made here open only on this computer. Candidates elsewhere need a public Intervox server.</source>
        <translation>Hier erstellte Einladungslinks öffnen sich nur auf diesem Computer. Für Kandidatinnen und Kandidaten anderswo braucht es einen öffentlichen Intervox-Server.</translation>
    </message>
</context>
<context>
    <name>StartupView</name>
    <message>
        <location filename="../qml/StartupView.qml" line="20"/>
        <source>Intervox</source>
        <translation>Intervox</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="37"/>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1 …</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="38"/>
        <source>Starting the interview server…</source>
        <translation>Der Interview-Server startet …</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="60"/>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="71"/>
        <source>Finish signing in in your browser. This window continues by itself when you are done.</source>
        <translation>Schließen Sie die Anmeldung in Ihrem Browser ab. Dieses Fenster macht danach von selbst weiter.</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="72"/>
        <source>Your browser opens the server&apos;s sign-in page at %1. Your password is entered there, never in this app.</source>
        <translation>Ihr Browser öffnet die Anmeldeseite des Servers unter %1. Ihr Passwort geben Sie dort ein, nie in dieser App.</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="93"/>
        <source>Sign in with your browser</source>
        <translation>Im Browser anmelden</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="100"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="101"/>
        <source>Cancel signing in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="108"/>
        <location filename="../qml/StartupView.qml" line="127"/>
        <source>Use this computer&apos;s server</source>
        <translation>Server dieses Computers verwenden</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="120"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>TeamModel</name>
    <message>
        <location filename="../app/teammodel.cpp" line="49"/>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <location filename="../app/teammodel.cpp" line="51"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../app/teammodel.cpp" line="53"/>
        <source>Recruiter</source>
        <translation>Recruiter</translation>
    </message>
    <message>
        <location filename="../app/teammodel.cpp" line="55"/>
        <source>Reviewer</source>
        <translation>Bewerter</translation>
    </message>
    <message>
        <location filename="../app/teammodel.cpp" line="62"/>
        <source>Invited, no password yet</source>
        <translation>Eingeladen, noch ohne Passwort</translation>
    </message>
    <message>
        <location filename="../app/teammodel.cpp" line="64"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../app/teammodel.cpp" line="65"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../qml/TeamPage.qml" line="11"/>
        <location filename="../qml/TeamPage.qml" line="39"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="24"/>
        <source>Signed out everywhere: they sign in again on every device.</source>
        <translation>Überall abgemeldet: Die Person meldet sich auf jedem Gerät neu an.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="50"/>
        <source>Search by name or email (Ctrl+F)</source>
        <translation>Nach Name oder E-Mail suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="51"/>
        <source>Search the team</source>
        <translation>Im Team suchen</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="57"/>
        <source>Data retention…</source>
        <translation>Aufbewahrung …</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="59"/>
        <source>How long recordings and candidates are kept</source>
        <translation>Wie lange Aufnahmen und Bewerbende aufbewahrt werden</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="64"/>
        <location filename="../qml/TeamPage.qml" line="246"/>
        <location filename="../qml/TeamPage.qml" line="262"/>
        <source>Invite a colleague</source>
        <translation>Kollegin oder Kollegen einladen</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="66"/>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="75"/>
        <source>Administrators manage the team and every interview. Recruiters build interviews, invite candidates and decide. Reviewers rate the answers of the interviews assigned to them, and see nothing else.</source>
        <translation>Administratoren verwalten das Team und alle Interviews. Recruiter erstellen Interviews, laden Kandidaten ein und entscheiden. Bewertende bewerten die Antworten der ihnen zugewiesenen Interviews und sehen sonst nichts.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="84"/>
        <source>This is the server inside the app: it answers only on this computer, so a colleague&apos;s setup link opens only here. To work as a team, add your organization&apos;s Intervox server (the server menu at the bottom left) and invite colleagues there.</source>
        <translation>Dies ist der Server in der App: Er antwortet nur auf diesem Computer, ein Einrichtungslink für Kolleginnen und Kollegen öffnet sich also nur hier. Um im Team zu arbeiten, fügen Sie den Intervox-Server Ihrer Organisation hinzu (Servermenü unten links) und laden Sie dort ein.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="90"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="108"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="128"/>
        <source>Team members</source>
        <translation>Teammitglieder</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="145"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/TeamPage.qml" line="166"/>
        <source>%n interview(s) assigned</source>
        <translation>
            <numerusform>%n Interview zugewiesen</numerusform>
            <numerusform>%n Interviews zugewiesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="183"/>
        <source>Role of %1</source>
        <translation>Rolle von %1</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="190"/>
        <source>New setup link</source>
        <translation>Neuer Einrichtungslink</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="190"/>
        <source>Password reset link</source>
        <translation>Link zum Zurücksetzen des Passworts</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="192"/>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="199"/>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="201"/>
        <source>Sign %1 out everywhere</source>
        <translation>%1 überall abmelden</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="203"/>
        <source>Ends every session of %1, on every device (a lost laptop, a shared computer)</source>
        <translation>Beendet jede Sitzung von %1 auf jedem Gerät (ein verlorener Laptop, ein geteilter Computer)</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="210"/>
        <location filename="../qml/TeamPage.qml" line="388"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="212"/>
        <source>Disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="232"/>
        <source>No one matches “%1”</source>
        <translation>Niemand passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="233"/>
        <source>Search looks at names and email addresses.</source>
        <translation>Die Suche berücksichtigt Namen und E-Mail-Adressen.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="234"/>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="244"/>
        <source>Hiring is a team sport</source>
        <translation>Einstellen ist Teamarbeit</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="245"/>
        <source>Invite the colleagues who review answers with you. Each gets a link to set a password.</source>
        <translation>Laden Sie die Kolleginnen und Kollegen ein, die mit Ihnen Antworten bewerten. Alle erhalten einen Link, um ein Passwort festzulegen.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="278"/>
        <location filename="../qml/TeamPage.qml" line="283"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="286"/>
        <location filename="../qml/TeamPage.qml" line="291"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="296"/>
        <location filename="../qml/TeamPage.qml" line="304"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="311"/>
        <source>You get a link to send them: it works once, for 7 days, and lets them set their password.</source>
        <translation>Sie erhalten einen Link zum Weitergeben: Er funktioniert einmal, 7 Tage lang, und damit wird das Passwort festgelegt.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="315"/>
        <location filename="../qml/TeamPage.qml" line="385"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="318"/>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="334"/>
        <source>Send this link</source>
        <translation>Diesen Link weitergeben</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="345"/>
        <source>Send it in a message of your own. It is shown only now: the server keeps only a fingerprint of it. It works once, until %1.</source>
        <translation>Schicken Sie ihn in einer eigenen Nachricht. Er wird nur jetzt angezeigt: Der Server bewahrt nur einen Fingerabdruck davon auf. Er funktioniert einmal, bis %1.</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="354"/>
        <source>Setup link</source>
        <translation>Einrichtungslink</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="360"/>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="364"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="375"/>
        <source>Disable %1?</source>
        <translation>%1 deaktivieren?</translation>
    </message>
    <message>
        <location filename="../qml/TeamPage.qml" line="382"/>
        <source>They are signed out everywhere and can no longer sign in. Their ratings, notes and decisions stay, with their name.</source>
        <translation>Die Person wird überall abgemeldet und kann sich nicht mehr anmelden. Ihre Bewertungen, Notizen und Entscheidungen bleiben mit ihrem Namen erhalten.</translation>
    </message>
</context>
<context>
    <name>TermsDialog</name>
    <message>
        <location filename="../qml/TermsDialog.qml" line="15"/>
        <source>Deadline and extra time for %1</source>
        <translation>Frist und zusätzliche Zeit für %1</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="41"/>
        <source>The link expired on %1.</source>
        <translation>Der Link ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="41"/>
        <source>The link is valid until %1.</source>
        <translation>Der Link ist bis %1 gültig.</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="45"/>
        <location filename="../qml/TermsDialog.qml" line="54"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="52"/>
        <source>Keep it</source>
        <translation>Beibehalten</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="52"/>
        <source>7 more days</source>
        <translation>7 Tage länger</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="53"/>
        <source>14 more days</source>
        <translation>14 Tage länger</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="53"/>
        <source>30 more days</source>
        <translation>30 Tage länger</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="56"/>
        <location filename="../qml/TermsDialog.qml" line="62"/>
        <source>Extra time on every question</source>
        <translation>Zusätzliche Zeit bei jeder Frage</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="61"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="61"/>
        <source>%1 % more</source>
        <translation>%1 % mehr</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="69"/>
        <source>Extra time lengthens the thinking and answering time of every question, for example as an accommodation. A candidate who is already answering gets it from the next question.</source>
        <translation>Zusätzliche Zeit verlängert die Bedenk- und Antwortzeit jeder Frage, zum Beispiel als Nachteilsausgleich. Wer schon antwortet, erhält sie ab der nächsten Frage.</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="77"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/TermsDialog.qml" line="80"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
</TS>
