/**
 * The part of Citation.js the reference-format tests use (the package ships
 * no types): parse any input its plugins know into CSL data.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: string | object);
    /** The parsed items, as CSL data. */
    data: Record<string, unknown>[];
  }
}
