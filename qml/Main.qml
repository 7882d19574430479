import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// Minimal first window: starts the embedded server and shows where candidates and the API reach it.
// The full recruiter UI is its own piece of work.
ApplicationWindow {
    id: window
    width: 960
    height: 640
    visible: true
    title: qsTr("Intervox")

    EmbeddedServer {
        id: server
        Component.onCompleted: start()
    }

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 16
        width: Math.min(parent.width - 48, 640)

        Label {
            text: qsTr("Intervox")
            font.pixelSize: 32
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "status"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: server.running ? qsTr("The interview server is running at %1").arg(server.url)
                                 : server.error.length > 0 ? qsTr("The interview server could not start: %1").arg(server.error)
                                                           : qsTr("Starting the interview server…")
            Accessible.role: Accessible.StaticText
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: server.running
            opacity: 0.7
            text: qsTr("Data folder: %1").arg(server.dataDir)
        }
        BusyIndicator {
            running: !server.running && server.error.length === 0
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
