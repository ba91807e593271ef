import { DOMParser } from '@oozcitak/dom';

/**
 * XML read back strictly, as a crawler or a feed reader does: the DOM parser that xmlbuilder2
 * itself uses rejects what is not well-formed (a stray control character included), where
 * xmlbuilder2's own `create(text)` is lenient.
 */
export type XmlElement = NonNullable<ReturnType<DOMParser['parseFromString']>['documentElement']>;

export function parseXml(text: string): XmlElement {
  const root = new DOMParser().parseFromString(text, 'application/xml').documentElement;
  if (!root || root.localName === 'parsererror') throw new Error(`not well-formed XML: ${root?.textContent ?? ''}`);
  return root;
}

/** The element's direct children named `name`. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let node = parent.firstElementChild; node; node = node.nextElementSibling) if (node.localName === name) found.push(node);
  return found;
}

/** The text of the element's first child named `name`, '' when absent. */
export function childText(parent: XmlElement, name: string): string {
  return childrenNamed(parent, name)[0]?.textContent?.trim() ?? '';
}
