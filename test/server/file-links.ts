/**
 * Reading the files a tool made (tools/files.ts) the way a client does: the `resource_link` in the result, then
 * `resources/read` of its URI.
 * @module
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, ResourceLink } from '@modelcontextprotocol/sdk/types.js';

/** The resource links in a tool result, in order. */
export function linksOf(result: CallToolResult | Record<string, unknown>): ResourceLink[] {
  return (result as CallToolResult).content.filter((item): item is ResourceLink => item.type === 'resource_link');
}

/** The one file a result links to: its link, and its bytes and mime type as `resources/read` gives them. */
export async function readLinkedFile(
  client: Client,
  result: CallToolResult | Record<string, unknown>,
): Promise<{ link: ResourceLink; bytes: Buffer; mimeType: string | undefined }> {
  const links = linksOf(result);
  if (links.length !== 1) throw new Error(`expected one resource link, got ${JSON.stringify((result as CallToolResult).content)}`);
  const link = links[0]!;
  const read = await client.readResource({ uri: link.uri });
  const item = read.contents[0];
  if (!item || !('blob' in item)) throw new Error(`expected a blob for ${link.uri}, got ${JSON.stringify(read.contents)}`);
  return { link, bytes: Buffer.from(item.blob, 'base64'), mimeType: item.mimeType };
}
