/**
 * Misuse rules: each fires on a bad snippet at the right place, stays silent on the corrected
 * snippet, and its quick fix turns the bad snippet into exactly the corrected one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localize } from '../../src/core/l10n';
import { findMisuses, findNotebookMisuses, MISUSE_CODES, notebookCells, scanDocument, type Misuse, type MisuseCode } from '../../src/core/scan/index';

const fixture = (name: string): string => readFileSync(join(process.cwd(), 'test', 'unit', 'fixtures', 'scan', name), 'utf8');

function misusesOf(text: string, languageId: string): Misuse[] {
  return findMisuses(text, languageId, scanDocument(text, languageId));
}

function applyFix(text: string, misuse: Misuse): string {
  assert.ok(misuse.fix, `${misuse.code} has a fix`);
  return text.slice(0, misuse.fix.range.start) + misuse.fix.newText + text.slice(misuse.fix.range.end);
}

interface Case {
  readonly name: string;
  readonly languageId: string;
  readonly bad: string;
  readonly good: string;
  readonly code: MisuseCode;
  /** The text the warning's range covers. */
  readonly at: string;
  /** False when the rule gives no one-edit fix for this case (then `good` is only checked to be silent). */
  readonly fixable?: boolean;
}

const KERAS_HEAD = 'import keras\nfrom keras import layers\n\n';
const TORCH_HEAD = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n';
const TFJS_HEAD = "import * as tf from '@tensorflow/tfjs';\n\n";

