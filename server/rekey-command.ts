/**
 * `reckoner rekey`: change the case store's master key. The old key is RECKONER_ENCRYPTION_KEY (the one the store
 * was sealed with), the new one RECKONER_NEW_ENCRYPTION_KEY; the store is the one DATABASE_URL or
 * RECKONER_DATA_DIR names, as for every other command. Keys never appear in the output, only fingerprints.
 * @module
 */
import { InputError } from '../calc/errors.ts';
import { StoreFailure } from '../store/errors.ts';
import { storeOptionsFromEnv } from '../store/open.ts';
import { rekeyStore } from '../store/rekey.ts';
import { parseKey } from '../store/seal.ts';

const OLD = 'RECKONER_ENCRYPTION_KEY';
const NEW = 'RECKONER_NEW_ENCRYPTION_KEY';

/** Runs the re-key and returns the exit code: 0 done, 1 refused (the message says why and what to do). */
export async function runRekey(env: NodeJS.ProcessEnv, say: (line: string) => void, warn: (line: string) => void): Promise<number> {
  try {
    const oldText = env[OLD]?.trim();
    const newText = env[NEW]?.trim();
    if (!oldText) throw new InputError(OLD, "is not set; give the key the case store is sealed with now");
    if (!newText) throw new InputError(NEW, 'is not set; give the key to change to (make one with: openssl rand -base64 32)');
    const oldKey = parseKey(oldText, OLD);
    const newKey = parseKey(newText, NEW);
    const options = storeOptionsFromEnv({ ...env, [OLD]: '' });
    const result = await rekeyStore(options, oldKey, newKey, { oldKey: OLD, newKey: NEW });
    say(`Re-keyed ${result.cases} case key${result.cases === 1 ? '' : 's'}${result.resealed > 0 ? ` (and re-sealed ${result.resealed} older values)` : ''}.`);
    say(`The store now opens only with the new key (${result.fingerprint}).`);
    say(`Restart Reckoner with ${OLD} set to the value of ${NEW}.`);
    say('Backups taken before now still open with the old key: keep it only as long as you keep them.');
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof StoreFailure) {
      warn(error.message);
      return 1;
    }
    throw error;
  }
}
