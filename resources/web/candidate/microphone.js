// Microphone access with one clear message per failure type, and a live level meter.

import { AUDIO_CONSTRAINTS } from './recorder.js';
import { t } from './i18n.js';

/** Which browser's settings to describe when access was blocked (wording only; recording never depends on it). */
function deniedHintKey() {
  const agent = navigator.userAgent;
  if (/Firefox\//.test(agent)) return 'micDeniedFirefox';
  if (typeof navigator.vendor === 'string' && navigator.vendor.startsWith('Apple')) return 'micDeniedSafari';
  if (/Chrome\/|Chromium\/|Edg\//.test(agent)) return 'micDeniedChrome';
  return 'micDeniedOther';
}

/** Turns a getUserMedia failure into a message the candidate can act on. */
export function microphoneErrorMessage(error) {
  const name = (error && error.name) || '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return t('micDenied', { hint: t(deniedHintKey()) });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return t('micNotFound');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return t('micBusy');
    case 'SecurityError':
    case 'InsecureContextError':
      return t('micInsecure');
    default:
      return t('micOther', { error: name || (error && error.message) || 'unknown' });
  }
}

/** @returns {Promise<MediaStream>} rejects with an Error whose name classifies the failure */
export async function requestMicrophone() {
  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    const error = new Error('getUserMedia needs a secure context');
    error.name = 'InsecureContextError';
    throw error;
  }
  return navigator.mediaDevices.getUserMedia(AUDIO_CONSTRAINTS);
}

/** The stream is usable while its audio track is live. */
export function isStreamLive(stream) {
  return !!stream && stream.getAudioTracks().some((track) => track.readyState === 'live');
}

/**
 * Shows the microphone level on <meter> elements. Uses Web Audio; where an AudioContext is not allowed
 * to run (no user gesture yet, e.g. right after a reload) the meter stays still but recording is unaffected.
 */
export class LevelMeter {
  constructor() {
    this.context = null;
    this.analyser = null;
    this.source = null;
    this.samples = null;
    this.meters = new Set();
    this.frame = null;
    this.level = 0;
    this.lastHeardAt = 0;
  }

  attach(stream) {
    this.detachStream();
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass) return;
    try {
      if (!this.context) this.context = new AudioContextClass();
      this.source = this.context.createMediaStreamSource(stream);
      this.analyser = this.context.createAnalyser();
      this.analyser.fftSize = 2048;
      this.samples = new Float32Array(this.analyser.fftSize);
      this.source.connect(this.analyser);
      this.resume();
      if (this.frame === null) this.frame = requestAnimationFrame(() => this.update());
    } catch (error) {
      console.warn('level meter unavailable', error);
    }
  }

  /** Browsers start an AudioContext suspended until a user gesture; call this from click handlers. */
  resume() {
    if (this.context && this.context.state === 'suspended') this.context.resume().catch(() => {});
  }

  detachStream() {
    if (this.source) this.source.disconnect();
    this.source = null;
    this.analyser = null;
  }

  show(meter) {
    this.meters.add(meter);
  }

  /** True if speech-level sound was heard within the last two seconds. */
  get hearing() {
    return Date.now() - this.lastHeardAt < 2000;
  }

  update() {
    this.frame = requestAnimationFrame(() => this.update());
    if (!this.analyser) return;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    const rms = Math.sqrt(sum / this.samples.length);
    // -60 dBFS … 0 dBFS mapped to 0 … 1: speech sits in the middle, silence near 0.
    const level = rms > 0 ? Math.min(1, Math.max(0, (20 * Math.log10(rms) + 60) / 60)) : 0;
    this.level = level > this.level ? level : this.level * 0.85 + level * 0.15; // fast attack, slow decay
    if (level > 0.3) this.lastHeardAt = Date.now();
    for (const meter of this.meters) meter.value = this.level;
  }
}
