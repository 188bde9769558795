/**
 * The archive's collections, all filled by one loader run over `content/`.
 * Schemas describe the entries for types; the loader writes them already shaped.
 */
import { defineCollection, reference, z } from 'astro:content';
import { archiveLoader } from './loader/archive-loader.js';

const diagnostic = z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), line: z.number().nullable() });
const segment = z.union([
  z.object({ kind: z.literal('own'), text: z.string(), line: z.number() }),
  z.object({ kind: z.literal('quote'), quote: z.number() }),
]);
const block = z.union([
  z.object({ kind: z.literal('paragraph'), text: z.string(), line: z.number() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()), line: z.number() }),
]);
const postRef = z.object({ thread: z.string(), n: z.number() });

const threads = defineCollection({
  loader: archiveLoader('threads'),
  schema: z.object({
    title: z.string(),
    titleInferred: z.boolean(),
    format: z.string(),
    file: z.string(),
    source: z.string().nullable(),
    date: z.string().nullable(),
    postCount: z.number(),
    quoteCount: z.number(),
    participants: z.array(reference('authors')),
    excerpt: z.string(),
    sections: z.array(z.object({ title: z.string(), level: z.number(), id: z.string(), line: z.number(), blocks: z.array(block) })),
    body: z.string().nullable(),
    diagnostics: z.array(diagnostic),
    accounting: z.object({ source: z.number(), placed: z.number(), placedBy: z.record(z.number()), dropped: z.record(z.number()) }),
  }),
});

const posts = defineCollection({
  loader: archiveLoader('posts'),
  schema: z.object({
    thread: reference('threads'),
    n: z.number(),
    author: reference('authors').nullable(),
    authorName: z.string().nullable(),
    authorEvidence: z.enum(['heading', 'user-block', 'signature']).nullable(),
    badges: z.array(z.string()),
    edited: z.boolean(),
    date: z.string().nullable(),
    replyTo: z.number().nullable(),
    line: z.number(),
    segments: z.array(segment),
    quotes: z.array(reference('quotes')),
    quotedBy: z.array(postRef.extend({ quote: z.number() })),
    /** `n` of the posts that answer this one (same thread). */
    replies: z.array(z.number()),
    alsoIn: z.array(postRef),
    /** Counterfactual claims found by a rule (src/lib/research/claims.ts): places in the post's own words. */
    claims: z.array(z.object({ k: z.number(), start: z.number(), end: z.number(), rule: z.string() })),
    /** Years and decades (first year) the post's own words mention. */
    years: z.array(z.number()),
    decades: z.array(z.number()),
  }),
});

const quotes = defineCollection({
  loader: archiveLoader('quotes'),
  schema: z.object({
    post: reference('posts'),
    thread: reference('threads'),
    n: z.number(),
    index: z.number(),
    author: z.string().nullable(),
    authorRef: reference('authors').nullable(),
    source: reference('posts').nullable(),
    sourceThread: z.string().nullable(),
    sourcePost: z.number().nullable(),
    text: z.string(),
    reconstructed: z.boolean(),
    line: z.number(),
  }),
});

const authors = defineCollection({
  loader: archiveLoader('authors'),
  schema: z.object({
    name: z.string(),
    aliases: z.array(z.string()),
    postCount: z.number(),
    posts: z.array(postRef),
    threads: z.array(reference('threads')),
    quotes: z.array(z.object({ author: reference('authors'), count: z.number() })),
    quotedBy: z.array(z.object({ author: reference('authors'), count: z.number() })),
  }),
});

export const collections = { threads, posts, quotes, authors };
