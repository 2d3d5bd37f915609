import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AsqSe2CutoffTable, decodeAsqSe2CutoffTable } from '@coachline/domain';
import * as E from 'fp-ts/Either';

const VARIABLE = 'COACHLINE_ASQ_SE2_CUTOFFS';

const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String(error);
};

/**
 * The publisher's ASQ-SE2 cutoff table from the JSON file COACHLINE_ASQ_SE2_CUTOFFS names, checked by
 * the domain's codec before anything starts: a table that is not there, not JSON or wrong in any
 * field is the one line that stops the start, naming the file and each wrong field. The project
 * ships no table (the publisher licenses it); with none configured a score's zone is recorded as sent.
 */
export const readAsqSe2Cutoffs = (configured: string | undefined): E.Either<string, AsqSe2CutoffTable | undefined> => {
  if (configured === undefined) return E.right(undefined);
  const file = resolve(configured);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return E.left(`${VARIABLE}: cannot read ${file}: ${reasonOf(error)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return E.left(`${VARIABLE}: ${file} is not JSON: ${(error as Error).message}.`);
  }
  const table = decodeAsqSe2CutoffTable(json);
  if (E.isRight(table)) return table;
  const fields = table.left.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return E.left(`${VARIABLE}: ${file} is not an ASQ-SE2 cutoff table: ${fields}.`);
};
