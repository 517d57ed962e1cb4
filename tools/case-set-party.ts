/**
 * `set_party`: a person of a stored case, added or changed after the case was made: a new address or phone, or the
 * date of birth and National Insurance number the subject access request and ICE referral print. The case then
 * carries them, and every letter drafted from it takes them from there.
 * @module
 */
import * as z from 'zod';
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { PARTY_ROLES } from '../store/types.ts';
import { caseId, partyIdentity, partyOutput, storeOf } from './case-common.ts';
import { leanOutput, strictObject } from './schemas.ts';
import { defineTool } from './tool.ts';
import { PARTY_ROLE_WORDS } from './words.ts';

/** A field that can be removed: given as null (the tool's description says so, once). */
const removable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const setPartyInput = strictObject({
  caseId,
  partyId: z
    .uuid({ message: 'partyId must be the id of one of the case’s parties; get_case lists them' })
    .optional()
    .meta({ description: 'Leave out to add a party', pattern: undefined }),
  role: z.enum(PARTY_ROLES).optional(),
  name: z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters').optional(),
  email: removable(z.string().max(320, 'email must be at most 320 characters')),
  phone: removable(z.string().max(50, 'phone must be at most 50 characters')),
  address: removable(z.string().max(1000, 'address must be at most 1000 characters')),
  addressWithheld: z.boolean().optional(),
  dateOfBirth: removable(partyIdentity.dateOfBirth),
  nationalInsuranceNumber: removable(partyIdentity.nationalInsuranceNumber),
});

export const setPartyOutput = z.object({
  caseId: z.string(),
  added: z.boolean().describe('True when the party is new to the case'),
  changed: z.array(z.string()),
  party: partyOutput,
});

/** The party fields given, in the order the input lists them (caseId and partyId are not fields). */
function fieldsGiven(input: z.infer<typeof setPartyInput>): Record<string, unknown> {
  const { caseId: _caseId, partyId: _partyId, ...fields } = input;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

export const setPartyTool = defineTool({
  name: 'set_party',
  title: 'Add or change a person of a case',
  description:
    'Adds a person to a case (role, name), or changes one (partyId; null removes a field): contact details, date of birth, NI number.',
  inputSchema: setPartyInput,
  // Lean: the party as kept, by name; the text says what changed.
  outputSchema: leanOutput(setPartyOutput, ['caseId', 'party', 'changed']),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false, destructiveHint: false },
  handler: async (input, context) => {
    const fields = fieldsGiven(input);
    const dateOfBirth = fields['dateOfBirth'];
    if (typeof dateOfBirth === 'string' && dateOfBirth >= context.today) {
      throw new InputError('dateOfBirth', `must be a day before today (${context.today as CivilDate}); check the year`);
    }
    const store = await storeOf(context);
    if (input.partyId === undefined) {
      const missing = (['role', 'name'] as const).filter((k) => fields[k] === undefined);
      if (missing.length > 0) {
        throw new InputError(
          missing.map((field) => ({
            field,
            message: `is needed to add a party (to change one of the case’s parties instead, give its partyId; get_case lists them)`,
          })),
        );
      }
      const party = await store.addParty(input.caseId, fields as never);
      return { caseId: input.caseId, added: true, changed: Object.keys(fields), party };
    }
    if (Object.keys(fields).length === 0) {
      throw new InputError('partyId', 'give at least one field to change beside it (name, address, dateOfBirth …)');
    }
    const party = await store.updateParty(input.caseId, input.partyId, fields as never);
    return { caseId: input.caseId, added: false, changed: Object.keys(fields), party };
  },
  // The values are not repeated: the party's fields are in the structured result.
  summarize: (out) =>
    `${out.added ? 'Added' : 'Changed'} ${out.party.name} (${PARTY_ROLE_WORDS[out.party.role].toLowerCase()}, party ${out.party.id})` +
    (out.added ? '.' : `: ${out.changed.join(', ')}.`) +
    ' Letters drafted from the case take these details from it.',
});
