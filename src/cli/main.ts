// The `symphony-pod` CLI (bundled to dist/cli.js; `bin` in package.json). Plain Node, no `vscode`. The verbs are a
// registry; this file adds the options every verb shares, prints each verb's result once (table or `--json`), and
// maps every error to exit code 1 with one sentence (the client's own messages never hold a token or a key). Every
// client a verb connects carries the production gate and the activity log (changes.ts).
import { Command, CommanderError } from 'commander';
import { PodApiError } from '../api';
import { PlanConflictError, PodFolderError } from '../podAsCode';
import { l10n } from '../text/l10n';
import { applyVerb } from './commands/applyVerb';
import { expiryVerb } from './commands/expiryVerb';
import { exportVerb } from './commands/exportVerb';
import { mcpVerb } from './commands/mcpVerb';
import { planVerb } from './commands/planVerb';
import { ACTIVITY_LOG_ENV, CliChanges } from './changes';
import { CONNECTION_ENV, ConnectionFlags, connect } from './connection';
import { EXIT, ExitCode } from './exitCodes';
import { CliIo, write } from './output';
import { Verb } from './verb';

export const VERBS: readonly Verb[] = [exportVerb, planVerb, applyVerb, expiryVerb, mcpVerb];

export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  let status: ExitCode = EXIT.ok;
  const program = new Command('symphony-pod')
    .description(l10n.t('Symphony pod as code: export a pod to a folder, plan and apply changes, check expiry.'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', `\n${l10n.t('Connection (environment): {0}.', Object.values(CONNECTION_ENV).join(', '))}\n${l10n.t('Exit codes: 0 nothing to do, 2 changes planned / something expiring, 1 error.')}`);
  for (const verb of VERBS) {
    const command = verb.define(program.command(verb.name).description(verb.summary))
      .option('--json', l10n.t('machine-readable output on stdout: { status, result, warnings }'))
      .option('--env <name>', l10n.t('the environment of pod.json whose variables (and podUrl) apply'))
      .option('--pod-url <url>', l10n.t('the pod (or {0})', CONNECTION_ENV.podUrl))
      .option('--username <name>', l10n.t('the service account (or {0})', CONNECTION_ENV.username))
      .option('--private-key-file <file>', l10n.t('its RSA private key, PKCS#1 or #8 (or {0}); passphrase only from {1}', CONNECTION_ENV.privateKeyFile, CONNECTION_ENV.passphrase))
      .option('--ca-bundle <file>', l10n.t('CA certificates for the pod\'s TLS (or {0})', CONNECTION_ENV.caBundle))
      .option('--client-cert <file>', l10n.t('client certificate sign-in (or {0})', CONNECTION_ENV.clientCert))
      .option('--client-key <file>', l10n.t('its key (or {0})', CONNECTION_ENV.clientKey))
      .option('--session-auth-url <url>', l10n.t('where certificate sign-in goes (or {0})', CONNECTION_ENV.sessionAuthUrl))
      .option('--pod-environment <name>', l10n.t('development, uat or production (or {0}); production refuses changes without --unlock', CONNECTION_ENV.environment))
      .option('--activity-log <dir>', l10n.t('the activity log\'s folder (or {0}; default: the VS Code extension\'s, else ~/.symphony-pod/activity)', ACTIVITY_LOG_ENV));
    command.action(async (...parsed: unknown[]) => {
      const options = (parsed[parsed.length - 2] ?? {}) as Record<string, unknown>;
      const args = parsed.slice(0, -2).map(String);
      const json = !!options.json;
      let changes: CliChanges | undefined;
      try {
        const run = (changes = new CliChanges(options, io));
        const outcome = await verb.run({ io, args, options, client: (fallback) => connect(options as ConnectionFlags, io.env, fallback, (url) => run.hooks(url)), target: () => run.target });
        await changes.flush();
        write(io, json, outcome);
        status = outcome.status;
      } catch (error) {
        await changes?.flush();
        status = EXIT.error;
        const message = errorMessage(error);
        if (json) write(io, true, { status, result: errorReport(error, message), text: message });
        else io.stderr.write(`${l10n.t('Error: {0}', message)}\n`);
      }
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    throw error;
  }
  return status;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorReport(error: unknown, message: string) {
  return {
    error: {
      message,
      ...(error instanceof PodFolderError ? { file: error.file, line: error.line ?? null, field: error.field ?? null } : {}),
      ...(error instanceof PlanConflictError ? { conflicts: error.conflicts } : {}),
      ...(error instanceof PodApiError ? { kind: error.kind, status: error.status ?? null } : {}),
    },
  };
}
