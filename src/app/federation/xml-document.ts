// Parsing untrusted XML (SAML metadata, SAML responses) with a real XML parser, strictly: any
// well-formedness error fails the parse, and documents with a DOCTYPE are refused outright, so
// no entity or DTD trick reaches the code that reads them. Helpers find elements by namespace
// and local name, never by prefix (prefixes are the sender's choice).

import { DOMParser } from '@xmldom/xmldom'

export const NS = {
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  dsig: 'http://www.w3.org/2000/09/xmldsig#'
} as const

class XmlRejected extends Error {}

/** The document, or undefined when the text is not well-formed XML or declares a DOCTYPE. */
export function parseXml(text: string): Document | undefined {
  if (/<!DOCTYPE/i.test(text)) return undefined
  const parser = new DOMParser({
    errorHandler: (level: string) => {
      if (level !== 'warning') throw new XmlRejected()
    }
  })
  try {
    const doc = parser.parseFromString(text, 'text/xml') as unknown as Document
    return doc.documentElement ? doc : undefined
  } catch {
    return undefined
  }
}

export function isElement(node: Node | null | undefined, ns: string, localName: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === localName
}

/** The element children of `parent` (in document order). */
export function childElements(parent: Element): Element[] {
  const out: Element[] = []
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element)
  return out
}

export function children(parent: Element, ns: string, localName: string): Element[] {
  return childElements(parent).filter((e) => isElement(e, ns, localName))
}

/** The only child with this name; undefined when there is none or more than one. */
export function onlyChild(parent: Element, ns: string, localName: string): Element | undefined {
  const found = children(parent, ns, localName)
  return found.length === 1 ? found[0] : undefined
}

/** Every descendant element with this name (document order). */
export function descendants(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<Element>)
}

export function textOf(element: Element | undefined): string | undefined {
  if (!element) return undefined
  return (element.textContent ?? '').trim()
}
