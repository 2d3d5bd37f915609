import { viewFromStore } from '@coachline/views';
import { shareProjection, ShareView } from '@coachline/projections';
import { formatView } from '../output/format-view';
import { writeOutputFile } from '../output/output-file';
import { openStore } from '../store/open-store';
import { ExtractFormat } from './evaluation-export';

export interface ShareExportOptions {
  readonly out: string;
  readonly store: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  readonly format: ExtractFormat;
  readonly asOf?: string;
}

/** `coachline export --for share`: the confidential share (rule 10) as a file, and nothing else of the history. */
export const shareExport = async (options: ShareExportOptions, out: NodeJS.WritableStream): Promise<void> => {
  const store = await openStore(options.store, { keyFile: options.keyFile });
  let view: ShareView;
  try {
    view = await viewFromStore<ShareView>(
      store,
      shareProjection,
      options.asOf !== undefined ? { asOf: options.asOf } : {},
    );
  } finally {
    await store.close();
  }
  await writeOutputFile(options.out, [formatView(view, shareProjection.table(view), options.format)]);
  out.write(`wrote the share of ${view.providers.length} providers as of ${view.asOf} to ${options.out}\n`);
};
