// The browser tests' harness: the API as `npm start` runs it, Chromium, and the steps every role's pages share.
export { asAdmin, createAccount, daysAfter, seedProgram, streamEventTypes, todayUtc } from './admin-requests';
export { repositoryRoot, startWebApi, type WebApi } from './api-process';
export { expectNoSeriousAxeViolations } from './axe';
export { fieldError } from './field-error';
export { type Browser, CHROMIUM, launchBrowser } from './browser';
export { SCREENSHOTS, screenshot } from './screenshot';
export { signInAs, signInWithPassword, TEST_PASSWORD } from './sign-in';
export { settled } from './settled';
export { schoolYearStart, seedStaffProgram } from './staff-program';
