/** A stable text for any JSON value: object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  // Built with += rather than entries, map and join: a questionnaire of a thousand questions is
  // hashed at each load. The text is the same: keys in code-unit order, undefined values left out.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(object).sort()) {
      const v = object[key];
      if (v === undefined) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const COMMA = 44;
const COLON = 58;

/**
 * cyrb53 (53 bits) fed piece by piece: the hash of a text is the same whether the text is fed whole
 * or in pieces, so canonicalJson's text is hashed as it is walked, never built (at each load, a
 * questionnaire of a thousand questions made a text of 200,000 characters to read once).
 */
class Cyrb53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  text(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** JSON.stringify(text), fed: as it is when nothing in it needs escaping (ids, most texts), without making it. */
  quoted(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch < 32 || ch === 34 || ch === 92 || (ch >= 0xd800 && ch <= 0xdfff)) {
        this.text(JSON.stringify(text));
        return;
      }
    }
    this.code(34);
    this.text(text);
    this.code(34);
  }

  code(ch: number): void {
    this.h1 = Math.imul(this.h1 ^ ch, 2654435761);
    this.h2 = Math.imul(this.h2 ^ ch, 1597334677);
  }

  /** canonicalJson(value), fed. */
  canonical(value: unknown): void {
    if (Array.isArray(value)) {
      this.code(91); // [
      for (let i = 0; i < value.length; i++) {
        if (i) this.code(COMMA);
        this.canonical(value[i]);
      }
      this.code(93); // ]
      return;
    }
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      this.code(123); // {
      let first = true;
      for (const key of Object.keys(object).sort()) {
        const v = object[key];
        if (v === undefined) continue;
        if (!first) this.code(COMMA);
        first = false;
        this.quoted(key);
        this.code(COLON);
        this.canonical(v);
      }
      this.code(125); // }
      return;
    }
    if (typeof value === 'string') this.quoted(value);
    else this.text(JSON.stringify(value) ?? 'null');
  }

  digest(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }
}

/** The fingerprint of a text (cyrb53, 53 bits, hex). */
export function textHash(text: string): string {
  const hash = new Cyrb53();
  hash.text(text);
  return hash.digest();
}

/** A short content fingerprint (cyrb53 of canonicalJson's text, hex) that tells whether a questionnaire changed since a record was made. */
export function contentHash(value: unknown): string {
  const hash = new Cyrb53();
  hash.canonical(value);
  return hash.digest();
}
