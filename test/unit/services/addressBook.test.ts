import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './helpers';

const apps: Awaited<ReturnType<typeof startApp>>[] = [];
const start = async (dir?: string) => {
  const app = await startApp(dir);
  apps.push(app);
  return app;
};
afterEach(async () => {
  for (const a of apps.splice(0)) await a.services.close();
});

describe('organisations and contacts', () => {
  it('creates, suggests a salutation, lists with search and sort, and keeps everything after a restart', async () => {
    const app = await start();
    const mps = await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS', addressLines: ['New Scotland Yard', '', 'London'] });
    expect(mps.addressLines).toEqual(['New Scotland Yard', 'London']);
    const taylor = await app.must('contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', postNominals: 'QPM', organisationId: mps.id, email: 'jane.taylor@met.police.uk' });
    expect(taylor.salutation).toBe('Dear DAC Taylor');
    expect(taylor.fullName).toBe('DAC Jane Taylor QPM');
    expect(taylor.organisationShortName).toBe('MPS');
    await app.must('contacts.create', { givenName: 'Sal', familyName: 'Naseem', salutation: 'Dear Sal', role: 'Regional Director, IOPC' });

    expect((await app.must('contacts.list', { query: 'taylor mps' })).map((c) => c.familyName)).toEqual(['Taylor']);
    expect((await app.must('contacts.list', {})).map((c) => c.familyName)).toEqual(['Naseem', 'Taylor']);
    expect((await app.must('contacts.list', { direction: 'desc' })).map((c) => c.familyName)).toEqual(['Taylor', 'Naseem']);
    expect((await app.must('organisations.list', {}))[0]?.contactCount).toBe(1);

    await app.services.close();
    apps.pop();
    const again = await start(app.dir);
    const list = await again.must('contacts.list', {});
    expect(list.map((c) => c.salutation).sort()).toEqual(['Dear DAC Taylor', 'Dear Sal']);
  });

  it('refuses a bad email or a missing name with a message per field, and saves nothing', async () => {
    const app = await start();
    const bad = await app.call('contacts.create', { givenName: 'Jane', familyName: 'Taylor', email: 'jane at met' });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { email: 'Enter an email address like name@example.gov.uk.' } });
    const nameless = await app.call('contacts.create', { role: 'Commander' });
    expect(nameless).toMatchObject({ ok: false, fieldErrors: { familyName: 'Enter a given name or a family name.' } });
    const orgless = await app.call('organisations.create', { name: '   ' });
    expect(orgless).toMatchObject({ ok: false, fieldErrors: { name: 'Name is required.' } });
    expect(await app.must('contacts.list', { includeArchived: true })).toEqual([]);
  });

  it('cleans hostile strings but keeps what a person wrote', async () => {
    const app = await start();
    const c = await app.must('contacts.create', {
      givenName: 'Zoë\u0000\u0007',
      familyName: '<script>alert("x")</script> & O’Brien',
      role: 'مدير \uFFFE 😀',
    });
    expect(c.givenName).toBe('Zoë');
    expect(c.familyName).toBe('<script>alert("x")</script> & O’Brien');
    expect(c.role).toBe('مدير 😀');
  });

  it('refuses unknown organisations, unknown methods, wrong types and oversized input', async () => {
    const app = await start();
    const r = await app.call('contacts.create', { familyName: 'Taylor', organisationId: 'no-such-org' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { organisationId: 'That organisation no longer exists.' } });
    expect(await app.dispatch('contacts.delete', {})).toMatchObject({ ok: false, error: 'Unknown request “contacts.delete”.' });
    expect(await app.dispatch('organisations.create', { name: 42 })).toMatchObject({ ok: false });
    expect(await app.dispatch('organisations.create', { name: 'x'.repeat(5000) })).toMatchObject({ ok: false, fieldErrors: { name: 'Name must be at most 200 characters.' } });
    expect(await app.dispatch('organisations.create', { name: 'MPS', isAdmin: true })).toMatchObject({ ok: false });
    expect(await app.dispatch('organisations.get', { id: '../../etc/passwd' })).toMatchObject({ ok: false });
  });

  it('archives instead of deleting, and lists archived records only when asked', async () => {
    const app = await start();
    const org = await app.must('organisations.create', { name: 'IOPC' });
    await app.must('organisations.setArchived', { id: org.id, archived: true });
    expect(await app.must('organisations.list', {})).toEqual([]);
    expect((await app.must('organisations.list', { includeArchived: true }))[0]).toMatchObject({ name: 'IOPC', archived: true });
    await app.must('organisations.setArchived', { id: org.id, archived: false });
    expect(await app.must('organisations.list', {})).toHaveLength(1);
  });
});

