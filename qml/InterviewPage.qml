import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Intervox

// One interview: its candidates and where each of them is, adding candidates with invite links, revoking links.
Page {
    id: page
    required property int interviewId
    property string interviewTitle: ""
    signal back()
    signal editInterview(int id)
    // Review the candidates who answered, starting with `inviteId` (in the list's order).
    signal reviewCandidates(var inviteIds, int position)
    signal compareCandidates(int id, string title)
    function openReview(inviteId) {
        const ids = pipeline.reviewableInviteIds()
        const at = ids.indexOf(inviteId)
        if (at >= 0)
            page.reviewCandidates(ids, at)
    }

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Candidates of %1").arg(interviewTitle)
    readonly property alias model: pipeline
    function reload() { pipeline.reload() }

    PipelineModel {
        id: pipeline
        client: AppSession.client
        events: AppSession.events
        interviewId: page.interviewId
        onActionDone: (ok) => { if (ok) addDialog.close() }
    }

    // Who reviews this interview (not shown to reviewers: the team is not theirs to see).
    readonly property bool canAssign: AppSession.userRole !== "reviewer"
    readonly property alias reviewers: reviewerModel
    InterviewReviewersModel {
        id: reviewerModel
        client: page.canAssign ? AppSession.client : null
        interviewId: page.interviewId
        onChangeFailed: (error) => { reviewersError.error = error }
    }

    Shortcut { sequence: StandardKey.New; enabled: page.visible; onActivated: addDialog.open() }
    Shortcut { sequence: StandardKey.Find; enabled: page.visible; onActivated: search.forceActiveFocus() }
    Shortcut { sequence: StandardKey.Refresh; enabled: page.visible; onActivated: pipeline.reload() }
    Shortcut { sequence: "Escape"; enabled: page.visible && !addDialog.visible && !importDialog.visible && !reviewersDialog.visible && !cvDialog.visible && !termsDialog.visible && !eraseDialog.visible && !exportDialog.visible; onActivated: page.back() }

    header: ToolBar {
        background: Rectangle { color: Theme.surface; border.color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.unit
            anchors.rightMargin: Theme.gap
            spacing: Theme.unit
            ToolButton {
                text: qsTr("‹ Interviews")
                Accessible.name: qsTr("Back to the interviews")
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: page.interviewTitle
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Label {
                objectName: "liveState"
                text: AppSession.events.live ? qsTr("● Live") : qsTr("Reconnecting…")
                color: AppSession.events.live ? Theme.success : Theme.warning
                font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.StaticText
                Accessible.name: AppSession.events.live ? qsTr("Updates arrive live") : qsTr("Live updates are reconnecting")
                ToolTip.visible: liveArea.containsMouse
                ToolTip.text: AppSession.events.live ? qsTr("Candidates' progress shows here as it happens.")
                                                     : qsTr("The connection for live updates was lost; Intervox reconnects by itself.")
                MouseArea { id: liveArea; anchors.fill: parent; hoverEnabled: true }
            }
            Button {
                text: qsTr("Edit interview")
                flat: true
                onClicked: page.editInterview(page.interviewId)
            }
            Button {
                objectName: "reviewersButton"
                visible: page.canAssign
                flat: true
                text: reviewerModel.assignedCount > 0 ? qsTr("Reviewers (%1)").arg(reviewerModel.assignedCount) : qsTr("Reviewers")
                Accessible.name: reviewerModel.assignedCount > 0 ? qsTr("Reviewers: %1").arg(reviewerModel.assignedNames)
                                                                 : qsTr("Assign reviewers")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Choose who from the team reviews this interview")
                onClicked: reviewersDialog.open()
            }
            Button {
                objectName: "compareButton"
                flat: true
                text: qsTr("Compare")
                Accessible.name: qsTr("Compare the candidates side by side")
                onClicked: page.compareCandidates(page.interviewId, page.interviewTitle)
            }
            Button {
                objectName: "importCandidates"
                text: qsTr("Import CSV…")
                flat: true
                onClicked: importDialog.open()
            }
            PrimaryButton {
                objectName: "addCandidate"
                text: qsTr("Add candidate")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+N")
                onClicked: addDialog.open()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.gap

        // The link just made: shown once, because the server keeps only its hash.
        Rectangle {
            objectName: "newLink"
            Layout.fillWidth: true
            visible: pipeline.lastLink.length > 0
            color: Theme.surfaceAlt
            border.color: Theme.accent
            radius: Theme.radius
            implicitHeight: linkColumn.implicitHeight + 2 * Theme.gap
            ColumnLayout {
                id: linkColumn
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.unit
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Invite link for %1").arg(pipeline.lastLinkName)
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: linkField
                        Layout.fillWidth: true
                        readOnly: true
                        selectByMouse: true
                        text: pipeline.lastLink
                        Accessible.name: qsTr("Invite link")
                    }
                    Button {
                        id: copyButton
                        objectName: "copyLink"
                        property bool copied: false
                        text: copied ? qsTr("Copied") : qsTr("Copy")
                        onClicked: { pipeline.copyToClipboard(pipeline.lastLink); copied = true }
                        Connections { target: pipeline; function onLastLinkChanged() { copyButton.copied = false } }
                    }
                    ToolButton {
                        text: "✕"
                        Accessible.name: qsTr("Hide the link")
                        onClicked: pipeline.clearLastLink()
                    }
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Send it to the candidate now: it is shown only once. If it gets lost, make a new link.")
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            error: pipeline.error
            visible: pipeline.error.isError && !addDialog.visible
            actionText: qsTr("Try again")
            onAction: pipeline.reload()
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Candidates")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            TextField {
                id: search
                objectName: "search"
                Layout.preferredWidth: 280
                placeholderText: qsTr("Search candidates (Ctrl+F)")
                Accessible.name: qsTr("Search candidates")
                onTextChanged: pipeline.filterText = text
                Keys.onEscapePressed: text = ""
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ListView {
                id: list
                objectName: "candidateList"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: pipeline
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Accessible.name: qsTr("Candidates")
                ScrollBar.vertical: ScrollBar {}

                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property int inviteId
                    required property int candidateId
                    required property string name
                    required property string email
                    required property string status
                    required property string statusText
                    required property string detail
                    required property bool revoked
                    required property int answerCount
                    required property real score
                    required property string decision
                    required property string decisionText
                    required property bool hasCv
                    required property var expiresAt
                    required property int extraTimePercent
                    width: ListView.view.width
                    onClicked: if (answerCount > 0) page.openReview(inviteId)
                    Keys.onReturnPressed: if (answerCount > 0) page.openReview(inviteId)
                    highlighted: ListView.isCurrentItem && list.activeFocus
                    Accessible.name: qsTr("%1, %2").arg(name).arg(statusText)

                    contentItem: RowLayout {
                        spacing: Theme.gap
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                text: row.name
                                font.weight: Font.Medium
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                text: row.email
                                color: Theme.mutedText
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        ColumnLayout {
                            Layout.preferredWidth: 260
                            Layout.maximumWidth: 260
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: "● " + row.statusText
                                color: Theme.statusColor(row.status)
                                font.weight: Font.Medium
                            }
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                visible: text.length > 0
                                text: row.detail
                                color: Theme.mutedText
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        RowLayout {
                            // Same width on every row, so the columns line up whatever the actions.
                            Layout.preferredWidth: 360
                            Layout.maximumWidth: 360
                            spacing: 0
                            Item { Layout.fillWidth: true }
                        Label {
                            visible: row.score > 0 || row.decision.length > 0
                            text: (row.score > 0 ? "★ " + Number(row.score).toLocaleString(Qt.locale(), "f", 1) : "")
                                  + (row.decision.length > 0 ? "  " + row.decisionText : "")
                            color: row.decision === "reject" ? Theme.danger : row.decision === "advance" ? Theme.success : Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                            rightPadding: Theme.unit
                        }
                        Button {
                            objectName: "cv:" + row.email
                            text: row.hasCv ? qsTr("CV") : qsTr("Add CV")
                            flat: true
                            visible: page.canAssign || row.hasCv
                            Accessible.name: row.hasCv ? qsTr("Read the CV of %1").arg(row.name) : qsTr("Attach a CV for %1").arg(row.name)
                            onClicked: { cvDialog.candidateId = row.candidateId; cvDialog.candidateName = row.name; cvDialog.open() }
                        }
                        Button {
                            text: qsTr("Review")
                            flat: true
                            visible: row.answerCount > 0
                            Accessible.name: qsTr("Review the answers of %1").arg(row.name)
                            onClicked: page.openReview(row.inviteId)
                        }
                        Button {
                            text: qsTr("New link")
                            flat: true
                            enabled: !pipeline.busy
                            Accessible.name: qsTr("New invite link for %1").arg(row.name)
                            onClicked: pipeline.newLink(row.candidateId, row.name)
                        }
                        Button {
                            objectName: "terms:" + row.email
                            text: qsTr("Time…")
                            flat: true
                            visible: page.canAssign && !row.revoked && (row.status === "invited" || row.status === "started" || row.status === "expired")
                            enabled: !pipeline.busy
                            Accessible.name: qsTr("Deadline and extra time for %1").arg(row.name)
                            onClicked: {
                                termsDialog.inviteId = row.inviteId
                                termsDialog.name = row.name
                                termsDialog.expiresAt = row.expiresAt
                                termsDialog.extraTimePercent = row.extraTimePercent
                                termsDialog.open()
                            }
                        }
                        Button {
                            text: qsTr("Revoke")
                            flat: true
                            visible: !row.revoked && (row.status === "invited" || row.status === "started")
                            enabled: !pipeline.busy
                            Accessible.name: qsTr("Revoke the link of %1").arg(row.name)
                            onClicked: { revokeDialog.inviteId = row.inviteId; revokeDialog.name = row.name; revokeDialog.open() }
                        }
                        // What is rarely needed stays out of the row: a candidate's data for them, and erasing it, at their request.
                        ToolButton {
                            objectName: "more:" + row.email
                            text: "⋯"
                            visible: AppSession.isAdmin
                            enabled: !pipeline.busy
                            Accessible.name: qsTr("More for %1").arg(row.name)
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("More")
                            onClicked: moreMenu.open()
                            Menu {
                                id: moreMenu
                                y: parent.height
                                MenuItem {
                                    objectName: "export:" + row.email
                                    text: qsTr("Export everything about %1…").arg(row.name)
                                    onTriggered: { exportDialog.candidateId = row.candidateId; exportDialog.name = row.name; exportDialog.open() }
                                }
                                MenuItem {
                                    objectName: "erase:" + row.email
                                    text: qsTr("Erase everything about %1…").arg(row.name)
                                    onTriggered: { eraseDialog.candidateId = row.candidateId; eraseDialog.name = row.name; eraseDialog.open() }
                                }
                            }
                        }
                        }
                    }
                }
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: pipeline.loading && !pipeline.loaded
                visible: running
            }
            EmptyState {
                objectName: "noCandidates"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: pipeline.loaded && pipeline.totalCount === 0
                title: qsTr("No candidates yet")
                text: qsTr("Add a candidate to get an invite link. They open it in a browser, check their microphone and answer when it suits them.")
                actionText: qsTr("Add the first candidate")
                onAction: addDialog.open()
            }
            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: pipeline.loaded && pipeline.totalCount > 0 && pipeline.count === 0
                title: qsTr("No candidate matches “%1”").arg(pipeline.filterText)
                text: qsTr("Search looks at names, email addresses and statuses.")
                actionText: qsTr("Clear the search")
                onAction: search.text = ""
            }
        }
    }

    Dialog {
        id: addDialog
        objectName: "addDialog"
        anchors.centerIn: parent
        width: 480
        modal: true
        Overlay.modal: Rectangle { color: "#80000000" } // the same dim in both themes (Material's dark one brightens)
        title: qsTr("Add a candidate")
        onOpened: { nameField.text = ""; emailField.text = ""; nameField.forceActiveFocus() }
        readonly property bool valid: nameField.text.trim().length > 0 && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailField.text.trim())

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.unit
            Label { text: qsTr("Name"); color: Theme.text }
            TextField {
                id: nameField
                objectName: "candidateName"
                Layout.fillWidth: true
                maximumLength: 200
                Accessible.name: qsTr("Name")
                Keys.onReturnPressed: emailField.forceActiveFocus()
            }
            Label { text: qsTr("Email"); color: Theme.text }
            TextField {
                id: emailField
                objectName: "candidateEmail"
                Layout.fillWidth: true
                maximumLength: 254
                inputMethodHints: Qt.ImhEmailCharactersOnly
                Accessible.name: qsTr("Email")
                Keys.onReturnPressed: if (addDialog.valid) pipeline.addCandidate(nameField.text, emailField.text)
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Intervox makes an invite link for this interview. Nothing is sent yet: you send the link yourself.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
            ErrorBanner {
                Layout.fillWidth: true
                error: pipeline.error
            }
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            PrimaryButton {
                objectName: "confirmAdd"
                text: qsTr("Add and make link")
                enabled: addDialog.valid && !pipeline.busy
                onClicked: pipeline.addCandidate(nameField.text, emailField.text)
            }
        }
    }

    ImportDialog {
        id: importDialog
        objectName: "importDialog"
        interviewId: page.interviewId
        onImportedAll: pipeline.reload()
    }

    Dialog {
        id: revokeDialog
        property int inviteId: 0
        property string name: ""
        anchors.centerIn: parent
        modal: true
        Overlay.modal: Rectangle { color: "#80000000" } // the same dim in both themes (Material's dark one brightens)
        title: qsTr("Revoke the link of %1?").arg(name)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            width: 380
            wrapMode: Text.Wrap
            text: qsTr("The link stops working at once; an interview in progress on it is ended. What was recorded stays.")
        }
        onAccepted: pipeline.revoke(inviteId)
    }

    ExportDialog { id: exportDialog }

    Dialog {
        id: eraseDialog
        objectName: "eraseDialog"
        property int candidateId: 0
        property string name: ""
        anchors.centerIn: parent
        modal: true
        Overlay.modal: Rectangle { color: "#80000000" }
        title: qsTr("Erase everything about %1?").arg(name)
        width: Math.min(page.width - 2 * Theme.gap, 520)
        Label {
            width: eraseDialog.availableWidth
            wrapMode: Text.Wrap
            text: qsTr("Their answers and recordings in every interview, their CV, ratings, notes and decisions are deleted for good, and their links stop working. Do this when %1 asks you to. The activity log keeps only that it was done.").arg(eraseDialog.name)
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "eraseConfirm"
                text: qsTr("Erase for good")
                flat: true
                Material.foreground: Theme.danger
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: pipeline.erase(candidateId)
    }

    Dialog {
        id: reviewersDialog
        objectName: "reviewersDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 480
        modal: true
        title: qsTr("Reviewers of %1").arg(page.interviewTitle)
        onOpened: reviewerModel.reload()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.unit
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Reviewers see only the interviews assigned to them: their candidates and answers, to rate them and keep notes. Administrators and recruiters see every interview.")
            }
            ErrorBanner {
                id: reviewersError
                Layout.fillWidth: true
                error: reviewerModel.error.isError ? reviewerModel.error : undefined
            }
            Repeater {
                model: reviewerModel
                CheckBox {
                    required property int userId
                    required property string name
                    required property string email
                    required property bool assigned
                    objectName: "reviewer:" + email
                    Layout.fillWidth: true
                    text: qsTr("%1 (%2)").arg(name).arg(email)
                    checked: assigned
                    enabled: !reviewerModel.busy
                    Accessible.name: qsTr("%1 reviews this interview").arg(name)
                    onToggled: reviewerModel.setAssigned(userId, checked)
                }
            }
            Label {
                objectName: "noReviewers"
                Layout.fillWidth: true
                visible: reviewerModel.loaded && reviewerModel.totalCount === 0
                wrapMode: Text.Wrap
                color: Theme.text
                text: AppSession.isAdmin ? qsTr("The team has no reviewers yet. Invite colleagues as reviewers on the Team page.")
                                         : qsTr("The team has no reviewers yet. An administrator can invite them.")
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: reviewerModel.loading && !reviewerModel.loaded
                visible: running
            }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Done"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
    }

    CvDialog {
        id: cvDialog
        onClosed: pipeline.reload() // "Add CV" becomes "CV"
    }

    TermsDialog {
        id: termsDialog
        pipeline: page.model
    }
}
