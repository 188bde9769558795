/**
 * Broken input gets a diagnostic that names the line, says what is wrong and
 * what to do, and the rest of the archive still imports: empty, binary and
 * non-UTF-8 files, bad front matter, a title alone, clashing slugs, empty posts,
 * quotes with no source, huge posts and lines, deep quote chains, huge threads
 * (generated here, and timed: costs must stay near-linear). Then the build:
 * `ARCHIVE_STRICT=1` fails listing every error; without it the build ends
 * with a short report.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive, decodeCapture, parseCapture, type ArchiveDocument, type Diagnostic } from '../src/lib/index.js';
import { buildSite, ROOT } from './helpers/site.js';

const GOOD = '# A good thread\n\n## Alice\n\nThe navy sails at dawn and nobody stops it.\n\n----------\n\n## Bob\n\nAlice said:\n\n> The navy sails at dawn\n\nIt does not.\n';
/** Another thread with GOOD's title and shape (copies of one thread would be merged as re-captures of it). */
const goodLike = (name: string) => GOOD.replace('## Alice\n\n', `## Alice\n\nAs the ${name} capture has it, `);

/** A diagnostic that reads as a report: a rule, a line, and a message saying what happened and what to do. */
function expectUseful(d: Diagnostic | undefined, rule: string): Diagnostic {
  expect(d, `expected a ${rule} diagnostic`).toBeDefined();
  expect(d!.rule).toBe(rule);
  expect(typeof d!.line).toBe('number');
  expect(d!.line).toBeGreaterThanOrEqual(1);
  // What is wrong, then what to do: at least two sentences.
  expect(d!.message.split(/[.;] /).length, d!.message).toBeGreaterThanOrEqual(2);
  return d!;
}

const find = (doc: ArchiveDocument, rule: string) => doc.diagnostics.find((d) => d.rule === rule);

/** Every character accounted for, none unaccounted. */
function expectAccounted(doc: ArchiveDocument) {
  const a = doc.accounting;
  const dropped = Object.values(a.dropped).reduce((x, y) => x + y, 0);
  expect(a.source).toBe(a.placed + dropped);
  expect(a.dropped.unaccounted ?? 0).toBe(0);
}

