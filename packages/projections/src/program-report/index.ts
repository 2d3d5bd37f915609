export * from './leadership-report';
export * from './program-report';
export * from './program-report.html';
export * from './program-report.table';
export * from './program-report.view';
export * from './report-views';
