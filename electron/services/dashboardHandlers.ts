import type { Handlers } from '../ipc/contract';
import type { ServiceContext } from './context';
import type { LetterReader } from './letters/letterDetail';

export function dashboardHandlers(ctx: ServiceContext, reader: LetterReader): Pick<Handlers, 'dashboard.summary'> {
  return {
    'dashboard.summary': async () => ctx.register().dashboard(reader.today()),
  };
}
