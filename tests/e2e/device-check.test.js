'use strict';
// The device check on a busy machine: the recorder's last events arrive seconds after stop(). The check must
// still pass (the test recording is kept in slices), not tell the candidate that no sound was recorded. Before
// the fix, a stop that took more than 2 s failed the check, and #device-continue never became enabled: the
// flake once seen on a fresh root.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

test('a recorder whose last events come late (a busy machine) still passes the device check', { timeout: 120000 }, async (t) => {
  const env = await lib.startScenario(t, {
    name: 'device-check-slow-stop',
    questions: [{ text: 'Tell us about yourself.', thinkSeconds: 30, answerSeconds: 30, retakes: 0 }],
    initScript: () => {
      // Every 'dataavailable' and 'stop' that follows a stop() call reaches its listeners 2.5 s late.
      const add = EventTarget.prototype.addEventListener;
      MediaRecorder.prototype.addEventListener = function addEventListenerLate(type, listener, options) {
        if (type !== 'stop' && type !== 'dataavailable') return add.call(this, type, listener, options);
        const recorder = this;
        return add.call(this, type, (event) => (recorder.__stopAsked ? setTimeout(() => listener(event), 2500) : listener(event)), options);
      };
      const stop = MediaRecorder.prototype.stop;
      MediaRecorder.prototype.stop = function stopMarked() {
        this.__stopAsked = true;
        return stop.call(this);
      };
    },
  });
  const { page } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.waitForScreen(page, 'consent');
  assert.doesNotMatch(await page.textContent('#test-status'), /did not work/);
});
