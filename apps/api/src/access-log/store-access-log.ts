export { StoreAccessLog } from '@coachline/eventstore';
