export * from './coach-registered';
export * from './coach-qualification-recorded';
export * from './coach-qualification-verified';
export * from './reflective-consultation-attended';
export * from './reflective-consultation-survey-completed';
export * from './coach.events';
export * from './coach.commands';
export * from './coach.decider';
