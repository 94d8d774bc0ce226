/**
 * The page's side of the training worker: owns one worker, numbers jobs, drops reports of replaced jobs
 * and malformed ones, and restarts the worker after a crash (reporting it, so the page can show the
 * error). Written against a minimal worker interface so it is tested without a browser.
 */
import { isTrainingReport, type TrainingReport, type TrainingRequest } from './training';

/** What the client needs from a `Worker`. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
}

/** Callbacks of a client. */
export interface TrainingClientEvents {
  /** A report of the current job, checked by its guard. */
  report(report: TrainingReport): void;
  /** The worker failed (an uncaught error or a message it could not read); it is restarted on the next request. */
  crashed(message: string): void;
  /** A report that failed its guard (a bug or version skew), for the log. */
  rejected(description: string): void;
}

/** Job ids are unique across every client of a page, so reports can never be mistaken for another client's. */
let lastJobId = 0;

/** One worker and its current job. */
export class TrainingClient {
  private worker: WorkerLike | null = null;
  private job = 0;
  private restarts = 0;

  constructor(private readonly createWorker: () => WorkerLike, private readonly events: TrainingClientEvents) {}

  /** The current job's id (0 before the first). */
  get jobId(): number {
    return this.job;
  }

  /** Times the worker was restarted after a crash. */
  get crashCount(): number {
    return this.restarts;
  }

  /** Starts a new job (its reports replace the old job's): returns the id to put in its first request. */
  newJob(): number {
    this.job = ++lastJobId;
    return this.job;
  }

  /** Sends a request, starting the worker when there is none (the first request, or the first after a crash). */
  send(request: TrainingRequest): void {
    this.ensureWorker().postMessage(request);
  }

  /** Stops the worker (the page is going away, or the job is no longer wanted). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.job = 0;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      if (worker !== this.worker) return;
      const report = event.data;
      if (!isTrainingReport(report)) {
        this.events.rejected(describe(report));
        return;
      }
      if (report.jobId !== this.job) return;
      this.events.report(report);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.crash(worker, event.message || 'unknown error');
    };
    worker.onmessageerror = () => this.crash(worker, 'a message could not be read');
    this.worker = worker;
    return worker;
  }

  private crash(worker: WorkerLike, message: string): void {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    this.restarts++;
    // The job died with the worker: later reports cannot come, and requests for it must not reach a new worker.
    this.job = 0;
    this.events.crashed(message);
  }
}

/** A short description of a rejected report for the log. */
function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const type = (value as { type?: unknown }).type;
  return `type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}, keys [${Object.keys(value).slice(0, 8).join(', ')}]`;
}
