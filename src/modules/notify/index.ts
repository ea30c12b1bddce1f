export type { NotifyChannel } from '../../contract/enums';
export { type DeliveryOutcome, deliverPendingNotifications } from './delivery';
export { type DeliveryState, deliveryStates, enqueueNotification, type OutboxMessage } from './outbox';
