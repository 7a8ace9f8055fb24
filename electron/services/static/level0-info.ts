/**
 * Static level-0 image trees (the sample, local images) are written once but served from origins that change
 * (a random port in the browser, app:// in Electron). A viewer builds tile URLs from the `id` inside info.json,
 * so when serving one we set `id` to the URL it was actually requested from.
 */
export function rewriteInfoJsonId(text: string, serviceUrl: string): string {
  const info = JSON.parse(text) as Record<string, unknown>;
  if ('@id' in info) info['@id'] = serviceUrl;
  else info['id'] = serviceUrl;
  return JSON.stringify(info);
}
