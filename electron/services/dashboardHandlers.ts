import { dashboardSummary } from '../core/dashboard/summary';
import type { Letter } from '../core/letters/letterSchema';
import type { Reply } from '../core/replies/replySchema';
import type { Handlers } from '../ipc/contract';
import type { ServiceContext } from './context';
import type { LetterReader } from './letters/letterDetail';

export function dashboardHandlers(ctx: ServiceContext, reader: LetterReader): Pick<Handlers, 'dashboard.summary'> {
  return {
    'dashboard.summary': async () => dashboardSummary(ctx.store().all<Letter>('letters'), ctx.store().all<Reply>('replies'), reader.today()),
  };
}
