/**
 * The "Get started" walkthrough in package.json: its steps, their images (shipped in the VSIX, each under
 * 150 KB), their completion events and buttons (command links to contributed, registered commands, the same
 * in both languages), and the example copies its buttons open when the examples/ folder is not the workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const MAX_IMAGE_BYTES = 150 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly image?: string; readonly altText?: string };
  readonly completionEvents?: readonly string[];
}
interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string }[];
    readonly walkthroughs?: readonly { readonly id: string; readonly title: string; readonly steps: readonly Step[] }[];
    readonly menus: { readonly commandPalette?: readonly { readonly command: string; readonly when?: string }[] };
  };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}

const manifest = readJson<Manifest>('package.json');
const english = readJson<Record<string, string>>('package.nls.json');
const chinese = readJson<Record<string, string>>('package.nls.zh-cn.json');
const walkthroughs = manifest.contributes.walkthroughs ?? [];
const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
const walkthroughSource = readFileSync(join(root, 'src', 'commands', 'walkthrough.ts'), 'utf8');

/** The nls text behind a `%key%`. */
function text(value: string, table: Record<string, string>): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  assert.ok(key, `${value} is not a %key%`);
  const found = table[key];
  assert.ok(found, `${key} is missing`);
  return found;
}

/** Command ids of the buttons of a step description: links alone on their line render as buttons. */
function buttons(description: string): string[] {
  return description.split('\n').flatMap((line) => {
    const match = /^\s*\[[^\]]+\]\(command:([\w.]+)(?:\?[^)]*)?\)\s*$/.exec(line);
    return match ? [match[1]!] : [];
  });
}

test('one walkthrough with 4-5 steps, each with a title, a description and an image', () => {
  assert.equal(walkthroughs.length, 1);
  const [walkthrough] = walkthroughs;
  assert.ok(walkthrough!.steps.length >= 4 && walkthrough!.steps.length <= 5, `${walkthrough!.steps.length} steps`);
  assert.equal(new Set(walkthrough!.steps.map((step) => step.id)).size, walkthrough!.steps.length, 'step ids repeat');
  for (const step of walkthrough!.steps) {
    for (const table of [english, chinese]) {
      assert.ok(text(step.title, table).trim());
      assert.ok(text(step.description, table).trim());
      assert.ok(text(step.media.altText ?? '', table).trim(), `${step.id}: no altText`);
    }
  }
});

test('step images are PNGs in media/walkthrough/ (shipped in the VSIX), each under 150 KB', () => {
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
  assert.ok(ignore.includes('!media/**'), '.vscodeignore does not ship media/');
  for (const step of walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
    const image = step.media.image ?? '';
    assert.ok(image.startsWith('media/walkthrough/') && image.endsWith('.png'), `${step.id}: ${image}`);
    const path = join(root, image);
    assert.ok(existsSync(path), `${image} is missing`);
    const bytes = readFileSync(path);
    assert.deepEqual(bytes.subarray(0, 8), PNG_SIGNATURE, `${image} is not a PNG`);
    assert.ok(statSync(path).size <= MAX_IMAGE_BYTES, `${image} is ${statSync(path).size} bytes`);
    // IHDR: width and height (big-endian) at bytes 16-23; a screenshot crop, not an icon or a stretched strip.
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width >= 400 && height >= 250 && width / height < 3.5, `${image} is ${width}x${height}`);
  }
});

test('every step has a button (a command link alone on its line) in both languages, the same commands', () => {
  for (const step of walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
    const en = buttons(text(step.description, english));
    const zh = buttons(text(step.description, chinese));
    assert.ok(en.length > 0, `${step.id}: no button`);
    assert.deepEqual(zh, en, `${step.id}: the Chinese description links other commands`);
    for (const command of en) assert.ok(contributed.has(command), `${step.id}: ${command} is not contributed (it would not activate the extension)`);
  }
});

test('completion events name contributed commands; walkthrough commands are registered and hidden from the palette', () => {
  const hidden = new Set((manifest.contributes.menus.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command));
  for (const step of walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
    assert.ok((step.completionEvents ?? []).length > 0, `${step.id}: no completion event`);
    for (const event of step.completionEvents ?? []) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      assert.ok(command && contributed.has(command), `${step.id}: ${event}`);
    }
  }
  const walkthroughCommands = [...contributed].filter((command) => command.startsWith('formulaLens.walkthrough.'));
  assert.ok(walkthroughCommands.length >= 4);
  for (const command of walkthroughCommands) {
    assert.ok(walkthroughSource.includes(`'${command}'`), `${command} is not registered in src/commands/walkthrough.ts`);
    assert.ok(hidden.has(command), `${command} shows in the command palette`);
  }
});

test('the shipped example copies hold the lines the buttons look for, as in examples/', () => {
  for (const [file, anchor] of [['arrays.py', 'around_zero = ['], ['keras_classifier.py', 'activation="gelu"'], ['spiral.fltrain.yaml', 'name: spiral']] as const) {
    assert.ok(walkthroughSource.includes(anchor), `walkthrough.ts no longer looks for ${anchor}`);
    const lineWith = (path: string) => readFileSync(join(root, path), 'utf8').split('\n').find((line) => line.includes(anchor));
    const shipped = lineWith(join('media', 'walkthrough', 'samples', file));
    assert.ok(shipped, `media/walkthrough/samples/${file} has no ${anchor}`);
    assert.equal(shipped, lineWith(join('examples', file)), `the ${anchor} line differs from examples/${file}`);
  }
});
