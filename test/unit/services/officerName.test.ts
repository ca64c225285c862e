import { describe, expect, it } from 'vitest';
import { gecosName, osOfficerName } from '../../../electron/services/officerName';

describe("the operating system's name for the officer", () => {
  it('takes the full name from the GECOS field of the right account', () => {
    const passwd = ['root:x:0:0:root:/root:/bin/bash', 'priya:x:1000:1000:Priya Shah,Room 4,020 7946 0000,,:/home/priya:/bin/bash', 'ann:x:1001:1001:&  Officer:/home/ann:/bin/sh', 'bob:x:1002:1002::/home/bob:/bin/sh', ''].join('\n');
    expect(gecosName(passwd, 'priya')).toBe('Priya Shah');
    expect(gecosName(passwd, 'ann')).toBe('Ann  Officer');
    expect(gecosName(passwd, 'bob')).toBeNull();
    expect(gecosName(passwd, 'pri')).toBeNull();
    expect(gecosName('garbage', 'priya')).toBeNull();
  });

  it('gives a name on this computer', async () => {
    expect(typeof (await osOfficerName())).toBe('string');
  });
});
