/**
 * PyTorch's CPU elementwise kernels (ATen `cpu_kernel_vec`) have two code paths that disagree at a
 * few inputs (NaN, exact kinks). Over a contiguous tensor of n elements they run the vectorized
 * path two AVX2 registers of 4 doubles at a time and finish the last n mod 8 elements with the
 * scalar code. In torch 1.13 (Debian python3-torch, CPU capability AVX2) several backward passes
 * therefore depend on the position: elu′(NaN) is 1 at index 9 of a 10-element tensor, NaN at index 0.
 */

/** Elements per step of torch's vectorized loop for float64 (2 × 4 lanes of AVX2). */
export const TORCH_FLOAT64_VECTOR_BLOCK = 8;

/** How many leading elements of a contiguous n-element float64 tensor torch handles on its vectorized path. */
export function torchVectorizedCount(n: number): number {
  return n - (n % TORCH_FLOAT64_VECTOR_BLOCK);
}
