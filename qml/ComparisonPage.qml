import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// The candidates of one interview side by side: status, overall score, the mean rating of every criterion,
// decision, answers and their length. Any column sorts (click its header, again to reverse); Enter or a
// click reviews the candidate.
Page {
    id: page
    required property int interviewId
    property string interviewTitle: ""
    signal back()
    signal reviewCandidates(var inviteIds, int position)

    readonly property alias model: pipeline
    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Comparison of the candidates of %1").arg(interviewTitle)

    PipelineModel {
        id: pipeline
        client: AppSession.client
        events: AppSession.events
        interviewId: page.interviewId
    }

    Shortcut { sequence: "Escape"; enabled: page.visible; onActivated: page.back() }
    Shortcut { sequence: StandardKey.Find; enabled: page.visible; onActivated: search.forceActiveFocus() }

    function openReview(inviteId) {
        const ids = pipeline.reviewableInviteIds()
        const at = ids.indexOf(inviteId)
        if (at >= 0)
            page.reviewCandidates(ids, at)
    }
    function sortBy(key) {
        // First click: the best (highest, or A–Z for text) on top; a second click reverses.
        const textual = key === "name" || key === "status"
        if (pipeline.sortKey === key)
            pipeline.sortBy(key, !pipeline.sortDescending)
        else
            pipeline.sortBy(key, !textual)
    }
    function number(value, digits) { return value > 0 ? Number(value).toLocaleString(Qt.locale(), "f", digits) : "–" }
    function clock(seconds) { return seconds > 0 ? Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0") : "–" }

    // The columns: key, title, width; the criteria's come between the overall score and the decision.
    readonly property var columns: {
        let list = [{key: "name", title: qsTr("Candidate"), width: 190}, {key: "status", title: qsTr("Status"), width: 130},
                    {key: "score", title: qsTr("Overall"), width: 100}]
        for (const c of pipeline.criteria)
            list.push({key: "criterion:" + c.id, title: c.name, width: 110})
        list.push({key: "decision", title: qsTr("Decision"), width: 110}, {key: "answers", title: qsTr("Answers"), width: 80},
                  {key: "length", title: qsTr("Length"), width: 80})
        return list
    }
    readonly property int tableWidth: columns.reduce((sum, c) => sum + c.width, 0)

    header: ToolBar {
        background: Rectangle { color: Theme.surface; border.color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.unit
            anchors.rightMargin: Theme.gap
            spacing: Theme.unit
            ToolButton {
                text: qsTr("‹ Candidates")
                Accessible.name: qsTr("Back to the candidates")
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: qsTr("Compare · %1").arg(page.interviewTitle)
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextField {
                id: search
                objectName: "search"
                Layout.preferredWidth: 240
                placeholderText: qsTr("Search candidates (Ctrl+F)")
                Accessible.name: qsTr("Search candidates")
                onTextChanged: pipeline.filterText = text
                Keys.onEscapePressed: text = ""
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.unit

        ErrorBanner {
            Layout.fillWidth: true
            error: pipeline.error
            actionText: qsTr("Try again")
            onAction: pipeline.reload()
        }
        Label {
            objectName: "summary"
            text: pipeline.sortKey.length > 0
                  ? qsTr("%1 of %2 candidates · sorted by %3").arg(pipeline.count).arg(pipeline.totalCount)
                        .arg(page.columns.find(c => c.key === pipeline.sortKey)?.title ?? "")
                  : qsTr("%1 of %2 candidates · newest first").arg(pipeline.count).arg(pipeline.totalCount)
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            clip: true

            Flickable {
                id: horizontal
                anchors.fill: parent
                anchors.margins: 1
                contentWidth: Math.max(width, page.tableWidth)
                contentHeight: height
                flickableDirection: Flickable.HorizontalFlick
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.horizontal: ScrollBar {}

                ColumnLayout {
                    width: horizontal.contentWidth
                    height: horizontal.height
                    spacing: 0
                    // ---- sortable headers
                    Row {
                        objectName: "headers"
                        Layout.preferredHeight: 40
                        Repeater {
                            model: page.columns
                            delegate: ItemDelegate {
                                required property var modelData
                                readonly property bool sorted: pipeline.sortKey === modelData.key
                                objectName: "header-" + modelData.key
                                width: modelData.width
                                height: 40
                                leftPadding: Theme.unit
                                rightPadding: 2
                                text: (sorted ? (pipeline.sortDescending ? "▼ " : "▲ ") : "") + modelData.title
                                font.weight: Font.DemiBold
                                font.pixelSize: Theme.fontSmall
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Sort by %1").arg(modelData.title)
                                Accessible.name: qsTr("Sort by %1").arg(modelData.title)
                                onClicked: page.sortBy(modelData.key)
                            }
                        }
                    }
                    Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
                    ListView {
                        id: table
                        objectName: "comparisonTable"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: pipeline
                        keyNavigationEnabled: true
                        activeFocusOnTab: true
                        focus: true
                        reuseItems: true
                        Accessible.name: qsTr("Candidates compared")
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            id: row
                            required property int index
                            required property int inviteId
                            required property string name
                            required property string statusText
                            required property string status
                            required property real score
                            required property var scores
                            required property string decision
                            required property string decisionText
                            required property int answerCount
                            required property int answerSeconds
                            width: page.tableWidth
                            height: 40
                            padding: 0
                            highlighted: ListView.isCurrentItem && table.activeFocus
                            Accessible.name: qsTr("%1, %2, overall %3").arg(name).arg(statusText).arg(page.number(score, 1))
                            onClicked: { table.currentIndex = index; page.openReview(inviteId) }
                            Keys.onReturnPressed: page.openReview(inviteId)
                            contentItem: Row {
                                Repeater {
                                    model: page.columns
                                    delegate: Label {
                                        required property var modelData
                                        required property int index
                                        width: modelData.width
                                        height: 40
                                        leftPadding: Theme.unit
                                        verticalAlignment: Text.AlignVCenter
                                        elide: Text.ElideRight
                                        color: modelData.key === "status" ? Theme.statusColor(row.status)
                                             : modelData.key === "decision" ? (row.decision === "reject" ? Theme.danger : row.decision === "advance" ? Theme.success : Theme.text)
                                             : Theme.text
                                        font.weight: modelData.key === "name" || modelData.key === "score" ? Font.Medium : Font.Normal
                                        text: {
                                            const k = modelData.key
                                            if (k === "name") return row.name
                                            if (k === "status") return row.statusText
                                            if (k === "score") return page.number(row.score, 2)
                                            if (k === "decision") return row.decision.length > 0 ? row.decisionText : "–"
                                            if (k === "answers") return row.answerCount > 0 ? String(row.answerCount) : "–"
                                            if (k === "length") return page.clock(row.answerSeconds)
                                            return page.number(row.scores[index - 3], 1)
                                        }
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
                anchors.centerIn: parent
                visible: pipeline.loaded && pipeline.totalCount === 0
                title: qsTr("No candidates to compare")
                text: qsTr("Add candidates to this interview; once they answer, their ratings line up here.")
            }
        }
    }
}
