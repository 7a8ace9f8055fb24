import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../../shared/ipc/dispatch';
import { UserFacingError } from '../../../shared/ipc/result';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const fallback = async () => {
    throw new Error('not used in this test');
  };
  const all: Record<string, unknown> = {};
  for (const name of channelNames) all[name] = overrides[name] ?? fallback;
  return all as Handlers;
}

describe('dispatch', () => {
  it('parses the request with the channel schema before calling the handler', async () => {
    let seen: unknown = null;
    const handlers = handlersWith({
      saveFile: async (req) => {
        seen = req;
        return { path: req.path, name: 'm.json', mtimeMs: 1, size: 2, hash: 'h' };
      },
    });
    const result = await dispatch(handlers, 'saveFile', {
      path: '/m.json',
      text: '{}',
      expectedMtimeMs: null,
    });
    expect(result.ok).toBe(true);
    // The schema's default is applied: handlers always see a complete request.
    expect(seen).toMatchObject({ overwrite: false });
  });

  it('turns thrown errors into Results and never throws itself', async () => {
    const handlers = handlersWith({
      openFile: async () => {
        throw new UserFacingError('not-found', 'There is no file there.');
      },
      recentFiles: async () => {
        throw new TypeError('boom');
      },
    });
    expect(await dispatch(handlers, 'openFile', { path: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no file there.' },
    });
    const internal = await dispatch(handlers, 'recentFiles', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    // Neither the channel's name nor the engine's words reach the user (issue 20 item 14).
    expect(internal.ok ? '' : internal.error.message).not.toMatch(/recentFiles|boom|went wrong in/);
    const full = await dispatch(
      handlersWith({
        recentFiles: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      }),
      'recentFiles',
      {},
    );
    expect(full.ok ? '' : full.error.message).toBe(
      'The disk is full, so Tessera could not finish. Free some space and try again.',
    );
    expect(await dispatch(handlers, 'openFile', { path: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('knows every channel of the contract', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
  });
});
