/**
 * What an <audio> or <video> element may load. Media plays straight from where it is (unlike images, which go
 * through the main side's /remote-image route: films are too large to pass through, and players need Range
 * requests). So the checks the main side makes for images are made here, as far as a URL shows them: only the
 * page's own files and http(s); and for a document that came from the internet, no address that names the
 * user's computer or private network (localhost, 127.x, 10.x, 192.168.x, …), which the address policy
 * (electron/services/remote/address-policy.ts) would refuse. A name that only resolves to such an address is not
 * caught here: the browser's own Private Network Access rules are what remains for it.
 */
import { useAppStore } from '../../store/store';

/** What a media element gets for a URL it must not load: nothing, so the player says it cannot play. */
export const NO_MEDIA = '';

const PRIVATE_HOST =
  /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|0\.\d+\.\d+\.\d+|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+|\[(::1?|f[cd][0-9a-f:]*|fe[89ab][0-9a-f:]*|::ffff:[0-9a-f.:]*)\])$/i;

export function isPrivateHostName(hostname: string): boolean {
  return PRIVATE_HOST.test(hostname);
}

export function mediaSrc(
  url: string,
  origin: string = window.location.origin,
  initiator: 'local' | 'public' = useAppStore.getState().docOrigin,
): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NO_MEDIA;
  }
  if (parsed.username !== '' || parsed.password !== '') return NO_MEDIA;
  if (`${parsed.protocol}//${parsed.host}` === origin) return parsed.href;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return NO_MEDIA;
  if (initiator === 'public' && isPrivateHostName(parsed.hostname)) return NO_MEDIA;
  return parsed.href;
}
