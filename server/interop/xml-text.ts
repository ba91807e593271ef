/**
 * Text for an XML 1.0 document. xmlbuilder2 escapes markup (`<`, `&`) but writes control
 * characters and lone surrogates as they are, which makes the whole document unreadable to a
 * strict parser (a feed reader drops it): a title pasted with a stray U+0001 would break the feed
 * for every dataset. Those characters are not allowed in XML 1.0 at all, so they are removed.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}
