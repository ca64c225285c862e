import { cp, mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { NotFoundError, UserError } from '../../../electron/core/errors';
import { templateHandlers } from '../../../electron/services/templates/templateHandlers';
import { BUILT_IN_DIR, BUILT_IN_IDS, source, tempDir } from './helpers';

async function setUp(opts: { copyBuiltIns?: boolean } = {}) {
  const root = await tempDir();
  const builtInDir = opts.copyBuiltIns ? join(root, 'built-in') : BUILT_IN_DIR;
  if (opts.copyBuiltIns) await cp(BUILT_IN_DIR, builtInDir, { recursive: true });
  const userDir = join(root, 'data', 'templates');
  const clock = fixedClock('2022-03-17T09:30:00.000Z');
  return { root, builtInDir, userDir, clock, templates: templateHandlers({ builtInDir, userDir, clock }) };
}

const BROKEN_SOURCE = ['---', 'name: My broken template', 'subject: A subject', 'deadline: a fortnight', '---', 'Dear {{recipient.nmae}}, see below.', ''].join('\n');

describe('templateHandlers', () => {
  it('lists the built-in templates, without creating the user folder', async () => {
    const { templates, userDir } = await setUp();
    const list = await templates.list();
    expect(list.map((t) => t.id).sort()).toEqual([...BUILT_IN_IDS].sort());
    expect(list.every((t) => t.builtIn && t.problems.length === 0 && t.description.length > 0)).toBe(true);
    expect(list.find((t) => t.id === 'chaser-overdue-reply')?.name).toBe('Chasing an overdue reply');
    await expect(stat(userDir)).rejects.toThrow();
  });

  it('gets a built-in template with its source and parsed form', async () => {
    const { templates } = await setUp();
    const detail = await templates.get('safeguarding-action-plan');
    expect(detail.source).toBe(await readFile(join(BUILT_IN_DIR, 'safeguarding-action-plan.md'), 'utf8'));
    expect(detail.template?.deadline).toEqual({ kind: 'calendar', days: 14 });
    expect(detail.builtIn).toBe(true);
    await expect(templates.get('no-such-template')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps built-in templates read-only', async () => {
    const { templates } = await setUp();
    const { source: original } = await templates.get('chaser-overdue-reply');
    await expect(templates.save({ id: 'chaser-overdue-reply', source: 'changed' })).rejects.toThrow(
      new UserError('Built-in templates cannot be changed; duplicate it to make your own.'),
    );
    await expect(templates.remove('chaser-overdue-reply')).rejects.toThrow('Built-in templates cannot be removed.');
    expect(await readFile(join(BUILT_IN_DIR, 'chaser-overdue-reply.md'), 'utf8')).toBe(original);
  });

  it('duplicates a template under a new id and name, then saves and reloads the copy', async () => {
    const { templates, userDir } = await setUp();
    const copy = await templates.duplicate('safeguarding-action-plan');
    expect(copy).toMatchObject({ id: 'safeguarding-action-plan-copy', name: 'Copy of Action plan and assurances after a safeguarding review', builtIn: false, problems: [] });
    const original = await templates.get('safeguarding-action-plan');
    expect(copy.template?.body).toEqual(original.template?.body);
    expect(copy.template?.commitments).toEqual(original.template?.commitments);

    expect((await templates.duplicate('safeguarding-action-plan')).id).toBe('safeguarding-action-plan-copy-2');
    const third = await templates.duplicate('safeguarding-action-plan-copy');
    expect(third).toMatchObject({ id: 'safeguarding-action-plan-copy-3', name: 'Copy 3 of Action plan and assurances after a safeguarding review' });

    const edited = copy.source.replace('subject: "Safeguarding review: a written action plan and assurances"', 'subject: Our own subject');
    expect(edited).not.toBe(copy.source);
    const saved = await templates.save({ id: copy.id, source: edited });
    expect(saved.template?.subject).toBe('Our own subject');
    expect(await readFile(join(userDir, `${copy.id}.md`), 'utf8')).toBe(edited);
    expect((await templates.get(copy.id)).template?.subject).toBe('Our own subject');

    const list = await templates.list();
    expect(list.filter((t) => !t.builtIn).map((t) => t.id)).toEqual([
      'safeguarding-action-plan-copy-2', // "Copy 2 of …" sorts before "Copy of …"
      'safeguarding-action-plan-copy-3',
      'safeguarding-action-plan-copy',
    ]);
  });

  it('keeps a duplicate’s comments and layout, changing only the name', async () => {
    const { templates } = await setUp();
    const mine = await templates.save({ id: 'mine', source: source({ details: 'name: Mine # my note\nsubject: S\n# a comment line\ndeadline: 10 working days' }) });
    const copy = await templates.duplicate(mine.id);
    expect(copy.source).toBe(source({ details: 'name: Copy of Mine # my note\nsubject: S\n# a comment line\ndeadline: 10 working days' }));
  });

  it('saves broken source exactly as typed and reports its problems', async () => {
    const { templates, userDir } = await setUp();
    const saved = await templates.save({ id: 'my-broken', source: BROKEN_SOURCE });
    expect(saved.template).toBeNull();
    expect(saved.name).toBe('My broken template');
    expect(saved.problems.map((p) => p.line)).toEqual([4, 6, 6]);
    expect(saved.problems[0]?.message).toBe(
      '"my-broken.md", line 4: the deadline "a fortnight" is not understood; write it like "14 calendar days" or "10 working days".',
    );
    expect(await readFile(join(userDir, 'my-broken.md'), 'utf8')).toBe(BROKEN_SOURCE);

    const listed = (await templates.list()).find((t) => t.id === 'my-broken');
    expect(listed?.problems).toHaveLength(3);
    await expect(templates.getUsable('my-broken')).rejects.toThrow(
      new UserError(
        'The template “My broken template” cannot be used until it is fixed: "my-broken.md", line 4: the deadline "a fortnight" is not understood; write it like "14 calendar days" or "10 working days". (and 2 more problems)',
      ),
    );
    expect((await templates.getUsable('chaser-overdue-reply')).id).toBe('chaser-overdue-reply');
  });

  it('gives a new template an id from its name, never taking an existing one', async () => {
    const { templates } = await setUp();
    const first = await templates.save({ id: null, source: source({ name: 'Letter to the IOPC!' }) });
    expect(first.id).toBe('letter-to-the-iopc');
    expect((await templates.save({ id: null, source: source({ name: 'Letter to the IOPC' }) })).id).toBe('letter-to-the-iopc-2');
    expect((await templates.save({ id: null, source: source({ name: '"Chaser: overdue reply"' }) })).id).toBe('chaser-overdue-reply-2');
    expect((await templates.save({ id: null, source: 'no details at all' })).id).toBe('new-template');
  });

  it('creates a new template that is usable at once', async () => {
    const { templates } = await setUp();
    const created = await templates.create();
    expect(created).toMatchObject({ id: 'new-template', name: 'New template', builtIn: false, problems: [] });
    expect(created.template?.deadline).toEqual({ kind: 'working', days: 10 });
    expect(created.template?.body.some((b) => b.type === 'paragraph' && b.runs[0]?.text === '{{commitments.list}}')).toBe(true);
    expect(await templates.create()).toMatchObject({ id: 'new-template-2', name: 'New template 2' });
    await expect(templates.getUsable('new-template-2')).resolves.toMatchObject({ name: 'New template 2' });
  });

  it('refuses ids that could reach outside the templates folders', async () => {
    const { templates, root } = await setUp();
    const hostile = ['../../etc/passwd', '..', '../x', '/etc/passwd', 'a/b', 'a\\b', 'C:\\x', 'UPPER', '', 'x'.repeat(65), 'mine.md', '-leading', 'con', 'nul', 'with space', 'é'];
    for (const id of hostile) {
      await expect(templates.get(id), id).rejects.toBeInstanceOf(UserError);
      await expect(templates.save({ id, source: source() }), id).rejects.toBeInstanceOf(UserError);
      await expect(templates.duplicate(id), id).rejects.toBeInstanceOf(UserError);
      await expect(templates.remove(id), id).rejects.toBeInstanceOf(UserError);
      await expect(templates.getUsable(id), id).rejects.toBeInstanceOf(UserError);
    }
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses source over 200 KB without writing anything', async () => {
    const { templates, userDir } = await setUp();
    const huge = source({ body: 'x'.repeat(200 * 1024) });
    await expect(templates.save({ id: 'huge', source: huge })).rejects.toThrow(/too large \(201 KB\); a template can be at most 200 KB/);
    await expect(stat(join(userDir, 'huge.md'))).rejects.toThrow();
  });

  it('removes a user template by moving it to .deleted, never destroying it', async () => {
    const { templates, userDir, clock } = await setUp();
    await templates.save({ id: 'mine', source: source({ name: 'Mine' }) });
    await templates.remove('mine');
    expect((await templates.list()).some((t) => t.id === 'mine')).toBe(false);
    await expect(templates.get('mine')).rejects.toBeInstanceOf(NotFoundError);
    await expect(templates.remove('mine')).rejects.toBeInstanceOf(NotFoundError);

    // The same id removed again at the same moment does not overwrite the first.
    await templates.save({ id: 'mine', source: source({ name: 'Mine again' }) });
    await templates.remove('mine');
    const deleted = (await readdir(join(userDir, '.deleted'))).sort();
    expect(deleted).toEqual(['mine-2022-03-17T09-30-00-000Z-2.md', 'mine-2022-03-17T09-30-00-000Z.md']);
    expect(await readFile(join(userDir, '.deleted', deleted[1] ?? ''), 'utf8')).toBe(source({ name: 'Mine' }));
    clock.advance(1000);
    await templates.save({ id: 'mine', source: source({ name: 'Third' }) });
    await templates.remove('mine');
    expect(await readdir(join(userDir, '.deleted'))).toContain('mine-2022-03-17T09-30-01-000Z.md');
  });

  it('ignores what is not a template and lists unreadable files with a problem', async () => {
    const { templates, userDir, root } = await setUp();
    await mkdir(join(userDir, 'folder.md'), { recursive: true });
    await writeFile(join(userDir, 'notes.txt'), 'not a template');
    await writeFile(join(userDir, 'README.md'), '# Read me');
    await writeFile(join(userDir, 'Bad Name.md'), source());
    await writeFile(join(userDir, '.hidden.md'), source());
    await writeFile(join(root, 'outside.md'), source({ name: 'Outside' }));
    await symlink(join(root, 'outside.md'), join(userDir, 'linked.md'));
    await writeFile(join(userDir, 'latin1.md'), Buffer.from('---\nname: Caf\xe9\nsubject: S\n---\nBody\n', 'latin1'));
    await writeFile(join(userDir, 'huge.md'), 'x'.repeat(200 * 1024 + 1));
    await writeFile(join(userDir, 'good.md'), source({ name: 'Good' }));

    const users = (await templates.list()).filter((t) => !t.builtIn);
    expect(users.map((t) => t.id).sort()).toEqual(['good', 'huge', 'latin1']);
    expect(users.find((t) => t.id === 'latin1')?.problems[0]?.message).toMatch(/^"latin1\.md": the file is not saved as UTF-8 text/);
    expect(users.find((t) => t.id === 'huge')?.problems[0]?.message).toMatch(/^"huge\.md": the template is too large \(201 KB\)/);
    expect(users.find((t) => t.id === 'good')?.problems).toEqual([]);
    await expect(templates.getUsable('latin1')).rejects.toThrow(/The template “latin1” cannot be used until it is fixed: "latin1\.md": the file is not saved as UTF-8/);
    // The text is still shown, so it can be rescued by saving it again as UTF-8.
    expect((await templates.get('latin1')).source).toContain('name: Caf\uFFFD');
  });

  it('renames a user template whose id a built-in has taken, so both stay available', async () => {
    const { templates, userDir } = await setUp();
    await mkdir(userDir, { recursive: true });
    await writeFile(join(userDir, 'chaser-overdue-reply.md'), source({ name: 'My own chaser' }));
    const list = await templates.list();
    expect(list.filter((t) => t.id.startsWith('chaser-overdue-reply')).map((t) => [t.id, t.name, t.builtIn])).toEqual([
      ['chaser-overdue-reply', 'Chasing an overdue reply', true],
      ['chaser-overdue-reply-copy', 'My own chaser', false],
    ]);
  });

  it('parses a file again only when it changes', async () => {
    const { templates, userDir } = await setUp({ copyBuiltIns: true });
    await templates.save({ id: 'cached', source: source({ name: 'Name AAAA' }) });
    const file = join(userDir, 'cached.md');
    const time = new Date('2022-03-17T10:00:00Z');
    await utimes(file, time, time);
    expect((await templates.list()).find((t) => t.id === 'cached')?.name).toBe('Name AAAA');

    // Same size, same inode, same modification time: the cached parse is used (which proves there is one).
    await writeFile(file, source({ name: 'Name BBBB' }));
    await utimes(file, time, time);
    expect((await templates.list()).find((t) => t.id === 'cached')?.name).toBe('Name AAAA');

    // A new modification time is noticed.
    await utimes(file, time, new Date(time.getTime() + 5000));
    expect((await templates.list()).find((t) => t.id === 'cached')?.name).toBe('Name BBBB');
  });
});
