import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// The organization's team, for administrators: invite colleagues as administrator, recruiter or reviewer (a
// reviewer sees only the interviews assigned to them), change roles, make new setup links, disable members.
Page {
    id: page
    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Team")
    function reload() { team.reload() }

    readonly property alias model: team
    TeamModel {
        id: team
        client: AppSession.client
        onSetupLinkReady: (userId, url, expiresAt) => {
            linkDialog.url = url
            linkDialog.expiresAt = expiresAt
            linkDialog.open()
        }
        onChangeFailed: (error) => { changeError.error = error }
        onSignedOutEverywhere: (userId) => { teamNote.text = qsTr("Signed out everywhere: they sign in again on every device.") }
    }

    Shortcut { sequence: StandardKey.Find; enabled: page.visible; onActivated: search.forceActiveFocus() }
    Shortcut { sequence: StandardKey.New; enabled: page.visible; onActivated: inviteDialog.open() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Team")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Item { Layout.fillWidth: true }
            TextField {
                id: search
                objectName: "teamSearch"
                Layout.preferredWidth: 260
                placeholderText: qsTr("Search by name or email (Ctrl+F)")
                Accessible.name: qsTr("Search the team")
                onTextChanged: team.filterText = text
                Keys.onEscapePressed: text = ""
            }
            Button {
                objectName: "openRetention"
                text: qsTr("Data retention…")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("How long recordings and candidates are kept")
                onClicked: retentionDialog.open()
            }
            PrimaryButton {
                objectName: "inviteMember"
                text: qsTr("Invite a colleague")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+N")
                onClicked: inviteDialog.open()
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Administrators manage the team and every interview. Recruiters build interviews, invite candidates and decide. Reviewers rate the answers of the interviews assigned to them, and see nothing else.")
        }

        Label {
            objectName: "embeddedTeamNote"
            Layout.fillWidth: true
            visible: AppSession.embedded
            wrapMode: Text.Wrap
            color: Theme.warning
            text: qsTr("This is the server inside the app: it answers only on this computer, so a colleague's setup link opens only here. To work as a team, add your organization's Intervox server (the server menu at the bottom left) and invite colleagues there.")
        }

        ErrorBanner {
            Layout.fillWidth: true
            error: team.error
            actionText: qsTr("Try again")
            onAction: team.reload()
        }
        Label {
            id: teamNote
            objectName: "teamNote"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.mutedText
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        ErrorBanner {
            id: changeError
            objectName: "teamChangeError"
            Layout.fillWidth: true
            error: undefined
            actionText: qsTr("Dismiss")
            onAction: error = undefined
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ListView {
                id: list
                objectName: "teamList"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: team
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Accessible.name: qsTr("Team members")
                ScrollBar.vertical: ScrollBar {}

                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property int userId
                    required property string name
                    required property string email
                    required property string memberRole
                    required property string roleText
                    required property string status
                    required property string statusText
                    required property int assignedCount
                    readonly property bool editable: memberRole !== "owner" && status !== "disabled" && userId !== AppSession.userId
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem && list.activeFocus
                    Accessible.name: qsTr("%1, %2, %3").arg(name).arg(roleText).arg(statusText)

                    contentItem: RowLayout {
                        spacing: Theme.gap
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                text: row.name
                                font.pixelSize: Theme.fontBody + 1
                                font.weight: Font.Medium
                                color: row.status === "disabled" ? Theme.mutedText : Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                color: Theme.mutedText
                                font.pixelSize: Theme.fontSmall
                                text: row.memberRole === "reviewer"
                                      ? [row.email, row.statusText, qsTr("%n interview(s) assigned", "", row.assignedCount)].join(" · ")
                                      : [row.email, row.statusText].join(" · ")
                            }
                        }
                        Label {
                            visible: !row.editable
                            text: row.roleText
                            color: Theme.mutedText
                        }
                        ComboBox {
                            objectName: "role:" + row.email
                            visible: row.editable
                            Layout.preferredWidth: 180
                            model: team.assignableRoles()
                            textRole: "text"
                            valueRole: "value"
                            enabled: !team.busy
                            Accessible.name: qsTr("Role of %1").arg(row.name)
                            Component.onCompleted: currentIndex = indexOfValue(row.memberRole)
                            onActivated: if (currentValue !== row.memberRole) team.setRole(row.userId, currentValue)
                        }
                        Button {
                            visible: row.editable
                            flat: true
                            text: row.status === "invited" ? qsTr("New setup link") : qsTr("Password reset link")
                            enabled: !team.busy
                            Accessible.name: qsTr("%1 for %2").arg(text).arg(row.name)
                            onClicked: team.newSetupLink(row.userId)
                        }
                        Button {
                            objectName: "signout:" + row.email
                            visible: row.editable && row.status === "active"
                            flat: true
                            text: qsTr("Sign out everywhere")
                            enabled: !team.busy
                            Accessible.name: qsTr("Sign %1 out everywhere").arg(row.name)
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Ends every session of %1, on every device (a lost laptop, a shared computer)").arg(row.name)
                            onClicked: team.signOutEverywhere(row.userId)
                        }
                        Button {
                            objectName: "disable:" + row.email
                            visible: row.editable
                            flat: true
                            text: qsTr("Disable")
                            enabled: !team.busy
                            Accessible.name: qsTr("Disable %1").arg(row.name)
                            onClicked: {
                                disableDialog.userId = row.userId
                                disableDialog.name = row.name
                                disableDialog.open()
                            }
                        }
                    }
                }
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: team.loading && !team.loaded
                visible: running
            }
            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: team.loaded && team.totalCount > 0 && team.count === 0
                title: qsTr("No one matches “%1”").arg(team.filterText)
                text: qsTr("Search looks at names and email addresses.")
                actionText: qsTr("Clear the search")
                onAction: search.text = ""
            }
            EmptyState {
                objectName: "aloneInTeam"
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.pagePadding
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: team.loaded && team.totalCount === 1
                title: qsTr("Hiring is a team sport")
                text: qsTr("Invite the colleagues who review answers with you. Each gets a link to set a password.")
                actionText: qsTr("Invite a colleague")
                onAction: inviteDialog.open()
            }
        }
    }

    // ---- invite
    RetentionDialog { id: retentionDialog }

    Dialog {
        id: inviteDialog
        objectName: "inviteDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 480
        modal: true
        title: qsTr("Invite a colleague")
        onOpened: {
            memberName.text = ""
            memberEmail.text = ""
            memberRole.currentIndex = memberRole.indexOfValue("recruiter")
            memberName.forceActiveFocus()
        }
        function send() {
            if (memberName.text.trim().length === 0 || memberEmail.text.trim().length === 0)
                return
            team.invite(memberName.text.trim(), memberEmail.text.trim(), memberRole.currentValue)
            close()
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.unit
            Label { text: qsTr("Name"); color: Theme.text }
            TextField {
                id: memberName
                objectName: "memberName"
                Layout.fillWidth: true
                Accessible.name: qsTr("Name")
                maximumLength: 200
            }
            Label { text: qsTr("Email"); color: Theme.text }
            TextField {
                id: memberEmail
                objectName: "memberEmail"
                Layout.fillWidth: true
                Accessible.name: qsTr("Email")
                inputMethodHints: Qt.ImhEmailCharactersOnly
                maximumLength: 254
                onAccepted: inviteDialog.send()
            }
            Label { text: qsTr("Role"); color: Theme.text }
            ComboBox {
                id: memberRole
                objectName: "memberRole"
                Layout.fillWidth: true
                model: team.assignableRoles()
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Role")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                text: qsTr("You get a link to send them: it works once, for 7 days, and lets them set their password.")
            }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            PrimaryButton {
                objectName: "sendInvite"
                text: qsTr("Invite")
                enabled: memberName.text.trim().length > 0 && memberEmail.text.trim().length > 0
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: inviteDialog.send()
            }
        }
    }

    // ---- the setup link, shown once
    Dialog {
        id: linkDialog
        objectName: "setupLinkDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 560
        modal: true
        title: qsTr("Send this link")
        property string url
        property var expiresAt
        onOpened: { link.selectAll(); link.forceActiveFocus() }
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.unit
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("Send it in a message of your own. It is shown only now: the server keeps only a fingerprint of it. It works once, until %1.")
                      .arg(linkDialog.expiresAt ? linkDialog.expiresAt.toLocaleString(Qt.locale(), Locale.ShortFormat) : "")
            }
            TextField {
                id: link
                objectName: "setupLink"
                Layout.fillWidth: true
                readOnly: true
                text: linkDialog.url
                Accessible.name: qsTr("Setup link")
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "copyLink"
                text: qsTr("Copy link")
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: { link.selectAll(); link.copy() }
            }
            Button { text: qsTr("Done"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
    }

    // ---- disable, confirmed
    Dialog {
        id: disableDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 480
        modal: true
        title: qsTr("Disable %1?").arg(name)
        property int userId
        property string name
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("They are signed out everywhere and can no longer sign in. Their ratings, notes and decisions stay, with their name.")
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                objectName: "confirmDisable"
                text: qsTr("Disable")
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: { team.disable(disableDialog.userId); disableDialog.close() }
            }
        }
    }
}
