/**
 * Words as the search index holds them, shared by the build (which writes the
 * index) and the search page (which reads Pagefind's word locations back into
 * posts): the same split on both sides keeps locations and offsets aligned.
 */

/** Light Markdown to text: links to their words, emphasis and quote markers dropped. */
export function plainText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\n)\s{0,3}(?:>\s?)+/g, '$1')
    .replace(/(\*\*|__|\*|(?<![\w])_|_(?![\w]))/g, '')
    .trim();
}

const WORDY = /[\p{L}\p{N}]/u;

/**
 * The index tokens of a text: white-space separated runs that hold at least
 * one letter or digit (a lone dash or bullet is not a word, and Pagefind
 * would not count it the same way). Never throws; `''` gives `[]`.
 */
export function tokens(text: string): string[] {
  return text.split(/\s+/).filter((t) => WORDY.test(t));
}

/**
 * A token as queries are compared with it: lower case, letters and digits
 * only, a possessive `'s` dropped (`Lenin's` → `lenin`), as Pagefind folds
 * punctuation out of words.
 */
export function normalize(token: string): string {
  return token
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * English words too common to decide a match, and the verbs of a question
 * about a debate: a query's stop words are not required in a post, not
 * highlighted, and count only inside a "phrase".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves ' +
    // The verbs of a question about a debate ("what did X argue about…"), not words of the answer.
    'anyone argue argued argues believe believed claim claimed claims mention mentioned said say says someone somebody ' +
    'suggest suggested talk talked think thinks thought whoever wrote ' +
    // Words that carry a question rather than its subject.
    'also even ever get got give gave given make made many may might much must really shall still take taken took'
  ).split(' '),
);
