// The readable form of a plan and of an apply's result (the `--json` forms are planReport and applyReport).
import { ApplyResult, Plan, PlannedChange, countActions } from '../podAsCode';
import { cell, table } from './output';

const SIGN: Record<string, string> = { create: '+', update: '~', delete: '-', unmanaged: '?', unchanged: '=' };

export function planText(plan: Plan): string {
  const counts = countActions(plan.changes);
  const lines = [`Plan for ${plan.podUrl}${plan.environment ? ` (environment ${plan.environment})` : ''} from ${plan.folder}`];
  const notManaged = plan.kinds.filter((k) => !k.managed).map((k) => k.name);
  if (notManaged.length) lines.push(`Not managed by this folder (never read nor written): ${notManaged.join(', ')}`);
  const shown = plan.changes.filter((c) => c.action !== 'unchanged');
  if (shown.length) {
    lines.push('', table(shown.map((c) => [SIGN[c.action], c.action, c.kind, c.label === c.id ? c.id : `${c.label} (${c.id})`, c.reason ?? ''])));
    for (const c of shown.filter((x) => x.action === 'update')) {
      lines.push('', `~ ${c.kind} ${c.label}${c.file ? ` (${c.file})` : ''}`);
      for (const f of c.fields) lines.push(`    ${f.field}: ${cell(f.before)} → ${cell(f.after)}`);
    }
  }
  lines.push('', `${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.unchanged} unchanged, ${counts.unmanaged} unmanaged.`);
  return lines.join('\n');
}

export function applyText(result: ApplyResult): string {
  const row = (c: PlannedChange) => `  ${SIGN[c.action]} ${c.action} ${c.kind} ${c.label}`;
  const lines = [`Applied ${result.applied.length}:`, ...result.applied.map(row)];
  if (result.failed) {
    lines.push(`Failed: ${row(result.failed.change).trim()}: ${result.failed.error}`);
    lines.push(`Not applied ${result.notApplied.length}:`, ...result.notApplied.map(row));
  }
  return lines.join('\n');
}
