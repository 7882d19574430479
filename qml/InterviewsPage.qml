import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// The organization's interviews: search, open, duplicate, create.
Page {
    id: page
    signal openInterview(int id, string title)
    signal newInterview()
    signal duplicateInterview(int id)
    function reload() { interviews.reload() }

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Interviews")

    readonly property alias model: interviews
    InterviewListModel {
        id: interviews
        client: AppSession.client
    }

    Shortcut { sequence: StandardKey.New; enabled: page.visible; onActivated: page.newInterview() }
    Shortcut { sequence: StandardKey.Find; enabled: page.visible; onActivated: search.forceActiveFocus() }
    Shortcut { sequence: StandardKey.Refresh; enabled: page.visible; onActivated: interviews.reload() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                text: qsTr("Interviews")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Item { Layout.fillWidth: true }
            TextField {
                id: search
                objectName: "search"
                Layout.preferredWidth: 280
                placeholderText: qsTr("Search interviews (Ctrl+F)")
                Accessible.name: qsTr("Search interviews")
                onTextChanged: interviews.filterText = text
                Keys.onEscapePressed: text = ""
                Keys.onDownPressed: { list.forceActiveFocus(); list.currentIndex = 0 }
            }
            PrimaryButton {
                objectName: "newInterview"
                text: qsTr("New interview")
                Accessible.name: qsTr("New interview")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+N")
                onClicked: page.newInterview()
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            error: interviews.error
            actionText: qsTr("Try again")
            onAction: interviews.reload()
        }

        Label {
            visible: interviews.loaded && interviews.totalCount > 0
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
            text: interviews.filterText.length > 0
                  ? qsTr("%1 of %n interview(s)", "", interviews.totalCount).arg(interviews.count)
                  : qsTr("%n interview(s)", "", interviews.totalCount)
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ListView {
                id: list
                objectName: "interviewList"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: interviews
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Accessible.name: qsTr("Interview list")
                ScrollBar.vertical: ScrollBar {}
                Keys.onReturnPressed: if (currentItem) page.openInterview(currentItem.interviewId, currentItem.title)
                Keys.onEnterPressed: if (currentItem) page.openInterview(currentItem.interviewId, currentItem.title)

                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property int interviewId
                    required property string title
                    required property string language
                    required property int questionCount
                    required property var deadline
                    required property var createdAt
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem && list.activeFocus
                    Accessible.name: qsTr("%1, %n question(s)", "", questionCount).arg(title)
                    onClicked: page.openInterview(interviewId, title)

                    contentItem: RowLayout {
                        spacing: Theme.gap
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                text: row.title
                                font.pixelSize: Theme.fontBody + 1
                                font.weight: Font.Medium
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                color: Theme.mutedText
                                font.pixelSize: Theme.fontSmall
                                text: [qsTr("%n question(s)", "", row.questionCount),
                                       row.language === "de" ? qsTr("German") : qsTr("English"),
                                       row.deadline && !isNaN(row.deadline.getTime())
                                           ? qsTr("deadline %1").arg(row.deadline.toLocaleDateString(Qt.locale(), Locale.ShortFormat))
                                           : qsTr("no deadline")].join(" · ")
                            }
                        }
                        Button {
                            text: qsTr("Duplicate")
                            flat: true
                            Accessible.name: qsTr("Duplicate %1").arg(row.title)
                            onClicked: page.duplicateInterview(row.interviewId)
                        }
                    }
                }
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: interviews.loading && !interviews.loaded
                visible: running
            }

            EmptyState {
                objectName: "noInterviews"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: interviews.loaded && interviews.totalCount === 0
                title: qsTr("No interviews yet")
                text: qsTr("An interview is a list of questions that candidates answer by voice, in their browser, when it suits them.")
                actionText: qsTr("Create the first interview")
                onAction: page.newInterview()
            }
            EmptyState {
                objectName: "noMatch"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: interviews.loaded && interviews.totalCount > 0 && interviews.count === 0
                title: qsTr("No interview matches “%1”").arg(interviews.filterText)
                text: qsTr("Search looks at the titles. Clear the search to see every interview.")
                actionText: qsTr("Clear the search")
                onAction: search.text = ""
            }
        }
    }
}
