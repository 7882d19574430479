import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Intervox

// The organization's activity log, for administrators: who signed in (or failed to), opened a recording or a CV,
// changed or decided what, and from where — over a period and for a kind of action, searchable, and exported as
// CSV exactly as shown.
Page {
    id: page
    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Activity log")
    function reload() { audit.reload() }

    readonly property alias model: audit
    AuditModel {
        id: audit
        client: AppSession.client
        onExported: (path) => { exportNote.text = qsTr("Saved to %1 (only you can open it).").arg(path); exportError.error = undefined }
        onExportFailed: (error) => { exportNote.text = ""; exportError.error = error }
    }
    Component.onCompleted: audit.reload()

    FileDialog {
        id: saveFile
        title: qsTr("Export the activity log")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: audit.exportTo(selectedFile)
    }

    Shortcut { sequence: StandardKey.Find; enabled: page.visible; onActivated: search.forceActiveFocus() }
    Shortcut { sequence: StandardKey.Refresh; enabled: page.visible; onActivated: audit.reload() }
    Shortcut { sequence: "Ctrl+Shift+E"; enabled: page.visible && !audit.exporting; onActivated: saveFile.open() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Activity log")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "exportAudit"
                text: audit.exporting ? qsTr("Exporting…") : qsTr("Export CSV…")
                enabled: !audit.exporting
                Accessible.name: qsTr("Export what is shown as a CSV file")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+Shift+E")
                onClicked: saveFile.open()
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Everything that touches candidates' data is recorded here, with who did it and from which address: sign-ins, opened recordings and CVs, changes and decisions. Entries cannot be changed or deleted.")
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            ComboBox {
                id: period
                objectName: "auditPeriod"
                Layout.preferredWidth: 200
                model: audit.periods()
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Period")
                Component.onCompleted: currentIndex = indexOfValue(audit.days)
                onActivated: audit.days = currentValue
            }
            ComboBox {
                id: family
                objectName: "auditFamily"
                Layout.preferredWidth: 260
                model: audit.families()
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Kind of activity")
                onActivated: audit.family = currentValue
            }
            Item { Layout.fillWidth: true }
            TextField {
                id: search
                objectName: "auditSearch"
                Layout.preferredWidth: 360
                placeholderText: qsTr("Search by person, action or address (Ctrl+F)")
                Accessible.name: qsTr("Search the activity log")
                onTextChanged: audit.filterText = text
                Keys.onEscapePressed: text = ""
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            error: audit.error
            actionText: qsTr("Try again")
            onAction: audit.reload()
        }
        ErrorBanner {
            id: exportError
            objectName: "exportError"
            Layout.fillWidth: true
            error: undefined
            actionText: qsTr("Dismiss")
            onAction: error = undefined
        }
        Label {
            id: exportNote
            objectName: "exportNote"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.success
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ListView {
                id: list
                objectName: "auditList"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: audit
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Accessible.name: qsTr("Activity")
                ScrollBar.vertical: ScrollBar {}

                header: RowLayout {
                    width: ListView.view.width
                    height: 36
                    spacing: Theme.gap
                    Repeater {
                        // The same widths as the rows' columns below.
                        model: [{text: qsTr("When"), width: 170 - Theme.gap}, {text: qsTr("Who"), width: 180}, {text: qsTr("What"), width: 270},
                                {text: qsTr("Object"), width: -1}, {text: qsTr("From"), width: 150}]
                        Label {
                            required property var modelData
                            Layout.leftMargin: index === 0 ? Theme.gap : 0
                            Layout.rightMargin: index === 4 ? Theme.gap : 0
                            Layout.preferredWidth: modelData.width > 0 ? modelData.width : -1
                            Layout.fillWidth: modelData.width < 0
                            text: modelData.text
                            color: Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            required property int index
                        }
                    }
                }

                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property string atText
                    required property string who
                    required property string actionText
                    required property string target
                    required property string address
                    required property bool failed
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem && list.activeFocus
                    Accessible.name: qsTr("%1: %2, %3, %4 from %5").arg(atText).arg(who).arg(actionText).arg(target).arg(address)
                    contentItem: RowLayout {
                        spacing: Theme.gap
                        Label { Layout.preferredWidth: 170 - Theme.gap; text: row.atText; color: Theme.mutedText; elide: Text.ElideRight }
                        Label { Layout.preferredWidth: 180; text: row.who; color: Theme.text; elide: Text.ElideRight }
                        Label {
                            Layout.preferredWidth: 270
                            text: row.actionText
                            color: row.failed ? Theme.danger : Theme.text
                            font.weight: row.failed ? Font.DemiBold : Font.Normal
                            elide: Text.ElideRight
                        }
                        Label { Layout.fillWidth: true; text: row.target; color: Theme.mutedText; elide: Text.ElideRight; font.family: "monospace" }
                        Label { Layout.preferredWidth: 150; text: row.address; color: Theme.mutedText; elide: Text.ElideRight }
                    }
                }
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: audit.loading && !audit.loaded
                visible: running
            }
            EmptyState {
                objectName: "auditNoMatch"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: audit.loaded && audit.totalCount > 0 && audit.count === 0
                title: qsTr("Nothing matches “%1”").arg(audit.filterText)
                text: qsTr("Search looks at names, actions, objects and addresses.")
                actionText: qsTr("Clear the search")
                onAction: search.text = ""
            }
            EmptyState {
                objectName: "auditEmpty"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: audit.loaded && audit.totalCount === 0 && !audit.error.isError
                title: qsTr("Nothing recorded in this period")
                text: qsTr("Choose a longer period or another kind of activity.")
            }
        }
    }
}
