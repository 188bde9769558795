/**
 * The counterfactual claim finder: which sentences of a post say something
 * about an alternate timeline ("Trotsky would likely be just as totalitarian",
 * "Without the purges the Red Army would retain its officer corps", "Had Lenin
 * lived, …").
 *
 * It is a set of rules over sentence structure — conditional and modal
 * constructions — not a model: a claim is *found by a rule*, and the rule is
 * kept with it so pages can say which. Precision and recall on a hand-labelled
 * sample of the seed threads are in the README (`tests/claims-*.test.ts`
 * measures them).
 */
import { splitSentences } from './sentences.js';

/** The rules, most specific first; a sentence is credited to the first that fires. */
export type ClaimRule =
  | 'had-inversion'
  | 'if-had'
  | 'without-would'
  | 'modal-perfect'
  | 'if-would'
  | 'would'
  | 'might-could'
  | 'scenario-will'
  | 'will'
  | 'comparative-item'
  | 'timeline-words';

/** How each rule reads to a person, for "found by a rule: …". */
export const RULE_LABEL: Record<ClaimRule, string> = {
  'had-inversion': '“had …, … would”',
  'if-had': '“if … had / were …”',
  'without-would': '“without …, … would”',
  'modal-perfect': '“would / could / might have …”',
  'if-would': '“if …, … would / could / might”',
  would: '“would …”',
  'might-could': '“might / could …”',
  'scenario-will': '“if / once …, … will / may”',
  will: '“… will …” (a prediction)',
  'comparative-item': 'a “more / less / no …” item set against our timeline',
  'timeline-words': 'names the alternate timeline (ATL, TTL, “in this timeline”)',
};

/** A sentence found by a rule. `start`/`end` are offsets into the text given to `findClaims`. */
export interface Claim {
  /** 1-based position among the text's claims: the `K` of the anchor `#post-N-cK`. */
  k: number;
  text: string;
  start: number;
  end: number;
  rule: ClaimRule;
}

const ADV = String.raw`(?:\s+(?:not|never|also|still|probably|likely|certainly|surely|definitely|perhaps|possibly|only|just|simply|almost|easily|then|ultimately|inevitably|eventually|even|really|most|much|more|well|all|instead|rather|again|quickly|soon|have|be))*`;
const HEDGE = /\b(?:i|we)\s*(?:would|'d)(?:\s+(?:also|just|really|probably|still|only))*\s+(?:say|argue|suggest|agree|disagree|tend|like|love|recommend|point|add|note|prefer|appreciate|welcome|ask|rather|be interested|be curious|be happy|be glad|think|guess|imagine|recommend)\b/g;
const HAD_WORDS = /^(?:been|had|got|gotten|done|gone|seen|made|become|taken|given|known|heard|thought|said|left|lost|won|told|found|come|put|read|written|begun|run|held)$/;
const MODAL_PERFECT = /\b(?:would|could|might|should)(?:n't|\s+not)?(?:\s+(?:never|also|still|probably|likely|certainly|surely|definitely|perhaps|possibly|only|just|easily|even|really|well|all|have))*\s+(?:have|of)\s+\w+|\b(?:would|could|might|should)(?:n't)?'ve\s+\w+/;
const WOULD = new RegExp(String.raw`\b(?:would(?:n't)?|wouldnt)${ADV}\s+(\w+)`, 'g');
const CONTRACTED = new RegExp(String.raw`\b(?:he|she|it|they|we|you|i|that|there|who|stalin|trotsky|lenin|this|which)'d${ADV}\s+(\w+)`, 'g');
const MIGHT_COULD = new RegExp(String.raw`\b(?:might(?:n't)?|could(?:n't)?)${ADV}\s+(\w+)`, 'g');
const CONDITION = /\b(?:if|unless|without|assuming|suppose|supposing|provided|once|in case|even if|had)\b/;
const WILL = /\b(?:will|won't|wont|'ll|(?:is|are|am|'s|'re)\s+(?:not\s+)?going\s+to)\b/;
const FIRST_PERSON_WILL = /\b(?:i|we|you)\s*(?:will|won't|'ll|am going to|are going to)\b/;
const TIMELINE = /\b(?:atl|ttl|this timeline|alternate timeline|alternate history|this scenario|this counterfactual|in this world|otl-?\s*different)\b/;
const MAY = /\bmay(?:\s+not)?\s+\w+/;
const WH_QUESTION = /(?:^|[:;,]\s*)(?:how|what|why)\s+(?:would|could|might|will)\b/;
/** A verbless list item or fragment opening with a comparison: "Greater isolation …", "No Molotov-Ribbentrop Pact …". */
const COMPARATIVE_ITEM = /^(?:[-*•]\s*)?(?:more|less|fewer|greater|earlier|later|stronger|weaker|better|worse|no)\s+(?!doubt\b|one\b|matter\b)\w+/;
const FINITE_VERB = /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|will|would|could|might|should|must|may|'s|'re)\b/;
const PAST_NARRATION = /\bwould\s+(?:later|go on to|come to be|become known)\b/;

