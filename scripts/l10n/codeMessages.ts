// Every message the code passes to `l10n.t` (`vscode.l10n.t`, or `l10n.t` from src/text/l10n.ts: the same call),
// which is what l10n/bundle.l10n.json must hold for a translator. Read with the TypeScript parser, the way
// @vscode/l10n-dev extracts them: the key is the English message (with `/comment` when a comment is given).
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export type BundleEntry = string | { message: string; comment: string[] };

export interface CodeMessages {
  bundle: Record<string, BundleEntry>;
  /** Calls whose message is not a literal, which no tool can extract: `file:line: text`. */
  problems: string[];
}

export function codeMessages(srcDir: string): CodeMessages {
  const bundle: Record<string, BundleEntry> = {};
  const problems: string[] = [];
  for (const file of typeScriptFiles(srcDir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${path.relative(path.dirname(srcDir), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isL10nT(node.expression)) {
        const [first] = node.arguments;
        const entry = first && messageOf(first);
        if (entry) {
          const key = typeof entry === 'string' ? entry : `${entry.message}/${entry.comment.join('')}`;
          bundle[key] = entry;
        } else {
          problems.push(`${where(node)}: ${node.getText().slice(0, 120)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { bundle, problems };
}

/** `l10n.t` or `vscode.l10n.t`. */
function isL10nT(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

function messageOf(arg: ts.Expression): BundleEntry | undefined {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (!ts.isObjectLiteralExpression(arg)) return undefined;
  const property = (name: string) => arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
  const message = property('message');
  const comment = property('comment');
  if (!message || !(ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) return undefined;
  if (!comment) return message.text;
  const comments = ts.isArrayLiteralExpression(comment) ? comment.elements : [comment];
  if (!comments.every((c) => ts.isStringLiteral(c))) return undefined;
  return { message: message.text, comment: comments.map((c) => (c as ts.StringLiteral).text) };
}

export function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
