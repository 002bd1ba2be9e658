/**
 * Read-only Markdown pages the extension shows beside the editor (code explanations, fixes), served
 * from memory by a content provider and opened in VS Code's Markdown preview: nothing is written to
 * disk, and the preview renders with VS Code's own sanitising.
 */
import * as vscode from 'vscode';

export const PAGE_SCHEME = 'configmgr-doc';

const pages = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

export function registerMarkdownPages(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => pages.get(uri.path) ?? '',
    }),
  );
}

/** Shows `markdown` as the page `name` (a file-like name such as `0x80070005.md`). */
export async function showMarkdownPage(name: string, markdown: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${name.replace(/[^\w.-]/g, '_')}` });
  pages.set(uri.path, markdown);
  changed.fire(uri);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  return uri;
}
