/**
 * The counterfactual claim finder, measured on hand-labelled sentences of the
 * seed threads (tests/fixtures/claims/labelled-sentences.json), and its rules
 * on sentences written for this test. The figures printed here are the ones in
 * the README; the floors sit just under them, so a rule change that makes the
 * finder worse fails.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimRule, findClaims } from '../src/lib/research/claims';
import { splitSentences } from '../src/lib/research/sentences';

interface Labelled {
  id: number;
  text: string;
  claim: boolean;
}
const labels = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/claims/labelled-sentences.json'), 'utf8')) as {
  development: Labelled[];
  heldOut: Labelled[];
};

function measure(set: Labelled[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of set) {
    const found = claimRule(s.text) !== null;
    if (found && s.claim) tp++;
    else if (found) fp++;
    else if (s.claim) fn++;
  }
  return { n: set.length, claims: tp + fn, tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('claim finder on the labelled sample', () => {
  it('has at least 200 labelled sentences in each set', () => {
    expect(labels.development.length).toBeGreaterThanOrEqual(200);
    expect(labels.heldOut.length).toBeGreaterThanOrEqual(200);
  });

  it('keeps its precision and recall (figures printed for the README)', () => {
    const dev = measure(labels.development);
    const held = measure(labels.heldOut);
    const all = measure([...labels.development, ...labels.heldOut]);
    for (const [name, m] of Object.entries({ development: dev, heldOut: held, all })) {
      console.log(`claims ${name}: ${m.n} sentences, ${m.claims} claims; precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`);
    }
    expect(held.precision).toBeGreaterThanOrEqual(0.8);
    expect(held.recall).toBeGreaterThanOrEqual(0.58);
    expect(dev.precision).toBeGreaterThanOrEqual(0.88);
    expect(dev.recall).toBeGreaterThanOrEqual(0.74);
  });
});

describe('claim rules', () => {
  const cases: [string, string | null][] = [
    ['Had the Tsar abdicated a year earlier, the Duma would have kept the army loyal.', 'had-inversion'],
    ['If Kerensky had listened to Kornilov, Petrograd might never have fallen.', 'if-had'],
    ['Without the famine the harvest of 1933 would feed the towns.', 'without-would'],
    ['The navy could have sailed for Kronstadt in a week.', 'modal-perfect'],
    ["The navy could've sailed for Kronstadt in a week.", 'modal-perfect'],
    ['If the cavalry arrives in time, the line would hold.', 'if-would'],
    ['Bukharin would likely keep the market open for another decade.', 'would'],
    ["He'd keep the market open.", 'would'],
    ['That might push Poland into an alliance with Romania.', 'might-could'],
    ['If Warsaw falls, Berlin will panic.', 'scenario-will'],
    ['The Comintern will fund every strike in Europe.', 'will'],
    ['- Fewer show trials and a smaller Gulag', 'comparative-item'],
    ['In this timeline the Tsar survives the war.', 'timeline-words'],
    ['Would the Red Army have reached Warsaw?', null],
    ['Now, question: how would the war end, assuming all of this:', null],
    ['Stalin purged the officer corps in 1937.', null],
    ["He'd been in exile since 1929.", null],
    ['I would say the sources disagree.', null],
    ['I will post the map later.', null],
    ['Stalin would later deny it.', null],
  ];
  it.each(cases)('%s → %s', (sentence, rule) => {
    expect(claimRule(sentence)).toBe(rule);
  });

  it('numbers the claims of a text and points at their place', () => {
    const text = 'Stalin won in 1927.\n\nTrotsky would have lost anyway. Had Lenin lived, the Party might split.';
    const claims = findClaims(text);
    expect(claims.map((c) => [c.k, c.rule])).toEqual([
      [1, 'modal-perfect'],
      [2, 'had-inversion'],
    ]);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('never throws on odd input', () => {
    for (const odd of ['', '   ', '?', '\n\n\n', 'would', '\u0000\u0001', 'a'.repeat(100_000), undefined as unknown as string, 42 as unknown as string]) {
      expect(() => findClaims(odd)).not.toThrow();
    }
    expect(findClaims(undefined as unknown as string)).toEqual([]);
  });
});

describe('sentence splitter', () => {
  it('keeps initials and abbreviations inside a sentence, joins wrapped lines, splits blocks', () => {
    const text = 'I read E. H. Carr on this, e.g. his third volume.\nThe war\nwent badly. Then it ended.\n- a list item\n> a quote line';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'I read E. H. Carr on this, e.g. his third volume.',
      'The war\nwent badly.',
      'Then it ended.',
      '- a list item',
      '> a quote line',
    ]);
  });
});