/** Lower case, curly apostrophes straight, Markdown emphasis and quotes removed: the form the rules read. */
function normalise(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[*_`"“”]/g, '')
    .replace(/\s+/g, ' ');
}

/** True when the sentence asks rather than claims. */
function isQuestion(sentence: string): boolean {
  return /\?[\s"'”’)\]]*$/.test(sentence);
}

/** True when a "would"/"'d" + word pair reads as a modal (not "he'd been"). */
function modalUse(re: RegExp, s: string, contracted: boolean): boolean {
  re.lastIndex = 0;
  for (const m of s.matchAll(re)) {
    const next = m[1] ?? '';
    if (contracted && (HAD_WORDS.test(next) || /ed$/.test(next))) continue;
    if (next === 'you') continue;
    return true;
  }
  return false;
}

/**
 * The rule that finds a claim in one sentence, or `null`. Pure; never throws.
 * Questions are not claims, and first-person hedges ("I would say", "I'd
 * argue") do not count as modals.
 */
export function claimRule(sentence: string): ClaimRule | null {
  if (typeof sentence !== 'string' || isQuestion(sentence)) return null;
  const s = normalise(sentence).replace(HEDGE, ' ');
  if (PAST_NARRATION.test(s) || WH_QUESTION.test(s)) return null;
  const would = modalUse(WOULD, s, false) || modalUse(CONTRACTED, s, true);
  const mightCould = modalUse(MIGHT_COULD, s, false);
  const modal = would || mightCould || MODAL_PERFECT.test(s);
  if (/^(?:(?:but|and|yet|so|indeed|even)\s+)?had\s+\w+/.test(s) && modal) return 'had-inversion';
  if (/\b(?:if|unless)\b[^.;]*\b(?:had(?:n't)?|were(?:n't)?)\b/.test(s) && modal) return 'if-had';
  if (/\bwithout\b/.test(s) && modal) return 'without-would';
  if (MODAL_PERFECT.test(s)) return 'modal-perfect';
  if (/\b(?:if|unless|even if)\b/.test(s) && modal) return 'if-would';
  if (would) return 'would';
  if (mightCould) return 'might-could';
  const willOrMay = WILL.test(s) && !FIRST_PERSON_WILL.test(s);
  if ((willOrMay || MAY.test(s)) && CONDITION.test(s)) return 'scenario-will';
  if (willOrMay) return 'will';
  if (COMPARATIVE_ITEM.test(s) && !FINITE_VERB.test(s)) return 'comparative-item';
  if (TIMELINE.test(s)) return 'timeline-words';
  return null;
}

/**
 * The counterfactual claims of a text (a post's own words, Markdown or plain):
 * its sentences that a rule finds, in order, numbered from 1. Pure; never
 * throws; `[]` for empty or odd input.
 */
export function findClaims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const s of splitSentences(text)) {
    const rule = claimRule(s.text);
    if (rule) out.push({ k: out.length + 1, text: s.text, start: s.start, end: s.end, rule });
  }
  return out;
}
