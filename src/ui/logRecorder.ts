// The extension's log channel, with a bounded copy of what was written to it. The copy exists so the extension-host
// tests can prove the log never carries a token, key or passphrase (VS Code offers no way to read a channel back).
import * as vscode from 'vscode';

const keep = 5000;

export interface RecordedLog {
  readonly channel: vscode.LogOutputChannel;
  /** The last lines written through the channel (level and text), oldest first. */
  lines(): readonly string[];
}

export function recordedLogChannel(name: string): RecordedLog {
  const channel = vscode.window.createOutputChannel(name, { log: true });
  const lines: string[] = [];
  const record = (level: string, message: unknown, args: unknown[]) => {
    lines.push([level, message instanceof Error ? message.message : String(message), ...args.map(String)].join(' '));
    if (lines.length > keep) lines.shift();
  };
  const levels = ['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine'] as const;
  const recorder = new Proxy(channel, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !(levels as readonly string[]).includes(property) || typeof value !== 'function') {
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (message: unknown, ...args: unknown[]) => {
        record(property, message, args);
        return (value as (...a: unknown[]) => unknown).call(target, message, ...args);
      };
    },
  });
  return { channel: recorder, lines: () => [...lines] };
}
