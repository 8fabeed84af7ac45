// The entry of the installed-extension tests (`node out/test/vscode/runOffline.js --vsix <file>`): the same mocha
// run as the suite, over the *.test.js files of this folder.
import { runTestsIn } from '../suite/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
