/**
 * Secrets the user asks the app to remember (the S3 secret access key), by name. They never go into a
 * document, a log or a file in plain text, and the renderer never reads one back: it sends a secret once, or
 * asks the services to use the one remembered under a name.
 *  - Desktop: encrypted with the operating system's keychain (Electron `safeStorage`, passed in by
 *    electron/main as `OsCipher`, since services never import Electron), in one file in the user data folder.
 *    When the OS offers no encryption, remembering is refused rather than falling back to plain text.
 *  - Web host: kept in memory for the session only.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { writeFileAtomic } from '../files/atomic-write';

export interface SecretStore {
  /** Whether remembering is possible here, and where remembered secrets live. */
  capability(): { readonly canRemember: boolean; readonly persistent: boolean };
  /** Throws a UserFacingError when secrets cannot be remembered safely here. */
  remember(name: string, secret: string): Promise<void>;
  recall(name: string): Promise<string | undefined>;
  forget(name: string): Promise<void>;
}

/** The part of Electron's `safeStorage` the store uses. */
export interface OsCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Electron's safeStorage as the store's cipher. On Linux without a keyring it falls back to 'basic_text', a key
 * written into Electron itself, which hides nothing from anyone who reads the file: that counts as no
 * encryption, so nothing is remembered there.
 */
export function keychainCipher(
  storage: OsCipher & { getSelectedStorageBackend?(): string },
  platform: NodeJS.Platform = process.platform,
): OsCipher {
  const protects = () =>
    storage.isEncryptionAvailable() &&
    !(platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text');
  return {
    isEncryptionAvailable: protects,
    encryptString: (plain) => storage.encryptString(plain),
    decryptString: (encrypted) => storage.decryptString(encrypted),
  };
}

export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    capability: () => ({ canRemember: true, persistent: false }),
    remember: (name, secret) => {
      secrets.set(name, secret);
      return Promise.resolve();
    },
    recall: (name) => Promise.resolve(secrets.get(name)),
    forget: (name) => {
      secrets.delete(name);
      return Promise.resolve();
    },
  };
}

/** The file holds `{ name: base64 of the OS-encrypted secret }` and nothing else. */
export function createEncryptedSecretStore(file: string, cipher: OsCipher): SecretStore {
  const read = async (): Promise<Record<string, string>> => {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return {};
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    } catch {
      return {};
    }
  };
  const write = async (entries: Record<string, string>) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(entries, null, 2)}\n`);
    // Encrypted already; readable by its owner only all the same.
    await fs.chmod(file, 0o600).catch(() => undefined);
  };
  // One change at a time, so two publications remembering at once cannot lose each other's entry.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    capability: () => ({ canRemember: cipher.isEncryptionAvailable(), persistent: true }),
    remember: (name, secret) =>
      serial(async () => {
        if (!cipher.isEncryptionAvailable()) throw cannotRemember();
        const entries = await read();
        entries[name] = cipher.encryptString(secret).toString('base64');
        await write(entries);
      }),
    recall: async (name) => {
      const encrypted = (await read())[name];
      if (encrypted === undefined || !cipher.isEncryptionAvailable()) return undefined;
      try {
        return cipher.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        // Written under another OS account or keyring: as if nothing were remembered.
        return undefined;
      }
    },
    forget: (name) =>
      serial(async () => {
        const entries = await read();
        if (!(name in entries)) return;
        delete entries[name];
        await write(entries);
      }),
  };
}

/** Said when the OS offers no encryption: the secret is then never written, not even obscured. */
export function cannotRemember(): UserFacingError {
  return new UserFacingError(
    'cannot-remember-secret',
    'This system offers no encrypted storage for secrets (no keychain or keyring), so Tessera cannot remember the secret; enter it each time instead.',
  );
}

/** The name an S3 secret is remembered under: the key id it belongs to, at the storage it was used with. */
export function s3SecretName(endpoint: string, accessKeyId: string): string {
  let origin: string;
  try {
    origin = new URL(endpoint).origin;
  } catch {
    origin = endpoint;
  }
  return `s3 ${accessKeyId} at ${origin}`;
}
