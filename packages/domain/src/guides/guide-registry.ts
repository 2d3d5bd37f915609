import * as O from 'fp-ts/Option';
import { ProgramGuide } from './program-guide';
import { mimtssCoachingSystemGuide } from './mimtss-coaching-system';
import { rirYear1Guide } from './rir-year-1';
import { starsPbcGuide } from './stars-pbc';

/** Every guide a community may pick for a program year; a new guide is one more entry. */
export const programGuides: ReadonlyArray<ProgramGuide> = [rirYear1Guide, starsPbcGuide, mimtssCoachingSystemGuide];

/** The guide a program year names, or none: a stored year may name a guide this version lacks. */
export const findGuide = (guideId: string): O.Option<ProgramGuide> =>
  O.fromNullable(programGuides.find((guide) => guide.guideId === guideId));
