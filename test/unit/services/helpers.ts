import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixedClock } from '../../../electron/core/clock';
import type { InputOf, MethodName, ResultOf } from '../../../electron/ipc/contract';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import type { Result } from '../../../electron/ipc/result';
import { createServices } from '../../../electron/services/createServices';
import { recordingPlatform } from '../../../electron/services/platform';
import { settingsFile } from '../../../electron/store/dataFolder';
import { openPcSettings } from '../../../electron/store/settings/pcSettings';

/** The app's services on a fresh data dir, called through the same validating dispatcher as IPC. */
export async function startApp(dataDir?: string, clock = fixedClock('2022-03-17T09:30:00Z')) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'desk-unit-')));
  const platform = recordingPlatform();
  const pcSettings = await testPcSettings(dir);
  const services = await createServices({ dataDir: dir, clock, platform, templatesDir: resolve(import.meta.dirname, '../../../templates'), pcSettings, appVersion: 'test' });
  const dispatch = createDispatcher(services.handlers, () => undefined);
  const call = <M extends MethodName>(m: M, input: InputOf<M>) => dispatch(m, input) as Promise<Result<ResultOf<M>>>;
  /** Call and insist it worked: for set-up steps. */
  const must = async <M extends MethodName>(m: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const r = await call(m, input);
    if (!r.ok) throw new Error(`${m} failed: ${r.error}`);
    return r.value;
  };
  return { dir, services, dispatch, call, must, platform, clock, pcSettings };
}

/** This PC's settings for a test's data folder: beside it, not in it, as the app keeps them in its user-data folder. */
export function testPcSettings(dataDir: string) {
  return openPcSettings(settingsFile(`${dataDir}-this-pc`), { defaultOfficerName: 'test.officer' });
}
