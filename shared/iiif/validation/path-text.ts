import type { JsonPath } from '../json';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['items', 3, 'label']` -> `$.items[3].label`; keys that are not identifiers use `["@none"]`. */
export function pathToText(path: JsonPath): string {
  let text = '$';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (IDENTIFIER.test(step)) text += `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text;
}
