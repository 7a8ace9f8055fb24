import { describe, expect, it } from 'vitest';
import { imageSrc, NO_IMAGE } from '../../../renderer/src/features/images/image-src';

const origin = 'http://127.0.0.1:5199';

describe('imageSrc', () => {
  it('routes other origins through the cached /remote-image route and keeps the page’s own files', () => {
    expect(imageSrc('https://iiif.example/a/full/200,/0/default.jpg', origin)).toBe(
      `/remote-image?url=${encodeURIComponent('https://iiif.example/a/full/200,/0/default.jpg')}`,
    );
    expect(imageSrc(`${origin}/sample/images/leaf-1r/full/200,275/0/default.jpg`, origin)).toBe(
      `${origin}/sample/images/leaf-1r/full/200,275/0/default.jpg`,
    );
    expect(imageSrc('data:image/png;base64,AAAA', origin)).toBe('data:image/png;base64,AAAA');
  });

  it('never hands a manifest’s script or file URLs to an <img>', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>',
      'vbscript:x',
      'not a url',
    ]) {
      expect(imageSrc(hostile, origin), hostile).toBe(NO_IMAGE);
    }
  });
});

describe('imageSrc in the desktop app (page origin app://tessera)', () => {
  const app = 'app://tessera';

  it('keeps the app’s own images (the sample, local images) as they are', () => {
    const sample = 'app://tessera/sample/images/leaf-1r/full/200,275/0/default.jpg';
    expect(imageSrc(sample, app)).toBe(sample);
    expect(imageSrc('app://tessera/local-images/abc/full/max/0/default.jpg', app)).toBe(
      'app://tessera/local-images/abc/full/max/0/default.jpg',
    );
  });

  it('still routes institutions’ images through /remote-image and drops other app hosts', () => {
    expect(imageSrc('https://iiif.example/a.jpg', app)).toBe(
      `/remote-image?url=${encodeURIComponent('https://iiif.example/a.jpg')}`,
    );
    expect(imageSrc('app://elsewhere/x.jpg', app)).toBe(NO_IMAGE);
    expect(imageSrc('app://user@tessera/x.jpg', app)).toBe(NO_IMAGE);
    expect(imageSrc('file:///etc/passwd', app)).toBe(NO_IMAGE);
  });
});
