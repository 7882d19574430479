// Microphone recording: choosing the container by capability, and one MediaRecorder per segment.

/** In order of preference; all are types the server accepts in `hello`. */
const RECORDER_TYPES = ['audio/webm;codecs=opus', 'audio/mp4', 'audio/ogg;codecs=opus', 'audio/webm'];

/** Safari announces WebM support, but its WebM files break duration and playback; its MP4 writer is reliable. */
function isAppleWebKit() {
  return typeof navigator.vendor === 'string' && navigator.vendor.startsWith('Apple');
}

/** The recorder type to use in this browser, or null when it cannot record audio at all. */
export function chooseRecorderMime() {
  if (typeof window.MediaRecorder !== 'function' || typeof MediaRecorder.isTypeSupported !== 'function') return null;
  const supported = RECORDER_TYPES.filter((type) => {
    try {
      return MediaRecorder.isTypeSupported(type);
    } catch {
      return false;
    }
  });
  if (supported.length === 0) return null;
  if (isAppleWebKit() && supported.includes('audio/mp4')) return 'audio/mp4';
  return supported[0];
}

/** Slice length: short enough that little is at risk, ≥ 1 s for MP4 whose writer gives empty smaller slices. */
export function timesliceFor(mime) {
  return mime.startsWith('audio/mp4') ? 1000 : 400;
}

/** How long to wait for the recorder's last slice after stop() before giving up on it. */
const STOP_TIMEOUT_MS = 5000;

export const AUDIO_CONSTRAINTS = { audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } };

/**
 * One MediaRecorder run = one segment. Reports each non-empty slice with its time offset, and resolves
 * `stop()` only after the recorder delivered its last slice, so the tail of an answer is never lost.
 */
export class SegmentRecorder {
  /**
   * @param {MediaStream} stream
   * @param {string} mime
   * @param {{onSlice:(blob:Blob, atMs:number)=>void, onFailure:(error:Error)=>void}} handlers
   *   onFailure: the recorder stopped without being asked (error, microphone gone).
   */
  constructor(stream, mime, { onSlice, onFailure }) {
    this.mime = mime;
    this.startedAt = null;      // wall clock (ms) of the recorder's start event
    this.stoppedAt = null;      // wall clock (ms) when stop() was requested
    this.stopRequested = false;
    this.recorder = new MediaRecorder(stream, { mimeType: mime, audioBitsPerSecond: 64000 });
    this.stopped = new Promise((resolve) => {
      this.recorder.addEventListener('stop', () => resolve());
    });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (!event.data || event.data.size === 0) return; // empty slices happen (Firefox, MP4): nothing to store
      onSlice(event.data, Date.now() - (this.startedAt ?? Date.now()));
    });
    this.recorder.addEventListener('error', (event) => {
      if (!this.stopRequested) onFailure(event.error || new Error('recorder error'));
    });
    this.recorder.addEventListener('stop', () => {
      if (!this.stopRequested) {
        this.stoppedAt = Date.now();
        onFailure(new Error('the recorder stopped unexpectedly'));
      }
    });
  }

  /** Starts recording; resolves once the browser really started (its wall time is the segment's start). */
  start(timesliceMs) {
    return new Promise((resolve, reject) => {
      const onStart = () => {
        this.recorder.removeEventListener('error', onError);
        this.startedAt = Date.now();
        resolve();
      };
      const onError = (event) => {
        this.recorder.removeEventListener('start', onStart);
        reject(event.error || new Error('the recorder could not start'));
      };
      this.recorder.addEventListener('start', onStart, { once: true });
      this.recorder.addEventListener('error', onError, { once: true });
      try {
        this.recorder.start(timesliceMs);
      } catch (error) {
        this.recorder.removeEventListener('start', onStart);
        this.recorder.removeEventListener('error', onError);
        reject(error);
      }
    });
  }

  get recordedMs() {
    if (this.startedAt === null) return 0;
    return (this.stoppedAt ?? Date.now()) - this.startedAt;
  }

  get active() {
    return this.recorder.state !== 'inactive';
  }

  /** Stops and waits for the final dataavailable (the spec fires it before `stop`). */
  async stop() {
    this.stopRequested = true;
    if (this.startedAt === null && this.recorder.state === 'inactive') return 0; // never started: no stop event will come
    if (this.recorder.state !== 'inactive') {
      this.stoppedAt = Date.now();
      this.recorder.stop();
    } else if (this.stoppedAt === null) {
      this.stoppedAt = Date.now();
    }
    // The final slice comes before `stop`; a browser that never fires it must not hang the answer forever.
    const timedOut = await Promise.race([
      this.stopped.then(() => false),
      new Promise((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS)),
    ]);
    if (timedOut) console.warn('the recorder did not confirm stopping; finishing with the slices received');
    return this.recordedMs;
  }
}
