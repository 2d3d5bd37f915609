import { writeDemoFile } from '../demo';
import { checkOutputFile } from '../output/output-file';
import { progressOnStderr } from '../output/progress';

export interface DemoOptions {
  readonly out: string;
  readonly providers: number;
  readonly seed: number;
}

/** `coachline demo --out FILE`: a realistic program year, the same one for the same seed. */
export const demoCommand = async (options: DemoOptions, out: NodeJS.WritableStream): Promise<void> => {
  await checkOutputFile(options.out);
  const progress = progressOnStderr('demo');
  const summary = await writeDemoFile(options.out, {
    providers: options.providers,
    seed: options.seed,
    onProgress: (n) => progress.tick(n),
  });
  progress.stop();
  out.write(
    `wrote ${summary.events} events (${options.providers} providers, seed ${options.seed}) to ${options.out}\n`,
  );
};
