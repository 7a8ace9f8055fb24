/**
 * Dragging a manifest or collection out of the Sources panel onto a collection's member grid: the source itself
 * (its title) or one member of a source collection. The drag names the opened source by its key and, for a
 * member, its id; the drop makes the reference from what the panel already read,
 * so no second fetch is needed. text/uri-list carries the id too, for drops into other applications.
 */
import { memberIdOf, memberItems, memberReferenceFrom } from '../../../../shared/iiif/collection';
import type { JsonObject } from '../../../../shared/iiif/json';
import { sourceByKey } from '../sources/sources-store';

export const SOURCE_MEMBER_MIME = 'application/x-tessera-source-member';

export interface SourceMemberPayload {
  readonly key: string;
  /** The id of a member of the source collection; absent for the source itself. */
  readonly memberId?: string;
}

export function writeSourceMemberDrag(data: DataTransfer, payload: SourceMemberPayload, id: string): void {
  data.setData(SOURCE_MEMBER_MIME, JSON.stringify(payload));
  data.setData('text/uri-list', id);
  data.effectAllowed = 'copy';
}

export function readSourceMemberDrag(data: DataTransfer): SourceMemberPayload | null {
  try {
    const value = JSON.parse(data.getData(SOURCE_MEMBER_MIME)) as Partial<SourceMemberPayload>;
    if (typeof value.key !== 'string') return null;
    return typeof value.memberId === 'string'
      ? { key: value.key, memberId: value.memberId }
      : { key: value.key };
  } catch {
    return null;
  }
}

/** The reference a dropped payload stands for, or why there is none (the source was closed meanwhile...). */
export function referenceOfDrag(
  payload: SourceMemberPayload,
): { ok: true; reference: JsonObject } | { ok: false; message: string } {
  const source = sourceByKey(payload.key);
  if (!source) return { ok: false, message: 'That source is no longer open.' };
  const whole = payload.memberId === undefined;
  const resource = whole
    ? source.doc
    : memberItems(source.doc).find((member) => memberIdOf(member) === payload.memberId);
  // Only the source itself may be named by the address it was opened at; a member must carry its own id.
  const made = memberReferenceFrom(resource ?? null, whole ? source.location : '');
  return made.ok ? made : { ok: false, message: made.message };
}
