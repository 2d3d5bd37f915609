import type { RolePage } from '../registry';
import { EvaluationExtractPage } from './evaluation-extract.page';

/** The evaluation partner takes the de-identified extract away to analyse. */
export const evaluatorPages: ReadonlyArray<RolePage> = [
  { path: 'extract', label: 'De-identified extract', component: EvaluationExtractPage },
];
