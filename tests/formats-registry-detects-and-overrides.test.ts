/**
 * Capture formats are plug-ins listed in one registry: detection asks every
 * format and takes the most confident, `format:` in front matter overrides it,
 * and a capture no format claims stays a plain-text page with a warning.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, FORMATS, formatNamed, parseCapture, UNKNOWN_FORMAT } from '../src/lib/index.js';

const MD = '# A thread\n\n## Alice\n\nThe fleet sails at dawn and nobody stops it.\n\n----------\n\n## Bob\n\nIt does not, because the harbour froze over in the night.\n';
const FLAT = 'A thread\n\nAlice\n\nBanned\nThe fleet sails at dawn and nobody stops it.\n\u00a0\nIt does not, because the harbour froze over in the night.\n';

describe('the format registry', () => {
  it('lists each format once, by a unique name, with the whole contract', () => {
    const names = FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain(UNKNOWN_FORMAT);
    for (const f of FORMATS) {
      expect(typeof f.detect).toBe('function');
      expect(typeof f.split).toBe('function');
      expect(['thread', 'essay']).toContain(f.kind);
      expect(f.label.length).toBeGreaterThan(0);
      expect(formatNamed(f.name)).toBe(f);
    }
  });

  it('has one module per format file in src/lib/formats, each registered', () => {
    const dir = join(import.meta.dirname, '../src/lib/formats');
    const helpers = new Set(['format.ts', 'registry.ts']);
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !helpers.has(f));
    // Every format module exports a plug-in that the registry lists (shared helpers live in sub-folders).
    expect(modules.length).toBe(FORMATS.length);
  });

  it('takes the most confident format, and reports every score', () => {
    const d = detectFormat(MD.split('\n'));
    expect(d.format?.name).toBe('markdown-export');
    expect(Object.keys(d.scores).sort()).toEqual(FORMATS.map((f) => f.name).sort());
    expect(d.confidence).toBe(Math.max(...Object.values(d.scores)));
    expect(detectFormat(FLAT.split('\n')).format?.name).toBe('plain-capture');
  });

  it('lets front matter name the format, and warns about names it does not know', () => {
    const forced = parseCapture({ file: 'a.txt', text: `---\nformat: essay\n---\n${MD}` });
    expect(forced.format).toBe('essay');
    const unknown = parseCapture({ file: 'b.txt', text: `---\nformat: unknown\n---\n${MD}` });
    expect(unknown.format).toBe(UNKNOWN_FORMAT);
    expect(unknown.body).toContain('## Alice');
    const bad = parseCapture({ file: 'c.md', text: `---\nformat: not-a-format\n---\n${MD}` });
    expect(bad.format).toBe('markdown-export');
    const d = bad.diagnostics.find((x) => x.rule === 'front-matter-format');
    expect(d?.message).toContain('markdown-export');
  });

  it('keeps a capture no format claims as a plain-text page with a warning', () => {
    const doc = parseCapture({ file: 'notes.txt', text: 'Some notes\nabout nothing in particular\nthat no format claims.\n' });
    expect(doc.format).toBe(UNKNOWN_FORMAT);
    expect(doc.posts).toEqual([]);
    expect(doc.body).toContain('that no format claims.');
    expect(doc.diagnostics.find((x) => x.rule === 'unknown-format')?.severity).toBe('warning');
    expect(doc.accounting.dropped.unaccounted ?? 0).toBe(0);
  });
});
