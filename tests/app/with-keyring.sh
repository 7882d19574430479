#!/bin/sh
# Runs a test with a keychain: a private D-Bus session with GNOME Keyring's Secret Service, its keyring in a
# temporary folder (never the user's), unlocked with a throwaway password. Sets INTERVOX_TEST_KEYCHAIN=1.
set -eu
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
HOME="$dir" XDG_DATA_HOME="$dir" XDG_RUNTIME_DIR="$dir" INTERVOX_TEST_KEYCHAIN=1 \
    dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
