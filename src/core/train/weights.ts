/**
 * Weights as JSON: the parameters of every linear layer in torch nn.Linear layout, with the layer
 * widths and activations, so a file can seed `model.initial_params` again or be loaded in Python.
 */
import type { LinearParams, TrainingConfig } from './config';

/** The weights document (`model.initial_params` accepts it as is). */
export interface WeightsJson {
  readonly format: 'formula-lens-weights';
  readonly version: 1;
  readonly layout: string;
  readonly input_size: number;
  readonly layers: readonly {
    readonly units: number;
    readonly activation: string;
    /** [units][inputs]. */
    readonly weight: readonly (readonly number[])[];
    readonly bias: readonly number[];
  }[];
}

/** The layout note written into every weights document. */
export const WEIGHTS_LAYOUT = 'torch nn.Linear: weight[out_features][in_features], y = x W^T + b';

/** Builds the weights document of a configuration's model from its parameters. */
export function toWeightsJson(config: TrainingConfig, params: readonly LinearParams[]): WeightsJson {
  const model = config.model;
  const activations = [...model.layers.map((layer) => layer.activation.id), model.outputActivation.id];
  return {
    format: 'formula-lens-weights',
    version: 1,
    layout: WEIGHTS_LAYOUT,
    input_size: model.inputSize,
    layers: params.map((layer, l) => ({ units: layer.bias.length, activation: activations[l]!, weight: layer.weight, bias: layer.bias })),
  };
}