function time<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe('broken captures, through the library', () => {
  it('an empty file', () => {
    const doc = parseCapture({ file: 'empty.md', text: '' });
    expectUseful(find(doc, 'empty-file'), 'empty-file');
    expect(doc.posts).toEqual([]);
    expectUseful(find(parseCapture({ file: 'fm-only.md', text: '---\ntitle: Nothing\n---\n\n' }), 'empty-file'), 'empty-file');
  });

  it('a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const decoded = decodeCapture(png);
    expect(decoded.text).toBeNull();
    const d = expectUseful(decoded.diagnostics[0], 'binary-file');
    expect(d.severity).toBe('error');
  });

  it('text that is not UTF-8 is read as Windows-1252, with the line of the first bad byte', () => {
    const bytes = new TextEncoder().encode('# Café thread\n\n## Ann\n\nfine\n\nna\u00efve here\n');
    // Re-encode the second non-ASCII letter as Latin-1 (a single byte 0xEF).
    const latin = Uint8Array.from([...new TextEncoder().encode('# Caf'), 0xe9, ...new TextEncoder().encode(' thread\n\n## Ann\n\nfine\n')]);
    expect(decodeCapture(bytes).diagnostics).toEqual([]);
    const decoded = decodeCapture(latin);
    expect(decoded.text).toContain('Café');
    const d = expectUseful(decoded.diagnostics[0], 'not-utf8');
    expect(d.line).toBe(1);
  });

  it('malformed YAML, front matter that is not a mapping, values of the wrong type', () => {
    const yaml = parseCapture({ file: 'y.md', text: `---\ntitle: [unclosed\n---\n${GOOD}` });
    expect(expectUseful(find(yaml, 'front-matter-yaml'), 'front-matter-yaml').severity).toBe('error');
    expect(yaml.posts).toHaveLength(2);
    const list = parseCapture({ file: 'l.md', text: `---\n- a\n- b\n---\n${GOOD}` });
    expect(expectUseful(find(list, 'front-matter-shape'), 'front-matter-shape').severity).toBe('error');
    expect(list.posts).toHaveLength(2);
    const scalar = parseCapture({ file: 's.md', text: `---\njust a string\n---\n${GOOD}` });
    expectUseful(find(scalar, 'front-matter-shape'), 'front-matter-shape');
    const types = parseCapture({ file: 't.md', text: `---\ntitle:\n  nested: 1\ndate: [2020, 2021]\nformat: spreadsheet\n---\n${GOOD}` });
    const wrong = types.diagnostics.filter((d) => d.rule === 'front-matter-type');
    expect(wrong.map((d) => d.line)).toEqual([2, 4]);
    wrong.forEach((d) => expectUseful(d, 'front-matter-type'));
    expectUseful(find(types, 'front-matter-format'), 'front-matter-format');
    expect(types.title).toBe('A good thread');
    for (const d of [yaml, list, scalar, types]) expectAccounted(d);
  });

  it('a file holding only a title', () => {
    for (const text of ['# Only a title\n', 'Only a title\n', '---\nformat: plain-capture\n---\n\nOnly a title\n\n']) {
      const doc = parseCapture({ file: 'title.txt', text });
      const d = expectUseful(find(doc, 'title-only'), 'title-only');
      expect(d.message).toContain('Only a title');
      expect(doc.title).toBe('Only a title');
      expect(doc.posts).toEqual([]);
      expectAccounted(doc);
    }
  });

  it('two threads with the same slug', () => {
    const a = buildArchive([
      { file: 'same.md', text: goodLike('same.md') },
      { file: 'same.txt', text: goodLike('same.txt') },
      { file: 'x/same.md', text: goodLike('x/same.md') },
      { file: 'z.md', text: `---\nslug: x\n---\n${goodLike('z.md')}` },
      { file: 'w.md', text: `---\nslug: x\n---\n${goodLike('w.md')}` },
    ]);
    const slugs = a.documents.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(5);
    // Same title, same path but for the extension: the path that sorts first keeps the slug; the other is renamed and told how to choose its URL.
    expect(find(a.documents[0]!, 'duplicate-slug')).toBeUndefined();
    expect(expectUseful(find(a.documents[1]!, 'duplicate-slug'), 'duplicate-slug').message).toContain('same.md');
    // Same-named files in different folders do not clash.
    expect(find(a.documents[2]!, 'duplicate-slug')).toBeUndefined();
    // Two front matter slugs alike.
    expect(find(a.documents[4]!, 'duplicate-slug')).toBeUndefined();
    expect(expectUseful(find(a.documents[3]!, 'duplicate-slug'), 'duplicate-slug').message).toContain('w.md');
  });

  it('a post with an empty body keeps its number', () => {
    const doc = parseCapture({ file: 'e.md', text: '# T\n\n## A\n\nfirst\n\n----------\n\n## B\n\n----------\n\n## C\n\nthird\n' });
    expect(doc.posts.map((p) => p.n)).toEqual([1, 2, 3]);
    expect(expectUseful(find(doc, 'empty-post'), 'empty-post').line).toBe(9);
  });

  it('a quote whose source cannot be found', () => {
    const a = buildArchive([{ file: 'q.md', text: '# T\n\n## A\n\nthe fleet sails\n\n----------\n\n## B\n\nZed said:\n\n> words nobody here ever wrote\n\nreply\n' }]);
    const d = expectUseful(find(a.documents[0]!, 'quote-unresolved'), 'quote-unresolved');
    expect(d.line).toBe(11);
    expect(a.documents[0]!.posts[1]!.quotes[0]!.sourcePost).toBeNull();
  });

  it('the rest of the archive still imports', () => {
    const a = buildArchive([
      { file: 'a-empty.md', text: '' },
      { file: 'b-yaml.md', text: '---\ntitle: [\n---\n' },
      { file: 'c-title.md', text: '# Title\n' },
      { file: 'd-good.md', text: GOOD },
      { file: 'e-junk.txt', text: '\u0000\u0001\uFFFD\uD800 garbage \u202E reversed' },
    ]);
    const good = a.documents.find((d) => d.file === 'd-good.md')!;
    expect(good.posts).toHaveLength(2);
    expect(good.diagnostics).toEqual([]);
    expect(good.posts[1]!.quotes[0]!.sourcePost).toBe(1);
    for (const d of a.documents) expectAccounted(d);
  });
});

