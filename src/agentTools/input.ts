// Reading a tool's input: the model sends JSON that the schema only describes (MCP clients need not enforce it), so
// every field is checked here, with the same validation functions the commands use, before any request. A bad input
// is a `PodApiError` of kind `validation` naming the field.
import { Check, PodApiError, validateSegment } from '../api';
import type { PodRef, ToolHost } from './tool';

export type Fields = Record<string, unknown>;

export function refuse(field: string, message: string): never {
  throw new PodApiError(message, { kind: 'validation', field });
}

/** The input as an object holding only the schema's properties (a misspelt field is named, not ignored). */
export function fieldsOf(input: unknown, allowed: readonly string[]): Fields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) refuse('input', 'The tool input must be a JSON object.');
  const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
  if (unknown.length) refuse(unknown[0], `Unknown input field "${unknown[0]}"; this tool takes ${allowed.length ? allowed.map((a) => `"${a}"`).join(', ') : 'no input'}.`);
  return input as Fields;
}

export function requiredText(fields: Fields, field: string, check?: (value: string) => Check): string {
  const value = fields[field];
  if (typeof value !== 'string' || !value.trim()) refuse(field, `"${field}" is required: give it as text.`);
  const problem = check?.(value);
  if (problem) refuse(field, problem);
  return value.trim();
}

export function optionalText(fields: Fields, field: string, check?: (value: string) => Check): string | undefined {
  return fields[field] === undefined ? undefined : requiredText(fields, field, check);
}

export function optionalBoolean(fields: Fields, field: string): boolean | undefined {
  const value = fields[field];
  if (value !== undefined && typeof value !== 'boolean') refuse(field, `"${field}" must be true or false.`);
  return value as boolean | undefined;
}

export function oneOf<T extends string>(fields: Fields, field: string, values: readonly T[]): T {
  const value = fields[field];
  if (typeof value !== 'string' || !values.includes(value as T)) refuse(field, `"${field}" must be one of ${values.map((v) => `"${v}"`).join(', ')}.`);
  return value as T;
}

/** An id that becomes one URL path segment (`validateSegment`, as the client itself checks it); `label` is the noun ("pod id"). */
export const idText = (label: string) => (value: string) => validateSegment(value, label);

/** The input properties several tools share, described once. */
export const SCHEMA = {
  podId: { type: 'string', description: 'The pod (from symphony_list_pods).' },
  somePod: { type: 'string', description: 'Only this pod (from symphony_list_pods); all signed-in pods when absent.' },
  cursor: { type: 'number', description: 'From a previous answer\'s "more available", to see the next page.' },
};

/** The paging cursor a previous answer gave ("more available: cursor N"), 0 when absent. */
export function cursorOf(fields: Fields): number {
  const value = fields.cursor;
  if (value === undefined) return 0;
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) refuse('cursor', '"cursor" must be the number a previous answer gave after "more available".');
  return n;
}

/** The signed-in pod an id names; says which pods exist when it names none. */
export function signedInPod(host: ToolHost, podId: string): PodRef {
  const pods = host.pods();
  const pod = pods.find((p) => p.id === podId);
  if (!pod) refuse('podId', `No pod has the id "${podId}". Pods: ${pods.map((p) => `"${p.id}" (${p.label})`).join(', ') || 'none configured'}. Call symphony_list_pods.`);
  if (!pod.signedIn) refuse('podId', `The pod "${pod.label}" is signed out: the user must sign in to it first (Symphony: Sign In).`);
  return pod;
}

/** The pod's name with its environment, as confirmations and answers name it. */
export function podName(pod: PodRef): string {
  return pod.environment ? `"${pod.label}" (${pod.environment})` : `"${pod.label}"`;
}
