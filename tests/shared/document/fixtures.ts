/** Test helper: reads the project's own document fixtures (tests/fixtures/documents). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/documents');

export function fixtureText(name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}
