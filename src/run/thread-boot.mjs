// The worker thread's first module when the run goes from the sources (thread.ts): Node 20
// carries neither the calling thread's loader hooks nor an --import into a worker, so tsx is
// registered here, in the thread, before the TypeScript entry loads. Plain JavaScript for that
// reason; the compiled package starts its compiled entry directly.
import { workerData } from 'node:worker_threads';

(await import('tsx/esm/api')).register();
await import(workerData.entry);
