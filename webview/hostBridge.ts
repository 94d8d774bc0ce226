/**
 * The page's only link to VS Code: `acquireVsCodeApi()` wrapped with the protocol's types.
 * Webview state (getState/setState) survives hiding the panel and, through the serializer, a window reload.
 */
import type { WebviewToHostMessage } from '../src/protocol/playground';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** `acquireVsCodeApi` may be called once per page. */
const api: VsCodeApi = acquireVsCodeApi();

/** Sends a typed message to the extension host. */
export function postToHost(message: WebviewToHostMessage): void {
  api.postMessage(message);
}

/** The state this page saved last (unchecked: the caller validates it). */
export function loadSavedState(): unknown {
  return api.getState();
}

/** Saves the state VS Code hands back after the page reloads or the window restarts. */
export function saveState(state: unknown): void {
  api.setState(state);
}

/** Reports an error inside the page to the extension's log. */
export function logToHost(level: 'info' | 'warn' | 'error', message: string): void {
  postToHost({ type: 'log', level, message: message.slice(0, 4000) });
}
