/**
 * Work that shows a cancellable progress notification once it has run for 50 ms. Evaluation runs
 * in steps (parse, evaluate, summarize, render); between steps the extension host yields, so the
 * notification appears, its message updates and its Cancel button is heard.
 */
import * as vscode from 'vscode';

/** Work shorter than this never shows a notification. */
export const PROGRESS_DELAY_MS = 50;

/**
 * Inputs with more numbers than this show the notification before their first step: reading and
 * evaluating block the extension host (1M numbers take about 250 ms here: 60 ms counting, 90 ms parsing,
 * 80 ms for gelu, 20 ms for statistics), so a notification that waits for the 50 ms timer would come too late.
 * 100k numbers is about a fifth of 50 ms of work on this machine, leaving room for slower ones.
 */
export const PROGRESS_NUMBERS = 100_000;

/** Handed to the work: mark each step; a step throws CancellationError once the user cancelled. */
export interface WorkSteps {
  step(message: string): Promise<void>;
  /** Shows the notification from the next step on, for work known to be long (see PROGRESS_NUMBERS). */
  expectLong(): void;
  readonly token: vscode.CancellationToken;
}

/** The work's result and whether the notification was shown. */
export interface WorkOutcome<T> {
  readonly value: T;
  readonly progressShown: boolean;
  readonly durationMs: number;
}

/** Lets the extension host send the notification and hear Cancel (a timer, so it works in any host). */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work`, showing a cancellable notification titled `title` if it takes longer than 50 ms. */
export async function withDelayedProgress<T>(title: string, work: (steps: WorkSteps) => Promise<T>): Promise<WorkOutcome<T>> {
  const started = performance.now();
  const cancellation = new vscode.CancellationTokenSource();
  let shown = false;
  let long = false;
  let finished = false;
  let message = '';
  let report: ((text: string) => void) | undefined;
  let close: (() => void) | undefined;

  const show = (): void => {
    if (shown || finished) return;
    shown = true;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const subscription = token.onCancellationRequested(() => cancellation.cancel());
      report = (text) => progress.report({ message: text });
      report(message);
      return new Promise<void>((resolve) => {
        close = () => {
          subscription.dispose();
          resolve();
        };
        if (finished) close();
      });
    });
  };
  const timer = setTimeout(show, PROGRESS_DELAY_MS);

  const steps: WorkSteps = {
    token: cancellation.token,
    expectLong() {
      long = true;
    },
    async step(text: string) {
      message = text;
      // Long work, or a step that blocked past the delay (the timer could not fire): show it now.
      if (long || performance.now() - started >= PROGRESS_DELAY_MS) show();
      report?.(text);
      await yieldToHost();
      if (cancellation.token.isCancellationRequested) throw new vscode.CancellationError();
    },
  };
  try {
    const value = await work(steps);
    // A cancel pressed during the last step still means the user does not want the result.
    if (cancellation.token.isCancellationRequested) throw new vscode.CancellationError();
    return { value, progressShown: shown, durationMs: performance.now() - started };
  } finally {
    finished = true;
    clearTimeout(timer);
    close?.();
    cancellation.dispose();
  }
}
