import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// One question in the builder: its text, thinking time, answer limit and retakes; moved with Alt+↑/↓, the arrow
// buttons, or by dragging its handle (dropped where the pointer lets go).
Rectangle {
    id: card
    required property int index
    required property string text
    required property int thinkSeconds
    required property int answerSeconds
    required property int retakes
    required property string problem
    required property var questions    // the QuestionListModel
    signal selected()

    color: Theme.surface
    border.color: card.ListView.isCurrentItem || drag.active ? Theme.accent : Theme.border
    z: drag.active ? 2 : 0
    // While dragged the card follows the pointer; the list changes once, on the drop.
    transform: Translate { y: drag.active ? drag.translation.y : 0 }
    radius: Theme.radius
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Question %1").arg(index + 1)

    function moveBy(delta) {
        const to = index + delta
        if (questions.move(index, to)) {
            card.ListView.view.currentIndex = to
            // The delegate of the new row gets the focus back, so the next Alt+↑/↓ moves it further.
            Qt.callLater(() => { const item = card.ListView.view.itemAtIndex(to); if (item) item.focusText() })
        }
    }
    function focusText() { textArea.forceActiveFocus() }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.unit

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "dragHandle"
                text: "⠿"
                font.pixelSize: Theme.fontHeading
                color: drag.active ? Theme.accent : Theme.mutedText
                ToolTip.visible: handleHover.hovered && !drag.active
                ToolTip.text: qsTr("Drag to move the question")
                HoverHandler { id: handleHover; cursorShape: drag.active ? Qt.ClosedHandCursor : Qt.OpenHandCursor }
                DragHandler {
                    id: drag
                    target: null
                    xAxis.enabled: false
                    onActiveChanged: {
                        if (active) {
                            card.selected()
                            return
                        }
                        const step = card.height + card.ListView.view.spacing
                        const rows = Math.round(translation.y / step)
                        const to = Math.max(0, Math.min(card.questions.count - 1, card.index + rows))
                        if (to !== card.index)
                            card.moveBy(to - card.index)
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Question %1").arg(card.index + 1)
                font.weight: Font.DemiBold
                color: Theme.text
            }
            ToolButton {
                text: "↑"
                enabled: card.index > 0
                Accessible.name: qsTr("Move question %1 up").arg(card.index + 1)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Move up (Alt+↑)")
                onClicked: card.moveBy(-1)
            }
            ToolButton {
                text: "↓"
                enabled: card.index < card.questions.count - 1
                Accessible.name: qsTr("Move question %1 down").arg(card.index + 1)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Move down (Alt+↓)")
                onClicked: card.moveBy(1)
            }
            ToolButton {
                text: qsTr("Remove")
                enabled: card.questions.count > 1
                Accessible.name: qsTr("Remove question %1").arg(card.index + 1)
                onClicked: card.questions.remove(card.index)
            }
        }
        FormTextArea {
            id: textArea
            objectName: "questionText"
            Layout.fillWidth: true
            wrapMode: TextEdit.Wrap
            text: card.text
            placeholderText: qsTr("e.g. Tell us about a time you turned an unhappy customer around.")
            Accessible.name: qsTr("Text of question %1").arg(card.index + 1)
            onTextChanged: if (text !== card.text) card.questions.setField(card.index, "text", text)
            onActiveFocusChanged: if (activeFocus) card.selected()
            Keys.onPressed: (event) => {
                if (event.modifiers & Qt.AltModifier && event.key === Qt.Key_Up) { card.moveBy(-1); event.accepted = true }
                else if (event.modifiers & Qt.AltModifier && event.key === Qt.Key_Down) { card.moveBy(1); event.accepted = true }
                else if (event.modifiers & Qt.ControlModifier && (event.key === Qt.Key_Return || event.key === Qt.Key_Enter)) {
                    const row = card.questions.add(card.index)
                    if (row >= 0) {
                        card.ListView.view.currentIndex = row
                        Qt.callLater(() => { const item = card.ListView.view.itemAtIndex(row); if (item) item.focusText() })
                    }
                    event.accepted = true
                }
            }
        }
        Label {
            visible: card.problem.length > 0 && textArea.text.length > 0
            text: card.problem
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap * 1.5
            // Each label stays with its box when the row wraps.
            Row {
                spacing: Theme.unit
                Label { height: think.height; verticalAlignment: Text.AlignVCenter; text: qsTr("Thinking time"); color: Theme.mutedText }
                SpinBox {
                    id: think
                    from: 0; to: 600; stepSize: 5
                    value: card.thinkSeconds
                    editable: true
                    Accessible.name: qsTr("Thinking time in seconds, question %1").arg(card.index + 1)
                    textFromValue: (v) => qsTr("%1 s").arg(v)
                    valueFromText: (t) => parseInt(t)
                    onValueModified: card.questions.setField(card.index, "thinkSeconds", value)
                }
            }
            Row {
                spacing: Theme.unit
                Label { height: answer.height; verticalAlignment: Text.AlignVCenter; text: qsTr("Answer limit"); color: Theme.mutedText }
                SpinBox {
                    id: answer
                    from: 10; to: 1800; stepSize: 10
                    value: card.answerSeconds
                    editable: true
                    Accessible.name: qsTr("Answer limit in seconds, question %1").arg(card.index + 1)
                    textFromValue: (v) => v >= 60 && v % 60 === 0 ? qsTr("%1 min").arg(v / 60) : qsTr("%1 s").arg(v)
                    valueFromText: (t) => t.indexOf("min") >= 0 ? parseInt(t) * 60 : parseInt(t)
                    onValueModified: card.questions.setField(card.index, "answerSeconds", value)
                }
            }
            Row {
                spacing: Theme.unit
                Label { height: retakes.height; verticalAlignment: Text.AlignVCenter; text: qsTr("Retakes"); color: Theme.mutedText }
                SpinBox {
                    id: retakes
                    width: 140
                    from: 0; to: 5
                    value: card.retakes
                    Accessible.name: qsTr("Retakes allowed, question %1").arg(card.index + 1)
                    onValueModified: card.questions.setField(card.index, "retakes", value)
                }
            }
        }
    }
}
