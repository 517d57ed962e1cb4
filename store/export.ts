/**
 * The case export: one JSON document with everything about a case (for the parent to keep, or to move to
 * another Reckoner), and the schema it is read back with. Versioned: `format` and `version` say what it is.
 * @module
 */
import * as z from 'zod';
import { isCivilDate } from '../calc/dates.ts';
import {
  CMS_ENTRY_TYPE_VALUES,
  CHARGE_TYPE_VALUES,
  DIRECTION_VALUES,
  FREQUENCY_VALUES,
  PARTY_ROLE_VALUES,
  SCHEME_VALUES,
  SERVICE_VALUES,
  SIDE_VALUES,
} from './schema.ts';
import { EVENT_TYPES, EXPORT_FORMAT, EXPORT_VERSION } from './types.ts';

const civil = z.string().refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD' });
const moment = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' });
const moneyText = z.string().regex(/^-?\d{1,12}\.\d{2}$/, 'must be money with two decimals, e.g. "62.86"');
const uuid = z.uuid({ message: 'must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e' });
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const json = z.record(z.string(), z.unknown());
const opt = <T extends z.ZodType>(t: T) => t.optional();

const parsed = z.object({
  kind: text(100),
  format: text(20),
  metadata: json,
  checks: json,
  warnings: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  rows: z.object({ transactions: z.int().min(0), cmsEntries: z.int().min(0) }),
});

const deadline = z.strictObject({ name: text(200).min(1), date: civil, source: opt(text(500)) });

export const caseExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { message: `must be "${EXPORT_FORMAT}": this is not a Reckoner case export` }),
  version: z.literal(EXPORT_VERSION, {
    message: `must be ${EXPORT_VERSION}: this export was made by a different version of Reckoner; export it again from there`,
  }),
  exportedAt: moment,
  case: z.strictObject({
    id: uuid,
    reference: opt(z.string().regex(/^\d{12}$/, 'must be the 12-digit CMS case reference')),
    title: text(200).min(1),
    scheme: z.enum(SCHEME_VALUES),
    service: z.enum(SERVICE_VALUES),
    side: z.enum(SIDE_VALUES),
    frequency: opt(z.enum(FREQUENCY_VALUES)),
    firstDueDate: opt(civil),
    endDate: opt(civil),
    createdAt: moment,
    updatedAt: moment,
  }),
  parties: z.array(
    z.strictObject({
      id: uuid,
      role: z.enum(PARTY_ROLE_VALUES),
      name: text(200).min(1),
      email: opt(text(320)),
      phone: opt(text(50)),
      address: opt(text(1000)),
      addressWithheld: z.boolean(),
      createdAt: moment,
    }),
  ),
  children: z.array(z.strictObject({ id: uuid, name: text(200).min(1), dateOfBirth: opt(civil), createdAt: moment })),
  decisions: z.array(
    z.strictObject({
      id: uuid,
      label: text(100).min(1),
      effectiveDate: civil,
      letterDate: opt(civil),
      weeklyAmount: opt(moneyText),
      calculation: opt(json),
      service: opt(z.enum(SERVICE_VALUES)),
      receivingParentId: opt(text(100)),
      createdAt: moment,
    }),
  ),
  documents: z.array(
    z.strictObject({
      id: uuid,
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
      kind: text(100).min(1),
      format: text(20).min(1),
      filename: opt(text(255)),
      size: z.int().min(0),
      parsed,
      originalBase64: opt(z.base64({ message: 'must be base64' })),
      importedAt: moment,
    }),
  ),
  transactions: z.array(
    z.strictObject({
      id: uuid,
      documentId: opt(uuid),
      fingerprint: text(200).min(1),
      date: civil,
      amount: moneyText,
      direction: z.enum(DIRECTION_VALUES),
      description: text(1000),
      balance: opt(moneyText),
      reference: opt(text(200)),
    }),
  ),
  cmsEntries: z.array(
    z.strictObject({
      id: uuid,
      documentId: opt(uuid),
      fingerprint: text(200).min(1),
      date: civil,
      type: z.enum(CMS_ENTRY_TYPE_VALUES),
      amount: moneyText,
      description: text(1000),
      reference: opt(text(200)),
      chargeType: opt(z.enum(CHARGE_TYPE_VALUES)),
    }),
  ),
  reconciliationRuns: z.array(z.strictObject({ id: uuid, inputsHash: text(200), result: json, createdAt: moment })),
  letters: z.array(z.strictObject({ id: uuid, type: text(100).min(1), version: z.int().min(1), content: json, createdAt: moment })),
  events: z.array(
    z.strictObject({
      id: uuid,
      type: z.enum(EVENT_TYPES),
      date: civil,
      summary: opt(text(2000)),
      details: opt(json),
      deadlines: z.array(deadline),
      createdAt: moment,
    }),
  ),
});

export type ParsedCaseExport = z.infer<typeof caseExportSchema>;
