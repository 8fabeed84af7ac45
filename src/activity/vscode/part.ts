// The Activity part (src/parts/README.md): the log's writer and reader, the view's content, its filter, diff and
// export, Undo, Recreate, Copy as curl and Copy as CLI command, and the unlock prompts. Loaded the first time a change is recorded, the
// Activity view shows, or one of these commands runs.
export { ActivityLog } from '../activityLog';
export { ActivityRecorder } from '../recorder';
export { askFilter, clearFilter, exportEntries, listEntries, showDiff, treeItem } from './activityView';
export { recreate, undo } from './revert';
export { lockNow, unlock } from './unlock';
export { curlCommand } from '../curl';
export { copyCli } from './cliCopy';
