// The readable form of a plan and of an apply's result (the `--json` forms are planReport and applyReport).
import { ApplyResult, Plan, PlannedChange, countActions } from '../podAsCode';
import { l10n } from '../text/l10n';
import { cell, table } from './output';

const SIGN: Record<string, string> = { create: '+', update: '~', delete: '-', unmanaged: '?', unchanged: '=' };

export function planText(plan: Plan): string {
  const counts = countActions(plan.changes);
  const lines = [plan.environment ? l10n.t('Plan for {0} (environment {1}) from {2}', plan.podUrl, plan.environment, plan.folder) : l10n.t('Plan for {0} from {1}', plan.podUrl, plan.folder)];
  const notManaged = plan.kinds.filter((k) => !k.managed).map((k) => k.name);
  if (notManaged.length) lines.push(l10n.t('Not managed by this folder (never read nor written): {0}', notManaged.join(', ')));
  const shown = plan.changes.filter((c) => c.action !== 'unchanged');
  if (shown.length) {
    lines.push('', table(shown.map((c) => [SIGN[c.action], c.action, c.kind, c.label === c.id ? c.id : `${c.label} (${c.id})`, c.reason ?? ''])));
    for (const c of shown.filter((x) => x.action === 'update')) {
      lines.push('', `~ ${c.kind} ${c.label}${c.file ? ` (${c.file})` : ''}`);
      for (const f of c.fields) lines.push(`    ${f.field}: ${cell(f.before)} → ${cell(f.after)}`);
    }
  }
  lines.push('', l10n.t('{create} to create, {update} to update, {delete} to delete, {unchanged} unchanged, {unmanaged} unmanaged.', { ...counts }));
  return lines.join('\n');
}

export function applyText(result: ApplyResult): string {
  const row = (c: PlannedChange) => `  ${SIGN[c.action]} ${c.action} ${c.kind} ${c.label}`;
  const lines = [l10n.t('Applied {0}:', result.applied.length), ...result.applied.map(row)];
  if (result.failed) {
    lines.push(l10n.t('Failed: {0}: {1}', row(result.failed.change).trim(), result.failed.error));
    lines.push(l10n.t('Not applied {0}:', result.notApplied.length), ...result.notApplied.map(row));
  }
  return lines.join('\n');
}
