/**
 * The catalog registry: looks functions up by canonical id or by any name users write
 * (`'binaryCrossentropy'`, `nn.BCELoss`, `F.leaky_relu`, `bce`...), and suggests near names.
 */
import { FormulaLensError, localize } from '../l10n';
import { ACTIVATIONS } from './activations/index';
import { LOSSES } from './losses/index';
import { catalogMessages } from './messages';
import type { ActivationEntry, CatalogEntry, Framework, LossEntry } from './types';
import { FRAMEWORKS } from './types';
import { editDistance } from '../text/editDistance';

/** Every entry: activations first, then losses. */
export const CATALOG: readonly CatalogEntry[] = [...ACTIVATIONS, ...LOSSES];

/** Lower-cases and drops separators, so `binaryCrossentropy`, `binary_crossentropy` and `BinaryCrossentropy` meet. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every spelling of an entry: id, aliases, framework names, and the last segment of dotted names. */
export function spellingsOf(entry: CatalogEntry): string[] {
  const spellings = new Set<string>([entry.id, ...entry.aliases]);
  for (const list of Object.values(entry.names)) {
    for (const name of list as readonly string[]) {
      spellings.add(name);
      const last = name.split('.').pop();
      if (last) spellings.add(last);
    }
  }
  return [...spellings];
}

interface NameIndex {
  readonly byId: ReadonlyMap<string, CatalogEntry>;
  readonly byNormalizedName: ReadonlyMap<string, CatalogEntry>;
  /** Normalized names claimed by more than one entry (kept out of the index; the tests require none). */
  readonly collisions: ReadonlyMap<string, readonly string[]>;
}

let index: NameIndex | undefined;

function buildIndex(): NameIndex {
  const byId = new Map<string, CatalogEntry>();
  const byNormalizedName = new Map<string, CatalogEntry>();
  const collisions = new Map<string, string[]>();
  for (const entry of CATALOG) byId.set(entry.id, entry);
  // Ids and aliases win over framework names, so an id always resolves to its own entry.
  const passes: ((e: CatalogEntry) => string[])[] = [(e) => [e.id, ...e.aliases], spellingsOf];
  for (const spellings of passes) {
    for (const entry of CATALOG) {
      for (const spelling of spellings(entry)) {
        const key = normalizeName(spelling);
        const existing = byNormalizedName.get(key);
        if (existing && existing !== entry) {
          if (passes.indexOf(spellings) === 0) collisions.set(key, [existing.id, entry.id]);
          continue;
        }
        byNormalizedName.set(key, entry);
      }
    }
  }
  return { byId, byNormalizedName, collisions };
}

function getIndex(): NameIndex {
  index ??= buildIndex();
  return index;
}

/** Names that two entries both claim as id or alias; empty in a healthy catalog. */
export function nameCollisions(): ReadonlyMap<string, readonly string[]> {
  return getIndex().collisions;
}

/** The entry with this canonical id, or undefined. */
export function getEntry(id: string): CatalogEntry | undefined {
  return getIndex().byId.get(id);
}

/** The entry any spelling refers to (`nn.LeakyReLU`, `'leakyReLU'`, `leaky_relu`), or undefined. */
export function resolveName(name: string): CatalogEntry | undefined {
  const trimmed = name.trim();
  const { byId, byNormalizedName } = getIndex();
  return byId.get(trimmed) ?? byNormalizedName.get(normalizeName(trimmed)) ?? byNormalizedName.get(normalizeName(trimmed.split('.').pop() ?? ''));
}

/** Up to `limit` canonical ids closest to a misspelled name, nearest first. */
export function suggestNames(name: string, kind?: CatalogEntry['kind'], limit = 3): string[] {
  const wanted = normalizeName(name);
  const scored: { id: string; distance: number }[] = [];
  for (const entry of CATALOG) {
    if (kind && entry.kind !== kind) continue;
    let best = Infinity;
    for (const spelling of spellingsOf(entry)) {
      const candidate = normalizeName(spelling);
      const distance = candidate.includes(wanted) || wanted.includes(candidate) ? Math.abs(candidate.length - wanted.length) * 0.5 : editDistance(wanted, candidate);
      // On equal distance, a name of the same length (a typo rather than a different word) ranks first.
      best = Math.min(best, distance + Math.min(Math.abs(candidate.length - wanted.length), 1) * 0.25);
    }
    scored.push({ id: entry.id, distance: best });
  }
  const cutoff = Math.max(2, Math.ceil(wanted.length / 2));
  return scored.filter((s) => s.distance <= cutoff).sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id)).slice(0, limit).map((s) => s.id);
}

function kindLabel(kind: CatalogEntry['kind']): string {
  return localize(kind === 'activation' ? catalogMessages.kindActivation : catalogMessages.kindLoss);
}

/** Resolves a name to an entry of the wanted kind, or throws a localized error with suggestions. */
export function requireEntry(name: string, kind: 'activation'): ActivationEntry;
export function requireEntry(name: string, kind: 'loss'): LossEntry;
export function requireEntry(name: string, kind?: CatalogEntry['kind']): CatalogEntry;
export function requireEntry(name: string, kind?: CatalogEntry['kind']): CatalogEntry {
  const entry = resolveName(name);
  if (!entry) {
    const suggestions = suggestNames(name, kind);
    if (suggestions.length === 0) throw new FormulaLensError(catalogMessages.unknownFunctionNoSuggestion, { name });
    throw new FormulaLensError(catalogMessages.unknownFunction, { name, suggestions: suggestions.join(', ') });
  }
  if (kind && entry.kind !== kind) {
    throw new FormulaLensError(catalogMessages.wrongKind, { name, actual: kindLabel(entry.kind), expected: kindLabel(kind) });
  }
  return entry;
}

/** Parses a framework name (`keras-tfjs` means the tfjs profile), or throws a localized error. */
export function parseFramework(name: string): Framework {
  const normalized = name.trim().toLowerCase();
  if (normalized === 'keras-tfjs' || normalized === 'tf.js' || normalized === 'tensorflowjs') return 'tfjs';
  if (normalized === 'pytorch') return 'torch';
  if (normalized === 'keras3' || normalized === 'tf.keras' || normalized === 'tensorflow' || normalized === 'tf') return 'keras';
  if ((FRAMEWORKS as readonly string[]).includes(normalized)) return normalized as Framework;
  throw new FormulaLensError(catalogMessages.unknownFramework, { name });
}
