export type { NotifyChannel } from '../../contract/enums';
export { type DeliveryOutcome, deliverPendingNotifications } from './delivery';
export {
  type DeliveryState,
  deliveryStateOf,
  deliveryStates,
  enqueueNotification,
  notificationsInsert,
  notificationsRows,
  type OutboxMessage,
} from './outbox';
