// The Activity part (src/parts/README.md): the view's content, its filter, diff and export, Undo, Recreate and Copy
// as curl. Loaded the first time the Activity view shows or one of its commands runs.
export { askFilter, clearFilter, exportEntries, listEntries, showDiff, treeItem } from './activityView';
export { recreate, undo } from './revert';
export { curlCommand } from '../curl';
