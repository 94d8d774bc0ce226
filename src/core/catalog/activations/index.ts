/** Every catalog activation, in display order. */
import type { ActivationEntry } from '../types';

export const ACTIVATIONS: readonly ActivationEntry[] = [];
