/**
 * Remembered S3 secrets: with a stand-in for Electron's safeStorage (AES under a key only it holds, as the OS
 * keychain holds its key), no plain secret reaches the disk, a new session recalls it, and where the OS offers
 * no encryption nothing is remembered at all. Through the channels: a secret sent once with "remember" is used
 * by name afterwards, and never comes back to the renderer.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import {
  createEncryptedSecretStore,
  keychainCipher,
  type OsCipher,
  type SecretStore,
} from '../../../electron/services/secrets/secret-store';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Result } from '../../../shared/ipc/result';
import { loadFixture } from '../../shared/validation/helpers';
import { startFakeS3, type FakeS3 } from '../publish/fake-s3';

const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';

/** What safeStorage does, in spirit: authenticated encryption under a key that never leaves it. */
function standInSafeStorage(available = true): OsCipher & { available: boolean } {
  const key = randomBytes(32);
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-secrets-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Every byte under root, as text, so that a secret in any file or encoding would be seen. */
async function everythingOnDisk(dir = root): Promise<string> {
  let all = '';
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    all += entry.isDirectory() ? await everythingOnDisk(full) : (await fs.readFile(full)).toString('latin1');
  }
  return all;
}

function expectNoSecretIn(text: string) {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
  expect(text).not.toContain(Buffer.from(SECRET).toString('hex'));
}

describe('the encrypted secret store', () => {
  it('writes only ciphertext, recalls in a new session, and forgets', async () => {
    const cipher = standInSafeStorage();
    const file = path.join(root, 'user-data', 'secrets.json');
    await createEncryptedSecretStore(file, cipher).remember('s3 KEY at http://h', SECRET);
    expectNoSecretIn(await everythingOnDisk());
    expect(Object.keys(JSON.parse(await fs.readFile(file, 'utf8')) as object)).toEqual([
      's3 KEY at http://h',
    ]);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const again = createEncryptedSecretStore(file, cipher);
    expect(await again.recall('s3 KEY at http://h')).toBe(SECRET);
    expect(await again.recall('another')).toBeUndefined();
    await again.forget('s3 KEY at http://h');
    expect(await again.recall('s3 KEY at http://h')).toBeUndefined();
  });

  it('refuses to remember where the OS offers no encryption, writing nothing', async () => {
    const file = path.join(root, 'secrets.json');
    const store = createEncryptedSecretStore(file, standInSafeStorage(false));
    expect(store.capability()).toEqual({ canRemember: false, persistent: true });
    await expect(store.remember('x', SECRET)).rejects.toThrow(/no encrypted storage/);
    expect(await fs.readdir(root)).toEqual([]);
  });
});

describe("Electron's safeStorage as the cipher", () => {
  it("counts Linux's basic_text fallback (a key built into Electron) as no encryption", async () => {
    const storage = Object.assign(standInSafeStorage(), { getSelectedStorageBackend: () => 'basic_text' });
    const file = path.join(root, 'secrets.json');
    const store = createEncryptedSecretStore(file, keychainCipher(storage, 'linux'));
    expect(store.capability().canRemember).toBe(false);
    await expect(store.remember('x', SECRET)).rejects.toThrow(/no encrypted storage/);
    const keyring = Object.assign(standInSafeStorage(), {
      getSelectedStorageBackend: () => 'gnome_libsecret',
    });
    expect(createEncryptedSecretStore(file, keychainCipher(keyring, 'linux')).capability().canRemember).toBe(
      true,
    );
    // Elsewhere (macOS Keychain, Windows DPAPI) there is no such fallback to ask about.
    expect(
      createEncryptedSecretStore(file, keychainCipher(standInSafeStorage(), 'darwin')).capability(),
    ).toEqual({
      canRemember: true,
      persistent: true,
    });
  });
});

describe('remembering through the publish channels', () => {
  const KEYS = { accessKeyId: 'TESSERATEST', secretAccessKey: SECRET };
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3('site', KEYS);
  });
  afterAll(async () => {
    await s3?.close();
  });

  async function handlersWith(secrets: SecretStore) {
    const workspace = path.join(root, 'workspace');
    await fs.mkdir(workspace, { recursive: true });
    return createHandlers({
      shell: 'electron',
      version: '0.0.0-test',
      policy: await createWorkspacePolicy(workspace),
      dialogs: {},
      recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
      autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
      secrets,
    });
  }
  const name = () => ({ endpoint: s3.endpoint, accessKeyId: KEYS.accessKeyId });
  const request = (prefix: string, extra: object) => ({
    doc: loadFixture('valid-book'),
    base: 'https://pub.example.com/book',
    target: { kind: 's3', bucket: 'site', prefix, ...name(), ...extra },
  });

  it('uses a secret sent once with remember by name afterwards, never answering with it', async () => {
    const handlers = await handlersWith(
      createEncryptedSecretStore(path.join(root, 'user-data', 'secrets.json'), standInSafeStorage()),
    );
    const answers: unknown[] = [];
    const call = async (channel: string, body: object) => {
      const result = (await dispatch(handlers, channel, body)) as Result<unknown>;
      answers.push(result);
      return result;
    };
    expect(await call('publicationSecret', name())).toMatchObject({ ok: true, value: { remembered: false } });
    const first = await call(
      'publishDocument',
      request('a', { secretAccessKey: SECRET, rememberSecret: true }),
    );
    expect(first.ok).toBe(true);
    expect(await call('publicationSecret', name())).toEqual({
      ok: true,
      value: { remembered: true, canRemember: true, persistent: true },
    });
    const byName = await call('publishDocument', request('b', {}));
    expect(byName.ok, JSON.stringify(byName)).toBe(true);
    expect(s3.objects.has('b/manifest.json')).toBe(true);
    expectNoSecretIn(JSON.stringify(answers));
    expectNoSecretIn(await everythingOnDisk());

    await call('forgetPublicationSecret', name());
    const forgotten = await call('publishDocument', request('c', {}));
    expect(forgotten.ok === false && forgotten.error.message).toMatch(/Enter the secret access key/);
  });

  it('refuses to publish with remember where it cannot be kept encrypted, before uploading', async () => {
    const handlers = await handlersWith(
      createEncryptedSecretStore(path.join(root, 'secrets.json'), standInSafeStorage(false)),
    );
    const refused = (await dispatch(
      handlers,
      'publishDocument',
      request('d', { secretAccessKey: SECRET, rememberSecret: true }),
    )) as Result<unknown>;
    expect(refused.ok === false && refused.error.message).toMatch(/cannot remember the secret/);
    expect([...s3.objects.keys()].some((key) => key.startsWith('d/'))).toBe(false);
    expectNoSecretIn(await everythingOnDisk());
  });
});
