/**
 * homepage, rendering, seeAlso and partOf: lists of objects that point elsewhere. Each needs an id and a type;
 * homepage and rendering also need a label, because viewers show them as links.
 */
import { isJsonObject, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue, isUri } from '../values';
import { checkFormat, checkLanguageProperty, checkProfile } from './content-properties';
import { checkTextProperties } from './language-maps';
import { expectArray } from './shapes';

const LINKS = [
  { key: 'homepage', labelRequired: true, specUrl: SPEC.homepage },
  { key: 'rendering', labelRequired: true, specUrl: SPEC.rendering },
  { key: 'seeAlso', labelRequired: false, specUrl: SPEC.seeAlso },
  { key: 'partOf', labelRequired: false, specUrl: SPEC.partOf },
] as const;

export function checkExternalLinks(node: JsonObject, site: Site, ctx: Checker): void {
  for (const link of LINKS) {
    const items = expectArray(node, link.key, site, ctx);
    if (items === undefined) continue;
    const base = isJsonObject(node[link.key]) ? at(site, link.key) : undefined;
    items.forEach((item, index) => {
      const where = base ?? at(site, link.key, index);
      checkLink(item, where, ctx, link.key, link.labelRequired, link.specUrl);
    });
  }
}

function checkLink(
  item: unknown,
  site: Site,
  ctx: Checker,
  key: string,
  labelRequired: boolean,
  specUrl: string,
): void {
  if (!isJsonObject(item)) {
    ctx.error(
      'link-invalid',
      site,
      `Each "${key}" entry must be an object with an id and a type, not ${describeValue(item as never)}.`,
      specUrl,
    );
    return;
  }
  const owner =
    typeof item.id === 'string'
      ? { id: item.id, ...(typeof item.type === 'string' ? { type: item.type } : {}) }
      : site.owner;
  const self: Site = { path: site.path, owner };
  if (item.id === undefined) ctx.error('link-id-missing', self, `This "${key}" entry has no "id".`, specUrl);
  else if (!isUri(item.id))
    ctx.error(
      'link-id-invalid',
      at(self, 'id'),
      `The "${key}" id must be a URI, not ${describeValue(item.id)}.`,
      specUrl,
    );
  if (item.type === undefined)
    ctx.error(
      'link-type-missing',
      self,
      `This "${key}" entry has no "type" (for example "Text" or "Dataset").`,
      specUrl,
    );
  else if (typeof item.type !== 'string')
    ctx.error(
      'type-invalid',
      at(self, 'type'),
      `"type" must be a single string, not ${describeValue(item.type)}.`,
      SPEC.type,
    );
  if (labelRequired && item.label === undefined) {
    ctx.error(
      'link-label-missing',
      self,
      `This "${key}" entry needs a label: viewers show it as the link text.`,
      specUrl,
    );
  }
  checkTextProperties(item, self, ctx);
  checkFormat(item, self, ctx);
  checkLanguageProperty(item, self, ctx, false);
  checkProfile(item, self, ctx);
}
