import { NotFoundError, UserError } from '../../core/errors';
import { filterAndSort } from '../../core/addressBook/search';
import type { Handlers } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { saveRecord } from './saveRecord';

type SignatoryHandlers = Pick<
  Handlers,
  'signatories.list' | 'signatories.get' | 'signatories.create' | 'signatories.update' | 'signatories.setArchived'
>;

/**
 * The schema checks the data URL's declared type; this checks the bytes really are a PNG or JPEG, so a
 * renamed file (or something hostile) never reaches a letter or a DOCX.
 */
export function checkSignatureImage(dataUrl: string | null): void {
  if (!dataUrl) return;
  const [head, b64 = ''] = dataUrl.split(',', 2);
  const bytes = Buffer.from(b64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((head?.includes('image/png') && !png) || (head?.includes('image/jpeg') && !jpeg)) {
    throw new UserError('That file is not a PNG or JPEG image.', { signatureImage: 'That file is not a PNG or JPEG image.' });
  }
}

export function signatoryHandlers(ctx: ServiceContext): SignatoryHandlers {
  const find = async (id: string) => {
    const s = await ctx.register().signatories.get(id);
    if (!s) throw new NotFoundError('That signatory');
    return s;
  };
  return {
    'signatories.list': async (q) =>
      filterAndSort(
        await ctx.register().signatories.list(q.includeArchived),
        {
          query: q.query,
          text: (s) => [s.name, ...s.titleLines, s.email].join(' '),
          sortKey: (s) => (q.sort === 'updatedAt' ? s.updatedAt : s.name),
          direction: q.direction,
        },
      ),
    'signatories.get': async ({ id }) => find(id),
    'signatories.create': async (values) => {
      checkSignatureImage(values.signatureImage);
      const now = ctx.nowIso();
      return saveRecord(ctx, 'signatories', { ...values, id: ctx.newId(), archived: false, createdAt: now, updatedAt: now }, 'create');
    },
    'signatories.update': async ({ id, values }) => {
      checkSignatureImage(values.signatureImage);
      return saveRecord(ctx, 'signatories', { ...(await find(id)), ...values, updatedAt: ctx.nowIso() });
    },
    'signatories.setArchived': async ({ id, archived }) =>
      saveRecord(ctx, 'signatories', { ...(await find(id)), archived, updatedAt: ctx.nowIso() }, archived ? 'archive' : 'unarchive'),
  };
}
