import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/**
 * Handlebars set-up: every template under views/ compiled once at start-up. Templates stay
 * logic-less (#if, #each, formatting helpers); view-models prepare everything they show.
 * Handlebars escapes `{{value}}`, so data from stewards is always text.
 */
export type RenderPage = (page: string, model: Record<string, unknown>) => string;

const VIEWS = path.resolve(__dirname, '../../../views');
const VIEWS_FROM_SOURCE = path.resolve(__dirname, '../../views');

export function createRenderer(viewsDir = fs.existsSync(VIEWS_FROM_SOURCE) ? VIEWS_FROM_SOURCE : VIEWS): RenderPage {
  const hbs = Handlebars.create();
  hbs.registerHelper('number', (n: unknown) => (typeof n === 'number' ? n.toLocaleString('fr-FR') : ''));
  const partialsDir = path.join(viewsDir, 'partials');
  if (fs.existsSync(partialsDir)) {
    for (const file of fs.readdirSync(partialsDir)) {
      if (file.endsWith('.hbs')) hbs.registerPartial(path.basename(file, '.hbs'), fs.readFileSync(path.join(partialsDir, file), 'utf8'));
    }
  }
  const compile = (file: string) => hbs.compile(fs.readFileSync(file, 'utf8'), { strict: false });
  const layout = compile(path.join(viewsDir, 'layouts', 'main.hbs'));
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of fs.readdirSync(path.join(viewsDir, 'pages'))) {
    if (file.endsWith('.hbs')) pages.set(path.basename(file, '.hbs'), compile(path.join(viewsDir, 'pages', file)));
  }
  return (page, model) => {
    const template = pages.get(page);
    if (!template) throw new Error(`unknown page template ${page}`);
    return layout({ ...model, body: template(model) });
  };
}
