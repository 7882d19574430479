import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Intervox

// Reviewing one candidate: listen to each answer, rate the interview's criteria, keep a private note, decide.
// The whole triage loop works from the keyboard; the shortcuts are listed at the bottom of the page.
Page {
    id: page
    // The invites to go through (in the order of the candidate list) and where we are in them.
    property var inviteIds: []
    property int position: 0
    readonly property int inviteId: position >= 0 && position < inviteIds.length ? inviteIds[position] : 0
    // Which criterion the number keys rate.
    property int currentCriterion: 0
    readonly property bool canDecide: AppSession.userRole !== "reviewer"
    readonly property bool typing: noteField.activeFocus
    // The triage keys work unless the note is being typed or the CV is open over the page.
    readonly property bool keysFree: page.visible && !page.typing && !cvDialog.visible
    readonly property var speeds: [1.0, 1.25, 1.5, 2.0]
    property int speedIndex: 0
    signal back()

    readonly property alias review: review
    readonly property alias player: player

    background: Rectangle { color: Theme.background }
    Accessible.name: qsTr("Review of %1").arg(review.candidateName)

    ReviewSession {
        id: review
        client: AppSession.client
        events: AppSession.events
        inviteId: page.inviteId
        onCurrentAnswerChanged: page.stopPlayer()
        onInviteIdChanged: { page.stopPlayer(); page.currentCriterion = 0 }
        onNoteChanged: if (!noteField.activeFocus) noteField.text = review.note
        onSaved: (what, ok) => { if (what === "note" && ok) noteState.text = qsTr("Saved") }
    }

    readonly property real speed: speeds[speedIndex]
    onSpeedChanged: if (player.playbackState === MediaPlayer.PlayingState) player.playbackRate = speed
    MediaPlayer {
        id: player
        objectName: "player"
        source: review.audioSource
        audioOutput: AudioOutput {}
        // The speed is applied only once the answer is audibly playing: Qt 6.4's GStreamer player, given a rate
        // before its pipeline runs, sometimes ends the media at once (EndOfMedia at position 0; tst_review.qml).
        // Before another answer loads, back to 1×.
        onPositionChanged: if (playbackState === MediaPlayer.PlayingState && position > 0 && playbackRate !== page.speed) playbackRate = page.speed
    }

    function stopPlayer() {
        player.stop()
        player.playbackRate = 1.0
    }
    function togglePlay() {
        if (player.playbackState === MediaPlayer.PlayingState)
            player.pause()
        else if (review.audioSource.toString().length > 0)
            player.play()
    }
    function seekBy(ms) {
        if (player.duration > 0)
            player.position = Math.max(0, Math.min(player.duration, player.position + ms))
    }
    function moveAnswer(delta) { review.currentAnswer = review.currentAnswer + delta }
    function moveCandidate(delta) {
        const next = position + delta
        if (next >= 0 && next < inviteIds.length) {
            player.stop()
            saveNote()
            position = next
        }
    }
    function moveCriterion(delta) {
        if (review.criteria.length > 0)
            currentCriterion = Math.max(0, Math.min(review.criteria.length - 1, currentCriterion + delta))
    }
    function rateCurrent(score) {
        if (currentCriterion < review.criteria.length)
            review.rate(review.criteria[currentCriterion].id, score)
    }
    function decide(value) { if (canDecide) review.decide(value) }
    function openCv() {
        cvDialog.candidateId = review.candidateId
        cvDialog.candidateName = review.candidateName
        cvDialog.open()
    }
    function saveNote() { if (noteField.text !== review.note) review.saveNote(noteField.text) }
    function clock(ms) {
        const s = Math.max(0, Math.floor(ms / 1000))
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0")
    }

    // The triage loop (not while typing the note: there the keys are the note's).
    Shortcut { sequence: "Space"; enabled: page.keysFree; onActivated: page.togglePlay() }
    Shortcut { sequence: "Left"; enabled: page.keysFree; onActivated: page.seekBy(-5000) }
    Shortcut { sequence: "Right"; enabled: page.keysFree; onActivated: page.seekBy(5000) }
    Shortcut { sequence: "J"; enabled: page.keysFree; onActivated: page.moveAnswer(1) }
    Shortcut { sequence: "K"; enabled: page.keysFree; onActivated: page.moveAnswer(-1) }
    Shortcut { sequence: "N"; enabled: page.keysFree; onActivated: page.moveCandidate(1) }
    Shortcut { sequence: "P"; enabled: page.keysFree; onActivated: page.moveCandidate(-1) }
    Shortcut { sequence: "Down"; enabled: page.keysFree; onActivated: page.moveCriterion(1) }
    Shortcut { sequence: "Up"; enabled: page.keysFree; onActivated: page.moveCriterion(-1) }
    Shortcut { sequence: "1"; enabled: page.keysFree; onActivated: page.rateCurrent(1) }
    Shortcut { sequence: "2"; enabled: page.keysFree; onActivated: page.rateCurrent(2) }
    Shortcut { sequence: "3"; enabled: page.keysFree; onActivated: page.rateCurrent(3) }
    Shortcut { sequence: "4"; enabled: page.keysFree; onActivated: page.rateCurrent(4) }
    Shortcut { sequence: "5"; enabled: page.keysFree; onActivated: page.rateCurrent(5) }
    Shortcut { sequence: "0"; enabled: page.keysFree; onActivated: page.rateCurrent(0) }
    Shortcut { sequence: "A"; enabled: page.keysFree && page.canDecide; onActivated: page.decide("advance") }
    Shortcut { sequence: "H"; enabled: page.keysFree && page.canDecide; onActivated: page.decide("hold") }
    Shortcut { sequence: "R"; enabled: page.keysFree && page.canDecide; onActivated: page.decide("reject") }
    Shortcut { sequence: "S"; enabled: page.keysFree; onActivated: page.speedIndex = (page.speedIndex + 1) % page.speeds.length }
    Shortcut { sequence: "E"; enabled: page.keysFree; onActivated: noteField.forceActiveFocus() }
    Shortcut { sequence: "C"; enabled: page.keysFree && review.hasCv; onActivated: page.openCv() }
    Shortcut {
        sequence: "Escape"
        enabled: page.keysFree
        onActivated: { page.saveNote(); page.back() }
    }
    // Where the keyboard rests between shortcuts (leaving the note puts it back here).
    Item {
        id: triageFocus
        objectName: "triageFocus"
        focus: true
        Accessible.name: qsTr("Review shortcuts")
    }
    function leaveNote() {
        saveNote()
        triageFocus.forceActiveFocus()
    }

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
                onClicked: { page.saveNote(); page.back() }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    objectName: "candidateName"
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: review.candidateName
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: review.interviewTitle.length > 0 ? qsTr("%1 · %2").arg(review.candidateEmail).arg(review.interviewTitle) : review.candidateEmail
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                }
            }
            Button {
                objectName: "cvButton"
                visible: review.hasCv
                flat: true
                text: qsTr("CV (C)")
                Accessible.name: qsTr("Read the CV of %1").arg(review.candidateName)
                onClicked: page.openCv()
            }
            Label {
                objectName: "candidatePosition"
                text: qsTr("Candidate %1 of %2").arg(page.position + 1).arg(page.inviteIds.length)
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
            ToolButton {
                text: "‹"
                enabled: page.position > 0
                Accessible.name: qsTr("Previous candidate (P)")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Previous candidate (P)")
                onClicked: page.moveCandidate(-1)
            }
            ToolButton {
                text: "›"
                enabled: page.position + 1 < page.inviteIds.length
                Accessible.name: qsTr("Next candidate (N)")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Next candidate (N)")
                onClicked: page.moveCandidate(1)
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        ErrorBanner {
            Layout.fillWidth: true
            error: review.error
            actionText: qsTr("Try again")
            onAction: review.reload()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            // ---- answers
            Rectangle {
                Layout.preferredWidth: 250
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.unit
                    spacing: Theme.unit
                    Label {
                        text: qsTr("Answers")
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Layout.leftMargin: Theme.unit
                    }
                    ListView {
                        id: answerList
                        objectName: "answerList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: review.answers
                        currentIndex: review.currentAnswer
                        Accessible.name: qsTr("Answers")
                        delegate: ItemDelegate {
                            required property var modelData
                            required property int index
                            width: ListView.view.width
                            highlighted: index === review.currentAnswer
                            Accessible.name: qsTr("Question %1: %2").arg(modelData.question + 1).arg(modelData.questionText)
                            onClicked: review.currentAnswer = index
                            contentItem: ColumnLayout {
                                spacing: 2
                                Label {
                                    Layout.fillWidth: true
                                    text: modelData.saved ? qsTr("Question %1 · %2").arg(modelData.question + 1).arg(page.clock(modelData.durationMs))
                                                          : qsTr("Question %1 · not saved yet").arg(modelData.question + 1)
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.mutedText
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: modelData.questionText
                                    elide: Text.ElideRight
                                    maximumLineCount: 2
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                }
                            }
                        }
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.gap
                    visible: review.loaded && review.answers.length === 0
                    title: qsTr("No answers yet")
                    text: qsTr("This candidate has not recorded an answer. Answers appear here as soon as they are saved.")
                }
            }

            // ---- the answer being listened to
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                ColumnLayout {
                    id: listening
                    readonly property var answer: review.currentAnswer >= 0 ? review.answers[review.currentAnswer] : null
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    spacing: Theme.gap
                    visible: review.currentAnswer >= 0
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: listening.answer ? qsTr("Question %1 of %2").arg(listening.answer.question + 1).arg(review.answers.length) : ""
                            color: Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                        }
                        ToolButton {
                            text: "‹"
                            enabled: review.currentAnswer > 0
                            Accessible.name: qsTr("Previous answer (K)")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: page.moveAnswer(-1)
                        }
                        ToolButton {
                            text: "›"
                            enabled: review.currentAnswer + 1 < review.answers.length
                            Accessible.name: qsTr("Next answer (J)")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: page.moveAnswer(1)
                        }
                    }
                    Label {
                        objectName: "questionText"
                        Layout.fillWidth: true
                        Layout.maximumWidth: listening.width
                        wrapMode: Text.Wrap
                        text: listening.answer ? listening.answer.questionText : ""
                        font.pixelSize: Theme.fontHeading
                        color: Theme.text
                    }
                    Item { Layout.fillHeight: true }
                    Label {
                        objectName: "audioState"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: text.length > 0
                        color: review.audioError.isError ? Theme.danger : Theme.mutedText
                        text: listening.answer && listening.answer.recordingDeleted
                              ? qsTr("The recording was deleted under your organization's retention policy. The answer's question, time and length stay, and so do the ratings.")
                              : review.audioError.isError ? qsTr("The recording cannot be played: %1").arg(review.audioError.message)
                              : review.audioLoading ? qsTr("Preparing the recording…")
                              : listening.answer && !listening.answer.saved ? qsTr("This answer is still being saved.")
                              : player.error !== MediaPlayer.NoError ? qsTr("The recording cannot be played: %1").arg(player.errorString)
                              : ""
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    BusyIndicator {
                        Layout.alignment: Qt.AlignHCenter
                        running: review.audioLoading
                        visible: running
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        RoundButton {
                            objectName: "playButton"
                            text: player.playbackState === MediaPlayer.PlayingState ? "❚❚" : "▶"
                            enabled: review.audioSource.toString().length > 0
                            highlighted: true
                            Accessible.name: player.playbackState === MediaPlayer.PlayingState ? qsTr("Pause (Space)") : qsTr("Play (Space)")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: page.togglePlay()
                        }
                        Label {
                            text: page.clock(player.position)
                            color: Theme.text
                        }
                        Slider {
                            id: seek
                            objectName: "seekSlider"
                            Layout.fillWidth: true
                            from: 0
                            to: Math.max(1, player.duration)
                            value: player.position
                            enabled: player.seekable
                            Accessible.name: qsTr("Position in the answer")
                            onMoved: player.position = value
                        }
                        Label {
                            text: page.clock(player.duration)
                            color: Theme.mutedText
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.unit
                        Label { text: qsTr("Speed"); color: Theme.mutedText; font.pixelSize: Theme.fontSmall }
                        Repeater {
                            model: page.speeds
                            delegate: Button {
                                required property real modelData
                                required property int index
                                objectName: "speed" + index
                                text: modelData + "×"
                                flat: true
                                implicitWidth: 64
                                checkable: true
                                checked: page.speedIndex === index
                                Accessible.name: qsTr("Play at %1× speed (S cycles)").arg(modelData)
                                onClicked: page.speedIndex = index
                            }
                        }
                        Item { Layout.fillWidth: true }
                    }
                }
                BusyIndicator {
                    anchors.centerIn: parent
                    running: review.loading && !review.loaded
                    visible: running
                }
            }

            // ---- ratings, note, decision
            Rectangle {
                Layout.preferredWidth: 320
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                Flickable {
                    id: sideFlick
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    contentHeight: side.implicitHeight
                    clip: true
                    ScrollBar.vertical: ScrollBar {}
                    ColumnLayout {
                        id: side
                        width: sideFlick.width
                        spacing: Theme.unit
                        Label {
                            text: qsTr("Ratings")
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: review.loaded && review.criteria.length === 0
                            wrapMode: Text.Wrap
                            text: qsTr("This interview has no rating criteria. Add them with “Edit interview” on the interview's page to rate candidates on them.")
                            color: Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                        }
                        Repeater {
                            model: review.criteria
                            delegate: Rectangle {
                                id: criterionRow
                                required property var modelData
                                required property int index
                                readonly property bool current: page.currentCriterion === index
                                objectName: "criterion" + index
                                Layout.fillWidth: true
                                implicitHeight: criterionColumn.implicitHeight + Theme.unit * 2
                                radius: Theme.radius
                                color: current ? Theme.surfaceAlt : "transparent"
                                border.color: current ? Theme.accent : "transparent"
                                ColumnLayout {
                                    id: criterionColumn
                                    anchors.fill: parent
                                    anchors.margins: Theme.unit
                                    spacing: 2
                                    RowLayout {
                                        Layout.fillWidth: true
                                        Label {
                                            Layout.fillWidth: true
                                            text: criterionRow.modelData.name
                                            font.weight: Font.Medium
                                            color: Theme.text
                                            elide: Text.ElideRight
                                        }
                                        Label {
                                            text: criterionRow.modelData.ratings > 0
                                                  ? qsTr("avg %1 · %n rating(s)", "", criterionRow.modelData.ratings).arg(Number(criterionRow.modelData.average).toLocaleString(Qt.locale(), "f", 1))
                                                  : qsTr("not rated")
                                            color: Theme.mutedText
                                            font.pixelSize: Theme.fontSmall
                                        }
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        visible: text.length > 0
                                        text: criterionRow.modelData.description
                                        wrapMode: Text.Wrap
                                        color: Theme.mutedText
                                        font.pixelSize: Theme.fontSmall
                                    }
                                    RowLayout {
                                        spacing: 2
                                        Repeater {
                                            model: 5
                                            delegate: Button {
                                                required property int index
                                                readonly property int score: index + 1
                                                objectName: "rate" + score
                                                implicitWidth: 48
                                                text: score
                                                flat: criterionRow.modelData.mine !== score
                                                highlighted: criterionRow.modelData.mine === score
                                                Accessible.name: qsTr("Rate %1 %2 of 5").arg(criterionRow.modelData.name).arg(score)
                                                onClicked: {
                                                    page.currentCriterion = criterionRow.index
                                                    review.rate(criterionRow.modelData.id, criterionRow.modelData.mine === score ? 0 : score)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }

                        Label {
                            Layout.topMargin: Theme.gap
                            text: qsTr("Private note")
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        FormTextArea {
                            id: noteField
                            objectName: "noteField"
                            Layout.fillWidth: true
                            Layout.preferredHeight: 120
                            wrapMode: TextArea.Wrap
                            placeholderText: qsTr("Only you can read this note. (E to write, Esc when done)")
                            Accessible.name: qsTr("Private note")
                            onTextChanged: if (activeFocus) { noteState.text = ""; noteTimer.restart() }
                            onActiveFocusChanged: if (!activeFocus) page.saveNote()
                            Keys.onEscapePressed: page.leaveNote()
                            Timer {
                                id: noteTimer
                                interval: 1000
                                onTriggered: { noteState.text = qsTr("Saving…"); page.saveNote() }
                            }
                        }
                        Label {
                            id: noteState
                            objectName: "noteState"
                            visible: text.length > 0
                            color: Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                        }

                        Label {
                            Layout.topMargin: Theme.gap
                            text: qsTr("Decision")
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.unit / 2
                            Repeater {
                                model: [["advance", qsTr("Advance"), "A"], ["hold", qsTr("Hold"), "H"], ["reject", qsTr("Reject"), "R"]]
                                delegate: Button {
                                    required property var modelData
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1 // three equal buttons, whatever their text
                                    objectName: "decide-" + modelData[0]
                                    text: qsTr("%1 (%2)").arg(modelData[1]).arg(modelData[2])
                                    enabled: page.canDecide && !review.saving
                                    highlighted: review.decision === modelData[0]
                                    Accessible.name: modelData[1]
                                    onClicked: page.decide(modelData[0])
                                }
                            }
                        }
                        Label {
                            objectName: "decisionText"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: page.canDecide ? review.decisionText : qsTr("%1 — reviewers rate; recruiters decide.").arg(review.decisionText)
                            color: Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
        }

        Label {
            objectName: "shortcutHelp"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
            text: qsTr("Space play/pause · ←/→ ±5 s · S speed · J/K answer · N/P candidate · ↑/↓ criterion · 1–5 rate (0 clears) · A/H/R advance/hold/reject · E note · C CV · Esc back")
        }
    }

    CvDialog {
        id: cvDialog
        onClosed: triageFocus.forceActiveFocus()
    }
}
