// The CLI's exit codes, like `terraform plan -detailed-exitcode`: a pipeline can tell "nothing to do" from
// "changes planned" from "something went wrong" (CDK users asked for years for the two last to differ).
export const EXIT = {
  /** Nothing to do, nothing expiring, or the apply completed. */
  ok: 0,
  /** An error: bad input, a refused or failed request, a conflict, a refusal to apply without confirmation. */
  error: 1,
  /** Changes planned (plan), or something expiring (expiry). */
  changes: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
