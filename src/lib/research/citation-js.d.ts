/** The part of citation-js's API this project uses (the packages ship no types). */
declare module '@citation-js/core' {
  export const plugins: {
    output: {
      format(name: 'bibtex' | 'ris' | 'bibliography' | 'data', data: object[], options?: Record<string, unknown>): string;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
