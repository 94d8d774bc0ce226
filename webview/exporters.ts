/**
 * Exports from the page. Webviews cannot download files or reliably reach the clipboard, so the page
 * sends the data to the host, which shows a save dialog or writes the clipboard.
 */
import { columnsToCsv } from '../src/core/csv';
import { postToHost } from './hostBridge';
import type { LineChart } from './plot';

/** Sends the chart as a PNG (drawn with the theme background) for the host to save. */
export function exportPng(chart: LineChart, fileName: string): void {
  postToHost({ type: 'savePng', dataUrl: chart.toBase64Image('image/png'), fileName });
}

/** Sends sampled columns as CSV for the host to save. */
export function exportCsv(headers: readonly string[], columns: readonly Float64Array[], fileName: string): void {
  postToHost({ type: 'saveCsv', csv: columnsToCsv(headers, columns), fileName });
}

/** Asks the host to put LaTeX on the clipboard. */
export function copyLatex(latex: string): void {
  postToHost({ type: 'copyLatex', latex });
}
