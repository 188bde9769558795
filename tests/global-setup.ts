/**
 * Builds the default site (from `content/`) once for every test that reads
 * built pages, into `.tmp/site/`, and the same content under `/archive/` into
 * `.tmp/site-archive/`. Tests read the folders' paths with `inject('site')`.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/site.js';

declare module 'vitest' {
  export interface ProvidedContext {
    site: string;
    siteArchive: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const site = await buildSite({ outDir: '.tmp/site' });
  const archive = await buildSite({ outDir: '.tmp/site-archive', base: '/archive/' });
  project.provide('site', site.outDir);
  project.provide('siteArchive', archive.outDir);
}
