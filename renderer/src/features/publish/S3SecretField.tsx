/**
 * The S3 secret access key: typed into a password field and sent with the requests, or, when the services
 * remember one for this key id and storage, left blank to use that one. The renderer only ever learns whether
 * a secret is remembered, never the secret. Remembering is offered only where it is safe (the desktop's OS
 * keychain; the web host's memory for this session).
 */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { forgetSecret, secretStatus } from './publish-service';

type Status = ResponseOf<'publicationSecret'>;

export function S3SecretField({
  endpoint,
  accessKeyId,
  secret,
  remember,
  onSecretChange,
  onRememberChange,
}: {
  endpoint: string;
  accessKeyId: string;
  secret: string;
  remember: boolean;
  onSecretChange(secret: string): void;
  onRememberChange(remember: boolean): void;
}) {
  // The answer is kept with the name it is for, so a stale one is never shown for another key or storage.
  const [answer, setAnswer] = useState<{ key: string; status: Status } | null>(null);
  const [asked, setAsked] = useState(0);
  const key =
    endpoint.trim() !== '' && accessKeyId.trim() !== '' ? `${endpoint.trim()} ${accessKeyId.trim()}` : '';
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void secretStatus(endpoint, accessKeyId).then((result) => {
      if (current && result.ok) setAnswer({ key, status: result.value });
    });
    return () => {
      current = false;
    };
  }, [key, endpoint, accessKeyId, asked]);
  const status = answer !== null && answer.key === key ? answer.status : null;
  const forget = async () => {
    await forgetSecret(endpoint, accessKeyId);
    setAsked((n) => n + 1);
  };
  const where = status?.persistent ? 'encrypted by the operating system' : 'for this session only';
  return (
    <>
      <label className="field">
        Secret access key
        {status?.remembered ? ' (leave blank to use the remembered one)' : ''}
        <input
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => onSecretChange(e.target.value)}
          aria-label="Secret access key"
        />
      </label>
      {status?.remembered ? (
        <p data-testid="secret-remembered">
          A secret is remembered for {accessKeyId.trim()} ({where}).{' '}
          <button type="button" onClick={() => void forget()}>
            Forget the secret
          </button>
        </p>
      ) : null}
      {status && secret !== '' ? (
        status.canRemember ? (
          <label className="check">
            <input type="checkbox" checked={remember} onChange={(e) => onRememberChange(e.target.checked)} />{' '}
            Remember the secret after publishing ({where})
          </label>
        ) : (
          <p className="hint">
            This system offers no encrypted storage for secrets, so the secret cannot be remembered.
          </p>
        )
      ) : null}
    </>
  );
}
