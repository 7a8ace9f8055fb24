'use strict';
/**
 * The thread Tesseract recognises in (tesseract.js spawns it with `new Worker(workerPath)`): its own Node worker
 * script, with the network taken away first. Tesseract fetches language data when its langPath is a URL and
 * falls back to a CDN when none is given; OCR here must never leave the machine, so any such attempt fails
 * loudly instead of quietly downloading. Plain CommonJS, copied beside the bundles as dist/ocr/ocr-worker.cjs
 * (and kept outside the asar archive in the packaged app, where a worker thread cannot load from).
 */
const OFFLINE = 'Tessera recognises text offline: the OCR worker may not use the network';

globalThis.fetch = async (input) => {
  throw new Error(`${OFFLINE} (it tried ${String(input)}).`);
};

// tesseract.js 7 never settles createWorker when the language data cannot be loaded (it rejects only the inner
// job, then swallows it), which would leave this thread running for good: after reporting such a failure the
// thread ends itself, and the main side (which hears the failure through errorHandler) stops waiting.
const { parentPort } = require('node:worker_threads');
const post = parentPort.postMessage.bind(parentPort);
const SETUP = new Set(['load', 'loadLanguage', 'initialize']);
parentPort.postMessage = (packet) => {
  post(packet);
  if (packet && packet.status === 'reject' && SETUP.has(packet.action)) setImmediate(() => process.exit(1));
};

require('tesseract.js/src/worker-script/node/index.js');