const CASES: readonly Case[] = [
  {
    name: 'Keras: sigmoid output layer compiled with from_logits=True',
    languageId: 'python',
    code: 'activation-before-logits-loss',
    at: 'True',
    bad: `${KERAS_HEAD}model = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])\nmodel.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))\n`,
    good: `${KERAS_HEAD}model = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])\nmodel.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=False))\n`,
  },
  {
    name: 'Keras: softmax output, loss object defined earlier with from_logits=True',
    languageId: 'python',
    code: 'activation-before-logits-loss',
    at: 'True',
    bad: `${KERAS_HEAD}loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\ninputs = keras.Input(shape=(4,))\nx = layers.Dense(16, activation="relu")(inputs)\noutputs = layers.Dense(3, activation="softmax")(x)\nmodel = keras.Model(inputs, outputs)\nmodel.compile(optimizer="adam", loss=loss_fn)\n`,
    good: `${KERAS_HEAD}loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=False)\ninputs = keras.Input(shape=(4,))\nx = layers.Dense(16, activation="relu")(inputs)\noutputs = layers.Dense(3, activation="softmax")(x)\nmodel = keras.Model(inputs, outputs)\nmodel.compile(optimizer="adam", loss=loss_fn)\n`,
  },
  {
    name: 'Keras: an Activation("sigmoid") layer before a Dropout, then from_logits=True',
    languageId: 'python',
    code: 'activation-before-logits-loss',
    at: 'True',
    bad: `${KERAS_HEAD}model = keras.Sequential([layers.Dense(1), layers.Activation("sigmoid"), layers.Dropout(0.1)])\nmodel.compile(loss=keras.losses.BinaryFocalCrossentropy(from_logits=True))\n`,
    good: `${KERAS_HEAD}model = keras.Sequential([layers.Dense(1), layers.Activation("sigmoid"), layers.Dropout(0.1)])\nmodel.compile(loss=keras.losses.BinaryFocalCrossentropy(from_logits=False))\n`,
  },
  {
    name: 'PyTorch: torch.sigmoid fed to BCEWithLogitsLoss',
    languageId: 'python',
    code: 'activation-before-logits-loss',
    at: 'sigmoid',
    bad: `${TORCH_HEAD}loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]))\n\ndef step(logits, y):\n    return loss_fn(torch.sigmoid(logits), y)\n`,
    good: `${TORCH_HEAD}loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]))\n\ndef step(logits, y):\n    return loss_fn(logits, y)\n`,
  },
  {
    name: 'PyTorch: a tensor .sigmoid() fed to F.binary_cross_entropy_with_logits',
    languageId: 'python',
    code: 'activation-before-logits-loss',
    at: 'sigmoid',
    bad: `${TORCH_HEAD}loss = F.binary_cross_entropy_with_logits(model(x).sigmoid(), y)\n`,
    good: `${TORCH_HEAD}loss = F.binary_cross_entropy_with_logits(model(x), y)\n`,
  },
  {
    name: 'PyTorch: Sequential ending in nn.Sigmoid trained with BCEWithLogitsLoss',
    languageId: 'python',
    code: 'activation-before-logits-loss',
    at: 'Sigmoid',
    bad: `${TORCH_HEAD}model = nn.Sequential(\n    nn.Linear(4, 8),\n    nn.ReLU(),\n    nn.Linear(8, 1),\n    nn.Sigmoid(),\n)\ncriterion = nn.BCEWithLogitsLoss()\n`,
    good: `${TORCH_HEAD}model = nn.Sequential(\n    nn.Linear(4, 8),\n    nn.ReLU(),\n    nn.Linear(8, 1),\n)\ncriterion = nn.BCEWithLogitsLoss()\n`,
  },
  {
    name: 'TF.js: tf.sigmoid fed to tf.losses.sigmoidCrossEntropy',
    languageId: 'typescript',
    code: 'activation-before-logits-loss',
    at: 'sigmoid',
    bad: `${TFJS_HEAD}const loss = tf.losses.sigmoidCrossEntropy(labels, tf.sigmoid(logits));\n`,
    good: `${TFJS_HEAD}const loss = tf.losses.sigmoidCrossEntropy(labels, logits);\n`,
  },
  {
    name: 'PyTorch: F.softmax fed to a CrossEntropyLoss criterion',
    languageId: 'python',
    code: 'softmax-before-cross-entropy',
    at: 'softmax',
    bad: `${TORCH_HEAD}criterion = nn.CrossEntropyLoss(label_smoothing=0.1)\nfor x, y in loader:\n    out = model(x)\n    loss = criterion(F.softmax(out, dim=1), y)\n`,
    good: `${TORCH_HEAD}criterion = nn.CrossEntropyLoss(label_smoothing=0.1)\nfor x, y in loader:\n    out = model(x)\n    loss = criterion(out, y)\n`,
  },
  {
    name: 'PyTorch: Sequential ending in nn.Softmax in a file that uses CrossEntropyLoss',
    languageId: 'python',
    code: 'softmax-before-cross-entropy',
    at: 'Softmax',
    bad: `${TORCH_HEAD}model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\nloss = F.cross_entropy(model(x), y)\n`,
    good: `${TORCH_HEAD}model = nn.Sequential(nn.Linear(4, 3))\nloss = F.cross_entropy(model(x), y)\n`,
  },
  {
    name: 'PyTorch: forward returns a softmax module applied to the logits',
    languageId: 'python',
    code: 'softmax-before-cross-entropy',
    at: 'probabilities',
    bad: `${TORCH_HEAD}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.head = nn.Linear(8, 3)\n        self.probabilities = nn.Softmax(dim=1)\n\n    def forward(self, x):\n        return self.probabilities(self.head(x))\n\n\ncriterion = nn.CrossEntropyLoss()\n`,
    good: `${TORCH_HEAD}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.head = nn.Linear(8, 3)\n        self.probabilities = nn.Softmax(dim=1)\n\n    def forward(self, x):\n        return self.head(x)\n\n\ncriterion = nn.CrossEntropyLoss()\n`,
  },
  {
    name: 'PyTorch: forward returns torch.softmax with CrossEntropyLoss in the file',
    languageId: 'python',
    code: 'softmax-before-cross-entropy',
    at: 'softmax',
    bad: `${TORCH_HEAD}class Net(nn.Module):\n    def forward(self, x):\n        h = self.body(x)\n        return torch.softmax(self.head(h), dim=-1)\n\nloss_fn = nn.CrossEntropyLoss()\n`,
    good: `${TORCH_HEAD}class Net(nn.Module):\n    def forward(self, x):\n        h = self.body(x)\n        return self.head(h)\n\nloss_fn = nn.CrossEntropyLoss()\n`,
  },
  {
    name: 'PyTorch: BCELoss on a model without any sigmoid',
    languageId: 'python',
    code: 'bce-without-sigmoid',
    at: 'BCELoss',
    bad: `${TORCH_HEAD}model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))\ncriterion = nn.BCELoss()\nloss = criterion(model(x), y)\n`,
    good: `${TORCH_HEAD}model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))\ncriterion = nn.BCEWithLogitsLoss()\nloss = criterion(model(x), y)\n`,
  },
  {
    name: 'PyTorch: F.binary_cross_entropy in a module without sigmoid',
    languageId: 'python',
    code: 'bce-without-sigmoid',
    at: 'binary_cross_entropy',
    bad: `${TORCH_HEAD}class Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n\nloss = F.binary_cross_entropy(Net()(x), y)\n`,
    good: `${TORCH_HEAD}class Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n\nloss = F.binary_cross_entropy_with_logits(Net()(x), y)\n`,
  },
  {
    name: 'Keras: Dense(1, activation="softmax")',
    languageId: 'python',
    code: 'single-unit-softmax',
    at: 'softmax',
    bad: `${KERAS_HEAD}model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="softmax")])\n`,
    good: `${KERAS_HEAD}model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])\n`,
  },
  {
    name: 'Keras: Dense(units=1) with a softmax function reference',
    languageId: 'python',
    code: 'single-unit-softmax',
    at: 'softmax',
    bad: 'import tensorflow as tf\n\nhead = tf.keras.layers.Dense(units=1, activation=tf.nn.softmax)\n',
    good: 'import tensorflow as tf\n\nhead = tf.keras.layers.Dense(units=1, activation=tf.nn.sigmoid)\n',
  },
  {
    name: 'TF.js: dense({units: 1, activation: "softmax"})',
    languageId: 'typescript',
    code: 'single-unit-softmax',
    at: 'softmax',
    bad: `${TFJS_HEAD}model.add(tf.layers.dense({ units: 1, activation: 'softmax' }));\n`,
    good: `${TFJS_HEAD}model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));\n`,
  },
  {
    name: 'PyTorch: nn.Linear(h, 1) followed by nn.Softmax',
    languageId: 'python',
    code: 'single-unit-softmax',
    at: 'Softmax',
    bad: `${TORCH_HEAD}model = nn.Sequential(nn.Linear(16, 1), nn.Softmax(dim=1))\n`,
    good: `${TORCH_HEAD}model = nn.Sequential(nn.Linear(16, 1), nn.Sigmoid())\n`,
  },
  {
    name: 'PyTorch: KLDivLoss(reduction="mean") keeps its quote style',
    languageId: 'python',
    code: 'kl-div-mean-reduction',
    at: '"mean"',
    bad: `${TORCH_HEAD}kl = nn.KLDivLoss(reduction="mean", log_target=True)\n`,
    good: `${TORCH_HEAD}kl = nn.KLDivLoss(reduction="batchmean", log_target=True)\n`,
  },
  {
    name: 'PyTorch: KLDivLoss() with the default mean',
    languageId: 'python',
    code: 'kl-div-mean-reduction',
    at: 'KLDivLoss',
    bad: `${TORCH_HEAD}kl = nn.KLDivLoss()\n`,
    good: `${TORCH_HEAD}kl = nn.KLDivLoss(reduction='batchmean')\n`,
  },
  {
    name: 'PyTorch: F.kl_div with the default mean, in a file of double-quoted strings',
    languageId: 'python',
    code: 'kl-div-mean-reduction',
    at: 'kl_div',
    bad: `${TORCH_HEAD}name = "distill"\nloss = F.kl_div(log_q, p, log_target=False)\n`,
    good: `${TORCH_HEAD}name = "distill"\nloss = F.kl_div(log_q, p, log_target=False, reduction="batchmean")\n`,
  },
  {
    name: 'PyTorch: nn.Softmax() without dim',
    languageId: 'python',
    code: 'softmax-without-dim',
    at: 'Softmax',
    bad: `${TORCH_HEAD}probabilities = nn.Softmax()\n`,
    good: `${TORCH_HEAD}probabilities = nn.Softmax(dim=-1)\n`,
  },
  {
    name: 'PyTorch: F.log_softmax(x) without dim',
    languageId: 'python',
    code: 'softmax-without-dim',
    at: 'log_softmax',
    bad: `${TORCH_HEAD}log_p = F.log_softmax(scores / temperature)\n`,
    good: `${TORCH_HEAD}log_p = F.log_softmax(scores / temperature, dim=-1)\n`,
  },
  {
    name: 'PyTorch: tensor.softmax() without dim',
    languageId: 'python',
    code: 'softmax-without-dim',
    at: 'softmax',
    bad: `${TORCH_HEAD}p = logits.softmax()\n`,
    good: `${TORCH_HEAD}p = logits.softmax(dim=-1)\n`,
  },
  {
    name: 'TF.js: snake_case loss name in compile',
    languageId: 'typescript',
    code: 'tfjs-unsupported-name',
    at: 'binary_crossentropy',
    bad: `${TFJS_HEAD}model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });\n`,
    good: `${TFJS_HEAD}model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });\n`,
  },
  {
    name: 'TF.js: Keras short loss name',
    languageId: 'javascript',
    code: 'tfjs-unsupported-name',
    at: 'mse',
    bad: "const tf = require('@tensorflow/tfjs');\nmodel.compile({ optimizer: 'sgd', loss: 'mse' });\n",
    good: "const tf = require('@tensorflow/tfjs');\nmodel.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });\n",
  },
  {
    name: 'TF.js: Python activation spelling',
    languageId: 'typescript',
    code: 'tfjs-unsupported-name',
    at: 'hard_sigmoid',
    bad: `${TFJS_HEAD}model.add(tf.layers.dense({ units: 4, activation: 'hard_sigmoid' }));\n`,
    good: `${TFJS_HEAD}model.add(tf.layers.dense({ units: 4, activation: 'hardSigmoid' }));\n`,
  },
  {
    name: 'TF.js: an activation TF.js does not have at all',
    languageId: 'typescript',
    code: 'tfjs-unsupported-name',
    at: 'hard_swish',
    fixable: false,
    bad: `${TFJS_HEAD}model.add(tf.layers.dense({ units: 4, activation: 'hard_swish' }));\n`,
    good: `${TFJS_HEAD}model.add(tf.layers.dense({ units: 4, activation: 'relu6' }));\n`,
  },
];

