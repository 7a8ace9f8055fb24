/**
 * The publish dialog's calls through the contract (the job itself: use-publication-job.ts), so that the
 * dialog's components stay free of the api.
 */
import type { RequestOf } from '../../../../shared/ipc/contract';
import { api } from '../../api';

/** What publishing would write and what it would find, without writing anything. */
export const reviewPublication = (request: RequestOf<'reviewPublication'>) => api.reviewPublication(request);

/** A folder chosen with the shell's native dialog; null when cancelled or where there is none. */
export async function chooseFolder(): Promise<string | null> {
  const result = await api.showFolderDialog({});
  return result.ok ? result.value.path : null;
}

/** S3 keys: whether a secret is remembered for this endpoint and key id, and how. */
export const secretStatus = (endpoint: string, accessKeyId: string) =>
  api.publicationSecret({ endpoint: endpoint.trim(), accessKeyId: accessKeyId.trim() });

export const forgetSecret = (endpoint: string, accessKeyId: string) =>
  api.forgetPublicationSecret({ endpoint: endpoint.trim(), accessKeyId: accessKeyId.trim() });
