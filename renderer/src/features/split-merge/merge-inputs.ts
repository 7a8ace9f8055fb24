/** Reading a manifest file to merge: through the contract, refused plainly when it is not a Manifest. */
import { readDocument } from '../../../../shared/iiif/document';
import type { JsonObject } from '../../../../shared/iiif/json';
import { api } from '../../api';

export async function readMergeInput(
  path: string,
): Promise<{ ok: true; name: string; doc: JsonObject } | { ok: false; message: string }> {
  const read = await api.openFile({ path });
  if (!read.ok) return { ok: false, message: read.error.message };
  const { name, text } = read.value;
  const parsed = readDocument(text);
  if (!parsed.ok) return { ok: false, message: `${name}: ${parsed.error.message}` };
  if (parsed.kind !== 'Manifest')
    return { ok: false, message: `${name} is a ${parsed.kind}; only Manifests can be merged.` };
  return { ok: true, name, doc: parsed.doc };
}
