/**
 * Every page of the default site passes html-validate with the project's
 * `.htmlvalidate.json`: `html-validate:recommended`, with two rules off:
 * - `long-title`: page titles are captured thread titles plus the site name;
 *   their length is content, not markup (it is an SEO hint, not validity);
 * - `no-raw-characters`: post bodies are written by rehype-stringify
 *   (hast-util-to-html), which leaves `>` unescaped in text, as HTML allows;
 *   `<` and `&` are always escaped, and tests/hostile-payloads-stay-inert.test.ts
 *   checks in a browser that nothing in a post is live.
 */
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { filesOf } from './helpers/html.js';
import { ROOT } from './helpers/site.js';

describe('the built HTML', () => {
  it('has no html-validate errors on any page', async () => {
    const dir = inject('site');
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = filesOf(dir, '.html');
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const f of files) {
      // Config is looked up from the repository root (`.htmlvalidate.json`), as for the CLI.
      const report = await validator.validateString(await import('node:fs/promises').then((fs) => fs.readFile(join(dir, f), 'utf8')), join(ROOT, 'site', f));
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${f}:${m.line}:${m.column} [${m.ruleId}] ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
    }
    expect(problems.slice(0, 40), `${problems.length} errors`).toEqual([]);
  }, 300_000);
});
