import { describe, expect, it } from 'vitest';
import { isTrustedUrl } from '../../../electron/security/trustedOrigin';
import { resolveDataDir } from '../../../electron/dataDir';

describe('isTrustedUrl', () => {
  it('trusts only the app origin, and the dev server when one is given', () => {
    expect(isTrustedUrl('app://desk/index.html')).toBe(true);
    expect(isTrustedUrl('app://desk.evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://other/index.html')).toBe(false);
    expect(isTrustedUrl('https://desk/index.html')).toBe(false);
    expect(isTrustedUrl('file:///index.html')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/#/contacts', 'http://localhost:5173')).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedUrl('garbage')).toBe(false);
  });
});

describe('resolveDataDir', () => {
  it('prefers --data-dir, then the environment, then userData', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/srv/desk'], {}, '/home/u/.config/desk')).toBe('/srv/desk');
    expect(resolveDataDir(['--data-dir=/srv/other'], { CORRESPONDENCE_DESK_DATA_DIR: '/env' }, '/u')).toBe('/srv/other');
    expect(resolveDataDir([], { CORRESPONDENCE_DESK_DATA_DIR: '/env' }, '/u')).toBe('/env');
    expect(resolveDataDir([], {}, '/u')).toBe('/u');
  });
  it("uses this PC's chosen folder after the overrides and before userData", () => {
    expect(resolveDataDir([], {}, '/u', '/srv/register')).toBe('/srv/register');
    expect(resolveDataDir([], { CORRESPONDENCE_DESK_DATA_DIR: '/env' }, '/u', '/srv/register')).toBe('/env');
    expect(resolveDataDir(['--data-dir', '/cli'], {}, '/u', '/srv/register')).toBe('/cli');
    expect(resolveDataDir([], {}, '/u', null)).toBe('/u');
    expect(resolveDataDir([], {}, '/u', '  ')).toBe('/u');
    expect(resolveDataDir([], {}, '/u', undefined)).toBe('/u');
  });
  it('refuses a --data-dir with no folder rather than opening the default data', () => {
    expect(() => resolveDataDir(['--data-dir'], {}, '/u')).toThrow(/needs a folder/);
    expect(() => resolveDataDir(['--data-dir', '--inspect'], {}, '/u')).toThrow(/needs a folder/);
    expect(() => resolveDataDir(['--data-dir='], {}, '/u')).toThrow(/needs a folder/);
  });
});
