/**
 * Numbered pagination: first, last, and two pages either side of the current one, with gaps
 * between. Links come from `link(page)`; the current page is marked with aria-current.
 */
export interface PageLink {
  label: string;
  href?: string;
  current?: boolean;
  gap?: boolean;
}

export interface Pagination {
  prev: string | null;
  next: string | null;
  pages: PageLink[];
}

export function paginate(current: number, totalPages: number, link: (page: number) => string): Pagination | null {
  if (totalPages <= 1) return null;
  const shown = new Set([1, totalPages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= totalPages) shown.add(p);
  const pages: PageLink[] = [];
  let previous = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - previous > 1) pages.push({ label: '…', gap: true });
    pages.push({ label: String(p), href: link(p), current: p === current });
    previous = p;
  }
  return {
    prev: current > 1 ? link(current - 1) : null,
    next: current < totalPages ? link(current + 1) : null,
    pages,
  };
}
