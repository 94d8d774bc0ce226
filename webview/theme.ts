/**
 * Chart colours from VS Code's theme variables. VS Code sets `vscode-light`, `vscode-dark`,
 * `vscode-high-contrast` or `vscode-high-contrast-light` on <body> and updates the CSS variables
 * when the theme changes; a MutationObserver on that class re-themes every chart live.
 */

/** Colours and line weights for charts. */
export interface ChartTheme {
  readonly kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  readonly foreground: string;
  readonly background: string;
  readonly grid: string;
  readonly axis: string;
  /** Series colours in order of use. */
  readonly series: readonly string[];
  readonly crosshair: string;
  readonly lineWidth: number;
  readonly fontFamily: string;
  readonly fontSize: number;
}

const FALLBACK_SERIES = ['#3794ff', '#f14c4c', '#89d185', '#cca700', '#d18616', '#b180d7'];
const SERIES_VARIABLES = ['--vscode-charts-blue', '--vscode-charts-red', '--vscode-charts-green', '--vscode-charts-yellow', '--vscode-charts-orange', '--vscode-charts-purple'];

function themeKind(body: HTMLElement): ChartTheme['kind'] {
  if (body.classList.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (body.classList.contains('vscode-high-contrast')) return 'high-contrast';
  if (body.classList.contains('vscode-light')) return 'light';
  return 'dark';
}

/** Reads the current theme from the CSS variables VS Code injects. */
export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kind = themeKind(document.body);
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const foreground = variable('--vscode-editor-foreground', variable('--vscode-foreground', kind === 'light' ? '#333333' : '#cccccc'));
  return {
    kind,
    foreground,
    background: variable('--vscode-editor-background', kind === 'light' || kind === 'high-contrast-light' ? '#ffffff' : '#1e1e1e'),
    grid: highContrast ? variable('--vscode-contrastBorder', foreground) : variable('--vscode-editorWidget-border', variable('--vscode-widget-border', 'rgba(128,128,128,0.35)')),
    axis: variable('--vscode-descriptionForeground', foreground),
    series: SERIES_VARIABLES.map((name, i) => variable(name, FALLBACK_SERIES[i]!)),
    crosshair: variable('--vscode-editorCursor-foreground', foreground),
    lineWidth: highContrast ? 3 : 2,
    fontFamily: variable('--vscode-font-family', 'sans-serif'),
    fontSize: Number.parseFloat(variable('--vscode-font-size', '13')) || 13,
  };
}

/** The series colour for the i-th curve (cycling). */
export function seriesColor(theme: ChartTheme, index: number): string {
  return theme.series[index % theme.series.length]!;
}

/** A colour with alpha, for shaded regions (works for #rgb, #rrggbb and rgb() forms; others are returned as is). */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^,]+),([^,]+),([^,)]+)/i.exec(color);
  if (rgb) return `rgba(${rgb[1]!.trim()}, ${rgb[2]!.trim()}, ${rgb[3]!.trim()}, ${alpha})`;
  return color;
}

/**
 * Calls `onChange` with the new theme whenever VS Code switches themes: the body class changes between
 * kinds, and the variables on <html>'s style change between two themes of the same kind.
 */
export function watchTheme(onChange: (theme: ChartTheme) => void): () => void {
  const signature = () => `${document.body.className}|${document.documentElement.getAttribute('style') ?? ''}`;
  let last = signature();
  const observer = new MutationObserver(() => {
    const current = signature();
    if (current === last) return;
    last = current;
    onChange(readTheme());
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => observer.disconnect();
}
