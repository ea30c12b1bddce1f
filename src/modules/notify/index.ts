export type { NotifyChannel } from '../../contract/enums';
export { type DeliveryState, deliveryStates, enqueueNotification, type OutboxMessage } from './outbox';
