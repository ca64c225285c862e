import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/ipc/contract';
import { channelOf, methodNames } from '../../../electron/ipc/methodNames';
import { registerIpc } from '../../../electron/ipc/register';
import { secureWebPreferences } from '../../../electron/security/webPreferences';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

/** ipcMain as far as registerIpc uses it: record each handler by channel. */
function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const ipc = { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) } as unknown as IpcMain;
  return { ipc, handlers };
}

const event = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('registerIpc', () => {
  const { ipc, handlers } = fakeIpc();
  let calls = 0;
  const fake = new Proxy({} as Handlers, {
    get: () => async () => {
      calls += 1;
      return 'answered';
    },
  });
  registerIpc(ipc, fake, undefined);

  it('registers one channel per method of the contract, and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
  });

  it('answers the app’s own top-level page, with input checked by the contract', async () => {
    const status = handlers.get(channelOf('app.status'))!;
    expect(await status(event('app://desk/index.html#/letters'), {})).toEqual({ ok: true, value: 'answered' });
    const create = handlers.get(channelOf('organisations.create'))!;
    expect(await create(event('app://desk/index.html'), { name: '' })).toMatchObject({ ok: false, fieldErrors: { name: 'Name is required.' } });
  });

  it('refuses other pages, frames inside the app, and missing frames, without calling the service', async () => {
    const status = handlers.get(channelOf('app.status'))!;
    const before = calls;
    for (const e of [event('https://evil.example/'), event('app://desk.evil/index.html'), event('file:///etc/passwd'), event('app://desk/index.html', {}), ({ senderFrame: null } as unknown as IpcMainInvokeEvent)]) {
      expect(await status(e, {})).toEqual({ ok: false, error: 'This request did not come from Correspondence Desk and was refused.' });
    }
    expect(calls).toBe(before);
  });
});

describe('the window’s security settings', () => {
  it('isolate the page, sandbox it and keep Node out', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('allow scripts only from the app and no network at all', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
