/**
 * The tool a large MCP message calls, read from its text where JSON.parse would read it (server/mcp-tool-name.ts):
 * each case is checked against JSON.parse itself.
 */
import { expect, test } from 'vitest';
import { toolCalled } from '../../server/mcp-tool-name.ts';

/** What JSON.parse makes of the text: the name, when it is one tools/call message. */
function byJsonParse(text: string): string | undefined {
  try {
    const message = JSON.parse(text) as { method?: unknown; params?: { name?: unknown } } | null;
    if (message === null || Array.isArray(message) || message.method !== 'tools/call') return undefined;
    return typeof message.params?.name === 'string' ? message.params.name : undefined;
  } catch {
    return undefined;
  }
}

test.each([
  [
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"import_case","arguments":{"export":{"a":[1,2,{"b":"}"}]}}}}',
    'import_case',
  ],
  [
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{"x":"\\"name\\":\\"y\\""},"name":"parse_statement"}}',
    'parse_statement',
  ],
  ['{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"x":{"name":"import_case"},"pad":[{},{}]}}', undefined],
  ['{"method":"tools/call","params":{"x":{"name":"import_case"},"name":"calculate_maintenance"}}', 'calculate_maintenance'],
  ['{"method":"tools/call","params":{"name":"import_case"},"params":{"name":"other"}}', 'other'],
  ['{"method":"tools/call","params":{"name":"import_case"},"params":{}}', undefined],
  ['{"method":"tools/c\\u0061ll","params":{"n\\u0061me":"import_case"}}', 'import_case'],
  ['{"method":"tools/call","params":{"name":5}}', undefined],
  ['[{"method":"tools/call","params":{"name":"import_case"}}]', undefined],
  ['{"method":"tools/call","params":{"name":"import_case"}} x', undefined],
  ['{"method":"tools/call","params":{"name":"import_case"', undefined],
  [' {"params":{"name":"import_document"},"method":"tools/call"} ', 'import_document'],
])('%s → %s, as JSON.parse reads it', (text, name) => {
  expect(byJsonParse(text)).toBe(name);
  expect(toolCalled(text)).toBe(name);
});
