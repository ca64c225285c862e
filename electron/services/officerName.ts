import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';

/**
 * The name a new PC's settings start with as the officer's name: the operating system user's full name
 * where it is readily available (Linux: the GECOS field, from getent so that directory accounts count too),
 * else the login name. Windows' full name would need `net user` or PowerShell, slow and worded in the
 * system's language, so there the login name is used and the officer corrects it once in settings.
 */
export async function osOfficerName(): Promise<string> {
  let username: string;
  try {
    username = userInfo().username;
  } catch {
    return ''; // no account entry at all (some containers): the settings store has its own fallback
  }
  if (process.platform === 'linux') {
    const entry = (await getent(username)) ?? (await readFile('/etc/passwd', 'utf8').catch(() => ''));
    const full = gecosName(entry, username);
    if (full) return full;
  }
  return username;
}

/** The full name from passwd lines: the GECOS field up to its first comma, `&` standing for the login name. */
export function gecosName(passwd: string, username: string): string | null {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 7 || fields[0] !== username) continue;
    const capitalised = username.charAt(0).toUpperCase() + username.slice(1);
    const full = (fields[4] ?? '').split(',')[0]!.replaceAll('&', capitalised).trim();
    return full || null;
  }
  return null;
}

function getent(username: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('getent', ['passwd', username], { timeout: 2000, encoding: 'utf8' }, (err, stdout) => resolve(err ? null : stdout));
  });
}
