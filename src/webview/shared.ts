// The one script every detail view loads before its own (media/webview/shared.js): it registers the UI components
// (@vscode-elements, one copy for all views) and carries the code the views share (./common). esbuild.js builds it
// with `globalName: 'symphonyWebview'`, and each view's bundle reads `./common` from that global instead of bundling
// its own copy, so a view's script holds only what is its own.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

export * from './common';
