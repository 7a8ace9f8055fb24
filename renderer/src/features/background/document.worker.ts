/**
 * The background worker: keeps a mirror of the document and validates it or writes it as text off the main
 * thread, so that neither pauses the editor on a 10k-canvas manifest. Started by background-work.ts.
 *
 * Messages are collected and handled together on the next timer task: the ones that arrived while a long job
 * ran are then one batch, in which only the latest job of each kind runs (document-jobs.ts).
 *
 * In the web host an autosave's text is also sent from here: a POST of a 10k-canvas text costs the sending
 * thread hundreds of milliseconds in Chromium (bench/cases/edit-10k.ts), which the main thread must not pay.
 */
import { invokeOverHttp } from '../../http-transport';
import {
  createDocumentWorkerState,
  handleRequests,
  type AutosaveUpload,
  type WorkerReply,
  type WorkerRequest,
} from './document-jobs';

// The renderer's TypeScript library is the DOM's, where `self` is a Window; a dedicated worker's global scope
// has these two members with these shapes.
interface DedicatedWorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as DedicatedWorkerScope;

const state = createDocumentWorkerState();
const inbox: WorkerRequest[] = [];
let scheduled = false;

async function deliver(reply: WorkerReply, upload: AutosaveUpload | undefined) {
  if (!upload || reply.type !== 'done' || reply.result.kind !== 'write') return scope.postMessage(reply);
  const outcome = await invokeOverHttp(upload.token, 'writeAutosave', {
    ...upload.record,
    text: reply.result.text,
  });
  scope.postMessage({ type: 'done', seq: reply.seq, result: { kind: 'uploaded', outcome } });
}

function drain() {
  scheduled = false;
  const batch = inbox.splice(0);
  const uploads = new Map<number, AutosaveUpload>();
  for (const request of batch)
    if (request.type === 'job' && request.job.kind === 'write' && request.job.upload)
      uploads.set(request.seq, request.job.upload);
  for (const reply of handleRequests(state, batch)) void deliver(reply, uploads.get(reply.seq));
}

scope.onmessage = (event) => {
  inbox.push(event.data);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};
