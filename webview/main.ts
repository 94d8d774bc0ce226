/**
 * Entry point of the Playground page. Reads the data the host embedded in the HTML (state, locale,
 * strings, saved formulas), restores the state, builds the tabs and listens to the host and the theme.
 */
import * as l10n from '@vscode/l10n';
import { FRAMEWORKS, type Framework } from '../src/core/catalog/types';
import { setCoreLocale } from '../src/core/l10n';
import {
  isFramework,
  isHostToWebviewMessage,
  isPlaygroundFocus,
  isPlaygroundState,
  sanitizeSavedFormulas,
  type PlaygroundBootData,
  type PlaygroundTab,
} from '../src/protocol/playground';
import { CurvesView } from './curvesView';
import { el, select } from './dom';
import { LazyFormulaLibrary } from './formulaLibrary';
import { FormulaView } from './formulaView';
import { frameworkLabel } from './functionRows';
import { loadSavedState, logToHost, postToHost, saveState } from './hostBridge';
import { LossExplorerView } from './lossExplorerView';
import { applyFocus, initialState } from '../src/protocol/playgroundState';
import { PlaygroundStore } from './state';
import { Tabs } from './tabs';
import { readTheme, watchTheme } from './theme';
import { TrainingView } from './trainingView';

/** The nonce of this script; the formula bundle is loaded later with the same one. Only readable now. */
const scriptNonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

/** Reads and checks the embedded boot data (it comes from our host, but a stale page must not crash). */
function readBootData(): PlaygroundBootData {
  const element = document.getElementById('formula-lens-boot');
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(element?.textContent ?? '{}') as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const bundle = raw['l10nBundle'];
  const isBundle = typeof bundle === 'object' && bundle !== null && Object.values(bundle).every((value) => typeof value === 'string');
  return {
    locale: raw['locale'] === 'zh-cn' ? 'zh-cn' : 'en',
    l10nBundle: isBundle ? (bundle as Record<string, string>) : null,
    state: isPlaygroundState(raw['state']) ? raw['state'] : null,
    focus: isPlaygroundFocus(raw['focus']) ? raw['focus'] : null,
    defaultFramework: isFramework(raw['defaultFramework']) ? raw['defaultFramework'] : 'torch',
    customFormulas: sanitizeSavedFormulas(raw['customFormulas']),
    formulaScriptUri: typeof raw['formulaScriptUri'] === 'string' ? raw['formulaScriptUri'] : '',
    workerScriptUri: typeof raw['workerScriptUri'] === 'string' ? raw['workerScriptUri'] : '',
  };
}

function start(): void {
  const boot = readBootData();
  if (boot.l10nBundle) l10n.config({ contents: boot.l10nBundle });
  setCoreLocale(boot.locale);
  window.addEventListener('error', (event) => logToHost('error', `${event.message} (${event.filename}:${event.lineno})`));
  window.addEventListener('unhandledrejection', (event) => logToHost('error', String(event.reason)));

  const store = new PlaygroundStore(initialState(boot, loadSavedState()), boot.customFormulas, saveState);
  const theme = readTheme();
  let views: { render(): void; retheme(theme: ReturnType<typeof readTheme>): void }[] = [];
  const formulas = new LazyFormulaLibrary(boot.formulaScriptUri, scriptNonce, boot.locale,
    () => views.forEach((view) => view.render()),
    (message) => logToHost('error', `formula compiler: ${message}`));
  formulas.setSaved(store.savedFormulas);

  const curves = new CurvesView(store, formulas, theme);
  const losses = new LossExplorerView(store, formulas, theme);
  const custom = new FormulaView(store, formulas, theme);
  const training = new TrainingView(store, theme, boot.workerScriptUri ?? '');
  views = [curves, losses, custom, training];

  const tabs = new Tabs<PlaygroundTab>([
    { id: 'curves', label: l10n.t('Curves'), content: curves.element },
    { id: 'loss', label: l10n.t('Loss explorer'), content: losses.element },
    { id: 'custom', label: l10n.t('Custom formulas'), content: custom.element },
    { id: 'training', label: l10n.t('Training'), content: training.element },
  ], store.current.tab, (tab) => store.update((state) => (state.tab === tab ? state : { ...state, tab })));

  const framework = select(FRAMEWORKS.map((value) => ({ value, label: frameworkLabel(value) })), store.current.framework, { id: 'panel-framework', 'aria-label': l10n.t('Framework semantics') });
  framework.addEventListener('change', () => store.update((state) => ({ ...state, framework: framework.value as Framework })));

  // The Training tab has its own framework control (part of its configuration): the panel's is hidden there.
  const frameworkBox = el('div', { class: 'framework' }, el('label', { for: 'panel-framework' }, l10n.t('Framework')), framework);
  frameworkBox.hidden = store.current.tab === 'training';
  const app = document.getElementById('app') ?? document.body;
  app.replaceChildren(
    el('header', { class: 'header' }, tabs.strip, frameworkBox),
    tabs.panels);

  store.subscribe(() => {
    formulas.setSaved(store.savedFormulas);
    tabs.show(store.current.tab);
    framework.value = store.current.framework;
    frameworkBox.hidden = store.current.tab === 'training';
    for (const view of views) view.render();
  });

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isHostToWebviewMessage(message)) {
      logToHost('warn', `ignored a malformed message from the host (${typeof message === 'object' && message !== null ? String((message as { type?: unknown }).type) : typeof message})`);
      return;
    }
    switch (message.type) {
      case 'focus':
        store.update((state) => applyFocus(state, message.focus));
        return;
      case 'customFormulas':
        store.setSavedFormulas(message.formulas);
        return;
      case 'trainConfig':
      case 'dataText':
        training.onHostMessage(message);
        return;
      default: {
        const unhandled: never = message;
        logToHost('warn', `unhandled host message ${JSON.stringify(unhandled)}`);
      }
    }
  });

  watchTheme((next) => {
    for (const view of views) view.retheme(next);
  });
  postToHost({ type: 'ready' });
}

start();
