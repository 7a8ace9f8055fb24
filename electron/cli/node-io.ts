/** The real CliIo: process streams and the file system. */
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../services/files/atomic-write';
import type { CliIo } from './cli-io';

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => fs.readFile(path),
    writeFile: (path, text) => writeFileAtomic(path, text),
    readStdin: () => readAll(process.stdin),
  };
}
