import { stringify } from 'csv-stringify/sync';
import { asRecordedEvent } from '@coachline/eventstore';
import { evaluationExtractTable, extractLines, startEvaluationExtract } from '@coachline/projections';
import { openStore } from '../store/open-store';
import { recordExtract } from './extract-access';
import { hmacPseudonymizer } from './pseudonymizer';
import { loadPseudonymSecret } from './pseudonym-secret';
import { secretFolderOf } from './secret-folder';
import { writeOwnerOnly } from './write-lines';

export type ExtractFormat = 'json' | 'csv';

export interface EvaluationExportOptions {
  readonly out: string;
  readonly store: string;
  readonly format: ExtractFormat;
  readonly asOf?: string;
  readonly pseudonymSecret?: string;
  readonly env: NodeJS.ProcessEnv;
  /** When the extract was made, for the access log. */
  readonly now: () => Date;
}

/**
 * `coachline export --for evaluation`: the de-identified extract for the evaluation partner, as
 * JSON Lines (a manifest line, then providers, screenings and aggregates) or as one long CSV
 * table; then the read is recorded in the store's access log.
 */
export const evaluationExport = async (options: EvaluationExportOptions, out: NodeJS.WritableStream): Promise<void> => {
  const { secret } = await loadPseudonymSecret({ ...(options.pseudonymSecret !== undefined ? { file: options.pseudonymSecret } : {}), env: options.env, folder: secretFolderOf(options.store) });
  const store = await openStore(options.store);
  const fold = startEvaluationExtract(options.asOf);
  try {
    for await (const stored of store.readAll()) fold.push(asRecordedEvent(stored));
  } finally {
    await store.close();
  }
  const extract = fold.result({ pseudonymize: hmacPseudonymizer(secret) });
  const table = evaluationExtractTable(extract);
  await writeOwnerOnly(
    options.out,
    options.format === 'json'
      ? extractLines(extract).map((line) => `${JSON.stringify(line)}\n`)
      : [stringify([table.header as string[], ...(table.rows as unknown[][])], { cast: { boolean: (b) => String(b) } })],
  );
  const recorded = await recordExtract(options.store, {
    view: 'evaluation-extract',
    query: { asOf: extract.manifest.asOf, out: options.out },
    at: options.now().toISOString(),
  });
  out.write(
    `wrote the evaluation extract of ${extract.providers.length} providers and ${extract.screenings.length} screenings as of ${extract.manifest.asOf} to ${options.out}` +
      `${recorded ? '' : ' (this store keeps no access log the command line can reach: the extract is not recorded)'}\n`,
  );
};
