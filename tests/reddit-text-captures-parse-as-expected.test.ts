/**
 * reddit threads copied as page text (old reddit and mirror front ends) parse
 * as expected: the title (link flair run onto it split off), the submission
 * and its poster when the r/ line names one, one post per `u/` header with
 * flair, ages kept as written or dates read, edited marks; scores, counts,
 * sort, permalink and more-replies lines dropped by named rules; no replyTo
 * guessed; quotes reconstructed from repeated words.
 * Fixtures: tests/fixtures/reddit-text/thread.txt and permalink.txt.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive, detectFormat } from '../src/lib/index.js';
import { readCommentHeader, readSubmissionLine, splitTitleFlair } from '../src/lib/formats/reddit/lines.js';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, 'fixtures/reddit-text', name), 'utf8');
const build = (name: string) => buildArchive([{ file: name, text: fixture(name) }]).documents[0]!;

describe('reddit page text, mirror layout with scores', () => {
  const doc = build('thread.txt');

  it('is detected as reddit text, and no other format claims it', () => {
    const d = detectFormat(fixture('thread.txt').split('\n'));
    expect(d.format?.name).toBe('reddit-text');
    for (const [name, score] of Object.entries(d.scores)) if (name !== 'reddit-text') expect(score, name).toBeLessThan(0.5);
  });

  it('splits the link flair off the title and keeps it with the opening post', () => {
    expect(doc.title).toBe('What if Carthage had won the Second Punic War?');
    expect(doc.posts[0]!.badges).toEqual(['Discussion']);
    expect(doc.diagnostics.find((x) => x.rule === 'title-flair')?.line).toBe(1);
  });

  it('reads the submission and one post per comment header, with flair, ages as written and edited marks, and no replyTo', () => {
    expect(doc.posts.map((p) => [p.n, p.author, p.date, p.edited, p.badges, p.replyTo])).toEqual([
      [1, null, '3y ago', false, ['Discussion'], null],
      [2, 'Scipio_Minor', '3y ago', false, [], null],
      [3, 'punic_faith', '3y ago', true, ['Mercenary captain'], null],
      [4, null, '3y ago', false, [], null],
      [5, 'Hanno_the_Great', '2y ago', false, ['OP'], null],
      [6, 'EmporionTrader', '2y ago', false, [], null],
    ]);
    expect(doc.posts[0]!.text.startsWith('Hannibal takes Rome')).toBe(true);
    expect(doc.posts[3]!.text).toBe('[removed]');
    expect(doc.diagnostics.map((x) => x.rule).sort()).toEqual(['deleted-author', 'more-replies-link', 'nesting-lost', 'submission-author-unknown', 'title-flair']);
  });

  it('reconstructs a quote from the repeated words of an earlier comment', () => {
    const q = doc.posts[2]!.quotes;
    expect(q.map((x) => [x.author, x.sourcePost, x.reconstructed])).toEqual([['Scipio_Minor', 2, true]]);
    expect(doc.posts[2]!.text.startsWith('That is the Roman version')).toBe(true);
  });

  it('drops scores, the count and sort lines, action links and more-replies links by name, and accounts for every line', () => {
    const a = doc.accounting;
    expect(a.dropped.unaccounted ?? 0).toBe(0);
    expect(a.dropped['vote-score']).toBe('42\n15\n-3\n0\n7\n'.length);
    expect(a.dropped['comment-count']).toBe('7 comments sorted by\nbest\n'.length);
    expect(a.dropped['comment-actions']).toBe('Reply Share\n'.length);
    expect(a.dropped['more-replies-link']).toBe('load more comments (3 replies)\n'.length);
    expect(doc.posts.map((p) => p.text).join('\n')).not.toMatch(/^(?:-?\d+|best|Reply Share)$/m);
    expect(doc.diagnostics.find((x) => x.rule === 'more-replies-link')?.message).toContain('at least 3 replies');
  });
});

describe('reddit page text, old-reddit permalink view with dates', () => {
  const doc = build('permalink.txt');

  it('reads the poster and their flair from the r/ line, and flair run onto the start of the title', () => {
    expect(doc.format).toBe('reddit-text');
    expect(doc.title).toBe('What if the Mongols had not turned back from Vienna in 1242?');
    expect(doc.posts[0]!.author).toBe('Subutai_Bahadur');
    expect(doc.posts[0]!.badges).toEqual(['Alternate History', 'Steppe scholar']);
  });

  it('reads dates as ISO 8601 without an invented zone, and comments without score lines', () => {
    expect(doc.posts.map((p) => [p.n, p.author, p.date, p.edited])).toEqual([
      [1, 'Subutai_Bahadur', '2012-03-10', false],
      [2, 'batu_khan_fan', '2012-03-10T23:11', false],
      [3, 'Subutai_Bahadur', '2012-03-11', true],
      [4, 'Vienna_1683', '2012-03-12', false],
    ]);
    expect(doc.posts[2]!.quotes.map((q) => [q.sourcePost, q.reconstructed])).toEqual([[2, true]]);
  });

  it('drops permalink furniture by name', () => {
    const a = doc.accounting;
    expect(a.dropped.unaccounted ?? 0).toBe(0);
    expect(a.dropped['permalink-chrome']).toBe('View all comments\nShow parent comments\n'.length);
    expect(a.dropped['comment-actions']).toBe('permalink embed save report reply\n'.length);
    expect(a.dropped['more-replies-link']).toBe('Continue this thread →\n'.length);
    expect(a.dropped['comment-count']).toBe('all 12 comments\nsorted by: old\n'.length);
  });
});

describe('reddit page text, old reddit as it copies', () => {
  const doc = build('old-reddit.txt');

  it('reads the submitted-by line, the domain after the title, [–] headers with points and starred edits', () => {
    expect(doc.format).toBe('reddit-text');
    expect(doc.title).toBe('What if the Byzantines had kept Sicily?');
    expect(doc.posts.map((p) => [p.n, p.author, p.date, p.edited, p.badges])).toEqual([
      [1, 'Maniakes_1038', '4 years ago', false, ['self.HistoryWhatIf']],
      [2, 'Euphemius_827', '4 years ago', false, []],
      [3, 'Maniakes_1038', '4 years ago', true, []],
      [4, null, '4 years ago', false, []],
      [5, 'Norman_Roger', '3 years ago', false, []],
    ]);
    expect(doc.posts[2]!.quotes.map((q) => [q.sourcePost, q.text])).toEqual([[2, 'Syracuse was already starving when it fell. Holding it needs a fleet']]);
    expect(doc.posts[1]!.text).not.toMatch(/permalink|reply/);
    expect(doc.accounting.dropped.unaccounted ?? 0).toBe(0);
    expect(doc.accounting.dropped['comment-actions']).toBe(
      'permalink embed save report reply\npermalink embed save parent report give award reply\npermalink embed save report reply\n'.length,
    );
  });

  it('does not take a body line that starts with a u/ name and an age for a header', () => {
    const text = 'A title?\nr/HistoryWhatIf 2y ago\n\nOpening words.\n\n5\n\nu/first_one 2y ago\n\nu/second_one 2y ago made this point before\nand I still disagree with it.\n';
    const d = buildArchive([{ file: 'inline.txt', text }]).documents[0]!;
    expect(d.posts.map((p) => p.author)).toEqual([null, 'first_one']);
    expect(d.posts[1]!.text).toBe('u/second_one 2y ago made this point before\nand I still disagree with it.');
  });
});

describe('reddit page text lines', () => {
  it('reads comment headers with flair, separators, dates and edits, and refuses sentences', () => {
    expect(readCommentHeader('u/x_y • 3 yr. ago')).toEqual({ author: 'x_y', flair: [], date: '3 yr. ago', edited: false, oldReddit: false });
    expect(readCommentHeader('u/abc Mar 10, 2012 11:11 PM edited 2 days ago')).toEqual({ author: 'abc', flair: [], date: '2012-03-10T23:11', edited: true, oldReddit: false });
    expect(readCommentHeader('[–]punic_faith Mercenary captain 15 points 3 years ago*')).toEqual({ author: 'punic_faith', flair: ['Mercenary captain'], date: '3 years ago', edited: true, oldReddit: true });
    expect(readCommentHeader('[deleted] 15h ago')?.author).toBeNull();
    expect(readCommentHeader('u/someone said that in another thread')).toBeNull();
    expect(readCommentHeader('Hannibal 3y ago')).toBeNull();
  });

  it('reads submission lines with and without the poster', () => {
    expect(readSubmissionLine('r/HistoryWhatIf 3y ago')).toEqual({ sub: 'HistoryWhatIf', author: null, flair: [], date: '3y ago' });
    expect(readSubmissionLine('r/AlternateHistory • Posted by u/Justinian_II Mapmaker 2 yr. ago')).toEqual({ sub: 'AlternateHistory', author: 'Justinian_II', flair: ['Mapmaker'], date: '2 yr. ago' });
    expect(readSubmissionLine('r/AskHistorians is a better place for this')).toBeNull();
    expect(readSubmissionLine('submitted 4 years ago by Maniakes_1038 Strategos')).toEqual({ sub: null, author: 'Maniakes_1038', flair: ['Strategos'], date: '4 years ago' });
  });

  it('splits flair from titles only where it is run on', () => {
    expect(splitTitleFlair('What if Napoleon won?Alternate Ending')).toEqual({ title: 'What if Napoleon won?', flair: 'Alternate Ending', domain: null });
    expect(splitTitleFlair('What if the U.S. never entered WWI?')).toEqual({ title: 'What if the U.S. never entered WWI?', flair: null, domain: null });
    expect(splitTitleFlair('McDonald wins the election?')).toEqual({ title: 'McDonald wins the election?', flair: null, domain: null });
    expect(splitTitleFlair('A map of Rome (maps.example)')).toEqual({ title: 'A map of Rome', flair: null, domain: 'maps.example' });
  });
});
