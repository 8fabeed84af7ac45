// The pod-as-code engine's public surface (plain Node, no `vscode`): used by the CLI (src/cli) and the VS Code part
// (src/podAsCode/vscode). Import from here.
export { exportPod, ExportOptions, ExportResult } from './exportPod';
export { planFolder, planReport, changeReport, countActions, hasWrites, Plan, PlannedChange, PlanOptions, ChangeAction, EngineHost, silentHost } from './plan';
export { applyPlan, writesOf, ApplyHooks, ApplyResult, ChangeRecord, PlanConflictError } from './apply';
export { FieldDiff } from './diff';
export { PodFolderError, stableJson } from './folderFiles';
export { POD_FILE, readPodConfig, PodFolderConfig } from './podFolder';
export { RESOURCE_KINDS, KIND_NAMES } from './kinds/registry';
