import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, fixture, languageOf, waitFor } from './support/wait';

describe('crash recovery', () => {
  it('restarts a killed language server, and the problems come back', async () => {
    const uri = fixture('logs/SMSProv.log');
    await languageOf(uri, 'configmgr-log');
    await diagnosticsOf(uri);
    const before = await vscode.commands.executeCommand<{ processId: number }>('configmgrLogDoctor.serverInfo');
    assert.ok(before && before.processId > 0);
    process.kill(before.processId, 'SIGKILL');
    const after = await waitFor(
      'a new server process',
      async () => {
        try {
          const info = await vscode.commands.executeCommand<{ processId: number }>('configmgrLogDoctor.serverInfo');
          return info && info.processId !== before.processId ? info : undefined;
        } catch {
          return undefined; // the client is between two servers
        }
      },
      30_000,
    );
    assert.notEqual(after.processId, before.processId);
    const diagnostics = await diagnosticsOf(uri);
    const denied = diagnostics.find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'access-denied');
    assert.ok(denied);
    // The new server has the document again: it answers a hover on the code.
    const hovers = await waitFor('a hover from the new server', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, denied.range.start.translate(0, 2));
      return h && h.length > 0 ? h : undefined;
    });
    assert.match(hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n'), /E_ACCESSDENIED/);
  });
});
