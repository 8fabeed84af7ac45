// The production rules of the CLI, the same as the extension's (pods/productionLock.ts): a pod declared production
// (SYMPHONY_POD_ENVIRONMENT or --pod-environment) refuses every write unless the verb was given --unlock "reason",
// and a write that takes something away (a delete, a prune, a group marked DELETED) also needs the pod's name
// confirmed, as the extension's typed confirmation (asked on a terminal, or --confirm-pod NAME). Enforced by the
// client's write gate (api/writeGate.ts): every request passes it, whatever the verb or the MCP tool.
import { PodApiError, WriteAttempt, WriteGate, isDestructiveWrite } from '../api';
import { currentChange } from '../activity/changeContext';
import type { PodEnvironment } from '../pods/podProfile';
import { l10n } from '../text/l10n';

export const ENVIRONMENTS: readonly PodEnvironment[] = ['development', 'uat', 'production'];

/** The pod a CLI run talks to, as the activity log and the production rules know it. */
export interface CliTarget {
  /** The pod's origin: what the activity log files the CLI's changes under. */
  id: string;
  /** SYMPHONY_POD_LABEL, else the pod's host name: what --confirm-pod must say. */
  label: string;
  url: string;
  environment: PodEnvironment;
  /** From --unlock: why the pod is changed. */
  reason?: string;
  account?: string;
}

/** The environment a flag or variable names; anything but the three names is refused (a typo must not mean "not production"). */
export function parseEnvironment(value: string | undefined, source: string): PodEnvironment {
  const name = value?.trim().toLowerCase();
  if (!name) return 'development';
  if ((ENVIRONMENTS as readonly string[]).includes(name)) return name as PodEnvironment;
  throw usage(l10n.t('{0} must be development, uat or production (got "{1}").', source, String(value)));
}

/** The reason of --unlock, or undefined when it was not given; a blank or too short reason is refused. */
export function parseReason(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const reason = String(value).trim();
  if (reason.length < 3) throw usage(l10n.t('--unlock needs a reason: why you are changing this pod (a change ticket or the objective, at least 3 characters), e.g. --unlock "CHG-1234 rotate the bot key".'));
  return reason;
}

export function podTitle(target: CliTarget): string {
  return `${target.label} (${target.environment === 'uat' ? 'UAT' : target.environment})`;
}

/**
 * Why the change may not be made, or undefined: a production pod without --unlock, or a change that takes something
 * away without the pod's name confirmed. `what` names the change in the message (a request, or "apply: 3 changes").
 */
export function productionRefusal(target: CliTarget, destructive: boolean, what: string): PodApiError | undefined {
  if (target.environment !== 'production') return undefined;
  if (!target.reason) {
    return new PodApiError(l10n.t('{0} is a production pod and is locked: pass --unlock "reason" (why you are changing it; the activity log keeps it). Nothing was sent ({1}).', podTitle(target), what), { kind: 'locked' });
  }
  if (destructive && !currentChange()?.typedPods.has(target.id)) {
    return new PodApiError(l10n.t('{0} is a production pod: this change takes something away, so the pod\'s name must be confirmed: type it when asked, or pass --confirm-pod "{1}". Nothing was sent ({2}).', podTitle(target), target.label, what), { kind: 'locked' });
  }
  return undefined;
}

/** The client's write gate for the target: refuses, before anything is sent, what productionRefusal refuses. */
export function productionGate(target: CliTarget): WriteGate {
  return (write: WriteAttempt) => {
    const refusal = productionRefusal(target, isDestructiveWrite(write), `${write.method} ${write.path}`);
    if (refusal) throw refusal;
  };
}

const usage = (message: string) => new PodApiError(message, { kind: 'validation' });
