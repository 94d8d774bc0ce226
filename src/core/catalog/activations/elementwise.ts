/** Building blocks of elementwise activations: evaluation through the entry's kernel. */
import type { ActivationEntry, ActivationOptions, ActivationResult, ElementwiseKernel } from '../types';
import type { Tensor } from '../../tensor';

/** Applies an elementwise kernel to a tensor of any shape: value f(x) and derivative f'(x). */
export function evaluateElementwise(kernel: ElementwiseKernel, input: Tensor, options: ActivationOptions): ActivationResult {
  const value = new Float64Array(input.data.length);
  const grad = new Float64Array(input.data.length);
  kernel.forward(input.data, value, options.params, options.framework);
  kernel.derivative(input.data, grad, options.params, options.framework);
  return { value: { shape: [...input.shape], data: value }, grad: { shape: [...input.shape], data: grad } };
}

/** An elementwise catalog entry as data: everything but `kind` and `evaluate`, which follow from the kernel. */
export type ElementwiseDefinition = Omit<ActivationEntry, 'kind' | 'evaluate' | 'jacobian' | 'kernel'> & { readonly kernel: ElementwiseKernel };

/** Completes an elementwise definition into a catalog entry whose `evaluate` runs its kernel. */
export function defineElementwise(definition: ElementwiseDefinition): ActivationEntry {
  return {
    ...definition,
    kind: 'activation',
    evaluate: (input, options) => evaluateElementwise(definition.kernel, input, options),
  };
}
