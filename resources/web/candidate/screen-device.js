// The device check screen: microphone permission, a short test recording, and the network status.

import { microphoneErrorMessage } from './microphone.js';
import { t } from './i18n.js';
import { connectionStatus, recorderMime } from './connection.js';
import { $, TICK_MS, setText } from './helpers.js';
import { timesliceFor } from './recorder.js';
import { ensureMicrophone, hearingSound, microphoneReady, microphoneStream, resumeLevelMeter } from './answer-recording.js';
import { markDeviceChecked, render } from './screens.js';
import { isSynced } from './session.js';

const DEVICE_TEST_MS = 3000;
// How long the recorder may take to deliver its last slice after stop(). A busy machine can take seconds; the
// test recording is recorded in slices, so a late last slice costs only the tail of the playback.
const DEVICE_TEST_STOP_WAIT_MS = 5000;

const deviceTest = { running: false, done: false, url: null };

export function renderDevice() {
  const streamReady = microphoneReady();
  $('mic-allow').hidden = streamReady;
  $('test-record').disabled = !streamReady || deviceTest.running;
  $('device-continue').disabled = !(streamReady && deviceTest.done && isSynced());
  setText('network-status', t(isSynced() ? 'networkOk' : connectionStatus() === 'closed' ? 'networkDown' : 'networkChecking'));
  if (streamReady) setText('level-hint', t(hearingSound() ? 'levelHeard' : 'levelSilent'));
}

async function allowMicrophone() {
  resumeLevelMeter();
  setText('mic-status', t('deviceRequesting'));
  $('mic-error').hidden = true;
  try {
    await ensureMicrophone();
    resumeLevelMeter();
    setText('mic-status', t('deviceGranted'));
    render();
    $('test-record').focus();
  } catch (error) {
    setText('mic-status', '');
    setText('mic-error-text', microphoneErrorMessage(error));
    $('mic-error').hidden = false;
    $('mic-retry').focus();
  }
}

async function recordDeviceTest() {
  if (deviceTest.running || !microphoneReady()) return;
  deviceTest.running = true;
  render();
  const audio = $('test-playback');
  audio.hidden = true;
  let counter = null;
  try {
    const recorder = new MediaRecorder(microphoneStream(), { mimeType: recorderMime() });
    const parts = [];
    recorder.addEventListener('dataavailable', (event) => event.data.size > 0 && parts.push(event.data));
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve));
    const startedAt = performance.now();
    recorder.start(timesliceFor(recorderMime()));
    counter = setInterval(() => {
      setText('test-status', t('deviceTestRecording', { seconds: Math.max(0, Math.ceil((DEVICE_TEST_MS - (performance.now() - startedAt)) / 1000)) }));
    }, TICK_MS);
    setText('test-status', t('deviceTestRecording', { seconds: 3 }));
    await new Promise((resolve) => setTimeout(resolve, DEVICE_TEST_MS));
    // The recorder stops by itself if the microphone goes away (unplugged, taken by another app); stop() would
    // then throw. Its final 'stop' event is bounded too: the check never hangs, it says what went wrong.
    if (recorder.state !== 'inactive') recorder.stop();
    const settled = await Promise.race([stopped.then(() => true), new Promise((resolve) => setTimeout(resolve, DEVICE_TEST_STOP_WAIT_MS, false))]);
    if (parts.length === 0) throw new Error(t('deviceTestNoSound'));
    if (!settled) console.warn('the test recorder did not confirm stopping in time; playing the slices it gave');
    if (deviceTest.url) URL.revokeObjectURL(deviceTest.url);
    deviceTest.url = URL.createObjectURL(new Blob(parts, { type: recorderMime() }));
    audio.src = deviceTest.url;
    audio.hidden = false;
    deviceTest.done = true;
    setText('test-status', t('deviceTestDone'));
    audio.play().catch(() => {}); // autoplay may be refused; the controls are there
  } catch (error) {
    // The countdown stops first, or its next tick would overwrite what went wrong.
    clearInterval(counter);
    setText('test-status', t('deviceTestFailed', { error: error.message }));
  } finally {
    clearInterval(counter);
    deviceTest.running = false;
    render();
  }
}

export function wireDeviceActions() {
  $('mic-allow').addEventListener('click', allowMicrophone);
  $('mic-retry').addEventListener('click', allowMicrophone);
  $('test-record').addEventListener('click', recordDeviceTest);
  $('device-continue').addEventListener('click', () => {
    markDeviceChecked();
    $('test-playback').pause();
    render();
  });
}
