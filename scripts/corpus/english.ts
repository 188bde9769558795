/**
 * Real English words for the synthetic debate prose: function words that
 * glue sentences together and a small stock of counterfactual-history
 * content words. Generated pseudo-words (see `vocabulary.ts`) supply the
 * long tail; these keep the text reading vaguely like forum prose.
 */

/** Nouns of the debate register, most frequent first. */
export const NOUNS: readonly string[] = (
  'war army party government revolution state regime empire navy economy alliance treaty election front border ' +
  'industry peasants leadership invasion coup faction union republic monarchy dictatorship parliament congress ' +
  'campaign offensive collapse victory defeat crisis depression purge famine rebellion uprising blockade armistice ' +
  'frontier colony protectorate province capital fleet division corps officer general marshal commissar minister ' +
  'chancellor president premier king emperor tsar dynasty court cabinet bureaucracy opposition coalition majority ' +
  'minority vote referendum constitution reform policy strategy doctrine ideology propaganda press censorship ' +
  'railway harbour port canal oilfield mine factory harvest grain trade tariff loan debt inflation currency ' +
  'sanctions embargo mobilisation conscription reserve garrison fortress bridgehead salient pocket siege ' +
  'butterfly divergence timeline scenario outcome consequence assumption premise question point argument'
).split(' ');

/** Adjectives, most frequent first. */
export const ADJECTIVES: readonly string[] = (
  'likely unlikely plausible possible different better worse stronger weaker early late massive limited ' +
  'military political economic civil foreign domestic naval industrial agrarian radical moderate conservative ' +
  'liberal socialist nationalist imperial colonial western eastern northern southern central independent ' +
  'weak strong brutal peaceful bloody quick slow long short decisive costly cheap stable fragile hostile friendly ' +
  'neutral loyal rival ruling exiled provisional revolutionary reactionary democratic authoritarian'
).split(' ');

/** Verbs as [base, third person singular, past, past participle], most frequent first. */
export const VERBS: readonly (readonly [string, string, string, string])[] = (
  'win:wins:won:won lose:loses:lost:lost invade:invades:invaded:invaded support:supports:supported:supported ' +
  'oppose:opposes:opposed:opposed take:takes:took:taken hold:holds:held:held break:breaks:broke:broken ' +
  'collapse:collapses:collapsed:collapsed survive:survives:survived:survived annex:annexes:annexed:annexed ' +
  'purge:purges:purged:purged negotiate:negotiates:negotiated:negotiated attack:attacks:attacked:attacked ' +
  'defend:defends:defended:defended rule:rules:ruled:ruled reform:reforms:reformed:reformed ' +
  'crush:crushes:crushed:crushed ally:allies:allied:allied abandon:abandons:abandoned:abandoned ' +
  'overthrow:overthrows:overthrew:overthrown recognise:recognises:recognised:recognised ' +
  'industrialise:industrialises:industrialised:industrialised blockade:blockades:blockaded:blockaded ' +
  'betray:betrays:betrayed:betrayed provoke:provokes:provoked:provoked outlast:outlasts:outlasted:outlasted ' +
  'dominate:dominates:dominated:dominated fund:funds:funded:funded arm:arms:armed:armed ' +
  'sign:signs:signed:signed reject:rejects:rejected:rejected trigger:triggers:triggered:triggered ' +
  'delay:delays:delayed:delayed weaken:weakens:weakened:weakened strengthen:strengthens:strengthened:strengthened'
)
  .split(' ')
  .map((v) => v.split(':') as unknown as readonly [string, string, string, string]);

/** Determiners before a common noun. */
export const DETERMINERS: readonly string[] = ['the', 'the', 'the', 'a', 'this', 'that', 'any', 'every', 'some', 'no', 'their', 'his'];
/** Modal and auxiliary verbs. */
export const MODALS: readonly string[] = ['would', 'would', 'could', 'might', 'will', 'should', 'must', 'can'];
/** Prepositions. */
export const PREPOSITIONS: readonly string[] = ['in', 'of', 'against', 'with', 'without', 'after', 'before', 'under', 'across', 'through', 'toward', 'between', 'against', 'into', 'from', 'over'];
/** Clause-joining conjunctions. */
export const CONJUNCTIONS: readonly string[] = ['and', 'but', 'so', 'because', 'although', 'while', 'unless', 'since', 'yet'];
/** Sentence adverbs. */
export const ADVERBS: readonly string[] = ['probably', 'likely', 'certainly', 'never', 'still', 'already', 'simply', 'really', 'eventually', 'quickly', 'almost', 'hardly', 'clearly', 'arguably'];
/** Openers that give sentences a forum voice. */
export const OPENERS: readonly string[] = [
  'I think', 'I doubt that', 'Honestly,', 'To be fair,', 'IMO', 'In my view', 'As I said before,', 'Keep in mind that',
  'The thing is,', 'Realistically,', 'Frankly,', 'I would argue that', 'It seems to me that', 'Remember that', 'IOTL', 'ITTL',
];
/** Short interjections that make a whole sentence on their own. */
export const INTERJECTIONS: readonly string[] = [
  'Agreed.', 'Not likely.', 'Fair point.', 'Exactly.', 'I disagree.', 'Source?', 'Interesting idea.', 'That is ASB.', 'Good question.', 'Hmm.',
];
/** Real historical names placed at the top of the people list, so they are the most frequent. */
export const FAMOUS_PEOPLE: readonly string[] = [
  'Stalin', 'Trotsky', 'Lenin', 'Bukharin', 'Zinoviev', 'Kamenev', 'Churchill', 'Roosevelt', 'Kerensky', 'Tukhachevsky', 'Wilson', 'Clemenceau',
];
/** Real places placed at the top of the places list. */
export const FAMOUS_PLACES: readonly string[] = [
  'Germany', 'Russia', 'France', 'Britain', 'Poland', 'China', 'Japan', 'Italy', 'Austria', 'Moscow', 'Berlin', 'Warsaw', 'Serbia', 'Manchuria',
];
