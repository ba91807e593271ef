/**
 * What every page must have (contract section 7 and the quality bar), checked on the HTML
 * text: one <h1>, lang="fr", a skip link to the main landmark, the header's « Connexion » link,
 * labelled form fields, captioned tables whose header cells have a scope, and no inline script,
 * style or event handler (the CSP would block them). Returns the problems found, [] when none.
 */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => void (ok || problems.push(message));
  check(/<html lang="fr">/.test(html), 'no <html lang="fr">');
  check((html.match(/<h1[\s>]/g) ?? []).length === 1, `${(html.match(/<h1[\s>]/g) ?? []).length} <h1>`);
  check(/<a href="#contenu">/.test(html) && /<main id="contenu"/.test(html), 'no skip link to <main id="contenu">');
  check(/<header[\s>]/.test(html) && /<nav[\s>]/.test(html) && /<footer[\s>]/.test(html), 'missing landmarks');
  check(/<a [^>]*href="\/connexion"[^>]*>Connexion<\/a>/.test(html), 'no « Connexion » link');
  check(/<title>[^<]+<\/title>/.test(html), 'no <title>');

  for (const [tag, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const json = /type="application\/ld\+json"/.test(attributes);
    check(json || (/\ssrc="\/assets\//.test(attributes) && body.trim() === ''), `inline or foreign script: ${tag.slice(0, 80)}`);
  }
  check(!/<style[\s>]/.test(html), 'a <style> element');
  check(!/\sstyle="/.test(html), 'a style attribute');
  check(!/\son[a-z]+="/i.test(html), 'an inline event handler');

  const labels = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  for (const [field] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit|button)"/.test(field)) continue;
    const id = /\sid="([^"]+)"/.exec(field)?.[1];
    check(Boolean(id && labels.has(id)) || /\saria-label="[^"]+"/.test(field), `unlabelled field: ${field.slice(0, 80)}`);
  }
  for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
    check(/^<table[^>]*>\s*<caption[\s>]/.test(table), `table without caption: ${table.slice(0, 80)}`);
    for (const th of table.match(/<th(\s[^>]*)?>/g) ?? []) check(/\sscope="(col|row)"/.test(th), `header cell without scope: ${th}`);
  }
  return problems;
}

/** The text of the table cells of the first table whose caption matches. */
export function tableRows(html: string, caption: RegExp): string[][] {
  const table = (html.match(/<table[\s\S]*?<\/table>/g) ?? []).find((t) => caption.test(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? ''));
  if (!table) return [];
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => decode(cell.replace(/<[^>]+>/g, '').trim())));
}

export function decode(text: string): string {
  return text.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
}

/** The href of every link, decoded. */
export function links(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => decode(m[1]));
}
