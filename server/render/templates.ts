import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/**
 * Handlebars set-up: every template under views/ compiled once at start-up. Templates stay
 * logic-less (#if, #each, formatting helpers); view-models prepare everything they show.
 * Handlebars escapes `{{value}}`, so data from stewards is always text; the one raw insertion,
 * `{{{html}}}`, is kept for HTML the view-models made safe (Markdown without raw HTML, SVG bars).
 *
 * The layout gets the page's model plus what `layout(model)` adds (site name, menu, footer):
 * every page, error pages and the /api page included, shares one header and footer.
 */
export type RenderPage = (page: string, model: Record<string, unknown>) => string;

export interface RendererOptions {
  viewsDir?: string;
  /** What the layout needs besides the page's own model. */
  layout?: (model: Record<string, unknown>) => Record<string, unknown>;
}

const VIEWS = path.resolve(__dirname, '../../../views');
const VIEWS_FROM_SOURCE = path.resolve(__dirname, '../../views');

function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('number', (n: unknown) => (typeof n === 'number' ? n.toLocaleString('fr-FR') : ''));
  // `{{#if (eq a b)}}`: the one comparison templates need (a select's chosen option).
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

function registerPartials(hbs: typeof Handlebars, dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith('.hbs')) hbs.registerPartial(path.basename(file, '.hbs'), fs.readFileSync(path.join(dir, file), 'utf8'));
  }
}

export function createRenderer(options: RendererOptions = {}): RenderPage {
  const viewsDir = options.viewsDir ?? (fs.existsSync(VIEWS_FROM_SOURCE) ? VIEWS_FROM_SOURCE : VIEWS);
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  registerPartials(hbs, path.join(viewsDir, 'partials'));
  const compile = (file: string) => hbs.compile(fs.readFileSync(file, 'utf8'), { strict: false });
  const layout = compile(path.join(viewsDir, 'layouts', 'main.hbs'));
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of fs.readdirSync(path.join(viewsDir, 'pages'))) {
    if (file.endsWith('.hbs')) pages.set(path.basename(file, '.hbs'), compile(path.join(viewsDir, 'pages', file)));
  }
  return (page, model) => {
    const template = pages.get(page);
    if (!template) throw new Error(`unknown page template ${page}`);
    return layout({ ...model, ...(options.layout?.(model) ?? {}), body: template(model) });
  };
}
