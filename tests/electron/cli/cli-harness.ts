/** Test helper: runs the real CLI with real files in a temporary folder and captures what it prints. */
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../../electron/cli/cli-io';
import { runCli } from '../../../electron/cli/main';
import { nodeIo } from '../../../electron/cli/node-io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tessera-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real file system (nodeIo's readFile and atomic writeFile), with output captured instead of printed. */
export async function cli(argv: string[], stdin?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const real = nodeIo();
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: real.readFile,
    writeFile: real.writeFile,
    ...(real.makeFolder ? { makeFolder: real.makeFolder } : {}),
    ...(stdin === undefined ? {} : { readStdin: async () => new TextEncoder().encode(stdin) }),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export async function write(file: string, text: string | Uint8Array): Promise<string> {
  await fs.writeFile(file, text);
  return file;
}
