/** Which files are Formula Lens evaluation files. */

/** True for `*.formulalens.json`, `*.formulalens.jsonc`, `*.formulalens.yaml` and `*.formulalens.yml`. */
export function isEvaluationConfigFile(fileName: string): boolean {
  return /\.formulalens\.(json|jsonc|ya?ml)$/i.test(fileName);
}
