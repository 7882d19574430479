import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Intervox

// The main action of a page or dialog: filled with the accent, its text in a colour that reads on it in both
// themes (Material's own is always white, unreadable on the dark theme's light accent).
Button {
    id: control
    highlighted: true
    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.textOnAccent : control.Material.hintTextColor
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}
