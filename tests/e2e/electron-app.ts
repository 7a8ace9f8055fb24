/**
 * What the Electron shell tests share: small manifests written to disk, reading a label back, editing the
 * manifest's label as a person does, and the recovery records main left in the user data folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

export function manifest(label: string, count: number) {
  const base = 'https://example.org/iiif/book';
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: { en: [label] },
    items: Array.from({ length: count }, (_, i) => ({
      id: `${base}/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`p. ${i + 1}`] },
      width: 100,
      height: 150,
      items: [],
    })),
  };
}

export async function writeManifest(dir: string, name: string, label: string, count: number) {
  const file = path.join(dir, name);
  await writeFile(file, `${JSON.stringify(manifest(label, count), null, 2)}\n`);
  return file;
}

export const labelOnDisk = async (file: string) =>
  (JSON.parse(await readFile(file, 'utf8')) as { label: { en: string[] } }).label.en[0];

export async function editLabel(page: Page, text: string) {
  const field = page.getByRole('region', { name: 'Manifest' }).getByLabel('Label (en)', { exact: true });
  await field.fill(text);
  await field.press('Tab');
}

/** The completed recovery records in the app's user data folder. */
export { recordTexts } from './recovery-records';
