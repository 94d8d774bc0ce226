/** Every catalog loss, in display order. */
import type { LossEntry } from '../types';

export const LOSSES: readonly LossEntry[] = [];
