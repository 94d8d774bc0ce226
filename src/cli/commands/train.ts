/** `formula-lens train CONFIG`: trains a training config headless, with a progress line on a terminal. */
import { parseTrainingConfigText, runTraining } from '../../core/train/index';
import { FormulaLensError, localize } from '../../core/l10n';
import { encodeNumber, stringifyNumbers } from '../../core/jsonNumbers';
import { fail, readTextFile, type CliIO } from '../io';
import { cliMessages } from '../messages';
import { formatNumber } from '../table';

/** Options of the train command. */
export interface TrainOptions {
  readonly steps?: string;
  readonly epochs?: string;
  readonly json: boolean;
  /** Where progress goes (a TTY's stderr); absent for no progress. */
  readonly progress?: (line: string, final: boolean) => void;
}

function positiveInteger(argument: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(cliMessages.badInteger, { argument, value });
  return n;
}

function accuracyText(accuracy: number | null): string {
  return accuracy === null ? '' : localize(cliMessages.trainAccuracy, { value: `${(accuracy * 100).toFixed(1)}%` });
}

/** Runs `train CONFIG [--steps N | --epochs N] [--json]`. */
export function runTrain(file: string | undefined, options: TrainOptions, io: CliIO): number {
  if (!file) fail(cliMessages.missingArgument, { argument: 'CONFIG', expected: localize(cliMessages.expectedFile) });
  const steps = positiveInteger('--steps', options.steps);
  const epochs = positiveInteger('--epochs', options.epochs);
  if (steps !== undefined && epochs !== undefined) fail(cliMessages.stepsAndEpochs);
  const config = parseTrainingConfigText(readTextFile(file), file);
  const result = runTraining(config, {
    ...(steps === undefined ? {} : { steps }),
    ...(epochs === undefined ? {} : { epochs }),
    ...(options.progress ? { onProgress: (p) => options.progress!(localize(cliMessages.trainProgress, { step: p.step, total: p.totalSteps, loss: formatNumber(p.loss) }), p.final) } : {}),
  });
  if (options.json) {
    io.out(stringifyNumbers({
      steps: result.steps,
      epochs: result.epochs,
      losses: result.losses.map(encodeNumber),
      weights: result.weights,
      train: result.train,
      test: result.test,
      ...(result.divergence ? { divergence: { step: result.divergence.step, loss: encodeNumber(result.divergence.loss), message: localize(result.divergence.message) } } : {}),
    }));
  } else {
    const na = localize(cliMessages.notApplicable);
    io.out(localize(cliMessages.trainSummary, {
      steps: result.steps,
      epochs: result.epochs,
      trainLoss: formatNumber(result.train.loss),
      trainAccuracy: accuracyText(result.train.accuracy),
      testLoss: result.test ? formatNumber(result.test.loss) : na,
      testAccuracy: result.test ? accuracyText(result.test.accuracy) : '',
    }));
  }
  if (result.divergence) {
    // A diverged run is the user's input to fix (a smaller learning rate), reported as such.
    throw new FormulaLensError(result.divergence.message, { step: result.divergence.step, lr: result.divergence.learningRate, learningRate: result.divergence.learningRate, loss: formatNumber(result.divergence.loss) });
  }
  return 0;
}
