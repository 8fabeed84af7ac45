// The HTML shell every detail webview loads: a strict CSP with a fresh nonce per load, the codicon stylesheet
// (under the id @vscode-elements looks for), the shared stylesheet, the shared script (the UI components and the
// code every view uses, one copy for all views) and then the view's own bundle, both with the nonce. The page has no
// inline script or handler; the bundle builds the DOM itself. Images load from the extension, data: URLs and, only
// when the view names one, a single https origin (the pod's, for group avatars): never any https host.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DetailKind } from './webviewMessages';

/** Where the built front-end lives; the only folder a detail webview may load from. */
export function webviewMediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'webview');
}

export function detailPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, kind: DetailKind, title: string, imageOrigin?: string): string {
  const nonce = randomBytes(18).toString('base64');
  const root = webviewMediaRoot(extensionUri);
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:${imageOrigin ? ` ${imageOrigin}` : ''}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('detail.css')}">
<title>${escapeHtml(title)}</title>
</head>
<body data-kind="${kind}">
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${asset('shared.js')}"></script>
<script nonce="${nonce}" src="${asset(`${kind}.js`)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The origin of an https URL (for the CSP), or undefined for anything else: no http, no other scheme. */
export function httpsOrigin(url: string | undefined): string | undefined {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
