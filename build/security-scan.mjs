// Security scan of the Electron side with Doyensec's Electronegativity, through its programmatic API.
// It scans our Electron-side sources (main, preload, security), transpiled file by file to JavaScript with their
// comments kept, so reviewed exceptions (`eng-disable` with a reason beside them) stay next to their code.
// Fails on any finding of medium severity or higher.
import { mkdir, mkdtemp, readdir, writeFile, readFile } from 'node:fs/promises';
import ts from 'typescript';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// The scanner fetches translations and Electron's release list from the internet. Tests never reach the internet:
// refuse every non-loopback connection in this process, so those lookups fail at once and fall back to built-ins.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { host: args[1] };
  const host = options.host ?? 'localhost';
  if (options.path === undefined && !/^(127\.|localhost$|::1$)/.test(host)) {
    throw new Error(`security scan: network access to ${host} refused (tests stay offline)`);
  }
  return connect.apply(this, args);
};
const { default: run } = await import('@doyensec/electronegativity');

const folders = ['electron/main', 'electron/preload', 'electron/security'];
const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-scan-'));
for (const folder of folders) {
  for (const name of await readdir(folder)) {
    if (!name.endsWith('.ts')) continue;
    const source = await readFile(path.join(folder, name), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        removeComments: false,
      },
    });
    await mkdir(path.join(dir, folder), { recursive: true });
    await writeFile(path.join(dir, folder, name.replace(/\.ts$/, '.js')), outputText);
  }
}
const pkg = JSON.parse(await readFile('package.json', 'utf8'));
// The scanner reads the Electron version from package.json to pick version-specific checks.
await writeFile(
  path.join(dir, 'package.json'),
  JSON.stringify({
    name: pkg.name,
    main: 'electron/main/main.js',
    devDependencies: { electron: pkg.devDependencies.electron },
  }),
);

const result = await run({
  input: dir,
  output: null,
  isSarif: false,
  customScan: [],
  // Needs the live list of Electron releases; Dependabot-style upgrades are handled outside the test run.
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: undefined,
  parserPlugins: [],
});

const MEDIUM = 2; // Electronegativity severities: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3
const serious = result.issues.filter((issue) => issue.severity.value >= MEDIUM);
for (const issue of result.issues) {
  const where = `${issue.file}:${issue.location.line}`;
  console.log(`${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(10)} ${issue.id}  ${where}`);
}
console.log(
  `electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ` +
    `${result.issues.length} findings, ${serious.length} of medium severity or higher`,
);
if (result.errors.length > 0) console.log(`(${result.errors.length} files could not be parsed)`);
process.exitCode = serious.length > 0 ? 1 : 0;
