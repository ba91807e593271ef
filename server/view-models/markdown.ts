import MarkdownIt from 'markdown-it';

/**
 * Descriptions are Markdown written by stewards: rendered with raw HTML off (`<script>` stays
 * text), links limited to http(s), mailto and site-relative paths (no `javascript:` or `data:`),
 * and headings pushed down two levels so that a description never adds a second <h1> (it sits
 * under the page's <h2>s). External links say that they leave the site.
 */
const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

md.core.ruler.push('shift_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
    }
  }
});

md.core.ruler.push('external_links', (state) => {
  for (const block of state.tokens) {
    for (const token of block.children ?? []) {
      if (token.type !== 'link_open') continue;
      const href = String(token.attrGet('href') ?? '');
      if (/^https?:\/\//i.test(href)) token.attrSet('rel', 'noopener noreferrer');
    }
  }
});

export function renderMarkdown(text: string): string {
  return md.render(text ?? '');
}

/** The first paragraph as plain text, for a card: Markdown marks removed, cut at `limit`. */
export function plainExcerpt(text: string, limit: number): string {
  const first = (text ?? '').split(/\n\s*\n/).find((p) => p.trim() !== '') ?? '';
  const plain = first
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= limit) return plain;
  const cut = plain.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit * 0.6)).trimEnd()}…`;
}
