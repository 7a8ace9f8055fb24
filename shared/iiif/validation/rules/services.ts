/**
 * `service` and `services`: each entry needs an id (`id` or `@id`) and a type (`type` or `@type`), and a string
 * profile. Older-API services keep their own properties (`@id`, string labels); current ones follow Presentation 3.
 */
import { isAppAddress } from '../../../app-origin';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue, isHttpUri, isUnsafeUri, isUri } from '../values';
import { checkLanguageMap } from './language-maps';
import {
  CURRENT_API_SERVICE_TYPES,
  PRESENTATION_3_SERVICE_TYPES,
  inferServiceType,
  presentation2ImageServiceVersion,
} from './service-kinds';

export function checkServiceList(
  value: JsonValue,
  site: Site,
  ctx: Checker,
  property: 'service' | 'services',
): void {
  if (!isJsonArray(value)) {
    ctx.error(
      'not-an-array',
      site,
      `"${property}" must be a list of service objects, even when there is only one.`,
      SPEC.multipleValues,
      isJsonObject(value) ? 'wrap-in-array' : undefined,
    );
    if (isJsonObject(value)) checkService(value, site, ctx);
    return;
  }
  value.forEach((entry, index) => checkService(entry, at(site, index), ctx));
}

export function checkService(node: JsonValue, site: Site, ctx: Checker): void {
  if (!isJsonObject(node)) {
    ctx.error(
      'service-invalid',
      site,
      `A service must be an object with an id and a type, not ${describeValue(node)}.`,
      SPEC.service,
    );
    return;
  }
  const oldKeywords = node['@id'] !== undefined || node['@type'] !== undefined;
  const p2Version = presentation2ImageServiceVersion(node);
  if (p2Version !== undefined) {
    ctx.error(
      'service-p2-image-shape',
      site,
      `This image service is written the Presentation 2 way (${node.type === undefined && node['@type'] === undefined ? 'no type' : 'a list as profile'}); in Presentation 3 it is { "@id", "@type": "ImageService${p2Version}", "profile": one level }.`,
      SPEC.service,
      'p2-image-service-to-v2',
    );
  } else {
    checkServiceIdentity(node, site, ctx);
  }
  if (node['@context'] !== undefined) {
    ctx.warning(
      'service-context',
      at(site, '@context'),
      'A service should not carry its own "@context"; its type already says which API it follows.',
      SPEC.service,
    );
  }
  // Services named with id/type are read with the Presentation 3 context, so their labels are language maps.
  if (!oldKeywords && node.label !== undefined) checkLanguageMap(node.label, at(site, 'label'), ctx, 'label');
  if (node.service !== undefined) checkServiceList(node.service, at(site, 'service'), ctx, 'service');
}

function checkServiceIdentity(node: JsonObject, site: Site, ctx: Checker): void {
  const id = node.id ?? node['@id'];
  if (id === undefined) {
    ctx.error(
      'service-missing-id',
      site,
      'This service has no "id" (or "@id"), so a viewer cannot reach it.',
      SPEC.service,
    );
  } else if (!isUri(id)) {
    ctx.error(
      'service-id-invalid',
      at(site, node.id !== undefined ? 'id' : '@id'),
      `The service's id must be a URI, not ${describeValue(id)}.`,
      SPEC.service,
    );
  } else if (!isHttpUri(id) && !isUnsafeUri(id) && !isAppAddress(id)) {
    // Viewers request a service at its id (an image service's info.json, tiles): only http(s) can be requested.
    ctx.error(
      'service-id-not-http',
      at(site, node.id !== undefined ? 'id' : '@id'),
      `The service's id must be an http(s) address, not "${id}".`,
      SPEC.service,
    );
  }
  const type = node.type ?? node['@type'];
  if (type === undefined) {
    const inferred = inferServiceType(node);
    ctx.error(
      'service-missing-type',
      site,
      `This service has no "type" (or "@type")${inferred ? `; it is an ${inferred.value}` : ''}.`,
      SPEC.service,
      inferred ? 'add-service-type' : undefined,
    );
  } else if (typeof type !== 'string') {
    ctx.error(
      'service-type-invalid',
      site,
      `The service's type must be a string, not ${describeValue(type)}.`,
      SPEC.service,
    );
  } else if (node['@type'] !== undefined && !PRESENTATION_3_SERVICE_TYPES.has(type)) {
    ctx.warning(
      'service-type-unknown',
      at(site, '@type'),
      `"${type}" is not a service type Presentation 3 knows for older APIs (${[...PRESENTATION_3_SERVICE_TYPES].join(', ')}).`,
      SPEC.service,
    );
  } else if (
    node.type !== undefined &&
    !PRESENTATION_3_SERVICE_TYPES.has(type) &&
    !CURRENT_API_SERVICE_TYPES.has(type)
  ) {
    ctx.info(
      'service-type-unknown',
      at(site, 'type'),
      `"${type}" is not a IIIF service type; viewers will only use it if they know this extension.`,
      SPEC.service,
    );
  }
  const mixed =
    (node.id !== undefined && node['@id'] !== undefined) ||
    (node.type !== undefined && node['@type'] !== undefined) ||
    (node.id !== undefined && node['@type'] !== undefined && node.type === undefined) ||
    (node['@id'] !== undefined && node.type !== undefined && node['@type'] === undefined);
  if (mixed) {
    ctx.error(
      'service-mixed-keywords',
      site,
      'Use "@id" with "@type" (older APIs such as ImageService2) or "id" with "type" (current APIs), not a mixture.',
      SPEC.service,
    );
  }
  if (node.profile !== undefined && typeof node.profile !== 'string') {
    ctx.error(
      'service-profile-not-string',
      at(site, 'profile'),
      `A service's "profile" must be a single string, not ${describeValue(node.profile)}.`,
      SPEC.profile,
    );
  }
}
