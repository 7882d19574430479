import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// The interview builder: title, language, deadline, introduction and the questions, saved with a check that
// nobody else changed the interview meanwhile.
Page {
    id: editor
    property int interviewId: 0
    property int copyOf: 0
    property bool wasDeleted: false
    // Preview asked for with unsaved changes: saved first, then previewed (and the builder stays open).
    property bool previewAfterSave: false
    property bool previewOpened: false
    signal closed()

    background: Rectangle { color: Theme.background }
    Accessible.name: draft.isNew ? qsTr("New interview") : qsTr("Edit interview")

    readonly property alias draft: draft
    InterviewDraft {
        id: draft
        client: AppSession.client
        onSaved: {
            if (!editor.previewAfterSave)
                return editor.closed()
            editor.previewAfterSave = false
            draft.preview()
        }
        onRemoved: { editor.wasDeleted = true; editor.closed() }
        onPreviewReady: (url) => { editor.previewOpened = true; AppSession.openInBrowser(url) }
        onEdited: editor.previewOpened = false
        onErrorChanged: if (draft.error.isError) editor.previewAfterSave = false
    }
    function preview() {
        if (draft.busy)
            return
        if (draft.dirty || draft.isNew) {
            previewAfterSave = true
            draft.save()
        } else {
            draft.preview()
        }
    }
    Component.onCompleted: {
        if (copyOf > 0)
            draft.duplicate(copyOf)
        else if (interviewId > 0)
            draft.load(interviewId)
        titleField.forceActiveFocus()
    }

    Shortcut { sequence: StandardKey.Save; enabled: editor.visible; onActivated: draft.save() }
    Shortcut { sequence: "Ctrl+Shift+P"; enabled: editor.visible && draft.canSave; onActivated: editor.preview() }
    Shortcut { sequence: "Escape"; enabled: editor.visible; onActivated: editor.closed() }

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
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Esc")
                onClicked: editor.closed()
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: draft.isNew ? qsTr("New interview") : draft.title
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Label {
                objectName: "previewOpened"
                visible: editor.previewOpened && !draft.dirty
                text: qsTr("Preview opened in your browser")
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Label {
                visible: draft.dirty
                text: qsTr("Unsaved changes")
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
            Button {
                objectName: "preview"
                flat: true
                text: qsTr("Preview")
                enabled: draft.canSave && !draft.busy
                Accessible.name: qsTr("Preview the candidate page in your browser")
                ToolTip.visible: hovered
                ToolTip.text: draft.dirty || draft.isNew ? qsTr("Saves, then opens the candidate page in your browser as candidates will see it (Ctrl+Shift+P)")
                                                         : qsTr("Opens the candidate page in your browser as candidates will see it (Ctrl+Shift+P)")
                onClicked: editor.preview()
            }
            Button {
                visible: !draft.isNew
                text: qsTr("Delete")
                flat: true
                enabled: !draft.busy
                onClicked: confirmDelete.open()
            }
            PrimaryButton {
                objectName: "save"
                text: draft.isNew ? qsTr("Create interview") : qsTr("Save")
                enabled: draft.canSave && (draft.dirty || draft.isNew) && !draft.busy
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+S")
                onClicked: draft.save()
            }
        }
    }

    Dialog {
        id: confirmDelete
        anchors.centerIn: parent
        modal: true
        Overlay.modal: Rectangle { color: "#80000000" } // the same dim in both themes (Material's dark one brightens)
        title: qsTr("Delete “%1”?").arg(draft.title)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            width: 360
            wrapMode: Text.Wrap
            text: qsTr("The interview, its questions and its unused invite links are deleted. An interview that candidates have started cannot be deleted.")
        }
        onAccepted: draft.remove()
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 2 * Theme.pagePadding, Theme.contentMaxWidth)
            x: Math.max(Theme.pagePadding, (scroll.availableWidth - width) / 2)
            spacing: Theme.gap

            Item { Layout.preferredHeight: Theme.unit }

            ErrorBanner {
                Layout.fillWidth: true
                error: draft.error
                actionText: draft.error.code === "changed" && !draft.isNew ? qsTr("Reload") : ""
                onAction: draft.load(draft.interviewId)
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: draft.busy
                visible: running
            }

            // ---- the interview
            Label { text: qsTr("Title"); color: Theme.text; font.weight: Font.Medium }
            TextField {
                id: titleField
                objectName: "title"
                Layout.fillWidth: true
                text: draft.title
                placeholderText: qsTr("e.g. Customer support engineer, first round")
                maximumLength: 200
                Accessible.name: qsTr("Title")
                onTextEdited: draft.title = text
            }
            Label {
                visible: draft.titleProblem.length > 0 && titleField.text.length > 0
                text: draft.titleProblem
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap * 2
                ColumnLayout {
                    Label { text: qsTr("Language of the candidate page"); color: Theme.text; font.weight: Font.Medium }
                    ComboBox {
                        id: language
                        Layout.preferredWidth: 220
                        textRole: "label"
                        valueRole: "code"
                        model: [{code: "en", label: qsTr("English")}, {code: "de", label: qsTr("German")}]
                        currentIndex: draft.language === "de" ? 1 : 0
                        Accessible.name: qsTr("Language of the candidate page")
                        onActivated: draft.language = currentValue
                    }
                }
                ColumnLayout {
                    Label { text: qsTr("Deadline"); color: Theme.text; font.weight: Font.Medium }
                    RowLayout {
                        CheckBox {
                            id: hasDeadline
                            text: qsTr("Answers accepted until")
                            checked: !isNaN(draft.deadline.getTime())
                            onToggled: {
                                if (checked) {
                                    const d = new Date()
                                    d.setDate(d.getDate() + 14)
                                    d.setHours(23, 59, 0, 0)
                                    draft.deadline = d
                                } else {
                                    draft.deadline = new Date(NaN)
                                }
                            }
                        }
                        TextField {
                            id: deadlineField
                            visible: hasDeadline.checked
                            Layout.preferredWidth: 130
                            placeholderText: qsTr("YYYY-MM-DD")
                            inputMask: "9999-99-99"
                            text: isNaN(draft.deadline.getTime()) ? "" : Qt.formatDate(draft.deadline, "yyyy-MM-dd")
                            Accessible.name: qsTr("Deadline date, year-month-day")
                            onEditingFinished: {
                                const parts = text.split("-").map(Number)
                                const d = new Date(parts[0], parts[1] - 1, parts[2], 23, 59, 0, 0)
                                if (!isNaN(d.getTime()) && d.getMonth() === parts[1] - 1)
                                    draft.deadline = d
                            }
                        }
                    }
                    Label {
                        visible: draft.deadlineProblem.length > 0
                        text: draft.deadlineProblem
                        color: Theme.danger
                        font.pixelSize: Theme.fontSmall
                    }
                }
                Item { Layout.fillWidth: true }
            }

            Label { text: qsTr("Introduction"); color: Theme.text; font.weight: Font.Medium }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Shown to candidates before the first question: who you are and what to expect.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
            FormTextArea {
                Layout.fillWidth: true
                Layout.minimumHeight: 90
                wrapMode: TextEdit.Wrap
                text: draft.intro
                placeholderText: qsTr("Welcome! This interview has a few short questions…")
                Accessible.name: qsTr("Introduction")
                onTextChanged: if (text !== draft.intro) draft.intro = text
            }

            // ---- the questions
            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Questions (%1)").arg(draft.questions.count)
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    text: qsTr("Alt+↑/↓ moves the selected question · Ctrl+Enter adds one")
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }
            }

            ListView {
                id: questionList
                objectName: "questions"
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                interactive: false
                spacing: Theme.unit
                model: draft.questions
                Accessible.name: qsTr("Questions")
                delegate: QuestionEditor {
                    width: questionList.width
                    questions: draft.questions
                    onSelected: questionList.currentIndex = index
                }
                move: Transition { NumberAnimation { properties: "y"; duration: 120 } }
                displaced: Transition { NumberAnimation { properties: "y"; duration: 120 } }
            }

            Button {
                objectName: "addQuestion"
                text: qsTr("+ Add a question")
                enabled: draft.questions.count < 50
                flat: true
                onClicked: {
                    const row = draft.questions.add(-1)
                    questionList.currentIndex = row
                }
            }

            // ---- what reviewers rate
            Label {
                Layout.topMargin: Theme.gap
                text: qsTr("Rating criteria (%1)").arg(draft.criteria.length)
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Reviewers rate every candidate from 1 to 5 on each criterion. You can change them at any time, also after candidates have answered; ratings stay with the criteria you keep.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
            Repeater {
                model: draft.criteria
                delegate: RowLayout {
                    id: criterionRow
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    TextField {
                        objectName: "criterion" + criterionRow.index
                        Layout.fillWidth: true
                        text: criterionRow.modelData.name
                        maximumLength: 80
                        placeholderText: qsTr("e.g. Problem solving")
                        Accessible.name: qsTr("Criterion %1").arg(criterionRow.index + 1)
                        onTextEdited: draft.renameCriterion(criterionRow.index, text)
                    }
                    Button {
                        text: qsTr("Remove")
                        flat: true
                        Accessible.name: qsTr("Remove criterion %1").arg(criterionRow.index + 1)
                        onClicked: draft.removeCriterion(criterionRow.index)
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: draft.criteriaProblem
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
            }
            Button {
                objectName: "addCriterion"
                text: qsTr("+ Add a criterion")
                enabled: draft.criteria.length < 12
                flat: true
                onClicked: draft.addCriterion("")
            }
            Item { Layout.preferredHeight: Theme.pagePadding }
        }
    }
}
