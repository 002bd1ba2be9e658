import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, languageOf } from './support/wait';

describe('languages: what VS Code ends up calling each file', () => {
  const cases: [string, string][] = [
    ['logs/SMSProv.log', 'configmgr-log'], // known ConfigMgr log name
    ['logs/distmgr.lo_', 'configmgr-log'], // rolled-over log
    ['logs/console-unknown-name.log', 'configmgr-log'], // .log opened as Log, switched by its AdminUI content
    ['logs/site-server-copy.txt', 'configmgr-log'], // .txt opened as Plain Text, switched by its $$< content
    ['events/System-export.xml', 'windows-event-xml'], // .xml with the event schema namespace
    ['events/pasted-from-console.txt', 'windows-event-xml'], // pasted XML view in a .txt
    ['logs/notes.log', 'log'], // an ordinary log stays a Log
    ['events/settings.xml', 'xml'], // ordinary XML stays XML
  ];
  for (const [file, expected] of cases) {
    it(`${file} is ${expected}`, async () => {
      assert.equal(await languageOf(fixture(file), expected), expected);
    });
  }

  it('the detectLanguage setting turns switching off', async () => {
    const config = vscode.workspace.getConfiguration('configmgrLogDoctor');
    await config.update('detectLanguage', false, vscode.ConfigurationTarget.Global);
    try {
      // A .txt with CCM content, opened only here: with switching on it would become configmgr-log.
      const doc = await vscode.workspace.openTextDocument(fixture('logs/detection-off.txt'));
      await new Promise((r) => setTimeout(r, 1000)); // give detection its chance; it must not act
      assert.equal(doc.languageId, 'plaintext');
      assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString())?.languageId, 'plaintext');
    } finally {
      await config.update('detectLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
