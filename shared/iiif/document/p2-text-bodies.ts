/**
 * Presentation 2 transcriptions and comments carry their text as `cnt:ContentAsText` resources (`chars`, with
 * `format` and `language`, or the JSON-LD `@language`). The upgrader passes them on half-converted: `chars` kept,
 * typed `Text` or `TextualBody`, the `@language` lost, and an id made up under http://example.org/ when the
 * resource had none. These two passes around the upgrade make them the Presentation 3 TextualBody they mean
 * ({ type, value, format, language }), with the publisher's own id kept and no invented one.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

/** Stands in for "no id" through the upgrader (which would invent one); unique, so it never merges bodies. */
const NO_ID = 'urn:tessera:p2-text-without-id:';

function asList(value: JsonValue | undefined): JsonValue[] {
  return value === undefined ? [] : isJsonArray(value) ? [...value] : [value];
}

function isContentAsText(node: JsonObject): boolean {
  return asList(node['@type']).some((t) => t === 'cnt:ContentAsText');
}

/**
 * Before the upgrade, in place (the tree is a fresh parse nobody else holds): each ContentAsText resource of an
 * embedded annotation list gets `language` from `@language`, and a placeholder id when it has none. Returns how
 * many were marked, so the second pass runs only when there is something to finish.
 */
export function markP2TextBodies(root: JsonObject): number {
  let marked = 0;
  const mark = (resource: JsonValue) => {
    if (!isJsonObject(resource) || !isContentAsText(resource)) return;
    const node = resource as Record<string, JsonValue>;
    if (node['language'] === undefined && typeof node['@language'] === 'string') {
      node['language'] = node['@language'];
      delete node['@language'];
    }
    if (typeof node['@id'] !== 'string') node['@id'] = `${NO_ID}${marked}`;
    marked += 1;
  };
  for (const sequence of asList(root['sequences']))
    if (isJsonObject(sequence))
      for (const canvas of asList(sequence['canvases']))
        if (isJsonObject(canvas))
          for (const list of asList(canvas['otherContent']))
            if (isJsonObject(list))
              for (const annotation of asList(list['resources']))
                if (isJsonObject(annotation)) asList(annotation['resource']).forEach(mark);
  return marked;
}

/** One upgraded text body as a TextualBody; anything else unchanged (the same object). */
function textualBody(body: JsonValue): JsonValue {
  if (!isJsonObject(body) || typeof body['chars'] !== 'string') return body;
  if (body['type'] !== 'Text' && body['type'] !== 'TextualBody') return body;
  const id = typeof body['id'] === 'string' && !body['id'].startsWith(NO_ID) ? body['id'] : undefined;
  const rest = Object.fromEntries(
    Object.entries(body).filter(
      ([key]) => !['id', 'type', 'chars', 'value', 'format', 'language'].includes(key),
    ),
  );
  return {
    ...(id === undefined ? {} : { id }),
    type: 'TextualBody',
    value: body['chars'],
    ...(typeof body['format'] === 'string' ? { format: body['format'] } : {}),
    ...(body['language'] !== undefined ? { language: body['language'] } : {}),
    ...rest,
  };
}

function annotationWithText(annotation: JsonValue): JsonValue {
  if (!isJsonObject(annotation) || annotation['body'] === undefined) return annotation;
  const body = annotation['body'];
  const next = isJsonArray(body) ? body.map(textualBody) : textualBody(body);
  const changed = isJsonArray(body) ? (next as JsonValue[]).some((b, i) => b !== body[i]) : next !== body;
  return changed ? { ...annotation, body: next } : annotation;
}

/** After the upgrade: the marked bodies on the canvases' annotation pages as TextualBody. */
export function finishP2TextBodies(doc: JsonObject): JsonObject {
  if (!isJsonArray(doc['items'])) return doc;
  const items = doc['items'].map((canvas) => {
    if (!isJsonObject(canvas) || !isJsonArray(canvas['annotations'])) return canvas;
    const pages = canvas['annotations'].map((page) => {
      if (!isJsonObject(page) || !isJsonArray(page['items'])) return page;
      const annotations = page['items'].map(annotationWithText);
      return annotations.some((a, i) => a !== (page['items'] as JsonValue[])[i])
        ? { ...page, items: annotations }
        : page;
    });
    return { ...canvas, annotations: pages };
  });
  return { ...doc, items };
}
