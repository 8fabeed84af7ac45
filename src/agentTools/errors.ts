// The sentence a tool's failure gives the model: the client's own sentence (it never carries a secret), redacted
// once more in case a pod's message quoted one.
import { PodApiError } from '../api';
import { redact } from './format';

export function describeFailure(error: unknown): string {
  const message = error instanceof PodApiError || error instanceof Error ? error.message : String(error);
  return redact(message);
}

/** The error a surface raises for a failed tool call: the same sentence, as an Error with the field it names. */
export class ToolError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'ToolError';
  }
}

export function toolError(error: unknown): ToolError {
  return new ToolError(describeFailure(error), error instanceof PodApiError ? error.field : undefined);
}
