import { stringify } from 'csv-stringify/sync';
import { asRecordedEvent } from '@coachline/views';
import { evaluationExtractTable, extractLines, startEvaluationExtract } from '@coachline/projections';
import type { Actor } from '@coachline/domain';
import { resolve } from 'node:path';
import { recordRead } from '../access-log/record-read';
import { writeOutputFile } from '../output/output-file';
import { openStore } from '../store/open-store';
import { hmacPseudonymizer } from './pseudonymizer';
import { loadPseudonymSecret } from './pseudonym-secret';
import { secretFolderOf } from './secret-folder';

export type ExtractFormat = 'json' | 'csv';

export interface EvaluationExportOptions {
  readonly out: string;
  readonly store: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  readonly format: ExtractFormat;
  readonly asOf?: string;
  readonly pseudonymSecret?: string;
  readonly env: NodeJS.ProcessEnv;
  /** Who makes the extract, for the access log. */
  readonly reader: Actor;
  /** When the extract was made, for the access log. */
  readonly now: () => Date;
}

/**
 * `coachline export --for evaluation`: the de-identified extract for the evaluation partner, as
 * JSON Lines (a manifest line, then providers, screenings and aggregates) or as one long CSV
 * table. The file appears once the read is recorded in the store's access log.
 */
export const evaluationExport = async (options: EvaluationExportOptions, out: NodeJS.WritableStream): Promise<void> => {
  // The store first: a mistyped store folder fails before a secret is kept under its name.
  const store = await openStore(options.store, { keyFile: options.keyFile });
  const fold = startEvaluationExtract(options.asOf);
  let secret: string;
  try {
    ({ secret } = await loadPseudonymSecret({
      ...(options.pseudonymSecret !== undefined ? { file: options.pseudonymSecret } : {}),
      env: options.env,
      folder: secretFolderOf(options.store),
    }));
    for await (const stored of store.readAll()) fold.push(asRecordedEvent(stored));
  } finally {
    await store.close();
  }
  const extract = fold.result({ pseudonymize: hmacPseudonymizer(secret) });
  const table = evaluationExtractTable(extract);
  let recorded = false;
  await writeOutputFile(
    options.out,
    options.format === 'json'
      ? extractLines(extract).map((line) => `${JSON.stringify(line)}\n`)
      : [
          stringify([table.header as string[], ...(table.rows as unknown[][])], {
            cast: { boolean: (b) => String(b) },
          }),
        ],
    {
      beforeCommit: async () => {
        recorded = await recordRead({
          store: options.store,
          reader: options.reader,
          view: 'evaluation-extract',
          query: { asOf: extract.manifest.asOf, out: resolve(options.out) },
          at: options.now(),
        });
      },
    },
  );
  out.write(
    `wrote the evaluation extract of ${extract.providers.length} providers and ${extract.screenings.length} screenings as of ${extract.manifest.asOf} to ${options.out}` +
      `${recorded ? '' : ' (a memory: store keeps no access log: the extract is not recorded)'}\n`,
  );
};