for (const c of CASES) {
  test(`${c.code}: ${c.name}`, () => {
    const found = misusesOf(c.bad, c.languageId);
    assert.deepEqual(found.map((m) => m.code), [c.code], `exactly one ${c.code} on the bad snippet`);
    const misuse = found[0]!;
    assert.equal(c.bad.slice(misuse.range.start, misuse.range.end), c.at, 'warning range');
    assert.deepEqual(misusesOf(c.good, c.languageId), [], 'no warning on the corrected snippet');
    if (c.fixable === false) {
      assert.equal(misuse.fix, undefined);
      return;
    }
    assert.equal(applyFix(c.bad, misuse), c.good, 'applying the fix gives the corrected snippet');
    for (const locale of ['en', 'zh-cn'] as const) {
      assert.doesNotMatch(localize(misuse.message, misuse.args, locale), /\{\w+\}/, `${locale} message has every argument`);
      assert.doesNotMatch(localize(misuse.fix!.title, misuse.args, locale), /\{\w+\}/, `${locale} fix title has every argument`);
    }
  });
}

test('every misuse code has at least one case above, and codes are stable strings', () => {
  assert.deepEqual([...new Set(CASES.map((c) => c.code))].sort(), [...MISUSE_CODES].sort());
});

test('correct code is silent: logits with from_logits=True, sigmoid with BCE, softmax only for reporting, log_softmax with NLL, batchmean, explicit dims', () => {
  const keras = `${KERAS_HEAD}logits = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(3)])\nlogits.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\nprobs = keras.Sequential([layers.Dense(1, activation="sigmoid")])\nprobs.compile(loss="binary_crossentropy")\nmulti = keras.Sequential([layers.Dense(units, activation="softmax")])\nmulti.compile(loss=keras.losses.CategoricalCrossentropy())\n`;
  assert.deepEqual(misusesOf(keras, 'python'), []);
  // A sigmoid model built in another function does not belong to the model compiled here.
  const twoBuilders = `${KERAS_HEAD}def build_logits():\n    return keras.Sequential([layers.Dense(1)])\n\n\ndef build_probs():\n    return keras.Sequential([layers.Dense(1, activation="sigmoid")])\n\n\nlogits_model = build_logits()\nlogits_model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True))\n`;
  assert.deepEqual(misusesOf(twoBuilders, 'python'), []);
  const torch = `${TORCH_HEAD}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n        self.log_probs = nn.LogSoftmax(dim=1)\n\n    def forward(self, x):\n        return self.log_probs(self.fc(x))\n\n\ndef train(model, loader):\n    criterion = nn.NLLLoss()\n    ce = nn.CrossEntropyLoss()\n    kl = nn.KLDivLoss(reduction="batchmean")\n    for x, y in loader:\n        logits = model.fc(x)\n        loss = criterion(model(x), y) + ce(logits, y)\n        loss = loss + kl(F.log_softmax(logits, dim=1), F.softmax(logits.detach(), dim=1))\n        accuracy = (torch.softmax(logits, dim=-1).argmax(dim=1) == y).float().mean()\n        probs = logits.softmax(-1)\n    bce = nn.BCELoss()\n    return bce(torch.sigmoid(logits[:, 0]), y.float())\n`;
  assert.deepEqual(misusesOf(torch, 'python'), []);
  const tfjs = `${TFJS_HEAD}model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));\nmodel.add(tf.layers.dense({ units: 8, activation: 'gelu_new' }));\nmodel.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });\nconst loss = tf.losses.sigmoidCrossEntropy(labels, logits);\n`;
  assert.deepEqual(misusesOf(tfjs, 'typescript'), []);
  // A TS file that never touches TF.js is not held to TF.js names.
  assert.deepEqual(misusesOf("export const chart = { loss: 'mse', activation: 'hard_sigmoid' };\n", 'typescript'), []);
  // A notebook cell computing BCE on hand-made probabilities defines no model.
  assert.deepEqual(misusesOf(`${TORCH_HEAD}p = torch.tensor([0.2, 0.9])\nprint(F.binary_cross_entropy(p, torch.tensor([0.0, 1.0])))\n`, 'python'), []);
});