describe('huge captures import in seconds, with near-linear cost', () => {
  const para = 'The army marches on Moscow while the committee debates the grain quotas once more. ';
  const bigPost = (chars: number) => {
    const paragraphs: string[] = [];
    for (let size = 0, i = 0; size < chars; i++) {
      const p = `${para.repeat(60)}paragraph ${i}.`;
      paragraphs.push(p);
      size += p.length + 2;
    }
    return `# Big\n\n## A\n\n${paragraphs.join('\n\n')}\n\n----------\n\n## B\n\nA said:\n\n> ${para}\n\nyes\n`;
  };
  const thread = (posts: number) =>
    `# Many\n\n${Array.from({ length: posts }, (_, i) => `## User${i % 300}\n\nPost ${i} says ${para}${i % 7 === 6 ? `\n\nUser${(i - 1) % 300} said:\n\n> Post ${i - 1} says ${para}\n` : ''}`).join('\n\n----------\n\n')}\n`;
  let timings: Record<string, number> = {};

  it('a 10 MB post', () => {
    const small = time(() => buildArchive([{ file: 'small.md', text: bigPost(1_000_000) }]));
    const big = time(() => buildArchive([{ file: 'big.md', text: bigPost(10_000_000) }]));
    const doc = big.value.documents[0]!;
    expect(doc.posts).toHaveLength(2);
    expect(doc.posts[0]!.text.length).toBeGreaterThan(9_900_000);
    expect(doc.posts[1]!.quotes[0]!.sourcePost).toBe(1);
    expectUseful(find(doc, 'very-long-post'), 'very-long-post');
    expectAccounted(doc);
    timings = { ...timings, post1MB: small.ms, post10MB: big.ms };
    expect(big.ms).toBeLessThan(60_000);
    // Ten times the text: at most ~25 times the time (linear is 10, quadratic 100).
    expect(big.ms / small.ms).toBeLessThan(25);
  }, 180_000);

  it('a single line of 1 MB, in each format', () => {
    const line = para.repeat(Math.ceil(1_000_000 / para.length));
    for (const text of [`# Line\n\n## A\n\n${line}\n`, `Line thread\n\nA\n\nMember\n${line}\n\u00a0\nB\n\nMember\nshort reply\n`, line]) {
      const r = time(() => buildArchive([{ file: 'line.txt', text }]));
      const doc = r.value.documents[0]!;
      expectUseful(find(doc, 'very-long-line'), 'very-long-line');
      expectAccounted(doc);
      expect(r.ms).toBeLessThan(30_000);
    }
  }, 120_000);

  it('quotes nested 50 deep', () => {
    let nest = 'the deepest words of all';
    for (let i = 0; i < 50; i++) nest = `U${i} said:\n\n${nest.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')}`;
    const r = time(() => buildArchive([{ file: 'n.md', text: `# Nest\n\n## A\n\nthe deepest words of all\n\n----------\n\n## B\n\n${nest}\n\nreply\n` }]));
    const doc = r.value.documents[0]!;
    expect(doc.posts[1]!.quotes).toHaveLength(1);
    expect(doc.posts[1]!.text).toBe('reply');
    expectUseful(find(doc, 'deep-quotes'), 'deep-quotes');
    expectAccounted(doc);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('a thread of 20,000 posts', () => {
    const small = time(() => buildArchive([{ file: 'few.md', text: thread(2_000) }]));
    const big = time(() => buildArchive([{ file: 'many.md', text: thread(20_000) }]));
    const doc = big.value.documents[0]!;
    expect(doc.posts).toHaveLength(20_000);
    expect(doc.posts[19_999]!.n).toBe(20_000);
    expect(doc.posts[6]!.quotes[0]!.sourcePost).toBe(6);
    expectUseful(find(doc, 'very-long-thread'), 'very-long-thread');
    expectAccounted(doc);
    timings = { ...timings, posts2k: small.ms, posts20k: big.ms };
    expect(big.ms).toBeLessThan(90_000);
    expect(big.ms / small.ms).toBeLessThan(25);
    console.log(`import times (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}`);
  }, 300_000);
});

describe('the build with broken content', () => {
  const dir = join(ROOT, '.tmp/broken-content');
  const setup = async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const files: Record<string, string | Uint8Array> = {
      'good.md': GOOD,
      'empty.md': '',
      'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'latin1.md': Uint8Array.from([...new TextEncoder().encode('# Caf'), 0xe9, ...new TextEncoder().encode('\n\n## Ann\n\nfine\n')]),
      'bad-yaml.md': `---\ntitle: [unclosed\n---\n${goodLike('bad-yaml')}`,
      'not-mapping.md': `---\n- a\n- b\n---\n${goodLike('not-mapping')}`,
      'wrong-type.md': `---\ntitle:\n  nested: 1\n---\n${goodLike('wrong-type')}`,
      'title-only.md': '# Only a title\n',
      'same.md': goodLike('same.md'),
      'same.txt': goodLike('same.txt'),
      'empty-post.md': '# Empty post\n\n## A\n\nfirst\n\n----------\n\n## B\n\n----------\n\n## C\n\nthird\n',
      'lost-quote.md': '# Lost quote\n\n## A\n\nthe fleet sails\n\n----------\n\n## B\n\nZed said:\n\n> words nobody here ever wrote\n\nreply\n',
    };
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  };

  it('ARCHIVE_STRICT=1 fails, listing every error-level diagnostic', async () => {
    await setup();
    const err = await buildSite({ outDir: '.tmp/site-broken-strict', content: dir, env: { ARCHIVE_STRICT: '1' } }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(err, 'the strict build should fail').not.toBeNull();
    expect(err).toContain('ARCHIVE_STRICT=1: the content has 3 error-level diagnostic(s)');
    expect(err).toMatch(/image\.png:1 \[binary-file\]/);
    expect(err).toMatch(/bad-yaml\.md:1 \[front-matter-yaml\]/);
    expect(err).toMatch(/not-mapping\.md:1 \[front-matter-shape\]/);
  }, 180_000);

  it('without it, the build succeeds and ends with a short report of what was skipped or guessed', async () => {
    await setup();
    const { outDir, log } = await buildSite({ outDir: '.tmp/site-broken', content: dir });
    // The report closes the build (after the search index), and was shown when the content was imported too.
    const at = log.lastIndexOf('[archive-import-report] report:');
    expect(at, log.slice(-3000)).toBeGreaterThan(log.indexOf('[archive-pagefind]'));
    const report = log.slice(at);
    expect(report.split('\n').filter((l) => /^\s{2}(error|warning|note)\s/.test(l)).length).toBeLessThanOrEqual(12);
    expect(report).toMatch(/report: 12 files, 1 skipped as not text, 3 errors, \d+ warnings, \d+ notes; guessed: 1 titles/);
    for (const rule of ['binary-file', 'front-matter-yaml', 'front-matter-shape', 'front-matter-type', 'empty-file', 'not-utf8', 'title-only', 'duplicate-slug', 'empty-post']) {
      expect(report, rule).toMatch(new RegExp(`\\b${rule} ×\\d+ \\(`));
    }
    expect(report).toMatch(/empty-post ×1 \(empty-post\.md:9\)/);
    // The good thread and the readable broken ones are built; the binary file is not.
    const archive = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(outDir, 'data/index.json'), 'utf8'))) as { documents: { slug: string; title: string; url: string }[] };
    expect(archive.documents.map((d) => d.title)).toContain('A good thread');
    expect(archive.documents.some((d) => /image/.test(d.slug))).toBe(false);
    expect(archive.documents).toHaveLength(11);
    for (const d of archive.documents) expect(existsSync(join(outDir, d.url.replace(/^\//, ''), 'index.html')), d.url).toBe(true);
  }, 180_000);
});

