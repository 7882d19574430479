import QtQuick
import QtQuick.Controls

// A multi-line text field in a form. Tab and Shift+Tab move to the next and the previous control, as in every
// other field, instead of typing a tab character: a plain TextArea keeps keyboard users inside it for good.
TextArea {
    id: area
    function moveFocus(forward) {
        const next = area.nextItemInFocusChain(forward)
        if (next && next !== area)
            next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
    }
    Keys.onTabPressed: (event) => { moveFocus(true); event.accepted = true }
    Keys.onBacktabPressed: (event) => { moveFocus(false); event.accepted = true }
}
