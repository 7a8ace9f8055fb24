/**
 * Which addresses the app will fetch: http and https only. file:, data:, javascript:, ftp: and friends are
 * refused up front, and again at every redirect hop, so a remote server can never steer us to local files.
 */
import { RemoteError } from './remote-error';

export function checkRemoteUrl(text: string): URL {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new RemoteError('invalid', `"${trimmed.slice(0, 200)}" is not a web address.`, trimmed);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteError(
      'scheme',
      `Only web addresses (http:// or https://) can be fetched; "${url.protocol}" addresses are not allowed.`,
      trimmed,
    );
  }
  url.hash = '';
  return url;
}
