import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Intervox

// The recruiter's window: a navigation rail on the left, the current page on the right. Until the app is
// signed in to its server it shows the start-up view instead.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 600
    visible: true
    title: AppSession.organizationName.length > 0 ? qsTr("Intervox — %1").arg(AppSession.organizationName) : qsTr("Intervox")
    color: Theme.background
    // For tools that drive the window from C++ (the screenshot script, tests).
    readonly property QtObject session: AppSession
    readonly property QtObject theme: Theme
    readonly property bool onTeamPage: stack.currentItem !== null && stack.currentItem.objectName === "teamPage"
    readonly property bool onAuditPage: stack.currentItem !== null && stack.currentItem.objectName === "auditPage"

    // Another server: its pages start again from its interview list.
    Connections {
        target: AppSession
        function onSwitched() { stack.pop(null) }
    }

    Material.theme: Theme.dark ? Material.Dark : Material.Light
    Material.accent: Theme.accentFill
    Material.primary: Theme.accentFill
    Material.background: Theme.background
    Material.foreground: Theme.text

    Component.onCompleted: {
        const forced = Qt.application.arguments.indexOf("--dark") >= 0 ? "dark" : ""
        Theme.dark = forced === "dark"
        AppSession.start()
    }

    Shortcut {
        sequence: "Ctrl+Shift+L"
        onActivated: Theme.dark = !Theme.dark
    }

    StartupView {
        anchors.fill: parent
        visible: AppSession.status !== AppSession.Ready
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: AppSession.status === AppSession.Ready

        // ---- navigation rail
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.navWidth
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.unit

                Label {
                    text: qsTr("Intervox")
                    font.pixelSize: 20
                    font.weight: Font.DemiBold
                    color: Theme.accent
                }
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: AppSession.organizationName
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }
                Item { Layout.preferredHeight: Theme.unit }
                ItemDelegate {
                    objectName: "navInterviews"
                    Layout.fillWidth: true
                    text: qsTr("Interviews")
                    highlighted: !window.onTeamPage && !window.onAuditPage
                    Accessible.name: text
                    onClicked: stack.pop(null)
                }
                ItemDelegate {
                    objectName: "navTeam"
                    Layout.fillWidth: true
                    visible: AppSession.isAdmin
                    text: qsTr("Team")
                    highlighted: window.onTeamPage
                    Accessible.name: text
                    onClicked: {
                        if (window.onTeamPage)
                            return
                        stack.pop(null)
                        stack.push(teamComponent)
                    }
                }
                ItemDelegate {
                    objectName: "navAudit"
                    Layout.fillWidth: true
                    visible: AppSession.isAdmin
                    text: qsTr("Activity log")
                    highlighted: window.onAuditPage
                    Accessible.name: text
                    onClicked: {
                        if (window.onAuditPage)
                            return
                        stack.pop(null)
                        stack.push(auditComponent)
                    }
                }
                Item { Layout.fillHeight: true }

                // Where this server is (and what that means for candidates); switching, adding, signing out.
                ServerSwitcher {
                    Layout.fillWidth: true
                }
                ComboBox {
                    id: languageBox
                    objectName: "language"
                    Layout.fillWidth: true
                    textRole: "label"
                    valueRole: "code"
                    // Each language is named in itself, so it can be found whatever language is showing.
                    model: [{code: "en", label: "English"}, {code: "de", label: "Deutsch"}]
                    currentIndex: AppSession.language === "de" ? 1 : 0
                    Accessible.name: qsTr("Language")
                    onActivated: AppSession.language = currentValue
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: AppSession.userName
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                    ToolButton {
                        text: Theme.dark ? qsTr("Light") : qsTr("Dark")
                        font.pixelSize: Theme.fontSmall
                        Accessible.name: Theme.dark ? qsTr("Switch to the light theme") : qsTr("Switch to the dark theme")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Theme (Ctrl+Shift+L)")
                        onClicked: Theme.dark = !Theme.dark
                    }
                }
            }
        }

        // ---- pages
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: InterviewsPage {
                objectName: "interviewsPage"
                onOpenInterview: (id, title) => stack.push(interviewComponent, {interviewId: id, interviewTitle: title})
                onNewInterview: stack.push(editorComponent, {interviewId: 0})
                onDuplicateInterview: (id) => stack.push(editorComponent, {interviewId: 0, copyOf: id})
            }
        }
    }

    Component {
        id: interviewComponent
        InterviewPage {
            objectName: "interviewPage"
            onBack: {
                stack.pop()
                if (stack.currentItem && stack.currentItem.reload)
                    stack.currentItem.reload()
            }
            onEditInterview: (id) => stack.push(editorComponent, {interviewId: id})
            onReviewCandidates: (ids, position) => stack.push(reviewComponent, {inviteIds: ids, position: position})
            onCompareCandidates: (id, title) => stack.push(comparisonComponent, {interviewId: id, interviewTitle: title})
        }
    }

    Component {
        id: teamComponent
        TeamPage {
            objectName: "teamPage"
        }
    }

    Component {
        id: auditComponent
        AuditPage {
            objectName: "auditPage"
        }
    }

    Component {
        id: comparisonComponent
        ComparisonPage {
            objectName: "comparisonPage"
            onBack: stack.pop()
            onReviewCandidates: (ids, position) => stack.push(reviewComponent, {inviteIds: ids, position: position})
        }
    }

    Component {
        id: reviewComponent
        ReviewPage {
            objectName: "reviewPage"
            onBack: {
                stack.pop()
                if (stack.currentItem && stack.currentItem.reload)
                    stack.currentItem.reload()
            }
        }
    }

    Component {
        id: editorComponent
        InterviewEditor {
            objectName: "interviewEditor"
            onClosed: {
                const title = draft.title
                const kept = !wasDeleted && !draft.isNew
                if (wasDeleted)
                    stack.pop(null) // the interview's own page is gone with it
                else
                    stack.pop()
                const below = stack.currentItem
                if (below && below.objectName === "interviewPage" && kept)
                    below.interviewTitle = title
                if (below && below.reload)
                    below.reload()
            }
        }
    }
}
