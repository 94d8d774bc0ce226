/**
 * Builds the network a configuration describes: catalog activations bound to their kernels,
 * parameters from the explicit initial values or drawn by the seeded initializers.
 */
import { getEntry } from '../catalog/registry';
import type { Framework } from '../catalog/types';
import { IDENTITY, layerActivation, type LayerActivation } from './activation';
import type { ActivationConfig, LinearParams, ModelConfig, TrainingConfig } from './config';
import { initialize } from './initializers';
import { Network } from './network';
import { createRandom, deriveSeed } from './random';

/** Binds an activation config to its kernel (or to the identity / row-wise softmax). */
export function createActivation(config: ActivationConfig, framework: Framework): LayerActivation {
  if (config.id === 'linear') return IDENTITY;
  if (config.id === 'softmax' || config.id === 'log_softmax') return layerActivation(config.id, config.id, config.params, framework);
  const entry = getEntry(config.id);
  if (!entry || entry.kind !== 'activation' || !entry.kernel) throw new Error(`activation ${config.id} has no elementwise kernel`);
  return layerActivation(config.id, 'elementwise', config.params, framework, entry.kernel);
}

/** An uninitialized network with the configured layers (hidden layers, then the output layer). */
export function createNetwork(model: ModelConfig, framework: Framework): Network {
  return new Network(model.inputSize, [
    ...model.layers.map((layer) => ({ units: layer.units, activation: createActivation(layer.activation, framework) })),
    { units: model.outputUnits, activation: createActivation(model.outputActivation, framework) },
  ]);
}

/** Copies explicit parameters (torch layout) into the network. */
export function loadParams(network: Network, params: readonly LinearParams[]): void {
  network.layers.forEach((layer, l) => {
    const given = params[l]!;
    for (let o = 0; o < layer.units; o++) {
      layer.bias[o] = given.bias[o]!;
      for (let i = 0; i < layer.inputs; i++) layer.weight[o * layer.inputs + i] = given.weight[o]![i]!;
    }
  });
}

/** Sets the initial parameters: the explicit ones when given, else drawn from the seeded initializers (weights, then bias, layer by layer). */
export function initializeNetwork(network: Network, config: TrainingConfig): void {
  const model = config.model;
  if (model.initialParams) {
    loadParams(network, model.initialParams);
    return;
  }
  const random = createRandom(deriveSeed(config.seed, 'init'));
  for (const layer of network.layers) {
    initialize(model.weightInitializer, layer.weight, layer.inputs, layer.units, random);
    initialize(model.biasInitializer, layer.bias, layer.inputs, layer.units, random);
  }
}

/** The network's parameters as plain nested arrays, torch layout. */
export function readParams(network: Network): LinearParams[] {
  return network.layers.map((layer) => ({
    weight: Array.from({ length: layer.units }, (_, o) => Array.from(layer.weight.subarray(o * layer.inputs, (o + 1) * layer.inputs))),
    bias: Array.from(layer.bias),
  }));
}
