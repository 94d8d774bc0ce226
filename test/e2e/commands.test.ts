/**
 * The packaged extension (VSIX installed into code-server by scripts/test-e2e.mjs) activates when a Python file
 * of examples/ is opened, and every command it contributes runs from the command palette.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chooseQuickPick, errorNotifications, openFile, openWorkbench, outputPanelText, paletteCommands, runCommand, type Workbench } from './workbench';

describe('Formula Lens in the workbench (packaged VSIX)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('commands');
  });
  after(async () => {
    await workbench?.close();
  });

  test('opening a Python file activates the extension (its output channel appears)', async () => {
    const { page } = workbench;
    await workbench.step('open-python-file', () => openFile(page, 'keras_classifier.py'));
    // The channel exists only once activate() ran; it is listed without running any Formula Lens command.
    await workbench.step('output-channel-listed', async () => {
      await runCommand(page, 'Output: Show Output Channels...');
      await chooseQuickPick(page, 'Formula Lens');
    });
    await workbench.step('output-channel-shown', async () => {
      await page.locator('.part.panel .monaco-editor .view-lines').filter({ hasText: 'Formula Lens activated' }).first().waitFor({ timeout: 20_000 });
    });
  });

  test('"Formula Lens: Show Log" from the palette shows the Formula Lens output', async () => {
    const { page } = workbench;
    await workbench.step('close-panel', () => runCommand(page, 'View: Hide Panel'));
    await workbench.step('show-log', () => runCommand(page, 'Formula Lens: Show Log'));
    const text = await workbench.step('output-text', async () => {
      await page.locator('.part.panel .monaco-editor .view-lines').filter({ hasText: 'Formula Lens' }).first().waitFor({ timeout: 20_000 });
      return outputPanelText(page);
    });
    assert.match(text, /Formula Lens activated/);
  });

  test('every contributed command runs from the palette (registered, does not throw)', async () => {
    const { page } = workbench;
    const commands = paletteCommands();
    assert.ok(commands.length > 0, 'package.json contributes no palette command');
    for (const { command, title } of commands) {
      await workbench.step(`run-${command}`, () => runCommand(page, title));
      // A command may open its own input (a quick pick, a prompt): dismiss it before the next one.
      await page.keyboard.press('Escape');
      // VS Code names the command in "command 'x' not found" and "Running the contributed command: 'x' failed."
      // (a command's own error message about missing input is its business, not a crash).
      const crashes = (await errorNotifications(page)).filter((text) => text.includes(command));
      assert.deepEqual(crashes, [], `${command} ("${title}") is not registered or threw`);
    }
  });
});
