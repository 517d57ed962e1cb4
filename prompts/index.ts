/**
 * Every MCP prompt Reckoner offers, in the order clients list them, and their registration on a server.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { challengeADecisionPrompt } from './challenge-a-decision.ts';
import { checkMyCalculationPrompt } from './check-my-calculation.ts';
import { disputeArrearsPrompt } from './dispute-arrears.ts';
import { promptResult, type AnyPrompt } from './prompt.ts';
import { sharedCareChangePrompt } from './shared-care-change.ts';
import { startACasePrompt } from './start-a-case.ts';

export const PROMPTS: readonly AnyPrompt[] = [
  checkMyCalculationPrompt,
  disputeArrearsPrompt,
  sharedCareChangePrompt,
  challengeADecisionPrompt,
  startACasePrompt,
];

/** Registers each prompt: the SDK checks the arguments against its schema (an InvalidParams error naming the argument). */
export function registerPrompts(server: McpServer, prompts: readonly AnyPrompt[] = PROMPTS): void {
  for (const prompt of prompts) {
    server.registerPrompt(prompt.name, { title: prompt.title, description: prompt.description, argsSchema: prompt.argsSchema }, (args) =>
      promptResult(prompt, args),
    );
  }
}
