// One CLI verb: its arguments and options, and `run`, which returns a value; main.ts prints it (table or JSON)
// and maps errors to exit codes in one place. A verb file never prints the result nor exits.
import { Command } from 'commander';
import { PodClient } from '../api';
import { CliIo, VerbResult } from './output';
import type { CliTarget } from './production';

export interface VerbContext {
  io: CliIo;
  /** Positional arguments, in the order the verb declares them. */
  args: string[];
  /** Parsed options (commander's camelCase names). */
  options: Record<string, unknown>;
  /** The signed-out client for the pod the flags / environment / pod.json environment name. */
  client(fallbackPodUrl?: string): PodClient;
  /** The pod `client()` connected to: its name, environment and the reason of --unlock. */
  target(): CliTarget;
}

export interface Verb {
  name: string;
  summary: string;
  define(command: Command): Command;
  run(context: VerbContext): Promise<VerbResult>;
}
