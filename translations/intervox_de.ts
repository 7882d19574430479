<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <location filename="../app/apierror.cpp" line="94"/>
        <source>The server cannot be reached. Check the network connection and the server address.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und die Serveradresse.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="95"/>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="96"/>
        <source>You have been signed out. Sign in again to continue.</source>
        <translation>Sie wurden abgemeldet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="97"/>
        <source>Your role does not allow this. Ask an administrator of your organization.</source>
        <translation>Ihre Rolle erlaubt das nicht. Wenden Sie sich an eine Administratorin oder einen Administrator Ihrer Organisation.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="98"/>
        <source>This no longer exists. It may have been deleted by someone else.</source>
        <translation>Das gibt es nicht mehr. Vielleicht hat es jemand anderes gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="99"/>
        <source>This cannot be changed any more.</source>
        <translation>Das kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="99"/>
        <source>This cannot be done: %1.</source>
        <translation>Das geht nicht: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="100"/>
        <source>Someone else changed this in the meantime. Reload it and make your change again.</source>
        <translation>Jemand anderes hat das inzwischen geändert. Laden Sie es neu und nehmen Sie Ihre Änderung noch einmal vor.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="101"/>
        <source>Some of the values are not valid.</source>
        <translation>Einige Angaben sind ungültig.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="101"/>
        <source>Please check: %1.</source>
        <translation>Bitte prüfen: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="102"/>
        <source>The file is too large for the server.</source>
        <translation>Die Datei ist zu groß für den Server.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="103"/>
        <source>The server does not accept this kind of file.</source>
        <translation>Der Server nimmt diese Art von Datei nicht an.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="104"/>
        <source>Too many attempts. Wait a little and try again.</source>
        <translation>Zu viele Versuche. Warten Sie kurz und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="104"/>
        <source>Too many attempts: %1.</source>
        <translation>Zu viele Versuche: %1.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="105"/>
        <source>The server is busy or starting. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet oder startet gerade. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="106"/>
        <source>The server ran into a problem. Try again; if it persists, tell the server&apos;s administrator.</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten. Versuchen Sie es erneut; wenn es so bleibt, informieren Sie die Administration des Servers.</translation>
    </message>
    <message>
        <location filename="../app/apierror.cpp" line="107"/>
        <source>The server answered with something this app does not understand. Is the address an Intervox server?</source>
        <translation>Der Server hat etwas geantwortet, das diese App nicht versteht. Ist die Adresse ein Intervox-Server?</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <location filename="../app/appsession.cpp" line="81"/>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <location filename="../app/appsession.cpp" line="83"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../app/appsession.cpp" line="89"/>
        <source>no access token</source>
        <translation>kein Zugriffstoken</translation>
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
    <name>InterviewDraft</name>
    <message>
        <location filename="../app/interviewdraft.cpp" line="63"/>
        <source>Give the interview a title.</source>
        <translation>Geben Sie dem Interview einen Titel.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/interviewdraft.cpp" line="65"/>
        <source>Shorten the title to %n characters or fewer.</source>
        <translation>
            <numerusform>Kürzen Sie den Titel auf höchstens %n Zeichen.</numerusform>
            <numerusform>Kürzen Sie den Titel auf höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="72"/>
        <source>The deadline must be in the future.</source>
        <translation>Die Frist muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <location filename="../app/interviewdraft.cpp" line="146"/>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="15"/>
        <location filename="../qml/InterviewEditor.qml" line="51"/>
        <source>New interview</source>
        <translation>Neues Interview</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="15"/>
        <source>Edit interview</source>
        <translation>Interview bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="42"/>
        <source>‹ Interviews</source>
        <translation>‹ Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="43"/>
        <source>Back to the interviews</source>
        <translation>Zurück zu den Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="45"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="58"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="64"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="71"/>
        <source>Create interview</source>
        <translation>Interview anlegen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="71"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="75"/>
        <source>Ctrl+S</source>
        <translation>Strg+S</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="85"/>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="90"/>
        <source>The interview, its questions and its unused invite links are deleted. An interview that candidates have started cannot be deleted.</source>
        <translation>Das Interview, seine Fragen und seine unbenutzten Einladungslinks werden gelöscht. Ein Interview, das Kandidatinnen oder Kandidaten begonnen haben, kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="110"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="120"/>
        <location filename="../qml/InterviewEditor.qml" line="128"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="126"/>
        <source>e.g. Customer support engineer, first round</source>
        <translation>z. B. Kundensupport, erste Runde</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="142"/>
        <location filename="../qml/InterviewEditor.qml" line="150"/>
        <source>Language of the candidate page</source>
        <translation>Sprache der Kandidatenseite</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="148"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="148"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="155"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="159"/>
        <source>Answers accepted until</source>
        <translation>Antworten möglich bis</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="176"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="179"/>
        <source>Deadline date, year-month-day</source>
        <translation>Fristdatum, Jahr-Monat-Tag</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="198"/>
        <location filename="../qml/InterviewEditor.qml" line="212"/>
        <source>Introduction</source>
        <translation>Einleitung</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="202"/>
        <source>Shown to candidates before the first question: who you are and what to expect.</source>
        <translation>Wird vor der ersten Frage gezeigt: wer Sie sind und was die Kandidatinnen und Kandidaten erwartet.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="211"/>
        <source>Welcome! This interview has a few short questions…</source>
        <translation>Willkommen! Dieses Interview hat ein paar kurze Fragen …</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="223"/>
        <source>Questions (%1)</source>
        <translation>Fragen (%1)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="230"/>
        <source>Alt+↑/↓ moves the selected question · Ctrl+Enter adds one</source>
        <translation>Alt+↑/↓ verschiebt die gewählte Frage · Strg+Eingabe fügt eine hinzu</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="244"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewEditor.qml" line="256"/>
        <source>+ Add a question</source>
        <translation>+ Frage hinzufügen</translation>
    </message>
