// Entry point of the integration suite, loaded by VS Code's extension host.
//
// Both runners call this module's run(): @vscode/test-electron (desktop VS
// Code, `--extensionTestsPath`) and scripts/run-vscode-tests.mjs (code-server,
// `extensionTestsPath` in the workbench payload). It runs mocha over every
// compiled `*.test.js` below this folder (out/test/vscode/**) and rejects when
// anything fails, which makes the workbench report a non-zero exit code.
//
// Output goes through console.log, which the extension host forwards to the
// runner (code-server: the page's codeAutomationLog; desktop: stdout).
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

// Mocha's reporters print through Base.consoleLog(fmt, ...args), relying on
// console.log's printf-style formatting. code-server's extension host forwards
// console arguments joined as-is ("%d passing (%s) 4 305ms"), so format them
// here; for desktop VS Code this is a no-op in effect.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

/** Recursively collects `*.test.js` files, sorted so the order is stable. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTestFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found.sort();
}

/**
 * Machine-readable result marker. scripts/run-vscode-tests.mjs looks for this
 * prefix to print a plain "N passed, N failed" closing line after all other
 * output; keep the two in sync.
 */
export const RESULT_MARKER = '[vscode-tests:result]';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Generous: the first test usually pays for extension activation and the
    // language server's start-up inside a cold extension host.
    timeout: 60_000,
    // The output ends up in a CI log, not a terminal: no ANSI escapes.
    color: false,
    // 'spec' prints one line per test plus mocha's "N passing"/"N failing"
    // summary, easy to read and to count.
    reporter: 'spec',
  });

  // Optional filter for local debugging, e.g. CONFIGMGR_TEST_GREP=diagnostics
  // (the runner passes CONFIGMGR_TEST_* variables into the extension host).
  const grep = process.env.CONFIGMGR_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }

  return new Promise<void>((resolve, reject) => {
    try {
      const files = findTestFiles(__dirname);
      if (files.length === 0) {
        // Never pass by running nothing: a missing compile step or a wrong
        // path would otherwise look like a green run.
        throw new Error(`no *.test.js files found under ${__dirname} (was the project compiled?)`);
      }
      for (const file of files) {
        mocha.addFile(file);
      }

      // mocha.run() loads (requires) the files synchronously, so a syntax or
      // import error in a test file throws here and rejects below.
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0, tests: 0 };
        console.log(
          `${RESULT_MARKER} ${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`,
        );
        if (failures > 0) {
          reject(new Error(`${failures} test(s) failed.`));
        } else if (stats.passes === 0) {
          reject(new Error('mocha ran no test (check CONFIGMGR_TEST_GREP and the suites).'));
        } else {
          resolve();
        }
      });
    } catch (err) {
      // No console.error here: VS Code prints the rejection reason itself.
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
