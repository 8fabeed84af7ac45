// The HTML shell every detail webview loads: a strict CSP with a fresh nonce per load, the codicon stylesheet
// (under the id @vscode-elements looks for), the shared stylesheet and the view's own bundle. The page has no
// inline script or handler; the bundle builds the DOM itself.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DetailKind } from './webviewMessages';

/** Where the built front-end lives; the only folder a detail webview may load from. */
export function webviewMediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'webview');
}

export function detailPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, kind: DetailKind, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const root = webviewMediaRoot(extensionUri);
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('detail.css')}">
<title>${escapeHtml(title)}</title>
</head>
<body data-kind="${kind}">
<main id="app" aria-busy="true"><p class="loading">Loading…</p></main>
<script nonce="${nonce}" src="${asset(`${kind}.js`)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
