/**
 * The tool a large MCP message calls, read from its text without parsing it: the top-level `"method"` must be
 * `"tools/call"`, and the name is `params.name`, each read where JSON.parse would read it (the last of a repeated key
 * wins; escapes are undone). Only such a call may be larger than the small body limit (server/http.ts), and parsing a
 * message of millions of small values costs gigabytes: a security test sent a 60 MB `tools/list` with
 * `{"name":"import_case"}` buried in its params, and a search for that text anywhere let it through (5 December
 * 2026). One pass over the text, no value made but the two strings read.
 * @module
 */

/** The name of the tool `text` calls, or undefined when it is not one JSON-RPC `tools/call` message. */
export function toolCalled(text: string): string | undefined {
  const s = new Scanner(text);
  try {
    let method: string | undefined;
    let name: string | undefined;
    s.space();
    s.expect(0x7b /* { */);
    s.members((key) => {
      if (key === 'method') method = s.stringOrSkip();
      else if (key === 'params' && s.peek() === 0x7b) {
        s.expect(0x7b);
        name = undefined;
        s.members((inner) => {
          if (inner === 'name') name = s.stringOrSkip();
          else s.skipValue();
        });
      } else {
        if (key === 'params') name = undefined;
        s.skipValue();
      }
    });
    s.space();
    if (s.pos !== text.length) return undefined;
    return method === 'tools/call' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Strings longer than this are skipped, never made: a tool's name or a method is short. */
const SHORT = 200;

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  space(): void {
    for (;;) {
      const c = this.peek();
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  expect(c: number): void {
    this.space();
    if (this.peek() !== c) throw new Error('not JSON');
    this.pos++;
  }

  /** Reads `"key": value, …}` after an object's `{`, calling `member` at each value (which it must read). */
  members(member: (key: string | undefined) => void): void {
    this.space();
    if (this.peek() === 0x7d /* } */) {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      const key = this.stringOrSkip();
      this.expect(0x3a /* : */);
      this.space();
      member(key);
      this.space();
      const c = this.peek();
      this.pos++;
      if (c === 0x7d) return;
      if (c !== 0x2c /* , */) throw new Error('not JSON');
    }
  }

  /** A string value, decoded when short; undefined for a long string or any other value (skipped). */
  stringOrSkip(): string | undefined {
    this.space();
    if (this.peek() !== 0x22 /* " */) {
      this.skipValue();
      return undefined;
    }
    const start = this.pos;
    this.skipString();
    if (this.pos - start > SHORT) return undefined;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  skipString(): void {
    this.pos++; // the opening quote
    for (;;) {
      const c = this.text.charCodeAt(this.pos++);
      if (Number.isNaN(c)) throw new Error('not JSON');
      if (c === 0x22) return;
      if (c === 0x5c /* \ */) this.pos++;
    }
  }

  /** Skips one value of any kind, nested or not, without recursion. */
  skipValue(): void {
    this.space();
    let depth = 0;
    for (;;) {
      const c = this.peek();
      if (Number.isNaN(c)) throw new Error('not JSON');
      if (c === 0x22) this.skipString();
      else if (c === 0x7b || c === 0x5b /* [ */) {
        depth++;
        this.pos++;
      } else if (c === 0x7d || c === 0x5d /* ] */) {
        if (depth === 0) return;
        depth--;
        this.pos++;
      } else if (c === 0x2c && depth === 0) return;
      else this.pos++;
      if (depth === 0 && (c === 0x22 || c === 0x7d || c === 0x5d)) return;
    }
  }
}
