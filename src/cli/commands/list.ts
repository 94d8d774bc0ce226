/** `formula-lens list`: the catalog with names, aliases, parameters and formulas. */
import { CATALOG } from '../../core/catalog/registry';
import { defaultFor } from '../../core/catalog/params';
import { FRAMEWORKS, type CatalogEntry } from '../../core/catalog/types';
import { localize } from '../../core/l10n';
import { stringifyNumbers } from '../../core/jsonNumbers';
import { cliMessages } from '../messages';
import type { CliIO } from '../io';
import { renderFields } from '../table';

/** The JSON description of one entry (ids, names, parameters with each framework's default, formulas). */
export function describeEntry(entry: CatalogEntry): Record<string, unknown> {
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    aliases: entry.aliases,
    names: entry.names,
    frameworks: entry.frameworks,
    params: entry.params.map((spec) => ({
      name: spec.name,
      type: spec.type,
      defaults: Object.fromEntries(FRAMEWORKS.map((framework) => [framework, defaultFor(spec, framework)])),
      ...(spec.choices ? { choices: spec.choices } : {}),
      ...(spec.frameworkNames ? { frameworkNames: spec.frameworkNames } : {}),
      description: localize(spec.description),
    })),
    ...(entry.kind === 'loss' ? { reductions: entry.reductions } : {}),
    formula: entry.formula,
    range: entry.range,
    description: localize(entry.description),
  };
}

/** Prints the catalog as JSON or as a readable list grouped by kind. */
export function runList(json: boolean, io: CliIO): number {
  if (json) {
    io.out(stringifyNumbers({ functions: CATALOG.map(describeEntry) }, 2));
    return 0;
  }
  const sections: string[] = [];
  for (const kind of ['activation', 'loss'] as const) {
    const title = localize(kind === 'activation' ? cliMessages.sectionActivations : cliMessages.sectionLosses);
    const blocks = CATALOG.filter((entry) => entry.kind === kind).map((entry) => {
      const params = entry.params.map((spec) => `${spec.name}=${FRAMEWORKS.map((f) => JSON.stringify(defaultFor(spec, f))).filter((v, i, all) => all.indexOf(v) === i).join('|')}`);
      const names = [...new Set(Object.values(entry.names).flat())].slice(0, 6);
      return `● ${entry.id} — ${entry.title}\n` + renderFields([
        [localize(cliMessages.labelFormula), entry.formula.text],
        [localize(cliMessages.labelDerivative), entry.formula.derivativeText],
        [localize(cliMessages.labelRange), entry.range],
        [localize(cliMessages.labelParams), params.join(', ') || localize(cliMessages.noParams)],
        [localize(cliMessages.labelAliases), [...entry.aliases, ...names].join(', ')],
      ]).replace(/^/gm, '  ');
    });
    sections.push(`${title}\n\n${blocks.join('\n\n')}`);
  }
  io.out(sections.join('\n\n'));
  return 0;
}
