/**
 * XML text escaping for responses. Besides `&`, `<` and `>`:
 * - `\r` becomes `&#xD;`: XML parsers (and the JS SDK's) turn a raw CR or CRLF into LF;
 * - characters XML 1.0 does not allow (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and
 *   unpaired surrogates) become numeric references. Strictly that is not well-formed XML 1.0, but it
 *   is what keeps the value: the JS SDK's parser decodes them; a strict parser (expat, so botocore)
 *   rejects the document, as it would a raw control character. IAM's and STS's input patterns keep
 *   such characters out of stored data in the first place.
 * Characters outside the BMP are written as they are (UTF-8): the JS SDK decodes numeric
 * references with String.fromCharCode, which would truncate them.
 */

const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function replacement(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;'
    case '<':
      return '&lt;'
    case '>':
      return '&gt;'
    default:
      return `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`
  }
}

/** Whether `s` may need escaping (surrogates included, paired or not): a quick scan for most text. */
function mayNeedEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 ? c !== 9 && c !== 10 : c === 38 || c === 60 || c === 62 || (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe))) return true
  }
  return false
}

export function escapeXmlText(s: string): string {
  return mayNeedEscape(s) ? s.replace(NEEDS_ESCAPE, replacement) : s
}

/** For attribute values in double quotes (the xmlns): also `"`. */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replaceAll('"', '&quot;')
}