describe('signatories', () => {
  const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64')}`;

  it('keeps title lines in order, drops blank ones, and needs at least one', async () => {
    const app = await start();
    const s = await app.must('signatories.create', {
      name: 'Anntoinette Bramble',
      titleLines: ['Deputy Mayor of Hackney and', '  ', 'Cabinet Member for Education, Young People and Children’s Social Care'],
      signatureImage: png,
    });
    expect(s.titleLines).toEqual(['Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care']);
    expect(s.signatureImage).toBe(png);
    expect(await app.call('signatories.create', { name: 'Philip Glanville', titleLines: [' '] })).toMatchObject({
      ok: false,
      fieldErrors: { titleLines: 'Add at least one title line, e.g. “Mayor of Hackney”.' },
    });
  });

  it('refuses a file that only claims to be an image', async () => {
    const app = await start();
    const fake = `data:image/png;base64,${Buffer.from('MZ\u0090 this is an exe').toString('base64')}`;
    expect(await app.call('signatories.create', { name: 'X', titleLines: ['Mayor'], signatureImage: fake })).toMatchObject({
      ok: false,
      error: 'That file is not a PNG or JPEG image.',
    });
    expect(await app.call('signatories.create', { name: 'X', titleLines: ['Mayor'], signatureImage: 'data:image/svg+xml;base64,PHN2Zz4=' })).toMatchObject({ ok: false });
  });
});

describe('CC groups', () => {
  it('keeps members in the order given and refuses duplicates or unknown people', async () => {
    const app = await start();
    const ids: string[] = [];
    for (const familyName of ['Abbott', 'Hillier', 'Desai', 'Khan', 'Linden']) ids.push((await app.must('contacts.create', { familyName })).id);
    const order = [ids[3]!, ids[4]!, ids[0]!, ids[2]!, ids[1]!];
    const g = await app.must('ccGroups.create', { name: 'Hackney MPs and London representatives', memberIds: order });
    expect(g.members.map((m) => m.fullName)).toEqual(['Khan', 'Linden', 'Abbott', 'Desai', 'Hillier']);
    const reordered = await app.must('ccGroups.update', { id: g.id, values: { name: g.name, memberIds: [...order].reverse() } });
    expect(reordered.members.map((m) => m.fullName)).toEqual(['Hillier', 'Desai', 'Abbott', 'Linden', 'Khan']);
    expect(await app.call('ccGroups.create', { name: 'Dup', memberIds: [ids[0]!, ids[0]!] })).toMatchObject({ ok: false });
    expect(await app.call('ccGroups.create', { name: 'Ghost', memberIds: ['ghost'] })).toMatchObject({ ok: false });
  });
});

describe('settings and links', () => {
  it('saves the office profile and validates the reference prefix', async () => {
    const app = await start();
    expect((await app.must('settings.getOffice', {})).referencePrefix).toBe('MCO');
    const saved = await app.must('settings.saveOffice', { officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'mco' });
    expect(saved.referencePrefix).toBe('MCO');
    expect(await app.call('settings.saveOffice', { ...saved, referencePrefix: 'M1' })).toMatchObject({ ok: false, fieldErrors: { referencePrefix: expect.any(String) } });
  });

  it('opens only https and mailto links', async () => {
    const app = await start();
    expect(await app.call('app.openExternal', { url: 'https://www.hackney.gov.uk' })).toEqual({ ok: true, value: null });
    expect(await app.call('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(app.platform.opened).toEqual(['https://www.hackney.gov.uk/']);
  });
});
