/**
 * Section 4: editor paths with absolute targets (scan 10,000 lines < 20 ms, hover < 5 ms,
 * a 1e6-number literal < 150 ms). One implementation each: the target is the yardstick.
 */
import { parseLiteral } from '../src/core/parse/index';
import { MentionCache, scanDocument, mentionAt } from '../src/core/scan/index';
import type { Comparison } from './harness';
import { uniform } from './inputs';

/** A realistic 10,000-line PyTorch + Keras file: models, training loops, comments, strings. */
export function generatePythonFile(lines: number): string {
  const block = [
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    'from tensorflow import keras',
    '',
    'class Block{i}(nn.Module):',
    '    """A residual block; relu and gelu in a docstring are not mentions."""',
    '    def __init__(self, width=64):',
    '        super().__init__()',
    '        self.fc = nn.Linear(width, width)',
    '        self.act = nn.LeakyReLU(0.1)',
    '        self.gate = nn.GELU(approximate="tanh")',
    '        self.relu_count = 0  # relu_count is not a mention',
    '',
    '    def forward(self, x):',
    '        h = self.act(self.fc(x))',
    '        h = F.softplus(h, beta=2, threshold=10) + torch.sigmoid(x)',
    '        return F.softmax(self.gate(h), dim=-1)',
    '',
    'criterion{i} = nn.CrossEntropyLoss(label_smoothing=0.1)',
    'kl{i} = nn.KLDivLoss(reduction="batchmean", log_target=True)',
    'model{i} = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])',
    'model{i}.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.1))',
    'print("loss is", criterion{i})',
    '',
  ];
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) for (const line of block) out.push(line.replace(/\{i\}/g, String(i)));
  return out.slice(0, lines).join('\n');
}

/** Builds the editor-path comparisons. */
export function editorComparisons(): Comparison[] {
  const source = generatePythonFile(10_000);
  const cache = new MentionCache();
  let version = 0;
  const literal = `np.array([${Array.from(uniform(1e6, -10, 10, 5), (v) => v.toPrecision(8)).join(', ')}])`;
  const hoverOffset = source.indexOf('nn.LeakyReLU', source.length / 2) + 4;
  const warmScan = scanDocument(source, 'python');
  return [
    {
      group: 'editor', name: 'scan a 10,000-line Python file', unit: 'file', units: 1, baseline: 'formula-lens', subject: 'formula-lens', targetMsPerUnit: 20,
      implementations: [{ name: 'formula-lens', run: () => scanDocument(source, 'python').mentions.length }],
    },
    {
      group: 'editor', name: 'find the mention under the cursor (cached scan)', unit: 'hover', units: 1, baseline: 'formula-lens', subject: 'formula-lens', targetMsPerUnit: 5,
      implementations: [{ name: 'formula-lens', run: () => mentionAt(cache.get('file:///bench.py', version, source, 'python').mentions, hoverOffset) }],
    },
    {
      group: 'editor', name: 'rescan after an edit (new version)', unit: 'file', units: 1, baseline: 'formula-lens', subject: 'formula-lens', targetMsPerUnit: 20,
      implementations: [{ name: 'formula-lens', run: () => cache.get('file:///bench.py', ++version, source, 'python').mentions.length + warmScan.mentions.length }],
    },
    {
      group: 'editor', name: 'parse a 1e6-number np.array literal', unit: 'literal', units: 1, baseline: 'formula-lens', subject: 'formula-lens', targetMsPerUnit: 150,
      implementations: [{ name: 'formula-lens', run: () => parseLiteral(literal).tensor.data.length }],
    },
  ];
}
