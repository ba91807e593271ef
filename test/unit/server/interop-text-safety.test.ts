import fc from 'fast-check';
import { DOMParser } from '@oozcitak/dom';
import { create } from 'xmlbuilder2';
import { jsonForScriptBlock } from '../../../server/interop/json-ld-script';
import { xmlText } from '../../../server/interop/xml-text';

/**
 * Metadata written by stewards ends up inside a `<script type="application/ld+json">` block and
 * inside XML documents (sitemap, Atom feed): whatever it holds, it must neither end the block nor
 * make the document unreadable.
 */
describe('JSON for a script block', () => {
  it('reads back the same value, with nothing the HTML parser could take for markup', () => {
    const nasty = fc.constantFrom('</script>', '</SCRIPT >', '<!--', '-->', '<script>', '\u2028', '\u2029', '&', '>', ']]>');
    const text = fc.array(fc.oneof(fc.string(), nasty, fc.string({ unit: 'grapheme' })), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.dictionary(fc.string(), text), text, (object, name) => {
      const value = { name, object };
      const block = jsonForScriptBlock(value);
      expect(block).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(block)).toEqual(value);
    }));
  });

  it('escapes as \\u sequences, which JSON-LD processors read as the characters themselves', () => {
    expect(jsonForScriptBlock({ name: '</script><!--\u2028&' })).toBe('{"name":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"}');
  });
});

describe('XML text', () => {
  it('removes the characters XML 1.0 forbids, keeps every other one', () => {
    expect(xmlText('a\u0000b\u0001c\u001fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(xmlText('tab\tnl\ncr\r « é » 😀 \uE000')).toBe('tab\tnl\ncr\r « é » 😀 \uE000');
  });

  it('makes any text safe in a document a strict parser reads back', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const xml = create({ version: '1.0', encoding: 'UTF-8' }).ele('title').txt(xmlText(text)).end();
      const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement;
      expect(root?.localName).toBe('title');
      // The parser may normalise whitespace (line ends, blank text); every other character comes back.
      const visible = (s: string | null) => (s ?? '').replace(/\s/g, '');
      expect(visible(root?.textContent ?? null)).toBe(visible(xmlText(text)));
    }));
  });
});