</context>
<context>
    <name>InterviewsPage</name>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="15"/>
        <location filename="../qml/InterviewsPage.qml" line="35"/>
        <source>Interviews</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="46"/>
        <source>Search interviews (Ctrl+F)</source>
        <translation>Interviews suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="47"/>
        <source>Search interviews</source>
        <translation>Interviews suchen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="54"/>
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
        <location filename="../qml/InterviewsPage.qml" line="159"/>
        <source>No interviews yet</source>
        <translation>Noch keine Interviews</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="160"/>
        <source>An interview is a list of questions that candidates answer by voice, in their browser, when it suits them.</source>
        <translation>Ein Interview ist eine Liste von Fragen, die Kandidatinnen und Kandidaten im Browser mündlich beantworten, wann es ihnen passt.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="161"/>
        <source>Create the first interview</source>
        <translation>Erstes Interview anlegen</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="168"/>
        <source>No interview matches “%1”</source>
        <translation>Kein Interview passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="169"/>
        <source>Search looks at the titles. Clear the search to see every interview.</source>
        <translation>Die Suche durchsucht die Titel. Leeren Sie die Suche, um alle Interviews zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/InterviewsPage.qml" line="170"/>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <location filename="../qml/Main.qml" line="62"/>
        <source>Intervox</source>
        <translation>Intervox</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Intervox — %1</source>
        <translation>Intervox – %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="77"/>
        <source>Interviews</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="87"/>
        <source>Server on this computer</source>
        <translation>Server auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="103"/>
        <source>Invite links made here open only on this computer. Candidates elsewhere need a public Intervox server.</source>
        <translation>Hier erstellte Einladungslinks öffnen sich nur auf diesem Computer. Für Kandidatinnen und Kandidaten anderswo braucht es einen öffentlichen Intervox-Server.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="117"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="117"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Switch to the light theme</source>
        <translation>Zum hellen Design wechseln</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Switch to the dark theme</source>
        <translation>Zum dunklen Design wechseln</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="121"/>
        <source>Theme (Ctrl+Shift+L)</source>
        <translation>Design (Strg+Umschalt+L)</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="23"/>
        <location filename="../qml/QuestionEditor.qml" line="45"/>
        <source>Question %1</source>
        <translation>Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="52"/>
        <source>Move question %1 up</source>
        <translation>Frage %1 nach oben verschieben</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="54"/>
        <source>Move up (Alt+↑)</source>
        <translation>Nach oben (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="60"/>
        <source>Move question %1 down</source>
        <translation>Frage %1 nach unten verschieben</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="62"/>
        <source>Move down (Alt+↓)</source>
        <translation>Nach unten (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="66"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="68"/>
        <source>Remove question %1</source>
        <translation>Frage %1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="78"/>
        <source>e.g. Tell us about a time you turned an unhappy customer around.</source>
        <translation>z. B. Erzählen Sie von einem Mal, als Sie eine unzufriedene Kundin oder einen unzufriedenen Kunden zufriedengestellt haben.</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="79"/>
        <source>Text of question %1</source>
        <translation>Text der Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="107"/>
        <source>Thinking time</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="113"/>
        <source>Thinking time in seconds, question %1</source>
        <translation>Bedenkzeit in Sekunden, Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="114"/>
        <location filename="../qml/QuestionEditor.qml" line="128"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="121"/>
        <source>Answer limit</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="127"/>
        <source>Answer limit in seconds, question %1</source>
        <translation>Antwortzeit in Sekunden, Frage %1</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="128"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="135"/>
        <source>Retakes</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../qml/QuestionEditor.qml" line="141"/>
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
    <name>StartupView</name>
    <message>
        <location filename="../qml/StartupView.qml" line="15"/>
        <source>Intervox</source>
        <translation>Intervox</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="32"/>
        <source>Signing in…</source>
        <translation>Anmeldung …</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="32"/>
        <source>Starting the interview server…</source>
        <translation>Der Interview-Server startet …</translation>
    </message>
    <message>
        <location filename="../qml/StartupView.qml" line="37"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
</TS>
