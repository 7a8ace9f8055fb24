/**
 * The document being edited, as Mirador and Clover get it in the preview: the same JSON (labels, metadata,
 * structure, order exactly as published), with only the addresses they would load rewritten so that nothing
 * leaves the app's own origin. Images go through imageSrc() (the `/remote-image` route, its cache and its
 * offline copies), like everything the built-in viewer shows; image services become their mirror on the same
 * route (remote-service-route.ts), because those viewers build tile addresses from the service base themselves.
 *
 * What that route cannot carry (it passes only images and image information) is left out of the copy and
 * counted, so the preview can say so: audio, video and text bodies, and annotation pages, collections and search
 * services kept elsewhere, which the viewers would otherwise fetch straight from the institution.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';
import { remoteServicePath } from '../../../../shared/iiif/image-api/remote-service-route';
import { imageSrc, openDocumentInitiator } from '../images/image-src';

export interface ViewerManifest {
  readonly manifest: JsonObject;
  /** Resources the viewers cannot be given offline, by what they are. */
  readonly leftOut: { readonly media: number; readonly external: number };
}

const MEDIA_TYPES = new Set(['Sound', 'Audio', 'Video', 'Text', 'Model', 'Dataset']);

function isImageService(node: JsonObject): boolean {
  const type = String(node['type'] ?? node['@type'] ?? '');
  const profile = JSON.stringify(node['profile'] ?? '');
  return /ImageService/.test(type) || /iiif\.io\/api\/image|image-api|level[012]/.test(profile);
}

function idKey(node: JsonObject): 'id' | '@id' | null {
  if (typeof node['id'] === 'string') return 'id';
  if (typeof node['@id'] === 'string') return '@id';
  return null;
}

function isRemoteHttp(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin !== origin;
  } catch {
    return false;
  }
}

/**
 * A reference to a page of annotations or a collection kept at its own address (no `items` here), or a search
 * service: a viewer would fetch it from there (Mirador follows `partOf` to its collection, and both viewers
 * send a reader's search to the service).
 */
function isExternalReference(node: JsonObject): boolean {
  const type = String(node['type'] ?? node['@type'] ?? '');
  const profile = JSON.stringify(node['profile'] ?? '');
  if (/Search|AutoComplete/.test(type) || /iiif\.io\/api\/search/.test(profile)) return true;
  return (
    (type === 'AnnotationPage' || type === 'sc:AnnotationList' || type === 'Collection') && !('items' in node)
  );
}

function isMediaResource(node: JsonObject): boolean {
  const type = String(node['type'] ?? '');
  const format = String(node['format'] ?? '');
  return MEDIA_TYPES.has(type) || /^(audio|video|text)\//.test(format);
}

export function manifestForViewers(
  doc: JsonObject,
  origin: string,
  /** 'public' for a document from the internet: its images and services keep the private-network refusal. */
  initiator: 'local' | 'public' = openDocumentInitiator(),
): ViewerManifest {
  let media = 0;
  let external = 0;
  const absolute = (src: string) => (src.startsWith('/') ? `${origin}${src}` : src);

  /**
   * The node as the viewers get it, or undefined when it is left out. `inBody`: the node is (in) an
   * annotation's body, where a Text or Video is content to load rather than a link such as a homepage.
   */
  function visit(node: JsonValue, inBody = false): JsonValue | undefined {
    if (isJsonArray(node)) {
      const kept: JsonValue[] = [];
      for (const item of node) {
        const out = visit(item, inBody);
        if (out !== undefined) kept.push(out);
      }
      return kept;
    }
    if (!isJsonObject(node)) return node;
    const key = idKey(node);
    const id = key ? (node[key] as string) : null;
    if (id && isRemoteHttp(id, origin)) {
      if (isExternalReference(node)) {
        external += 1;
        return undefined;
      }
      if (inBody && isMediaResource(node)) {
        media += 1;
        return undefined;
      }
      // The service's own nested services (auth, sizes) stay as they are: the base is what viewers request.
      if (isImageService(node))
        return { ...node, [key as string]: `${origin}${remoteServicePath(id, initiator)}` };
    }
    const out: Record<string, JsonValue> = {};
    const choice = node['type'] === 'Choice' || node['@type'] === 'oa:Choice';
    for (const [name, value] of Object.entries(node)) {
      const child = visit(value, name === 'body' || (inBody && choice && name === 'items'));
      if (child !== undefined) out[name] = child;
    }
    if (key && id && (node['type'] === 'Image' || node['@type'] === 'dctypes:Image'))
      out[key] = absolute(imageSrc(id, origin, initiator));
    // An annotation whose only body was left out paints nothing; leave the annotation out with it.
    const body = out['body'];
    if ('body' in node && (body === undefined || (isJsonArray(body) && body.length === 0))) return undefined;
    return out;
  }

  const manifest = visit(doc);
  return { manifest: isJsonObject(manifest) ? manifest : {}, leftOut: { media, external } };
}
