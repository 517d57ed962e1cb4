/**
 * The catalogue the MCP server offers tools from (tools/catalogue.ts), loading each on first use: it must offer
 * exactly the tools of tools/index.ts TOOLS, in the same order (tools/list keeps that order), and each entry must
 * load the tool of its own name. A tool added to TOOLS but not to the catalogue would be missing over MCP; one whose
 * entry loaded another tool would answer a call with the wrong tool.
 */
import { describe, expect, it } from 'vitest';
import { TOOL_CATALOGUE } from '../../tools/catalogue.ts';
import { TOOLS } from '../../tools/index.ts';

describe('tools/catalogue.ts', () => {
  it('offers the 27 tools of TOOLS, in the same order', () => {
    expect(TOOL_CATALOGUE.map((e) => e.name)).toEqual(TOOLS.map((t) => t.name));
    expect(TOOL_CATALOGUE).toHaveLength(27);
  });

  it.each(TOOL_CATALOGUE.map((e) => [e.name, e] as const))('%s loads that very tool', async (name, entry) => {
    const tool = await entry.load();
    expect(tool.name).toBe(name);
    expect(tool).toBe(TOOLS.find((t) => t.name === name));
  });
});