test('the example-style fixtures: misuses are found where they are, and configs have none', () => {
  const keras = fixture('keras_model.py');
  const found = misusesOf(keras, 'python');
  assert.deepEqual(found.map((m) => [m.code, keras.slice(m.range.start, m.range.end), m.range.startLine]), [['activation-before-logits-loss', 'True', 31]]);
  assert.deepEqual(misusesOf(fixture('torch_train.py'), 'python'), []);
  assert.deepEqual(misusesOf(fixture('tfjs_model.ts'), 'typescript'), []);
  assert.deepEqual(misusesOf(fixture('train.yaml'), 'yaml'), []);
  // Without a scan result, findMisuses analyses the text itself.
  assert.deepEqual(findMisuses(keras, 'python').map((m) => m.code), ['activation-before-logits-loss']);
});

test('notebooks: a model in one cell meets its loss in another; ranges and the fix are cell-relative', () => {
  const json = fixture('notebook.ipynb');
  const cells = notebookCells(json);
  const found = findNotebookMisuses(cells);
  assert.deepEqual(found.map((m) => [m.code, m.cell]), [['softmax-before-cross-entropy', 4]]);
  const misuse = found[0]!;
  const cellText = cells[4]!.text;
  assert.equal(cellText.slice(misuse.range.start, misuse.range.end), 'Softmax');
  assert.equal(misuse.range.startLine, 2);
  assert.equal(applyFix(cellText, misuse), 'model = nn.Sequential(\n    nn.Linear(4, 3),\n)');
  assert.deepEqual(findMisuses(json, 'jupyter'), found);
});

test('severities: heuristic file-level findings are information, definite bugs are warnings', () => {
  const bce = misusesOf(`${TORCH_HEAD}model = nn.Sequential(nn.Linear(4, 1))\ncriterion = nn.BCELoss()\n`, 'python');
  assert.deepEqual(bce.map((m) => m.severity), ['information']);
  const kl = misusesOf(`${TORCH_HEAD}kl = nn.KLDivLoss()\n`, 'python');
  assert.deepEqual(kl.map((m) => m.severity), ['warning']);
});
