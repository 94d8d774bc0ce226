/** Every catalog loss, in display order: regression, binary, multi-class, distributions, margin and ranking losses. */
import { withTfjsLossRange } from '../tfjsRange';
import type { LossEntry } from '../types';
import { binaryCrossentropy } from './binaryCrossentropy';
import { binaryCrossentropyWithLogits } from './binaryCrossentropyWithLogits';
import { binaryFocalCrossentropy } from './binaryFocalCrossentropy';
import { categoricalCrossentropy } from './categoricalCrossentropy';
import { categoricalHinge } from './categoricalHinge';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { cosineSimilarity } from './cosineSimilarity';
import { hinge } from './hinge';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { huber } from './huber';
import { klDivergence } from './klDivergence';
import { logCosh } from './logCosh';
import { mae } from './mae';
import { mape } from './mape';
import { marginRankingLoss } from './marginRankingLoss';
import { mse } from './mse';
import { msle } from './msle';
import { multilabelMarginLoss } from './multilabelMarginLoss';
import { multilabelSoftMarginLoss } from './multilabelSoftMarginLoss';
import { multiMarginLoss } from './multiMarginLoss';
import { nllLoss } from './nllLoss';
import { poisson } from './poisson';
import { poissonNll } from './poissonNll';
import { smoothL1 } from './smoothL1';
import { softMarginLoss } from './softMarginLoss';
import { sparseCategoricalCrossentropy } from './sparseCategoricalCrossentropy';
import { squaredHinge } from './squaredHinge';
import { tripletMarginLoss } from './tripletMarginLoss';

/** Every loss, with TF.js-profile results kept in the float32 range. */
export const LOSSES: readonly LossEntry[] = [
  // Regression
  mse,
  mae,
  huber,
  smoothL1,
  logCosh,
  mape,
  msle,
  // Binary classification
  binaryCrossentropy,
  binaryCrossentropyWithLogits,
  binaryFocalCrossentropy,
  // Multi-class classification
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  nllLoss,
  // Distributions and counts
  klDivergence,
  poisson,
  poissonNll,
  cosineSimilarity,
  // Margin, ranking and embedding losses
  hinge,
  squaredHinge,
  categoricalHinge,
  softMarginLoss,
  multilabelSoftMarginLoss,
  multiMarginLoss,
  multilabelMarginLoss,
  hingeEmbeddingLoss,
  marginRankingLoss,
  cosineEmbeddingLoss,
  tripletMarginLoss,
].map(withTfjsLossRange);
