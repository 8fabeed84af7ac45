#!/usr/bin/env node
// Entry of dist/cli.js: runs the CLI with the process's streams and exits with its code.
import { main } from './main';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
