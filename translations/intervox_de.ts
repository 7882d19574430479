<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Main</name>
    <message><source>Intervox</source><translation>Intervox</translation></message>
    <message><source>The interview server is running at %1</source><translation>Der Interview-Server läuft unter %1</translation></message>
    <message><source>The interview server could not start: %1</source><translation>Der Interview-Server konnte nicht starten: %1</translation></message>
    <message><source>Starting the interview server…</source><translation>Der Interview-Server startet …</translation></message>
    <message><source>Data folder: %1</source><translation>Datenordner: %1</translation></message>
</context>
</TS>
