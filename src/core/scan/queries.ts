/** Small helpers hosts use on scan results. */
import type { ParamValue } from '../catalog/types';
import type { Mention } from './types';

/** The parameters to evaluate a mention with: the API's own defaults under the literal values written. */
export function mentionParams(mention: Mention): Record<string, ParamValue> {
  return { ...mention.defaults, ...mention.params };
}

/** The mention whose name token (or, failing that, whose call) contains an offset; the innermost wins. */
export function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  let best: Mention | undefined;
  for (const mention of mentions) {
    if (mention.range.start <= offset && offset <= mention.range.end) return mention;
    const call = mention.callRange;
    if (call && call.start <= offset && offset <= call.end && (!best || call.start >= best.callRange!.start)) best = mention;
  }
  return best;
}
