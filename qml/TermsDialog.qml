import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// A later deadline and extra time for one candidate's link (PipelineModel.changeTerms, PUT /invites/{id}).
Dialog {
    id: termsDialog
    objectName: "termsDialog"
    required property PipelineModel pipeline
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: 480
    modal: true
    title: qsTr("Deadline and extra time for %1").arg(name)
    property int inviteId
    property string name
    property var expiresAt
    property int extraTimePercent
    // The usual choices, and the invite's own value when the API set another (so saving keeps it).
    readonly property var extraChoices: [0, 25, 50, 100].concat([0, 25, 50, 100].indexOf(extraTimePercent) < 0 ? [extraTimePercent] : [])
                                                          .sort((a, b) => a - b)
    onOpened: {
        extend.currentIndex = 0
        const known = extraChoices.indexOf(extraTimePercent)
        extra.currentIndex = known >= 0 ? known : 0
        extend.forceActiveFocus()
    }
    Connections {
        target: termsDialog.pipeline
        function onActionDone(ok) { if (ok) termsDialog.close() }
    }
    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: termsDialog.expiresAt && !isNaN(termsDialog.expiresAt.getTime())
                  ? (termsDialog.expiresAt < new Date() ? qsTr("The link expired on %1.") : qsTr("The link is valid until %1."))
                        .arg(termsDialog.expiresAt.toLocaleDateString(Qt.locale(), Locale.LongFormat))
                  : ""
        }
        Label { text: qsTr("Deadline"); color: Theme.text; Layout.topMargin: Theme.unit }
        ComboBox {
            id: extend
            objectName: "extendDays"
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "days"
            model: [{days: 0, text: qsTr("Keep it")}, {days: 7, text: qsTr("7 more days")},
                    {days: 14, text: qsTr("14 more days")}, {days: 30, text: qsTr("30 more days")}]
            Accessible.name: qsTr("Deadline")
        }
        Label { text: qsTr("Extra time on every question"); color: Theme.text; Layout.topMargin: Theme.unit }
        ComboBox {
            id: extra
            objectName: "extraTime"
            Layout.fillWidth: true
            model: termsDialog.extraChoices.map(p => p === 0 ? qsTr("None") : qsTr("%1 % more").arg(p))
            Accessible.name: qsTr("Extra time on every question")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
            text: qsTr("Extra time lengthens the thinking and answering time of every question, for example as an accommodation. A candidate who is already answering gets it from the next question.")
        }
        ErrorBanner {
            Layout.fillWidth: true
            error: termsDialog.pipeline.error
        }
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        PrimaryButton {
            objectName: "saveTerms"
            text: qsTr("Save")
            enabled: !termsDialog.pipeline.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: termsDialog.pipeline.changeTerms(termsDialog.inviteId, extend.currentValue, termsDialog.extraChoices[extra.currentIndex])
        }
    }
}
