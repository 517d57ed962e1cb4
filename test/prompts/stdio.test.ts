/**
 * The prompts through `bin/reckoner mcp` as a real process (the bundle in dist/ when it is current, the sources
 * otherwise), with the SDK's stdio client.
 */
import { afterEach, expect, test } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { PROMPTS } from '../../prompts/index.ts';
import { RECKONER } from '../server/helpers.ts';
import { unknownNames } from './names.ts';

let transport: StdioClientTransport | undefined;
afterEach(async () => {
  await transport?.close(); // ends the child the transport spawned
  transport = undefined;
});

test('bin/reckoner mcp lists the prompts, gets one, and refuses a bad argument', async () => {
  transport = new StdioClientTransport({ command: RECKONER, args: ['mcp'], stderr: 'pipe' });
  const client = new Client({ name: 'reckoner-test', version: '0.0.0' });
  await client.connect(transport);

  const { prompts } = await client.listPrompts();
  expect(prompts.map((p) => p.name)).toEqual(PROMPTS.map((p) => p.name));
  expect(prompts.find((p) => p.name === 'dispute_arrears')?.arguments?.find((a) => a.name === 'side')?.required).toBe(true);

  const result = await client.getPrompt({ name: 'dispute_arrears', arguments: { side: 'paying', claimedBalance: '20000' } });
  const [message] = result.messages;
  expect(message?.role).toBe('user');
  const text = message?.content.type === 'text' ? message.content.text : '';
  expect(text).toContain('`reconcile_case`');
  expect(text).toContain('claimedBalance: "20000.00"');
  expect(unknownNames(text)).toEqual([]);

  const refused = await client.getPrompt({ name: 'dispute_arrears', arguments: { side: 'neither' } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(McpError);
  expect((refused as McpError).code).toBe(ErrorCode.InvalidParams);
  expect((refused as McpError).message).toContain('side must be one of paying, receiving');

  const { completion } = await client.complete({
    ref: { type: 'ref/prompt', name: 'dispute_arrears' },
    argument: { name: 'side', value: 'p' },
  });
  expect(completion.values).toEqual(['paying']);
});
