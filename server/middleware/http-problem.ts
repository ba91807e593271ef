/**
 * An error that the HTTP layer itself raises (a malformed path segment, an unknown export format,
 * too many requests): it already knows its status and code. Domain errors stay CatalogueErrors;
 * both end in the one error middleware (errors.ts).
 */
export interface ProblemDetail {
  path?: string;
  keyword?: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ProblemDetail[] = [],
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/** A 400 naming the faulty parameters, one detail each. */
export function badParameters(details: ProblemDetail[]): HttpProblem {
  const names = [...new Set(details.map((d) => d.path).filter(Boolean))].join(', ');
  return new HttpProblem(400, 'bad-request', `Paramètre(s) invalide(s) : ${names}.`, details);
}
