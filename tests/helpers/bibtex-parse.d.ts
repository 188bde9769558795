/** The part of bibtex-parse's API the citation test uses (the package ships no types). */
declare module 'bibtex-parse' {
  /** Entries of a BibTeX text: `key`, `type`, and each field under its upper-cased name. */
  export function entries(text: string): Record<string, string>[];
  const bibtex: { entries: typeof entries };
  export default bibtex;
}
