/**
 * One image address → a descriptor (or a plain image's size), for every shape curators paste, against real
 * loopback institutions; and the reasons given when it cannot be done.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { thumbnailUrlFor } from '../../../shared/iiif/canvas-build';
import { cacheImages, fetchImage } from '../../../electron/services/sources/image-info';
import { hugePngHeader } from '../../fixtures/huge-png-header';
import { FAILURE_PATHS } from '../../fixtures/institutions';
import { cleanups, institution, plainServer, remoteService } from './helpers';

const cleanup = cleanups();
/** Thumbnail warm-ups started in the background: awaited before the cache folder is removed. */
const background: Promise<unknown>[] = [];
const options = { background: (work: Promise<unknown>) => void background.push(work) };
afterEach(async () => {
  await Promise.all(background.splice(0));
  await cleanup.run();
});

describe('fetchImage', () => {
  it('reads info.json, a service base URL and an image request URL of the same service', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 2 });
    const remote = await remoteService(cleanup);
    for (const url of [
      inst.infoUrl('quadrants'),
      inst.serviceUrl('quadrants'),
      `${inst.serviceUrl('quadrants')}/full/full/0/default.jpg`,
    ]) {
      const image = await fetchImage(remote, url, options);
      if (image.kind !== 'service') throw new Error(`expected a service for ${url}`);
      expect(image.descriptor).toMatchObject({
        version: 2,
        level: 2,
        id: inst.serviceUrl('quadrants'),
        width: 400,
        height: 300,
      });
    }
  });

  it('reads a level-0 Image API 3 service and warms the cache with the thumbnail a new canvas will show', async () => {
    const inst = await institution(cleanup, { level: 0, imageApi: 3 });
    const remote = await remoteService(cleanup);
    const image = await fetchImage(remote, inst.infoUrl('turned'), options);
    if (image.kind !== 'service') throw new Error('expected a service');
    expect(image.descriptor).toMatchObject({ version: 3, level: 0, width: 200, height: 320 });
    const thumb = thumbnailUrlFor(image.descriptor);
    expect(thumb).not.toBeNull();
    await Promise.all(background.splice(0));
    expect(await remote.cache.urls()).toContain(thumb);
  });

  it('measures a plain image on the web', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const site = await plainServer(cleanup, { '/photos/leaf': { type: 'image/png', body: png } });
    const remote = await remoteService(cleanup);
    const image = await fetchImage(remote, site.url('/photos/leaf'), options);
    expect(image).toMatchObject({ kind: 'image', width: 30, height: 20, format: 'image/png' });
  });

  it('refuses a plain image declaring 16000×16000 pixels, naming its address and size', async () => {
    const site = await plainServer(cleanup, {
      '/photos/huge.png': { type: 'image/png', body: hugePngHeader() },
    });
    const remote = await remoteService(cleanup);
    const url = site.url('/photos/huge.png');
    await expect(fetchImage(remote, url, options)).rejects.toThrow(
      `"${url}" is 16000 × 16000 pixels (256 megapixels)`,
    );
  });

  it('recognises a manifest and says it is one', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const remote = await remoteService(cleanup);
    await expect(fetchImage(remote, inst.manifestUrl(3), options)).rejects.toMatchObject({
      code: 'presentation',
    });
  });

  it('gives a reason a curator understands for broken answers', async () => {
    const inst = await institution(cleanup, { failures: true, imageApi: 2 });
    const remote = await remoteService(cleanup);
    await expect(
      fetchImage(remote, `${inst.baseUrl}${FAILURE_PATHS.notFound}`, options),
    ).rejects.toMatchObject({
      code: 'http',
      message: expect.stringMatching(/nothing at this address \(404\)/),
    });
    await expect(fetchImage(remote, `${inst.baseUrl}${FAILURE_PATHS.html}`, options)).rejects.toMatchObject({
      code: 'html',
      message: expect.stringMatching(/web page/),
    });
    await expect(
      fetchImage(remote, `${inst.baseUrl}${FAILURE_PATHS.zeroDimensions}`, options),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});

describe('cacheImages', () => {
  it('fetches images into the cache and counts failures', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const remote = await remoteService(cleanup);
    const good = `${inst.serviceUrl('quadrants')}/full/40,/0/default.jpg`;
    const result = await cacheImages(remote, [good, `${inst.baseUrl}/nothing.jpg`]);
    expect(result).toEqual({ cached: 1, failed: 1 });
    expect(await remote.cache.urls()).toContain(good);
  });
});
