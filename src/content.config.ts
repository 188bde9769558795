/**
 * The archive's collections, all filled by one loader run over `content/`.
 * Schemas describe the entries for types; the loader writes them already shaped.
 */
import { defineCollection, reference, z } from 'astro:content';
import { archiveLoader } from './loader/archive-loader.js';

const diagnostic = z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), line: z.number().nullable(), file: z.string().optional() });
const segment = z.union([
  z.object({ kind: z.literal('own'), text: z.string(), line: z.number() }),
  z.object({ kind: z.literal('quote'), quote: z.number() }),
]);
const block = z.union([
  z.object({ kind: z.literal('paragraph'), text: z.string(), line: z.number() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()), line: z.number() }),
]);
const postRef = z.object({ thread: z.string(), n: z.number() });
const accounting = z.object({ source: z.number(), placed: z.number(), placedBy: z.record(z.number()), dropped: z.record(z.number()) });
const capture = z.object({ file: z.string(), date: z.string().nullable() });

const threads = defineCollection({
  loader: archiveLoader('threads'),
  schema: z.object({
    title: z.string(),
    titleInferred: z.boolean(),
    rawWithheld: z.boolean(),
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
    accounting,
    /** Every capture of a thread captured more than once, in merge order (src/lib/archive/merge-captures.ts). */
    captures: z
      .array(
        z.object({
          file: z.string(),
          date: z.string().nullable(),
          source: z.string().nullable(),
          part: z.number().nullable(),
          posts: z.number(),
          added: z.number(),
          edited: z.number(),
          unchanged: z.number(),
          gone: z.number(),
          accounting,
        }),
      )
      .nullable(),
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
    /** Re-captures and removals (src/lib/archive/): the capture the text came from, earlier texts, deletion on the forum, removal. */
    capture: z.string().optional(),
    earlier: z.array(capture.extend({ text: z.string() })).optional(),
    gone: capture.optional(),
    removed: z.enum(['author', 'post']).optional(),
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

/** URLs earlier builds published that this content no longer has (src/lib/archive/published.ts): they answer "withdrawn". */
const withdrawn = defineCollection({
  loader: archiveLoader('withdrawn'),
  schema: z.object({
    kind: z.enum(['thread', 'essay']),
    from: z.number(),
    to: z.number(),
    fromPage: z.number(),
    whole: z.boolean(),
    movedTo: z.object({ slug: z.string(), numbers: z.array(z.number()) }).nullable(),
  }),
});

export const collections = { threads, posts, quotes, authors, withdrawn };
