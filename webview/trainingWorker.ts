/**
 * The training worker (bundled alone to dist/worker.js, started by the page from a Blob URL). The page never
 * trains: this thread runs the session in slices of a few milliseconds and yields between them, so pause,
 * step and live changes are handled at once. Reports transfer their large arrays instead of copying them.
 */
import { isTrainingRequest, transferablesOf } from '../src/protocol/training';
import { TrainingSession } from '../src/protocol/trainingSession';

/** The parts of a dedicated worker's global scope used here (the page's DOM types describe a window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = new TrainingSession((report) => scope.postMessage(report, transferablesOf(report)), () => performance.now());

// A zero-delay slice goes through a MessageChannel: setTimeout(0) is clamped to 4 ms after a few nested calls.
const channel = new MessageChannel();
let timer: ReturnType<typeof setTimeout> | undefined;
let queued = false;

function runSlice(): void {
  queued = false;
  const wait = session.work();
  if (wait !== null) schedule(wait);
}

/** Runs the next slice after `delay` ms (any earlier schedule is replaced). */
function schedule(delay: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (delay <= 0) {
    if (!queued) {
      queued = true;
      channel.port2.postMessage(null);
    }
    return;
  }
  timer = setTimeout(() => {
    timer = undefined;
    runSlice();
  }, delay);
}

channel.port1.onmessage = runSlice;

scope.addEventListener('message', (event) => {
  // The page is the only sender; a message it did not mean (version skew) is dropped rather than guessed at.
  if (!isTrainingRequest(event.data)) return;
  session.handle(event.data);
  schedule(0);
});
