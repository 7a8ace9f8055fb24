/**
 * Ids whose scheme runs code or reads local files (javascript:, data:, file: ...), anywhere in the document: in
 * resources the spec requires to be http(s), in external links where it allows any scheme, in services and in
 * extensions alike. One pass of its own rather than a check in each rule, so that no kind of resource is missed.
 * These findings are the ones publishing refuses even when the user allows errors (see UNPUBLISHABLE).
 */
import { isJsonArray, isJsonObject, type JsonPath, type JsonValue } from '../../json';
import type { Checker } from '../checker';
import { SPEC } from '../spec-links';
import { isUnsafeUri } from '../values';

export const UNSAFE_ID_CODE = 'id-unsafe-scheme';

const ID_KEYS = ['id', '@id'] as const;

export function checkUnsafeIds(doc: JsonValue, ctx: Checker): void {
  const stack: [JsonValue, JsonPath][] = [[doc, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [JsonValue, JsonPath];
    if (isJsonArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push([node[i] as JsonValue, [...path, i]]);
    } else if (isJsonObject(node)) {
      for (const key of ID_KEYS) {
        const id = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
        if (!isUnsafeUri(id)) continue;
        const type = node['type'] ?? node['@type'];
        ctx.error(
          UNSAFE_ID_CODE,
          { path: [...path, key], owner: typeof type === 'string' ? { type } : {} },
          `The id "${id}" uses a scheme that runs code or reads local files; only an http(s) address ` +
            'can be published.',
          SPEC.id,
        );
      }
      const keys = Object.keys(node);
      for (let k = keys.length - 1; k >= 0; k -= 1) {
        const key = keys[k] as string;
        stack.push([node[key] as JsonValue, [...path, key]]);
      }
    }
  }
}
